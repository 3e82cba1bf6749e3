"""The sync tests: desks against a real centre (PostgreSQL from the suite, the service on loopback)."""

from tests.fixtures.desks import Desk, make_desk  # noqa: F401 - fixtures, used by name
