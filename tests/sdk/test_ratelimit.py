"""RateLimiter: a sliding log of start times, shared by threads and asyncio tasks.

Arithmetic is checked with a fake clock; sharing is checked against a real loopback server that
records when each request arrives.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time

import httpx
import pytest
from salesmsg._ratelimit import RateLimiter
from salesmsg._transport import SalesmsgTransport

from tests.conftest import LocalServer, Recorded, Reply
from tests.sdk.fake_clock import FakeClock


def max_in_window(starts: list[float], window: float) -> int:
    """The largest number of starts in any half-open interval [t, t + window)."""
    starts = sorted(starts)
    best, lo = 0, 0
    for hi, t in enumerate(starts):
        # 1e-9: (t + period) - t is not always exactly period in floating point.
        while t - starts[lo] >= window - 1e-9:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


# -- arithmetic (fake clock) ----------------------------------------------------------------------


def test_burst_up_to_the_limit_then_the_next_waits_for_the_oldest() -> None:
    clock = FakeClock()
    limiter = RateLimiter(5, 10.0, clock=clock, margin=0.5)
    assert [limiter.reserve() for _ in range(5)] == [0.0] * 5
    # The 6th may start only `period + margin` after the 1st.
    assert limiter.reserve() == pytest.approx(10.5)
    # Queued callers line up behind it, first come, first served.
    assert limiter.reserve() == pytest.approx(10.5)


def test_sliding_log_frees_slots_one_by_one() -> None:
    clock = FakeClock()
    limiter = RateLimiter(3, 10.0, clock=clock, margin=0.0)
    for _ in range(3):
        assert limiter.reserve() == 0.0
        clock.now += 2.0  # starts at 0, 2, 4
    # now = 6: the oldest start (0) leaves the window at 10.
    assert limiter.reserve() == pytest.approx(4.0)
    clock.now = 1000.0 + 30.0  # long idle: a full burst again
    assert [limiter.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]


def test_default_margin_is_a_fortieth_of_the_period() -> None:
    limiter = RateLimiter()
    assert (limiter.requests, limiter.period, limiter.margin) == (60, 60.0, 1.5)
    assert RateLimiter(5, 0.5).margin == pytest.approx(0.0125)


def test_acquire_sleeps_the_reserved_time_and_reports_it() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2, 1.0, clock=clock, margin=0.0)
    waits: list[tuple[float, str]] = []
    for _ in range(3):
        limiter.acquire(sleep=clock.sleep, on_wait=lambda s, r: waits.append((s, r)))
    assert clock.sleeps == [1.0]
    assert waits == [(1.0, "rate limit: 2 requests per 1 s")]


def test_long_run_never_exceeds_the_limit_and_keeps_95_percent_of_the_rate() -> None:
    clock = FakeClock(0.0)
    limiter = RateLimiter(60, 60.0, clock=clock)
    starts = []
    for _ in range(6000):  # a hundred minutes of a caller that always has work
        limiter.acquire(sleep=clock.sleep)
        starts.append(clock.now)
    assert max_in_window(starts, 60.0) == 60
    rate = len(starts) / (starts[-1] - starts[0] + 60.0)  # requests per second, last window included
    assert rate >= 0.95 * 60 / 60.0
    assert rate <= 60 / 60.0


def test_uneven_callers_never_exceed_the_limit() -> None:
    # Random arrivals (some idle, some in bursts) still never put more than N in any window.
    rnd = random.Random(7)
    clock = FakeClock(0.0)
    limiter = RateLimiter(5, 1.0, clock=clock, margin=0.0)
    starts = []
    for _ in range(2000):
        clock.now += rnd.choice([0.0, 0.0, 0.01, 0.1, 0.3, 1.5])
        starts.append(clock.now + limiter.reserve())
    assert max_in_window(starts, 1.0) == 5
    assert starts == sorted(starts)


def test_concurrent_reservations_lose_no_update() -> None:
    clock = FakeClock()  # frozen: every thread asks at the same instant
    limiter = RateLimiter(10, 1.0, clock=clock, margin=0.0)
    waits: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(50):
            wait = limiter.reserve()
            with lock:
                waits.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # 400 slots, 10 per second: exactly ten at each of 0, 1, 2, ... 39 s.
    assert sorted(waits) == [float(i // 10) for i in range(400)]


def test_pause_until_delays_everyone_and_is_never_shortened() -> None:
    clock = FakeClock()
    limiter = RateLimiter(100, 60.0, clock=clock)
    limiter.pause_until(60.0)
    limiter.pause_until(5.0)  # a shorter pause does not cut the longer one
    assert limiter.reserve() == pytest.approx(60.0)
    clock.now += 60.0
    assert limiter.reserve() == 0.0


def test_a_pause_that_arrives_while_sleeping_is_honoured() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, 1.0, clock=clock, margin=0.0)
    limiter.reserve()  # the slot at t=0 is taken; the next is at t=1
    reasons: list[str] = []

    def sleep(seconds: float) -> None:
        if not clock.sleeps:
            limiter.pause_until(30.0, reason="429 elsewhere")  # another thread got a 429
        clock.sleep(seconds)

    limiter.acquire(sleep=sleep, on_wait=lambda s, r: reasons.append(r))
    assert clock.sleeps == [1.0, pytest.approx(29.0)]
    assert reasons == ["rate limit: 1 requests per 1 s", "429 elsewhere"]


def test_disabled_limiter_only_honours_pauses() -> None:
    clock = FakeClock()
    limiter = RateLimiter(None, clock=clock)
    assert not limiter.enabled
    assert all(limiter.reserve() == 0.0 for _ in range(1000))
    limiter.pause_until(2.0)
    assert limiter.reserve() == 2.0


def test_async_acquire_uses_the_async_sleep() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, 1.0, clock=clock, margin=0.0)

    async def main() -> None:
        for _ in range(3):
            await limiter.acquire_async(sleep=clock.asleep)

    asyncio.run(main())
    assert clock.sleeps == [1.0, 1.0]


@pytest.mark.parametrize(("requests", "period", "margin"), [(0, 1.0, None), (1, 0.0, None), (1, 1.0, -0.1)])
def test_rejects_nonsense(requests: int, period: float, margin: float | None) -> None:
    with pytest.raises(ValueError):
        RateLimiter(requests, period, margin=margin)


def test_acquire_logs_at_debug_by_default(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, 1.0, clock=clock, margin=0.0)
    caplog.set_level("DEBUG", logger="salesmsg")
    limiter.acquire(sleep=clock.sleep)
    limiter.acquire(sleep=clock.sleep)
    assert [r.name for r in caplog.records] == ["salesmsg.ratelimit"]
    assert "waiting 1.000 s" in caplog.records[0].getMessage()


# -- real threads and tasks against a real server -------------------------------------------------


def test_threads_and_tasks_sharing_one_limiter_never_exceed_it(local_server: LocalServer) -> None:
    limit, period = 4, 0.3
    # 150 ms of margin: loopback is fast, but a busy 2-core CI machine may schedule a server thread late
    # (this test checks arrival times at the server; the fake-clock tests check the exact arithmetic).
    limiter = RateLimiter(limit, period, margin=0.15)
    transport = SalesmsgTransport(limiter=limiter)
    arrivals: list[float] = []
    lock = threading.Lock()

    def handler(req: Recorded) -> Reply:
        with lock:
            arrivals.append(time.monotonic())
        return Reply(200, {"ok": True})

    local_server.handler = handler
    errors: list[BaseException] = []

    def sync_worker(client: httpx.Client) -> None:
        try:
            for i in range(3):
                assert client.get(f"/sync/{i}").status_code == 200
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    async def async_main() -> None:
        async with httpx.AsyncClient(base_url=local_server.url, transport=transport) as client:
            responses = await asyncio.gather(*(client.get(f"/async/{i}") for i in range(6)))
        assert all(r.status_code == 200 for r in responses)

    def async_worker() -> None:
        try:
            asyncio.run(async_main())
        except BaseException as exc:
            errors.append(exc)

    began = time.monotonic()
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        threads = [threading.Thread(target=sync_worker, args=(client,)) for _ in range(2)]
        threads.append(threading.Thread(target=async_worker))
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=10)
    elapsed = time.monotonic() - began

    assert not errors
    assert len(arrivals) == 12
    assert max_in_window(arrivals, period) <= limit
    # Not needlessly slow: 12 requests at 4 per 0.45 s is three bursts, two waits.
    assert elapsed < 2 * (period + 0.15) + 0.8
