"""The attacks: desks and clients against a real centre run as deployed."""

import pytest

from tests.fixtures.desks import make_desk  # noqa: F401 - a fixture, used by name

pytest.register_assert_rewrite("tests.security.push_helpers")  # its asserts say what failed, as in a test module
