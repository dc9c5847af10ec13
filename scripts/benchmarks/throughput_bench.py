"""Rate-limited throughput: 300 sends against a fake limited to 600 per minute, sync and async.

    python scripts/bench.py --only throughput

The setup is production at ten times the speed, so that it fits in a minute: the real API allows
60 requests per 60 s and punishes excess with 60 s of 429s; here each fake allows 60 per 6 s
(= 600 per minute) with a 6 s penalty, and the client is told the same limit,
`RateLimiter(60, 6.0)` (its default 2.5 % margin is then 150 ms), with `rate_limit_wait=6.0`.
A window of 600 per 60 s would let all 300 sends out in one burst, which measures nothing.

- sync: one thread, `sm.messages.send(...)` 300 times in a row;
- async: `asyncio.gather` of 300 `asm.messages.send(...)` tasks on one client.

Achieved rate: the requests after the first window's burst (300 - 60) over the time from the
last arrival of the first burst to the last arrival, as the fake's rate limiter saw them (its
arrival times, on the system-wide monotonic clock). A perfect limiter from a cold start scores
exactly 1.0 (bursts of 60 at 0, 6, 12, 18 and 24 s); ours by design ~0.976 (60 per 6.15 s), less
each request's latency. 429s and messages created are the fake's own counts. The JSON also gives
each client's first-burst lag: from the SDK handing its first request to the pool (after the
limiter) to the fake counting it.

Each run is one sync and one async client, each against its own fake (a subprocess); all runs go
at once, a second apart, since a run takes ~25 s whatever the machine.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import salesmsg
from salesmsg import RateLimiter, RetryPolicy

from ._servers import FakeServer, fake_servers
from .figures import Figure, Goal, median

__all__ = ["RUNS", "run"]

RUNS = 3
SENDS = 300
LIMIT, WINDOW = 60, 6.0  # 600 per minute, in the shape of the real 60 per minute
ALLOWED = LIMIT / WINDOW  # per second
STAGGER = 1.0  # seconds between the starts of runs, so their bursts do not coincide
CONVERSATION = 5001
TEXT = "Your appointment is confirmed."


class _Stamped(httpx.BaseTransport):
    """The connection pool, noting when each request reaches it (after the SDK's limiter)."""

    def __init__(self, stamps: list[float]) -> None:
        self._inner = httpx.HTTPTransport()
        self._stamps = stamps

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._stamps.append(time.monotonic())
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


class _AsyncStamped(httpx.AsyncBaseTransport):
    def __init__(self, stamps: list[float]) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._stamps = stamps

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._stamps.append(time.monotonic())
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _options(fake: FakeServer) -> dict[str, Any]:
    return {
        "access_token": fake.access_token,
        "base_url": fake.url,
        "rate_limiter": RateLimiter(LIMIT, WINDOW),
        "retry": RetryPolicy(rate_limit_wait=WINDOW),  # the penalty, scaled like the window
    }


def _send_sync(fake: FakeServer, stamps: list[float]) -> None:
    with salesmsg.Salesmsg(transport=_Stamped(stamps), **_options(fake)) as sm:
        for _ in range(SENDS):
            sm.messages.send(CONVERSATION, TEXT)


def _send_async(fake: FakeServer, stamps: list[float]) -> None:
    async def main() -> None:
        async with salesmsg.AsyncSalesmsg(async_transport=_AsyncStamped(stamps), **_options(fake)) as asm:
            await asyncio.gather(*(asm.messages.send(CONVERSATION, TEXT) for _ in range(SENDS)))

    asyncio.run(main())


@dataclass
class Outcome:
    """One client's run: when each request left the SDK, and what its fake saw and counted."""

    stamps: list[float]
    arrivals: list[float] = field(default_factory=list)
    counters: dict[str, Any] = field(default_factory=dict)
    error: BaseException | None = None

    @property
    def achieved(self) -> float:
        """Achieved rate / allowed rate (see the module docstring); 0.0 if the run failed."""
        if self.error is not None or len(self.arrivals) < SENDS:
            return 0.0
        arrivals = sorted(self.arrivals)
        span = arrivals[-1] - arrivals[LIMIT - 1]
        return (len(arrivals) - LIMIT) / span / ALLOWED

    @property
    def elapsed(self) -> float:
        return max(self.arrivals) - min(self.arrivals) if self.arrivals else 0.0

    @property
    def first_lag_ms(self) -> float | None:
        """From the first request leaving the SDK to the fake counting it."""
        if not self.stamps or not self.arrivals:
            return None
        return round((min(self.arrivals) - min(self.stamps)) * 1e3, 1)


def _runs(runs: int) -> tuple[list[Outcome], list[Outcome]]:
    """All runs at once, staggered: (sync outcomes, async outcomes)."""
    with fake_servers(2 * runs, rate_limit=LIMIT, rate_window=WINDOW, rate_penalty=WINDOW) as fakes:
        outcomes = [Outcome([]) for _ in fakes]
        work: list[Callable[[FakeServer, list[float]], None]] = [_send_sync, _send_async]
        start = time.perf_counter()

        def client(index: int) -> None:
            time.sleep(max(0.0, start + (index // 2) * STAGGER - time.perf_counter()))
            try:
                work[index % 2](fakes[index], outcomes[index].stamps)
            except Exception as exc:  # reported as a missed goal, with the others still measured
                outcomes[index].error = exc

        threads = [threading.Thread(target=client, args=(index,)) for index in range(2 * runs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for outcome, fake in zip(outcomes, fakes, strict=True):
            outcome.counters = fake.counters()
            outcome.arrivals = fake.arrivals()
    return outcomes[0::2], outcomes[1::2]


def _figures(mode: str, outcomes: list[Outcome]) -> list[Figure]:
    achieved = [round(outcome.achieved, 4) for outcome in outcomes]
    rejected = [int(outcome.counters["rate_limited"]) for outcome in outcomes]
    created = [int(outcome.counters["messages_created"]) for outcome in outcomes]
    errors = [f"{type(o.error).__name__}: {o.error}" for o in outcomes if o.error is not None]
    elapsed = [round(outcome.elapsed, 2) for outcome in outcomes]
    return [
        Figure(
            "throughput",
            f"{mode}: achieved / allowed rate, {SENDS} sends at 600/min",
            ours=round(median(achieved), 4),
            unit="",
            goal=Goal("ours", ">=", 0.95),
            samples=achieved,
            note=f"first to last arrival {median(elapsed):.2f} s; a perfect limiter: "
            f"{(SENDS // LIMIT - 1) * WINDOW:.0f} s",
            extra={
                "elapsed_s": elapsed,
                "first_burst_lag_ms": [outcome.first_lag_ms for outcome in outcomes],
                "errors": errors,
            },
        ),
        Figure(
            "throughput",
            f"{mode}: 429 answers (all runs)",
            ours=sum(rejected),
            unit="",
            goal=Goal("ours", "==", 0),
            samples=rejected,
        ),
        Figure(
            "throughput",
            f"{mode}: messages created per run (fewest)",
            ours=min(created),
            unit="",
            goal=Goal("ours", "==", SENDS),
            samples=created,
        ),
    ]


def run(runs: int) -> list[Figure]:
    sync, asynchronous = _runs(runs)
    return _figures("sync", sync) + _figures("async", asynchronous)
