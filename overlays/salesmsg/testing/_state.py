"""The fake's in-memory account: organization, users, teams, numbers, contacts, tags, conversations, messages.

    >>> store = Store()
    >>> user = store.add_user(first_name="Alice", last_name="Owner")
    >>> team = store.add_team(name="Sales", number="+15555100001", member_ids=[user.id])
    >>> contact = store.add_contact(number="(555) 510-2001", first_name="Jane")
    >>> conversation = store.open_conversation(contact.id, team.id)
    >>> message = store.send_message(conversation, "Hi Jane", user_id=user.id, operation_id="sendMessage")
    >>> message.status, store.sent[-1].number, store.sent[-1].text
    ('sent', '+15555102001', 'Hi Jane')

Ids come from separate ranges per kind (contacts 1001.., conversations 5001.., messages 90001..),
so passing a contact id where a conversation id belongs answers 404 instead of something plausible.
Every method expects the caller to hold `store.lock` when other threads may be serving requests.
"""

from __future__ import annotations

import bisect
import itertools
import mimetypes
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from salesmsg.testing import _phone
from salesmsg.testing._errors import field_error, not_found, validation_error
from salesmsg.testing._timefmt import utc_now

_FIRST_IDS = {
    "organization": 1,
    "user": 101,
    "team": 11,
    "number": 21,
    "tag": 301,
    "broadcast": 701,
    "attachment": 801,
    "contact": 1001,
    "conversation": 5001,
    "message": 90001,
    "media": 60001,
}
_T = TypeVar("_T")


@dataclass
class Organization:
    id: int
    name: str
    account_credits: float = 100.0


@dataclass
class User:
    id: int
    first_name: str
    last_name: str = ""
    email: str = ""
    role: str = "agent"
    team_ids: list[int] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class Team:
    id: int
    name: str


@dataclass
class PhoneNumber:
    id: int
    number: str  # E.164
    team_id: int
    mms: bool = True


@dataclass
class Tag:
    id: int
    label: str
    created_at: datetime


@dataclass
class Contact:
    id: int
    number: str  # E.164
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    source: str = ""
    owner_id: int = 0
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    opt_out: bool = False
    opt_out_at: datetime | None = None
    opt_in_at: datetime | None = None
    is_blocked: bool = False
    tag_ids: list[int] = field(default_factory=list)
    custom_fields: list[Any] = field(default_factory=list)  # as PUT .../custom-fields sent them

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class Media:
    id: int
    url: str
    content_type: str
    created_at: datetime


@dataclass
class Message:
    id: int
    conversation_id: int
    contact_id: int
    team_id: int
    body: str
    outbound: bool
    status: str
    created_at: datetime
    user_id: int = 0  # 0 on inbound messages, as captured (facts §3.3)
    source: str = "app"
    send_at: datetime | None = None
    queued_at: datetime | None = None
    sent_at: datetime | None = None
    delivered_at: datetime | None = None
    received_at: datetime | None = None
    media: list[Media] = field(default_factory=list)


@dataclass
class Conversation:
    id: int
    contact_id: int
    team_id: int
    number_id: int | None
    created_at: datetime
    owner_id: int | None = None
    closed_at: datetime | None = None
    unread: bool = False


@dataclass
class Broadcast:
    id: int
    name: str
    status: str
    created_at: datetime


@dataclass
class Attachment:
    id: int
    message_id: int
    conversation_id: int
    url: str
    content_type: str
    created_at: datetime


@dataclass(frozen=True)
class SentMessage:
    """One message the API was asked to send (what a test asserts on)."""

    message_id: int
    conversation_id: int
    contact_id: int
    team_id: int
    number: str  # recipient, E.164
    text: str
    media_urls: tuple[str, ...]
    send_at: datetime | None
    operation_id: str
    user_id: int


