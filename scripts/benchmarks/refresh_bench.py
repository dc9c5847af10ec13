"""Token refresh under load: 100 concurrent tasks on an expired token refresh it once.

    python scripts/bench.py --only refresh

One fake server in a subprocess (no rate limit, validation off), one event loop, one warm
connection pool shared by the clients below (so no phase pays for opening connections). Each
phase is 100 tasks, `asyncio.gather`ed, each making one GET (`asm.teams.list()`):

- reactive: the fake has expired the token of a long-lived client (`expire_token`; the client
  does not know): 100 answers 401, one refresh (`POST /oauth/personal-token/refresh`), 100
  replays. Its baseline, fresh: the same client with a valid token (after a reactive refresh its
  new token is simply fresh again);
- proactive: a new client is told its token expired (`token_expires_at` in the past): it
  refreshes before sending, the other 99 wait for that refresh. Its baseline, fresh_new: a new
  client with a valid token (a new client was measured ~10 % faster than a long-lived one on a
  burst; noise or not, each expired phase is compared with its own kind).

Every run goes through the four phases, in a rotating order. A phase's number is the median
completion time of its 100 tasks, from the gather's start; the figures are medians over runs.
Refresh calls are the fake's count of successful PAT refreshes during the phase.
"""

from __future__ import annotations

import asyncio
import datetime
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx
import salesmsg

from ._servers import FakeServer, fake_server
from .figures import Figure, Goal, median

__all__ = ["RUNS", "run"]

RUNS = 7
TASKS = 100
PHASES = ("fresh", "reactive", "fresh_new", "proactive")
BASELINE = {"reactive": "fresh", "proactive": "fresh_new"}


@dataclass
class Phase:
    """Per run: median and 95th percentile completion (s), and refreshes the fake counted."""

    p50: list[float] = field(default_factory=list)
    p95: list[float] = field(default_factory=list)
    refreshes: list[int] = field(default_factory=list)


async def _gather(client: salesmsg.AsyncSalesmsg) -> list[float]:
    """Completion times (s from the start) of TASKS concurrent GETs."""
    start = time.perf_counter()

    async def one() -> float:
        await client.teams.list()
        return time.perf_counter() - start

    return list(await asyncio.gather(*(one() for _ in range(TASKS))))


class _Bench:
    def __init__(self, fake: FakeServer, pool: httpx.AsyncHTTPTransport) -> None:
        self.fake, self.pool = fake, pool
        self.long_lived = self._client(fake.access_token)
        self.phases = {name: Phase() for name in PHASES}

    def _client(self, token: str, expires_at: datetime.datetime | None = None) -> salesmsg.AsyncSalesmsg:
        # Not closed: closing would close the shared pool (a pool passed in belongs to the client).
        return salesmsg.AsyncSalesmsg(
            access_token=token,
            base_url=self.fake.url,
            async_transport=self.pool,
            requests_per_minute=None,
            token_expires_at=expires_at,
        )

    async def fresh(self) -> list[float]:
        return await _gather(self.long_lived)

    async def fresh_new(self) -> list[float]:
        return await _gather(self._client(self.fake.issue_pat()))

    async def reactive(self) -> list[float]:
        self.fake.expire_token(self.long_lived.tokens.access_token)
        return await _gather(self.long_lived)

    async def proactive(self) -> list[float]:
        past = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
        return await _gather(self._client(self.fake.issue_pat(), expires_at=past))

    async def measure(self, name: str) -> None:
        action: Callable[[], Awaitable[list[float]]] = getattr(self, name)
        before = self.fake.counters()["pat_refreshes"]
        times = sorted(await action())
        phase = self.phases[name]
        phase.refreshes.append(self.fake.counters()["pat_refreshes"] - before)
        phase.p50.append(statistics.median(times))
        phase.p95.append(times[int(0.95 * len(times)) - 1])


async def _run(fake: FakeServer, runs: int) -> dict[str, Phase]:
    pool = httpx.AsyncHTTPTransport()
    bench = _Bench(fake, pool)
    try:
        for _ in range(2):  # warm-up: 100 connections open, imports and caches done
            await bench.fresh()
        for index in range(runs):
            order = PHASES[index % len(PHASES) :] + PHASES[: index % len(PHASES)]
            for name in order:
                await bench.measure(name)
    finally:
        await pool.aclose()
    return bench.phases


def _figures(phases: dict[str, Phase]) -> list[Figure]:
    ms = 1e3
    figures: list[Figure] = []
    for name, baseline_name in BASELINE.items():
        phase, fresh = phases[name], phases[baseline_name]
        ours, baseline = median(phase.p50) * ms, median(fresh.p50) * ms
        p95 = (median(phase.p95) - median(fresh.p95)) * ms
        how = "server answers 401" if name == "reactive" else "client knows the expiry"
        figures += [
            Figure(
                "refresh",
                f"{name} ({how}): refresh calls per {TASKS} tasks",
                ours=max(phase.refreshes),
                unit="",
                goal=Goal("ours", "==", 1),
                samples=phase.refreshes,
                note="the most in any run",
            ),
            Figure(
                "refresh",
                f"{name}: median completion of {TASKS} concurrent GETs",
                ours=round(ours, 1),
                unit="ms",
                baseline=round(baseline, 1),
                baseline_name=f"fresh token, {'same' if name == 'reactive' else 'new'} client",
                samples=[round(value * ms, 1) for value in phase.p50],
                baseline_samples=[round(value * ms, 1) for value in fresh.p50],
                note=f"added {ours - baseline:.1f} ms at the median, {p95:.1f} ms at p95",
                extra={
                    "added_ms_p50": round(ours - baseline, 1),
                    "added_ms_p95": round(p95, 1),
                    "p95_ms": [round(value * ms, 1) for value in phase.p95],
                    "fresh_p95_ms": [round(value * ms, 1) for value in fresh.p95],
                },
            ),
        ]
    return figures


def run(runs: int) -> list[Figure]:
    with fake_server() as fake:
        phases = asyncio.run(_run(fake, runs))
    return _figures(phases)
