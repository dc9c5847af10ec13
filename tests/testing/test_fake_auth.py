"""Bearer auth as the vendor answers it, token expiry, PAT rotation, and the OAuth token endpoints."""

from __future__ import annotations

import time

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg

POLICY_DENY = {"Message": "User is not authorized to access this resource with an explicit deny"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_no_token_is_401_auth_required_false(fake: FakeSalesmsg) -> None:
    response = httpx.get(f"{fake.url}/users/me")
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthorized", "auth_required": False}
    assert httpx.get(f"{fake.url}/users/me", headers={"Authorization": "Basic abc"}).status_code == 401


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("not-a-jwt", "Wrong number of segments"),
        ("a.b.c", "Error while decoding from JSON"),
        (
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl",
            "Signature verification failed",
        ),
    ],
)
def test_a_token_that_does_not_decode_is_403_auth_required_true(
    fake: FakeSalesmsg, token: str, reason: str
) -> None:
    response = httpx.get(f"{fake.url}/users/me", headers=bearer(token))
    assert response.status_code == 403
    assert response.json() == {"message": f"Could not decode token: {reason}", "auth_required": True}
    assert fake.counters.auth_failures == 1


def test_a_token_of_another_fake_does_not_decode_here(fake: FakeSalesmsg) -> None:
    with FakeSalesmsg(rate_limit=None) as other:
        response = httpx.get(f"{fake.url}/user", headers=bearer(other.access_token))
    assert response.json()["message"] == "Could not decode token: Signature verification failed"


def test_tokens_age_out_after_token_ttl() -> None:
    with FakeSalesmsg(rate_limit=None, token_ttl=0.3) as fake:
        assert httpx.get(f"{fake.url}/user", headers=bearer(fake.access_token)).status_code == 200
        long_lived = fake.issue_pat(ttl=60)
        time.sleep(0.35)
        expired = httpx.get(f"{fake.url}/user", headers=bearer(fake.access_token))
        assert expired.status_code == 401
        assert expired.json() == {"message": "Token has expired", "auth_required": True}
        assert httpx.get(f"{fake.url}/user", headers=bearer(long_lived)).status_code == 200


def test_expire_token_and_revoke(fake: FakeSalesmsg) -> None:
    doomed, revoked = fake.issue_pat(), fake.issue_pat()
    fake.expire_token(doomed)
    fake.revoke(revoked)
    assert httpx.get(f"{fake.url}/user", headers=bearer(doomed)).status_code == 401
    denied = httpx.get(f"{fake.url}/user", headers=bearer(revoked))
    assert (denied.status_code, denied.json()) == (403, POLICY_DENY)


def test_pat_refresh_rotates_the_token(fake: FakeSalesmsg) -> None:
    old = fake.access_token
    refreshed = httpx.post(f"{fake.url}/oauth/personal-token/refresh", headers=bearer(old))
    assert refreshed.status_code == 200
    body = refreshed.json()
    assert set(body) == {"access_token", "expires_in", "token_type"}
    assert (body["expires_in"], body["token_type"]) == (3600, "Bearer") and body["access_token"] != old

    rotated_away = httpx.get(f"{fake.url}/user", headers=bearer(old))
    assert (rotated_away.status_code, rotated_away.json()) == (403, POLICY_DENY)
    assert httpx.get(f"{fake.url}/user", headers=bearer(body["access_token"])).json()["id"] == 101
    again = httpx.post(f"{fake.url}/oauth/personal-token/refresh", headers=bearer(old))
    assert again.status_code == 403  # a rotated token cannot be refreshed twice
    assert fake.counters.pat_refreshes == 1


