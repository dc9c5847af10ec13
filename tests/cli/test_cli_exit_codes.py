"""Every exit code of the CLI, each with its one line on stderr and no traceback."""

from __future__ import annotations

import signal
import socket
import subprocess
import time

import pytest
from salesmsg.testing import FakeSalesmsg

from tests.cli.runner import CLI, SALESMSG, Result


def one_error_line(result: Result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("salesmsg: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["conversations", "list", "--limit", "0"], "argument --limit: '0' must be 1 or more"),
        (["conversation", "list"], "invalid choice: 'conversation'"),
        (["conversations", "list", "--status", "opne"], "did you mean 'open'?"),
        (["messages", "send-to", "555-01", "Hi", "--team", "11"], "is not a valid phone number"),
        (["messages", "send", "5001", "Hi", "--media", "ftp://x/y.png"], "must be a public http(s) URL"),
        (["call", "listConversation"], "did you mean listConversations"),
        (["call", "getConversation", "conversation=abc"], "conversation='abc': expected an integer"),
        (["call", "refreshPersonalAccessToken"], "answers with tokens, which the CLI never prints"),
        (["messages", "send", "5001", "Hi", "--send-at", "tomorrow"], "is not an ISO 8601 date-time"),
    ],
)
def test_usage_errors_exit_2_and_send_nothing(
    cli: CLI, fake: FakeSalesmsg, args: list[str], says: str
) -> None:
    result = cli(*args)
    assert result.code == 2 and result.stdout == ""
    assert says in one_error_line(result)
    assert fake.counters.requests == 0


def test_auth_errors_exit_3(cli: CLI) -> None:
    garbage = cli("teams", "list", "--token", "not-a-real-token-at-all")
    assert garbage.code == 3
    assert "403 Forbidden: Could not decode token" in one_error_line(garbage)
    missing = cli("teams", "list", env={"SALESMSG_ACCESS_TOKEN": None})
    assert missing.code == 3 and "no token" in one_error_line(missing)


def test_api_errors_exit_4(cli: CLI, fake: FakeSalesmsg) -> None:
    not_found = cli("conversations", "get", "9")
    assert not_found.code == 4
    assert one_error_line(not_found).startswith(
        "salesmsg: error: GET /pub/v2.2/conversations/9 -> 404 Not Found"
    )

    fake.faults.html(1, status=200, operation="listTeams")
    unparseable = cli("teams", "list")
    assert unparseable.code == 4 and "unexpected answer" in one_error_line(unparseable)

    fake.faults.fail(1, status=503, operation="sendMessage")  # a POST is not retried on 5xx
    refused = cli("messages", "send", "5001", "Hi")
    assert refused.code == 4 and "-> 503 Service Unavailable" in one_error_line(refused)
    assert fake.sent_messages == []


def test_network_errors_exit_5(cli: CLI, fake: FakeSalesmsg) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = cli(
        "teams", "list", "--base-url", f"http://127.0.0.1:{closed_port}/pub/v2.2", "--max-retries", "0"
    )
    assert refused.code == 5
    assert "Connection refused" in one_error_line(refused) and f":{closed_port}" in refused.stderr

    fake.faults.slow(3, 2.0, operation="listTeams")
    slow = cli("teams", "list", "--timeout", "0.3", "--max-retries", "0")
    assert slow.code == 5 and "timed out" in one_error_line(slow)

    # The answer to a send is lost: the CLI does not send again, and says it is a network error.
    fake.faults.drop_after_processing(1, operation="sendMessage")
    lost = cli("messages", "send", "5001", "Did this go out?")
    assert lost.code == 5 and "network error" in one_error_line(lost)
    assert [m.text for m in fake.sent_messages] == ["Did this go out?"]


def test_ctrl_c_exits_130(cli: CLI, fake: FakeSalesmsg) -> None:
    fake.faults.slow(1, 10.0, operation="listTeams")
    process = subprocess.Popen(
        [str(SALESMSG), "teams", "list"],
        env=cli.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 10
    while fake.counters.requests == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=10)
    assert process.returncode == 130 and stdout == ""
    assert stderr == "salesmsg: interrupted\n"


def test_a_closed_stdout_exits_141_without_a_traceback(cli: CLI, fake: FakeSalesmsg) -> None:
    for _ in range(30):
        fake.add_conversation(contact_id=1001, team_id=11, created_at="-1d")
    process = subprocess.Popen(
        [str(SALESMSG), "--json", "conversations", "list", "--all"],
        env=cli.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: the reader is gone before the first line
    stderr = process.stderr.read()
    assert process.wait(timeout=30) == 141
    assert stderr == b""
