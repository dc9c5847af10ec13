"""Exit codes, and the one line on stderr that says what went wrong.

| code | meaning |
|---|---|
| 0   | success |
| 1   | unexpected error (a bug: run again with --debug for the traceback) |
| 2   | usage: a bad option, argument, phone number, date, operation, parameter or JSON body, or |
|     | `auth refresh` without a token file; nothing was sent |
| 3   | auth: no token, token refused (401/403) and not refreshable (refresh refused, or no token |
|     | file to save a new one in), unusable token file |
| 4   | API: any other error answer (400, 404, 409, 422, 429, 5xx) or a body that does not parse |
| 5   | network: no answer (connection refused or dropped, DNS, TLS, timeout) |
| 130 | interrupted (Ctrl-C) |
| 141 | stdout was closed early (`salesmsg ... | head`), as for other Unix tools |

The SDK's errors are imported only once one is being described: `salesmsg --help` loads no httpx.
"""

from __future__ import annotations

import enum
import http
from typing import Any

__all__ = ["AuthProblem", "CLIError", "ExitCode", "UsageError", "describe"]


class ExitCode(enum.IntEnum):
    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    AUTH = 3
    API = 4
    NETWORK = 5
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class CLIError(Exception):
    """An error the CLI reports in one line, with its exit code."""

    code = ExitCode.UNEXPECTED


class UsageError(CLIError):
    """The command line asked for something impossible; nothing was sent."""

    code = ExitCode.USAGE


class AuthProblem(CLIError):
    """No usable credentials: no token, or a token file that cannot be used (before any request)."""

    code = ExitCode.AUTH


def describe(exc: BaseException) -> tuple[ExitCode, str]:
    """The exit code and the one-line message (without the "salesmsg: error: " prefix) for `exc`."""
    if isinstance(exc, CLIError):
        return exc.code, str(exc)
    from .._phone import InvalidPhoneNumberError  # no httpx in it

    if isinstance(exc, InvalidPhoneNumberError):
        return ExitCode.USAGE, str(exc)
    from .. import errors
    from ..token_store import TokenStoreError

    if isinstance(exc, TokenStoreError):
        return ExitCode.AUTH, str(exc)
    if isinstance(exc, errors.TokenRefreshError):
        return ExitCode.AUTH, exc.message
    if isinstance(exc, errors.AuthenticationError | errors.PermissionDeniedError):
        advice = (
            "the token was refused (expired, rotated away or revoked)"
            if isinstance(exc, errors.AuthenticationError)
            else "the token may lack the scope this needs"
        )
        return ExitCode.AUTH, f"{_status_line(exc)} ({advice})"
    if isinstance(exc, errors.APIStatusError):
        return ExitCode.API, _status_line(exc)
    if isinstance(exc, errors.ResponseParseError):
        reason = exc.message.partition(f"-> {exc.status_code}: ")[2].partition("; body: ")[0]
        preview = " ".join(exc.text.split())[:80]
        head = f"{exc.method} {exc.request.url.path} -> {exc.status_code}"
        return ExitCode.API, f"{head}: unexpected answer, {reason or 'not the documented shape'}" + (
            f"; body starts {preview!r}" if preview else ""
        )
    if isinstance(exc, errors.APIConnectionError):
        what = "timed out" if isinstance(exc, errors.APITimeoutError) else "network error"
        return ExitCode.NETWORK, f"{what}: {exc.message} (is the base URL {_origin(exc)} right?)"
    if isinstance(exc, errors.SalesmsgError):
        return ExitCode.UNEXPECTED, str(exc)
    return ExitCode.UNEXPECTED, f"{type(exc).__name__}: {exc} (run again with --debug for the traceback)"


def _status_line(exc: Any) -> str:
    """ "GET /pub/v2.2/conversations/9 -> 404 Not Found: No query results" (no query string: it
    may hold phone numbers and message text)."""
    status = exc.status_code
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    head = f"{exc.method} {exc.request.url.path} -> {status} {phrase}".rstrip()
    fields = getattr(exc, "errors", None)
    detail = exc.server_message or ("" if fields else " ".join(exc.text.split())[:200])
    if fields:
        listed = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in fields.items())
        if listed not in (detail or ""):
            detail = f"{detail} ({listed})" if detail else listed
    return f"{head}: {detail}" if detail else head


def _origin(exc: Any) -> str:
    url = exc.request.url
    return f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}"
