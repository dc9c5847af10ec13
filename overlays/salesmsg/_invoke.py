"""Call one generated operation and turn its outcome into a value or a typed error.

Every helper goes through `call` / `acall`, so status mapping, tolerant parsing and deprecation
warnings live in one place:

    from salesmsg_client.api.conversations import get_conversation
    conversation = call(sm.client, get_conversation, conversation=42)

Each generated endpoint module has `_get_kwargs(**arguments)` (the request) and
`_parse_response(client=, response=)` (the model). They are private to the generated package, but
this package pins the generator and its templates, and `tests/sdk/test_invoke.py` checks that all
47 modules keep both. Calling them, rather than `sync_detailed`, keeps the httpx response in hand
when parsing fails, so `ResponseParseError` can carry the status, headers and raw body.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from types import ModuleType
from typing import Any

import httpx
from salesmsg_client.client import AuthenticatedClient

from ._auth_failure import is_auth_failure
from .errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    ResponseParseError,
    error_for_response,
)

__all__ = ["acall", "call", "operation_name", "parse_response", "send_error"]


def operation_name(endpoint: ModuleType) -> str:
    """`salesmsg_client.api.messages.send_message` -> `send_message`."""
    return endpoint.__name__.rsplit(".", 1)[-1]


def call(client: AuthenticatedClient, endpoint: ModuleType, /, **arguments: Any) -> Any:
    """Send the operation synchronously; return the parsed model or raise a `SalesmsgError`."""
    request_kwargs = _request_kwargs(endpoint, arguments)
    try:
        response = client.get_httpx_client().request(**request_kwargs)
    except httpx.TransportError as exc:
        raise send_error(exc) from exc
    return parse_response(client, endpoint, response)


async def acall(client: AuthenticatedClient, endpoint: ModuleType, /, **arguments: Any) -> Any:
    """Send the operation on the async client; return the parsed model or raise a `SalesmsgError`."""
    request_kwargs = _request_kwargs(endpoint, arguments)
    try:
        response = await client.get_async_httpx_client().request(**request_kwargs)
    except httpx.TransportError as exc:
        raise send_error(exc) from exc
    return parse_response(client, endpoint, response)


# POSTs that only read: the transport may retry them like a GET.
_READ_ONLY_POSTS = frozenset({"list_contacts"})


def _request_kwargs(endpoint: ModuleType, arguments: dict[str, Any]) -> dict[str, Any]:
    _warn_if_deprecated(endpoint)
    request_kwargs: dict[str, Any] = endpoint._get_kwargs(**arguments)
    if operation_name(endpoint) in _READ_ONLY_POSTS:
        request_kwargs["extensions"] = {"salesmsg_idempotent": True}
    return request_kwargs


def send_error(exc: httpx.TransportError) -> APIConnectionError:
    """The SDK error for an httpx transport failure (the token is in headers, never in the message)."""
    request = _request_of(exc)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{request.method} {request.url.path}: timed out ({exc})", request=request)
    return APIConnectionError(
        f"{request.method} {request.url.path}: {exc or type(exc).__name__}", request=request
    )


def parse_response(client: AuthenticatedClient, endpoint: ModuleType, response: httpx.Response) -> Any:
    """The model for a 2xx answer; a typed error for anything else or for a body that does not parse."""
    status = response.status_code
    if not 200 <= status < 300:
        if is_auth_failure(response):
            # 403 "Could not decode token" and the authorizer's 500 are credential failures too.
            raise AuthenticationError(response=response)
        raise error_for_response(response)
    if status == 204 or (not response.content and _declares_empty(endpoint, status)):
        return None
    try:
        parsed = endpoint._parse_response(client=client, response=response)
    except json.JSONDecodeError as exc:
        raise ResponseParseError(f"the body is not JSON ({exc.msg})", response=response) from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResponseParseError(
            f"the body does not match the document ({type(exc).__name__}: {exc})", response=response
        ) from exc
    if parsed is None:
        raise ResponseParseError(f"status {status} is not documented for this operation", response=response)
    return parsed


def _declares_empty(endpoint: ModuleType, status: int) -> bool:
    return str(status) in _operations().get(operation_name(endpoint), {}).get("empty", ())


def _warn_if_deprecated(endpoint: ModuleType) -> None:
    info = _operations().get(operation_name(endpoint))
    if info and info["deprecated"]:
        warnings.warn(
            f"{info['method']} {info['path']} ({info['operation_id']}) is deprecated by Salesmsg; "
            f"{info['instead']}",
            DeprecationWarning,
            stacklevel=4,
        )


_INSTEAD = {
    "listContactsLegacy": "use sm.contacts.iter() (POST /contacts/list) instead.",
}


@functools.cache
def _operations() -> dict[str, dict[str, Any]]:
    """Facts per endpoint module, read once from the patched document shipped in salesmsg_client."""
    document = json.loads(_packaged_document())
    facts: dict[str, dict[str, Any]] = {}
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            operation_id = operation["operationId"]
            empty = [
                code for code, answer in operation.get("responses", {}).items() if "content" not in answer
            ]
            facts[_module_name(operation_id)] = {
                "operation_id": operation_id,
                "method": method.upper(),
                "path": path,
                "deprecated": bool(operation.get("deprecated")),
                "instead": _INSTEAD.get(operation_id, "see the Salesmsg API documentation."),
                "empty": empty,
            }
    return facts


def _packaged_document() -> str:
    # Through the package's own loader, as pkgutil.get_data does (a zip import works too):
    # importlib.resources would add ~4 ms of imports (zipfile, its readers) to the first call.
    package = sys.modules["salesmsg_client"]  # imported with salesmsg_client.client above
    loader: Any = getattr(package.__spec__, "loader", None)
    if package.__file__ is not None and hasattr(loader, "get_data"):
        path = os.path.join(os.path.dirname(package.__file__), "openapi.json")
        return bytes(loader.get_data(path)).decode("utf-8")
    from importlib import resources  # any other kind of loader

    return resources.files("salesmsg_client").joinpath("openapi.json").read_text(encoding="utf-8")


def _module_name(operation_id: str) -> str:
    # The generator's snake_case for operationIds made of ASCII words (see scripts/oaspipe/naming.py).
    out = []
    for i, ch in enumerate(operation_id):
        if ch.isupper() and i and (not operation_id[i - 1].isupper()):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def _request_of(exc: httpx.TransportError) -> httpx.Request:
    try:
        return exc.request
    except RuntimeError:  # raised before a request existed
        return httpx.Request("GET", "http://unknown")
