"""The httpx transport under every Salesmsg client: rate limit, then send, then retry when safe.

Usage:

    transport = SalesmsgTransport(retry=RetryPolicy(max_retries=3), limiter=RateLimiter(60, 60.0))
    client = httpx.Client(base_url=..., auth=..., transport=transport, timeout=30.0)
    aclient = httpx.AsyncClient(base_url=..., auth=..., transport=transport, timeout=30.0)

The rules of the house (the API has no idempotency keys, so an SMS must never go out twice):

- Every attempt first waits for the rate limiter, and tells it when its answer came (the
  limiter dates the slot from then: see ``salesmsg._ratelimit``).
- GET, HEAD, OPTIONS, PUT, DELETE (and TRACE) are retried on transient transport errors
  (timeouts, network errors, a dropped connection) and on ``RetryPolicy.retry_statuses``.
- POST and PATCH are retried only when the request provably never reached the server
  (see ``NEVER_SENT``) or when the server refused it with 429, which is not processed.
  A POST whose connection broke after it was written (``RemoteProtocolError`` "Server
  disconnected without sending a response", ``ReadError``, ``ReadTimeout``, ``WriteError``,
  ``WriteTimeout``) is never retried: the SMS may have gone out, so the error propagates.
- A request's own ``extensions={"salesmsg_idempotent": True}`` (or False) overrides the method
  rule, for read-only POSTs such as ``POST /contacts/list``.
- Waits: ``Retry-After`` / ``retry-after-ms`` when given and at most ``max_retry_after`` (a longer
  one gives the response back at once); otherwise exponential backoff. A 429 pauses the limiter,
  so every thread and task of the client waits with it (``rate_limit_wait``, the documented 60 s
  penalty, when the server names no time).
- The final response is returned as is, even a 5xx after the last retry; errors are mapped above.
- Retried attempts carry no ``X-Salesmsg-Retry-Count`` header: the vendor reads none, a strict
  gateway or the request validator of ``salesmsg.testing`` might object, and it would mutate the
  caller's request. The attempt number is in the DEBUG log instead.

Nothing here logs a header, a query string or a body: the Authorization header carries the
token, and Salesmsg takes phone numbers and message text as query parameters.
"""

from __future__ import annotations

import logging
import random as _random
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import attrs
import httpx

from ._auth_failure import is_auth_failure
from ._ratelimit import RateLimiter
from .errors import parse_retry_after

__all__ = [
    "DEFAULT_RETRY",
    "IDEMPOTENT_METHODS",
    "NEVER_SENT",
    "TRANSIENT_ERRORS",
    "RetryPolicy",
    "SalesmsgTransport",
]

logger = logging.getLogger("salesmsg.transport")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

# Raised by httpcore only while it sets a connection up, before one byte of the request is
# written: ConnectError/ConnectTimeout come from connect_tcp, connect_unix_socket and start_tls
# (TCP refused/unreachable, DNS failure, TLS handshake), PoolTimeout from waiting for a free
# connection in the pool. Anything later (WriteError, ReadError, ReadTimeout, RemoteProtocolError)
# may follow a request the server has already read. Checked against httpcore 1.0.9.
NEVER_SENT: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)

# Worth another try for an idempotent request. Not UnsupportedProtocol, LocalProtocolError or
# ProxyError: those fail the same way every time.
TRANSIENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)

IDEMPOTENT_EXTENSION = "salesmsg_idempotent"


@attrs.frozen
class RetryPolicy:
    """When and how long to wait before another attempt.

    Backoff before retry n (n = 0, 1, ...) is ``min(initial_delay * 2**n, max_delay)`` times a
    random factor in (0.75, 1.0] (the "x0.75-1.0" jitter of the Stainless SDKs): 0.5, 1, 2, 4,
    8, 8 ... seconds, each up to a quarter shorter, so clients that failed together drift apart.

    >>> RetryPolicy().backoff(2, random=lambda: 0.0)
    2.0
    >>> RetryPolicy().backoff(10, random=lambda: 1.0)
    6.0
    """

    max_retries: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    initial_delay: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    max_delay: float = attrs.field(default=8.0, validator=attrs.validators.ge(0))
    rate_limit_wait: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    max_retry_after: float = attrs.field(default=120.0, validator=attrs.validators.ge(0))
    retry_statuses: frozenset[int] = attrs.field(
        default=frozenset({408, 429, 500, 502, 503, 504}), converter=frozenset
    )

    def backoff(self, retry_number: int, *, random: Callable[[], float] = _random.random) -> float:
        """Seconds to wait before retry ``retry_number`` (0 for the first retry), with jitter."""
        base = min(self.initial_delay * 2.0**retry_number, self.max_delay)
        return base * (1.0 - 0.25 * random())


DEFAULT_RETRY = RetryPolicy()


