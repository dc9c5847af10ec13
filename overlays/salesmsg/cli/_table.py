"""Plain-text tables for a terminal: aligned columns, one line per row, long text cut to fit.

>>> rows = [{"id": 5001, "contact": {"full_name": "Jane Doe"}, "body": "Hi\\nthere"}]
>>> columns = [Column("ID", "id"), Column("CONTACT", "contact.full_name"), Column("BODY", "body", flex=True)]
>>> print("\\n".join(render_table(rows, columns)))
ID    CONTACT   BODY
5001  Jane Doe  Hi there
>>> print("\\n".join(render_record({"id": 7, "team": {"name": "Sales"}, "tags": ["a", "b"]})))
id         7
team.name  Sales
tags       a, b
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._values import dig

__all__ = ["Column", "auto_columns", "cell", "render_fields", "render_record", "render_table"]

MAX_CELL = 60  # a column is never wider than this, unless it is the flexible one
MIN_FLEX = 12  # a flexible column keeps at least this much room
_PREFERRED = ("id", "name", "full_name", "label", "number", "status", "type", "created_at", "message")


@dataclass(frozen=True)
class Column:
    """A header and where its value is: a dotted path into the record, or a function of it.

    The `flex` column (at most one, usually free text) takes what room is left on the line.
    """

    header: str
    path: str = ""
    get: Callable[[Mapping[str, Any]], Any] | None = None
    flex: bool = False

    def value(self, record: Mapping[str, Any]) -> Any:
        return self.get(record) if self.get is not None else dig(record, self.path)


def cell(value: Any) -> str:
    """One value as table text: no line breaks, short times, yes/no, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        if all(not isinstance(v, Mapping | list) for v in value):
            return ", ".join(cell(v) for v in value)
        return f"[{len(value)} items]"
    if isinstance(value, Mapping):
        for key in ("full_name", "name", "label", "number", "id"):
            if value.get(key) not in (None, ""):
                return cell(value[key])
        return "{...}"
    text = " ".join(str(value).split())
    return _short_time(text)


def _short_time(text: str) -> str:
    """ "2026-11-26T06:54:53.123+00:00" -> "2026-11-26 06:54:53+00:00"; other text unchanged."""
    if len(text) < 19 or text[4] != "-" or text[10] not in "T ":
        return text
    try:
        when = datetime.datetime.fromisoformat(text)
    except ValueError:
        return text
    return when.replace(microsecond=0).isoformat(sep=" ")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def render_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], *, width: int | None = None
) -> list[str]:
    """The header line and one line per row; `width` (a terminal's) shrinks the flexible column."""
    cells = [[cell(column.value(row)) for column in columns] for row in rows]
    widths = []
    for index, column in enumerate(columns):
        natural = max([len(column.header), *(len(line[index]) for line in cells)])
        widths.append(natural if column.flex else min(natural, MAX_CELL))
    if width is not None:
        overflow = sum(widths) + 2 * (len(widths) - 1) - width
        for index, column in enumerate(columns):
            if column.flex and overflow > 0:
                widths[index] = max(MIN_FLEX, widths[index] - overflow)
    lines = []
    for line in [[column.header for column in columns], *cells]:
        parts = [_cut(text, w).ljust(w) for text, w in zip(line, widths, strict=True)]
        lines.append("  ".join(parts).rstrip())
    return lines


def auto_columns(rows: Sequence[Mapping[str, Any]], *, limit: int = 8) -> list[Column]:
    """Columns for records of an unknown shape: their plain fields, the usual ones first."""
    keys: list[str] = []
    for row in rows[:20]:
        for key, value in row.items():
            if key not in keys and not isinstance(value, Mapping | list):
                keys.append(key)
    ordered = [k for k in _PREFERRED if k in keys] + [k for k in keys if k not in _PREFERRED]
    chosen = ordered[:limit]
    return [Column(key.upper(), key, flex=key in ("body", "message", "description")) for key in chosen]


def render_record(record: Mapping[str, Any], *, width: int | None = None) -> list[str]:
    """`key  value` lines; nested objects one level deep as `parent.key`; empty fields left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in record.items():
        if isinstance(value, Mapping):
            for inner_key, inner in value.items():
                if not isinstance(inner, Mapping) and _present(inner):
                    pairs.append((f"{key}.{inner_key}", cell(inner)))
        elif _present(value):
            pairs.append((key, cell(value)))
    if not pairs:
        return []
    label = max(len(key) for key, _ in pairs)
    room = None if width is None else max(MIN_FLEX, width - label - 2)
    return [f"{key.ljust(label)}  {_cut(text, room) if room else text}".rstrip() for key, text in pairs]


def render_fields(
    record: Mapping[str, Any], fields: Sequence[Column], *, width: int | None = None
) -> list[str]:
    """`label  value` lines for the chosen fields (headers in lower case); empty ones left out."""
    pairs = [(field.header.lower(), cell(field.value(record))) for field in fields]
    pairs = [(label, text) for label, text in pairs if text]
    if not pairs:
        return []
    label_width = max(len(label) for label, _ in pairs)
    room = None if width is None else max(MIN_FLEX, width - label_width - 2)
    return [f"{label.ljust(label_width)}  {_cut(text, room) if room else text}" for label, text in pairs]


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})