def test_an_aged_out_pat_can_still_be_refreshed_within_the_grace(fake: FakeSalesmsg) -> None:
    fake.expire_token(fake.access_token)
    assert httpx.get(f"{fake.url}/user", headers=bearer(fake.access_token)).status_code == 401
    refreshed = httpx.post(f"{fake.url}/oauth/personal-token/refresh", headers=bearer(fake.access_token))
    assert refreshed.status_code == 200
    with FakeSalesmsg(rate_limit=None, pat_refresh_grace=0) as strict:
        strict.expire_token(strict.access_token)
        late = httpx.post(f"{strict.url}/oauth/personal-token/refresh", headers=bearer(strict.access_token))
        assert late.status_code == 401


@pytest.fixture
def oauth(fake: FakeSalesmsg) -> tuple[str, str]:
    fake.register_oauth_client("client-1", "secret-1")
    return fake.issue_oauth_tokens("client-1")


def refresh_body(refresh_token: str, **extra: str) -> dict[str, str]:
    return {
        "grant_type": "refresh_token",
        "client_id": "client-1",
        "client_secret": "secret-1",
        "refresh_token": refresh_token,
        **extra,
    }


@pytest.mark.parametrize("path", ["/oauth/token", "/oauth/token/refresh"])
@pytest.mark.parametrize("encoding", ["json", "form"])
def test_oauth_refresh_takes_json_or_form_and_rotates_the_refresh_token(
    fake: FakeSalesmsg, oauth: tuple[str, str], path: str, encoding: str
) -> None:
    access, refresh = oauth
    assert httpx.get(f"{fake.url}/user", headers=bearer(access)).status_code == 200
    body = refresh_body(refresh, scope="public-api")
    sent = httpx.post(f"{fake.url}{path}", **{"json" if encoding == "json" else "data": body})  # type: ignore[arg-type]
    assert sent.status_code == 200, sent.text
    tokens = sent.json()
    assert set(tokens) == {"access_token", "refresh_token", "expires_in", "token_type"}
    assert tokens["token_type"] == "Bearer" and tokens["refresh_token"] != refresh
    assert httpx.get(f"{fake.url}/user", headers=bearer(tokens["access_token"])).status_code == 200

    replay = httpx.post(f"{fake.url}{path}", json=refresh_body(refresh))
    assert replay.status_code == 400
    assert replay.json()["error"] == "invalid_grant"
    assert fake.counters.oauth_refreshes == 1


def test_oauth_errors_use_error_and_error_description(fake: FakeSalesmsg, oauth: tuple[str, str]) -> None:
    _, refresh = oauth
    wrong_secret = httpx.post(f"{fake.url}/oauth/token", json=refresh_body(refresh, client_secret="nope"))
    assert wrong_secret.status_code == 401
    assert wrong_secret.json()["error"] == "invalid_client"
    missing = httpx.post(f"{fake.url}/oauth/token/refresh", json={"grant_type": "refresh_token"})
    assert (missing.status_code, missing.json()["error"]) == (400, "invalid_request")
    grant = httpx.post(f"{fake.url}/oauth/token", json=refresh_body(refresh, grant_type="password"))
    assert (grant.status_code, grant.json()["error"]) == (400, "unsupported_grant_type")
    typed = httpx.post(f"{fake.url}/oauth/token", json={"grant_type": 5})  # off-document body
    assert (typed.status_code, typed.json()["error"]) == (400, "invalid_request")
    fake.revoke(refresh)
    revoked = httpx.post(f"{fake.url}/oauth/token", json=refresh_body(refresh))
    assert revoked.json()["error"] == "invalid_grant"


def test_authorization_code_grant_works_once(fake: FakeSalesmsg) -> None:
    fake.register_oauth_client("client-2", "secret-2")
    code = fake.issue_oauth_code("client-2")
    body = {
        "grant_type": "authorization_code",
        "client_id": "client-2",
        "client_secret": "secret-2",
        "code": code,
    }
    first = httpx.post(f"{fake.url}/oauth/token", data=body)
    assert first.status_code == 200 and first.json()["refresh_token"]
    second = httpx.post(f"{fake.url}/oauth/token", data=body)
    assert (second.status_code, second.json()["error"]) == (400, "invalid_grant")
