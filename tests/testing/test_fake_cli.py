"""`python -m salesmsg.testing` as a real subprocess: prints its settings, serves, stops on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import httpx


def start(*args: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "salesmsg.testing", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(2)]
    settings = dict(line.partition("=")[::2] for line in lines)
    assert set(settings) == {"SALESMSG_BASE_URL", "SALESMSG_ACCESS_TOKEN"}, lines
    return process, settings


def test_serves_until_sigterm_then_exits_0() -> None:
    process, settings = start()
    try:
        assert settings["SALESMSG_BASE_URL"].startswith("http://127.0.0.1:")
        assert settings["SALESMSG_BASE_URL"].endswith("/pub/v2.2")
        response = httpx.get(
            f"{settings['SALESMSG_BASE_URL']}/user",
            headers={"Authorization": f"Bearer {settings['SALESMSG_ACCESS_TOKEN']}"},
        )
        assert response.status_code == 200 and response.json()["id"] == 101
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "GET /user -> 200 (getCurrentUser)" in stderr


def test_seed_file_rate_limit_and_sigint(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"teams": [{"id": 42, "name": "From file"}]}))
    process, settings = start("--seed", str(seed), "--rate-limit", "1", "--quiet")
    try:
        headers = {"Authorization": f"Bearer {settings['SALESMSG_ACCESS_TOKEN']}"}
        first = httpx.get(f"{settings['SALESMSG_BASE_URL']}/teams", headers=headers)
        second = httpx.get(f"{settings['SALESMSG_BASE_URL']}/teams", headers=headers)
        assert first.json() == [{"id": 42, "name": "From file"}] and second.status_code == 429
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0 and stderr == ""