class Store:
    """All entities by id, their id counters and the operations handlers share."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._counters = {kind: itertools.count(first) for kind, first in _FIRST_IDS.items()}
        self._taken: dict[str, int] = {}
        self.organization = Organization(self._id("organization", None), "Fake Salesmsg Org")
        self.users: dict[int, User] = {}
        self.teams: dict[int, Team] = {}
        self.numbers: dict[int, PhoneNumber] = {}
        self.tags: dict[int, Tag] = {}
        self.contacts: dict[int, Contact] = {}
        self.conversations: dict[int, Conversation] = {}
        self.messages: dict[int, Message] = {}
        self._threads: dict[int, list[Message]] = {}  # conversation id -> its messages, oldest first
        self.broadcasts: dict[int, Broadcast] = {}
        self.attachments: dict[int, Attachment] = {}
        self.sent: list[SentMessage] = []

    def _id(self, kind: str, wanted: int | None) -> int:
        # An explicit id moves the counter past it, so later automatic ids never collide.
        if wanted is not None:
            self._taken[kind] = max(self._taken.get(kind, 0), wanted)
            return wanted
        while True:
            candidate = next(self._counters[kind])
            if candidate > self._taken.get(kind, 0):
                return candidate

    # -- creation (seeding and handlers) ------------------------------------------------------

    def set_organization(self, *, name: str, id: int | None = None, account_credits: float = 100.0) -> None:
        self.organization = Organization(self._id("organization", id), name, account_credits)

    def add_user(
        self,
        *,
        first_name: str,
        last_name: str = "",
        email: str = "",
        role: str = "agent",
        team_ids: Iterable[int] = (),
        id: int | None = None,
    ) -> User:
        user = User(self._id("user", id), first_name, last_name, email, role, list(team_ids))
        self.users[user.id] = user
        return user

    def add_team(
        self,
        *,
        name: str,
        number: str | None = None,
        member_ids: Iterable[int] = (),
        id: int | None = None,
    ) -> Team:
        team = Team(self._id("team", id), name)
        self.teams[team.id] = team
        if number is not None:
            self.add_number(number=number, team_id=team.id)
        for user_id in member_ids:
            if team.id not in self.user(user_id).team_ids:
                self.user(user_id).team_ids.append(team.id)
        return team

    def add_number(
        self, *, number: str, team_id: int, mms: bool = True, id: int | None = None
    ) -> PhoneNumber:
        e164 = _phone.normalize(number)
        if e164 is None:
            raise field_error("number", "The number field must be a valid phone number.")
        self.team(team_id)
        phone = PhoneNumber(self._id("number", id), e164, team_id, mms)
        self.numbers[phone.id] = phone
        return phone

    def add_tag(self, *, label: str, created_at: datetime | None = None, id: int | None = None) -> Tag:
        if any(tag.label.lower() == label.lower() for tag in self.tags.values()):
            raise field_error("label", "The label has already been taken.")
        tag = Tag(self._id("tag", id), label, created_at or utc_now())
        self.tags[tag.id] = tag
        return tag

    def add_contact(
        self,
        *,
        number: str,
        first_name: str = "",
        last_name: str = "",
        email: str = "",
        source: str = "",
        opt_out: bool = False,
        tags: Iterable[str | int] = (),
        created_at: datetime | None = None,
        id: int | None = None,
    ) -> Contact:
        e164 = self._free_number(number)
        when = created_at or utc_now()
        contact = Contact(
            id=self._id("contact", id),
            number=e164,
            first_name=first_name,
            last_name=last_name,
            email=email,
            source=source,
            owner_id=min(self.users, default=0),
            created_at=when,
            updated_at=when,
            opt_out=opt_out,
            opt_out_at=when if opt_out else None,
        )
        self.contacts[contact.id] = contact
        for tag in tags:
            self.attach_tag(contact, self._tag_named(tag))
        return contact

    def _tag_named(self, tag: str | int) -> Tag:
        if isinstance(tag, int):
            return self.tag(tag)
        found = next((t for t in self.tags.values() if t.label.lower() == tag.lower()), None)
        return found or self.add_tag(label=tag)

    def _free_number(self, number: str, *, keep: Contact | None = None) -> str:
        e164 = _phone.normalize(number)
        if e164 is None:
            raise field_error("number", "The number field must be a valid phone number.")
        existing = self.contact_by_number(e164)
        if existing is not None and existing is not keep:
            # The vendor's duplicate answer carries the existing contact's id (facts §2.3 C5).
            raise validation_error({"number": ["The number has already been taken."]}, contact_id=existing.id)
        return e164

    def add_conversation(
        self,
        *,
        contact_id: int,
        team_id: int | None = None,
        owner_id: int | None = None,
        closed_at: datetime | None = None,
        created_at: datetime | None = None,
        unread: bool = False,
        id: int | None = None,
    ) -> Conversation:
        self.contact(contact_id)
        team = self.team(team_id if team_id is not None else self.default_team_id())
        if owner_id is not None:
            self.user(owner_id)
        number = next((n for n in self.numbers.values() if n.team_id == team.id), None)
        conversation = Conversation(
            id=self._id("conversation", id),
            contact_id=contact_id,
            team_id=team.id,
            number_id=number.id if number else None,
            created_at=created_at or utc_now(),
            owner_id=owner_id,
            closed_at=closed_at,
            unread=unread,
        )
        self.conversations[conversation.id] = conversation
        return conversation

    def add_message(
        self,
        *,
        conversation_id: int,
        body: str,
        direction: str = "outbound",
        status: str | None = None,
        created_at: datetime | None = None,
        user_id: int | None = None,
        media_urls: Iterable[str] = (),
        id: int | None = None,
    ) -> Message:
        """A message in the history (seeding), not recorded as sent. `direction`: outbound or inbound."""
        if direction not in ("outbound", "inbound"):
            raise ValueError(f"direction must be 'outbound' or 'inbound', not {direction!r}")
        conversation = self.conversation(conversation_id)
        outbound = direction == "outbound"
        when = created_at or utc_now()
        message = Message(
            id=self._id("message", id),
            conversation_id=conversation.id,
            contact_id=conversation.contact_id,
            team_id=conversation.team_id,
            body=body,
            outbound=outbound,
            status=status or ("delivered" if outbound else "received"),
            created_at=when,
            user_id=(user_id if user_id is not None else min(self.users, default=0)) if outbound else 0,
            queued_at=when if outbound else None,
            sent_at=when if outbound else None,
            delivered_at=when if outbound and status in (None, "delivered") else None,
            received_at=None if outbound else when,
            media=[self._media(url, when) for url in media_urls],
        )
        self._keep(message)
        return message

    def add_broadcast(
        self, *, name: str, status: str = "sent", created_at: datetime | None = None, id: int | None = None
    ) -> Broadcast:
        broadcast = Broadcast(self._id("broadcast", id), name, status, created_at or utc_now())
        self.broadcasts[broadcast.id] = broadcast
        return broadcast

    def _media(self, url: str, when: datetime) -> Media:
        content_type = mimetypes.guess_type(url.split("?")[0])[0] or "application/octet-stream"
        return Media(self._id("media", None), url, content_type, when)

    # -- lookups --------------------------------------------------------------------------------

    def user(self, user_id: int) -> User:
        return self._get(self.users, user_id, "User")

    def team(self, team_id: int) -> Team:
        return self._get(self.teams, team_id, "Team")

    def tag(self, tag_id: int) -> Tag:
        return self._get(self.tags, tag_id, "Tag")

    def contact(self, contact_id: int) -> Contact:
        return self._get(self.contacts, contact_id, "Contact")

    def conversation(self, conversation_id: int) -> Conversation:
        return self._get(self.conversations, conversation_id, "Conversation")

    def message(self, message_id: int) -> Message:
        return self._get(self.messages, message_id, "Message")

    @staticmethod
    def _get(table: dict[int, _T], key: int, model: str) -> _T:
        try:
            return table[key]
        except KeyError:
            raise not_found(model, key) from None

    def default_team_id(self) -> int:
        if not self.teams:
            raise field_error("team_id", "The team id field is required.")
        return min(self.teams)

    def contact_by_number(self, e164: str) -> Contact | None:
        return next((c for c in self.contacts.values() if c.number == e164), None)

    def team_numbers(self, team_id: int) -> list[PhoneNumber]:
        return [n for n in self.numbers.values() if n.team_id == team_id]

    def _keep(self, message: Message) -> None:
        self.messages[message.id] = message
        thread = self._threads.setdefault(message.conversation_id, [])
        bisect.insort(thread, message, key=lambda m: (m.created_at, m.id))

    def messages_of(self, conversation_id: int) -> list[Message]:
        """Newest first."""
        return self._threads.get(conversation_id, [])[::-1]

    def latest_message(self, conversation_id: int) -> Message | None:
        thread = self._threads.get(conversation_id)
        return thread[-1] if thread else None

    def last_activity(self, conversation: Conversation) -> datetime:
        latest = self.latest_message(conversation.id)
        return latest.created_at if latest else conversation.created_at

    # -- actions --------------------------------------------------------------------------------

    def update_contact(self, contact: Contact, fields: dict[str, Any]) -> None:
        if "number" in fields:
            contact.number = self._free_number(str(fields["number"]), keep=contact)
        for name in ("first_name", "last_name", "email"):
            if name in fields:
                setattr(contact, name, str(fields[name]))
        if "customFields" in fields:
            contact.custom_fields = list(fields["customFields"])
        contact.updated_at = utc_now()

    def delete_contact(self, contact: Contact) -> None:
        """The contact, its conversations and their messages go."""
        del self.contacts[contact.id]
        for conversation in [c for c in self.conversations.values() if c.contact_id == contact.id]:
            del self.conversations[conversation.id]
            for message in self._threads.pop(conversation.id, []):
                del self.messages[message.id]

    def attach_tag(self, contact: Contact, tag: Tag) -> None:
        if tag.id not in contact.tag_ids:
            contact.tag_ids.append(tag.id)

    def open_conversation(
        self, contact_id: int, team_id: int | None = None, number_id: int | None = None
    ) -> Conversation:
        """The contact's conversation in that team (reopened if closed), or a new one."""
        if number_id is not None:
            number = self.numbers.get(number_id)
            if number is None:
                raise field_error("number_id", "The selected number id is invalid.")
            team_id = number.team_id
        if team_id is None:
            team_id = self.default_team_id()
        if team_id not in self.teams:
            raise field_error("team_id", "The selected team id is invalid.")
        if contact_id not in self.contacts:
            raise field_error("contact_id", "The selected contact id is invalid.")
        for conversation in sorted(self.conversations.values(), key=lambda c: c.id):
            if conversation.contact_id == contact_id and conversation.team_id == team_id:
                conversation.closed_at = None
                return conversation
        return self.add_conversation(contact_id=contact_id, team_id=team_id)

    def send_message(
        self,
        conversation: Conversation,
        text: str,
        *,
        user_id: int,
        operation_id: str,
        media_urls: Iterable[str] = (),
        send_at: datetime | None = None,
    ) -> Message:
        """An outbound message, created now: "sent", or "queued" when `send_at` is in the future."""
        contact = self.contact(conversation.contact_id)
        if contact.opt_out:
            raise field_error("number", "The contact has opted out of messages.")
        now = utc_now()
        scheduled = send_at is not None and send_at > now
        urls = tuple(media_urls)
        message = Message(
            id=self._id("message", None),
            conversation_id=conversation.id,
            contact_id=contact.id,
            team_id=conversation.team_id,
            body=text,
            outbound=True,
            status="queued" if scheduled else "sent",
            created_at=now,
            user_id=user_id,
            source="public_api",
            send_at=send_at if scheduled else None,
            queued_at=now,
            sent_at=None if scheduled else now,
            media=[self._media(url, now) for url in urls],
        )
        self._keep(message)
        for media in message.media:
            attachment = Attachment(
                self._id("attachment", None), message.id, conversation.id, media.url, media.content_type, now
            )
            self.attachments[attachment.id] = attachment
        conversation.closed_at = None  # writing into a closed conversation reopens it
        conversation.unread = False
        self.sent.append(
            SentMessage(
                message_id=message.id,
                conversation_id=conversation.id,
                contact_id=contact.id,
                team_id=conversation.team_id,
                number=contact.number,
                text=text,
                media_urls=urls,
                send_at=send_at,
                operation_id=operation_id,
                user_id=user_id,
            )
        )
        return message

    def contact_for_number(self, number: str, *, source: str = "public_api") -> Contact:
        """The contact with this number, created when there is none (sending to a new number)."""
        e164 = _phone.normalize(number)
        if e164 is None:
            raise field_error("number", "The number field must be a valid phone number.")
        return self.contact_by_number(e164) or self.add_contact(number=e164, source=source)
