"""The client side of sync with the central service: outbox, push, pull by cursor, conflicts."""
