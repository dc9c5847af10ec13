"""The token values: what `on_token_refresh` receives, and the OAuth2 credentials a client starts from.

Their reprs never show a secret (at most its last four characters).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import attrs

__all__ = ["OAuth2Credentials", "Tokens"]


def _to_utc(value: datetime | None) -> datetime | None:
    """Aware datetimes are converted to UTC; a naive one is taken to be UTC already."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _mask(secret: str | None) -> str:
    """What a repr shows of a secret: the last 4 characters of a long one, nothing of a short one."""
    if secret is None:
        return "None"
    if not secret:
        return "''"
    if len(secret) >= 24:
        return f"'…{secret[-4:]}'"
    return "'<redacted>'"


@attrs.frozen(repr=False)
class Tokens:
    """The tokens in use: what ``on_token_refresh`` receives and :class:`FileTokenStore` saves.

    ``expires_at`` is a timezone-aware UTC wall-clock time, for persistence only (scheduling uses a
    monotonic clock). ``refresh_token`` is None for personal access tokens.
    """

    access_token: str
    refresh_token: str | None = None
    expires_at: datetime | None = attrs.field(default=None, converter=_to_utc)
    token_type: str = "Bearer"

    def to_dict(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at.isoformat() if self.expires_at is not None else None,
            "token_type": self.token_type,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Tokens:
        """The inverse of :meth:`to_dict`. Raises ValueError naming the bad field (never its value)."""
        if not isinstance(data, dict):
            raise ValueError("tokens must be a JSON object")
        access_token = data.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise ValueError("'access_token' must be a non-empty string")
        refresh_token = data.get("refresh_token")
        if refresh_token is not None and (not isinstance(refresh_token, str) or not refresh_token):
            raise ValueError("'refresh_token' must be a non-empty string or null")
        raw_expiry = data.get("expires_at")
        expires_at: datetime | None = None
        if raw_expiry is not None:
            if not isinstance(raw_expiry, str):
                raise ValueError("'expires_at' must be an ISO 8601 date-time string or null")
            try:
                expires_at = datetime.fromisoformat(raw_expiry)
            except ValueError:
                raise ValueError("'expires_at' must be an ISO 8601 date-time string or null") from None
        token_type = data.get("token_type", "Bearer")
        if not isinstance(token_type, str) or not token_type:
            raise ValueError("'token_type' must be a non-empty string")
        return cls(access_token, refresh_token, expires_at, token_type)

    def __repr__(self) -> str:
        expires = self.expires_at.isoformat() if self.expires_at is not None else None
        return (
            f"Tokens(access_token={_mask(self.access_token)}, refresh_token={_mask(self.refresh_token)}, "
            f"expires_at={expires!r}, token_type={self.token_type!r})"
        )


@attrs.frozen(repr=False)
class OAuth2Credentials:
    """An OAuth2 client and the tokens it was granted (``access_token`` optional: one is fetched)."""

    client_id: str
    client_secret: str
    refresh_token: str
    access_token: str | None = None
    expires_at: datetime | None = attrs.field(default=None, converter=_to_utc)

    def __repr__(self) -> str:
        expires = self.expires_at.isoformat() if self.expires_at is not None else None
        return (
            f"OAuth2Credentials(client_id={self.client_id!r}, client_secret='<redacted>', "
            f"refresh_token={_mask(self.refresh_token)}, access_token={_mask(self.access_token)}, "
            f"expires_at={expires!r})"
        )
