"""N requests per window server-wide, then 429 "Too Many Attempts." for the penalty period."""

from __future__ import annotations

import time

import httpx
from salesmsg.testing import FakeSalesmsg


def statuses(fake: FakeSalesmsg, client: httpx.Client, n: int) -> list[int]:
    return [client.get("/teams").status_code for _ in range(n)]


def test_past_the_limit_every_request_is_429_for_the_penalty() -> None:
    with (
        FakeSalesmsg(rate_limit=5, rate_window=0.5, rate_penalty=0.3) as fake,
        httpx.Client(base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"}) as client,
    ):
        assert statuses(fake, client, 5) == [200] * 5
        limited = client.get("/teams")
        assert limited.status_code == 429
        assert limited.json() == {"message": "Too Many Attempts."}
        assert "retry-after" not in limited.headers  # the vendor was not seen to send one
        assert client.get("/teams/all").status_code == 429  # server-wide, any operation
        assert httpx.get(f"{fake.url}/teams").status_code == 429  # before auth, too
        time.sleep(0.32)
        assert statuses(fake, client, 5) == [200] * 5  # a fresh window after the penalty
        assert fake.counters.rate_limited == 3
        assert fake.counters.statuses[429] == 3


def test_a_new_window_resets_the_count() -> None:
    with (
        FakeSalesmsg(rate_limit=3, rate_window=0.2, rate_penalty=5) as fake,
        httpx.Client(base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"}) as client,
    ):
        assert statuses(fake, client, 3) == [200] * 3
        time.sleep(0.22)
        assert statuses(fake, client, 3) == [200] * 3


def test_retry_after_can_be_sent() -> None:
    with FakeSalesmsg(rate_limit=1, rate_window=10, rate_penalty=2.5, retry_after=True) as fake:
        httpx.get(f"{fake.url}/teams")
        limited = httpx.get(f"{fake.url}/teams")
        assert (limited.status_code, limited.headers["retry-after"]) == (429, "3")


def test_rate_limit_none_switches_it_off() -> None:
    with (
        FakeSalesmsg(rate_limit=None) as fake,
        httpx.Client(base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"}) as client,
    ):
        assert set(statuses(fake, client, 80)) == {200}
        assert fake.rate_limiter is None


def test_the_default_is_60_per_minute() -> None:
    with (
        FakeSalesmsg() as fake,
        httpx.Client(base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"}) as client,
    ):
        assert statuses(fake, client, 61) == [200] * 60 + [429]
        assert fake.rate_limiter is not None
        assert (fake.rate_limiter.window, fake.rate_limiter.penalty) == (60.0, 60.0)
