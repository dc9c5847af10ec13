"""`Salesmsg` and `AsyncSalesmsg`: the generated client, wired with auth, retries, limits and helpers.

    import salesmsg
    sm = salesmsg.Salesmsg(access_token="...")            # or SALESMSG_ACCESS_TOKEN in the environment
    for conversation in sm.conversations.iter("open"):
        ...

    sm = salesmsg.Salesmsg(
        oauth=salesmsg.OAuth2Credentials(client_id="...", client_secret="...", refresh_token="..."),
        on_token_refresh=salesmsg.FileTokenStore("~/.config/salesmsg/tokens.json"),
    )

`sm.client` is the generated `AuthenticatedClient`; every generated function accepts it and gets the
same wiring (`salesmsg_client.api.<area>.<operation>.sync(client=sm.client, ...)`):

    httpx.Client(auth=TokenAuth, transport=SalesmsgTransport(RateLimiter, RetryPolicy), timeout=...)
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Literal, Self

import httpx
from salesmsg_client.client import AuthenticatedClient

from ._ratelimit import RateLimiter
from ._transport import RetryPolicy, SalesmsgTransport
from .auth import OAuth2Credentials, TokenAuth, Tokens
from .errors import SalesmsgError

if TYPE_CHECKING:
    from .resources import (
        AsyncContacts,
        AsyncConversations,
        AsyncMessages,
        AsyncTags,
        AsyncTeams,
        AsyncUsers,
        Contacts,
        Conversations,
        Messages,
        Tags,
        Teams,
        Users,
    )

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_REQUESTS_PER_MINUTE",
    "DEFAULT_TIMEOUT",
    "AsyncSalesmsg",
    "Salesmsg",
]

DEFAULT_BASE_URL = "https://api.salesmessage.com/pub/v2.2"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_REQUESTS_PER_MINUTE = 60  # the documented limit; a 429 then lasts 60 s
ENV_ACCESS_TOKEN = "SALESMSG_ACCESS_TOKEN"
ENV_BASE_URL = "SALESMSG_BASE_URL"

# The generated client wants a token string; the real one is set on each request by TokenAuth, so
# this placeholder is what a repr of `sm.client` shows.
_MANAGED_TOKEN = "<set per request by salesmsg.TokenAuth>"


class _ClientBase:
    """Options shared by `Salesmsg` and `AsyncSalesmsg` (all keyword arguments but the token).

    Credentials (one of): `access_token` (a Personal Access Token; else `SALESMSG_ACCESS_TOKEN`),
    `oauth=OAuth2Credentials(...)`, or a ready `auth=TokenAuth` (to share one between clients).
    `on_token_refresh(tokens)` is called with new tokens before they are used (persist them there);
    `token_expires_at` lets a PAT be refreshed before it expires; `refresh_margin` seconds early.
    `auto_refresh=False`: never refresh on its own (a refused token raises its error, e.g. a 401's
    `AuthenticationError`);
    only `refresh_token()` rotates, for callers with nowhere to save a rotated PAT.
    `oauth_token_path` ("/oauth/token/refresh" or "/oauth/token") and `oauth_body_encoding`
    ("json" or "form") pick the refresh request the vendor documents both ways.

    Network: `base_url` (else `SALESMSG_BASE_URL`, else the v2.2 production URL), `timeout` (per
    attempt), `max_retries` or a full `retry=RetryPolicy(...)`, `requests_per_minute` (None: no
    pacing) or `rate_limiter=RateLimiter(requests, period)`, extra `headers`, and the inner
    `transport` / `async_transport` (proxies, TLS settings, or test transports).
    """

    def __init__(
        self,
        access_token: str | None = None,
        *,
        oauth: OAuth2Credentials | None = None,
        on_token_refresh: Callable[[Tokens], None] | None = None,
        token_expires_at: datetime.datetime | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry: RetryPolicy | None = None,
        requests_per_minute: int | None = DEFAULT_REQUESTS_PER_MINUTE,
        rate_limiter: RateLimiter | None = None,
        refresh_margin: float = 300.0,
        auto_refresh: bool = True,
        oauth_token_path: str = "/oauth/token/refresh",
        oauth_body_encoding: Literal["json", "form"] = "json",
        headers: Mapping[str, str] | None = None,
        auth: TokenAuth | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = (base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL).rstrip("/")
        self.auth = auth or _make_auth(
            access_token,
            oauth,
            base_url=self.base_url,
            on_token_refresh=on_token_refresh,
            expires_at=token_expires_at,
            refresh_margin=refresh_margin,
            auto_refresh=auto_refresh,
            token_path=oauth_token_path,
            body_encoding=oauth_body_encoding,
        )
        policy = retry if retry is not None else RetryPolicy(max_retries=max_retries)
        # Even with pacing off (None), the limiter shares a 429's pause across threads and tasks.
        limiter = rate_limiter or RateLimiter(requests_per_minute or None, 60.0)
        self.transport = SalesmsgTransport(
            retry=policy, limiter=limiter, transport=transport, async_transport=async_transport
        )
        from . import __version__

        self.client = AuthenticatedClient(
            base_url=self.base_url,
            token=_MANAGED_TOKEN,
            timeout=timeout
            if isinstance(timeout, httpx.Timeout) or timeout is None
            else httpx.Timeout(timeout),
            headers={
                "Accept": "application/json",
                "User-Agent": f"salesmsg-python/{__version__}",
                **(headers or {}),
            },
            httpx_args={"auth": self.auth, "transport": self.transport},
        )

    @property
    def tokens(self) -> Tokens:
        """The tokens in use now (their repr hides the secrets)."""
        return self.auth.tokens

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


def _make_auth(
    access_token: str | None,
    oauth: OAuth2Credentials | None,
    *,
    base_url: str,
    on_token_refresh: Callable[[Tokens], None] | None,
    expires_at: datetime.datetime | None,
    refresh_margin: float,
    auto_refresh: bool,
    token_path: str,
    body_encoding: Literal["json", "form"],
) -> TokenAuth:
    if access_token is not None and oauth is not None:
        raise SalesmsgError(
            "pass either access_token (a Personal Access Token) or oauth=OAuth2Credentials, not both"
        )
    if oauth is not None:
        return TokenAuth.oauth2(
            oauth,
            base_url=base_url,
            on_token_refresh=on_token_refresh,
            refresh_margin=refresh_margin,
            auto_refresh=auto_refresh,
            token_path=token_path,
            body_encoding=body_encoding,
        )
    token = access_token if access_token is not None else os.environ.get(ENV_ACCESS_TOKEN)
    if not token:
        raise SalesmsgError(
            "no credentials: pass access_token=..., oauth=salesmsg.OAuth2Credentials(...), "
            f"or set {ENV_ACCESS_TOKEN}"
        )
    return TokenAuth.personal(
        token,
        base_url=base_url,
        expires_at=expires_at,
        on_token_refresh=on_token_refresh,
        refresh_margin=refresh_margin,
        auto_refresh=auto_refresh,
    )


class Salesmsg(_ClientBase):
    """The synchronous client. Close it (or use `with`) to release its connections."""

    def refresh_token(self) -> Tokens:
        """Refresh now (PAT rotation or OAuth2 refresh); `on_token_refresh` sees the new tokens first."""
        return self.auth.refresh(self.client.get_httpx_client())

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def conversations(self) -> Conversations:
        from .resources import Conversations

        return Conversations(self.client)

    @cached_property
    def messages(self) -> Messages:
        from .resources import Messages

        return Messages(self.client)

    @cached_property
    def contacts(self) -> Contacts:
        from .resources import Contacts

        return Contacts(self.client)

    @cached_property
    def tags(self) -> Tags:
        from .resources import Tags

        return Tags(self.client)

    @cached_property
    def teams(self) -> Teams:
        from .resources import Teams

        return Teams(self.client)

    @cached_property
    def users(self) -> Users:
        from .resources import Users

        return Users(self.client)


class AsyncSalesmsg(_ClientBase):
    """The asyncio client: the same surface, with `await`; `async with` closes it."""

    async def refresh_token(self) -> Tokens:
        return await self.auth.arefresh(self.client.get_async_httpx_client())

    async def close(self) -> None:
        await self.client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @cached_property
    def conversations(self) -> AsyncConversations:
        from .resources import AsyncConversations

        return AsyncConversations(self.client)

    @cached_property
    def messages(self) -> AsyncMessages:
        from .resources import AsyncMessages

        return AsyncMessages(self.client)

    @cached_property
    def contacts(self) -> AsyncContacts:
        from .resources import AsyncContacts

        return AsyncContacts(self.client)

    @cached_property
    def tags(self) -> AsyncTags:
        from .resources import AsyncTags

        return AsyncTags(self.client)

    @cached_property
    def teams(self) -> AsyncTeams:
        from .resources import AsyncTeams

        return AsyncTeams(self.client)

    @cached_property
    def users(self) -> AsyncUsers:
        from .resources import AsyncUsers

        return AsyncUsers(self.client)
