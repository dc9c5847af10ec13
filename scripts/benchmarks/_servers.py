"""Fake Salesmsg servers for the benchmarks, each in its own interpreter, remote-controlled.

    with fake_server(rate_limit=None) as fake:          # FakeSalesmsg(**options) in a subprocess
        sm = salesmsg.Salesmsg(access_token=fake.access_token, base_url=fake.url)
        fake.fill(CONVERSATION, 20)                     # 20 messages of history to list
        token = fake.issue_pat(); fake.expire_token(token)
        fake.counters()["rate_limited"]                 # the server's own counts (a dict)

Why a subprocess: the server must not share the benchmark's GIL, or its CPU time would show up as
client overhead (and a burst of server threads would delay the client's requests). Validation is
off by default, since a real server does not check the document on every request.

The child is this file run as a script: it starts `FakeSalesmsg(**options)`, prints one JSON line
(`url`, `access_token`) and then answers one JSON line per command read from stdin, until stdin
closes.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

__all__ = ["CONVERSATION", "FakeServer", "fake_server", "fake_servers"]

CONVERSATION = 5001  # a conversation of the built-in demo account

# What a benchmark may ask of the child: a small fixed set, not arbitrary method calls.
_COMMANDS = ("counters", "arrivals", "issue_pat", "expire_token", "fill")


class FakeServer:
    """The parent's handle on one fake in a subprocess (see `fake_server`)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process
        hello = self._read()
        self.url: str = hello["url"]
        self.access_token: str = hello["access_token"]

    def _read(self) -> dict[str, Any]:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"the fake server stopped (exit status {self._process.poll()})")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"fake server: {answer['error']}")
        return answer

    def _command(self, name: str, *args: Any) -> Any:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps([name, *args]) + "\n")
        self._process.stdin.flush()
        return self._read()["result"]

    def counters(self) -> dict[str, Any]:
        """`FakeSalesmsg.counters.snapshot()`: requests, rate_limited, pat_refreshes, operations..."""
        result: dict[str, Any] = self._command("counters")
        return result

    def arrivals(self) -> list[float]:
        """`time.monotonic()` of every request the rate limiter counted, in order (none without a limit).

        CLOCK_MONOTONIC is system-wide, so these compare with the parent's `time.monotonic()`.
        """
        result: list[float] = self._command("arrivals")
        return result

    def issue_pat(self) -> str:
        """A new personal access token of the first user."""
        token: str = self._command("issue_pat")
        return token

    def expire_token(self, token: str) -> None:
        """The next request with `token` answers 401 (an aged-out token)."""
        self._command("expire_token", token)

    def fill(self, conversation: int, count: int) -> None:
        """Adds `count` messages of history to `conversation` (with media on every third)."""
        self._command("fill", conversation, count)

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self._process.stdin is not None:
                self._process.stdin.close()  # EOF: the child stops its server and exits
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


@contextlib.contextmanager
def fake_server(
    *, validate: bool = False, rate_limit: int | None = None, **options: Any
) -> Iterator[FakeServer]:
    """A started `FakeSalesmsg(**options)` in a subprocess; stopped when the block ends.

    `options` are FakeSalesmsg's keyword arguments (JSON values): rate_window, rate_penalty,
    token_ttl, ... `validate` switches request and response validation on together.
    """
    with fake_servers(1, validate=validate, rate_limit=rate_limit, **options) as (server,):
        yield server


@contextlib.contextmanager
def fake_servers(
    count: int, *, validate: bool = False, rate_limit: int | None = None, **options: Any
) -> Iterator[list[FakeServer]]:
    """`count` independent fakes (as `fake_server`), started in parallel (~0.5 s for any count)."""
    settings = {"rate_limit": rate_limit, "validate_requests": validate, "validate_responses": validate}
    command = [sys.executable, __file__, json.dumps({**settings, **options})]
    processes = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    servers: list[FakeServer] = []
    try:
        for process in processes:
            servers.append(FakeServer(process))
        yield servers
    finally:
        for server in servers:
            server.close()
        for process in processes[len(servers) :]:
            if process.poll() is None:
                process.kill()
                process.wait()


# -- the child ----------------------------------------------------------------------------------


def _fill(fake: Any, conversation: int, count: int) -> None:
    for index in range(count):
        media = [f"https://cdn.example.com/bench/{index}.png"] if index % 3 == 0 else []
        fake.add_message(
            conversation_id=conversation,
            body=f"Benchmark message {index}: your order #{1000 + index} has shipped",
            direction="outbound" if index % 2 else "inbound",
            media_urls=media,
        )


def _record_arrivals(fake: Any) -> list[float]:
    """When each request reached the fake's rate limiter: what the limit is counted on."""
    arrivals: list[float] = []
    limiter = fake.rate_limiter
    if limiter is not None:
        admit = limiter.admit

        def recording_admit() -> float | None:
            arrivals.append(time.monotonic())
            remaining: float | None = admit()
            return remaining

        # The pipeline holds this very limiter: shadowing its method on the instance is enough.
        setattr(limiter, "admit", recording_admit)  # noqa: B010
    return arrivals


def _serve(settings: dict[str, Any]) -> None:
    from salesmsg.testing import FakeSalesmsg

    with FakeSalesmsg(**settings) as fake:
        arrivals = _record_arrivals(fake)
        print(json.dumps({"url": fake.url, "access_token": fake.access_token}), flush=True)
        for line in sys.stdin:
            name, *args = json.loads(line)
            try:
                if name not in _COMMANDS:
                    raise ValueError(f"unknown command {name!r}")
                result: Any = None
                if name == "counters":
                    result = fake.counters.snapshot()
                elif name == "arrivals":
                    result = list(arrivals)
                elif name == "issue_pat":
                    result = fake.issue_pat()
                elif name == "expire_token":
                    fake.expire_token(*args)
                elif name == "fill":
                    _fill(fake, *args)
                answer: dict[str, Any] = {"result": result}
            except Exception as exc:  # the parent raises it; the server keeps serving
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    _serve(json.loads(sys.argv[1]))
