"""Where results go: a table on stdout for people, JSON lines for `jq`, progress and notes on stderr.

    out = Output(as_json=False, stream=sys.stdout)
    out.items(conversations, CONVERSATION_COLUMNS)    # a table (or one JSON object per line)
    out.one(message)                                  # `key  value` lines (or one JSON object)

With `--json`, list items are written as they arrive, so a long `--all` feeds a pipe at once; a
table needs every row before it can align them.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TextIO, TypeVar

from ._table import Column, auto_columns, render_fields, render_record, render_table
from ._values import to_jsonable

__all__ = ["Output", "Progress", "counted"]

T = TypeVar("T")


def _dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, default=str)


class Output:
    """Results on `stream`: JSON when `as_json`, otherwise tables and `key  value` records."""

    def __init__(self, *, as_json: bool, stream: TextIO, width: int | None = None) -> None:
        self.as_json = as_json
        self.stream = stream
        # Tables are cut to the terminal's width; piped into a file they are written whole.
        self.width = width if width is not None else (_terminal_width() if stream.isatty() else None)

    def items(self, items: Iterable[Any], columns: Sequence[Column] | None = None) -> int:
        """Write a list; returns how many items there were."""
        count = 0
        if self.as_json:
            for item in items:
                self.stream.write(_dumps(item) + "\n")
                self.stream.flush()
                count += 1
            return count
        rows = [to_jsonable(item) for item in items]
        if rows and all(isinstance(row, dict) for row in rows):
            self.lines(render_table(rows, columns or auto_columns(rows), width=self.width))
        else:  # plain values (an operation that answers a list of strings): one per line
            self.lines(json.dumps(row) if isinstance(row, dict | list) else str(row) for row in rows)
        return len(rows)

    def one(self, item: Any, fields: Sequence[Column] | None = None) -> None:
        """Write one result (a model, a dict, a plain value, or nothing for None).

        In a table, `fields` picks and labels what is shown; by default every non-empty field is.
        """
        if item is None:
            return
        if self.as_json:
            self.stream.write(_dumps(item) + "\n")
            return
        data = to_jsonable(item)
        listed = _listed(data)
        if fields is not None and isinstance(data, dict):
            self.lines(render_fields(data, fields, width=self.width))
        elif listed is not None:
            self.items(listed)
        elif isinstance(data, dict):
            self.lines(render_record(data, width=self.width))
        elif isinstance(data, list):
            self.items(data)
        else:
            self.lines([str(data)])

    def lines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.stream.write(line + "\n")
        self.stream.flush()


def _listed(data: Any) -> list[Any] | None:
    """The rows of a page envelope (`{"data": [...], "meta": ...}`), for a table of them."""
    if isinstance(data, dict):
        for key in ("data", "results"):
            rows = data.get(key)
            if isinstance(rows, list) and rows and all(isinstance(row, dict) for row in rows):
                return rows
    return None


def _terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


class Progress:
    """ "page 3, 150 conversations…" on stderr while pages arrive; rewritten in place on a terminal."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self._in_place = enabled and stream.isatty()
        self._shown = False

    def update(self, pages: int, items: int, noun: str) -> None:
        if not self.enabled:
            return
        text = f"page {pages}, {items} {noun}…"
        if self._in_place:
            self.stream.write("\r\x1b[K" + text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self._shown = True

    def done(self) -> None:
        if self._in_place and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        self._shown = False


def counted(
    pages: Iterable[list[T]], *, limit: int | None, on_page: Callable[[int, int], None]
) -> Iterator[T]:
    """The items of `pages`, at most `limit` of them; `on_page(pages, items)` after each page."""
    seen = 0
    for pages_done, page in enumerate(pages, 1):
        for item in page:
            if limit is not None and seen >= limit:
                return
            seen += 1
            yield item
        on_page(pages_done, seen)
        if limit is not None and seen >= limit:
            return
