"""Every operation of the document is served, in the envelope the document declares."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg
from salesmsg.testing._document import ApiDocument
from salesmsg.testing._operations import HANDLERS

JSON = dict[str, Any]


def bare_array(body: Any) -> bool:
    return isinstance(body, list)


def data_meta(body: Any) -> bool:
    return isinstance(body, dict) and isinstance(body["data"], list) and "last_page" in body["meta"]


def results(body: Any) -> bool:
    return isinstance(body, dict) and isinstance(body["results"], list)


def data_only(body: Any) -> bool:
    return isinstance(body, dict) and isinstance(body["data"], list)


def obj(body: Any) -> bool:
    return isinstance(body, dict) and "id" in body


def type_message(body: Any) -> bool:
    return isinstance(body, dict) and set(body) == {"type", "message"}


def any_object(body: Any) -> bool:
    return isinstance(body, dict)


def strings(body: Any) -> bool:
    return isinstance(body, list) and all(isinstance(item, str) for item in body)


# operationId, method, path, query, JSON body, envelope
CASES: list[tuple[str, str, str, dict[str, Any], Any, Any]] = [
    ("listTeams", "GET", "/teams", {"limit": 1}, None, bare_array),
    ("listAllTeams", "GET", "/teams/all", {}, None, bare_array),
    ("getTeam", "GET", "/teams/11", {}, None, obj),
    ("listTeamNumbers", "GET", "/teams/11/numbers", {}, None, data_only),
    ("getCurrentUser", "GET", "/user", {}, None, obj),
    ("getMe", "GET", "/users/me", {}, None, obj),
    ("listOrganizationMembers", "GET", "/organization/members", {}, None, bare_array),
    ("getCurrentOrganization", "GET", "/organization/current", {}, None, obj),
    ("createContact", "POST", "/contacts", {"number": "+15555109999", "first_name": "Ann"}, None, obj),
    ("updateContact", "PUT", "/contacts/1002", {}, {"first_name": "Johnny"}, obj),
    ("deleteContact", "DELETE", "/contacts/1004", {}, None, strings),
    ("getContact", "GET", "/contacts/1001", {}, None, obj),
    ("searchContacts", "GET", "/contacts/search", {"term": "jane"}, None, results),
    ("listContacts", "POST", "/contacts/list", {}, {"page": 1, "length": 2}, data_meta),
    ("listContactsLegacy", "GET", "/contacts", {"page": 1}, None, data_meta),
    ("optOutContact", "PUT", "/contacts/opt-out/1001", {}, None, obj),
    ("optInContact", "PUT", "/contacts/opt-in/1005", {}, None, obj),
    ("countContactFilters", "GET", "/contacts/filters/count", {}, None, any_object),
    ("listContactConversations", "GET", "/contacts/1001/conversations", {}, None, data_only),
    ("updateContactCustomFields", "PUT", "/contacts/1001/custom-fields", {}, [{"type": "text"}], any_object),
    ("listTags", "GET", "/tags", {"page": 1, "length": 10}, None, data_meta),
    ("createTag", "POST", "/tags", {"label": "new"}, None, obj),
    ("updateTag", "PUT", "/tags/302", {"label": "hot lead"}, None, obj),
    ("searchTags", "GET", "/tags/search", {"term": "v", "per_page": 5, "page": 1}, None, results),
    ("attachTagToContact", "PUT", "/tags/contact/1002/301", {}, None, type_message),
    ("detachTagFromContact", "DELETE", "/tags/contact/1001/301", {}, None, type_message),
    ("listConversations", "GET", "/conversations", {"filter": "open", "limit": 10}, None, bare_array),
    ("getConversation", "GET", "/conversations/5001", {}, None, obj),
    ("startConversation", "POST", "/conversations", {"contact_id": 1003, "team_id": 12}, None, obj),
    ("openConversation", "PUT", "/conversations/5002/open", {}, None, obj),
    ("closeConversation", "PUT", "/conversations/5001/close", {}, None, obj),
    ("reassignConversation", "POST", "/conversations/5001/reassign", {"user_id": 102}, None, obj),
    (
        "findConversationsByContacts",
        "GET",
        "/conversations/find-by-contacts",
        {},
        {"contacts": [1001]},
        data_only,
    ),
    ("searchConversations", "GET", "/conversations/search", {"term": "jane"}, None, data_meta),
    ("sendMessage", "POST", "/messages/5001", {"message": "Hi"}, None, obj),
    (
        "sendMessageToNumber",
        "POST",
        "/messages",
        {"number": "+15555103000", "team_id": 11, "message": "Hi"},
        None,
        obj,
    ),
    (
        "sendMessageAsync",
        "POST",
        "/async/messages",
        {},
        {"number": "+15555103001", "team_id": 11, "message": "Hi"},
        any_object,
    ),
    ("listMessages", "GET", "/messages/5001", {"limit": 2}, None, bare_array),
    ("listMessagesPaginated", "GET", "/messages/5001/paginated", {"page": 1, "per_page": 2}, None, data_meta),
    ("listContactsMessages", "GET", "/messages/contacts", {"contacts[]": [1001, 1002]}, None, bare_array),
    ("updateMessage", "PUT", "/messages/90001", {}, None, obj),
    ("listNumbers", "GET", "/numbers", {"page": 1, "limit": 10}, None, data_only),
    ("listBroadcasts", "GET", "/broadcasts", {"page": 1, "per_page": 10}, None, data_meta),
    ("listRecentAttachments", "GET", "/attachments/recently", {}, None, bare_array),
    ("refreshPersonalAccessToken", "POST", "/oauth/personal-token/refresh", {}, None, any_object),
]
OAUTH = {"requestOauthToken", "refreshOauthToken"}  # need a registered client: tests/testing/test_auth.py


def test_every_operation_of_the_document_has_a_handler_and_a_case_here() -> None:
    operations = set(ApiDocument.load().operations)
    assert len(operations) == 47
    assert set(HANDLERS) == operations
    assert {case[0] for case in CASES} | OAUTH == operations


@pytest.mark.parametrize(
    ("operation", "method", "path", "query", "body", "envelope"), CASES, ids=[c[0] for c in CASES]
)
def test_operation_answers_200_in_its_envelope(
    fake: FakeSalesmsg,
    api: httpx.Client,
    operation: str,
    method: str,
    path: str,
    query: dict[str, Any],
    body: Any,
    envelope: Any,
) -> None:
    response = api.request(method, path, params=query, json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert envelope(response.json())
    assert fake.requests[-1].operation_id == operation
    assert fake.counters.operations[operation] == 1
