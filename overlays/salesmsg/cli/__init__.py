"""`salesmsg`: the Salesmsg API from a terminal and from scripts (installed with the package).

    $ export SALESMSG_ACCESS_TOKEN=...              # or --token-file PATH / SALESMSG_TOKEN_FILE
    $ salesmsg conversations list --status open --since 30d
    $ salesmsg messages list 5001 --limit 5
    $ salesmsg messages send 5001 "Hello, my name is Den"
    $ salesmsg --json conversations list --all | jq .id
    $ salesmsg call listTags search=vip              # any operation; `salesmsg operations` lists them
    $ salesmsg auth refresh --token-file ~/.config/salesmsg/tokens.json    # cron: keep a PAT alive

Also `python -m salesmsg.cli`. Standard library argparse only; each command imports what it uses
when it runs, so `salesmsg --help` loads neither httpx nor a generated module. Exit codes are in
`salesmsg.cli._exit` and `salesmsg --help`; errors are one line on stderr, never with a token.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from ._exit import ExitCode, describe

__all__ = ["ExitCode", "main"]


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run one command; returns its exit code (the console script passes it to `sys.exit`)."""
    from ._parser import apply_defaults, build_parser

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)  # usage errors exit 2 here
    if extra and getattr(args, "handler", None) == "call:call" and not any(w.startswith("-") for w in extra):
        args.arguments += extra  # `call OP --json key=value`: argparse stops collecting at the option
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args = apply_defaults(args)
    _configure_logging(args.verbose, stderr)

    from ._context import Context

    context = Context(args, stdout=stdout, stderr=stderr, environ=os.environ if environ is None else environ)
    try:
        _handler(args.handler)(context)
        return ExitCode.OK
    except KeyboardInterrupt:
        context.progress.done()
        stderr.write("salesmsg: interrupted\n")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        _silence(stdout)
        return ExitCode.BROKEN_PIPE
    except Exception as exc:
        context.progress.done()
        code, line = context.explain(exc, *describe(exc))
        if args.debug:
            import traceback

            stderr.write(context.redact("".join(traceback.format_exception(exc))))
        line = " ".join(context.redact(line).split())  # one line, whatever a server put in it
        stderr.write(f"salesmsg: error: {line}\n")
        return code
    finally:
        try:
            context.close()
        except BrokenPipeError:
            _silence(stdout)


def _handler(name: str) -> Callable[..., None]:
    module, _, function = name.partition(":")
    handler: Callable[..., None] = getattr(
        importlib.import_module(f"{__name__}._commands.{module}"), function
    )
    return handler


def _configure_logging(verbose: int, stream: TextIO) -> None:
    """-v: the SDK's retries, waits and refreshes; -vv: DEBUG. Never httpx's own log: its request
    lines carry query strings, where Salesmsg takes phone numbers and message text."""
    if not verbose:
        return
    import logging

    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("salesmsg: %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("salesmsg")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)


def _silence(stdout: TextIO) -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
    except (OSError, ValueError):
        pass
