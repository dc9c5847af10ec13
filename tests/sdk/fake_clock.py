"""`FakeClock`: a monotonic clock for `RateLimiter(clock=...)` that moves only when slept on."""

from __future__ import annotations


class FakeClock:
    """A clock that only moves when someone sleeps on it (or a test sets `now`)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
