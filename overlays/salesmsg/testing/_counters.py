"""What the server really did, counted as it happened.

    >>> counters = Counters()
    >>> counters.count_request("sendMessage")
    >>> counters.add("messages_created")
    >>> counters.requests, counters.operations["sendMessage"], counters.messages_created
    (1, 1, 1)

Every attribute is a plain number or a `collections.Counter`, safe to read at any time.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any


class Counters:
    """Totals since the server started (or since `reset()`)."""

    requests: int  #: every request that arrived, answered or not
    operations: Counter[str]  #: requests by operationId (unmatched paths are not counted here)
    statuses: Counter[int]  #: responses by status code
    messages_created: int  #: messages the server created (sendMessage, sendMessageToNumber, async)
    pat_refreshes: int  #: successful POST /oauth/personal-token/refresh
    oauth_refreshes: int  #: successful refresh_token grants (both endpoints)
    rate_limited: int  #: 429 answers
    faults_fired: int  #: injected faults that took effect
    validation_rejections: int  #: requests refused because they do not fit the document
    auth_failures: int  #: 401/403 answers to bad or missing tokens

    _NUMBERS = (
        "requests",
        "messages_created",
        "pat_refreshes",
        "oauth_refreshes",
        "rate_limited",
        "faults_fired",
        "validation_rejections",
        "auth_failures",
    )

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            for name in self._NUMBERS:
                setattr(self, name, 0)
            self.operations = Counter()
            self.statuses = Counter()

    def add(self, name: str, amount: int = 1) -> None:
        if name not in self._NUMBERS:
            raise AttributeError(name)
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def count_request(self, operation_id: str | None) -> None:
        """A request arrived (counted before anything else happens to it)."""
        with self._lock:
            self.requests += 1
            if operation_id is not None:
                self.operations[operation_id] += 1

    def count_status(self, status: int | None) -> None:
        """An answer went out (None: the connection was dropped instead)."""
        if status is not None:
            with self._lock:
                self.statuses[status] += 1

    def snapshot(self) -> dict[str, Any]:
        """A plain dict, e.g. to print or to compare before and after."""
        with self._lock:
            numbers: dict[str, Any] = {name: getattr(self, name) for name in self._NUMBERS}
            return {**numbers, "operations": dict(self.operations), "statuses": dict(self.statuses)}
