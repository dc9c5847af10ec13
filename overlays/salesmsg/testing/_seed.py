"""Seed data: the built-in demo account, and loading a seed from a dict or a JSON file.

A seed is a dict with any of these lists (each entry holds the keyword arguments of the
`FakeSalesmsg.add_*` method of the same name; ids are optional):

    {
      "organization": {"name": "Acme Dental", "account_credits": 250.0},
      "users": [{"id": 101, "first_name": "Alice", "last_name": "Owner", "role": "owner"}],
      "teams": [{"id": 11, "name": "Sales", "number": "+15555100001", "member_ids": [101]}],
      "numbers": [{"number": "+15555100003", "team_id": 11}],
      "tags": [{"label": "vip"}],
      "contacts": [{"id": 1001, "number": "+15555102001", "first_name": "Jane", "tags": ["vip"]}],
      "conversations": [{"id": 5001, "contact_id": 1001, "team_id": 11, "owner_id": 101,
                         "messages": [{"body": "Hi!", "direction": "inbound", "created_at": "-2d"}]}],
      "messages": [{"conversation_id": 5001, "body": "Hello Jane"}],
      "broadcasts": [{"name": "Spring promo", "status": "sent"}],
      "oauth_clients": [{"client_id": "demo", "client_secret": "demo-secret"}]
    }

Times (`created_at`, `closed_at`) are "YYYY-MM-DD HH:MM:SS", ISO 8601, or relative to now:
"now", "-3d", "-2h", "-15m", "-30s", so that a seed file keeps a recent date range.

    >>> data = default_seed()
    >>> sorted(data)[:3], len(data["contacts"]), len(data["conversations"])
    (['broadcasts', 'contacts', 'conversations'], 5, 4)
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from salesmsg.testing._timefmt import parse_time, utc_now

SeedSource = Mapping[str, Any] | str | os.PathLike[str]
SECTIONS = (
    "organization",
    "users",
    "teams",
    "numbers",
    "tags",
    "contacts",
    "conversations",
    "messages",
    "broadcasts",
    "oauth_clients",
)
_RELATIVE = re.compile(r"-(\d+)([dhms])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
TIME_FIELDS = ("created_at", "closed_at")


def seed_time(value: str | datetime) -> datetime:
    """A seed's time: absolute, ISO, "now" or "-3d"/"-2h"/"-15m"/"-30s" before now."""
    if isinstance(value, datetime):
        return value
    text = value.strip()
    if text == "now":
        return utc_now()
    relative = _RELATIVE.fullmatch(text)
    if relative:
        return utc_now() - timedelta(**{_UNITS[relative.group(2)]: int(relative.group(1))})
    return parse_time(text)


def load_seed(source: SeedSource) -> dict[str, Any]:
    """A seed as a dict: a mapping is copied, a path is read as JSON; unknown sections are refused."""
    if isinstance(source, Mapping):
        data = dict(source)
    else:
        data = json.loads(Path(source).read_text("utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{source}: a seed file holds one JSON object")
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise ValueError(f"unknown seed section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    return data


def default_seed() -> dict[str, Any]:
    """One organization, an owner and an agent, two teams with a number each, five contacts,
    four conversations (open, closed, unread, old) over the last 30 days, and their messages."""
    return {
        "organization": {"id": 1, "name": "Acme Dental", "account_credits": 250.0},
        "users": [
            {
                "id": 101,
                "first_name": "Alice",
                "last_name": "Owner",
                "email": "alice@example.com",
                "role": "owner",
            },
            {
                "id": 102,
                "first_name": "Bob",
                "last_name": "Agent",
                "email": "bob@example.com",
                "role": "agent",
            },
        ],
        "teams": [
            {"id": 11, "name": "Sales", "number": "+15555100001", "member_ids": [101, 102]},
            {"id": 12, "name": "Support", "number": "+15555100002", "member_ids": [101]},
        ],
        "tags": [
            {"id": 301, "label": "vip", "created_at": "-60d"},
            {"id": 302, "label": "lead", "created_at": "-60d"},
        ],
        "contacts": [
            {
                "id": 1001,
                "number": "+15555102001",
                "first_name": "Jane",
                "last_name": "Doe",
                "email": "jane@example.com",
                "tags": ["vip"],
                "created_at": "-40d",
            },
            {
                "id": 1002,
                "number": "+15555102002",
                "first_name": "John",
                "last_name": "Smith",
                "email": "john@example.com",
                "created_at": "-35d",
            },
            {
                "id": 1003,
                "number": "+15555102003",
                "first_name": "Maria",
                "last_name": "Garcia",
                "tags": ["lead"],
                "created_at": "-20d",
            },
            {
                "id": 1004,
                "number": "+15555102004",
                "first_name": "Wei",
                "last_name": "Chen",
                "created_at": "-31d",
            },
            {
                "id": 1005,
                "number": "+15555102005",
                "first_name": "Sam",
                "last_name": "Stop",
                "opt_out": True,
                "created_at": "-10d",
            },
        ],
        "conversations": [
            {
                "id": 5001,
                "contact_id": 1001,
                "team_id": 11,
                "owner_id": 101,
                "created_at": "-3d",
                "messages": [
                    {
                        "body": "Hi, can I move my appointment to Friday?",
                        "direction": "inbound",
                        "created_at": "-3d",
                    },
                    {"body": "Sure Jane, Friday 10am works.", "direction": "outbound", "created_at": "-2d"},
                    {"body": "Perfect, thanks!", "direction": "inbound", "created_at": "-1d"},
                ],
            },
            {
                "id": 5002,
                "contact_id": 1002,
                "team_id": 12,
                "created_at": "-12d",
                "closed_at": "-9d",
                "messages": [
                    {"body": "Is my invoice paid?", "direction": "inbound", "created_at": "-12d"},
                    {"body": "Yes John, it is.", "direction": "outbound", "created_at": "-10d"},
                ],
            },
            {
                "id": 5003,
                "contact_id": 1003,
                "team_id": 11,
                "unread": True,
                "created_at": "-2h",
                "messages": [
                    {"body": "Do you take new patients?", "direction": "inbound", "created_at": "-2h"},
                ],
            },
            {
                "id": 5004,
                "contact_id": 1004,
                "team_id": 11,
                "owner_id": 102,
                "created_at": "-30d",
                "messages": [
                    {
                        "body": "Reminder: cleaning tomorrow at 9.",
                        "direction": "outbound",
                        "created_at": "-30d",
                    },
                    {"body": "See you there.", "direction": "inbound", "created_at": "-29d"},
                ],
            },
        ],
        "broadcasts": [
            {"id": 701, "name": "Spring cleaning promo", "status": "sent", "created_at": "-14d"},
            {"id": 702, "name": "Holiday hours", "status": "scheduled", "created_at": "-1d"},
        ],
    }
