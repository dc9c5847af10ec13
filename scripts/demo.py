"""`make demo`: the vendor's API walkthrough, done with the SDK against the fake Salesmsg server.

Starts `python -m salesmsg.testing --port 0` as a real subprocess, then, like the intro page's
Swagger walkthrough: lists the open conversations of the last 30 days, reads one conversation's
messages, sends "Hello, my name is Den", confirms it appears, and stops the server.

    .venv/bin/python scripts/demo.py
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import salesmsg
from salesmsg_client.types import Unset

TEXT = "Hello, my name is Den"


@contextmanager
def fake_server() -> Iterator[dict[str, str]]:
    """The fake server in a subprocess; yields the SALESMSG_* settings it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "salesmsg.testing", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        settings: dict[str, str] = {}
        deadline = time.monotonic() + 30
        assert process.stdout is not None
        while len(settings) < 2 and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                raise SystemExit(f"the fake server exited early (status {process.wait()})")
            key, _, value = line.strip().partition("=")
            if key in ("SALESMSG_BASE_URL", "SALESMSG_ACCESS_TOKEN"):
                settings[key] = value
        if len(settings) < 2:
            raise SystemExit("the fake server did not print its URL and token within 30 s")
        yield settings
    finally:
        process.terminate()
        process.wait(timeout=10)


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
    with fake_server() as settings:
        print(f"Fake Salesmsg API at {settings['SALESMSG_BASE_URL']}\n")
        with salesmsg.Salesmsg(
            access_token=settings["SALESMSG_ACCESS_TOKEN"], base_url=settings["SALESMSG_BASE_URL"]
        ) as sm:
            walkthrough(sm)
    print("\nFake server stopped.")


if __name__ == "__main__":
    main()
