"""Conversations: list by status and date range, read one, open, close, assign, start.

for conversation in sm.conversations.iter("open", after=date(2026, 11, 1), before=date(2026, 11, 27)):
    print(conversation.id, conversation.contact.full_name)
sm.conversations.assign(conversation.id, user_id=7)    # user_id=None unassigns
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, cast

from salesmsg_client.models.conversation_filter import ConversationFilter  # the defaults need it

from ._base import AsyncResource, SyncResource, given

# Each helper imports its own generated operation (and the pager) when first called, so the first
# call of one helper does not load the others' modules and models.
if TYPE_CHECKING:
    from salesmsg_client.models.conversation import Conversation

    from ..pagination import AsyncPager, Pager

Filter = ConversationFilter | str
Day = datetime.date | datetime.datetime  # the document says dates; the API also takes ISO datetimes


def _filters(filter: Filter, query: str | None, before: Day | None, after: Day | None) -> dict[str, Any]:
    return {"filter_": filter, "query": given(query), "before": given(before), "after": given(after)}


class Conversations(SyncResource):
    def list(
        self,
        filter: Filter = ConversationFilter.OPEN,
        *,
        limit: int = 25,
        offset: int = 0,
        query: str | None = None,
        before: Day | None = None,
        after: Day | None = None,
    ) -> list[Conversation]:
        """One page of conversations (`filter`: open, closed, unread, assigned, unassigned, ...)."""
        from salesmsg_client.api.conversations import list_conversations

        arguments = _filters(filter, query, before, after)
        return cast(
            "list[Conversation]", self._call(list_conversations, limit=limit, offset=offset, **arguments)
        )

    def iter(
        self,
        filter: Filter = ConversationFilter.OPEN,
        *,
        page_size: int = 50,
        query: str | None = None,
        before: Day | None = None,
        after: Day | None = None,
    ) -> Pager[Conversation]:
        """Every matching conversation, `page_size` per request (limit/offset paging)."""
        from salesmsg_client.api.conversations import list_conversations

        from ..pagination import Pager

        return Pager(
            self._client, list_conversations, _filters(filter, query, before, after), page_size=page_size
        )

    def get(self, conversation_id: int) -> Conversation:
        from salesmsg_client.api.conversations import get_conversation

        return cast("Conversation", self._call(get_conversation, conversation=conversation_id))

    def open(self, conversation_id: int) -> Conversation:
        from salesmsg_client.api.conversations import open_conversation

        return cast("Conversation", self._call(open_conversation, conversation=conversation_id))

    def close(self, conversation_id: int) -> Conversation:
        """Close for every participant of the team (sets `closed_at`)."""
        from salesmsg_client.api.conversations import close_conversation

        return cast("Conversation", self._call(close_conversation, conversation=conversation_id))

    def assign(self, conversation_id: int, user_id: int | None) -> Conversation:
        """Assign to an organization member (`sm.users.members()` ids); `None` unassigns."""
        from salesmsg_client.api.conversations import reassign_conversation

        return cast(
            "Conversation",
            self._call(reassign_conversation, conversation=conversation_id, user_id=given(user_id)),
        )

    def start(
        self, contact_id: int, *, team_id: int | None = None, number_id: int | None = None
    ) -> Conversation:
        from salesmsg_client.api.conversations import start_conversation

        return cast(
            "Conversation",
            self._call(
                start_conversation, contact_id=contact_id, team_id=given(team_id), number_id=given(number_id)
            ),
        )


class AsyncConversations(AsyncResource):
    async def list(
        self,
        filter: Filter = ConversationFilter.OPEN,
        *,
        limit: int = 25,
        offset: int = 0,
        query: str | None = None,
        before: Day | None = None,
        after: Day | None = None,
    ) -> list[Conversation]:
        from salesmsg_client.api.conversations import list_conversations

        arguments = _filters(filter, query, before, after)
        return cast(
            "list[Conversation]",
            await self._call(list_conversations, limit=limit, offset=offset, **arguments),
        )

    def iter(
        self,
        filter: Filter = ConversationFilter.OPEN,
        *,
        page_size: int = 50,
        query: str | None = None,
        before: Day | None = None,
        after: Day | None = None,
    ) -> AsyncPager[Conversation]:
        from salesmsg_client.api.conversations import list_conversations

        from ..pagination import AsyncPager

        return AsyncPager(
            self._client, list_conversations, _filters(filter, query, before, after), page_size=page_size
        )

    async def get(self, conversation_id: int) -> Conversation:
        from salesmsg_client.api.conversations import get_conversation

        return cast("Conversation", await self._call(get_conversation, conversation=conversation_id))

    async def open(self, conversation_id: int) -> Conversation:
        from salesmsg_client.api.conversations import open_conversation

        return cast("Conversation", await self._call(open_conversation, conversation=conversation_id))

    async def close(self, conversation_id: int) -> Conversation:
        from salesmsg_client.api.conversations import close_conversation

        return cast("Conversation", await self._call(close_conversation, conversation=conversation_id))

    async def assign(self, conversation_id: int, user_id: int | None) -> Conversation:
        from salesmsg_client.api.conversations import reassign_conversation

        return cast(
            "Conversation",
            await self._call(reassign_conversation, conversation=conversation_id, user_id=given(user_id)),
        )

    async def start(
        self, contact_id: int, *, team_id: int | None = None, number_id: int | None = None
    ) -> Conversation:
        from salesmsg_client.api.conversations import start_conversation

        return cast(
            "Conversation",
            await self._call(
                start_conversation, contact_id=contact_id, team_id=given(team_id), number_id=given(number_id)
            ),
        )
