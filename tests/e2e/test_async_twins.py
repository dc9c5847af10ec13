"""Every async helper mirrors its sync twin: same names and signatures, same results on the fake."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import pytest
import salesmsg
from salesmsg import resources
from salesmsg.testing import FakeSalesmsg

PAIRS = [
    (resources.Conversations, resources.AsyncConversations),
    (resources.Messages, resources.AsyncMessages),
    (resources.Contacts, resources.AsyncContacts),
    (resources.Tags, resources.AsyncTags),
    (resources.Teams, resources.AsyncTeams),
    (resources.Users, resources.AsyncUsers),
]


def public_methods(cls: type) -> dict[str, Any]:
    return {
        name: member for name, member in vars(cls).items() if callable(member) and not name.startswith("_")
    }


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_same_methods_and_parameters(sync_cls: type, async_cls: type) -> None:
    sync_methods, async_methods = public_methods(sync_cls), public_methods(async_cls)
    assert sorted(sync_methods) == sorted(async_methods)
    for name, method in sync_methods.items():
        twin = async_methods[name]
        assert inspect.signature(method).parameters == inspect.signature(twin).parameters, name
        # `iter` returns a pager on both sides; everything else is a coroutine on the async side.
        assert inspect.iscoroutinefunction(twin) == (name != "iter"), name


def test_client_surfaces_match() -> None:
    names = {"conversations", "messages", "contacts", "tags", "teams", "users", "refresh_token", "close"}
    for name in names:
        assert hasattr(salesmsg.Salesmsg, name) and hasattr(salesmsg.AsyncSalesmsg, name), name


@pytest.fixture
def fake() -> Iterator[FakeSalesmsg]:
    with FakeSalesmsg(rate_limit=None) as server:
        yield server
    assert server.response_violations == []


def test_every_async_helper_against_the_fake(fake: FakeSalesmsg) -> None:
    async def main() -> dict[str, Any]:
        out: dict[str, Any] = {}
        async with salesmsg.AsyncSalesmsg(access_token=fake.access_token, base_url=fake.url) as asm:
            out["me"] = (await asm.users.me()).id
            out["members"] = len(await asm.users.members())
            teams = await asm.teams.list()
            out["team"] = (await asm.teams.get(teams[0].id)).name
            out["numbers"] = len(await asm.teams.numbers(teams[0].id))
            contact = await asm.contacts.create("+1 415 555 0142", first_name="Grace")
            out["found"] = (await asm.contacts.find_or_create("(415) 555-0142")).id == contact.id
            out["updated"] = (await asm.contacts.update(contact.id, last_name="Hopper")).last_name
            out["got"] = (await asm.contacts.get(contact.id)).full_name
            out["searched"] = [c.id for c in await asm.contacts.search("Hopper")] == [contact.id]
            out["opted_out"] = (await asm.contacts.opt_out(contact.id)).opt_out
            out["opted_in"] = (await asm.contacts.opt_in(contact.id)).opt_out
            tag = await asm.tags.create("async-tag")
            await asm.contacts.add_tag(contact.id, tag.id)
            await asm.contacts.remove_tag(contact.id, tag.id)
            out["tags"] = tag.id in {t.id async for t in asm.tags.iter(page_size=2)}
            out["tag_page"] = tag.id in {t.id for t in await asm.tags.list(search="async")}
            out["contacts"] = len([c async for c in asm.contacts.iter(page_size=2)])
            conversation = await asm.conversations.start(contact.id, team_id=teams[0].id)
            out["conversation"] = (await asm.conversations.get(conversation.id)).id == conversation.id
            out["closed"] = (await asm.conversations.close(conversation.id)).closed_at is not None
            out["opened"] = (await asm.conversations.open(conversation.id)).closed_at is None
            out["assigned"] = (await asm.conversations.assign(conversation.id, out["me"])).id
            out["listed"] = conversation.id in {c.id for c in await asm.conversations.list("open", limit=100)}
            sent = await asm.messages.send(conversation.id, "from asyncio")
            by_number = await asm.messages.send_to_number("+14155550142", "again", team_id=teams[0].id)
            out["same_conversation"] = by_number.conversation_id == conversation.id
            out["messages"] = [m.id async for m in asm.messages.iter(conversation.id, page_size=1)]
            out["latest"] = (await asm.messages.list(conversation.id, limit=1))[0].id
            out["sent"] = sent.id
            out["deleted"] = isinstance(await asm.contacts.delete(contact.id), list)
        return out

    out = asyncio.run(main())
    assert out["found"] and out["searched"] and out["tags"] and out["tag_page"] and out["conversation"]
    assert out["updated"] == "Hopper" and out["got"] == "Grace Hopper"
    assert (out["opted_out"], out["opted_in"]) == (True, False)
    assert out["closed"] and out["opened"] and out["listed"] and out["deleted"] and out["same_conversation"]
    assert out["contacts"] == len(fake.contacts()) + 1  # counted before the delete
    assert len(out["messages"]) == 2 and out["latest"] == out["messages"][0]
    assert [m.text for m in fake.sent_messages] == ["from asyncio", "again"]
