"""`make demo`: the vendor's API walkthrough, done with the SDK against the fake Salesmsg server.

Starts `python -m salesmsg.testing --port 0` as a real subprocess, then, like the intro page's
Swagger walkthrough: lists the open conversations of the last 30 days, reads one conversation's
messages, sends "Hello, my name is Den", confirms it appears, and stops the server.

    .venv/bin/python scripts/demo.py
"""

from __future__ import annotations

import datetime
from typing import Any

import salesmsg
from salesmsg.testing import fake_server_process
from salesmsg_client.types import Unset

TEXT = "Hello, my name is Den"


def text(value: Any, default: str = "-") -> str:
    return default if value is None or isinstance(value, Unset) else str(value)


def walkthrough(sm: salesmsg.Salesmsg) -> None:
    me = sm.users.me()
    print(f"Signed in as {text(me.full_name)} <{text(me.email)}>\n")

    today = datetime.date.today()
    since = today - datetime.timedelta(days=30)
    print(f"1. Open conversations with activity from {since} to {today}")
    conversations = list(
        sm.conversations.iter("open", after=since, before=today + datetime.timedelta(days=1))
    )
    for c in conversations:
        contact = c.contact
        name = "" if isinstance(contact, Unset) else text(contact.full_name)
        number = "" if isinstance(contact, Unset) else text(contact.number)
        print(f"   #{c.id:<6} {name:<20} {number}")
    if not conversations:
        raise SystemExit("   none found: nothing to reply to")

    conversation = conversations[0]
    print(f"\n2. The latest messages of conversation #{conversation.id} (oldest first)")
    for m in reversed(sm.messages.list(conversation.id, limit=5)):
        print(f"   {text(m.created_at):<26} {text(m.status):<10} {text(m.body)}")

    print(f'\n3. Send "{TEXT}"')
    sent = sm.messages.send(conversation.id, TEXT)
    print(f"   message #{sent.id}, status {text(sent.status)}")

    latest = sm.messages.list(conversation.id, limit=1)
    appears = bool(latest) and latest[0].id == sent.id and latest[0].body == TEXT
    print(f"\n4. It {'appears' if appears else 'does NOT appear'} as the newest message of the conversation")
    if not appears:
        raise SystemExit(1)


def main() -> None:
    with fake_server_process() as fake:
        print(f"Fake Salesmsg API at {fake.base_url}\n")
        with salesmsg.Salesmsg(access_token=fake.access_token, base_url=fake.base_url) as sm:
            walkthrough(sm)
    print("\nFake server stopped.")


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, TimeoutError) as exc:  # the fake server did not start: say why, in one line
        raise SystemExit(f"demo: {exc}") from None
