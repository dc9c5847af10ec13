"""TokenAuth against a real loopback token server, through real httpx clients.

The server below keeps Salesmsg's token rules (salesmsg-api-facts §2.1, §4): a PAT refresh rotates
the token (the old one dies), an OAuth2 refresh may rotate the refresh token, and a refused token
answers 401, a 403 decode/deny body or a 500 ``{"message": null}`` depending on the scenario.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from salesmsg.auth import OAuth2Credentials, TokenAuth, Tokens, is_auth_failure
from salesmsg.errors import TokenRefreshError

from tests.conftest import LocalServer, Recorded, Reply

PREFIX = "/pub/v2.2"
CLIENT_ID = "client-1234"
CLIENT_SECRET = "client-secret-0123456789abcdef"

REFUSALS: dict[str, Reply] = {
    "401": Reply(401, {"message": "Unauthorized", "auth_required": False}),
    "403-decode": Reply(
        403, {"message": "Could not decode token: Error while decoding from JSON", "auth_required": True}
    ),
    "403-deny": Reply(
        403, {"Message": "User is not authorized to access this resource with an explicit deny"}
    ),
    "500-null": Reply(500, {"message": None}),
}


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class TokenServer:
    """Issues, rotates and checks tokens like Salesmsg; every request lands in ``server.requests``."""

    def __init__(self, server: LocalServer, *, expires_in: int | None = 3600) -> None:
        self.server = server
        self.lock = threading.Lock()
        self._serial = itertools.count(1)
        self.access = self.new_token("pat")  # tokens the API accepts
        self.valid = {self.access}
        self.refreshable = {self.access}  # tokens the PAT refresh endpoint accepts
        self.refresh_token = self.new_token("rt")
        self.expires_in = expires_in
        self.rotate_refresh_token = True
        self.refusal = REFUSALS["401"]
        self.refresh_reply: Callable[[Recorded], Reply] | None = None  # overrides the token endpoints
        self.on_refresh: Callable[[Recorded], None] | None = None  # runs before answering
        self.api_reply: Callable[[Recorded, str | None], Reply | None] | None = None
        self.refreshes: list[Recorded] = []
        server.handler = self.handle

    def new_token(self, kind: str) -> str:
        return f"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.{kind}-{next(self._serial):04d}-s3cr3t"

    @property
    def url(self) -> str:
        return self.server.url + PREFIX

    def expire(self, token: str) -> None:
        """The API stops accepting ``token`` (aged out) but it can still be refreshed."""
        with self.lock:
            self.valid.discard(token)

    def api_calls(self) -> list[tuple[str, str | None]]:
        return [(r.path, _bearer(r)) for r in self.server.requests if r.path.startswith(PREFIX + "/users")]

    def handle(self, req: Recorded) -> Reply:
        path = req.path.split("?")[0]
        if path in (
            PREFIX + "/oauth/personal-token/refresh",
            PREFIX + "/oauth/token/refresh",
            PREFIX + "/oauth/token",
        ):
            self.refreshes.append(req)
            if self.on_refresh is not None:
                self.on_refresh(req)
            if self.refresh_reply is not None:
                return self.refresh_reply(req)
            if path.endswith("personal-token/refresh"):
                return self.refresh_pat(req)
            return self.refresh_oauth(req)
        token = _bearer(req)
        if self.api_reply is not None:
            custom = self.api_reply(req, token)
            if custom is not None:
                return custom
        with self.lock:
            ok = token in self.valid
        if not ok:
            return self.refusal
        return Reply(200, {"id": 7, "path": req.path, "method": req.method})

    def _issue(self) -> dict[str, Any]:
        new = self.new_token("pat")
        self.valid = {new}  # rotation: every older token dies
        self.refreshable = {new}
        self.access = new
        body: dict[str, Any] = {"access_token": new, "token_type": "Bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return body

    def refresh_pat(self, req: Recorded) -> Reply:
        with self.lock:
            if _bearer(req) not in self.refreshable:
                return REFUSALS["403-deny"]
            return Reply(200, self._issue())

    def refresh_oauth(self, req: Recorded) -> Reply:
        form = _form(req)
        with self.lock:
            if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
                return Reply(
                    401, {"error": "invalid_client", "error_description": "Client authentication failed"}
                )
            if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != self.refresh_token:
                return Reply(
                    400, {"error": "invalid_grant", "error_description": "The refresh token is invalid."}
                )
            body = self._issue()
            if self.rotate_refresh_token:
                self.refresh_token = self.new_token("rt")
                body["refresh_token"] = self.refresh_token
            return Reply(200, body)


def _bearer(req: Recorded) -> str | None:
    value = {k.lower(): v for k, v in req.headers.items()}.get("authorization")
    return value.removeprefix("Bearer ") if value else None


def _form(req: Recorded) -> dict[str, str]:
    ctype = {k.lower(): v for k, v in req.headers.items()}.get("content-type", "")
    if ctype.startswith("application/json"):
        data = json.loads(req.body)
        return {str(k): str(v) for k, v in data.items()}
    return dict(urllib.parse.parse_qsl(req.body.decode()))


def _header(req: Recorded, name: str) -> str | None:
    return {k.lower(): v for k, v in req.headers.items()}.get(name.lower())


def fast_server() -> LocalServer:
    """conftest's LocalServer, with a 20 ms shutdown poll (its default 0.5 s costs 0.5 s per test)
    and a listen backlog that takes 100 simultaneous connections without SYN retries."""
    server = LocalServer()
    server._httpd.socket.listen(128)
    server._thread = threading.Thread(
        target=server._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    return server


@pytest.fixture
def tokens() -> Iterator[TokenServer]:
    with fast_server() as server:
        yield TokenServer(server)


def pat_auth(ts: TokenServer, **kwargs: Any) -> TokenAuth:
    return TokenAuth.personal(ts.access, base_url=ts.url, **kwargs)


def oauth_auth(ts: TokenServer, *, access: str | None = None, **kwargs: Any) -> TokenAuth:
    credentials = OAuth2Credentials(CLIENT_ID, CLIENT_SECRET, ts.refresh_token, access_token=access)
    return TokenAuth.oauth2(credentials, base_url=ts.url + "/", **kwargs)


# --- plain bearer ---------------------------------------------------------------------------------


def test_valid_token_is_sent_as_bearer_without_refresh(tokens: TokenServer) -> None:
    with httpx.Client(auth=pat_auth(tokens), timeout=5) as client:
        response = client.get(tokens.url + "/users/me")
    assert response.status_code == 200
    assert tokens.api_calls() == [(PREFIX + "/users/me", tokens.access)]
    assert tokens.refreshes == []


# --- proactive ------------------------------------------------------------------------------------


def test_proactive_refresh_before_expiry(tokens: TokenServer) -> None:
    clock = FakeClock()
    first = tokens.access
    auth = pat_auth(tokens, expires_at=datetime.now(UTC) + timedelta(hours=1), clock=clock)
    with httpx.Client(auth=auth, timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
        clock.advance(3600 - 300 - 5)  # not yet inside the 300 s margin
        assert client.get(tokens.url + "/users/me").status_code == 200
        assert tokens.refreshes == []
        clock.advance(10)  # now inside it: refresh first, then the request with the new token
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert len(tokens.refreshes) == 1
    assert _bearer(tokens.refreshes[0]) == first  # the PAT refresh presents the current token
    assert tokens.refreshes[0].body == b""
    second = tokens.access
    assert [t for _, t in tokens.api_calls()] == [first, first, second]
    assert auth.tokens.access_token == second
    assert auth.tokens.expires_at is not None
    remaining = (auth.tokens.expires_at - datetime.now(UTC)).total_seconds()
    assert 3500 < remaining <= 3600


def test_short_lifetime_refreshes_at_half_life(tokens: TokenServer) -> None:
    clock = FakeClock()
    tokens.expires_in = 120  # margin 300 > lifetime: refresh after 60 s, not immediately
    auth = pat_auth(tokens, clock=clock)
    with httpx.Client(auth=auth, timeout=5) as client:
        assert auth.refresh(client).access_token == tokens.access
        client.get(tokens.url + "/users/me")
        clock.advance(59)
        client.get(tokens.url + "/users/me")
        assert len(tokens.refreshes) == 1
        clock.advance(1)
        client.get(tokens.url + "/users/me")
        assert len(tokens.refreshes) == 2


def test_token_already_expired_at_start_is_refreshed_before_the_first_request(tokens: TokenServer) -> None:
    old = tokens.access
    auth = pat_auth(tokens, expires_at=datetime.now(UTC) - timedelta(minutes=1))
    with httpx.Client(auth=auth, timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert [r.path for r in tokens.server.requests] == [
        PREFIX + "/oauth/personal-token/refresh",
        PREFIX + "/users/me",
    ]
    assert _bearer(tokens.refreshes[0]) == old
    assert tokens.api_calls() == [(PREFIX + "/users/me", tokens.access)]


def test_unknown_expiry_is_only_refreshed_reactively(tokens: TokenServer) -> None:
    clock = FakeClock()
    with httpx.Client(auth=pat_auth(tokens, clock=clock), timeout=5) as client:
        clock.advance(10 * 86400)
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert tokens.refreshes == []


def test_oauth_without_access_token_fetches_one_first(tokens: TokenServer) -> None:
    with httpx.Client(auth=oauth_auth(tokens), timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert [r.path for r in tokens.server.requests] == [PREFIX + "/oauth/token/refresh", PREFIX + "/users/me"]


# --- reactive -------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(REFUSALS))
def test_refused_token_is_refreshed_once_and_the_request_replayed(tokens: TokenServer, shape: str) -> None:
    tokens.refusal = REFUSALS[shape]
    old = tokens.access
    tokens.expire(old)
    with httpx.Client(auth=pat_auth(tokens), timeout=5) as client:
        response = client.get(tokens.url + "/users/me")
    assert response.status_code == 200
    new = tokens.access
    assert new != old
    sequence = [(r.method, r.path, _bearer(r)) for r in tokens.server.requests]
    assert sequence == [
        ("GET", PREFIX + "/users/me", old),
        ("POST", PREFIX + "/oauth/personal-token/refresh", old),
        ("GET", PREFIX + "/users/me", new),
    ]
    assert [r.status_code for r in response.history] == [REFUSALS[shape].status, 200]


@pytest.mark.parametrize("shape", sorted(REFUSALS))
def test_without_auto_refresh_a_refusal_is_the_answer(tokens: TokenServer, shape: str) -> None:
    tokens.refusal = REFUSALS[shape]
    old = tokens.access
    tokens.expire(old)
    auth = pat_auth(tokens, auto_refresh=False, expires_at=datetime.now(UTC) - timedelta(minutes=1))
    with httpx.Client(auth=auth, timeout=5) as client:
        response = client.get(tokens.url + "/users/me")  # expired and refused: neither refreshes
        assert response.status_code == REFUSALS[shape].status
        assert tokens.refreshes == []
        assert auth.tokens.access_token == old
        assert auth.refresh(client).access_token == tokens.access  # only an explicit refresh rotates
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert len(tokens.refreshes) == 1


def test_auto_refresh_off_needs_an_access_token(tokens: TokenServer) -> None:
    with pytest.raises(ValueError, match="auto_refresh=False needs an access token"):
        oauth_auth(tokens, auto_refresh=False)


@pytest.mark.parametrize(
    "reply",
    [
        Reply(403, {"message": "This action is unauthorized.", "auth_required": False}),
        Reply(403, "<html>Forbidden</html>"),
        Reply(500, {"message": "Server Error"}),
        Reply(500, {"message": None, "trace": "x"}),
        Reply(500, "<!DOCTYPE html><p>oops</p>"),
        Reply(404, {"message": "Not found"}),
    ],
)
def test_other_errors_are_not_auth_failures(tokens: TokenServer, reply: Reply) -> None:
    tokens.api_reply = lambda _req, _token: reply
    with httpx.Client(auth=pat_auth(tokens), timeout=5) as client:
        response = client.get(tokens.url + "/users/me")
    assert response.status_code == reply.status
    assert tokens.refreshes == []
    assert len(tokens.api_calls()) == 1


def test_is_auth_failure_on_constructed_responses() -> None:
    def resp(status: int, content: bytes) -> httpx.Response:
        return httpx.Response(status, content=content, request=httpx.Request("GET", "https://x.test/"))

    assert is_auth_failure(resp(401, b""))
    assert is_auth_failure(resp(403, b'{"message":"Could not decode token: bad","auth_required":true}'))
    assert is_auth_failure(resp(403, b'{"Message":"User is not authorized ... with an explicit deny"}'))
    assert is_auth_failure(resp(500, b'{"message": null}'))
    assert not is_auth_failure(resp(500, b'{"message": "Server Error"}'))
    assert not is_auth_failure(resp(500, b"null"))
    assert not is_auth_failure(resp(403, b'{"message":"This action is unauthorized."}'))
    assert not is_auth_failure(resp(200, b"{}"))
    unread = httpx.Response(
        403, stream=httpx.ByteStream(b"explicit deny"), request=httpx.Request("GET", "https://x.test/")
    )
    assert not is_auth_failure(unread)  # an unread body counts as empty


def test_a_freshly_refreshed_token_refused_again_is_returned_without_a_loop(tokens: TokenServer) -> None:
    tokens.api_reply = lambda _req, _token: REFUSALS["401"]  # refuses every token
    with httpx.Client(auth=pat_auth(tokens), timeout=5) as client:
        response = client.get(tokens.url + "/users/me")
        assert response.status_code == 401
        assert len(tokens.refreshes) == 1
        assert len(tokens.api_calls()) == 2
        # The next request presents the new token, is refused, refreshes once more, and stops.
        assert client.get(tokens.url + "/users/me").status_code == 401
    assert len(tokens.refreshes) == 2
    assert len(tokens.api_calls()) == 4


def test_a_token_refreshed_proactively_and_refused_is_not_refreshed_again(tokens: TokenServer) -> None:
    tokens.api_reply = lambda _req, _token: REFUSALS["403-deny"]
    auth = pat_auth(tokens, expires_at=datetime.now(UTC))
    with httpx.Client(auth=auth, timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 403
    assert len(tokens.refreshes) == 1
    assert len(tokens.api_calls()) == 1


def test_replay_resends_the_same_body(tokens: TokenServer) -> None:
    tokens.expire(tokens.access)
    with httpx.Client(auth=pat_auth(tokens), timeout=5) as client:
        response = client.post(tokens.url + "/users/notes?x=1", json={"note": "hi", "n": [1, 2]})
    assert response.status_code == 200
    posts = [r for r in tokens.server.requests if r.path.startswith(PREFIX + "/users/notes")]
    assert len(posts) == 2
    assert posts[0].body == posts[1].body == b'{"note":"hi","n":[1,2]}'
    assert posts[0].path == posts[1].path == PREFIX + "/users/notes?x=1"


def test_a_successful_streamed_response_is_left_unread(tokens: TokenServer) -> None:
    with (
        httpx.Client(auth=pat_auth(tokens), timeout=5) as client,
        client.stream("GET", tokens.url + "/users/me") as r,
    ):
        assert r.status_code == 200
        assert not r.is_stream_consumed  # the auth flow reads only 401/403/500 bodies
        assert json.loads(r.read())["path"] == PREFIX + "/users/me"


def test_async_client_refreshes_reactively(tokens: TokenServer) -> None:
    tokens.refusal = REFUSALS["403-decode"]
    old = tokens.access
    tokens.expire(old)
    auth = pat_auth(tokens)

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(auth=auth, timeout=5) as client:
            return await client.get(tokens.url + "/users/me")

    assert asyncio.run(main()).status_code == 200
    assert [_bearer(r) for r in tokens.server.requests] == [old, old, tokens.access]


# --- rotation and persistence ----------------------------------------------------------------------


def test_pat_rotation_is_persisted_before_the_new_token_is_used(tokens: TokenServer) -> None:
    old = tokens.access
    tokens.expire(old)
    seen: list[tuple[Tokens, list[str | None]]] = []

    def persist(new: Tokens) -> None:
        # What the server has seen at the moment the callback runs.
        seen.append((new, [_bearer(r) for r in tokens.server.requests]))

    with httpx.Client(auth=pat_auth(tokens, on_token_refresh=persist), timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert len(seen) == 1
    new_tokens, bearers_then = seen[0]
    assert new_tokens.access_token == tokens.access != old
    assert new_tokens.refresh_token is None
    assert new_tokens.token_type == "Bearer"
    assert new_tokens.expires_at is not None and new_tokens.expires_at.tzinfo is not None
    assert new_tokens.access_token not in bearers_then  # persisted before any use
    assert bearers_then == [old, old]  # the refused call and the refresh
    # The old token is dead at the server: rotation.
    with httpx.Client(timeout=5) as raw:
        assert (
            raw.get(tokens.url + "/users/me", headers={"Authorization": f"Bearer {old}"}).status_code == 401
        )


def test_callback_failure_keeps_the_tokens_and_surfaces_the_error(tokens: TokenServer) -> None:
    tokens.expire(tokens.access)
    calls: list[Tokens] = []

    def broken(new: Tokens) -> None:
        calls.append(new)
        raise OSError(28, "No space left on device")

    auth = pat_auth(tokens, on_token_refresh=broken)
    with httpx.Client(auth=auth, timeout=5) as client:
        with pytest.raises(OSError, match="No space left") as info:
            client.get(tokens.url + "/users/me")
        assert any("kept in memory" in note for note in info.value.__notes__)
        assert auth.tokens.access_token == tokens.access == calls[0].access_token
        # The next request uses the kept token: no second refresh.
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert len(tokens.refreshes) == 1


def test_callback_may_make_requests_with_the_same_auth(tokens: TokenServer) -> None:
    tokens.expire(tokens.access)
    auth_box: list[TokenAuth] = []
    statuses: list[int] = []

    def callback(new: Tokens) -> None:  # re-entrant: must not deadlock, must use the new token
        with httpx.Client(auth=auth_box[0], timeout=5) as inner:
            statuses.append(inner.get(tokens.url + "/users/from-callback").status_code)

    auth_box.append(pat_auth(tokens, on_token_refresh=callback))
    with httpx.Client(auth=auth_box[0], timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
    assert statuses == [200]
    assert len(tokens.refreshes) == 1


def test_oauth_refresh_json_body(tokens: TokenServer) -> None:
    old_refresh = tokens.refresh_token
    auth = oauth_auth(tokens, access="stale-access-token-0123456789")
    with httpx.Client(auth=auth, timeout=5, headers={"Authorization": "Bearer client-default"}) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
    (req,) = tokens.refreshes
    assert req.method == "POST"
    assert req.path == PREFIX + "/oauth/token/refresh"  # base_url prefix kept, trailing slash ignored
    assert _header(req, "content-type") == "application/json"
    assert _header(req, "accept") == "application/json"
    assert _header(req, "authorization") is None  # credentials go in the body only
    assert json.loads(req.body) == {
        "grant_type": "refresh_token",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "refresh_token": old_refresh,
    }
    assert auth.tokens.refresh_token == tokens.refresh_token != old_refresh  # rotated


def test_oauth_refresh_form_body_to_oauth_token_with_scope(tokens: TokenServer) -> None:
    old_refresh = tokens.refresh_token
    auth = oauth_auth(tokens, token_path="/oauth/token", body_encoding="form", scope="public-api")
    with httpx.Client(auth=auth, timeout=5) as client:
        assert client.get(tokens.url + "/users/me").status_code == 200
    (req,) = tokens.refreshes
    assert req.path == PREFIX + "/oauth/token"
    assert _header(req, "content-type") == "application/x-www-form-urlencoded"
    assert urllib.parse.parse_qsl(req.body.decode(), strict_parsing=True) == [
        ("grant_type", "refresh_token"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("refresh_token", old_refresh),
        ("scope", "public-api"),
    ]


def test_oauth_refresh_token_rotation_is_used_next_time(tokens: TokenServer) -> None:
    auth = oauth_auth(tokens)
    saved: list[Tokens] = []
    auth = oauth_auth(tokens, on_token_refresh=saved.append)
    with httpx.Client(auth=auth, timeout=5) as client:
        first = auth.refresh(client)
        second = auth.refresh(client)
    sent = [json.loads(r.body)["refresh_token"] for r in tokens.refreshes]
    assert sent[1] == first.refresh_token  # the rotated one was used
    assert second.refresh_token == tokens.refresh_token
    assert saved == [first, second]
    assert len({first.refresh_token, second.refresh_token, sent[0]}) == 3


def test_oauth_response_without_refresh_token_keeps_the_old_one(tokens: TokenServer) -> None:
    tokens.rotate_refresh_token = False
    original = tokens.refresh_token
    auth = oauth_auth(tokens)
    with httpx.Client(auth=auth, timeout=5) as client:
        assert auth.refresh(client).refresh_token == original
        auth.refresh(client)
    assert [json.loads(r.body)["refresh_token"] for r in tokens.refreshes] == [original, original]
    assert auth.tokens.refresh_token == original


# --- failures -------------------------------------------------------------------------------------


def test_invalid_grant_raises_token_refresh_error(tokens: TokenServer) -> None:
    auth = TokenAuth.oauth2(
        OAuth2Credentials(CLIENT_ID, CLIENT_SECRET, "revoked-refresh-token-0123456789"), base_url=tokens.url
    )
    with httpx.Client(auth=auth, timeout=5) as client, pytest.raises(TokenRefreshError) as info:
        client.get(tokens.url + "/users/me")
    error = info.value
    assert error.status_code == 400
    assert "invalid_grant" in str(error)
    assert "re-authorize" in str(error)
    assert error.json_body == {"error": "invalid_grant", "error_description": "The refresh token is invalid."}
    # The error keeps the token endpoint's answer but not the credentials that were sent.
    assert "authorization" not in error.request.headers
    assert error.request.content == b""
    assert tokens.api_calls() == []  # the request was never sent with no token
    for text in (str(error), repr(error)):
        assert CLIENT_SECRET not in text and "revoked-refresh-token" not in text


def test_bad_client_credentials_raise_token_refresh_error(tokens: TokenServer) -> None:
    credentials = OAuth2Credentials(
        CLIENT_ID, "wrong-secret-0123456789", tokens.refresh_token, "access-0123456789"
    )
    auth = TokenAuth.oauth2(credentials, base_url=tokens.url)
    tokens.expire("access-0123456789")
    with httpx.Client(auth=auth, timeout=5) as client, pytest.raises(TokenRefreshError) as info:
        client.get(tokens.url + "/users/me")
    assert info.value.status_code == 401
    assert "client credentials" in str(info.value)


def test_rotated_away_pat_raises_token_refresh_error(tokens: TokenServer) -> None:
    auth = TokenAuth.personal("eyJ0eXAiOiJKV1Qi.rotated-away-by-another-process", base_url=tokens.url)
    tokens.refusal = REFUSALS["403-deny"]
    with httpx.Client(auth=auth, timeout=5) as client, pytest.raises(TokenRefreshError) as info:
        client.get(tokens.url + "/users/me")
    assert info.value.status_code == 403
    assert "personal access token" in str(info.value)
    assert "rotated-away" not in str(info.value)
    assert len(tokens.refreshes) == 1


def test_success_without_access_token_is_an_error_that_keeps_no_body(tokens: TokenServer) -> None:
    tokens.refresh_reply = lambda _req: Reply(200, {"refresh_token": "leaked-refresh-0123456789"})
    tokens.expire(tokens.access)
    with httpx.Client(auth=pat_auth(tokens), timeout=5) as client, pytest.raises(TokenRefreshError) as info:
        client.get(tokens.url + "/users/me")
    assert "without an access_token" in str(info.value)
    assert info.value.body == b""


def test_token_endpoint_outage_says_try_later_and_keeps_tokens(tokens: TokenServer) -> None:
    tokens.refresh_reply = lambda _req: Reply(503, "<html>Service Unavailable</html>")
    old = tokens.access
    auth = pat_auth(tokens, expires_at=datetime.now(UTC))
    with httpx.Client(auth=auth, timeout=5) as client:
        with pytest.raises(TokenRefreshError, match="try again later"):
            client.get(tokens.url + "/users/me")
        assert auth.tokens.access_token == old
        tokens.refresh_reply = None
        assert client.get(tokens.url + "/users/me").status_code == 200  # the next call retries
    assert len(tokens.refreshes) == 2


# --- on demand --------------------------------------------------------------------------------------


def test_refresh_on_demand_uses_the_client_without_its_auth(tokens: TokenServer) -> None:
    old = tokens.access
    auth = pat_auth(tokens)
    with httpx.Client(auth=auth, timeout=5, headers={"User-Agent": "salesmsg-test/1"}) as client:
        new = auth.refresh(client)
    assert new.access_token == tokens.access != old
    (req,) = tokens.server.requests
    assert req.path == PREFIX + "/oauth/personal-token/refresh"
    assert _bearer(req) == old  # set by the refresh itself, not by the client's auth
    assert _header(req, "user-agent") == "salesmsg-test/1"


def test_arefresh_on_demand(tokens: TokenServer) -> None:
    auth = oauth_auth(tokens)

    async def main() -> Tokens:
        async with httpx.AsyncClient(auth=auth, timeout=5) as client:
            return await auth.arefresh(client)

    new = asyncio.run(main())
    assert new == auth.tokens
    assert new.access_token == tokens.access
    assert [r.path for r in tokens.server.requests] == [PREFIX + "/oauth/token/refresh"]


# --- values, reprs, logs ----------------------------------------------------------------------------


def test_tokens_round_trip_and_utc() -> None:
    naive = datetime(2030, 1, 2, 3, 4, 5)
    tokens = Tokens("a" * 40, "r" * 40, naive)
    assert tokens.expires_at == datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert Tokens.from_dict(json.loads(json.dumps(tokens.to_dict()))) == tokens
    assert Tokens.from_dict({"access_token": "x"}) == Tokens("x")
    with pytest.raises(ValueError, match="'access_token'"):
        Tokens.from_dict({"access_token": 5})
    with pytest.raises(ValueError, match="'expires_at'") as info:
        Tokens.from_dict({"access_token": "x", "expires_at": "not-a-date-SECRET"})
    assert "SECRET" not in str(info.value)


def test_reprs_show_no_secret() -> None:
    pat = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.payload.signatureABCD"
    tokens = Tokens(pat, "refresh-" + "z" * 30, datetime(2030, 1, 1, tzinfo=UTC))
    credentials = OAuth2Credentials(CLIENT_ID, CLIENT_SECRET, "refresh-" + "z" * 30, "short")
    auth = TokenAuth.personal(pat, base_url="https://api.salesmessage.com/pub/v2.2")
    for text in (repr(tokens), str(tokens), repr(credentials), repr(auth)):
        assert pat not in text
        assert "refresh-" not in text
        assert CLIENT_SECRET not in text
        assert "short" not in text
    assert "…ABCD" in repr(tokens)
    assert CLIENT_ID in repr(credentials)


def test_no_secret_in_any_log_record_or_error(tokens: TokenServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    issued: list[str] = [tokens.access, tokens.refresh_token]
    original_issue = tokens._issue

    def recording_issue() -> dict[str, Any]:
        body = original_issue()
        issued.append(body["access_token"])
        return body

    tokens._issue = recording_issue  # type: ignore[method-assign]
    auth = oauth_auth(tokens, access=tokens.access)
    tokens.expire(tokens.access)
    errors: list[BaseException] = []
    with httpx.Client(auth=auth, timeout=5) as client:
        client.get(tokens.url + "/users/me")  # reactive refresh
        issued.append(tokens.refresh_token)
        auth.refresh(client)  # on demand
        issued.append(tokens.refresh_token)
        tokens.refresh_reply = lambda _req: Reply(400, {"error": "invalid_grant", "error_description": "bad"})
        with pytest.raises(TokenRefreshError) as info:
            auth.refresh(client)
        errors.append(info.value)
    secrets = [*issued, CLIENT_SECRET]
    assert len(caplog.records) > 5
    assert any(r.name == "salesmsg.auth" and r.levelno == logging.INFO for r in caplog.records)
    for record in caplog.records:
        text = record.getMessage() + repr(record.args)
        for secret in secrets:
            assert secret not in text, record.name
    for error in errors:
        for secret in secrets:
            assert secret not in str(error) and secret not in repr(error)
