"""The single-instance guard: a second launch reaches the running console and asks it forward."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

from console.single_instance import SingleInstance, ask_running_to_activate, claim, server_name


def test_names_differ_by_user_and_desk_folder() -> None:
    assert server_name("wang", "/a") == server_name("wang", "/a")
    assert server_name("wang", "/a") != server_name("li", "/a")
    assert server_name("wang", "/a") != server_name("wang", "/b")


def test_with_nobody_running_the_launch_becomes_the_running_console(qapp) -> None:
    name = f"dc-test-{uuid.uuid4().hex[:8]}"
    assert not ask_running_to_activate(name)
    guard = claim(name)
    assert isinstance(guard, SingleInstance)
    guard.close()


def test_a_second_process_asks_the_running_console_forward_and_exits_0(qtbot) -> None:
    name = f"dc-test-{uuid.uuid4().hex[:8]}"
    guard = claim(name)
    assert guard is not None
    script = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
              "from console.single_instance import claim; "
              f"sys.exit(0 if claim({name!r}) is None else 3)")
    with qtbot.waitSignal(guard.activate_requested, timeout=10_000):
        second = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        while second.poll() is None:
            qtbot.wait(20)
    assert second.returncode == 0
    guard.close()


def test_a_socket_left_by_a_crash_is_taken_over(qapp) -> None:
    name = f"dc-test-{uuid.uuid4().hex[:8]}"
    crashed = SingleInstance(name)
    assert crashed.listen()
    crashed._server.close()  # what a crash leaves: the name, and nobody answering
    guard = claim(name)
    assert guard is not None and guard._server.isListening()
    guard.close()
