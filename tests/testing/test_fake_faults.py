"""Injected faults: what the client sees, and what the server really did."""

from __future__ import annotations

import contextlib
import time

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg


def post_message(api: httpx.Client, text: str = "Hi") -> httpx.Response:
    return api.post("/messages/5001", params={"message": text})


@pytest.mark.parametrize("status", [500, 502, 503])
def test_fail_answers_a_5xx_with_a_json_body_without_processing(
    fake: FakeSalesmsg, api: httpx.Client, status: int
) -> None:
    fake.faults.fail(1, status=status)
    failed = post_message(api)
    assert failed.status_code == status
    assert failed.headers["content-type"] == "application/json" and "message" in failed.json()
    assert fake.sent_messages == []
    assert post_message(api).status_code == 200  # consumed
    assert fake.counters.faults_fired == 1


def test_fail_with_an_empty_body(fake: FakeSalesmsg, api: httpx.Client) -> None:
    fake.faults.fail(2, status=502, empty_body=True)
    assert [(r.status_code, r.content) for r in (post_message(api), post_message(api))] == [(502, b"")] * 2
    assert post_message(api).status_code == 200


@pytest.mark.parametrize("status", [502, 200])
def test_html_answers_an_error_page(fake: FakeSalesmsg, api: httpx.Client, status: int) -> None:
    fake.faults.html(status=status)
    page = api.get("/teams")
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        page.json()


def test_slow_answers_late_but_normally(fake: FakeSalesmsg, api: httpx.Client) -> None:
    fake.faults.slow(1, 0.3)
    start = time.perf_counter()
    assert post_message(api).status_code == 200
    assert time.perf_counter() - start >= 0.3
    assert len(fake.sent_messages) == 1
    with pytest.raises(httpx.ReadTimeout):
        fake.faults.slow(1, 0.5)
        api.get("/teams", timeout=0.1)


def test_drop_before_processing_closes_the_connection_and_does_nothing(
    fake: FakeSalesmsg, api: httpx.Client
) -> None:
    fake.faults.drop_before_processing()
    with pytest.raises(httpx.RemoteProtocolError, match="Server disconnected without sending a response"):
        post_message(api)
    assert fake.sent_messages == [] and fake.counters.messages_created == 0
    assert fake.requests[-1].status is None and fake.requests[-1].fault == "drop_before_processing"
    assert post_message(api).status_code == 200  # the client reconnects


def test_drop_after_processing_does_everything_then_closes_unanswered(
    fake: FakeSalesmsg, api: httpx.Client
) -> None:
    fake.faults.drop_after_processing()
    with pytest.raises(httpx.RemoteProtocolError, match="Server disconnected without sending a response"):
        post_message(api, "Did it go?")
    assert [m.text for m in fake.sent_messages] == ["Did it go?"]  # it did: a retry would send it twice
    assert fake.counters.messages_created == 1
    assert fake.messages(5001)[0]["body"] == "Did it go?"


def test_faults_are_scoped_and_consumed_in_order(fake: FakeSalesmsg, api: httpx.Client) -> None:
    fake.faults.fail(1, status=500, operation="sendMessage")
    fake.faults.fail(1, status=502, method="GET", path="/teams/all")
    fake.faults.fail(1, status=503, path="/messages/{conversation}")
    assert api.get("/teams").status_code == 200  # matches none of them
    assert api.get("/messages/5001").status_code == 503  # third: template and method-free
    assert api.get("/teams/all").status_code == 502
    assert post_message(api).status_code == 500
    assert fake.faults.pending() == []
    fake.faults.fail(3)
    fake.faults.clear()
    assert api.get("/teams").status_code == 200


def test_a_fault_needs_at_least_one_request(fake: FakeSalesmsg) -> None:
    with pytest.raises(ValueError):
        fake.faults.fail(0)


def test_counters_tell_what_the_server_really_did(fake: FakeSalesmsg, api: httpx.Client) -> None:
    fake.faults.drop_before_processing()
    fake.faults.drop_after_processing()
    for _ in range(3):
        with contextlib.suppress(httpx.RemoteProtocolError):
            post_message(api)
    api.get("/conversations")  # 422
    snapshot = fake.counters.snapshot()
    assert snapshot["requests"] == 4
    assert snapshot["operations"] == {"sendMessage": 3, "listConversations": 1}
    assert snapshot["messages_created"] == 2  # the dropped-after one and the normal one
    assert snapshot["faults_fired"] == 2
    assert snapshot["validation_rejections"] == 1
    assert snapshot["statuses"] == {200: 1, 422: 1}
    fake.counters.reset()
    assert fake.counters.requests == 0
