"""The desk's start-up pieces, each a module: the data file's dialogs, the centre's login, the demo
command, the demo seeding and the self-test. `console.app` (the composition root) calls them."""
