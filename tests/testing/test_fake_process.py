"""`fake_server_process`: `python -m salesmsg.testing` as a subprocess, started, read back and stopped."""

from __future__ import annotations

import httpx
import pytest
from salesmsg.testing import fake_server_process


def test_serves_the_settings_it_printed_and_stops_on_exit() -> None:
    with fake_server_process("--rate-limit", "0") as fake:
        assert fake.base_url.startswith("http://127.0.0.1:") and fake.base_url.endswith("/pub/v2.2")
        response = httpx.get(
            f"{fake.base_url}/user", headers={"Authorization": f"Bearer {fake.access_token}"}
        )
        assert response.status_code == 200 and response.json()["id"] == 101
        assert fake.process.poll() is None
    assert fake.process.returncode == 0  # SIGTERM: a clean stop
    assert fake.process.stdout is not None and fake.process.stdout.closed


def test_a_server_that_exits_early_raises_with_its_exit_status() -> None:
    # argparse refuses the option: exit status 2
    with (
        pytest.raises(RuntimeError, match=r"exited with status 2 .*--no-such-option"),
        fake_server_process("--no-such-option"),
    ):
        pytest.fail("the block must not run")


def test_a_server_that_prints_nothing_in_time_raises_timeout() -> None:
    # No interpreter starts and imports the server in 10 ms: the deadline passes, the child is killed.
    with (
        pytest.raises(TimeoutError, match=r"printed no settings within 0\.01 s"),
        fake_server_process(timeout=0.01),
    ):
        pytest.fail("the block must not run")
