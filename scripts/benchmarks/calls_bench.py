"""Per-call overhead: the SDK against raw httpx, same connection pool, same loopback server.

    python scripts/bench.py --only calls            # or: make bench BENCH_ARGS="--only calls"

One fake Salesmsg server runs in a subprocess (its own interpreter, so its CPU time is not ours;
validation and rate limit off). One `httpx.HTTPTransport` is shared by both sides:

- ours: `sm.messages.list(conversation, limit=20)` (20 messages, 1/3 with media) and
  `sm.messages.send(conversation, text)` on `Salesmsg(transport=pool, requests_per_minute=None)`:
  TokenAuth, SalesmsgTransport (retry policy, limiter), `_invoke`, generated `_get_kwargs` and
  `_parse_response` with `Message.from_dict`;
- baseline: `httpx.Client(transport=pool, headers=Authorization)`, `client.get(path, params=...)
  .json()` and `client.post(path, params=...).json()`: the same request and the JSON decoded, but
  no models built (that difference is part of what the SDK costs).

A run is 2,000 sequential calls of each side, in blocks of 10 alternating SDK / raw (and which
goes first), so the load of a shared machine, which changes by the second, hits both alike. A
run's number is the median time of its 2,000 calls per side; the figure is the median over runs,
the ratio that of the medians. The means per call (GC pauses and stalls included) are in the JSON.

A bare-socket client (HTTP/1.1 written by hand, no parsing) measures what the server and the
loopback cost alone: a faster server would leave the same overhead over a smaller total, so the
JSON also gives the ratio with the server's time taken out.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import salesmsg
from salesmsg.testing._bench import RawClient

from ._servers import CONVERSATION, FakeServer, fake_server
from .figures import Figure, Goal, median

__all__ = ["RUNS", "run"]

RUNS = 3
CALLS = 2_000  # per side and run
BLOCK = 10  # calls in a row before the other side's turn
SOCKET_BLOCK = 2  # bare-socket calls per pair of blocks: enough to estimate the server's share
WARMUP = 200
BUDGET = 45.0  # seconds of measuring at most (the server's start and the warm-up come on top)
SEND_CONVERSATION = 5003  # sends go elsewhere, so the listed conversation stays the same size
TEXT = "Thanks, your appointment is confirmed for Friday at 10am."
GOAL = Goal("ratio", "<=", 1.2)

Call = Callable[[], object]


@dataclass(frozen=True)
class Operation:
    label: str
    sdk: Call
    raw: Call
    socket: Call


@dataclass
class Timings:
    """Per-call latencies (s) of one operation: SDK and raw, one list per run; the socket's pooled."""

    sdk: list[list[float]] = field(default_factory=list)
    raw: list[list[float]] = field(default_factory=list)
    socket: list[float] = field(default_factory=list)


def _medians(runs: list[list[float]]) -> list[float]:
    return [statistics.median(calls) for calls in runs]


def _means(runs: list[list[float]]) -> list[float]:
    return [sum(calls) / len(calls) for calls in runs]


@contextmanager
def _operations(fake: FakeServer) -> Iterator[tuple[Operation, Operation]]:
    pool = httpx.HTTPTransport()  # one pool, one keep-alive connection, for both sides
    sm = salesmsg.Salesmsg(
        access_token=fake.access_token, base_url=fake.url, transport=pool, requests_per_minute=None
    )
    raw = httpx.Client(
        transport=pool, base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"}
    )
    sock = RawClient(fake.url, fake.access_token)
    listed, sent = f"/messages/{CONVERSATION}", f"/messages/{SEND_CONVERSATION}"
    get = Operation(
        "GET /messages/{conversation}, 20 messages",
        sdk=lambda: sm.messages.list(CONVERSATION, limit=20),
        raw=lambda: raw.get(listed, params={"limit": 20}).json(),
        socket=lambda: sock.request("GET", f"{listed}?limit=20"),
    )
    post = Operation(
        "POST /messages/{conversation} (send)",
        sdk=lambda: sm.messages.send(SEND_CONVERSATION, TEXT),
        raw=lambda: raw.post(sent, params={"message": TEXT}).json(),
        socket=lambda: sock.request("POST", f"{sent}?message=Thanks"),
    )
    try:
        _check(sm, raw)
        yield get, post
    finally:
        sock.close()
        raw.close()  # each client closes the shared pool; the second close does nothing
        sm.close()


