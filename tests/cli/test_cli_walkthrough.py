"""The vendor's walkthrough with the installed `salesmsg` command: list, read, send, confirm."""

from __future__ import annotations

from salesmsg.testing import FakeSalesmsg

from tests.cli.runner import CLI

TEXT = "Hello, my name is Den"


def test_walkthrough_end_to_end_in_json(cli: CLI, fake: FakeSalesmsg) -> None:
    listed = cli("--json", "conversations", "list", "--status", "open", "--since", "30d")
    assert listed.code == 0, listed.stderr
    conversations = listed.json_lines()
    assert [c["id"] for c in conversations] == [5003, 5001, 5004]  # open, active in the last 30 days
    assert all(c["closed_at"] is None for c in conversations)
    recent = cli("--json", "conversations", "list", "--since", "7d", "--until", "3h").json_lines()
    assert [c["id"] for c in recent] == [5001]  # 5003's last message is 2 hours old: after --until

    conversation = conversations[1]["id"]
    before = cli("messages", "list", str(conversation), "--limit", "5", "--json").json_lines()
    assert [m["conversation_id"] for m in before] == [conversation] * 3

    sent = cli("messages", "send", str(conversation), TEXT, "--json")
    assert sent.code == 0, sent.stderr
    (message,) = sent.json_lines()
    assert message["body"] == TEXT and message["status"] == "sent"

    (latest,) = cli("messages", "list", str(conversation), "--limit", "1", "--json").json_lines()
    assert latest["id"] == message["id"] and latest["id"] not in {m["id"] for m in before}
    assert [(m.text, m.conversation_id) for m in fake.sent_messages] == [(TEXT, conversation)]


def test_tables_for_people(cli: CLI) -> None:
    listed = cli("conversations", "list", "--since", "2000-01-01")
    header, *rows = listed.stdout.splitlines()
    assert header.split() == ["ID", "CONTACT", "NUMBER", "LAST", "MESSAGE", "AT", "LAST", "MESSAGE"]
    assert [row.split()[0] for row in rows] == ["5003", "5001", "5004"]
    assert "Jane Doe" in listed.stdout and "+15555102001" in listed.stdout

    messages = cli("messages", "list", "5001", "--limit", "2").stdout.splitlines()
    assert messages[0].split() == ["ID", "CREATED", "STATUS", "BODY"] and len(messages) == 3

    detail = cli("conversations", "get", "5001").stdout
    assert "contact          Jane Doe" in detail and "status           open" in detail

    teams = cli("teams", "list").stdout.splitlines()
    assert [line.split() for line in teams] == [["ID", "NAME"], ["11", "Sales"], ["12", "Support"]]


def test_send_to_a_number_find_or_create_and_tag(cli: CLI, fake: FakeSalesmsg) -> None:
    sent = cli("messages", "send-to", "(555) 510-2002", "Your order shipped", "--team", "12", "--json")
    assert sent.code == 0, sent.stderr
    assert fake.sent_messages[-1].text == "Your order shipped"

    found = cli("contacts", "find-or-create", "+1 555 510 2002", "--json").json_lines()
    created = cli("contacts", "find-or-create", "415-555-0100", "--first-name", "Ada", "--json").json_lines()
    assert found[0]["id"] == 1002
    assert created[0]["number"] == "+14155550100" and created[0]["first_name"] == "Ada"

    assert cli("contacts", "tag", "1002", "VIP").code == 0  # a label, any case
    assert cli("contacts", "tag", "1002", "brand-new", "--create", "--json").code == 0
    labels = {tag["label"] for tag in fake.contact(1002)["tags"]}
    assert {"vip", "brand-new"} <= labels
    assert cli("contacts", "untag", "1002", "vip").code == 0
    assert "vip" not in {tag["label"] for tag in fake.contact(1002)["tags"]}


def test_all_pages_with_progress_on_stderr_and_a_limit(cli: CLI, fake: FakeSalesmsg) -> None:
    for _ in range(57):
        fake.add_conversation(contact_id=1004, team_id=11, created_at="-1d")
    everything = cli("--json", "conversations", "list", "--all", "--progress")
    assert everything.code == 0, everything.stderr
    assert len(everything.json_lines()) == 60  # 57 + the seed's 3 open ones
    assert everything.stderr.splitlines() == ["page 1, 50 conversations…", "page 2, 60 conversations…"]

    limited = cli("conversations", "list", "--all", "--limit", "7", "--json", "--no-progress")
    assert len(limited.json_lines()) == 7 and limited.stderr == ""
    quiet = cli("conversations", "list", "--all", "--json", "--progress", "--quiet")
    assert len(quiet.json_lines()) == 60 and quiet.stderr == ""  # stderr is a pipe: no progress by default
    assert cli("conversations", "list", "--all", "--json").stderr == ""


def test_messages_from_stdin_with_media(cli: CLI, fake: FakeSalesmsg) -> None:
    sent = cli("messages", "send", "5001", "-", "--media", "https://example.com/a.png", input="From stdin\n")
    assert sent.code == 0, sent.stderr
    assert "media         https://example.com/a.png" in sent.stdout
    assert fake.sent_messages[-1].text == "From stdin"
    assert list(fake.sent_messages[-1].media_urls) == ["https://example.com/a.png"]
