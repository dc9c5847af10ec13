"""The committed generated client against a real HTTP server on 127.0.0.1.

These prove the overlays and templates on the wire: vendor quirks still sent as the vendor expects
(query-parameter writes, `media_url[][url]`, GET with a body) and real payload shapes parsed
without losing the response ("" timestamps, unknown enum values, null/array error messages,
status codes outside the IANA list).
"""

from __future__ import annotations

import datetime
import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from salesmsg_client import AuthenticatedClient
from salesmsg_client.api.conversations import find_conversations_by_contacts, list_conversations
from salesmsg_client.api.messages import list_messages, send_message, send_message_to_number
from salesmsg_client.api.numbers import list_numbers
from salesmsg_client.models import ConversationFilter, Error, Message, NumberList

from tests.conftest import LocalServer, Recorded, Reply

SENT_MESSAGE = {
    "id": 623127644,
    "conversation_id": 77,
    "body": "Hello, my name is Den",
    "status": "queued",
    "type": "sms",
    "created_at": "2024-05-01 10:00:00",
    "send_at": "",
    "sent_at": "",
    "failed_at": "",
    "failed_reason": None,
    "source_id": None,
    "media": [],
}


def client_for(server: LocalServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=f"{server.url}/pub/v2.2", token="tok", timeout=5.0)


def query_of(req: Recorded) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(req.path).query, keep_blank_values=True)


def test_send_message_sends_fields_as_query_parameters_with_repeated_media_keys(local_server: LocalServer) -> None:
    local_server.handler = lambda req: Reply(200, SENT_MESSAGE)
    result = send_message.sync(
        77,
        client=client_for(local_server),
        message="Hello, my name is Den",
        media_urlurl=["https://x.test/a.png", "https://x.test/b.png"],
    )
    (req,) = local_server.requests
    assert req.method == "POST"
    assert urlsplit(req.path).path == "/pub/v2.2/messages/77"
    assert query_of(req) == [
        ("message", "Hello, my name is Den"),
        ("media_url[][url]", "https://x.test/a.png"),
        ("media_url[][url]", "https://x.test/b.png"),
    ]
    assert req.body == b""
    assert req.headers["Authorization"] == "Bearer tok"
    assert isinstance(result, Message)
    assert result.id == 623127644


def test_empty_and_space_separated_timestamps_parse_leniently(local_server: LocalServer) -> None:
    local_server.handler = lambda req: Reply(200, SENT_MESSAGE)
    result = send_message_to_number.sync(
        client=client_for(local_server), number="+15555550123", team_id=3, message="hi"
    )
    assert isinstance(result, Message)
    assert result.created_at == datetime.datetime(2024, 5, 1, 10, 0, 0)
    assert result.send_at is None
    assert result.sent_at is None
    assert result.failed_reason is None
    assert result.source_id is None


def test_bare_array_of_messages_parses_each_item(local_server: LocalServer) -> None:
    later = dict(SENT_MESSAGE, id=2, created_at="2024-05-01T10:00:05Z", status="delivered")
    local_server.handler = lambda req: Reply(200, [SENT_MESSAGE, later])
    result = list_messages.sync(77, client=client_for(local_server), limit=2, before_id=10)
    assert isinstance(result, list)
    assert [m.id for m in result] == [623127644, 2]
    assert result[1].created_at == datetime.datetime(2024, 5, 1, 10, 0, 5, tzinfo=datetime.UTC)
    assert query_of(local_server.requests[0]) == [("limit", "2"), ("before_id", "10")]


def test_conversation_filter_accepts_known_extra_and_unknown_values(local_server: LocalServer) -> None:
    local_server.handler = lambda req: Reply(200, [{"id": 1}])
    client = client_for(local_server)
    list_conversations.sync(client=client, filter_=ConversationFilter.OPEN, limit=25)
    list_conversations.sync(client=client, filter_=ConversationFilter.PENDING, limit=25)
    list_conversations.sync(client=client, filter_="brand_new_status", limit=25, before=datetime.date(2024, 5, 1))
    filters = [dict(query_of(r))["filter"] for r in local_server.requests]
    assert filters == ["open", "pending", "brand_new_status"]
    assert dict(query_of(local_server.requests[2]))["before"] == "2024-05-01"


def test_unknown_enum_value_becomes_unknown_member_equal_to_the_raw_value() -> None:
    value = ConversationFilter("archived_by_robot")
    assert value == "archived_by_robot"
    assert value.name == "UNKNOWN"
    assert ConversationFilter("open") is ConversationFilter.OPEN
    with pytest.raises(ValueError):
        ConversationFilter(None)  # type: ignore[arg-type]


def test_get_with_a_request_body_sends_the_json_body(local_server: LocalServer) -> None:
    local_server.handler = lambda req: Reply(200, {"conversations": []})
    body = find_conversations_by_contacts.FindConversationsByContactsBody.from_dict({"contacts": [1, 2]})
    find_conversations_by_contacts.sync_detailed(client=client_for(local_server), body=body)
    (req,) = local_server.requests
    assert req.method == "GET"
    assert json.loads(req.body) == {"contacts": [1, 2]}
    assert req.headers["Content-Type"] == "application/json"


def test_numbers_response_without_a_vendor_schema_is_parsed(local_server: LocalServer) -> None:
    local_server.handler = lambda req: Reply(200, {"data": [{"id": 5, "numberable": {"id": 3}}]})
    result = list_numbers.sync(client=client_for(local_server), page=1, limit=100)
    assert isinstance(result, NumberList)
    assert result.data[0].id == 5


@pytest.mark.parametrize(
    ("message", "expected"),
    [(None, None), (["The number is invalid.", "Too long."], ["The number is invalid.", "Too long."]), ("x", "x")],
)
def test_error_message_may_be_null_a_list_or_a_string(
    local_server: LocalServer, message: object, expected: object
) -> None:
    local_server.handler = lambda req: Reply(422, {"message": message, "errors": {"number": ["invalid"]}})
    response = send_message.sync_detailed(77, client=client_for(local_server), message="hi")
    assert response.status_code == 422
    assert isinstance(response.parsed, Error)
    assert response.parsed.message == expected


@pytest.mark.parametrize("status", [520, 599])
def test_status_outside_the_iana_list_keeps_the_response(local_server: LocalServer, status: int) -> None:
    local_server.handler = lambda req: Reply(status, "<html>origin error</html>", {"Content-Type": "text/html"})
    response = list_messages.sync_detailed(77, client=client_for(local_server))
    assert response.status_code == status
    assert response.content == b"<html>origin error</html>"
    assert response.parsed is None
