"""The suite's set-up: offscreen Qt, a private home folder per test, the fixture modules, and how
the tests are shared out between pytest-xdist workers (scripts/test.sh runs `-n auto --dist loadgroup`)."""

from __future__ import annotations

import os

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

pytest_plugins = ["tests.fixtures.demo", "tests.fixtures.postgres", "tests.fixtures.centre", "tests.fixtures.packaging"]

# Tests that must run on one worker, one after the other: node id prefix -> group. The packaging
# tests build the Linux bundle, the Windows bundle and MSI and a Wine desk once a session, into
# build/packaging-tests: on two workers they would build twice and into each other's folders.
# A module whose tests share an expensive module-scoped fixture is a group too, or each worker
# that runs one of them builds it (test_centre.py's full-size demo: 5-10 s).
# The packaging modules say so with pytest.mark.xdist_group too, but xdist 3.8 reads that mark
# through a node id pytest 9.2 no longer lets it change: the scheduler below groups by this table,
# and a mark that disagrees with it stops the run.
XDIST_GROUPS = {"tests/packaging/": "packaging", "tests/core/demo/test_centre.py::": "full-demo",
                "tests/sync/test_several_instances.py::": "several-instances"}
# The longest tests (each well over 10 s), started first so that none is left running alone at the
# end while the other worker idles; then everything else in its usual order. scripts/test.sh prints
# the slowest 25 of each run: a test that joins them belongs here.
LONG_RUNNING = (
    "tests/central/test_openapi.py::test_no_server_error_and_responses_match_the_schema",
    "tests/sync/test_state_machine.py::test_desks_editing_going_offline_crashing_and_the_centre_restarting_converge",
    "tests/sync/test_crash.py::test_every_saved_change_reaches_the_centre_exactly_once_whenever_the_desk_is_killed",
    "tests/test_cli.py::test_central_demo_fills_an_empty_database_once",
    "tests/test_cli.py::test_self_test_opens_the_main_window_and_exits_0",
    "tests/sync/test_centre_restart.py::",
    "tests/faults/test_centre_faults.py::",
    "tests/sync/test_several_instances.py::",
)


def xdist_group(nodeid: str) -> str | None:
    return next((group for prefix, group in XDIST_GROUPS.items() if nodeid.startswith(prefix)), None)


def _long_running(nodeid: str) -> int:
    return next((n for n, prefix in enumerate(LONG_RUNNING) if nodeid.startswith(prefix)), len(LONG_RUNNING))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        marked = {str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")}
        if marked and marked != {xdist_group(item.nodeid)}:
            raise pytest.UsageError(f"{item.nodeid} is marked xdist_group {sorted(marked)}: add it to XDIST_GROUPS in tests/conftest.py")
    # Every worker collects and sorts alike (xdist checks that the collections are equal).
    items.sort(key=lambda item: _long_running(item.nodeid))


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`--dist loadgroup` with the groups of XDIST_GROUPS: each group is one unit of work (the
    biggest first), every other test its own, handed to whichever worker is free."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class TableGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_group(nodeid) or super()._split_scope(nodeid)

    return TableGroupScheduling(config, log)


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCH_CONSOLE_HOME", str(tmp_path_factory.mktemp("home")))
