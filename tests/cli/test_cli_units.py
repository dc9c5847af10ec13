"""The CLI's pure parts, in-process: argument coercion, tables, dates, the catalog, error lines, startup."""

from __future__ import annotations

import datetime
import doctest
import importlib
import io
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import salesmsg
from salesmsg.cli import _catalog, _coerce, _exit, _table, _values, main
from salesmsg.cli._coerce import coerce
from salesmsg.cli._exit import ExitCode, UsageError, describe
from salesmsg_client.api.contacts import list_contacts, update_contact
from salesmsg_client.api.conversations import list_conversations
from salesmsg_client.api.custom_fields import update_contact_custom_fields
from salesmsg_client.api.messages import list_contacts_messages, send_message
from salesmsg_client.models.contact_list_request import ContactListRequest
from salesmsg_client.models.conversation_filter import ConversationFilter


@pytest.mark.parametrize("module", [_values, _table, _coerce])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0 and result.attempted > 0


def catalog_parameters(operation_id: str) -> tuple[_catalog.Parameter, ...]:
    return _catalog.load_catalog().find(operation_id).parameters


# -- coercion ---------------------------------------------------------------------------------------


def test_values_take_the_types_of_the_generated_signature() -> None:
    documented = catalog_parameters("listConversations")
    arguments = coerce(
        list_conversations._get_kwargs,
        ["filter=unread", "limit=10", "offset=20", "before=2026-11-01", "after=2026-10-01T08:00:00+00:00"],
        documented=documented,
    )
    assert arguments == {
        "filter_": ConversationFilter.UNREAD,
        "limit": 10,
        "offset": 20,
        "before": datetime.date(2026, 11, 1),
        "after": datetime.datetime(2026, 10, 1, 8, tzinfo=datetime.UTC),
    }
    # The Python name works as well as the document's; an unknown enum value passes (open enums).
    assert coerce(list_conversations._get_kwargs, ["filter_=brand-new", "limit=1"])["filter_"] == "brand-new"


def test_lists_booleans_and_bracketed_names() -> None:
    documented = catalog_parameters("sendMessage")
    arguments = coerce(
        send_message._get_kwargs,
        [
            "conversation=5",
            "message=Hi",
            "media_url[][url]=https://a/1.png",
            "media_urlurl=https://a/2.png",
            "enable_quiet_hours=yes",
        ],
        documented=documented,
    )
    assert arguments["media_urlurl"] == ["https://a/1.png", "https://a/2.png"]
    assert arguments["enable_quiet_hours"] is True
    as_json = coerce(list_contacts_messages._get_kwargs, ["contacts=[1, 2]"], documented=())
    assert as_json == {"contacts": [1, 2]}


def test_bodies_from_json_a_file_or_stdin(tmp_path: Path) -> None:
    inline = coerce(list_contacts._get_kwargs, ['body={"search": "Ada", "length": 5}'])
    assert inline["body"] == ContactListRequest(search="Ada", length=5)
    (tmp_path / "body.json").write_text('{"first_name": "Ada"}')
    from_file = coerce(update_contact._get_kwargs, ["contact=1", f"body=@{tmp_path / 'body.json'}"])
    assert from_file["body"].first_name == "Ada"
    from_stdin = coerce(list_contacts._get_kwargs, ["body=-"], stdin=io.StringIO('{"search": "x"}'))
    assert from_stdin["body"].search == "x"
    items = coerce(update_contact_custom_fields._get_kwargs, ["contact=1", 'body=[{"id": 3, "value": "v"}]'])
    assert items["body"][0].to_dict() == {"id": 3, "value": "v"}


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (["limt=5", "filter=open"], "has no parameter 'limt': did you mean limit?"),
        (["limit=5"], "needs filter="),
        (["filter=open", "limit=five"], "limit='five': expected an integer"),
        (["filter=open", "limit=1", "limit=2"], "limit is given 2 times"),
        (["filter=open", "limit=1", "after=soon"], "after='soon': expected date"),
        (["filter"], "parameters are written key=value"),
    ],
)
def test_coercion_errors_name_the_parameter(words: list[str], says: str) -> None:
    with pytest.raises(UsageError, match=None) as error:
        coerce(list_conversations._get_kwargs, words, documented=catalog_parameters("listConversations"))
    assert says in str(error.value)


def test_json_body_errors() -> None:
    with pytest.raises(UsageError, match=r"body='\{\"search\": ': the value is not JSON"):
        coerce(list_contacts._get_kwargs, ['body={"search": '])
    with pytest.raises(UsageError, match="expected a JSON object for ContactListRequest"):
        coerce(list_contacts._get_kwargs, ["body=[1]"])
    with pytest.raises(UsageError, match="cannot read"):
        coerce(list_contacts._get_kwargs, ["body=@/nonexistent/body.json"])


# -- the catalog ------------------------------------------------------------------------------------


def test_call_refuses_exactly_the_sdk_token_endpoints() -> None:
    from salesmsg import auth
    from salesmsg.cli._commands import call

    paths = {auth.PERSONAL_TOKEN_REFRESH_PATH, auth.OAUTH_TOKEN_REFRESH_PATH, auth.OAUTH_TOKEN_PATH}
    assert paths == call._TOKEN_PATHS
    assert {op.path for op in _catalog.load_catalog() if op.tag == "Auth"} == paths


