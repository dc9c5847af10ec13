"""`python -m salesmsg.testing`: serve the fake Salesmsg API until Ctrl-C or SIGTERM.

    $ python -m salesmsg.testing --port 8080
    SALESMSG_BASE_URL=http://127.0.0.1:8080/pub/v2.2
    SALESMSG_ACCESS_TOKEN=eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9....

The two lines on stdout are the settings the SDK reads from the environment; one line per request
goes to stderr (`--quiet` to stop it). Exit status 0 after a clean stop.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from salesmsg.testing._fake import FakeSalesmsg


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m salesmsg.testing", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default)")
    parser.add_argument("--seed", help="JSON seed file instead of the built-in demo account")
    parser.add_argument(
        "--rate-limit", type=int, default=60, help="requests per window, server-wide; 0 switches it off (60)"
    )
    parser.add_argument("--rate-window", type=float, default=60.0, help="window in seconds (60)")
    parser.add_argument("--rate-penalty", type=float, default=60.0, help="seconds of 429 once exceeded (60)")
    parser.add_argument("--retry-after", action="store_true", help="send Retry-After with 429")
    parser.add_argument("--token-ttl", type=float, default=3600.0, help="access token lifetime, s (3600)")
    parser.add_argument(
        "--no-validate-requests", action="store_true", help="do not refuse off-document requests"
    )
    parser.add_argument("--no-validate-responses", action="store_true", help="do not check answers")
    parser.add_argument("--quiet", action="store_true", help="no request log on stderr")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    fake = FakeSalesmsg(
        seed=args.seed,
        rate_limit=args.rate_limit or None,
        rate_window=args.rate_window,
        rate_penalty=args.rate_penalty,
        retry_after=args.retry_after,
        token_ttl=args.token_ttl,
        validate_requests=not args.no_validate_requests,
        validate_responses=not args.no_validate_responses,
        host=args.host,
        port=args.port,
        log=None if args.quiet else log,
    )
    with fake:
        print(f"SALESMSG_BASE_URL={fake.url}", flush=True)
        print(f"SALESMSG_ACCESS_TOKEN={fake.access_token}", flush=True)
        while not stop.wait(0.5):
            pass
        for violation in fake.response_violations:
            log(f"response violation: {violation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
