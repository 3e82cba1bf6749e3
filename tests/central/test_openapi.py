"""Schemathesis against the running centre (loopback, real PostgreSQL): no 5xx, and every
response that the schema describes matches it. A short, seeded budget in CI."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.centre import login

pytestmark = pytest.mark.postgres


def test_no_server_error_and_responses_match_the_schema(centre, tmp_path: Path) -> None:
    base, _database, _url = centre
    token = login(base, "admin").json()["token"]
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "run", f"{base}/openapi.json",
        "--checks", "not_a_server_error,response_schema_conformance",
        "--header", f"Authorization: Bearer {token}",
        "--max-examples", "20", "--seed", "20261122", "--request-timeout", "10",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
