"""The suite's set-up: offscreen Qt, a private home folder per test, and the fixture modules."""

from __future__ import annotations

import os

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

pytest_plugins = ["tests.fixtures.demo", "tests.fixtures.postgres", "tests.fixtures.centre", "tests.fixtures.packaging"]


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCH_CONSOLE_HOME", str(tmp_path_factory.mktemp("home")))
