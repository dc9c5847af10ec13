"""Bearer authentication for httpx that keeps Salesmsg tokens alive.

    auth = TokenAuth.personal("PAT", base_url="https://api.salesmessage.com/pub/v2.2",
                              on_token_refresh=FileTokenStore("~/.config/salesmsg/tokens.json"))
    httpx.Client(auth=auth)           # and/or httpx.AsyncClient(auth=auth): one TokenAuth may serve both

Two kinds of credentials (salesmsg-api-facts §2.1, §4):

- a **personal access token** (PAT) is refreshed with ``POST {base}/oauth/personal-token/refresh``,
  the current token as Bearer and no body; the answer is a new token and the old one stops working;
- **OAuth2** tokens are refreshed with ``POST {base}/oauth/token/refresh`` (or ``/oauth/token``):
  ``grant_type=refresh_token``, ``client_id``, ``client_secret``, ``refresh_token`` (+ ``scope``),
  as JSON or form-encoded; the answer may carry a new refresh token (rotation).

When a refresh happens:

- **proactively**, before a request, once ``now >= expiry - min(refresh_margin, lifetime / 2)``
  (monotonic clock); with no known expiry (a PAT given without ``expires_at``) never;
- **reactively**, once per request, when the answer is an auth failure (:func:`is_auth_failure`):
  the request is then replayed once with the new token. If the token that failed was already
  replaced by another thread or task, there is no second refresh, only the replay. If a token
  obtained during this very request is rejected, that answer is returned as it is (no loop).

Only one refresh is ever in flight per TokenAuth, whatever mix of threads, asyncio tasks and
clients use it; the others wait for it and then use its result (a failure reaches them as the same
:class:`~salesmsg.errors.TokenRefreshError`). No lock is held across a ``yield`` of the auth flow:
a short ``threading.Lock`` guards the state, and a :class:`~salesmsg._single_flight.Flight` that
the refresher completes in a ``finally`` carries the outcome to waiters. If the refreshing request
is cancelled or its connection fails, the flight is abandoned and one of the waiters refreshes.

The refresh request is yielded from the auth flow, so it goes through the client's own transport
(retries, rate limiting, proxies, timeouts). It therefore appears in ``response.history`` and in
the client's event hooks, like any request of an auth flow.

``on_token_refresh(tokens)`` is called with the new tokens before any request uses them, outside
any lock. If it raises, the new tokens stay in memory (``TokenAuth.tokens``) and are used from then
on, waiters proceed with them, and the exception propagates to the caller whose request (or
:meth:`TokenAuth.refresh` call) triggered the refresh, with a note saying so: persistence failed,
the user must know, and nothing is lost.

No token, refresh token or client secret appears in a log record, an exception message or a repr.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import httpx

from salesmsg._auth_failure import INSPECTED_STATUSES as _INSPECTED_STATUSES
from salesmsg._auth_failure import is_auth_failure
from salesmsg._single_flight import Flight
from salesmsg._tokens import OAuth2Credentials, Tokens
from salesmsg.errors import APIStatusError, TokenRefreshError

__all__ = [
    "OAUTH_TOKEN_PATH",
    "OAUTH_TOKEN_REFRESH_PATH",
    "PERSONAL_TOKEN_REFRESH_PATH",
    "OAuth2Credentials",
    "TokenAuth",
    "Tokens",
    "is_auth_failure",
]

logger = logging.getLogger("salesmsg.auth")

PERSONAL_TOKEN_REFRESH_PATH = "/oauth/personal-token/refresh"
OAUTH_TOKEN_REFRESH_PATH = "/oauth/token/refresh"
OAUTH_TOKEN_PATH = "/oauth/token"


# --- steps of the sans-IO core --------------------------------------------------------------------
# Plain slotted classes, not attrs: an attrs class costs ~0.5 ms of code generation at import, on
# every client's first call.


class _Fetch:
    """Send this token-endpoint request; send the fully read response back."""

    __slots__ = ("request",)

    def __init__(self, request: httpx.Request) -> None:
        self.request = request


class _Wait:
    """Wait until this flight is complete; send back True to skip waiting (re-entrant caller)."""

    __slots__ = ("flight",)

    def __init__(self, flight: Flight[Tokens]) -> None:
        self.flight = flight


_Step = httpx.Request | _Fetch | _Wait
_Reply = httpx.Response | bool
_Core = Generator[_Step, _Reply, Any]


class TokenAuth(httpx.Auth):
    """Bearer auth with proactive and reactive refresh, single flight; build with :meth:`personal`
    or :meth:`oauth2`. Thread-safe and loop-safe: share one instance between sync and async clients.
    """

    requires_request_body = True  # the body is buffered so a refused request can be replayed
    requires_response_body = True  # 401/403/500 bodies are read and inspected (2xx stay streams)

    def __init__(
        self,
        *,
        kind: Literal["personal", "oauth2"],
        tokens: Tokens,
        has_access_token: bool,
        base_url: str,
        token_path: str,
        client_id: str | None = None,
        client_secret: str | None = None,
        body_encoding: Literal["json", "form"] = "json",
        scope: str | None = None,
        on_token_refresh: Callable[[Tokens], None] | None = None,
        refresh_margin: float = 300.0,
        auto_refresh: bool = True,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] | None = None,
    ) -> None:
        if not auto_refresh and not has_access_token:
            raise ValueError("auto_refresh=False needs an access token to send")
        if refresh_margin < 0:
            raise ValueError("refresh_margin must be >= 0 seconds")
        if body_encoding not in ("json", "form"):
            raise ValueError("body_encoding must be 'json' or 'form'")
        if not token_path.startswith("/"):
            raise ValueError("token_path must start with '/'")
        self._kind = kind
        self._base_url = base_url.rstrip("/")
        # Concatenation, not URL.join: a leading slash would drop the /pub/v2.2 prefix.
        self._token_url = self._base_url + token_path
        self._client_id = client_id
        self._client_secret = client_secret
        self._body_encoding = body_encoding
        self._scope = scope
        self._on_token_refresh = on_token_refresh
        self._refresh_margin = float(refresh_margin)
        # False: requests go out with the token as it is and a refusal is the answer; only an
        # explicit refresh() rotates (for callers with nowhere to save a rotated PAT).
        self._auto_refresh = auto_refresh
        self._clock = clock
        self._wall_clock = wall_clock or (lambda: datetime.now(UTC))

        self._lock = threading.Lock()  # guards the fields below; never held across a yield or a wait
        self._tokens = tokens
        self._has_access_token = has_access_token
        self._generation = 0  # +1 per installed refresh: compare-and-invalidate
        self._refresh_at: float | None = None  # monotonic
        self._flight: Flight[Tokens] | None = None
        if tokens.expires_at is not None:
            remaining = (tokens.expires_at - self._wall_clock()).total_seconds()
            self._schedule(remaining)

    # --- construction ----------------------------------------------------------------------------

    @classmethod
    def personal(
        cls,
        access_token: str,
        *,
        base_url: str,
        expires_at: datetime | None = None,
        on_token_refresh: Callable[[Tokens], None] | None = None,
        refresh_margin: float = 300.0,
        auto_refresh: bool = True,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] | None = None,
    ) -> TokenAuth:
        """A personal access token. Without ``expires_at`` it is refreshed only when refused;
        with ``auto_refresh=False`` only by :meth:`refresh`."""
        if not access_token:
            raise ValueError("access_token must be a non-empty string")
        return cls(
            kind="personal",
            tokens=Tokens(access_token, None, expires_at),
            has_access_token=True,
            base_url=base_url,
            token_path=PERSONAL_TOKEN_REFRESH_PATH,
            on_token_refresh=on_token_refresh,
            refresh_margin=refresh_margin,
            auto_refresh=auto_refresh,
            clock=clock,
            wall_clock=wall_clock,
        )

    @classmethod
    def oauth2(
        cls,
        credentials: OAuth2Credentials,
        *,
        base_url: str,
        on_token_refresh: Callable[[Tokens], None] | None = None,
        refresh_margin: float = 300.0,
        token_path: str = OAUTH_TOKEN_REFRESH_PATH,
        body_encoding: Literal["json", "form"] = "json",
        scope: str | None = None,
        auto_refresh: bool = True,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] | None = None,
    ) -> TokenAuth:
        """OAuth2 tokens. Without an ``access_token`` one is fetched before the first request."""
        if not credentials.refresh_token:
            raise ValueError("credentials.refresh_token must be a non-empty string")
        return cls(
            kind="oauth2",
            tokens=Tokens(credentials.access_token or "", credentials.refresh_token, credentials.expires_at),
            has_access_token=bool(credentials.access_token),
            base_url=base_url,
            token_path=token_path,
            client_id=credentials.client_id,
            client_secret=credentials.client_secret,
            body_encoding=body_encoding,
            scope=scope,
            on_token_refresh=on_token_refresh,
            refresh_margin=refresh_margin,
            auto_refresh=auto_refresh,
            clock=clock,
            wall_clock=wall_clock,
        )

    @property
    def tokens(self) -> Tokens:
        """The tokens in use now (``access_token`` is '' until an OAuth2 client without one refreshes)."""
        with self._lock:
            return self._tokens

    def __repr__(self) -> str:
        return f"TokenAuth({self._kind}, base_url={self._base_url!r}, tokens={self.tokens!r})"

    # --- httpx entry points ----------------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.read()
        core = self._request_flow(request)
        try:
            step = next(core)
            while True:
                reply: _Reply
                if isinstance(step, _Wait):
                    reply = self._wait_sync(step.flight)
                elif isinstance(step, _Fetch):
                    response = yield step.request
                    response.read()
                    reply = response
                else:
                    response = yield step
                    if response.status_code in _INSPECTED_STATUSES:
                        response.read()
                    reply = response
                try:
                    step = core.send(reply)
                except StopIteration:
                    return
        finally:
            core.close()  # on GeneratorExit too: an owned flight is abandoned, never left pending

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await request.aread()
        core = self._request_flow(request)
        try:
            step = next(core)
            while True:
                reply: _Reply
                if isinstance(step, _Wait):
                    reply = await self._wait_async(step.flight)
                elif isinstance(step, _Fetch):
                    response = yield step.request
                    await response.aread()
                    reply = response
                else:
                    response = yield step
                    if response.status_code in _INSPECTED_STATUSES:
                        await response.aread()
                    reply = response
                try:
                    step = core.send(reply)
                except StopIteration:
                    return
        finally:
            core.close()  # on cancellation too: an owned flight is abandoned, never left pending

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("TokenAuth drives its own flows: use sync_auth_flow or async_auth_flow")

    # --- on demand -------------------------------------------------------------------------------

    def refresh(self, client: httpx.Client) -> Tokens:
        """Refresh now (joining a refresh already in flight) and return the new tokens.

        The token request goes through ``client`` (its transport, timeout and User-Agent) with
        ``auth=None``, so neither this TokenAuth nor a default Authorization header of the client
        is applied to it. Raises TokenRefreshError when the token endpoint refuses.
        """
        core = self._refresh_flow()
        try:
            step = next(core)
            while True:
                reply: _Reply
                if isinstance(step, _Wait):
                    reply = self._wait_sync(step.flight)
                elif isinstance(step, _Fetch):
                    reply = client.send(self._for_client(step.request, client), auth=None)
                else:  # pragma: no cover - the refresh flow only fetches and waits
                    raise AssertionError(step)
                try:
                    step = core.send(reply)
                except StopIteration as stop:
                    tokens: Tokens = stop.value
                    return tokens
        finally:
            core.close()

    async def arefresh(self, client: httpx.AsyncClient) -> Tokens:
        """The async twin of :meth:`refresh`."""
        core = self._refresh_flow()
        try:
            step = next(core)
            while True:
                reply: _Reply
                if isinstance(step, _Wait):
                    reply = await self._wait_async(step.flight)
                elif isinstance(step, _Fetch):
                    reply = await client.send(self._for_client(step.request, client), auth=None)
                else:  # pragma: no cover - the refresh flow only fetches and waits
                    raise AssertionError(step)
                try:
                    step = core.send(reply)
                except StopIteration as stop:
                    tokens: Tokens = stop.value
                    return tokens
        finally:
            core.close()

    @staticmethod
    def _for_client(request: httpx.Request, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        user_agent = client.headers.get("user-agent")
        if user_agent:
            request.headers["User-Agent"] = user_agent
        request.extensions["timeout"] = client.timeout.as_dict()
        return request

    # --- waiting ---------------------------------------------------------------------------------

    @staticmethod
    def _wait_sync(flight: Flight[Tokens]) -> bool:
        if flight.owner_thread == threading.get_ident():
            if flight.installed:
                return True  # a request made by on_token_refresh itself: the new tokens are ready
            raise RuntimeError(
                "a blocking request on the thread that is refreshing the token would wait for itself "
                "(a sync client used inside the event loop that runs an async refresh?): "
                "use the async client there"
            )
        logger.debug("waiting for the token refresh in flight (thread)")
        flight.wait()
        return False

    @staticmethod
    async def _wait_async(flight: Flight[Tokens]) -> bool:
        logger.debug("waiting for the token refresh in flight (task)")
        await flight.wait_async()
        return False

    # --- the sans-IO core: yields steps, never holds the lock across a yield ---------------------

    def _request_flow(self, request: httpx.Request) -> _Core:
        tokens, generation, fresh = yield from self._obtain(
            lambda _fresh: self._auto_refresh and self._due_locked(), reason="expiring", template=request
        )
        self._authorize(request, tokens)
        response = yield request
        assert isinstance(response, httpx.Response)
        if not is_auth_failure(response):
            return
        with self._lock:
            replaced = self._generation != generation  # by another thread or task meanwhile
        if not self._auto_refresh and not replaced:
            logger.info(
                "%s %s -> %s: the token was refused; not refreshing (auto_refresh=False)",
                request.method,
                request.url.path,
                response.status_code,
            )
            return
        if fresh and not replaced:
            logger.warning(
                "%s %s -> %s with a token refreshed for this request: not refreshing again",
                request.method,
                request.url.path,
                response.status_code,
            )
            return
        logger.info(
            "%s %s -> %s: the token was refused; %s",
            request.method,
            request.url.path,
            response.status_code,
            "replaying with the token that replaced it" if replaced else "refreshing once and replaying",
        )
        tokens, _, _ = yield from self._obtain(
            # Compare-and-invalidate: refresh only if the refused token is still the current one.
            lambda fresh_: not fresh_ and self._generation == generation,
            reason=f"refused with {response.status_code}",
            template=request,
        )
        self._authorize(request, tokens)
        yield request  # the replay; its answer is final

    def _refresh_flow(self) -> _Core:
        tokens, _, _ = yield from self._obtain(lambda fresh: not fresh, reason="on demand", template=None)
        return tokens

    def _obtain(
        self, want_refresh: Callable[[bool], bool], *, reason: str, template: httpx.Request | None
    ) -> Generator[_Step, _Reply, tuple[Tokens, int, bool]]:
        """Current tokens, after waiting for a refresh in flight or running one if ``want_refresh``.

        Returns (tokens, generation, fresh): ``fresh`` is True when the tokens come from a refresh
        that completed during this call. ``want_refresh(fresh)`` is evaluated under the lock.
        """
        fresh = False
        while True:
            with self._lock:
                flight = self._flight
                owned = flight is None
                if flight is None:
                    if not want_refresh(fresh):
                        return self._tokens, self._generation, fresh
                    flight = self._flight = Flight()
                    snapshot = self._tokens
            if owned:
                tokens, generation = yield from self._run_flight(flight, snapshot, reason, template)
                return tokens, generation, True
            skip = yield _Wait(flight)
            if skip is True:
                with self._lock:
                    return self._tokens, self._generation, True
            if flight.state == "succeeded":
                fresh = True
            elif flight.state == "failed":
                raise _copy_error(flight.error)
            # "abandoned": look again; if still needed, this caller refreshes

    def _run_flight(
        self, flight: Flight[Tokens], current: Tokens, reason: str, template: httpx.Request | None
    ) -> Generator[_Step, _Reply, tuple[Tokens, int]]:
        """Refresh (this caller owns ``flight``), install, call back, complete the flight."""
        what = self._what()
        try:
            logger.info("refreshing the %s (%s)", what, reason)
            response = yield _Fetch(self._build_refresh_request(current, template))
            assert isinstance(response, httpx.Response)
            tokens, expires_in = self._parse_token_response(response, current)
        except Exception as exc:
            with self._lock:
                self._flight = None
            flight.fail(exc)
            logger.warning("refreshing the %s failed: %s", what, _log_detail(exc))
            raise
        except BaseException:  # GeneratorExit (request cancelled or connection failed), KeyboardInterrupt
            with self._lock:
                self._flight = None
            flight.abandon()
            logger.info("the %s refresh was abandoned; a waiting request will retry it", what)
            raise

        with self._lock:
            self._tokens = tokens
            self._has_access_token = True
            self._generation += 1
            generation = self._generation
            self._refresh_at = None
            if expires_in is not None:
                self._schedule(expires_in)
            flight.installed = True
        logger.info(
            "refreshed the %s%s%s",
            what,
            f"; expires in {expires_in:.0f} s" if expires_in is not None else "; expiry unknown",
            "; new refresh token" if tokens.refresh_token != current.refresh_token else "",
        )

        callback_error: Exception | None = None
        try:
            if self._on_token_refresh is not None:
                self._on_token_refresh(tokens)
        except Exception as exc:
            callback_error = exc
        finally:  # waiters go on with the new tokens whatever happened to the callback
            with self._lock:
                if self._flight is flight:
                    self._flight = None
            flight.succeed(tokens)
        if callback_error is not None:
            logger.error(
                "on_token_refresh raised %s; the new tokens are kept in memory (TokenAuth.tokens)",
                type(callback_error).__name__,
            )
            callback_error.add_note(
                "salesmsg: raised by on_token_refresh; the refreshed tokens are kept in memory "
                "(TokenAuth.tokens) and used by later requests, but were not persisted"
            )
            raise callback_error
        return tokens, generation

    # --- state helpers (call with the lock held) -------------------------------------------------

    def _due_locked(self) -> bool:
        if not self._has_access_token:
            return True
        return self._refresh_at is not None and self._clock() >= self._refresh_at

    def _schedule(self, remaining: float) -> None:
        """Refresh at expiry - min(margin, lifetime / 2), on the monotonic clock."""
        now = self._clock()
        if remaining <= 0:
            self._refresh_at = now
            return
        self._refresh_at = now + remaining - min(self._refresh_margin, remaining / 2)

    # --- the token endpoint ----------------------------------------------------------------------

    def _what(self) -> str:
        return "personal access token" if self._kind == "personal" else "OAuth2 access token"

    def _secrets(self) -> list[str]:
        with self._lock:
            tokens = self._tokens
        values = [tokens.access_token, tokens.refresh_token, self._client_secret]
        return [v for v in values if v]

    @staticmethod
    def _authorize(request: httpx.Request, tokens: Tokens) -> None:
        request.headers["Authorization"] = f"Bearer {tokens.access_token}"

    def _build_refresh_request(self, current: Tokens, template: httpx.Request | None) -> httpx.Request:
        headers = {"Accept": "application/json"}
        extensions: dict[str, Any] = {}
        if template is not None:
            user_agent = template.headers.get("user-agent")
            if user_agent:
                headers["User-Agent"] = user_agent
            if "timeout" in template.extensions:
                extensions["timeout"] = template.extensions["timeout"]
        if self._kind == "personal":
            headers["Authorization"] = f"Bearer {current.access_token}"
            return httpx.Request("POST", self._token_url, headers=headers, extensions=extensions)
        payload = {
            "grant_type": "refresh_token",
            "client_id": self._client_id or "",
            "client_secret": self._client_secret or "",
            "refresh_token": current.refresh_token or "",
        }
        if self._scope is not None:
            payload["scope"] = self._scope
        if self._body_encoding == "form":
            return httpx.Request(
                "POST", self._token_url, headers=headers, data=payload, extensions=extensions
            )
        return httpx.Request("POST", self._token_url, headers=headers, json=payload, extensions=extensions)

    def _parse_token_response(self, response: httpx.Response, current: Tokens) -> tuple[Tokens, float | None]:
        if not response.is_success:
            raise self._refresh_error(response)
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        access_token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(access_token, str) or not access_token:
            raise TokenRefreshError(
                f"Refreshing the {self._what()} failed: POST {self._token_url} -> {response.status_code} "
                "without an access_token in a JSON object (is base_url right?)",
                response=_safe_response(response, keep_body=False),
            )
        refresh_token = data.get("refresh_token")
        if not isinstance(refresh_token, str) or not refresh_token:
            refresh_token = current.refresh_token  # no rotation: keep the one we have
        token_type = data.get("token_type")
        if not isinstance(token_type, str) or not token_type:
            token_type = "Bearer"
        expires_in = _seconds(data.get("expires_in"))
        expires_at = self._wall_clock() + timedelta(seconds=expires_in) if expires_in is not None else None
        return Tokens(access_token, refresh_token, expires_at, token_type), expires_in

    def _refresh_error(self, response: httpx.Response) -> TokenRefreshError:
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        error = description = None
        if isinstance(body, dict):
            error = body.get("error") if isinstance(body.get("error"), str) else None
            for key in ("error_description", "message", "Message"):
                if isinstance(body.get(key), str) and body[key]:
                    description = body[key]
                    break
        status = response.status_code
        if error == "invalid_grant":
            advice = (
                "the refresh token is invalid, expired or already used: re-authorize "
                "(run the OAuth2 authorization again) and use the new refresh token"
            )
        elif status in (400, 401, 403) and self._kind == "personal":
            advice = (
                "the personal access token was refused (expired, rotated by another process or "
                "revoked): create a new one in Salesmsg and re-authorize"
            )
        elif status in (400, 401, 403):
            advice = "the client credentials or the refresh token were refused: check them or re-authorize"
        else:
            advice = "the token endpoint is unavailable; the current tokens are kept, try again later"
        detail = ": ".join(part for part in (error, description) if part)
        detail = _redact(detail, self._secrets())[:200]
        head = f"Refreshing the {self._what()} failed: POST {self._token_url} -> {status}"
        message = f"{head} ({detail}); {advice}" if detail else f"{head}; {advice}"
        return TokenRefreshError(message, response=_safe_response(response, keep_body=True))


# --- helpers ---------------------------------------------------------------------------------------


def _seconds(value: Any) -> float | None:
    """``expires_in`` as seconds (numbers or numeric strings); None when absent or unusable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        try:
            seconds = float(value)
        except ValueError:
            return None
    else:
        return None
    # NaN, infinities and non-positive lifetimes are nonsense: treat the expiry as unknown rather
    # than refresh before every request.
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "<redacted>")
    return text


def _safe_response(response: httpx.Response, *, keep_body: bool) -> httpx.Response:
    """A copy of a token-endpoint response whose request carries no credential.

    The request sent to the token endpoint holds the token (PAT) or the client secret and refresh
    token (OAuth2); the error keeps only its method and URL. A 2xx body holds tokens: dropped.
    """
    request = httpx.Request(response.request.method, response.request.url)
    headers = [
        (key, value)
        for key, value in response.headers.multi_items()
        if key.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    content = response.content if keep_body else b""
    return httpx.Response(response.status_code, headers=headers, content=content, request=request)


def _copy_error(error: BaseException | None) -> BaseException:
    """The error a waiter raises: a fresh instance of the refresher's TokenRefreshError."""
    if isinstance(error, APIStatusError):
        return type(error)(error.message, response=error.response)
    if error is None:  # pragma: no cover - a failed flight always has its error
        return RuntimeError("the token refresh failed")
    return error


def _log_detail(exc: BaseException) -> str:
    if isinstance(exc, APIStatusError):
        return f"{type(exc).__name__} status {exc.status_code}"
    return type(exc).__name__
