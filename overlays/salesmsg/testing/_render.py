"""The JSON the vendor answers with, built from the store's entities.

    >>> from salesmsg.testing._state import Store
    >>> store = Store()
    >>> team = store.add_team(name="Sales", number="+15555100001")
    >>> render_team(team)
    {'id': 11, 'name': 'Sales'}
    >>> render_number(store.numbers[21])["formatted_number"]
    '(555) 510-0001'

Unset message times are "" (as captured, facts §3.3); other unset times (closed_at, opt_out_at)
are null, which the patched document also allows, so clients meet both forms.
"""

from __future__ import annotations

from typing import Any

from salesmsg.testing import _phone
from salesmsg.testing._state import (
    Attachment,
    Broadcast,
    Contact,
    Conversation,
    Message,
    PhoneNumber,
    Store,
    Tag,
    Team,
    User,
)
from salesmsg.testing._timefmt import vendor_time

JSON = dict[str, Any]


def render_team(team: Team) -> JSON:
    return {"id": team.id, "name": team.name}


def render_number(number: PhoneNumber) -> JSON:
    country, _, _ = _phone.country_of(number.number)
    return {
        "id": number.id,
        "number": number.number,
        "formatted_number": _phone.display(number.number),
        "country": country,
        "mms": number.mms,
        "numberable": {"id": number.team_id},
    }


def render_user(store: Store, user: User) -> JSON:
    numbers = [n for team_id in user.team_ids for n in store.team_numbers(team_id)]
    first = numbers[0].number if numbers else ""
    return {
        "id": user.id,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role,
        "organization_id": store.organization.id,
        "inbox_id": user.team_ids[0] if user.team_ids else 0,
        "photo_url": "",
        "unread": sum(1 for c in store.conversations.values() if c.unread and c.team_id in user.team_ids),
        "number": first,
        "formatted_number": _phone.display(first) if first else "",
        "organizationNumber": [render_number(n) for n in numbers],
        "userPermissions": ["messages.send", "contacts.manage"] if user.role != "owner" else ["*"],
    }


def render_member(user: User) -> JSON:
    return {"id": user.id, "full_name": user.full_name, "email": user.email, "role": user.role}


def render_organization(store: Store) -> JSON:
    org = store.organization
    return {
        "id": org.id,
        "name": org.name,
        "account_credits": org.account_credits,
        "plan": {"name": "Pro"},
        "settings": {"timezone": "UTC"},
    }


def render_tag(tag: Tag) -> JSON:
    return {"id": tag.id, "name": tag.label, "label": tag.label, "created_at": vendor_time(tag.created_at)}


def render_contact(store: Store, contact: Contact) -> JSON:
    country, calling_code, national = _phone.country_of(contact.number)
    formatted = _phone.display(contact.number)
    return {
        "id": contact.id,
        "owner_id": contact.owner_id,
        "color": "#5C6BC0",
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "full_name": contact.full_name,
        "email": contact.email,
        "photo_url": "",
        "number": contact.number,
        "formatted_number": formatted,
        "country": country,
        "country_calling_code": calling_code,
        "national_number": national,
        "is_blocked": contact.is_blocked,
        "opt_out": contact.opt_out,
        "opt_out_at": vendor_time(contact.opt_out_at, unset=None),
        "opt_in_at": vendor_time(contact.opt_in_at, unset=None),
        "opt_in_request_at": None,
        "opt_in_requests": [],
        "shortcode_opt_outs": [],
        "prevent_autolink": False,
        "integration": [],
        "custom_fields": [],
        "tags": [render_tag(store.tags[t]) for t in contact.tag_ids if t in store.tags],
        "notes": [],
        "source": contact.source,
        "created_at": vendor_time(contact.created_at),
        "updated_at": vendor_time(contact.updated_at),
    }


def render_short_contact(contact: Contact) -> JSON:
    """The rows of POST /contacts/list with useShortResponse (facts §3.1)."""
    return {
        "id": contact.id,
        "full_name": contact.full_name,
        "number": contact.number,
        "created_at": vendor_time(contact.created_at),
    }


def render_message(message: Message) -> JSON:
    has_media = bool(message.media)
    return {
        "id": message.id,
        "conversation_id": message.conversation_id,
        "contact_id": message.contact_id,
        "inbox_id": message.team_id,
        "user_id": message.user_id,
        "body": message.body,
        "body_raw": message.body,
        "type": "sms",
        "status": message.status,
        "mms_status": ("sent" if message.status == "sent" else message.status) if has_media else "",
        "automated": False,
        "has_tagging": False,
        "icon": "",
        "source": message.source,
        "source_id": None,
        "stop_on_response": False,
        "failed_reason": None,
        "created_at": vendor_time(message.created_at),
        "send_at": vendor_time(message.send_at),
        "queued_at": vendor_time(message.queued_at),
        "sent_at": vendor_time(message.sent_at),
        "delivered_at": vendor_time(message.delivered_at),
        "failed_at": "",
        "received_at": vendor_time(message.received_at),
        "media": [
            {
                "id": media.id,
                "content_type": media.content_type,
                "source": media.url,
                "source_short": media.url,
                "created_at": vendor_time(media.created_at),
            }
            for media in message.media
        ],
    }


def render_conversation(store: Store, conversation: Conversation) -> JSON:
    body: JSON = {
        "id": conversation.id,
        "contact_id": conversation.contact_id,
        "team_id": conversation.team_id,
        "contact": render_contact(store, store.contact(conversation.contact_id)),
        "closed_at": vendor_time(conversation.closed_at, unset=None),
    }
    # owner, number and latest_message are objects that may not be null: left out when unset.
    if conversation.owner_id is not None and conversation.owner_id in store.users:
        body["owner"] = render_user(store, store.users[conversation.owner_id])
    if conversation.number_id is not None and conversation.number_id in store.numbers:
        body["number"] = render_number(store.numbers[conversation.number_id])
    latest = store.latest_message(conversation.id)
    if latest is not None:
        body["latest_message"] = render_message(latest)
    return body


def render_broadcast(broadcast: Broadcast) -> JSON:
    return {
        "id": broadcast.id,
        "name": broadcast.name,
        "status": broadcast.status,
        "created_at": vendor_time(broadcast.created_at),
    }


def render_attachment(attachment: Attachment) -> JSON:
    return {
        "id": attachment.id,
        "message_id": attachment.message_id,
        "conversation_id": attachment.conversation_id,
        "type": attachment.content_type.split("/")[0],
        "processing": 0,
        "is_allowed_for_media_url": True,
        "source": attachment.url,
        "name": attachment.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0],
        "content_type": attachment.content_type,
        "created_at": vendor_time(attachment.created_at),
    }


def paginate(rows: list[Any], page: int, per_page: int) -> tuple[list[Any], JSON]:
    """A page and its Laravel paginator `meta` (a page below 1 is page 1, as Laravel reads it)."""
    page, per_page = max(page, 1), max(per_page, 1)
    total = len(rows)
    chunk = rows[(page - 1) * per_page : page * per_page]
    meta: JSON = {
        "current_page": page,
        "last_page": max((total + per_page - 1) // per_page, 1),
        "per_page": per_page,
        "total": total,
    }
    if chunk:  # Laravel sends null for an empty page; the document types from/to as integers
        meta["from"] = (page - 1) * per_page + 1
        meta["to"] = (page - 1) * per_page + len(chunk)
    return chunk, meta
