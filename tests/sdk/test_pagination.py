"""Pagination on every style the API uses, against a loopback server that pages like the vendor."""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from salesmsg import pagination
from salesmsg_client.client import AuthenticatedClient

from tests.conftest import LocalServer, Recorded, Reply

ITEMS = [{"id": i, "label": f"t{i}", "body": f"m{i}", "name": f"n{i}"} for i in range(1, 24)]  # 23 items


def query(req: Recorded) -> dict[str, list[str]]:
    return parse_qs(urlsplit(req.path).query)


def q_int(req: Recorded, name: str, default: int) -> int:
    return int(query(req).get(name, [default])[0])


def laravel(page: int, size: int, items: list[dict[str, Any]] = ITEMS) -> dict[str, Any]:
    last = max(1, -(-len(items) // size))
    return {
        "data": items[(page - 1) * size : page * size],
        "meta": {"current_page": page, "last_page": last, "per_page": size, "total": len(items)},
    }


def by_page(
    size_param: str | None, envelope: Callable[[list[dict[str, Any]]], Any], fixed: int | None = None
):
    def handler(req: Recorded) -> Reply:
        page, size = q_int(req, "page", 1), fixed or q_int(req, size_param or "", 10)
        return Reply(200, envelope(ITEMS[(page - 1) * size : page * size]))

    return handler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
def client(server: LocalServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token="test-token")


def endpoint(name: str) -> Any:
    for area in (
        "tags",
        "contacts",
        "messages",
        "broadcasts",
        "numbers",
        "conversations",
        "teams",
        "organization",
    ):
        try:
            return importlib.import_module(f"salesmsg_client.api.{area}.{name}")
        except ModuleNotFoundError:
            continue
    raise LookupError(name)


def ids(items: list[Any]) -> list[int]:
    return [item["id"] if isinstance(item, dict) else item.id for item in items]


def test_page_length_with_laravel_meta(server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(200, laravel(q_int(req, "page", 1), q_int(req, "length", 15)))
    items = list(pagination.paginate(client, endpoint("list_tags"), page_size=10, search="t"))
    assert ids(items) == list(range(1, 24))
    assert [query(r)["page"] for r in server.requests] == [["1"], ["2"], ["3"]]
    assert all(query(r)["length"] == ["10"] and query(r)["search"] == ["t"] for r in server.requests)


def test_page_in_a_json_body(server: LocalServer, client: AuthenticatedClient) -> None:
    def handler(req: Recorded) -> Reply:
        body = json.loads(req.body)
        return Reply(200, laravel(body["page"], body["length"]))

    server.handler = handler
    from salesmsg_client.models.contact_list_request import ContactListRequest

    pages = list(
        pagination.Pager(
            client, endpoint("list_contacts"), {"body": ContactListRequest(search="x")}, page_size=10
        ).pages()
    )
    assert [len(p) for p in pages] == [10, 10, 3]
    assert [json.loads(r.body) for r in server.requests] == [
        {"page": n, "length": 10, "search": "x"} for n in (1, 2, 3)
    ]


def test_server_fixed_page_size_ignores_per_page(server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(200, laravel(q_int(req, "page", 1), 10))  # GET /contacts: 10 a page
    with pytest.warns(DeprecationWarning, match="GET /contacts"):
        items = list(pagination.paginate(client, endpoint("list_contacts_legacy")))
    assert len(items) == 23 and len(server.requests) == 3


@pytest.mark.parametrize("name", ["list_messages_paginated", "list_broadcasts"])
def test_page_per_page(name: str, server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(200, laravel(q_int(req, "page", 1), q_int(req, "per_page", 15)))
    extra = {"conversation": 5} if name == "list_messages_paginated" else {}
    items = list(pagination.paginate(client, endpoint(name), page_size=7, **extra))
    assert ids(items) == list(range(1, 24))
    assert len(server.requests) == 4


def test_results_envelope_without_totals_stops_on_a_short_page(
    server: LocalServer, client: AuthenticatedClient
) -> None:
    server.handler = by_page(
        "per_page", lambda rows: {"results": [{"tag_id": r["id"], "label": r["label"]} for r in rows]}
    )
    items = list(pagination.paginate(client, endpoint("search_tags"), term="t", page_size=10))
    assert [item.tag_id for item in items] == list(range(1, 24))
    assert len(server.requests) == 3


def test_exact_multiple_stops_on_the_empty_page(server: LocalServer, client: AuthenticatedClient) -> None:
    def twenty(req: Recorded) -> Reply:
        page, size = q_int(req, "page", 1), q_int(req, "limit", 10)
        return Reply(200, {"data": [{"id": i} for i in range(1, 21)][(page - 1) * size : page * size]})

    server.handler = twenty
    items = list(pagination.paginate(client, endpoint("list_numbers"), page_size=10))
    assert ids(items) == list(range(1, 21))
    assert [query(r)["page"] for r in server.requests] == [["1"], ["2"], ["3"]]


def test_limit_offset_bare_array(server: LocalServer, client: AuthenticatedClient) -> None:
    def handler(req: Recorded) -> Reply:
        offset, limit = q_int(req, "offset", 0), q_int(req, "limit", 25)
        return Reply(200, [{"id": r["id"]} for r in ITEMS[offset : offset + limit]])

    server.handler = handler
    items = list(pagination.paginate(client, endpoint("list_conversations"), filter_="open", page_size=10))
    assert ids(items) == list(range(1, 24))
    assert [query(r)["offset"] for r in server.requests] == [["0"], ["10"], ["20"]]
    assert all(query(r)["filter"] == ["open"] for r in server.requests)


@pytest.mark.parametrize(
    ("name", "cursor"), [("list_messages", "before_id"), ("list_contacts_messages", "before")]
)
def test_before_cursor_newest_first(
    name: str, cursor: str, server: LocalServer, client: AuthenticatedClient
) -> None:
    newest_first = sorted(ITEMS, key=lambda r: -r["id"])

    def handler(req: Recorded) -> Reply:
        before, limit = q_int(req, cursor, 10**9), q_int(req, "limit", 50)
        return Reply(200, [{"id": r["id"]} for r in newest_first if r["id"] < before][:limit])

    server.handler = handler
    extra: dict[str, Any] = {"conversation": 9} if name == "list_messages" else {"contacts": [1, 2]}
    items = list(pagination.paginate(client, endpoint(name), page_size=10, **extra))
    assert ids(items) == list(range(23, 0, -1))
    assert [query(r).get(cursor) for r in server.requests] == [None, ["14"], ["4"]]


def test_cursor_that_does_not_move_stops(server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(200, [{"id": i} for i in range(10, 0, -1)])  # ignores before_id
    items = list(pagination.paginate(client, endpoint("list_messages"), conversation=1, page_size=10))
    assert len(items) == 10 and len(server.requests) == 2


def test_server_that_ignores_the_page_parameter_does_not_loop(
    server: LocalServer, client: AuthenticatedClient
) -> None:
    server.handler = lambda req: Reply(200, {"results": [{"tag_id": i} for i in range(10)]})
    items = list(pagination.paginate(client, endpoint("search_tags"), term="x", page_size=10))
    assert len(items) == 10 and len(server.requests) == 2


@pytest.mark.parametrize(
    ("name", "body", "arguments"),
    [
        ("list_teams", [{"id": 1}, {"id": 2}], {}),
        ("list_organization_members", [{"id": 1}, {"id": 2}], {}),
        ("search_contacts", {"results": [{"id": 1}, {"id": 2}]}, {"term": "a"}),
        ("list_team_numbers", {"data": [{"id": 1}, {"id": 2}]}, {"team": 3}),
        ("list_team_numbers", [{"id": 1}, {"id": 2}], {"team": 3}),
    ],
)
def test_single_page_operations(
    name: str, body: Any, arguments: dict[str, Any], server: LocalServer, client: AuthenticatedClient
) -> None:
    server.handler = lambda req: Reply(200, body)
    assert ids(list(pagination.paginate(client, endpoint(name), **arguments))) == [1, 2]
    assert len(server.requests) == 1


def test_async_pager_walks_the_same_pages(server: LocalServer, client: AuthenticatedClient) -> None:
    server.handler = lambda req: Reply(200, laravel(q_int(req, "page", 1), q_int(req, "length", 15)))

    async def collect() -> list[int]:
        out = []
        async for tag in pagination.apaginate(client, endpoint("list_tags"), page_size=10):
            out.append(tag.id)
        return out

    assert asyncio.run(collect()) == list(range(1, 24))
    assert len(server.requests) == 3


def test_a_non_list_operation_is_refused(client: AuthenticatedClient) -> None:
    with pytest.raises(ValueError, match="get_team is not a list operation"):
        pagination.paginate(client, importlib.import_module("salesmsg_client.api.teams.get_team"), team=1)


def test_every_list_operation_of_the_document_has_a_style() -> None:
    from salesmsg._invoke import _operations

    listing = {
        name
        for name, facts in _operations().items()
        if facts["method"] == "GET" and name.startswith(("list_", "search_"))
    } | {"list_contacts"}
    assert listing == set(pagination.STYLES)
