"""Tags: list, create (query `label`), rename, search, attach to and detach from a contact."""

from __future__ import annotations

from typing import Any

from salesmsg.testing._errors import field_error
from salesmsg.testing._operations._call import Call, Handler
from salesmsg.testing._render import paginate, render_tag
from salesmsg.testing._state import Tag

_SORTABLE = {"id": "id", "name": "label", "label": "label", "created_at": "created_at"}


def _matching(tags: list[Tag], term: str) -> list[Tag]:
    return [tag for tag in tags if term.strip().lower() in tag.label.lower()]


def list_tags(call: Call) -> Any:
    q = call.query
    key = _SORTABLE.get(q.get("sortBy", "id"), "id")
    tags = sorted(call.store.tags.values(), key=lambda t: (getattr(t, key), t.id))
    if q.get("sortOrder", "").lower() == "desc":
        tags.reverse()
    chunk, meta = paginate(_matching(tags, q.get("search", "")), q.get("page", 1), q.get("length", 15))
    return {"data": [render_tag(tag) for tag in chunk], "meta": meta}


def create_tag(call: Call) -> Any:
    return render_tag(call.store.add_tag(label=call.query["label"]))


def update_tag(call: Call) -> Any:
    tag = call.store.tag(call.path["tag"])
    label = call.query.get("label")
    if label is not None:
        if any(t.label.lower() == label.lower() and t is not tag for t in call.store.tags.values()):
            raise field_error("label", "The label has already been taken.")
        tag.label = label
    return render_tag(tag)


def search_tags(call: Call) -> Any:
    tags = _matching(sorted(call.store.tags.values(), key=lambda t: t.id), call.query["term"])
    chunk, _ = paginate(tags, call.query.get("page", 1), call.query.get("per_page", 15))
    return {"results": [{"label": tag.label, "tag_id": tag.id} for tag in chunk]}


def attach_tag_to_contact(call: Call) -> Any:
    contact, tag = call.store.contact(call.path["contact"]), call.store.tag(call.path["tag"])
    call.store.attach_tag(contact, tag)
    return {"type": "success", "message": f"Tag {tag.label} attached to the contact."}


def detach_tag_from_contact(call: Call) -> Any:
    contact, tag = call.store.contact(call.path["contact"]), call.store.tag(call.path["tag"])
    if tag.id in contact.tag_ids:
        contact.tag_ids.remove(tag.id)
    return {"type": "success", "message": f"Tag {tag.label} detached from the contact."}


HANDLERS: dict[str, Handler] = {
    "listTags": list_tags,
    "createTag": create_tag,
    "updateTag": update_tag,
    "searchTags": search_tags,
    "attachTagToContact": attach_tag_to_contact,
    "detachTagFromContact": detach_tag_from_contact,
}
