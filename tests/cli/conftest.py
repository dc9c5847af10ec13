"""Fixtures for the CLI tests: a fake server per test, and the `cli` runner bound to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from salesmsg.testing import FakeSalesmsg

from tests.cli.runner import CLI


@pytest.fixture
def fake() -> Iterator[FakeSalesmsg]:
    # No server-side rate limit: a test file runs more commands than 60 a minute.
    with FakeSalesmsg(rate_limit=None) as server:
        yield server
    assert server.server_errors == []


@pytest.fixture
def cli(fake: FakeSalesmsg, tmp_path: Path) -> CLI:
    return CLI(fake, tmp_path)
