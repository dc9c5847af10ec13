"""The one place that calls generated operations: status mapping and tolerant parsing."""

from __future__ import annotations

import importlib
import inspect
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from salesmsg import errors
from salesmsg._invoke import _operations, acall, call
from salesmsg_client.api.contacts import list_contact_conversations, list_contacts_legacy
from salesmsg_client.api.conversations import get_conversation
from salesmsg_client.api.tags import list_tags
from salesmsg_client.client import AuthenticatedClient

from tests.conftest import ROOT, LocalServer, Reply

API = ROOT / "generated" / "salesmsg_client" / "api"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
def client(server: LocalServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token="test-token", timeout=httpx.Timeout(2.0))


def endpoint_modules() -> list[str]:
    return sorted(
        f"salesmsg_client.api.{p.parent.name}.{p.stem}" for p in API.glob("*/*.py") if p.stem != "__init__"
    )


def test_every_generated_module_keeps_the_two_functions_the_sdk_calls() -> None:
    modules = endpoint_modules()
    assert len(modules) == 47
    for name in modules:
        module = importlib.import_module(name)
        assert list(inspect.signature(module._parse_response).parameters) == ["client", "response"], name
        assert callable(module._get_kwargs), name


def test_every_operation_of_the_document_maps_to_its_module() -> None:
    facts = _operations()
    document = json.loads((API.parent / "openapi.json").read_text())
    ids = {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }
    assert {f["operation_id"] for f in facts.values()} == ids
    assert {name.rsplit(".", 1)[1] for name in endpoint_modules()} == set(facts)


def test_a_good_answer_is_the_model(server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(
        200, {"id": 42, "closed_at": "", "contact": {"id": 1, "number": "+14155550100"}}
    )
    conversation = call(client, get_conversation, conversation=42)
    assert conversation.id == 42 and conversation.closed_at is None and conversation.contact.id == 1
    assert server.requests[0].path == "/conversations/42"


@pytest.mark.parametrize(
    ("body", "content_type", "why"),
    [
        (b"<!DOCTYPE html><html>Maintenance</html>", "text/html", "the body is not JSON"),
        (b'{"data": "oops"}', "application/json", "does not match the document"),
        (b'{"data": [1, 2]}', "application/json", "does not match the document"),
        (b"", "application/json", "the body is not JSON"),
    ],
)
def test_a_body_that_does_not_match_raises_with_everything_kept(
    body: bytes, content_type: str, why: str, server: LocalServer, client: AuthenticatedClient
) -> None:
    server.handler = lambda req: Reply(200, body, {"Content-Type": content_type, "X-Trace": "t-9"})
    with pytest.raises(errors.ResponseParseError, match=why) as caught:
        call(client, list_tags)
    exc = caught.value
    assert exc.status_code == 200 and exc.body == body and exc.headers["x-trace"] == "t-9"
    assert exc.method == "GET" and exc.url.endswith("/tags")


def test_an_undocumented_success_status_is_a_parse_error(
    server: LocalServer, client: AuthenticatedClient
) -> None:
    server.handler = lambda req: Reply(201, {"id": 1})
    with pytest.raises(errors.ResponseParseError, match="status 201 is not documented"):
        call(client, get_conversation, conversation=1)


def test_a_documented_empty_answer_is_none(server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(204, b"")
    assert call(client, list_contact_conversations, contact=3) is None


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (401, {"message": "Unauthorized", "auth_required": False}, errors.AuthenticationError),
        (
            403,
            {"message": "Could not decode token: bad segment", "auth_required": True},
            errors.AuthenticationError,
        ),
        (403, {"message": "This action is unauthorized."}, errors.PermissionDeniedError),
        (404, {"message": "Not Found"}, errors.NotFoundError),
        (422, {"message": "The given data was invalid.", "errors": {"x": ["bad"]}}, errors.ValidationError),
        (429, {"message": "Too Many Attempts."}, errors.RateLimitError),
        (500, {"message": None}, errors.AuthenticationError),
        (500, {"message": "Server Error"}, errors.ServerError),
        (502, "<!DOCTYPE html><h1>Bad gateway</h1>", errors.ServerError),
    ],
)
def test_error_statuses_raise_their_class(
    status: int,
    body: object,
    cls: type[errors.APIStatusError],
    server: LocalServer,
    client: AuthenticatedClient,
) -> None:
    server.handler = lambda req: Reply(status, body)
    with pytest.raises(errors.APIStatusError) as caught:
        call(client, get_conversation, conversation=1)
    assert type(caught.value) is cls and caught.value.status_code == status


def test_connection_refused_is_a_connection_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before use: nothing listens there
    client = AuthenticatedClient(base_url=f"http://127.0.0.1:{port}", token="t")
    with pytest.raises(errors.APIConnectionError) as caught:
        call(client, get_conversation, conversation=1)
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert caught.value.method == "GET" and "/conversations/1" in caught.value.url


def test_a_slow_server_is_a_timeout(server: LocalServer) -> None:
    def slow(req: object) -> Reply:
        time.sleep(0.5)
        return Reply(200, {})

    server.handler = slow
    client = AuthenticatedClient(base_url=server.url, token="t", timeout=httpx.Timeout(0.1))
    with pytest.raises(errors.APITimeoutError):
        call(client, get_conversation, conversation=1)


def test_async_call_maps_the_same_way(server: LocalServer, client: AuthenticatedClient) -> None:
    import asyncio

    server.handler = lambda req: Reply(404, {"message": "Not Found"})
    with pytest.raises(errors.NotFoundError):
        asyncio.run(acall(client, get_conversation, conversation=1))


def test_deprecated_operations_warn_and_name_the_replacement(
    server: LocalServer, client: AuthenticatedClient
) -> None:
    server.handler = lambda req: Reply(200, {"data": [], "meta": {"last_page": 1}})
    with pytest.warns(DeprecationWarning, match=r"GET /contacts \(listContactsLegacy\).*sm.contacts.iter"):
        call(client, list_contacts_legacy)


def test_no_generated_file_is_imported_by_import_salesmsg() -> None:
    import subprocess
    import sys

    code = "import sys, salesmsg; print(sorted(m for m in sys.modules if m.startswith('salesmsg')))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert "salesmsg_client.api" not in out.stdout and "salesmsg._client" not in out.stdout
