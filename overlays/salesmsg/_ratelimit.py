"""A client-side rate limiter shared by every thread and asyncio task of one client.

Salesmsg allows 60 requests per minute per account and answers 429 for the next 60 seconds to
anyone who goes over, so it is far cheaper to wait a little on our side than to trip the limit.

Usage:

    limiter = RateLimiter(60, 60.0)      # 60 requests per 60 s (the documented limit)
    slot = limiter.acquire()             # in a thread: blocks until a request may start
    slot = await limiter.acquire_async() # in a task: same, with asyncio.sleep
    limiter.answered(slot)               # once its answer (or failure) is in: dates the slot
    limiter.pause_until(60.0)            # after a 429: nobody starts a request for 60 s

    RateLimiter(None)                    # no pacing (pause_until still works)

Algorithm: a sliding log of the last ``requests`` start times. A request may start at once while
fewer than ``requests`` started in the last ``period + margin`` seconds; otherwise it takes the slot
``period + margin`` after the oldest of them. So a burst of up to ``requests`` goes out immediately
(a script that makes ten calls is not slowed down at all), and a long run is paced at
``requests / (period + margin)``: 97.6 % of the allowed rate with the default margin. Evenly
spaced slots (one per ``period / requests``) would be just as safe but would make every burst
wait, for nothing.

Why it is safe: start times are non-decreasing and the (k + requests)-th start is at least
``period + margin`` after the k-th, so no window of ``period`` seconds, sliding or fixed, ever
holds more than ``requests`` starts.

Arrivals, not starts: the server counts a request when it arrives, which can be well after its
start: the first burst of a new client opens its connections (and a gather of many tasks keeps the
event loop busy) first. So once a request is answered, ``answered(slot)`` moves its date to that
moment (an upper bound of its arrival), and the (k + requests)-th request starts ``period +
margin`` after the later of the k-th's start and answer, checking again when it wakes up if it
took its slot before that answer was in. A server's window that began with a late first burst
therefore never meets the next burst. Steady runs lose only the requests' latency per window.

Why a margin (default 2.5 % of ``period``, 1.5 s for a minute): the server counts arrivals, not
our start times. An early request that has to open a new TLS connection arrives a few hundred ms
after its start while a later one on a kept-alive connection arrives at once, which shrinks the
gap the server sees; and a fixed-window limiter with whole-second timestamps (Laravel's throttle,
which answers "Too Many Attempts.") can see a window up to a second longer than nominal.

Slots are claimed in order (first come, first served) under a ``threading.Lock`` that guards only
the arithmetic; nobody sleeps while holding it, so threads, tasks and both mixed share one limiter.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Awaitable, Callable

__all__ = ["DEFAULT_MARGIN_FRACTION", "RateLimiter", "Slot", "WaitCallback"]

logger = logging.getLogger("salesmsg.ratelimit")

DEFAULT_MARGIN_FRACTION = 0.025

WaitCallback = Callable[[float, str], None]
"""Called as ``on_wait(seconds, reason)`` before each wait; the default logs it at DEBUG."""

_ANSWERED_LATE = "rate limit: a request of the previous window was answered late"


class Slot:
    """One request's place in the log: its start time, then the time of its answer if later."""

    __slots__ = ("at",)

    def __init__(self, at: float) -> None:
        self.at = at

    def __repr__(self) -> str:
        return f"Slot(at={self.at:.3f})"


