"""Contacts: create (query parameters), update (JSON), delete, search, the two list operations, opt-out/in."""

from __future__ import annotations

from typing import Any

from salesmsg.testing._operations._call import Answer, Call, Handler
from salesmsg.testing._render import paginate, render_contact, render_conversation, render_short_contact
from salesmsg.testing._state import Contact, Store
from salesmsg.testing._timefmt import utc_now

_SORTABLE = ("id", "first_name", "last_name", "full_name", "email", "number", "created_at", "updated_at")
_LEGACY_PAGE_SIZE = 10  # GET /contacts serves 10 a page whatever per_page or limit say (facts §2.3 C1)


def matches(contact: Contact, term: str) -> bool:
    """Name, email or number (any run of 3+ digits in the term) contains the term."""
    needle = term.strip().lower()
    if not needle:
        return True
    texts = (contact.first_name, contact.last_name, contact.full_name, contact.email)
    if any(needle in text.lower() for text in texts):
        return True
    digits = "".join(ch for ch in needle if ch.isdigit())
    return len(digits) >= 3 and digits in contact.number


def _sorted(store: Store, search: str, sort_by: str | None, order: str | None) -> list[Contact]:
    rows = [c for c in store.contacts.values() if matches(c, search)]
    key = sort_by if sort_by in _SORTABLE else "id"
    return sorted(rows, key=lambda c: (getattr(c, key), c.id), reverse=(order or "").lower() == "desc")


def create_contact(call: Call) -> Any:
    q = call.query
    contact = call.store.add_contact(
        number=q["number"],
        first_name=q.get("first_name", ""),
        last_name=q.get("last_name", ""),
        email=q.get("email", ""),
        source=q.get("source", "public_api"),
    )
    return render_contact(call.store, contact)


def update_contact(call: Call) -> Any:
    contact = call.store.contact(call.path["contact"])
    call.store.update_contact(contact, dict(call.body or {}))
    return render_contact(call.store, contact)


def delete_contact(call: Call) -> Any:
    call.store.delete_contact(call.store.contact(call.path["contact"]))
    return ["The contact has been deleted."]


def get_contact(call: Call) -> Any:
    return render_contact(call.store, call.store.contact(call.path["contact"]))


def search_contacts(call: Call) -> Any:
    rows = _sorted(call.store, call.query["term"], None, None)
    return {"results": [render_contact(call.store, c) for c in rows[: call.query.get("limit", 50)]]}


def list_contacts(call: Call) -> Any:
    body = call.body or {}
    rows = _sorted(call.store, str(body.get("search", "")), body.get("sortBy"), body.get("sortOrder"))
    chunk, meta = paginate(rows, int(body.get("page", 1)), int(body.get("length", 15)))
    short = bool(body.get("useShortResponse"))
    data = [render_short_contact(c) if short else render_contact(call.store, c) for c in chunk]
    return {"data": data, "meta": meta}


def list_contacts_legacy(call: Call) -> Any:
    q = call.query
    rows = _sorted(call.store, q.get("search", ""), q.get("sortBy"), q.get("sortOrder"))
    chunk, meta = paginate(rows, q.get("page", 1), q.get("length", _LEGACY_PAGE_SIZE))
    return {"data": [render_contact(call.store, c) for c in chunk], "meta": meta}


def opt_out_contact(call: Call) -> Any:
    contact = call.store.contact(call.path["contact"])
    contact.opt_out, contact.opt_out_at = True, utc_now()
    return render_contact(call.store, contact)


def opt_in_contact(call: Call) -> Any:
    contact = call.store.contact(call.path["contact"])
    contact.opt_out, contact.opt_out_at, contact.opt_in_at = False, None, utc_now()
    return render_contact(call.store, contact)


def count_contact_filters(call: Call) -> Any:
    return {"count": len(call.store.contacts)}


def list_contact_conversations(call: Call) -> Any:
    contact = call.store.contact(call.path["contact"])
    found = [c for c in call.store.conversations.values() if c.contact_id == contact.id]
    if not found:
        return Answer(204)
    return {"data": [render_conversation(call.store, c) for c in sorted(found, key=lambda c: c.id)]}


def update_contact_custom_fields(call: Call) -> Any:
    contact = call.store.contact(call.path["contact"])
    call.store.update_contact(contact, {"customFields": call.body})
    return {"type": "success", "message": "Custom fields updated."}


HANDLERS: dict[str, Handler] = {
    "createContact": create_contact,
    "updateContact": update_contact,
    "deleteContact": delete_contact,
    "getContact": get_contact,
    "searchContacts": search_contacts,
    "listContacts": list_contacts,
    "listContactsLegacy": list_contacts_legacy,
    "optOutContact": opt_out_contact,
    "optInContact": opt_in_contact,
    "countContactFilters": count_contact_filters,
    "listContactConversations": list_contact_conversations,
    "updateContactCustomFields": update_contact_custom_fields,
}
