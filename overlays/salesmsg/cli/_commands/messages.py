"""`salesmsg messages list|send|send-to`.

    $ salesmsg messages list 5001 --limit 2
    ID     CREATED              STATUS    BODY
    90003  2026-11-26 06:54:53  received  Perfect, thanks!
    90002  2026-11-25 06:54:53  sent      Sure Jane, Friday 10am works.
    $ salesmsg messages send 5001 "Hello, my name is Den" --media https://example.com/map.png
    $ salesmsg messages send-to "+1 415 555 0100" "Your order shipped" --team 11

A send is never retried once it may have reached the server (the API has no idempotency keys):
after a network error, check with `salesmsg messages list` before sending again.
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from .._context import Context
from .._exit import UsageError
from .._table import Column
from ._listing import listed

COLUMNS = [
    Column("ID", "id"),
    Column("CREATED", "created_at"),
    Column("STATUS", "status"),
    Column("BODY", "body", flex=True),
]

FIELDS = [
    Column("ID", "id"),
    Column("CONVERSATION", "conversation_id"),
    Column("STATUS", "status"),
    Column("CREATED", "created_at"),
    Column("SEND AT", "send_at"),
    Column("BODY", "body"),
    Column("MEDIA", get=lambda m: [media.get("source") for media in m.get("media") or []]),
]


def list_(ctx: Context) -> None:
    args = ctx.args
    messages = ctx.client().messages
    items = listed(
        ctx,
        noun="messages",
        one_page=lambda limit: messages.list(args.conversation, limit=limit),
        pages=lambda: messages.iter(args.conversation, page_size=min(args.limit or 50, 100)).pages(),
    )
    if ctx.out.items(items, COLUMNS) == 0:
        ctx.note(f"no messages in conversation {args.conversation}")


def send(ctx: Context) -> None:
    text, media = _message(ctx)
    sent = ctx.client().messages.send(ctx.args.conversation, text, media_urls=media, send_at=ctx.args.send_at)
    ctx.out.one(sent, FIELDS)


def send_to(ctx: Context) -> None:
    from ..._phone import to_e164

    number = to_e164(ctx.args.number)  # a bad number is a usage error (exit 2), before any request
    text, media = _message(ctx)
    sent = ctx.client().messages.send_to_number(
        number, text, team_id=ctx.args.team, media_urls=media, send_at=ctx.args.send_at
    )
    ctx.out.one(sent, FIELDS)


def _message(ctx: Context) -> tuple[str, list[str] | None]:
    """The text (`-` reads stdin) and media URLs, checked before anything is sent."""
    text: str = ctx.args.text
    if text == "-":
        text = sys.stdin.read().rstrip("\n")
    media: list[str] = ctx.args.media
    for url in media:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise UsageError(f"--media {url!r}: a media URL must be a public http(s) URL")
    if not text and not media:
        raise UsageError("the message is empty: give TEXT, --media URL, or both")
    return text, media or None
