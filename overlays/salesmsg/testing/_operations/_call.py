"""What a handler receives (`Call`) and may return besides a plain 200 body (`Answer`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from salesmsg.testing._counters import Counters
from salesmsg.testing._errors import field_error
from salesmsg.testing._state import Store
from salesmsg.testing._timefmt import parse_time
from salesmsg.testing._tokens import AccessToken, TokenBook


@dataclass
class Answer:
    """A response other than 200 with a JSON body (e.g. 204 without one)."""

    status: int
    body: Any = None


@dataclass
class Call:
    operation_id: str
    store: Store
    tokens: TokenBook
    counters: Counters
    token: AccessToken | None = None
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None

    @property
    def user_id(self) -> int:
        """The caller (the token's user), or the organization's first user on unauthenticated calls."""
        if self.token is not None:
            return self.token.user_id
        return min(self.store.users, default=0)

    def time_param(self, name: str) -> datetime | None:
        """A query time (`send_at`, `before`, `after`), or a Laravel-style 422 when unreadable."""
        text = self.query.get(name)
        if text is None:
            return None
        try:
            return parse_time(str(text))
        except ValueError:
            raise field_error(name, f"The {name.replace('_', ' ')} field must be a valid date.") from None


Handler = Callable[[Call], Any]
