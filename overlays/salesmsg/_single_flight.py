"""One operation in flight, awaited by threads and asyncio tasks alike.

A :class:`Flight` is a one-shot result box. The caller that creates it does the work and completes
it exactly once (:meth:`succeed`, :meth:`fail` or :meth:`abandon`), from a ``finally`` so that it is
completed on every path: an error, a cancelled task, a generator closed by httpx. Everyone else
waits on it:

- threads block on a :class:`threading.Event`;
- asyncio tasks await a future of their own loop, resolved with ``loop.call_soon_threadsafe``, so a
  flight run by a thread wakes tasks on any loop and a flight run by a task wakes threads.

No lock is held while anyone waits or while the owner works: the internal lock guards only the
completion and the waiter list. An abandoned flight carries no result; its waiters are expected to
look at the shared state again and, if the work is still needed, start a flight of their own.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

if TYPE_CHECKING:  # imported in wait_async only: a sync client never loads asyncio (~10 ms)
    import asyncio

__all__ = ["Flight"]

T = TypeVar("T")

State = Literal["pending", "succeeded", "failed", "abandoned"]


class Flight(Generic[T]):
    """A unit of work in progress; see the module docstring."""

    def __init__(self) -> None:
        #: ``threading.get_ident()`` of the creator: a thread waiting on its own flight would deadlock.
        self.owner_thread = threading.get_ident()
        #: Set by the owner once the result is visible in shared state but before waiters are
        #: released (the window in which a re-entrant caller on the owner's thread may proceed).
        self.installed = False
        self._lock = threading.Lock()
        self._event = threading.Event()
        self._async_waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []
        self._state: State = "pending"
        self._value: T | None = None
        self._error: BaseException | None = None

    # --- the owner -------------------------------------------------------------------------------

    def succeed(self, value: T) -> bool:
        return self._finish("succeeded", value=value)

    def fail(self, error: BaseException) -> bool:
        return self._finish("failed", error=error)

    def abandon(self) -> bool:
        return self._finish("abandoned")

    def _finish(self, state: State, *, value: T | None = None, error: BaseException | None = None) -> bool:
        with self._lock:
            if self._state != "pending":
                return False
            self._state, self._value, self._error = state, value, error
            waiters, self._async_waiters = self._async_waiters, []
            self._event.set()
        for loop, future in waiters:
            with contextlib.suppress(RuntimeError):  # that loop is closed: nobody is left to wake
                loop.call_soon_threadsafe(_resolve, future)
        return True

    # --- the waiters -----------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def value(self) -> T | None:
        return self._value

    @property
    def error(self) -> BaseException | None:
        return self._error

    def done(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block this thread until the flight is complete; False on timeout."""
        return self._event.wait(timeout)

    async def wait_async(self) -> None:
        """Suspend this task until the flight is complete (cancellable)."""
        if self._event.is_set():
            return
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - trio (through anyio) instead of asyncio
            await self._poll()
            return
        future: asyncio.Future[None] = loop.create_future()
        entry = (loop, future)
        with self._lock:
            if self._event.is_set():
                return
            self._async_waiters.append(entry)
        try:
            await future
        finally:
            with self._lock:
                if entry in self._async_waiters:
                    self._async_waiters.remove(entry)

    async def _poll(self) -> None:  # pragma: no cover - needs trio
        import anyio  # a dependency of httpx; only reached outside asyncio

        while not self._event.is_set():
            await anyio.sleep(0.005)

    def __repr__(self) -> str:
        return f"<Flight {self._state}>"


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
