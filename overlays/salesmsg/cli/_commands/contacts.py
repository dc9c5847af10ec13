"""`salesmsg contacts find-or-create|get|tag|untag`.

$ salesmsg contacts find-or-create "(415) 555-0100" --first-name Ada
$ salesmsg contacts tag 1002 vip            # a tag id or label; --create makes a missing label
$ salesmsg contacts untag 1002 301
"""

from __future__ import annotations

from typing import Any

from .._context import Context
from .._exit import UsageError
from .._table import Column

FIELDS = [
    Column("ID", "id"),
    Column("NAME", "full_name"),
    Column("NUMBER", "number"),
    Column("EMAIL", "email"),
    Column("TAGS", get=lambda c: [tag.get("label") for tag in c.get("tags") or []]),
    Column("OPTED OUT", "opt_out"),
    Column("CREATED", "created_at"),
]


def find_or_create(ctx: Context) -> None:
    from ..._phone import to_e164

    args = ctx.args
    number = to_e164(args.number)  # a bad number is a usage error (exit 2), before any request
    contact = ctx.client().contacts.find_or_create(
        number, first_name=args.first_name, last_name=args.last_name, email=args.email
    )
    ctx.out.one(contact, FIELDS)


def get(ctx: Context) -> None:
    ctx.out.one(ctx.client().contacts.get(ctx.args.contact), FIELDS)


def tag(ctx: Context) -> None:
    tag_id, label = _tag(ctx, create=ctx.args.create)
    result = ctx.client().contacts.add_tag(ctx.args.contact, tag_id)
    _report(ctx, result, tag_id, label)


def untag(ctx: Context) -> None:
    tag_id, label = _tag(ctx, create=False)
    result = ctx.client().contacts.remove_tag(ctx.args.contact, tag_id)
    _report(ctx, result, tag_id, label)


def _tag(ctx: Context, *, create: bool) -> tuple[int, str | None]:
    """(id, label) of the TAG argument: an id as given, or the tag whose label matches (any case)."""
    text: str = ctx.args.tag.strip()
    if text.isdigit():
        return int(text), None
    tags = ctx.client().tags
    wanted = text.casefold()
    for found in tags.iter(search=text):
        if isinstance(found.label, str) and found.label.casefold() == wanted:
            return found.id, found.label
    if not create:
        raise UsageError(f"no tag is labelled {text!r} (add --create to create it, or give a tag id)")
    try:
        created = tags.create(text)
    except ValueError as exc:  # the label's length, checked before sending
        raise UsageError(str(exc)) from None
    ctx.note(f"created tag {created.id} {text!r}")
    return created.id, text


def _report(ctx: Context, result: Any, tag_id: int, label: str | None) -> None:
    data: dict[str, Any] = {
        "contact_id": ctx.args.contact,
        "tag_id": tag_id,
        "tag": label,
        **result.to_dict(),
    }
    ctx.out.one(data)
