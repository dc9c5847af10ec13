"""`salesmsg operations` and `salesmsg call`: every generated operation, from the command line."""

from __future__ import annotations

import json
from importlib import resources

from salesmsg.testing import FakeSalesmsg

from tests.cli.runner import CLI


def document_operation_ids() -> set[str]:
    document = json.loads(resources.files("salesmsg_client").joinpath("openapi.json").read_text())
    return {
        operation["operationId"]
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def test_operations_lists_every_operation_of_the_packaged_document(cli: CLI) -> None:
    listed = cli("operations", "--json")
    assert listed.code == 0, listed.stderr
    rows = listed.json_lines()
    assert {row["operation_id"] for row in rows} == document_operation_ids()
    assert len(rows) == len(document_operation_ids()) == 47
    assert all(row["module"] and row["module"].startswith("salesmsg_client.api.") for row in rows)
    send = next(row for row in rows if row["operation_id"] == "sendMessage")
    assert (send["method"], send["path"]) == ("POST", "/messages/{conversation}")

    table = cli("operations").stdout.splitlines()
    assert table[0].split() == ["OPERATION", "METHOD", "PATH", "SUMMARY"] and len(table) == 48

    described = cli("operations", "list_conversations").stdout  # the module name works too
    assert described.startswith("listConversations: GET /conversations\n")
    assert "  filter   query  ConversationFilter: assigned|closed|" in described
    assert "  offset?  query  int" in described
    assert "salesmsg call listConversations filter=... limit=..." in described


def test_call_coerces_key_values_and_prints_the_result(cli: CLI, fake: FakeSalesmsg) -> None:
    got = cli("call", "getConversation", "--json", "conversation=5001")  # options anywhere
    assert got.code == 0, got.stderr
    assert got.json_lines()[0]["id"] == 5001

    closed = cli("call", "listConversations", "filter=closed", "limit=5", "after=2000-01-01")
    assert closed.code == 0, closed.stderr
    assert [line.split()[0] for line in closed.stdout.splitlines()] == ["ID", "5002"]

    messages = cli("call", "listContactsMessages", "contacts=1001", "contacts=1002", "limit=10", "--json")
    assert {m["contact_id"] for m in messages.json_lines()} == {1001, 1002}


def test_call_with_a_json_body_inline_from_a_file_and_from_stdin(cli: CLI, fake: FakeSalesmsg) -> None:
    inline = cli("call", "updateContact", "contact=1001", 'body={"first_name": "Ada"}', "--json")
    assert inline.code == 0, inline.stderr
    assert inline.json_lines()[0]["first_name"] == "Ada" and fake.contact(1001)["first_name"] == "Ada"

    (cli.folder / "body.json").write_text('{"last_name": "Lovelace"}')
    from_file = cli("call", "updateContact", "contact=1001", "body=@body.json")
    assert from_file.code == 0, from_file.stderr
    assert fake.contact(1001)["full_name"] == "Ada Lovelace"

    searched = cli("call", "listContacts", "body=-", "--json", input='{"search": "Lovelace"}')
    assert searched.code == 0, searched.stderr
    (page,) = searched.json_lines()
    assert [contact["id"] for contact in page["data"]] == [1001]


def test_call_all_pages_with_progress(cli: CLI, fake: FakeSalesmsg) -> None:
    tags = cli("call", "listTags", "--all", "--json", "--progress")
    assert tags.code == 0, tags.stderr
    assert [tag["label"] for tag in tags.json_lines()] == ["vip", "lead"]
    assert tags.stderr == "page 1, 2 items…\n"

    single = cli("call", "getTeam", "team=11", "--all")
    assert single.code == 2 and "getTeam is not a list operation" in single.stderr
