"""Readable front ends to the generated operations, one module per area (sync and async twins)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .contacts import AsyncContacts, Contacts
    from .conversations import AsyncConversations, Conversations
    from .messages import AsyncMessages, Messages
    from .tags import AsyncTags, Tags
    from .teams import AsyncTeams, Teams
    from .users import AsyncUsers, Users

__all__ = [
    "AsyncContacts",
    "AsyncConversations",
    "AsyncMessages",
    "AsyncTags",
    "AsyncTeams",
    "AsyncUsers",
    "Contacts",
    "Conversations",
    "Messages",
    "Tags",
    "Teams",
    "Users",
]

# Loaded on first use (PEP 562): `sm.conversations` should not pay for the other five areas.
_MODULES = {
    "Contacts": ".contacts",
    "AsyncContacts": ".contacts",
    "Conversations": ".conversations",
    "AsyncConversations": ".conversations",
    "Messages": ".messages",
    "AsyncMessages": ".messages",
    "Tags": ".tags",
    "AsyncTags": ".tags",
    "Teams": ".teams",
    "AsyncTeams": ".teams",
    "Users": ".users",
    "AsyncUsers": ".users",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__, not importlib.import_module: that one bypasses `python -X importtime`'s log.
    value = getattr(__import__(__name__ + module, fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
