"""The token endpoints: PAT refresh (rotation), OAuth refresh on two paths, authorization-code exchange.

The two OAuth endpoints read the body as JSON or form-encoded (the pipeline decodes both) and answer
errors in the OAuth shape `{"error", "error_description"}`, never Laravel's 422.
"""

from __future__ import annotations

from typing import Any

from salesmsg.testing._operations._call import Call, Handler
from salesmsg.testing._tokens import oauth_error


def refresh_personal_access_token(call: Call) -> Any:
    assert call.token is not None  # the pipeline authenticated the caller
    token, expires_in = call.tokens.refresh_pat(call.token)
    call.counters.add("pat_refreshes")
    return {"access_token": token, "expires_in": expires_in, "token_type": "Bearer"}


def _fields(call: Call, *names: str) -> list[str]:
    body = call.body if isinstance(call.body, dict) else {}
    values = [str(body.get(name) or "") for name in names]
    missing = [name for name, value in zip(names, values, strict=True) if not value]
    if missing:
        raise oauth_error(
            400,
            "invalid_request",
            f'The request is missing a required parameter. Check the "{missing[0]}" parameter.',
        )
    return values


def _grant(call: Call, allowed: tuple[str, ...]) -> str:
    (grant_type,) = _fields(call, "grant_type")
    if grant_type not in allowed:
        raise oauth_error(400, "unsupported_grant_type", "The authorization grant type is not supported.")
    return grant_type


def _token_answer(access: str, refresh: str, expires_in: int) -> dict[str, Any]:
    return {
        "token_type": "Bearer",
        "expires_in": expires_in,
        "access_token": access,
        "refresh_token": refresh,
    }


def _refresh(call: Call) -> Any:
    client_id, client_secret, refresh_token = _fields(call, "client_id", "client_secret", "refresh_token")
    answer = _token_answer(*call.tokens.refresh_oauth(client_id, client_secret, refresh_token))
    call.counters.add("oauth_refreshes")
    return answer


def request_oauth_token(call: Call) -> Any:
    if _grant(call, ("authorization_code", "refresh_token")) == "refresh_token":
        return _refresh(call)
    client_id, client_secret, code = _fields(call, "client_id", "client_secret", "code")
    return _token_answer(*call.tokens.exchange_code(client_id, client_secret, code))


def refresh_oauth_token(call: Call) -> Any:
    _grant(call, ("refresh_token",))
    return _refresh(call)


HANDLERS: dict[str, Handler] = {
    "refreshPersonalAccessToken": refresh_personal_access_token,
    "requestOauthToken": request_oauth_token,
    "refreshOauthToken": refresh_oauth_token,
}
