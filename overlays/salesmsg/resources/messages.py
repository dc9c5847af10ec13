"""Messages: read a conversation, send into it, or send to a phone number.

    for message in sm.messages.iter(conversation_id):          # newest first, `before_id` cursor
        print(message.created_at, message.body)
    sent = sm.messages.send(conversation_id, "Hello, my name is Den")
    sm.messages.send_to_number("+14155550100", "Your order shipped", team_id=12,
                               media_urls=["https://example.com/label.png"])

There are no idempotency keys in this API: a send that fails after it reached the server is never
retried by the SDK (see `salesmsg._transport`), so check the conversation before sending again:

    try:
        sm.messages.send(conversation_id, text)
    except salesmsg.APIConnectionError:
        if sm.messages.find_sent(conversation_id, text) is None:
            ...  # it did not go out: safe to send again
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from .._phone import to_e164
from ._base import AsyncResource, SyncResource, given

# Each helper imports its own generated operation (and the pager) when first called, so the first
# call of one helper does not load the others' modules and models.
if TYPE_CHECKING:
    from salesmsg_client.models.message import Message

    from ..pagination import AsyncPager, Pager


def _when(send_at: datetime.datetime | str | None) -> str | None:
    if send_at is None or isinstance(send_at, str):
        return send_at
    return send_at.isoformat(timespec="seconds")


def _media(media_urls: Sequence[str] | None) -> list[str] | None:
    if media_urls is None:
        return None
    if isinstance(media_urls, str):
        raise TypeError("media_urls takes a list of URLs, not one string")
    urls = list(media_urls)
    for url in urls:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError(f"media URL must be http(s) and publicly reachable: {url!r}")
    return urls or None


def _send_fields(
    text: str, media_urls: Sequence[str] | None, send_at: datetime.datetime | str | None
) -> dict[str, Any]:
    media = _media(media_urls)
    if not text and not media:
        raise ValueError("a message needs text, media_urls, or both")
    return {"message": text, "media_urlurl": given(media), "send_at": given(_when(send_at))}


def _matching(messages: Sequence[Message], text: str) -> Message | None:
    """The newest message of the user's (not inbound) whose text is `text` (bodies may be HTML-escaped)."""
    import html  # html.entities is a big table: only find_sent needs it

    for message in messages:  # newest first
        body = message.body if isinstance(message.body, str) else None
        inbound = message.status == "received" or message.user_id == 0
        if body is not None and not inbound and (body == text or html.unescape(body) == text):
            return message
    return None


class Messages(SyncResource):
    def list(self, conversation_id: int, *, limit: int = 50, before_id: int | None = None) -> list[Message]:
        """One page of a conversation's messages, newest first; `before_id` pages to older ones."""
        from salesmsg_client.api.messages import list_messages

        return cast(
            "list[Message]",
            self._call(list_messages, conversation=conversation_id, limit=limit, before_id=given(before_id)),
        )

    def iter(self, conversation_id: int, *, page_size: int = 50) -> Pager[Message]:
        """Every message of a conversation, newest first."""
        from salesmsg_client.api.messages import list_messages

        from ..pagination import Pager

        return Pager(self._client, list_messages, {"conversation": conversation_id}, page_size=page_size)

    def find_sent(self, conversation_id: int, text: str, *, limit: int = 20) -> Message | None:
        """The newest sent message with this text among the last `limit`: did a lost send go out?"""
        return _matching(self.list(conversation_id, limit=limit), text)

    def send(
        self,
        conversation_id: int,
        text: str,
        *,
        media_urls: Sequence[str] | None = None,
        send_at: datetime.datetime | str | None = None,
        enable_quiet_hours: bool | None = None,
    ) -> Message:
        """Send an SMS (or an MMS with `media_urls`) into a conversation; `send_at` schedules it."""
        from salesmsg_client.api.messages import send_message

        fields = _send_fields(text, media_urls, send_at)
        return cast(
            "Message",
            self._call(
                send_message,
                conversation=conversation_id,
                enable_quiet_hours=given(enable_quiet_hours),
                **fields,
            ),
        )

    def send_to_number(
        self,
        number: str,
        text: str,
        *,
        team_id: int,
        media_urls: Sequence[str] | None = None,
        send_at: datetime.datetime | str | None = None,
    ) -> Message:
        """Send to a phone number from an inbox (`team_id`); the number is checked as E.164 first."""
        from salesmsg_client.api.messages import send_message_to_number

        fields = _send_fields(text, media_urls, send_at)
        return cast(
            "Message", self._call(send_message_to_number, number=to_e164(number), team_id=team_id, **fields)
        )


class AsyncMessages(AsyncResource):
    async def list(
        self, conversation_id: int, *, limit: int = 50, before_id: int | None = None
    ) -> list[Message]:
        from salesmsg_client.api.messages import list_messages

        return cast(
            "list[Message]",
            await self._call(
                list_messages, conversation=conversation_id, limit=limit, before_id=given(before_id)
            ),
        )

    def iter(self, conversation_id: int, *, page_size: int = 50) -> AsyncPager[Message]:
        from salesmsg_client.api.messages import list_messages

        from ..pagination import AsyncPager

        return AsyncPager(self._client, list_messages, {"conversation": conversation_id}, page_size=page_size)

    async def find_sent(self, conversation_id: int, text: str, *, limit: int = 20) -> Message | None:
        return _matching(await self.list(conversation_id, limit=limit), text)

    async def send(
        self,
        conversation_id: int,
        text: str,
        *,
        media_urls: Sequence[str] | None = None,
        send_at: datetime.datetime | str | None = None,
        enable_quiet_hours: bool | None = None,
    ) -> Message:
        from salesmsg_client.api.messages import send_message

        fields = _send_fields(text, media_urls, send_at)
        return cast(
            "Message",
            await self._call(
                send_message,
                conversation=conversation_id,
                enable_quiet_hours=given(enable_quiet_hours),
                **fields,
            ),
        )

    async def send_to_number(
        self,
        number: str,
        text: str,
        *,
        team_id: int,
        media_urls: Sequence[str] | None = None,
        send_at: datetime.datetime | str | None = None,
    ) -> Message:
        from salesmsg_client.api.messages import send_message_to_number

        fields = _send_fields(text, media_urls, send_at)
        return cast(
            "Message",
            await self._call(send_message_to_number, number=to_e164(number), team_id=team_id, **fields),
        )
