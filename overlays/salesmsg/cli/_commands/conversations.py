"""`salesmsg conversations list|get`.

$ salesmsg conversations list --status open --since 30d
ID    CONTACT      NUMBER        LAST MESSAGE AT      LAST MESSAGE
5003  Maria Garcia +15555102003  2026-11-27 04:54:53  Do you take new patients?
"""

from __future__ import annotations

import difflib

from .._context import Context
from .._exit import UsageError
from .._table import Column
from ._listing import listed

COLUMNS = [
    Column("ID", "id"),
    Column("CONTACT", "contact.full_name"),
    Column("NUMBER", "contact.number"),
    Column("LAST MESSAGE AT", "latest_message.created_at"),
    Column("LAST MESSAGE", "latest_message.body", flex=True),
]

FIELDS = [
    Column("ID", "id"),
    Column("STATUS", get=lambda c: "closed" if c.get("closed_at") else "open"),
    Column("CONTACT", "contact.full_name"),
    Column("CONTACT ID", "contact.id"),
    Column("NUMBER", "contact.number"),
    Column("INBOX", "number.number"),
    Column("OWNER", "owner.full_name"),
    Column("CLOSED AT", "closed_at"),
    Column("LAST MESSAGE AT", "latest_message.created_at"),
    Column("LAST MESSAGE", "latest_message.body"),
]


def list_(ctx: Context) -> None:
    from salesmsg_client.models.conversation_filter import ConversationFilter

    args = ctx.args
    known = [member.value for member in ConversationFilter]
    if args.status not in known:
        close = difflib.get_close_matches(args.status, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise UsageError(
            f"--status {args.status!r} is not a conversation status: {hint}choose from {', '.join(known)}"
        )
    conversations = ctx.client().conversations
    filters = {"query": args.search, "after": args.since, "before": args.until}
    items = listed(
        ctx,
        noun="conversations",
        one_page=lambda limit: conversations.list(args.status, limit=limit, **filters),
        pages=lambda: conversations.iter(
            args.status, page_size=min(args.limit or 50, 100), **filters
        ).pages(),
    )
    if ctx.out.items(items, COLUMNS) == 0:
        ctx.note(f"no {args.status} conversations")


def get(ctx: Context) -> None:
    ctx.out.one(ctx.client().conversations.get(ctx.args.conversation), FIELDS)
