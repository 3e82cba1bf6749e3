"""The command lines as a user runs them: separate processes, real files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from console.core.store.models import Customer, SlaRuleRow
from console.data_file import open_data_file


def run(*args: str, env_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, DISPATCH_CONSOLE_HOME=str(env_home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, timeout=300)


def test_self_test_opens_the_main_window_and_exits_0(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run("console", "--self-test", "--screenshot", str(shot), env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert shot.stat().st_size > 10_000


def test_demo_data_writes_a_new_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "centre.sqlite"
    args = ("console", "demo-data", str(out), "--customers", "100", "--sites", "150", "--technicians", "10",
            "--open-orders", "50", "--closed-orders", "10")
    result = run(*args, env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    database, created = open_data_file(out)
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 100
    database.close()
    before = out.read_bytes()
    again = run(*args, env_home=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".demo-")) == []


def test_demo_data_parameters_out_of_range_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "centre.sqlite"
    result = run("console", "demo-data", str(out), "--customers", "5", env_home=tmp_path)
    assert result.returncode == 2
    assert "customers must be between 10 and 200,000, not 5" in result.stderr
    assert not out.exists()


@pytest.mark.postgres
def test_central_migrate_builds_the_schema_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    result = run("central.cli", "migrate", "--database-url", postgres_url, env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(SlaRuleRow)) > 20
    engine.dispose()


def test_central_migrate_without_a_reachable_database_says_so(tmp_path: Path) -> None:
    result = run("central.cli", "migrate", "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/x", env_home=tmp_path)
    assert result.returncode == 1 and "cannot reach the database" in result.stderr
    result = run("central.cli", "migrate", env_home=tmp_path)
    assert result.returncode == 2 and "no database" in result.stderr


def test_central_demo_fills_an_empty_database_once(tmp_path: Path, postgres_url: str) -> None:
    env = dict(os.environ, DISPATCH_CONSOLE_HOME=str(tmp_path))

    def demo(password: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "central.cli", "demo", "--database-url", postgres_url], input=password + "\n",
                              capture_output=True, text=True, env=env, timeout=300)

    assert demo("short").returncode == 2
    result = demo("a trial password")
    assert result.returncode == 0, result.stderr
    assert "wang.wei.central" in result.stdout
    assert "field-app accounts: t00001 to t00080" in result.stdout  # (one per technician, for the field simulation)
    again = demo("a trial password")
    assert again.returncode == 1 and "already holds work orders" in again.stderr
