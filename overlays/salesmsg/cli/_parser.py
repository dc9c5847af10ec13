"""The command tree (argparse, standard library only). Building it imports nothing of the SDK.

Each leaf names its handler as "module:function" under `salesmsg.cli._commands`, imported only when
that command runs, so `salesmsg --help` stays fast. The options shared by every command are
accepted before the command and after it (`salesmsg --json teams list`, `salesmsg teams list --json`).
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from typing import Any, NoReturn

from ._exit import ExitCode
from ._values import WhenError, parse_when

__all__ = ["DEFAULTS", "apply_defaults", "build_parser"]

DESCRIPTION = """\
The Salesmsg business-SMS API from a terminal and from scripts, with the SDK's token refresh,
retries and rate limits behind every command.

  salesmsg conversations list --status open --since 30d
  salesmsg messages list 5001 --limit 5
  salesmsg messages send 5001 "Hello, my name is Den"
  salesmsg call listTags search=vip          # any API operation; see `salesmsg operations`
"""

EPILOG = """\
authentication (the first one set wins):
  --token TOKEN             visible to other users in `ps`: prefer the two below
  --token-file PATH         or SALESMSG_TOKEN_FILE: tokens saved by salesmsg.FileTokenStore
  SALESMSG_ACCESS_TOKEN     a Personal Access Token (Settings > Developer in Salesmsg)
  With a token file, a token rotated during any command is saved back to it atomically (mode
  0600). Without one the CLI never rotates a token (the old one would die, the new one be lost):
  `salesmsg auth refresh --token-file PATH` rotates and saves, e.g. from cron. OAuth2 token files
  also need SALESMSG_CLIENT_ID and SALESMSG_CLIENT_SECRET. Tokens are never printed.

environment:
  SALESMSG_BASE_URL         the API's base URL (default https://api.salesmessage.com/pub/v2.2)

exit codes:
  0 ok   1 unexpected error   2 usage (nothing sent)   3 auth (token missing or refused)
  4 API error (404, 422, 429, 5xx, unparseable answer)   5 network (no answer, timeout)
  130 interrupted   141 stdout closed early
