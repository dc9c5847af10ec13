"""Matching a request path to an operation of the document.

    >>> from salesmsg.testing._document import ApiDocument
    >>> router = Router(ApiDocument.load().operations.values())
    >>> op, params = router.match("GET", "/messages/contacts")
    >>> op.operation_id, params
    ('listContactsMessages', {})
    >>> op, params = router.match("GET", "/messages/5001")
    >>> op.operation_id, params
    ('listMessages', {'conversation': '5001'})

A literal segment wins over a template (`/teams/all` before `/teams/{team}`), as OpenAPI asks.
When no template has the method, `MethodNotAllowed` names the methods the best path has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from salesmsg.testing._document import Operation


class RouteNotFound(LookupError):
    """No template matches the path."""


class MethodNotAllowed(LookupError):
    """Some template matches the path, but none with this method."""

    def __init__(self, allowed: list[str]) -> None:
        super().__init__(", ".join(allowed))
        self.allowed = allowed


@dataclass(frozen=True)
class _Route:
    pattern: re.Pattern[str]
    literal_segments: int
    operations: dict[str, Operation]  # method -> operation


class Router:
    """Path templates compiled once; `match` is a short scan (47 operations, 38 paths)."""

    def __init__(self, operations: Iterable[Operation]) -> None:
        by_template: dict[str, dict[str, Operation]] = {}
        for op in operations:
            by_template.setdefault(op.template, {})[op.method] = op
        routes = [self._compile(template, ops) for template, ops in by_template.items()]
        # Most literal segments first, so that /contacts/search is tried before /contacts/{contact}.
        self._routes = sorted(routes, key=lambda route: -route.literal_segments)

    @staticmethod
    def _compile(template: str, ops: dict[str, Operation]) -> _Route:
        regex, literals = "", 0
        for segment in template.strip("/").split("/"):
            if segment.startswith("{") and segment.endswith("}"):
                regex += f"/(?P<{segment[1:-1]}>[^/]+)"
            else:
                regex += "/" + re.escape(segment)
                literals += 1
        return _Route(re.compile(regex + "/?"), literals, ops)

    def match(self, method: str, path: str) -> tuple[Operation, dict[str, str]]:
        """The operation and its path parameters (percent-decoded text, not yet converted)."""
        allowed: list[str] = []
        for route in self._routes:
            found = route.pattern.fullmatch(path)
            if found is None:
                continue
            op = route.operations.get(method)
            if op is not None:
                return op, {name: unquote(value) for name, value in found.groupdict().items()}
            if not allowed:
                allowed = sorted(route.operations)
        if allowed:
            raise MethodNotAllowed(allowed)
        raise RouteNotFound(path)
