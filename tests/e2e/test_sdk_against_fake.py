"""The public SDK against the fake Salesmsg server: real HTTP on 127.0.0.1, nothing mocked."""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import salesmsg
from salesmsg import RateLimiter, RetryPolicy
from salesmsg.testing import FakeSalesmsg

FAST = RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.05, rate_limit_wait=0.3)


@pytest.fixture
def fake() -> Iterator[FakeSalesmsg]:
    with FakeSalesmsg(rate_limit=None) as server:
        yield server
    assert server.response_violations == []


def client(fake: FakeSalesmsg, token: str | None = None, **options: Any) -> salesmsg.Salesmsg:
    options.setdefault("retry", FAST)
    return salesmsg.Salesmsg(access_token=token or fake.access_token, base_url=fake.url, **options)


def aclient(fake: FakeSalesmsg, token: str | None = None, **options: Any) -> salesmsg.AsyncSalesmsg:
    options.setdefault("retry", FAST)
    return salesmsg.AsyncSalesmsg(access_token=token or fake.access_token, base_url=fake.url, **options)


# -- the walkthrough --------------------------------------------------------------------------------


def test_walkthrough_list_read_send_confirm(fake: FakeSalesmsg) -> None:
    today = datetime.date.today()
    with client(fake) as sm:
        assert sm.users.me().full_name == "Alice Owner"
        conversations = list(sm.conversations.iter("open", after=today - datetime.timedelta(days=30)))
        assert conversations and all(c.closed_at is None for c in conversations)
        conversation = conversations[0]
        before = sm.messages.list(conversation.id, limit=5)
        sent = sm.messages.send(conversation.id, "Hello, my name is Den")
        latest = sm.messages.list(conversation.id, limit=1)
    assert latest[0].id == sent.id and latest[0].body == "Hello, my name is Den"
    assert all(m.id != sent.id for m in before)
    assert fake.sent_messages[-1].text == "Hello, my name is Den"


def test_walkthrough_async(fake: FakeSalesmsg) -> None:
    async def main() -> tuple[int, int]:
        async with aclient(fake) as asm:
            conversations = [c async for c in asm.conversations.iter("open")]
            sent = await asm.messages.send(conversations[0].id, "Hi from asyncio")
            latest = await asm.messages.list(conversations[0].id, limit=1)
            return sent.id, latest[0].id

    sent_id, latest_id = asyncio.run(main())
    assert sent_id == latest_id


