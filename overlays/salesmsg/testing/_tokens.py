"""Access tokens (personal and OAuth), refresh tokens and OAuth clients, with the vendor's failure answers.

    >>> book = TokenBook(ttl=3600)
    >>> token = book.issue_pat(user_id=101)
    >>> book.authenticate(f"Bearer {token}").user_id
    101
    >>> new_token, expires_in = book.refresh_pat(book.authenticate(f"Bearer {token}"))
    >>> book.authenticate(f"Bearer {token}")
    Traceback (most recent call last):
    ...
    salesmsg.testing._errors.ApiError: 403: {'Message': 'User is not authorized to access this resource ...'}

Answers (facts §4): no token 401 `{"message": "Unauthorized", "auth_required": false}`; a token that
does not decode 403 `{"message": "Could not decode token: ...", "auth_required": true}`; an aged-out
token 401; a rotated-away or revoked token 403 with the API gateway's policy-deny body, which
spells `Message` with a capital M as AWS API Gateway does.

Access tokens look like the vendor's (a JWT, HS256) and are signed with a key made per server,
so a token of another fake instance does not decode here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from salesmsg.testing._errors import ApiError

POLICY_DENY = "User is not authorized to access this resource with an explicit deny"
PAT_REFRESH_GRACE = 3 * 24 * 3600.0  # a never-refreshed PAT was seen to die ~3 days after issue


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def oauth_error(status: int, error: str, description: str) -> ApiError:
    """The token endpoints' error body (league/oauth2-server, as Laravel Passport sends it)."""
    return ApiError(status, {"error": error, "error_description": description, "message": description})


@dataclass
class AccessToken:
    token: str
    kind: str  # "pat" or "oauth"
    user_id: int
    expires_at: float  # on the book's clock
    client_id: str | None = None
    state: str = "active"  # "active", "rotated" or "revoked"


@dataclass
class _RefreshToken:
    client_id: str
    user_id: int
    state: str = "active"


