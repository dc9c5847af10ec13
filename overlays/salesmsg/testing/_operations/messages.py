"""Messages: send into a conversation or to a number (query parameters), async send, and three lists."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from salesmsg.testing._errors import field_error
from salesmsg.testing._operations._call import Call, Handler
from salesmsg.testing._render import paginate, render_message
from salesmsg.testing._state import Conversation, Message

MEDIA_PARAM = "media_url[][url]"
MAX_PER_PAGE = 100  # facts §2.6 M4


def _send(call: Call, conversation: Conversation, text: str, send_at: datetime | None) -> Message:
    message = call.store.send_message(
        conversation,
        text,
        user_id=call.user_id,
        operation_id=call.operation_id,
        media_urls=call.query.get(MEDIA_PARAM, []),
        send_at=send_at,
    )
    call.counters.add("messages_created")
    return message


def send_message(call: Call) -> Any:
    send_at = call.time_param("send_at")
    conversation = call.store.conversation(call.path["conversation"])
    return render_message(_send(call, conversation, call.query["message"], send_at))


def _team_id(call: Call, team_id: Any) -> int:
    if not isinstance(team_id, int) or team_id not in call.store.teams:
        raise field_error("team_id", "The selected team id is invalid.")
    return team_id


def send_message_to_number(call: Call) -> Any:
    q = call.query
    send_at, team_id = call.time_param("send_at"), _team_id(call, q["team_id"])  # checked before creating
    contact = call.store.contact_for_number(q["number"])
    conversation = call.store.open_conversation(contact.id, team_id)
    return render_message(_send(call, conversation, q["message"], send_at))


def send_message_async(call: Call) -> Any:
    body = call.body or {}
    missing = [name for name in ("number", "team_id", "message") if body.get(name) in (None, "")]
    if missing:
        raise field_error(missing[0], f"The {missing[0].replace('_', ' ')} field is required.")
    team_id = _team_id(call, body["team_id"])
    contact = call.store.contact_for_number(str(body["number"]))
    conversation = call.store.open_conversation(contact.id, team_id)
    message = _send(call, conversation, str(body["message"]), None)
    return {"message": "The message has been queued.", "message_id": message.id}


def list_messages(call: Call) -> Any:
    q = call.query
    messages = call.store.messages_of(call.store.conversation(call.path["conversation"]).id)  # newest first
    if "before_id" in q:
        messages = [m for m in messages if m.id < q["before_id"]]
    limit = q.get("limit")
    if limit is not None:
        start = (max(q.get("page", 1), 1) - 1) * limit
        messages = messages[start : start + limit]
    return [render_message(m) for m in messages]


def list_messages_paginated(call: Call) -> Any:
    q = call.query
    if q["per_page"] > MAX_PER_PAGE:
        raise field_error("per_page", f"The per page field must not be greater than {MAX_PER_PAGE}.")
    messages = call.store.messages_of(call.store.conversation(call.path["conversation"]).id)
    if q.get("only_scheduled"):
        messages = [m for m in messages if m.status == "queued"]
    chunk, meta = paginate(messages, q["page"], q["per_page"])
    return {"data": [render_message(m) for m in chunk], "meta": meta}


def list_contacts_messages(call: Call) -> Any:
    q = call.query
    wanted = set(q["contacts[]"])
    found = sorted(
        (m for m in call.store.messages.values() if m.contact_id in wanted),
        key=lambda m: (m.created_at, m.id),
        reverse=True,
    )
    if "before" in q:
        found = [m for m in found if m.id < q["before"]]
    return [render_message(m) for m in found[: q.get("limit", 50)]]


def update_message(call: Call) -> Any:
    # Parameters were not recorded (facts §2.6 M5): the fake answers the message unchanged.
    return render_message(call.store.message(call.path["message"]))


HANDLERS: dict[str, Handler] = {
    "sendMessage": send_message,
    "sendMessageToNumber": send_message_to_number,
    "sendMessageAsync": send_message_async,
    "listMessages": list_messages,
    "listMessagesPaginated": list_messages_paginated,
    "listContactsMessages": list_contacts_messages,
    "updateMessage": update_message,
}
