"""One error hierarchy for everything the SDK raises.

```
SalesmsgError
├── APIError                      a request was made; carries .request (method, url)
│   ├── APIStatusError            4xx/5xx; carries .response, .status_code, .headers, .body
│   │   ├── BadRequestError             400
│   │   ├── AuthenticationError         401, and token failures (see TokenRefreshError)
│   │   │   └── TokenRefreshError       the refresh endpoint refused: re-authorize
│   │   ├── PermissionDeniedError       403
│   │   ├── NotFoundError               404
│   │   ├── ConflictError               409
│   │   ├── ValidationError             422, with .errors (field -> messages)
│   │   ├── RateLimitError              429, with .retry_after
│   │   └── ServerError                 5xx
│   ├── APIConnectionError        no answer: connect/read/write failure, dropped connection
│   │   └── APITimeoutError
│   └── ResponseParseError        a 2xx whose body does not match the document
└── (ValueError subclasses live where they are raised: phone numbers, webhooks)
```

Usage:

    try:
        sm.messages.send(conversation_id, "Hi")
    except salesmsg.RateLimitError as exc:
        print(exc.status_code, exc.retry_after, exc.body)

No message, ``repr`` or attribute holds a token: ``.request`` (and ``.response.request``) is a copy
of the request without its ``Authorization``/``Cookie`` headers, and URLs render without userinfo.
"""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "SalesmsgError",
    "ServerError",
    "TokenRefreshError",
    "ValidationError",
    "error_for_response",
    "parse_retry_after",
]

_BODY_PREVIEW = 200


class SalesmsgError(Exception):
    """Base class of every error this SDK raises on purpose."""


class APIError(SalesmsgError):
    """A request was attempted. ``method`` and ``url`` name it; ``request`` is the httpx request."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = _without_credentials(request)
        self.method = request.method
        self.url = _safe_url(request.url)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, method={self.method!r}, url={self.url!r})"


class APIStatusError(APIError):
    """The server answered with an error status. Keeps the whole response."""

    status_code: int

    def __init__(self, message: str | None = None, *, response: httpx.Response) -> None:
        self.headers = response.headers  # as the server sent them
        response = _with_safe_request(response)
        self.response = response
        self.status_code = response.status_code
        self.body: bytes = _read_body(response)
        self.json_body: Any = _json_or_none(self.body)
        self.server_message = _server_message(self.json_body)
        if message is None:
            message = self._default_message(response)
        super().__init__(message, request=response.request)

    @property
    def text(self) -> str:
        """The raw body decoded as text (replacement characters for undecodable bytes)."""
        return self.body.decode("utf-8", errors="replace")

    def _default_message(self, response: httpx.Response) -> str:
        request = response.request
        detail = self.server_message or _preview(self.body)
        head = f"{request.method} {_safe_url(request.url)} -> {response.status_code}"
        return f"{head}: {detail}" if detail else head

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, status_code={self.status_code}, "
            f"method={self.method!r}, url={self.url!r})"
        )


class BadRequestError(APIStatusError):
    status_code = 400


class AuthenticationError(APIStatusError):
    """The token was missing, expired, rotated away or could not be decoded (401, some 403/500)."""

    status_code = 401


class TokenRefreshError(AuthenticationError):
    """The refresh endpoint refused the credentials: a new token or a new authorization is needed."""


class PermissionDeniedError(APIStatusError):
    status_code = 403


class NotFoundError(APIStatusError):
    status_code = 404


class ConflictError(APIStatusError):
    status_code = 409


class ValidationError(APIStatusError):
    """422: the server rejected the input. ``errors`` maps each field to its messages.

    A duplicate contact answers 422 with the existing ``contact_id`` (an int, or a list of ints).
    """

    status_code = 422

    def __init__(self, message: str | None = None, *, response: httpx.Response) -> None:
        super().__init__(message, response=response)
        self.errors: dict[str, list[str]] = _field_errors(self.json_body)
        self.contact_id: Any = self.json_body.get("contact_id") if isinstance(self.json_body, dict) else None
        if message is None and self.errors:
            fields = "; ".join(f"{k}: {' '.join(v)}" for k, v in self.errors.items())
            self.message = f"{self.message} ({fields})"
            self.args = (self.message,)


class RateLimitError(APIStatusError):
    """429. ``retry_after`` is the server's Retry-After in seconds, or None when it sent none."""

    status_code = 429

    def __init__(self, message: str | None = None, *, response: httpx.Response) -> None:
        super().__init__(message, response=response)
        self.retry_after = parse_retry_after(response.headers)


class ServerError(APIStatusError):
    """5xx."""


class APIConnectionError(APIError):
    """No usable answer: the connection failed, was dropped, or the body could not be read."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class ResponseParseError(APIError):
    """A success status whose body does not match the document (wrong shape, HTML, not JSON).

    Keeps the response so nothing is lost: ``status_code``, ``headers``, ``body``.
    """

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        self.headers = response.headers  # as the server sent them
        response = _with_safe_request(response)
        self.response = response
        self.status_code = response.status_code
        self.body: bytes = _read_body(response)
        request = response.request
        preview = _preview(self.body)
        full = f"{request.method} {_safe_url(request.url)} -> {response.status_code}: {message}"
        super().__init__(f"{full}; body: {preview}" if preview else full, request=request)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}


def error_for_response(response: httpx.Response) -> APIStatusError:
    """The typed error for a 4xx/5xx response (the body must already be read)."""
    status = response.status_code
    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else APIStatusError
    return cls(response=response)


def parse_retry_after(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date)."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


_CREDENTIAL_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


def _without_credentials(request: httpx.Request) -> httpx.Request:
    if not any(key.lower() in _CREDENTIAL_HEADERS for key in request.headers):
        return request
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in _CREDENTIAL_HEADERS]
    try:
        content = request.content
    except httpx.RequestNotRead:
        content = b""
    safe = httpx.Request(request.method, request.url, headers=headers, content=content)
    safe.extensions = request.extensions
    return safe


def _with_safe_request(response: httpx.Response) -> httpx.Response:
    """The same response, bound to a copy of its request without credentials."""
    try:
        request = response.request
    except RuntimeError:
        return response
    safe = _without_credentials(request)
    if safe is request:
        return response
    copy = httpx.Response(
        response.status_code,
        headers=[
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ],
        content=_read_body(response),
        request=safe,
        extensions=response.extensions,
    )
    return copy


def _safe_url(url: httpx.URL) -> str:
    # Userinfo is the only place a credential could sit in a URL this SDK builds.
    return str(url.copy_with(username=None, password=None)) if url.userinfo else str(url)


def _read_body(response: httpx.Response) -> bytes:
    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""


def _json_or_none(body: bytes) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _server_message(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    for key in ("message", "Message", "error_description", "error"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, list) and value:
            return "; ".join(str(v) for v in value)
    return None


def _field_errors(body: Any) -> dict[str, list[str]]:
    if not isinstance(body, dict):
        return {}
    errors = body.get("errors")
    if isinstance(errors, dict):
        return {str(k): [str(x) for x in v] if isinstance(v, list) else [str(v)] for k, v in errors.items()}
    message = body.get("message")
    if isinstance(message, list):
        return {"message": [str(m) for m in message]}
    return {}


def _preview(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    if len(text) > _BODY_PREVIEW:
        return text[:_BODY_PREVIEW] + f"... ({len(body)} bytes)"
    return text
