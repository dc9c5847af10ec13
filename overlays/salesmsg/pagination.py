"""Iterate over every item of a list operation, whatever paging style it uses.

Salesmsg pages six ways (page/length, page/per_page, page/limit, limit/offset, `before_id` and
`before` message cursors, and bare arrays with no paging at all). Each list operation is registered
here with its style, so one loop serves them all:

    from salesmsg_client.api.tags import list_tags
    for tag in paginate(sm.client, list_tags, search="vip"):
        print(tag.label)

    async for message in apaginate(asm.client, list_messages, conversation=42, page_size=100):
        ...

`sm.conversations.iter(...)`, `sm.messages.iter(...)` and `sm.contacts.iter(...)` are typed
front ends to the same machinery.

Stopping rules, in order: an empty page; the `meta.last_page` of a Laravel paginator; a page shorter
than the page size asked for; a page equal to the one before (a server that ignores the page
parameter would otherwise loop forever); a cursor that does not move.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar

import attrs
from salesmsg_client.client import AuthenticatedClient
from salesmsg_client.types import Unset

from ._invoke import acall, call, operation_name

__all__ = [
    "STYLES",
    "AsyncPager",
    "Cursor",
    "Offset",
    "PageNumber",
    "PageStyle",
    "Pager",
    "SinglePage",
    "apaginate",
    "paginate",
]

T = TypeVar("T")


class PageStyle(Protocol):
    """How one operation pages: the first request, the items of an answer, and the next request."""

    def first(self, arguments: dict[str, Any], page_size: int | None) -> dict[str, Any]: ...

    def items(self, parsed: Any) -> list[Any]: ...

    def next(self, arguments: dict[str, Any], parsed: Any, items: list[Any]) -> dict[str, Any] | None: ...


def _items(parsed: Any, field: str | None) -> list[Any]:
    if isinstance(parsed, list):
        return parsed
    if parsed is None:
        return []
    if field is None:
        raise TypeError(f"expected a list, got {type(parsed).__name__}")
    value = getattr(parsed, field, None)
    if value is None and hasattr(parsed, "additional_properties"):
        value = parsed.additional_properties.get(field)
    if value is None or isinstance(value, Unset):
        return []
    return list(value)


def _set(arguments: dict[str, Any], body: bool, name: str, value: Any) -> dict[str, Any]:
    out = dict(arguments)
    if body:
        out["body"] = attrs.evolve(out["body"], **{name: value})
    else:
        out[name] = value
    return out


def _get(arguments: dict[str, Any], body: bool, name: str) -> Any:
    source = arguments.get("body") if body else arguments
    value = getattr(source, name, None) if body else arguments.get(name)
    return None if isinstance(value, Unset) else value


@dataclass(frozen=True)
class PageNumber:
    """`page` plus an optional size parameter; stops on `meta.last_page` when the envelope has one."""

    size: str | None
    default_size: int | None = None
    field: str | None = "data"
    page: str = "page"
    first_page: int = 1
    in_body: bool = False  # POST /contacts/list pages through its JSON body

    def first(self, arguments: dict[str, Any], page_size: int | None) -> dict[str, Any]:
        out = arguments
        if _get(out, self.in_body, self.page) is None:
            out = _set(out, self.in_body, self.page, self.first_page)
        if self.size is not None and (page_size is not None or _get(out, self.in_body, self.size) is None):
            size = page_size if page_size is not None else self.default_size
            if size is not None:
                out = _set(out, self.in_body, self.size, size)
        return out

    def items(self, parsed: Any) -> list[Any]:
        return _items(parsed, self.field)

    def next(self, arguments: dict[str, Any], parsed: Any, items: list[Any]) -> dict[str, Any] | None:
        if not items:
            return None
        current = int(_get(arguments, self.in_body, self.page))
        meta = getattr(parsed, "meta", None)
        last_page = getattr(meta, "last_page", None)
        if isinstance(last_page, int):
            if current >= last_page:
                return None
        else:
            size = _get(arguments, self.in_body, self.size) if self.size else None
            if isinstance(size, int) and len(items) < size:
                return None
        return _set(arguments, self.in_body, self.page, current + 1)


@dataclass(frozen=True)
class Offset:
    """`limit` and `offset` with no totals (GET /conversations): stop on a short page."""

    default_size: int = 25
    limit: str = "limit"
    offset: str = "offset"
    field: str | None = None

    def first(self, arguments: dict[str, Any], page_size: int | None) -> dict[str, Any]:
        out = dict(arguments)
        if page_size is not None or out.get(self.limit) is None:
            out[self.limit] = page_size if page_size is not None else self.default_size
        out.setdefault(self.offset, 0)
        return out

    def items(self, parsed: Any) -> list[Any]:
        return _items(parsed, self.field)

    def next(self, arguments: dict[str, Any], parsed: Any, items: list[Any]) -> dict[str, Any] | None:
        if len(items) < int(arguments[self.limit]):
            return None
        out = dict(arguments)
        out[self.offset] = int(arguments.get(self.offset) or 0) + len(items)
        return out


@dataclass(frozen=True)
class Cursor:
    """An older-than cursor (`before_id`, `before`) set to the smallest id seen; newest first."""

    param: str
    size: str = "limit"
    default_size: int = 50
    key: str = "id"
    field: str | None = None

    def first(self, arguments: dict[str, Any], page_size: int | None) -> dict[str, Any]:
        out = dict(arguments)
        if page_size is not None or out.get(self.size) is None:
            out[self.size] = page_size if page_size is not None else self.default_size
        return out

    def items(self, parsed: Any) -> list[Any]:
        return _items(parsed, self.field)

    def next(self, arguments: dict[str, Any], parsed: Any, items: list[Any]) -> dict[str, Any] | None:
        if len(items) < int(arguments[self.size]):
            return None
        keys = [k for k in (_key(item, self.key) for item in items) if isinstance(k, int)]
        if not keys:
            return None
        cursor = min(keys)
        previous = arguments.get(self.param)
        if isinstance(previous, int) and cursor >= previous:
            return None  # the cursor did not move: stop instead of looping
        out = dict(arguments)
        out[self.param] = cursor
        return out


@dataclass(frozen=True)
class SinglePage:
    """A bare array or envelope the API answers in one go (no paging parameters)."""

    field: str | None = None

    def first(self, arguments: dict[str, Any], page_size: int | None) -> dict[str, Any]:
        return arguments

    def items(self, parsed: Any) -> list[Any]:
        return _items(parsed, self.field)

    def next(self, arguments: dict[str, Any], parsed: Any, items: list[Any]) -> dict[str, Any] | None:
        return None


def _key(item: Any, key: str) -> Any:
    if isinstance(item, dict):
        return item.get(key)
    value = getattr(item, key, None)
    return None if isinstance(value, Unset) else value


# Every list operation of the document, by generated module name (tests check none is missing).
STYLES: dict[str, PageStyle] = {
    "list_contacts": PageNumber(size="length", default_size=100, in_body=True),
    "list_contacts_legacy": PageNumber(size=None),  # per_page is ignored: 10 a page; meta.last_page stops it
    "list_tags": PageNumber(size="length", default_size=100),
    "list_messages_paginated": PageNumber(size="per_page", default_size=100),
    "list_broadcasts": PageNumber(size="per_page", default_size=100),
    "search_tags": PageNumber(size="per_page", default_size=100, field="results"),
    "list_numbers": PageNumber(size="limit", default_size=100),
    "search_conversations": PageNumber(size=None, field="data"),
    "list_conversations": Offset(default_size=25),
    "list_messages": Cursor(param="before_id", default_size=50),
    "list_contacts_messages": Cursor(param="before", default_size=50),
    "list_teams": SinglePage(),
    "list_all_teams": SinglePage(),
    "list_team_numbers": SinglePage(field="data"),
    "list_organization_members": SinglePage(),
    "list_recent_attachments": SinglePage(),
    "search_contacts": SinglePage(field="results"),
    "list_contact_conversations": SinglePage(field="data"),
}


def style_for(endpoint: ModuleType) -> PageStyle:
    name = operation_name(endpoint)
    try:
        return STYLES[name]
    except KeyError:
        raise ValueError(
            f"{name} is not a list operation (paginated operations: {', '.join(STYLES)})"
        ) from None


def _fingerprint(items: list[Any]) -> tuple[Any, ...]:
    return tuple(_key(item, "id") if _key(item, "id") is not None else repr(item) for item in items)


class _Walk:
    """The state of one walk through the pages, shared by the sync and async pagers."""

    def __init__(self, style: PageStyle, arguments: dict[str, Any]) -> None:
        self._style = style
        self.arguments: dict[str, Any] | None = arguments  # the next request; None when done
        self._seen: tuple[Any, ...] | None = None

    def take(self, parsed: Any) -> list[Any]:
        """The items of one answer (empty to skip it), and the next request decided from it."""
        assert self.arguments is not None
        items = self._style.items(parsed)
        fingerprint = _fingerprint(items)
        if items and fingerprint == self._seen:  # the server ignored the page parameter
            self.arguments = None
            return []
        self._seen = fingerprint
        self.arguments = self._style.next(self.arguments, parsed, items)
        return items


class Pager(Generic[T]):
    """Iterate items across pages (`for item in pager`) or whole pages (`pager.pages()`).

    Nothing is requested until iteration starts; each page is one request through the client's
    auth, retries and rate limiter.
    """

    def __init__(
        self,
        client: AuthenticatedClient,
        endpoint: ModuleType,
        arguments: dict[str, Any],
        *,
        page_size: int | None = None,
        style: PageStyle | None = None,
    ) -> None:
        self._client = client
        self._endpoint = endpoint
        self._style = style or style_for(endpoint)
        self._arguments = self._style.first(arguments, page_size)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page

    def pages(self) -> Iterator[list[T]]:
        walk = _Walk(self._style, self._arguments)
        while walk.arguments is not None:
            items = walk.take(call(self._client, self._endpoint, **walk.arguments))
            if items:
                yield items


class AsyncPager(Generic[T]):
    """The async twin of `Pager`: `async for item in pager`, or `async for page in pager.pages()`."""

    def __init__(
        self,
        client: AuthenticatedClient,
        endpoint: ModuleType,
        arguments: dict[str, Any],
        *,
        page_size: int | None = None,
        style: PageStyle | None = None,
    ) -> None:
        self._client = client
        self._endpoint = endpoint
        self._style = style or style_for(endpoint)
        self._arguments = self._style.first(arguments, page_size)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page:
                yield item

    async def pages(self) -> AsyncIterator[list[T]]:
        walk = _Walk(self._style, self._arguments)
        while walk.arguments is not None:
            items = walk.take(await acall(self._client, self._endpoint, **walk.arguments))
            if items:
                yield items


def paginate(
    client: AuthenticatedClient, endpoint: ModuleType, /, *, page_size: int | None = None, **arguments: Any
) -> Pager[Any]:
    """Iterate every item of a list operation (see `STYLES` for the operations and their styles)."""
    return Pager(client, endpoint, arguments, page_size=page_size)


def apaginate(
    client: AuthenticatedClient, endpoint: ModuleType, /, *, page_size: int | None = None, **arguments: Any
) -> AsyncPager[Any]:
    """`paginate` for the async client."""
    return AsyncPager(client, endpoint, arguments, page_size=page_size)
