"""Conversations and messages: filters, dates, cursors, and "send, then list, and see it"."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg


def ids(response: httpx.Response) -> list[int]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()]


@pytest.mark.parametrize(
    ("status_filter", "expected"),
    [
        ("open", [5003, 5001, 5004]),  # latest activity first
        ("closed", [5002]),
        ("unread", [5003]),
        ("assigned", [5001, 5004]),
        ("unassigned", [5003]),
        ("outbound", [5002]),
        ("optout", []),
        ("mentions", []),
        ("something-new", []),  # the document accepts any string
    ],
)
def test_list_conversations_by_filter(api: httpx.Client, status_filter: str, expected: list[int]) -> None:
    assert ids(api.get("/conversations", params={"filter": status_filter, "limit": 10})) == expected


def test_list_conversations_limit_offset_query_and_dates(api: httpx.Client) -> None:
    assert ids(api.get("/conversations", params={"filter": "open", "limit": 1, "offset": 1})) == [5001]
    assert ids(api.get("/conversations", params={"filter": "open", "limit": 10, "query": "wei"})) == [5004]
    today = date.today()
    recent: dict[str, str | int] = {
        "filter": "open",
        "limit": 10,
        "after": str(today - timedelta(days=7)),
    }  # YYYY-MM-DD
    assert ids(api.get("/conversations", params=recent)) == [5003, 5001]
    old: dict[str, str | int] = {
        "filter": "open",
        "limit": 10,
        "before": f"{today - timedelta(days=7)}T00:00:00Z",
    }  # ISO datetime
    assert ids(api.get("/conversations", params=old)) == [5004]
    bad = api.get("/conversations", params={"filter": "open", "limit": 10, "after": "last week"})
    assert bad.status_code == 422 and "after" in bad.json()["errors"]


def test_close_sets_closed_at_open_clears_it_and_reassign_blank_unassigns(api: httpx.Client) -> None:
    closed = api.put("/conversations/5001/close").json()
    assert closed["closed_at"] and len(closed["closed_at"]) == len("YYYY-MM-DD HH:MM:SS")
    assert 5001 in ids(api.get("/conversations", params={"filter": "closed", "limit": 10}))
    assert api.put("/conversations/5001/open").json()["closed_at"] is None

    assigned = api.post("/conversations/5003/reassign", params={"user_id": 102}).json()
    assert assigned["owner"]["id"] == 102
    unassigned = api.post("/conversations/5003/reassign", params={"user_id": ""}).json()
    assert "owner" not in unassigned
    assert api.post("/conversations/5003/reassign", params={"user_id": 999}).status_code == 422


def test_start_conversation_returns_the_existing_one_or_a_new_one(api: httpx.Client) -> None:
    assert api.post("/conversations", params={"contact_id": 1001, "team_id": 11}).json()["id"] == 5001
    new = api.post("/conversations", params={"contact_id": 1001, "team_id": 12}).json()
    assert new["id"] not in (5001, 5002, 5003, 5004) and new["number"]["numberable"]["id"] == 12
    assert api.post("/conversations", params={"contact_id": 4242}).status_code == 422


def test_send_then_list_and_see_it_newest_first(fake: FakeSalesmsg, api: httpx.Client) -> None:
    sent = api.post("/messages/5001", params={"message": "Hello, my name is Den"}).json()
    assert (sent["status"], sent["conversation_id"], sent["body"]) == ("sent", 5001, "Hello, my name is Den")
    assert sent["sent_at"] == sent["created_at"] and sent["delivered_at"] == "" and sent["failed_at"] == ""

    listed = api.get("/messages/5001", params={"limit": 2}).json()
    assert [m["id"] for m in listed] == [sent["id"], listed[1]["id"]] and listed[1]["id"] < sent["id"]
    assert fake.counters.messages_created == 1
    record = fake.sent_messages[-1]
    assert (record.text, record.number, record.conversation_id, record.operation_id) == (
        "Hello, my name is Den",
        "+15555102001",
        5001,
        "sendMessage",
    )


def test_list_messages_before_id_cursor_returns_only_older_ids(api: httpx.Client) -> None:
    everything = ids(api.get("/messages/5001"))
    assert everything == sorted(everything, reverse=True) and len(everything) == 3
    older = ids(api.get("/messages/5001", params={"before_id": everything[0], "limit": 10}))
    assert older == everything[1:]
    assert ids(api.get("/messages/5001", params={"before_id": everything[-1]})) == []


def test_media_urls_repeat_one_key_and_scheduled_messages_are_queued(
    fake: FakeSalesmsg, api: httpx.Client
) -> None:
    media = ["https://example.com/a.png", "https://example.com/b.jpg"]
    sent = api.post("/messages/5003", params={"message": "Pics", "media_url[][url]": media}).json()
    assert [m["source"] for m in sent["media"]] == media
    assert [m["content_type"] for m in sent["media"]] == ["image/png", "image/jpeg"]
    assert fake.sent_messages[-1].media_urls == tuple(media)
    attachments = api.get("/attachments/recently").json()
    assert [a["source"] for a in attachments] == media[::-1]

    later = api.post("/messages/5003", params={"message": "Later", "send_at": "2099-01-01 09:00:00"}).json()
    assert (later["status"], later["send_at"], later["sent_at"]) == ("queued", "2099-01-01 09:00:00", "")
    scheduled = api.get(
        "/messages/5003/paginated", params={"page": 1, "per_page": 10, "only_scheduled": True}
    )
    assert [m["id"] for m in scheduled.json()["data"]] == [later["id"]]
    assert api.post("/messages/5003", params={"message": "x", "send_at": "soon"}).status_code == 422


def test_send_to_a_number_creates_the_contact_and_the_conversation(
    fake: FakeSalesmsg, api: httpx.Client
) -> None:
    first = api.post(
        "/messages", params={"number": "555-510-4444", "team_id": 12, "message": "Welcome"}
    ).json()
    contact = fake.contact(first["contact_id"])
    assert contact["number"] == "+15555104444"
    again = api.post("/messages", params={"number": "+15555104444", "team_id": 12, "message": "Again"}).json()
    assert again["conversation_id"] == first["conversation_id"]
    assert [m.text for m in fake.sent_messages] == ["Welcome", "Again"]
    unknown_team = api.post("/messages", params={"number": "+15555104444", "team_id": 99, "message": "x"})
    assert unknown_team.status_code == 422 and unknown_team.json()["errors"] == {
        "team_id": ["The selected team id is invalid."]
    }


def test_sending_to_an_opted_out_contact_is_refused(fake: FakeSalesmsg, api: httpx.Client) -> None:
    response = api.post("/messages", params={"number": "+15555102005", "team_id": 11, "message": "Hi"})
    assert response.status_code == 422
    assert fake.sent_messages == [] and fake.counters.messages_created == 0


def test_paginated_messages_follow_the_laravel_paginator(api: httpx.Client) -> None:
    page = api.get("/messages/5001/paginated", params={"page": 2, "per_page": 2}).json()
    assert page["meta"] == {"current_page": 2, "last_page": 2, "per_page": 2, "total": 3, "from": 3, "to": 3}
    assert len(page["data"]) == 1
    empty = api.get("/messages/5001/paginated", params={"page": 9, "per_page": 2}).json()
    assert empty["data"] == [] and "from" not in empty["meta"]
    too_big = api.get("/messages/5001/paginated", params={"page": 1, "per_page": 101})
    assert too_big.status_code == 422


def test_teams_numbers_members_and_the_caller(api: httpx.Client) -> None:
    assert ids(api.get("/teams")) == [11, 12]
    assert ids(api.get("/teams", params={"limit": 1})) == [11]
    numbers = api.get("/numbers").json()["data"]
    assert [(n["number"], n["numberable"]["id"]) for n in numbers] == [
        ("+15555100001", 11),
        ("+15555100002", 12),
    ]
    assert [n["id"] for n in api.get("/teams/12/numbers").json()["data"]] == [numbers[1]["id"]]
    assert api.get("/organization/members").json()[1] == {
        "id": 102,
        "full_name": "Bob Agent",
        "email": "bob@example.com",
        "role": "agent",
    }
    me = api.get("/user").json()
    assert (me["id"], me["inbox_id"], me["organization_id"]) == (101, 11, 1)
    assert api.get("/organization/current").json()["account_credits"] == 250.0
