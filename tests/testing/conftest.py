"""Fixtures for the fake server's own tests: a started fake without a rate limit, and a client for it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg


@pytest.fixture
def fake() -> Iterator[FakeSalesmsg]:
    """The default demo account; fails the test if the fake answered off-document or crashed."""
    with FakeSalesmsg(rate_limit=None) as server:
        yield server
        assert [str(v) for v in server.response_violations] == []
        assert server.server_errors == []


@pytest.fixture
def api(fake: FakeSalesmsg) -> Iterator[httpx.Client]:
    """An httpx client with the fake's base URL and its access token."""
    headers = {"Authorization": f"Bearer {fake.access_token}"}
    with httpx.Client(base_url=fake.url, headers=headers, timeout=10) as client:
        yield client
