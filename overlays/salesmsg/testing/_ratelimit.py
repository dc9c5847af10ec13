"""The vendor's rate limit: N requests per window, server-wide; past it, 429 for a penalty period.

    >>> now = [0.0]
    >>> limiter = RateLimiter(limit=2, window=1.0, penalty=5.0, clock=lambda: now[0])
    >>> [limiter.admit() for _ in range(3)]
    [None, None, 5.0]
    >>> now[0] = 4.0; limiter.admit()
    1.0
    >>> now[0] = 5.0; limiter.admit() is None
    True

`admit()` answers None (go on) or the seconds the penalty still lasts. Facts §4: 60 requests per
minute, then 429 `{"message": "Too Many Attempts."}` for the next 60 seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    """A fixed window counted from its first request; thread-safe."""

    def __init__(
        self,
        *,
        limit: int,
        window: float = 60.0,
        penalty: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1 (use rate_limit=None to switch the limit off)")
        self.limit, self.window, self.penalty = limit, window, penalty
        self._clock = clock
        self._lock = threading.Lock()
        self._window_start = float("-inf")
        self._count = 0
        self._blocked_until = float("-inf")

    def admit(self) -> float | None:
        with self._lock:
            now = self._clock()
            if now < self._blocked_until:
                return self._blocked_until - now
            if now - self._window_start >= self.window:
                self._window_start, self._count = now, 0
            self._count += 1
            if self._count > self.limit:
                # The request that overflows the window starts the penalty; the window starts afresh after it.
                self._blocked_until = now + self.penalty
                self._window_start = float("-inf")
                return self.penalty
            return None

    def reset(self) -> None:
        with self._lock:
            self._window_start, self._count, self._blocked_until = float("-inf"), 0, float("-inf")
