"""Conversations: list by status filter, get, start, open, close, reassign, search, find by contacts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from salesmsg.testing._errors import field_error
from salesmsg.testing._operations._call import Call, Handler
from salesmsg.testing._operations.contacts import matches
from salesmsg.testing._render import paginate, render_conversation
from salesmsg.testing._state import Conversation, Store
from salesmsg.testing._timefmt import utc_now


def _latest_outbound(store: Store, c: Conversation) -> bool:
    latest = store.latest_message(c.id)
    return latest is not None and latest.outbound


def _nothing(store: Store, conversation: Conversation) -> bool:
    return False


# What each filter value selects. Values the document allows but the facts do not explain
# (mentions, draft) select nothing; a value outside the list is accepted and selects nothing.
FILTERS: dict[str, Callable[[Store, Conversation], bool]] = {
    "open": lambda s, c: c.closed_at is None,
    "closed": lambda s, c: c.closed_at is not None,
    "unread": lambda s, c: c.unread,
    "assigned": lambda s, c: c.closed_at is None and c.owner_id is not None,
    "unassigned": lambda s, c: c.closed_at is None and c.owner_id is None,
    "outbound": _latest_outbound,
    "pending": lambda s, c: c.closed_at is None and not _latest_outbound(s, c),
    "optout": lambda s, c: s.contacts[c.contact_id].opt_out,
    "nocalls": lambda s, c: True,  # the fake has no calls
    "scheduled": lambda s, c: any(m.status == "queued" for m in s.messages_of(c.id)),
    "mentions": lambda s, c: False,
    "draft": lambda s, c: False,
}


def list_conversations(call: Call) -> Any:
    store, q = call.store, call.query
    select = FILTERS.get(q["filter"], _nothing)
    before, after = call.time_param("before"), call.time_param("after")
    rows = []
    for conversation in store.conversations.values():
        last = store.last_activity(conversation)
        if not select(store, conversation):
            continue
        if (before is not None and last >= before) or (after is not None and last < after):
            continue
        if "query" in q and not matches(store.contacts[conversation.contact_id], q["query"]):
            continue
        rows.append((last, conversation))
    rows.sort(key=lambda row: (row[0], row[1].id), reverse=True)  # latest activity first
    offset = max(q.get("offset", 0), 0)
    return [render_conversation(store, c) for _, c in rows[offset : offset + max(q["limit"], 0)]]


def get_conversation(call: Call) -> Any:
    return render_conversation(call.store, call.store.conversation(call.path["conversation"]))


def start_conversation(call: Call) -> Any:
    q = call.query
    conversation = call.store.open_conversation(q["contact_id"], q.get("team_id"), q.get("number_id"))
    return render_conversation(call.store, conversation)


def open_conversation(call: Call) -> Any:
    conversation = call.store.conversation(call.path["conversation"])
    conversation.closed_at = None
    return render_conversation(call.store, conversation)


def close_conversation(call: Call) -> Any:
    conversation = call.store.conversation(call.path["conversation"])
    if conversation.closed_at is None:
        conversation.closed_at = utc_now()
    conversation.unread = False
    return render_conversation(call.store, conversation)


def reassign_conversation(call: Call) -> Any:
    conversation = call.store.conversation(call.path["conversation"])
    user_id = call.query.get("user_id")  # blank or absent: unassign
    if user_id is not None and user_id not in call.store.users:
        raise field_error("user_id", "The selected user id is invalid.")
    conversation.owner_id = user_id
    return render_conversation(call.store, conversation)


def search_conversations(call: Call) -> Any:
    store, term = call.store, call.query["term"]

    def selected(c: Conversation) -> bool:
        if call.query.get("type") == "messages":
            return any(term.lower() in m.body.lower() for m in store.messages_of(c.id))
        return matches(store.contacts[c.contact_id], term)

    found = [c for c in sorted(store.conversations.values(), key=lambda c: c.id) if selected(c)]
    chunk, meta = paginate(found, call.query.get("page", 1), 15)
    return {"data": [render_conversation(store, c) for c in chunk], "meta": meta}


def find_conversations_by_contacts(call: Call) -> Any:
    # The body is undocumented; the fake reads a list of contact ids under "contacts" or "contact_ids".
    body = call.body if isinstance(call.body, dict) else {}
    wanted = body.get("contacts") or body.get("contact_ids") or []
    ids = {int(i) for i in wanted if isinstance(i, int | str) and str(i).isdigit()}
    found = sorted((c for c in call.store.conversations.values() if c.contact_id in ids), key=lambda c: c.id)
    return {"data": [render_conversation(call.store, c) for c in found]}


HANDLERS: dict[str, Handler] = {
    "listConversations": list_conversations,
    "getConversation": get_conversation,
    "startConversation": start_conversation,
    "openConversation": open_conversation,
    "closeConversation": close_conversation,
    "reassignConversation": reassign_conversation,
    "searchConversations": search_conversations,
    "findConversationsByContacts": find_conversations_by_contacts,
}
