"""`salesmsg auth status` and `salesmsg auth refresh`: the token's owner and expiry, and rotation.

    $ salesmsg auth status
    user     Alice Owner <alice@example.com> (id 101)
    token    personal access token, from token file /home/me/.config/salesmsg/tokens.json
    expires  2026-11-27 08:55:39 UTC (in 59 min)

    $ salesmsg auth refresh --token-file ~/.config/salesmsg/tokens.json      # e.g. every 30 min from cron

Neither ever prints a token.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from typing import Any

from .._context import Context
from .._exit import UsageError

KINDS = {"personal": "personal access token", "oauth2": "OAuth2 access token"}


def status(ctx: Context) -> None:
    sm = ctx.client()
    me = sm.users.me()  # may refresh an expiring token first (saved to the token file, if any)
    credentials = ctx.credentials
    expires_at, said_by = sm.tokens.expires_at, credentials.source
    if expires_at is None:
        expires_at, said_by = _jwt_expiry(sm.tokens.access_token), "the token's exp claim"
    user: dict[str, Any] = me.to_dict()
    if ctx.out.as_json:
        ctx.out.one(
            {
                "user": {
                    key: user.get(key) for key in ("id", "full_name", "email", "role", "organization_id")
                },
                "token_kind": credentials.kind,
                "token_source": credentials.source,
                "expires_at": expires_at.isoformat() if expires_at else None,
                "base_url": sm.base_url,
            }
        )
        return
    name = user.get("full_name") or " ".join(filter(None, (user.get("first_name"), user.get("last_name"))))
    email = f" <{user['email']}>" if user.get("email") else ""
    ctx.out.lines(
        [
            f"user     {name or '?'}{email} (id {user.get('id')})",
            f"token    {KINDS[credentials.kind]}, from {credentials.source}",
            f"expires  {_expiry(expires_at, credentials.source, said_by)}",
            f"api      {sm.base_url}",
        ]
    )


def refresh(ctx: Context) -> None:
    store = ctx.credentials.store
    if store is None:
        raise UsageError(
            "auth refresh needs --token-file PATH (or SALESMSG_TOKEN_FILE) to save the new token in: "
            "the old one stops working, and the CLI never prints tokens"
        )
    sm = ctx.client()
    # on_token_refresh is the store: the new tokens are on disk before this returns.
    tokens = sm.refresh_token()
    kind = ctx.credentials.kind
    if ctx.out.as_json:
        ctx.out.one(
            {
                "token_kind": kind,
                "saved_to": str(store.path),
                "expires_at": tokens.expires_at.isoformat() if tokens.expires_at else None,
            }
        )
        return
    ctx.out.lines(
        [
            f"refreshed the {KINDS[kind]}; saved to {store.path}",
            f"expires  {_expiry(tokens.expires_at, 'the answer', 'the answer')}",
        ]
    )


def _jwt_expiry(token: str) -> datetime.datetime | None:
    """The `exp` claim of a JWT (Salesmsg tokens are JWTs), read without verifying; None otherwise."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError):
        return None
    expiry = claims.get("exp") if isinstance(claims, dict) else None
    if not isinstance(expiry, int | float) or isinstance(expiry, bool):
        return None
    try:
        return datetime.datetime.fromtimestamp(expiry, datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _expiry(expires_at: datetime.datetime | None, source: str, said_by: str) -> str:
    """ "2026-11-27 08:55:39 UTC (in 59 min)", naming where the time comes from when it is not `source`."""
    if expires_at is None:
        return f"unknown ({source} does not say, and the token is not a JWT with an exp claim)"
    minutes = int((expires_at - datetime.datetime.now(datetime.UTC)).total_seconds() // 60)
    when = expires_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if minutes < 0:
        left = f"expired {-minutes} min ago"
    else:
        left = f"in {minutes} min" if minutes < 120 else f"in {minutes // 60} h"
    origin = f", from {said_by}" if said_by != source else ""
    return f"{when} ({left}{origin})"
