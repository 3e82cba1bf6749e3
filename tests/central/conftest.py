"""The centre's fixture (a real PostgreSQL database, the service on loopback) for every module here."""

from tests.central.test_api import centre  # noqa: F401 - a fixture, used by name