class _Retry:
    # A plain slotted class, not attrs: an attrs class costs ~0.5 ms of code generation at import.
    __slots__ = ("delay", "pause_limiter", "reason")

    def __init__(self, delay: float, reason: str, pause_limiter: bool = False) -> None:
        self.delay = delay
        self.reason = reason
        self.pause_limiter = pause_limiter  # a 429: everybody waits, through the limiter


class SalesmsgTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """One transport for sync and async clients: rate limit, then send, then retry when safe.

    The same instance may be given to an ``httpx.Client`` and an ``httpx.AsyncClient``: the sync
    pool (``transport``, default ``httpx.HTTPTransport(**transport_options)``) and the async pool
    (``async_transport``, default ``httpx.AsyncHTTPTransport(**transport_options)``) are separate
    and created on first use. ``close()`` (called by ``Client.close``) closes only the sync pool and
    ``aclose()`` (called by ``AsyncClient.aclose``) only the async one, so closing one client never
    breaks the other. A pool this transport created is made afresh if used after closing; a pool
    passed in is closed with it (it belongs to the transport from then on).

    ``httpx.Client(transport=...)`` ignores the client's ``verify``, ``cert``, ``limits``,
    ``http2`` and ``proxy`` arguments and the proxy environment variables: pass those in
    ``transport_options`` (e.g. ``{"proxy": "http://proxy:3128", "limits": httpx.Limits(...)}``).

    ``limiter=None`` means no pacing, but 429 pauses are still shared by all threads and tasks.
    """

    def __init__(
        self,
        *,
        retry: RetryPolicy = DEFAULT_RETRY,
        limiter: RateLimiter | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,  # None: asyncio.sleep
        random: Callable[[], float] = _random.random,
        transport_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.retry = retry
        self.limiter = limiter if limiter is not None else RateLimiter(None)
        self._sleep = sleep
        # Not asyncio.sleep up front: importing asyncio costs a sync client ~10 ms of its first call.
        self._async_sleep = async_sleep
        self._random = random
        self._options = dict(transport_options or {})
        self._transport = transport
        self._async_transport = async_transport
        self._owns_transport = transport is None
        self._owns_async_transport = async_transport is None
        self._create_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SalesmsgTransport(retry={self.retry!r}, limiter={self.limiter!r})"

    # -- inner pools ---------------------------------------------------------------------------

    def _sync_inner(self) -> httpx.BaseTransport:
        inner = self._transport
        if inner is None:
            with self._create_lock:  # two threads must not build two pools
                if self._transport is None:
                    self._transport = httpx.HTTPTransport(**self._options)
                inner = self._transport
        return inner

    def _async_inner(self) -> httpx.AsyncBaseTransport:
        inner = self._async_transport
        if inner is None:
            with self._create_lock:
                if self._async_transport is None:
                    self._async_transport = httpx.AsyncHTTPTransport(**self._options)
                inner = self._async_transport
        return inner

    def close(self) -> None:
        """Close the sync pool (``httpx.Client.close`` calls this). The async pool is untouched."""
        with self._create_lock:
            inner = self._transport
            if self._owns_transport:
                self._transport = None
        if inner is not None:
            inner.close()

    async def aclose(self) -> None:
        """Close the async pool (``httpx.AsyncClient.aclose`` calls this). The sync pool is untouched."""
        with self._create_lock:
            inner = self._async_transport
            if self._owns_async_transport:
                self._async_transport = None
        if inner is not None:
            await inner.aclose()

    # -- sending -------------------------------------------------------------------------------

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._sync_inner()
        attempt = 1
        while True:
            slot = self.limiter.acquire(sleep=self._sleep, on_wait=_wait_logger(request, attempt))
            try:
                response = inner.handle_request(request)
                self.limiter.answered(slot)
                if response.status_code == 500:
                    response.read()  # small, and needed to tell an authorizer failure from a crash
            except httpx.TransportError as exc:
                self.limiter.answered(slot)
                decision = self._after_error(request, exc, attempt)
                if decision is None:
                    raise
            else:
                decision = self._after_response(request, response, attempt)
                if decision is None:
                    return response
                _discard(response)
            self._log_retry(request, attempt, decision)
            if decision.pause_limiter:
                self.limiter.pause_until(decision.delay, reason=decision.reason)
            elif decision.delay > 0:
                self._sleep(decision.delay)
            attempt += 1

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._async_inner()
        attempt = 1
        while True:
            slot = await self.limiter.acquire_async(
                sleep=self._async_sleep, on_wait=_wait_logger(request, attempt)
            )
            try:
                response = await inner.handle_async_request(request)
                self.limiter.answered(slot)  # headers in: it reached the server by now
                if response.status_code == 500:
                    await response.aread()
            except httpx.TransportError as exc:
                self.limiter.answered(slot)
                decision = self._after_error(request, exc, attempt)
                if decision is None:
                    raise
            else:
                decision = self._after_response(request, response, attempt)
                if decision is None:
                    return response
                await _adiscard(response)
            self._log_retry(request, attempt, decision)
            if decision.pause_limiter:
                self.limiter.pause_until(decision.delay, reason=decision.reason)
            elif decision.delay > 0:
                await self._await_sleep(decision.delay)
            attempt += 1

    async def _await_sleep(self, seconds: float) -> None:
        if self._async_sleep is not None:
            await self._async_sleep(seconds)
            return
        import asyncio

        await asyncio.sleep(seconds)

    # -- decisions (shared by sync and async) --------------------------------------------------

    def _after_error(self, request: httpx.Request, exc: httpx.TransportError, attempt: int) -> _Retry | None:
        name = type(exc).__name__
        if isinstance(exc, NEVER_SENT):
            pass  # nothing reached the server: safe for every method
        elif not isinstance(exc, TRANSIENT_ERRORS):
            return None
        elif not _idempotent(request):
            _log(request, attempt, f"not retried: {name} after the request may have reached the server")
            return None
        if not self._can_retry(request, attempt, name):
            return None
        return _Retry(self.retry.backoff(attempt - 1, random=self._random), f"{name}, backoff")

    def _after_response(
        self, request: httpx.Request, response: httpx.Response, attempt: int
    ) -> _Retry | None:
        status = response.status_code
        if status not in self.retry.retry_statuses:
            return None
        if status == 500 and is_auth_failure(response):
            # The gateway's authorizer failed on the token: TokenAuth refreshes; a retry would not help.
            return None
        if status != 429 and not _idempotent(request):
            _log(
                request, attempt, f"not retried: {status} for a {request.method} that may have been processed"
            )
            return None
        retry_after = parse_retry_after(response.headers)
        if retry_after is not None and retry_after > self.retry.max_retry_after:
            _log(
                request,
                attempt,
                f"not retried: {status} with Retry-After {retry_after:.0f} s "
                f"(more than max_retry_after {self.retry.max_retry_after:g} s)",
            )
            return None
        if status == 429:
            if retry_after is None:
                reason = "429 without Retry-After: rate limit penalty"
                decision = _Retry(self.retry.rate_limit_wait, reason, pause_limiter=True)
            else:
                decision = _Retry(retry_after, "429 with Retry-After", pause_limiter=True)
        elif retry_after is not None:
            decision = _Retry(retry_after, f"{status} with Retry-After")
        else:
            decision = _Retry(self.retry.backoff(attempt - 1, random=self._random), f"{status}, backoff")
        if not self._can_retry(request, attempt, str(status)):
            if decision.pause_limiter:
                # This request gives up, but the penalty still applies to the client's next ones.
                self.limiter.pause_until(decision.delay, reason=decision.reason)
            return None
        return decision

    def _can_retry(self, request: httpx.Request, attempt: int, what: str) -> bool:
        if attempt > self.retry.max_retries:
            if self.retry.max_retries:
                _log(request, attempt, f"not retried: {what}, {self.retry.max_retries} retries used")
            return False
        if not isinstance(request.stream, httpx.ByteStream):
            # A generator body was consumed by the first attempt and cannot be sent again.
            _log(request, attempt, f"not retried: {what}, the request body is a stream")
            return False
        return True

    def _log_retry(self, request: httpx.Request, attempt: int, decision: _Retry) -> None:
        if decision.pause_limiter:
            # The wait itself happens (and is logged) in the limiter, for every waiting request.
            _log(request, attempt, f"{decision.reason}: pausing the whole client for {decision.delay:.3f} s")
        else:
            _wait_logger(request, attempt + 1)(decision.delay, decision.reason)


def _idempotent(request: httpx.Request) -> bool:
    override = request.extensions.get(IDEMPOTENT_EXTENSION)
    if isinstance(override, bool):
        return override
    return request.method in IDEMPOTENT_METHODS


def _wait_logger(request: httpx.Request, attempt: int) -> Callable[[float, str], None]:
    """Logs a wait before ``attempt`` (1 = the first send) of ``request``."""

    def on_wait(seconds: float, reason: str) -> None:
        # The path only: the query holds phone numbers and message text. Never headers or body.
        logger.debug(
            "waiting %.3f s before %s %s (attempt %d): %s",
            seconds,
            request.method,
            request.url.path,
            attempt,
            reason,
        )

    return on_wait


def _log(request: httpx.Request, attempt: int, message: str) -> None:
    logger.debug("%s %s (attempt %d): %s", request.method, request.url.path, attempt, message)


def _discard(response: httpx.Response) -> None:
    # Read the body so the connection goes back to the pool instead of leaking or being dropped.
    try:
        if response.is_stream_consumed:
            return
        for _ in response.iter_raw():
            pass
    except httpx.HTTPError:
        pass
    finally:
        response.close()


async def _adiscard(response: httpx.Response) -> None:
    try:
        if response.is_stream_consumed:
            return
        async for _ in response.aiter_raw():
            pass
    except httpx.HTTPError:
        pass
    finally:
        await response.aclose()