def test_the_catalog_maps_every_operation_to_an_importable_module() -> None:
    catalog = _catalog.load_catalog()
    for operation in catalog:
        assert operation.module is not None, operation.operation_id
        assert callable(importlib.import_module(operation.module)._get_kwargs)
    assert catalog.find("send_message").operation_id == "sendMessage"
    assert catalog.find("SENDMESSAGE").path == "/messages/{conversation}"
    with pytest.raises(UsageError, match="did you mean sendMessage"):
        catalog.find("sendMesage")


# -- rendering --------------------------------------------------------------------------------------


def test_tables_align_and_cut_the_flexible_column_to_the_width() -> None:
    rows: list[dict[str, object]] = [
        {"id": 1, "body": "x" * 80, "at": "2026-11-26T06:54:53.123456+00:00"},
        {"id": 22, "body": None},
    ]
    columns = [_table.Column("ID", "id"), _table.Column("AT", "at"), _table.Column("BODY", "body", flex=True)]
    lines = _table.render_table(rows, columns, width=60)
    assert lines[0] == "ID  AT                         BODY"
    assert lines[1].startswith("1   2026-11-26 06:54:53+00:00  xxx") and lines[1].endswith("…")
    assert len(lines[1]) == 60 and lines[2] == "22"


def test_cells() -> None:
    assert [
        _table.cell(v) for v in (None, True, False, ["a", 1], [{"id": 1}], {"name": "Sales", "id": 11})
    ] == [
        "",
        "yes",
        "no",
        "a, 1",
        "[1 items]",
        "Sales",
    ]
    assert _table.cell("two\nlines\tand  spaces") == "two lines and spaces"


def test_dates() -> None:
    today = datetime.date(2026, 11, 27)
    now = datetime.datetime(2026, 11, 27, 12, tzinfo=datetime.UTC)
    assert _values.parse_when("2w", today=today) == datetime.date(2026, 11, 13)
    assert _values.parse_when("12h", now=now) == datetime.datetime(2026, 11, 27, 0, tzinfo=datetime.UTC)
    with pytest.raises(_values.WhenError, match="30d, 12h or 2w"):
        _values.parse_when("last week")


# -- errors and exit codes --------------------------------------------------------------------------


def response(status: int, body: bytes, path: str = "/pub/v2.2/teams?secret=query") -> httpx.Response:
    request = httpx.Request("GET", f"https://api.example.com{path}")
    return httpx.Response(status, content=body, request=request, headers={"Content-Type": "application/json"})


def test_every_error_has_its_exit_code_and_one_line() -> None:
    request = httpx.Request("GET", "https://api.example.com/pub/v2.2/teams")
    cases = [
        (RuntimeError("boom"), ExitCode.UNEXPECTED),
        (UsageError("bad"), ExitCode.USAGE),
        (salesmsg.InvalidPhoneNumberError("12", "too short"), ExitCode.USAGE),
        (salesmsg.AuthenticationError(response=response(401, b'{"message": "Unauthorized"}')), ExitCode.AUTH),
        (salesmsg.PermissionDeniedError(response=response(403, b'{"message": "scope"}')), ExitCode.AUTH),
        (salesmsg.TokenRefreshError("refused", response=response(400, b"{}")), ExitCode.AUTH),
        (salesmsg.NotFoundError(response=response(404, b'{"message": "gone"}')), ExitCode.API),
        (salesmsg.ValidationError(response=response(422, b'{"errors": {"number": ["bad"]}}')), ExitCode.API),
        (salesmsg.RateLimitError(response=response(429, b"{}")), ExitCode.API),
        (salesmsg.ServerError(response=response(599, b"<html>\n</html>")), ExitCode.API),
        (
            salesmsg.ResponseParseError("the body is not JSON", response=response(200, b"<html>")),
            ExitCode.API,
        ),
        (salesmsg.APIConnectionError("GET /teams: refused", request=request), ExitCode.NETWORK),
        (salesmsg.APITimeoutError("GET /teams: timed out", request=request), ExitCode.NETWORK),
    ]
    for error, code in cases:
        got, line = describe(error)
        assert got == code, (error, line)
        assert "secret=query" not in line
    assert describe(cases[7][0])[1] == "GET /pub/v2.2/teams -> 422 Unprocessable Entity: number: bad"
    assert describe(cases[6][0])[1] == "GET /pub/v2.2/teams -> 404 Not Found: gone"
    assert "--debug" in describe(cases[0][0])[1]


def test_main_in_process_help_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as help_exit:
        main(["--help"])
    assert help_exit.value.code == 0 and "exit codes:" in capsys.readouterr().out
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as usage_exit:
        main(["teams", "list", "--limit", "x"], stdout=stdout, stderr=stderr)
    assert usage_exit.value.code == ExitCode.USAGE
    assert capsys.readouterr().err == (
        "salesmsg: error: argument --limit: 'x' is not a whole number (see `salesmsg teams list --help`)\n"
    )
    assert int(_exit.ExitCode.BROKEN_PIPE) == 141


def test_help_and_operations_load_neither_httpx_nor_a_generated_module() -> None:
    probe = (
        "import contextlib, io, sys\n"
        "from salesmsg.cli import main\n"
        "for argv in (['--help'], ['operations'], ['conversations', 'list', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "        main(argv)\n"
        "    loaded = sorted(m for m in sys.modules if m.startswith(('httpx', 'salesmsg_client', 'attrs')))\n"
        "    print(argv[0], loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["--help []", "operations []", "conversations []"]


def test_python_dash_m_salesmsg_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "salesmsg.cli", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out == f"salesmsg {salesmsg.__version__} (Salesmsg API v{salesmsg.API_VERSION})\n"