def _check(sm: salesmsg.Salesmsg, raw: httpx.Client) -> None:
    """Both sides get the same answer, or the comparison would be meaningless."""
    ours = sm.messages.list(CONVERSATION, limit=20)
    theirs = raw.get(f"/messages/{CONVERSATION}", params={"limit": 20}).json()
    if len(ours) != 20 or [m.id for m in ours] != [m["id"] for m in theirs]:
        raise RuntimeError("the SDK and raw httpx listed different messages")


def _block(action: Call, count: int, into: list[float]) -> None:
    clock = time.perf_counter
    for _ in range(count):
        start = clock()
        action()
        into.append(clock() - start)


def _one_run(operation: Operation, timings: Timings, flip: bool) -> None:
    ours: list[float] = []
    theirs: list[float] = []
    for block_index in range(CALLS // BLOCK):
        pair = [(operation.sdk, ours), (operation.raw, theirs)]
        if (block_index % 2 == 1) != flip:
            pair.reverse()
        for action, into in pair:
            _block(action, BLOCK, into)
        _block(operation.socket, SOCKET_BLOCK, timings.socket)
    timings.sdk.append(ours)
    timings.raw.append(theirs)


def measure(operations: Sequence[Operation], runs: int) -> list[Timings]:
    """`runs` runs of every operation, fewer if the time budget would be exceeded (at least 2)."""
    for operation in operations:
        for action in (operation.sdk, operation.raw, operation.socket):
            _block(action, WARMUP, [])
    timings = [Timings() for _ in operations]
    began = time.perf_counter()
    for run_index in range(runs):
        for operation, timing in zip(operations, timings, strict=True):
            _one_run(operation, timing, flip=run_index % 2 == 1)
        elapsed = time.perf_counter() - began
        if run_index >= 1 and elapsed / (run_index + 1) * (run_index + 2) > BUDGET:
            break  # a loaded machine: fewer runs rather than a benchmark over a minute
    return timings


def _figures(operation: Operation, timings: Timings) -> list[Figure]:
    us = 1e6
    sdk, raw = _medians(timings.sdk), _medians(timings.raw)
    ours, baseline = median(sdk) * us, median(raw) * us
    server = statistics.median(timings.socket) * us
    overhead = ours - baseline
    without_server = (ours - server) / (baseline - server) if baseline > server else None
    extra = {
        "calls_per_run": CALLS,
        "runs": len(sdk),
        "mean_per_call_us": {
            "sdk": round(median(_means(timings.sdk)) * us, 1),
            "raw": round(median(_means(timings.raw)) * us, 1),
        },
        "server_and_loopback_us": round(server, 1),
        "server_share_of_raw": round(server / baseline, 3),
        "ratio_without_server_time": None if without_server is None else round(without_server, 3),
    }
    return [
        Figure(
            "calls",
            f"{operation.label}: time per call",
            ours=round(ours, 1),
            unit="µs",
            baseline=round(baseline, 1),
            baseline_name="raw httpx + .json()",
            goal=GOAL,
            samples=[round(value * us, 1) for value in sdk],
            baseline_samples=[round(value * us, 1) for value in raw],
            note=f"median call of {CALLS:,} sequential calls, median of runs; server+loopback "
            f"{server:.0f} µs ({server / baseline:.0%} of raw)",
            extra=extra,
        ),
        Figure(
            "calls",
            f"{operation.label}: SDK overhead per call",
            ours=round(overhead, 1),
            unit="µs",
            note="ours - baseline of the row above (models built, auth, transport, error mapping)",
        ),
    ]


def run(runs: int) -> list[Figure]:
    figures: list[Figure] = []
    with fake_server() as fake:
        fake.fill(CONVERSATION, 20)
        with _operations(fake) as operations:
            for operation, timings in zip(operations, measure(operations, runs), strict=True):
                figures += _figures(operation, timings)
    return figures