def test_contacts_tags_and_sending_to_a_number(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        team = sm.teams.list()[0]
        contact = sm.contacts.find_or_create("(415) 555-0199", first_name="Ada")
        assert contact.number == "+14155550199"
        assert sm.contacts.find_or_create("+1 415 555 0199").id == contact.id  # found, not created twice
        tag = sm.tags.create("gold-tier")
        sm.contacts.add_tag(contact.id, tag.id)
        assert [t.id for t in sm.contacts.get(contact.id).tags or []] == [tag.id]
        sm.contacts.remove_tag(contact.id, tag.id)
        assert sm.contacts.opt_out(contact.id).opt_out is True
        assert sm.contacts.opt_in(contact.id).opt_out is False
        message = sm.messages.send_to_number(
            "415.555.0199", "Your order shipped", team_id=team.id, media_urls=["https://example.com/a.png"]
        )
    assert message.conversation_id
    assert list(fake.sent_messages[-1].media_urls) == ["https://example.com/a.png"]
    assert sum(1 for c in fake.contacts() if c["number"] == "+14155550199") == 1


def test_bad_phone_numbers_never_reach_the_server(fake: FakeSalesmsg) -> None:
    with client(fake) as sm, pytest.raises(salesmsg.InvalidPhoneNumberError):
        sm.messages.send_to_number("call me maybe", "Hi", team_id=1)
    assert fake.counters.requests == 0


def test_conversation_state_changes(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        assert sm.conversations.close(conversation.id).closed_at is not None
        assert conversation.id in {c.id for c in sm.conversations.iter("closed")}
        assert sm.conversations.open(conversation.id).closed_at is None
        member = sm.users.members()[-1]
        assert sm.conversations.assign(conversation.id, member.id).owner.id == member.id  # type: ignore[union-attr]


# -- pagination on the fake ------------------------------------------------------------------------


def test_every_helper_iterator_walks_all_pages(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        for i in range(7):
            sm.messages.send(conversation.id, f"note {i}")
        for i in range(5):
            sm.tags.create(f"tag-{i}")
        all_open = {c.id for c in sm.conversations.list("open", limit=100)}
        assert {c.id for c in sm.conversations.iter("open", page_size=1)} == all_open
        messages = [m.id for m in sm.messages.iter(conversation.id, page_size=3)]
        assert messages == sorted(messages, reverse=True)
        assert len(messages) == len(fake.messages(conversation.id))
        assert len(list(sm.contacts.iter(page_size=2))) == len(fake.contacts())
        assert len(list(sm.tags.iter(page_size=2))) == len(fake.tags())
        paginated = list(
            salesmsg.paginate(
                sm.client, _endpoint("messages", "list_messages_paginated"), conversation=conversation.id
            )
        )
        assert sorted(m.id for m in paginated) == sorted(messages)


def _endpoint(area: str, name: str) -> Any:
    import importlib

    return importlib.import_module(f"salesmsg_client.api.{area}.{name}")


# -- never send an SMS twice -----------------------------------------------------------------------


def test_a_send_whose_answer_is_lost_is_not_retried(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        created = fake.counters.messages_created
        fake.faults.drop_after_processing(1, method="POST")
        with pytest.raises(salesmsg.APIConnectionError) as caught:
            sm.messages.send(conversation.id, "exactly once")
    assert caught.value.method == "POST"
    assert fake.counters.messages_created == created + 1  # processed once, and only once
    assert fake.counters.operations["sendMessage"] == 1
    with client(fake) as sm:  # what the caller does next: look before sending again
        found = sm.messages.find_sent(conversation.id, "exactly once")
        assert found is not None and found.id == fake.sent_messages[-1].message_id
        assert sm.messages.find_sent(conversation.id, "never sent") is None


def test_a_send_the_server_never_processed_is_not_retried_either(fake: FakeSalesmsg) -> None:
    # A dropped connection cannot tell "never processed" from "processed": only a refused connect can.
    with client(fake) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        fake.faults.drop_before_processing(1, method="POST")
        with pytest.raises(salesmsg.APIConnectionError):
            sm.messages.send(conversation.id, "maybe")
    assert fake.counters.messages_created == 0


def test_a_send_refused_with_429_is_retried_and_sent_once(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        fake.faults.fail(1, status=429, method="POST")
        sm.messages.send(conversation.id, "after the penalty")
    assert fake.counters.messages_created == 1 and fake.counters.operations["sendMessage"] == 2


def test_a_send_that_got_a_5xx_is_not_retried(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        fake.faults.fail(1, status=503, method="POST")
        with pytest.raises(salesmsg.ServerError):
            sm.messages.send(conversation.id, "once")
    assert fake.counters.operations["sendMessage"] == 1


def test_reads_are_retried_through_5xx_and_html_pages(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        fake.faults.fail(1, status=502, method="GET")
        fake.faults.html(1, method="GET")
        assert sm.teams.list()
    assert fake.counters.faults_fired == 2 and fake.counters.operations["listTeams"] == 3


# -- rate limits ------------------------------------------------------------------------------------


def test_the_client_limiter_keeps_under_the_server_limit() -> None:
    with FakeSalesmsg(rate_limit=5, rate_window=0.5, rate_penalty=0.3) as fake:
        limiter = RateLimiter(5, 0.5, margin=0.15)
        with client(fake, rate_limiter=limiter) as sm:
            for _ in range(12):
                sm.teams.list()
        assert fake.counters.rate_limited == 0 and fake.counters.operations["listTeams"] == 12


def test_a_429_without_retry_after_waits_the_penalty_then_succeeds() -> None:
    with FakeSalesmsg(rate_limit=3, rate_window=10.0, rate_penalty=0.2) as fake:
        with client(fake, requests_per_minute=None) as sm:
            for _ in range(4):
                sm.teams.list()
        assert fake.counters.rate_limited >= 1


def test_rate_limit_error_when_the_penalty_outlasts_the_retries() -> None:
    policy = RetryPolicy(max_retries=1, rate_limit_wait=0.01)
    with (
        FakeSalesmsg(rate_limit=1, rate_window=10.0, rate_penalty=5.0) as fake,
        client(fake, requests_per_minute=None, retry=policy) as sm,
    ):
        sm.teams.list()
        with pytest.raises(salesmsg.RateLimitError) as caught:
            sm.teams.list()
    assert caught.value.status_code == 429 and caught.value.retry_after is None
    assert b"Too Many Attempts." in caught.value.body


# -- errors -----------------------------------------------------------------------------------------


def test_every_error_class_from_the_fake(fake: FakeSalesmsg, tmp_path: Path) -> None:
    with client(fake) as sm:
        with pytest.raises(salesmsg.NotFoundError):
            sm.conversations.get(999999)
        existing = fake.contacts()[0]
        with pytest.raises(salesmsg.ValidationError) as duplicate:
            sm.contacts.create(existing["number"])
        assert duplicate.value.contact_id == existing["id"]
        fake.faults.html(1, status=200, method="GET")
        with pytest.raises(salesmsg.ResponseParseError) as parse:
            sm.teams.list()
        assert parse.value.status_code == 200 and parse.value.body.startswith(b"<!DOCTYPE html>")
        fake.faults.fail(3, status=503, method="GET")
        with pytest.raises(salesmsg.ServerError):
            sm.teams.list()
    with client(fake, token="not-a-token") as bad, pytest.raises(salesmsg.TokenRefreshError):
        bad.teams.list()  # 403 "Could not decode token" -> one refresh attempt -> refused
    dead = fake.issue_pat()
    fake.revoke(dead)
    with client(fake, token=dead) as revoked, pytest.raises(salesmsg.AuthenticationError):
        revoked.users.me()


def test_timeouts_and_refused_connections(fake: FakeSalesmsg) -> None:
    with client(fake, timeout=0.2, retry=RetryPolicy(max_retries=0)) as sm:
        fake.faults.slow(1, 1.0, method="GET")
        with pytest.raises(salesmsg.APITimeoutError):
            sm.teams.list()
    with (
        salesmsg.Salesmsg(access_token="t", base_url="http://127.0.0.1:9", retry=FAST) as nowhere,
        pytest.raises(salesmsg.APIConnectionError),
    ):
        nowhere.teams.list()


# -- tokens -----------------------------------------------------------------------------------------


def test_refresh_before_expiry_rotates_and_persists(fake: FakeSalesmsg, tmp_path: Path) -> None:
    store = salesmsg.FileTokenStore(tmp_path / "tokens.json")
    token = fake.issue_pat(ttl=3600)
    soon = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=0.6)
    with client(fake, token=token, token_expires_at=soon, on_token_refresh=store) as sm:
        sm.teams.list()  # fresh enough: no refresh
        assert store.load() is None
        time.sleep(0.4)  # past the margin (half of a 0.6 s life), still before expiry
        sm.teams.list()
        saved = store.load()
        assert saved is not None and saved.access_token != token
        assert sm.tokens.access_token == saved.access_token
    assert fake.counters.pat_refreshes == 1 and fake.counters.auth_failures == 0
    with client(fake, token=token) as old, pytest.raises(salesmsg.AuthenticationError):
        old.teams.list()  # rotated away: the gateway's deny, and its refresh is refused too


def test_refresh_on_401_replays_the_request(fake: FakeSalesmsg, tmp_path: Path) -> None:
    token = fake.issue_pat()
    fake.expire_token(token)
    seen: list[salesmsg.Tokens] = []
    with client(fake, token=token, on_token_refresh=seen.append) as sm:
        assert sm.users.me().id
    assert len(seen) == 1 and fake.counters.pat_refreshes == 1
    assert fake.counters.statuses[401] == 1


def test_refresh_on_demand(fake: FakeSalesmsg) -> None:
    with client(fake) as sm:
        first = sm.tokens.access_token
        new = sm.refresh_token()
        assert new.access_token != first and new.expires_at is not None
        sm.teams.list()


def test_oauth2_refresh_rotates_the_refresh_token(fake: FakeSalesmsg, tmp_path: Path) -> None:
    fake.register_oauth_client("app", "app-secret")
    access, refresh = fake.issue_oauth_tokens("app")
    saved: list[salesmsg.Tokens] = []
    for encoding in ("json", "form"):
        credentials = salesmsg.OAuth2Credentials(
            client_id="app", client_secret="app-secret", refresh_token=refresh
        )
        with salesmsg.Salesmsg(
            oauth=credentials,
            base_url=fake.url,
            on_token_refresh=saved.append,
            oauth_body_encoding=encoding,  # type: ignore[arg-type]
        ) as sm:
            sm.teams.list()  # no access token yet: refreshed first
        refresh = saved[-1].refresh_token or ""
    assert fake.counters.oauth_refreshes == 2
    assert len({t.refresh_token for t in saved}) == 2 and access not in {t.access_token for t in saved}
    stale = salesmsg.OAuth2Credentials(client_id="app", client_secret="app-secret", refresh_token="used-up")
    with salesmsg.Salesmsg(oauth=stale, base_url=fake.url) as sm, pytest.raises(salesmsg.TokenRefreshError):
        sm.teams.list()


def test_fifty_threads_and_fifty_tasks_on_an_expired_token_refresh_once(fake: FakeSalesmsg) -> None:
    token = fake.issue_pat()
    fake.expire_token(token)
    sm = client(
        fake, token=token, requests_per_minute=None
    )  # 101 requests: the default 60/min would pace them
    # One TokenAuth shared by a sync and an async client.
    asm = salesmsg.AsyncSalesmsg(base_url=fake.url, auth=sm.auth, retry=FAST, requests_per_minute=None)
    failures: list[BaseException] = []
    barrier = threading.Barrier(51)

    def worker() -> None:
        try:
            barrier.wait()
            sm.teams.list()
        except BaseException as exc:
            failures.append(exc)

    async def tasks() -> None:
        barrier.wait()
        await asyncio.gather(*(asm.teams.list() for _ in range(50)))

    threads = [threading.Thread(target=worker) for _ in range(50)]
    for t in threads:
        t.start()
    asyncio.run(tasks())
    for t in threads:
        t.join(timeout=30)
    sm.close()
    assert failures == []
    assert fake.counters.pat_refreshes == 1
    assert fake.counters.operations["listTeams"] >= 100


# -- no token in logs ------------------------------------------------------------------------------


def test_no_token_in_any_log_record(
    fake: FakeSalesmsg, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    token = fake.issue_pat()
    fake.expire_token(token)
    tokens: list[str] = [token]
    with client(fake, token=token, on_token_refresh=lambda t: tokens.append(t.access_token)) as sm:
        conversation = sm.conversations.list("open", limit=1)[0]
        fake.faults.fail(1, status=503, method="GET")
        sm.messages.list(conversation.id)
        sm.messages.send(conversation.id, "secret-free logs")
        sm.refresh_token()
        with pytest.raises(salesmsg.NotFoundError) as caught:
            sm.conversations.get(424242)
    assert len(tokens) == 3
    text = "\n".join(r.getMessage() + repr(r.args) for r in caplog.records)
    text += str(caught.value) + repr(caught.value) + json.dumps(dict(caught.value.response.request.headers))
    assert "salesmsg" in text  # the SDK did log (waits, refreshes)
    for secret in tokens:
        assert secret not in text
