"""Injected faults: queued, optionally scoped to a method, a path or an operation, consumed in order.

    >>> faults = Faults()
    >>> faults.fail(2, status=502, operation="sendMessage")
    >>> faults.slow(1, 0.5)
    >>> faults.take("GET", "/teams", "/teams", "listTeams").kind        # the scoped fault does not match
    'slow'
    >>> faults.take("POST", "/messages/5001", "/messages/{conversation}", "sendMessage").status
    502
    >>> len(faults.pending())
    1

Kinds: `fail` (5xx with a JSON or empty body), `html` (an HTML error page, as a proxy sends it),
`slow` (answer after a delay), `drop_before_processing` (close the connection, do nothing) and
`drop_after_processing` (do everything, e.g. create the message, then close without answering).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

_REASONS = {500: "Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}


@dataclass
class Fault:
    """One queued fault and how many more requests it takes."""

    kind: str  # "fail", "html", "slow", "drop_before_processing", "drop_after_processing"
    remaining: int
    status: int = 0
    seconds: float = 0.0
    empty_body: bool = False
    method: str | None = None
    path: str | None = None  # a path ("/messages/5001") or a template ("/messages/{conversation}")
    operation: str | None = None  # an operationId

    def matches(self, method: str, path: str, template: str | None, operation: str | None) -> bool:
        return (
            (self.method is None or self.method.upper() == method)
            and (self.path is None or self.path in (path, template))
            and (self.operation is None or self.operation == operation)
        )


def html_page(status: int) -> bytes:
    """An error page like the ones a load balancer serves in front of an API."""
    title = f"{status} {_REASONS.get(status, 'Error')}"
    return (
        "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n"
        "<body>\n<center><h1>" + title + "</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n"
    ).encode()


def fail_body(status: int) -> dict[str, str]:
    return {"message": _REASONS.get(status, "Server Error")}


class Faults:
    """The fault queue of one fake server; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []

    def _add(self, fault: Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("a fault must apply to at least one request")
        with self._lock:
            self._queue.append(fault)

    def fail(
        self,
        n: int = 1,
        status: int = 503,
        *,
        empty_body: bool = False,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        """The next `n` matching requests answer `status` with `{"message": ...}` (or nothing)."""
        self._add(
            Fault("fail", n, status, empty_body=empty_body, method=method, path=path, operation=operation)
        )

    def html(
        self,
        n: int = 1,
        status: int = 502,
        *,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        """The next `n` matching requests answer an HTML page (`status` 200 gives a 200 HTML page)."""
        self._add(Fault("html", n, status, method=method, path=path, operation=operation))

    def slow(
        self,
        n: int = 1,
        seconds: float = 1.0,
        *,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        """The next `n` matching requests are processed and answered normally, `seconds` late."""
        self._add(Fault("slow", n, seconds=seconds, method=method, path=path, operation=operation))

    def drop_before_processing(
        self, n: int = 1, *, method: str | None = None, path: str | None = None, operation: str | None = None
    ) -> None:
        """The next `n` matching requests are read, not processed, and the connection is closed."""
        self._add(Fault("drop_before_processing", n, method=method, path=path, operation=operation))

    def drop_after_processing(
        self, n: int = 1, *, method: str | None = None, path: str | None = None, operation: str | None = None
    ) -> None:
        """The next `n` matching requests are processed in full; then the connection closes unanswered."""
        self._add(Fault("drop_after_processing", n, method=method, path=path, operation=operation))

    def take(self, method: str, path: str, template: str | None, operation: str | None) -> Fault | None:
        """The first queued fault that matches, consumed once (the server calls this per request)."""
        with self._lock:
            for fault in self._queue:
                if fault.matches(method, path, template, operation):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._queue.remove(fault)
                    return fault
            return None

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._queue)

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