class RateLimiter:
    """Keeps one client under `requests` per `period` seconds, shared by all threads AND asyncio tasks
    of that client.

    >>> clock = iter([0.0, 0.0, 0.0]).__next__
    >>> limiter = RateLimiter(2, 1.0, clock=clock, margin=0.0)
    >>> limiter.reserve(), limiter.reserve(), limiter.reserve()
    (0.0, 0.0, 1.0)
    """

    def __init__(
        self,
        requests: int | None = 60,
        period: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        margin: float | None = None,
    ) -> None:
        if requests is not None and requests < 1:
            raise ValueError(f"requests must be at least 1 (or None to disable), got {requests}")
        if period <= 0:
            raise ValueError(f"period must be positive, got {period}")
        if margin is not None and margin < 0:
            raise ValueError(f"margin must not be negative, got {margin}")
        self.requests = requests
        self.period = period
        self.margin = period * DEFAULT_MARGIN_FRACTION if margin is None else margin
        self._clock = clock
        self._lock = threading.Lock()
        # The last `requests` slots taken, in order: start times (past or promised), or answers.
        self._starts: collections.deque[Slot] = collections.deque(maxlen=requests or 1)
        self._paused_until = float("-inf")
        self._pause_reason = ""
        self._pause_generation = 0

    def __repr__(self) -> str:
        return f"RateLimiter(requests={self.requests}, period={self.period}, margin={self.margin})"

    @property
    def enabled(self) -> bool:
        """False when built with ``requests=None``: only ``pause_until`` then delays anyone."""
        return self.requests is not None

    def reserve(self) -> float:
        """Claim the next free slot; return the seconds to wait before sending (0.0 if none).

        Non-blocking and thread-safe. The slot is taken even if the caller never sends, which only
        makes the limiter more careful. Prefer ``acquire``/``acquire_async``: they also notice a
        ``pause_until`` that arrives while they sleep.
        """
        return self._reserve()[0]

    def _reserve(self) -> tuple[float, str, int, Slot | None, Slot | None]:
        """(wait, reason, pause generation, the slot taken, the slot it must keep its distance from)."""
        with self._lock:
            now = self._clock()
            start = now
            reason = ""
            previous = None
            if self.requests is not None and len(self._starts) == self.requests:
                previous = self._starts[0]
                earliest = previous.at + self.period + self.margin
                if earliest > start:
                    start = earliest
                    reason = f"rate limit: {self.requests} requests per {self.period:g} s"
            if self._paused_until > start:
                start = self._paused_until
                reason = self._pause_reason
            slot = None
            if self.requests is not None:
                slot = Slot(start)
                self._starts.append(slot)  # maxlen drops the oldest
            return max(0.0, start - now), reason, self._pause_generation, slot, previous

    def _still_early(self, slot: Slot | None, previous: Slot | None) -> float:
        # Seconds still to wait once awake: `previous` may have been answered after we took our slot.
        if slot is None or previous is None:
            return 0.0
        with self._lock:
            now = self._clock()
            due = previous.at + self.period + self.margin
            if due <= now:
                return 0.0
            slot.at = max(slot.at, due)
            return due - now

    def answered(self, slot: Slot | None) -> None:
        """The request of ``slot`` has its answer (or failed) now: it reached the server by now.

        The transport calls this after each attempt; requests ``requests`` places later keep
        their distance from this moment rather than from the slot's start (see the module doc).
        """
        if slot is None:
            return
        with self._lock:
            now = self._clock()
            if now > slot.at:
                slot.at = now

    def _paused_since(self, generation: int) -> bool:
        # True when a pause arrived after that reservation and has not ended yet.
        with self._lock:
            return self._pause_generation != generation and self._clock() < self._paused_until

    def pause_until(self, seconds_from_now: float, *, reason: str = "paused after a 429") -> None:
        """After a 429: nobody starts a request before ``seconds_from_now`` have passed.

        A shorter pause never cuts a longer one short. Waiters already asleep check again when
        they wake up.
        """
        with self._lock:
            until = self._clock() + max(0.0, seconds_from_now)
            if until > self._paused_until:
                self._paused_until = until
                self._pause_reason = reason
                self._pause_generation += 1
        logger.debug("rate limiter paused for %.3f s: %s", seconds_from_now, reason)

    def acquire(
        self, *, sleep: Callable[[float], None] = time.sleep, on_wait: WaitCallback | None = None
    ) -> Slot | None:
        """Block (with ``sleep``) until a request may start; return its slot for ``answered``.

        Each wait is reported to ``on_wait``. None when pacing is off.
        """
        while True:
            wait, reason, generation, slot, previous = self._reserve()
            while wait > 0.0:
                (on_wait or _log_wait)(wait, reason)
                sleep(wait)
                if self._paused_since(generation):
                    break  # a 429 arrived meanwhile: take a new slot after the pause
                wait, reason = self._still_early(slot, previous), _ANSWERED_LATE
            else:
                return slot

    async def acquire_async(
        self,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        on_wait: WaitCallback | None = None,
    ) -> Slot | None:
        """Like ``acquire`` for asyncio tasks: waits with ``sleep`` (default ``asyncio.sleep``), never
        blocks the loop."""
        import asyncio  # here, not at the top: a sync client would pay ~10 ms for it on its first call

        if sleep is None:
            sleep = asyncio.sleep
        if self.requests is not None:
            # Yield once before taking a slot: a task writes its request only when the loop comes
            # back to it. With this, tasks started together (a gather of 2,000 sends) all build
            # their requests before any takes a slot, and the first burst leaves right after its
            # slots are taken; without it, the first request waited for every other task's
            # building (~0.2 ms each: 370 ms for 2,000), and the whole first window came late.
            await asyncio.sleep(0)
        while True:
            wait, reason, generation, slot, previous = self._reserve()
            while wait > 0.0:
                (on_wait or _log_wait)(wait, reason)
                await sleep(wait)
                if self._paused_since(generation):
                    break  # a 429 arrived meanwhile: take a new slot after the pause
                wait, reason = self._still_early(slot, previous), _ANSWERED_LATE
            else:
                return slot


def _log_wait(seconds: float, reason: str) -> None:
    logger.debug("waiting %.3f s before the next request: %s", seconds, reason)
