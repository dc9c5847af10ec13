"""What the list commands share: one page, or every page with progress and an optional limit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .._context import Context
from .._output import counted


def listed(
    ctx: Context,
    *,
    noun: str,
    one_page: Callable[[int], list[Any]],
    pages: Callable[[], Iterable[list[Any]]],
) -> Iterator[Any]:
    """`--all`: the items of every page (at most `--limit`), progress on stderr; else one page."""
    args = ctx.args
    if not args.all:
        yield from one_page(args.limit or args.default_limit)
        return

    def on_page(page: int, items: int) -> None:
        ctx.progress.update(page, items, noun)

    yield from counted(pages(), limit=args.limit, on_page=on_page)
    ctx.progress.done()
