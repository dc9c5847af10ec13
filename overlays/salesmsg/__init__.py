"""salesmsg: the Python SDK for the Salesmsg (Salesmessage) business-SMS API.

    import salesmsg

    sm = salesmsg.Salesmsg(access_token="...")          # or SALESMSG_ACCESS_TOKEN
    for conversation in sm.conversations.iter("open"):
        for message in sm.messages.list(conversation.id, limit=5):
            print(message.body)
    sm.messages.send(conversation.id, "Hello, my name is Den")

The generated client lives in `salesmsg_client` (regenerated from the vendor's document; never
edited by hand); `sm.client` is its `AuthenticatedClient`, wired with this package's token refresh,
retries and rate limiter. Names are imported on first use, so `import salesmsg` stays cheap.

    >>> import salesmsg
    >>> salesmsg.API_VERSION
    '2.2'
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: typing (and the re, enum, functools it loads) would be
# most of the cost of `import salesmsg`. Type checkers treat this name as True all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesmsg_client._source import API_VERSION, DOCUMENT_SHA256, PATCHED_DOCUMENT_SHA256

    from ._client import AsyncSalesmsg, Salesmsg
    from ._phone import InvalidPhoneNumberError, to_e164
    from ._ratelimit import RateLimiter
    from ._transport import RetryPolicy
    from .auth import OAuth2Credentials, TokenAuth, Tokens
    from .errors import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ResponseParseError,
        SalesmsgError,
        ServerError,
        TokenRefreshError,
        ValidationError,
    )
    from .pagination import AsyncPager, Pager, apaginate, paginate
    from .token_store import FileTokenStore

__version__ = "0.1.0"

# Nothing is imported up front (not even httpx): the pytest plugin of salesmsg.testing imports this
# package in every test run of every project that installs it.
_LAZY = {
    "API_VERSION": "salesmsg_client._source",
    "DOCUMENT_SHA256": "salesmsg_client._source",
    "PATCHED_DOCUMENT_SHA256": "salesmsg_client._source",
    "Salesmsg": "._client",
    "AsyncSalesmsg": "._client",
    "OAuth2Credentials": ".auth",
    "TokenAuth": ".auth",
    "Tokens": ".auth",
    "FileTokenStore": ".token_store",
    "RetryPolicy": "._transport",
    "RateLimiter": "._ratelimit",
    "InvalidPhoneNumberError": "._phone",
    "to_e164": "._phone",
    "Pager": ".pagination",
    "AsyncPager": ".pagination",
    "paginate": ".pagination",
    "apaginate": ".pagination",
    **{
        name: ".errors"
        for name in (
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
        )
    },
}

__all__ = [
    "API_VERSION",
    "DOCUMENT_SHA256",
    "PATCHED_DOCUMENT_SHA256",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPager",
    "AsyncSalesmsg",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "FileTokenStore",
    "InvalidPhoneNumberError",
    "NotFoundError",
    "OAuth2Credentials",
    "Pager",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "ResponseParseError",
    "RetryPolicy",
    "Salesmsg",
    "SalesmsgError",
    "ServerError",
    "TokenAuth",
    "TokenRefreshError",
    "Tokens",
    "ValidationError",
    "__version__",
    "apaginate",
    "paginate",
    "to_e164",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'salesmsg' has no attribute {name!r}")
    # __import__, not importlib.import_module: that one bypasses the log of `python -X importtime`,
    # which would hide these modules (and their own cost) from import profiles.
    target = __name__ + module if module.startswith(".") else module
    value = getattr(__import__(target, fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