"""

# Values of the shared options when given neither before nor after the command.
DEFAULTS: dict[str, Any] = {
    "json": False,
    "progress": None,  # None: on when stderr is a terminal
    "quiet": False,
    "verbose": 0,
    "debug": False,
    "token": None,
    "token_file": None,
    "base_url": None,
    "timeout": None,
    "max_retries": 2,
    "requests_per_minute": 60,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, like every other error of the CLI (argparse prints the usage too)."""
        self.exit(ExitCode.USAGE, f"salesmsg: error: {message} (see `{self.prog} --help`)\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        """The usage line without the options every command shares (they are listed below it)."""
        own = [action for action in actions if not any(s in _SHARED for s in action.option_strings)]
        super().add_usage(usage, own, groups, prefix)


class _Version(argparse.Action):
    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from salesmsg_client._source import API_VERSION

        from .. import __version__

        print(f"salesmsg {__version__} (Salesmsg API v{API_VERSION})")
        parser.exit()


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def non_negative_int(text: str) -> int:
    return 0 if text.strip() == "0" else positive_int(text)


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
    return value


def moment(text: str) -> datetime.datetime:
    """An ISO 8601 date-time (for scheduling a message)."""
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 date-time (2026-12-01T09:00:00)"
        ) from None


def when(text: str) -> Any:
    try:
        return parse_when(text)
    except WhenError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_SHARED: set[str] = set()  # the option strings of `_shared()`, filled when it builds them


def _shared() -> _Parser:
    """The options every command takes; SUPPRESS keeps a later position from resetting an earlier one."""
    shared = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
    output = shared.add_argument_group("output")
    output.add_argument("--json", action="store_true", help="JSON: one object per line for lists (for jq)")
    output.add_argument(
        "--progress",
        action="store_true",
        help="show paging progress on stderr (default: when stderr is a terminal)",
    )
    output.add_argument("--no-progress", dest="progress", action="store_false", help="never show it")
    output.add_argument("-q", "--quiet", action="store_true", help="no progress and no notes on stderr")
    output.add_argument(
        "-v", "--verbose", action="count", help="log retries, waits and refreshes on stderr (-vv: more)"
    )
    output.add_argument("--debug", action="store_true", help="a traceback with errors")
    auth = shared.add_argument_group("connection")
    auth.add_argument("--token", metavar="TOKEN", help="access token (shown in `ps`: prefer the env/file)")
    auth.add_argument("--token-file", metavar="PATH", help="token file (or SALESMSG_TOKEN_FILE)")
    auth.add_argument("--base-url", metavar="URL", help="API base URL (or SALESMSG_BASE_URL)")
    auth.add_argument("--timeout", type=seconds, metavar="S", help="seconds per attempt (30; 5 to connect)")
    auth.add_argument("--max-retries", type=non_negative_int, metavar="N", help="retries when safe (2)")
    auth.add_argument(
        "--requests-per-minute", type=non_negative_int, metavar="N", help="client pacing; 0 for none (60)"
    )
    _SHARED.update(
        s for action in shared._actions for s in action.option_strings if s not in ("-h", "--help")
    )
    return shared


Adder = Callable[..., argparse.ArgumentParser]


def build_parser() -> argparse.ArgumentParser:
    shared = _shared()
    parser = _Parser(
        prog="salesmsg",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_Formatter,
        parents=[shared],
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def group(name: str, help: str) -> Adder:
        sub = commands.add_parser(name, help=help, description=help, formatter_class=_Formatter)
        actions = sub.add_subparsers(dest="action", metavar="ACTION", required=True)

        def leaf(action: str, handler: str, help: str, **kwargs: Any) -> argparse.ArgumentParser:
            command = actions.add_parser(
                action, help=help, description=help, parents=[shared], formatter_class=_Formatter, **kwargs
            )
            command.set_defaults(handler=handler)
            return command

        return leaf

    _auth(group("auth", "check and rotate the token"))
    _conversations(group("conversations", "list and read conversations"))
    _messages(group("messages", "read and send messages"))
    _contacts(group("contacts", "find, create and tag contacts"))
    _teams(group("teams", "teams (inboxes): the ids messages are sent from"))

    operations = commands.add_parser(
        "operations",
        help="list every API operation, or describe one",
        description="Every operation of the API document this SDK was generated from (what `call` takes).",
        parents=[shared],
        formatter_class=_Formatter,
    )
    operations.add_argument("operation", nargs="?", metavar="OPERATION_ID", help="describe this one")
    operations.set_defaults(handler="call:operations")

    call = commands.add_parser(
        "call",
        help="call any API operation: salesmsg call OPERATION_ID key=value ...",
        description=CALL_DESCRIPTION,
        parents=[shared],
        formatter_class=_Formatter,
    )
    call.add_argument(
        "operation", metavar="OPERATION_ID", help="an operationId (listTags) or its module name"
    )
    call.add_argument("arguments", nargs="*", metavar="key=value", help="the operation's parameters")
    call.add_argument("--all", action="store_true", help="every page of a list operation")
    call.add_argument("--limit", type=positive_int, metavar="N", help="with --all: stop after N items")
    call.set_defaults(handler="call:call")
    return parser


CALL_DESCRIPTION = """\
Call any operation of the API by its operationId, with its parameters as key=value:

  salesmsg call getConversation conversation=5001
  salesmsg call listConversations filter=open limit=10 after=2026-11-01
  salesmsg call listContactsMessages contacts=1001 contacts=1002     # a list: repeat the key
  salesmsg call updateContact contact=1001 body='{"first_name": "Ada"}'
  salesmsg call listContacts body=@query.json --all                  # a JSON body from a file
  echo '{"search": "Ada"}' | salesmsg call listContacts body=-       # ... or from stdin

Values are converted to the parameter's type (integers, true/false, dates, enums); names are the
document's (`filter`, `media_url[][url]`) or the generated function's (`filter_`, `media_urlurl`).
`salesmsg operations OPERATION_ID` lists an operation's parameters.
"""


def _auth(leaf: Adder) -> None:
    leaf("status", "auth:status", "who the token acts for, its kind and expiry (never the token)")
    leaf(
        "refresh",
        "auth:refresh",
        "rotate the token now and save it to the token file (for cron: keeps a PAT alive)",
        epilog="Needs --token-file PATH or SALESMSG_TOKEN_FILE: the old token stops working. A missing "
        "file is created from --token or SALESMSG_ACCESS_TOKEN.",
    )


def _conversations(leaf: Adder) -> None:
    listing = leaf("list", "conversations:list_", "list conversations, newest activity first")
    listing.add_argument(
        "--status",
        default="open",
        metavar="STATUS",
        help="open (default), closed, unread, assigned, unassigned, pending, scheduled, draft, ...",
    )
    listing.add_argument(
        "--since", type=when, metavar="WHEN", help="activity since: YYYY-MM-DD, ISO time, 30d"
    )
    listing.add_argument("--until", type=when, metavar="WHEN", help="activity before (same forms)")
    listing.add_argument("--search", metavar="TEXT", help="only conversations matching TEXT")
    _paging(listing, default_limit=25)
    get = leaf("get", "conversations:get", "one conversation")
    get.add_argument("conversation", type=positive_int, metavar="CONVERSATION", help="conversation id")


def _messages(leaf: Adder) -> None:
    listing = leaf("list", "messages:list_", "a conversation's messages, newest first")
    listing.add_argument("conversation", type=positive_int, metavar="CONVERSATION", help="conversation id")
    _paging(listing, default_limit=20)
    send = leaf("send", "messages:send", "send a message into a conversation; prints the message")
    send.add_argument("conversation", type=positive_int, metavar="CONVERSATION", help="conversation id")
    _message_arguments(send)
    send_to = leaf("send-to", "messages:send_to", "send a message to a phone number from a team's inbox")
    send_to.add_argument("number", metavar="NUMBER", help="phone number (E.164: +14155550100)")
    _message_arguments(send_to)
    send_to.add_argument("--team", type=positive_int, required=True, metavar="ID", help="team (inbox) id")


def _message_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("text", metavar="TEXT", help="the message; - reads it from stdin")
    command.add_argument(
        "--media", action="append", default=[], metavar="URL", help="attach a public http(s) URL (repeatable)"
    )
    command.add_argument("--send-at", type=moment, metavar="TIME", help="schedule it (ISO 8601 date-time)")


def _contacts(leaf: Adder) -> None:
    find = leaf("find-or-create", "contacts:find_or_create", "the contact with this number, created if new")
    find.add_argument("number", metavar="NUMBER", help="phone number (E.164: +14155550100)")
    find.add_argument("--first-name", metavar="NAME", help="used only when the contact is created")
    find.add_argument("--last-name", metavar="NAME", help="used only when the contact is created")
    find.add_argument("--email", metavar="EMAIL", help="used only when the contact is created")
    get = leaf("get", "contacts:get", "one contact")
    get.add_argument("contact", type=positive_int, metavar="CONTACT", help="contact id")
    for action, handler, text in (
        ("tag", "contacts:tag", "add a tag to a contact"),
        ("untag", "contacts:untag", "remove a tag from a contact"),
    ):
        command = leaf(action, handler, text)
        command.add_argument("contact", type=positive_int, metavar="CONTACT", help="contact id")
        command.add_argument("tag", metavar="TAG", help="tag id or label")
        if action == "tag":
            command.add_argument("--create", action="store_true", help="create the tag if no label matches")


def _teams(leaf: Adder) -> None:
    listing = leaf("list", "teams:list_", "the teams (inboxes) you can send from")
    listing.add_argument("--limit", type=positive_int, metavar="N", help="at most N teams")


def _paging(command: argparse.ArgumentParser, *, default_limit: int) -> None:
    command.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=f"at most N items ({default_limit}; with --all: no limit)",
    )
    command.add_argument("--all", action="store_true", help="walk every page (progress on stderr)")
    command.set_defaults(default_limit=default_limit)


def apply_defaults(namespace: argparse.Namespace) -> argparse.Namespace:
    for key, value in DEFAULTS.items():
        if not hasattr(namespace, key):
            setattr(namespace, key, value)
    return namespace
