"""Values in and out of the command line: dates people type, and results as plain JSON data.

>>> parse_when("2026-11-01")
datetime.date(2026, 11, 1)
>>> parse_when("2026-11-01T09:30:00+01:00")
datetime.datetime(2026, 11, 1, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))
>>> parse_when("30d", today=datetime.date(2026, 11, 27))
datetime.date(2026, 10, 28)
>>> dig({"contact": {"full_name": "Jane Doe"}}, "contact.full_name")
'Jane Doe'
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["WhenError", "dig", "parse_when", "to_jsonable"]

_RELATIVE = re.compile(r"(\d+)([dhw])")


class WhenError(ValueError):
    """A date the CLI cannot read; the message says which forms it accepts."""


def parse_when(
    text: str, *, today: datetime.date | None = None, now: datetime.datetime | None = None
) -> datetime.date:
    """An ISO date, an ISO date-time, or a time ago: `30d` (days, a date), `12h` (hours), `2w` (weeks).

    A date-time without a zone is sent as written (the API reads it in the account's time zone);
    `12h` is an exact instant, in UTC.
    """
    value = text.strip()
    relative = _RELATIVE.fullmatch(value)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2)
        if unit == "h":
            return (now or datetime.datetime.now(datetime.UTC)) - datetime.timedelta(hours=amount)
        days = amount * (7 if unit == "w" else 1)
        return (today or datetime.date.today()) - datetime.timedelta(days=days)
    try:
        if len(value) == 10:
            return datetime.date.fromisoformat(value)
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise WhenError(
            f"{text!r} is not a date: use YYYY-MM-DD, an ISO 8601 date-time, or a time ago such as "
            "30d, 12h or 2w"
        ) from None


def to_jsonable(value: Any) -> Any:
    """Generated models (`to_dict`), lists, enums, dates and UNSET as JSON-ready data."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and not isinstance(value, type):
        return to_jsonable(to_dict())
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if type(value).__name__ == "Unset":  # salesmsg_client.types.Unset, without importing it
        return None
    return value


def dig(record: Any, path: str) -> Any:
    """`record["a"]["b"]` for the path "a.b"; None where a step is missing."""
    current = record
    for step in path.split("."):
        if not isinstance(current, Mapping):
            return None
        current = current.get(step)
    return current
