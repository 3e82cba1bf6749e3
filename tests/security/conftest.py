"""The attacks: desks and clients against a real centre run as deployed."""

from tests.fixtures.desks import make_desk  # noqa: F401 - a fixture, used by name
