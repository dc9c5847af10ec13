"""No rotation without a place to save it: the transport a client gets when there is no token file.

A PAT refresh kills the old token. When the token came from `--token` or `SALESMSG_ACCESS_TOKEN`
and no token file is named, a refresh during a command would leave the user with a dead token and
the new one nowhere. So the CLI stops before the refresh request leaves, saying which answer
refused the token and how to rotate safely (`salesmsg auth refresh --token-file PATH`); an expired
PAT is left intact, and that command can still refresh it.
"""

from __future__ import annotations

import http
import json

import httpx

from .._auth_failure import INSPECTED_STATUSES, is_auth_failure
from ..auth import OAUTH_TOKEN_PATH, OAUTH_TOKEN_REFRESH_PATH, PERSONAL_TOKEN_REFRESH_PATH
from ._exit import AuthProblem

__all__ = ["NoRotationTransport", "RotationBlocked"]

_TOKEN_PATHS = (PERSONAL_TOKEN_REFRESH_PATH, OAUTH_TOKEN_REFRESH_PATH, OAUTH_TOKEN_PATH)


class RotationBlocked(AuthProblem):
    """Not an httpx error on purpose: the retry transport must not retry it, nor call it a network error."""


class NoRotationTransport(httpx.BaseTransport):
    """Sends through `inner`, except a token refresh, which raises `RotationBlocked` unsent."""

    def __init__(self, inner: httpx.BaseTransport, *, source: str) -> None:
        self._inner = inner
        self._source = source
        self._refused = "the API refused it"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith(_TOKEN_PATHS):
            raise RotationBlocked(
                f"{self._refused} (token from {self._source}); not refreshed: a refresh rotates the "
                "token and, with no token file, the new one would be lost. If it expired: "
                "`salesmsg auth refresh --token-file PATH`, then use that file"
            )
        response = self._inner.handle_request(request)
        if response.status_code in INSPECTED_STATUSES:
            response.read()  # small; TokenAuth reads these bodies anyway
            if is_auth_failure(response):
                self._refused = _refusal(request, response)
        return response

    def close(self) -> None:
        self._inner.close()


def _refusal(request: httpx.Request, response: httpx.Response) -> str:
    """ "GET /pub/v2.2/teams -> 401 Unauthorized: Unauthorized" (no query string, no header)."""
    status = response.status_code
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    message = None
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if isinstance(body, dict):
        message = next((body[k] for k in ("message", "Message") if isinstance(body.get(k), str)), None)
    head = f"{request.method} {request.url.path} -> {status} {phrase}".rstrip()
    return f"{head}: {message[:160]}" if message else head
