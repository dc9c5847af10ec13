"""Seeding: the built-in demo account, a JSON file, a dict, and the add_* methods."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg, default_seed
from salesmsg.testing._timefmt import parse_time, utc_now

SEED = {
    "organization": {"name": "Seeded Org", "account_credits": 5},
    "users": [{"id": 7, "first_name": "Sue", "last_name": "Seed", "role": "owner"}],
    "teams": [{"id": 70, "name": "Only team", "number": "+15555170000", "member_ids": [7]}],
    "tags": [{"label": "seeded"}],
    "contacts": [{"id": 700, "number": "+15555170001", "first_name": "Cy", "tags": ["seeded"]}],
    "conversations": [
        {
            "id": 7000,
            "contact_id": 700,
            "team_id": 70,
            "created_at": "-5d",
            "messages": [
                {"body": "recent", "direction": "inbound", "created_at": "-5d"},
                {"body": "long ago", "direction": "outbound", "created_at": "2020-01-02T03:04:05+00:00"},
            ],
        }
    ],
    "broadcasts": [{"name": "Seeded blast"}],
    "oauth_clients": [{"client_id": "seeded", "client_secret": "s3cret"}],
}


def test_seed_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(SEED))
    with FakeSalesmsg(seed=path, rate_limit=None) as fake:
        auth = {"Authorization": f"Bearer {fake.access_token}"}
        assert httpx.get(f"{fake.url}/user", headers=auth).json()["full_name"] == "Sue Seed"
        assert httpx.get(f"{fake.url}/teams", headers=auth).json() == [{"id": 70, "name": "Only team"}]
        assert [t["label"] for t in fake.contact(700)["tags"]] == ["seeded"]
        messages = httpx.get(f"{fake.url}/messages/7000", headers=auth).json()
        assert [m["body"] for m in messages] == ["recent", "long ago"]  # newest first
        assert messages[1]["created_at"] == "2020-01-02 03:04:05"
        assert parse_time(messages[0]["created_at"]) < utc_now() - timedelta(days=4, hours=23)
        assert httpx.get(f"{fake.url}/organization/current", headers=auth).json()["name"] == "Seeded Org"
        token = httpx.post(
            f"{fake.url}/oauth/token",
            json={
                "grant_type": "authorization_code",
                "client_id": "seeded",
                "client_secret": "s3cret",
                "code": "x",
            },
        )
        assert token.json()["error"] == "invalid_grant"  # the client exists; the code does not
        assert fake.response_violations == []


def test_seed_from_a_dict_and_python_calls() -> None:
    with FakeSalesmsg(seed={}, rate_limit=None) as fake:
        assert [u["full_name"] for u in fake.users()] == ["Fake User"]  # tokens need a user
        team = fake.add_team(name="Inbox", number="+15555180000", member_ids=[fake.user_id])
        contact = fake.add_contact(number="+15555180001", first_name="Dee")
        conversation = fake.add_conversation(
            contact_id=contact["id"], team_id=team["id"], messages=[{"body": "hello", "direction": "inbound"}]
        )
        fake.add_message(conversation_id=conversation["id"], body="hi back")
        fake.add_tag(label="later")
        fake.add_broadcast(name="b")
        fake.add_number(number="+15555180002", team_id=team["id"])
        assert [m["body"] for m in fake.messages(conversation["id"])] == ["hi back", "hello"]
        assert fake.sent_messages == []  # history is not "sent"
        listed = httpx.get(
            f"{fake.url}/conversations",
            params={"filter": "open", "limit": 5},
            headers={"Authorization": f"Bearer {fake.access_token}"},
        ).json()
        assert [c["id"] for c in listed] == [conversation["id"]]
        assert [t["label"] for t in fake.tags()] == ["later"] and len(fake.teams()) == 1


def test_a_bad_seed_is_refused_with_where_it_went_wrong(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown seed section"):
        FakeSalesmsg(seed={"contact": []})
    with pytest.raises(ValueError, match=r"seed contacts\[0\]"):
        FakeSalesmsg(seed={"contacts": [{"number": "+15555190000", "nickname": "x"}]})
    with pytest.raises(ValueError, match=r"seed contacts\[1\].*already been taken"):
        FakeSalesmsg(seed={"contacts": [{"number": "+15555190000"}, {"number": "(555) 519-0000"}]})
    path = tmp_path / "list.json"
    path.write_text("[]")
    with pytest.raises(ValueError, match="one JSON object"):
        FakeSalesmsg(seed=path)


def test_the_default_seed_covers_the_demo() -> None:
    data = default_seed()
    assert len(data["teams"]) == 2 and all(team["number"] for team in data["teams"])
    assert {c.get("closed_at") is None for c in data["conversations"]} == {True, False}
    with FakeSalesmsg() as fake:
        created = [parse_time(c["contact"]["created_at"]) for c in fake.conversations()]
        assert max(created) - min(created) > timedelta(days=15)  # a date range to filter on
        assert fake.counters.requests == 0 and fake.response_violations == []


def test_url_and_token_need_a_started_fake() -> None:
    fake = FakeSalesmsg()
    with pytest.raises(RuntimeError):
        _ = fake.url
    with pytest.raises(RuntimeError):
        _ = fake.access_token
    fake.close()  # harmless before start
