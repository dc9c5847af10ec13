"""How Salesmsg says "this token was refused": 401, and some 403 and 500 bodies (facts §4)."""

from __future__ import annotations

import json

import httpx

__all__ = ["INSPECTED_STATUSES", "is_auth_failure"]

# Statuses whose body decides whether the token was refused (read before the auth flow looks at them).
INSPECTED_STATUSES = frozenset({401, 403, 500})
_AUTH_FAILURE_403_MARKERS = ("could not decode token", "explicit deny")
_BODY_SCAN_LIMIT = 4096


def is_auth_failure(response: httpx.Response) -> bool:
    """Whether ``response`` says the bearer token was refused (salesmsg-api-facts §4).

    - 401, whatever the body;
    - 403 whose body says the token could not be decoded (``Could not decode token``) or that the
      API gateway's policy denied it (``... with an explicit deny``: a rotated-away PAT);
    - 500 whose JSON body is exactly ``{"message": null}``: the gateway authorizer failing on a
      token it cannot read (recorded on ``/teams``); an application error carries a message.

    An ordinary 403 (a missing scope, another user's resource) or 500 is not an auth failure.
    The body must have been read; an unread body counts as empty.
    """
    status = response.status_code
    if status == 401:
        return True
    if status not in (403, 500):
        return False
    try:
        body = response.content
    except httpx.ResponseNotRead:
        return False
    if status == 403:
        text = body[:_BODY_SCAN_LIMIT].decode("utf-8", errors="replace").lower()
        return any(marker in text for marker in _AUTH_FAILURE_403_MARKERS)
    try:
        return bool(json.loads(body) == {"message": None})
    except ValueError:
        return False