class TokenBook:
    """Issues, checks, rotates and revokes tokens; thread-safe."""

    def __init__(
        self,
        *,
        ttl: float = 3600.0,
        pat_refresh_grace: float = PAT_REFRESH_GRACE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.pat_refresh_grace = pat_refresh_grace
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, _RefreshToken] = {}
        self._clients: dict[str, str] = {}
        self._codes: dict[str, tuple[str, int]] = {}

    # -- issuing --------------------------------------------------------------------------------

    def _mint(self, kind: str, user_id: int, ttl: float | None, client_id: str | None = None) -> AccessToken:
        lifetime = self.ttl if ttl is None else ttl
        now = time.time()
        header = _b64(b'{"typ":"JWT","alg":"HS256"}')
        claims = {"jti": secrets.token_hex(16), "sub": user_id, "typ": kind, "iat": int(now)}
        claims["exp"] = int(now + lifetime)
        payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = _b64(hmac.new(self._key, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        record = AccessToken(
            f"{header}.{payload}.{signature}", kind, user_id, self._clock() + lifetime, client_id
        )
        self._access[record.token] = record
        return record

    def issue_pat(self, *, user_id: int, ttl: float | None = None) -> str:
        with self._lock:
            return self._mint("pat", user_id, ttl).token

    def register_client(self, client_id: str, client_secret: str) -> None:
        with self._lock:
            self._clients[client_id] = client_secret

    def issue_oauth(self, client_id: str, *, user_id: int, ttl: float | None = None) -> tuple[str, str]:
        """(access token, refresh token) for a registered client."""
        with self._lock:
            if client_id not in self._clients:
                raise KeyError(f"unknown OAuth client {client_id!r}; register_oauth_client() first")
            return self._issue_oauth(client_id, user_id, ttl)

    def _issue_oauth(self, client_id: str, user_id: int, ttl: float | None) -> tuple[str, str]:
        access = self._mint("oauth", user_id, ttl, client_id)
        refresh = "def50200" + secrets.token_hex(48)  # Passport's refresh tokens start this way
        self._refresh[refresh] = _RefreshToken(client_id, user_id)
        return access.token, refresh

    def issue_code(self, client_id: str, *, user_id: int) -> str:
        """A one-time authorization code, as the browser step would hand it to the redirect URL."""
        with self._lock:
            code = "def50200" + secrets.token_hex(24)
            self._codes[code] = (client_id, user_id)
            return code

    def expires_in(self, token: str) -> int:
        with self._lock:
            return max(round(self._access[token].expires_at - self._clock()), 0)

    # -- checking -------------------------------------------------------------------------------

    def _decode(self, token: str) -> AccessToken:
        parts = token.split(".")
        if len(parts) != 3:
            raise self._undecodable("Wrong number of segments")
        try:
            json.loads(_unb64(parts[0]))
            json.loads(_unb64(parts[1]))
            signature = _unb64(parts[2])
        except ValueError:
            raise self._undecodable("Error while decoding from JSON") from None
        expected = hmac.new(self._key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        record = self._access.get(token)
        if record is None or not hmac.compare_digest(signature, expected):
            raise self._undecodable("Signature verification failed")
        return record

    @staticmethod
    def _undecodable(reason: str) -> ApiError:
        return ApiError(403, {"message": f"Could not decode token: {reason}", "auth_required": True})

    def authenticate(self, authorization: str | None, *, grace: float = 0.0) -> AccessToken:
        """The token of an `Authorization: Bearer` header, or the vendor's 401/403 answer.

        `grace` lets a token that aged out less than that many seconds ago through (PAT refresh).
        """
        scheme, _, token = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, {"message": "Unauthorized", "auth_required": False})
        with self._lock:
            record = self._decode(token.strip())
            if record.state != "active":
                raise ApiError(403, {"Message": POLICY_DENY})
            if self._clock() >= record.expires_at + grace:
                raise ApiError(401, {"message": "Token has expired", "auth_required": True})
            return record

    # -- lifecycle ------------------------------------------------------------------------------

    def refresh_pat(self, record: AccessToken) -> tuple[str, int]:
        """Rotation: a new PAT for the same user; the presented one stops working."""
        if record.kind != "pat":
            raise ApiError(
                403, {"message": "Only a personal access token can be refreshed here.", "auth_required": True}
            )
        with self._lock:
            record.state = "rotated"
            new = self._mint("pat", record.user_id, None)
            return new.token, int(self.ttl)

    def refresh_oauth(self, client_id: str, client_secret: str, refresh_token: str) -> tuple[str, str, int]:
        """(access, refresh, expires_in); the presented refresh token is rotated away."""
        with self._lock:
            self._check_client(client_id, client_secret)
            found = self._refresh.get(refresh_token)
            if found is None or found.state != "active" or found.client_id != client_id:
                raise oauth_error(400, "invalid_grant", "The refresh token is invalid.")
            found.state = "rotated"
            access, refresh = self._issue_oauth(client_id, found.user_id, None)
            return access, refresh, int(self.ttl)

    def exchange_code(self, client_id: str, client_secret: str, code: str) -> tuple[str, str, int]:
        with self._lock:
            self._check_client(client_id, client_secret)
            found = self._codes.get(code)
            if found is None or found[0] != client_id:
                raise oauth_error(400, "invalid_grant", "The authorization code is invalid.")
            del self._codes[code]
            access, refresh = self._issue_oauth(client_id, found[1], None)
            return access, refresh, int(self.ttl)

    def _check_client(self, client_id: str, client_secret: str) -> None:
        secret = self._clients.get(client_id)
        if secret is None or not hmac.compare_digest(secret, client_secret):
            raise oauth_error(401, "invalid_client", "Client authentication failed")

    def expire(self, token: str) -> None:
        """The token ages out now (the next call with it answers 401)."""
        with self._lock:
            self._known(token).expires_at = self._clock()

    def revoke(self, token: str) -> None:
        """An access or refresh token stops working at once."""
        with self._lock:
            if token in self._refresh:
                self._refresh[token].state = "revoked"
            else:
                self._known(token).state = "revoked"

    def _known(self, token: str) -> AccessToken:
        try:
            return self._access[token]
        except KeyError:
            raise KeyError("not a token this fake issued") from None
