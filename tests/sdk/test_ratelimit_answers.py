"""RateLimiter dates a slot from its request's answer when that comes later than its start.

The server counts arrivals; an answer is an upper bound of the arrival. A first burst that reached
the server late (connections opening, a busy event loop) must push the next burst back, or the
server's first window meets it: 429s (found by `scripts/benchmarks/throughput_bench.py`).
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from salesmsg._ratelimit import RateLimiter
from salesmsg._transport import SalesmsgTransport

from tests.conftest import LocalServer, Recorded, Reply
from tests.sdk.fake_clock import FakeClock


def test_a_late_answer_pushes_the_slot_a_window_later() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2, 10.0, clock=clock, margin=0.0)
    first, second = limiter.acquire(sleep=clock.sleep), limiter.acquire(sleep=clock.sleep)
    clock.now += 3.0
    limiter.answered(first)  # it reached the server 3 s after it started, at the latest
    limiter.answered(second)
    assert limiter.reserve() == pytest.approx(10.0)  # not 7: a window after that answer


def test_an_early_answer_changes_nothing() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, 10.0, clock=clock, margin=0.0)
    slot = limiter.acquire(sleep=clock.sleep)
    limiter.answered(slot)  # at once (the clock did not move)
    assert limiter.reserve() == pytest.approx(10.0)


def test_a_waiter_checks_again_when_the_answer_came_after_its_reservation() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, 10.0, clock=clock, margin=0.0)
    first = limiter.acquire(sleep=clock.sleep)
    reasons: list[str] = []

    def sleep(seconds: float) -> None:
        if not clock.sleeps:  # while the second request waits, the first is answered at t+4
            clock.now += 4.0
            limiter.answered(first)
            clock.now -= 4.0
        clock.sleep(seconds)

    limiter.acquire(sleep=sleep, on_wait=lambda s, r: reasons.append(r))
    assert clock.sleeps == [10.0, pytest.approx(4.0)]
    assert reasons[1] == "rate limit: a request of the previous window was answered late"


def test_disabled_limiter_has_no_slots() -> None:
    limiter = RateLimiter(None)
    slot = limiter.acquire()
    assert slot is None
    limiter.answered(slot)  # a no-op


def test_the_transport_reports_every_answer(local_server: LocalServer) -> None:
    clock = FakeClock()

    def slow(_req: Recorded) -> Reply:
        clock.now += 2.0  # each answer takes two seconds on the limiter's clock
        return Reply(200, {"ok": True})

    local_server.handler = slow
    limiter = RateLimiter(1, 10.0, clock=clock, margin=0.0)
    transport = SalesmsgTransport(limiter=limiter, sleep=clock.sleep)
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        client.get("/a")
        client.get("/b")
    # /b waited a full period after /a's answer (at t+2); dated from /a's start it would wait 8 s.
    assert clock.sleeps == [pytest.approx(10.0)]


def test_async_tasks_started_together_take_their_slots_after_building_their_requests() -> None:
    limiter = RateLimiter(2, 60.0)
    order: list[str] = []

    async def task(name: str) -> None:
        order.append(f"build {name}")
        await limiter.acquire_async()
        order.append(f"slot {name}")

    async def main() -> None:
        await asyncio.gather(task("a"), task("b"))

    asyncio.run(main())
    assert order == ["build a", "build b", "slot a", "slot b"]
