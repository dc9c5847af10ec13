"""Timestamps as the vendor writes them: "YYYY-MM-DD HH:MM:SS" in UTC, no zone.

    >>> from datetime import datetime
    >>> vendor_time(datetime(2026, 3, 4, 5, 6, 7))
    '2026-03-04 05:06:07'
    >>> vendor_time(None), vendor_time(None, unset=None)
    ('', None)
    >>> parse_time("2026-03-04T05:06:07+02:00")
    datetime.datetime(2026, 3, 4, 3, 6, 7)
    >>> parse_time("2026-03-04")
    datetime.datetime(2026, 3, 4, 0, 0)

Internally every time is a naive datetime in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

VENDOR_FORMAT = "%Y-%m-%d %H:%M:%S"


def utc_now() -> datetime:
    """Now, in UTC, to the second (the vendor's timestamps have no fraction)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def vendor_time(when: datetime | None, *, unset: str | None = "") -> str | None:
    """The wire form; an unset time is "" (observed on messages) unless `unset` says otherwise."""
    return unset if when is None else when.strftime(VENDOR_FORMAT)


def parse_time(text: str) -> datetime:
    """Reads "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or ISO 8601 (an offset is converted to UTC)."""
    parsed = datetime.fromisoformat(text.strip())
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.replace(microsecond=0)
