"""The `salesmsg_fake` fixture as a downstream project uses it: a separate pytest run of a small test file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOWNSTREAM = """
import httpx
import pytest


def test_send_and_see_it(salesmsg_fake):
    auth = {"Authorization": f"Bearer {salesmsg_fake.access_token}"}
    httpx.post(f"{salesmsg_fake.url}/messages/5001", params={"message": "From downstream"}, headers=auth)
    assert [m.text for m in salesmsg_fake.sent_messages] == ["From downstream"]


@pytest.mark.salesmsg_fake(rate_limit=2, rate_window=10)
def test_marker_options(salesmsg_fake):
    codes = [httpx.get(f"{salesmsg_fake.url}/teams").status_code for _ in range(3)]
    assert codes == [401, 401, 429]


def test_off_document_answer_fails_at_teardown(salesmsg_fake):
    with salesmsg_fake.store.lock:
        salesmsg_fake.store.teams[11].name = None
    auth = {"Authorization": f"Bearer {salesmsg_fake.access_token}"}
    assert httpx.get(f"{salesmsg_fake.url}/teams/11", headers=auth).status_code == 200
"""


def run_pytest(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_downstream.py").write_text(DOWNSTREAM)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_fixture_is_there_through_the_entry_point(tmp_path: Path) -> None:
    result = run_pytest(tmp_path)
    assert "3 passed, 1 error" in result.stdout, result.stdout + result.stderr  # the error: at teardown
    assert "the fake Salesmsg server answered off-document or failed:" in result.stdout
    assert "GET /teams/11 -> 200: getTeam 200: name: None for not nullable" in result.stdout


def test_pytest_plugins_in_conftest_works_as_well(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["salesmsg.testing.pytest_plugin"]\n')
    result = run_pytest(tmp_path, "-k", "send_and_see_it")
    assert "1 passed" in result.stdout, result.stdout + result.stderr
