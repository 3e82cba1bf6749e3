"""The centre's HTTP API, one router per area (`central.app.create_app` includes them)."""
