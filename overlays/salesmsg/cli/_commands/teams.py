"""`salesmsg teams list`: the teams (inboxes) and their ids, for `messages send-to --team ID`."""

from __future__ import annotations

from .._context import Context
from .._table import Column

COLUMNS = [Column("ID", "id"), Column("NAME", "name")]


def list_(ctx: Context) -> None:
    teams = ctx.client().teams.list(limit=ctx.args.limit)
    if ctx.out.items(teams, COLUMNS) == 0:
        ctx.note("no teams")
