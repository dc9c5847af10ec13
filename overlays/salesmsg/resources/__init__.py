"""Readable front ends to the generated operations, one module per area (sync and async twins)."""

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
