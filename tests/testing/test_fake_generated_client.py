"""The generated client reads the fake's answers: vendor timestamps ("" when unset), envelopes, errors."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg
from salesmsg_client import AuthenticatedClient
from salesmsg_client.api.contacts import create_contact, list_contacts
from salesmsg_client.api.conversations import close_conversation, list_conversations
from salesmsg_client.api.messages import list_messages, send_message
from salesmsg_client.models import ContactListRequest, Conversation, Error, Message


@pytest.fixture
def client(fake: FakeSalesmsg) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=fake.url, token=fake.access_token, timeout=httpx.Timeout(10)) as sdk:
        yield sdk


def test_send_then_list_through_the_generated_client(fake: FakeSalesmsg, client: AuthenticatedClient) -> None:
    sent = send_message.sync(5001, client=client, message="Hi", media_urlurl=["https://example.com/a.png"])
    assert isinstance(sent, Message)
    assert sent.status == "sent" and isinstance(sent.created_at, datetime.datetime)
    assert sent.delivered_at is None  # "" on the wire, None in the model
    listed = list_messages.sync(5001, client=client, limit=1)
    assert isinstance(listed, list) and listed[0].id == sent.id
    assert fake.sent_messages[-1].media_urls == ("https://example.com/a.png",)


def test_list_and_close_conversations(client: AuthenticatedClient) -> None:
    since = datetime.date.today() - datetime.timedelta(days=7)
    open_ones = list_conversations.sync(client=client, filter_="open", limit=10, after=since)
    assert isinstance(open_ones, list) and [c.id for c in open_ones] == [5003, 5001]
    closed = close_conversation.sync(5001, client=client)
    assert isinstance(closed, Conversation) and isinstance(closed.closed_at, datetime.datetime)


def test_contacts_envelope_and_the_duplicate_error(client: AuthenticatedClient) -> None:
    page = list_contacts.sync(client=client, body=ContactListRequest(page=1, length=2))
    assert page is not None and not isinstance(page, Error)
    assert [c.id for c in page.data] == [1001, 1002] and page.meta.total == 5  # type: ignore[union-attr]
    duplicate = create_contact.sync(client=client, number="+15555102001")
    assert isinstance(duplicate, Error)
    assert duplicate.additional_properties["contact_id"] == 1001
