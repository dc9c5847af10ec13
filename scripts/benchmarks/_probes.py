"""Fresh-interpreter timing probes for the import benchmark, and the loopback servers they call.

    probe = Probe("import httpx", "import httpx")
    seconds, modules = probe.run()          # measured inside the child, interpreter start excluded
    probe.importtime()                      # {"httpx": 61.2, ...} ms, the child's top-level imports

    with fake_salesmsg() as (url, token): ...            # `python -m salesmsg.testing`, a subprocess
    with json_server({"id": 1, "name": "Ada"}) as url: ...   # any GET answers this JSON, a thread

Each probe is `sys.executable -c CODE`: this interpreter build, with the child's `time.perf_counter()`
around the statements only, and `len(sys.modules)` before and after. The child imports only `sys`
and `time` before the clock starts (both are loaded at start-up anyway).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from salesmsg.testing import fake_server_process

from ._gen import child_env

__all__ = ["Probe", "child_env", "fake_salesmsg", "json_server"]

_CODE = """\
import sys, time
_before = len(sys.modules)
_start = time.perf_counter()
{statements}
_elapsed = time.perf_counter() - _start
_modules = len(sys.modules) - _before
_split = globals().get("_split_at")
{check}
print("PROBE", _elapsed, _modules, -1.0 if _split is None else _split - _start)
"""


@dataclass(frozen=True)
class Probe:
    name: str
    statements: str  # the timed code
    check: str = ""  # run after the clock stops: proves the statements did what they claim
    env: dict[str, str] = field(default_factory=child_env)

    def code(self) -> str:
        return _CODE.format(statements=self.statements, check=self.check)

    def run(self) -> tuple[float, int, float | None]:
        """(seconds, modules loaded, seconds until `_split_at` if the statements set it) of one
        fresh interpreter: `_split_at = time.perf_counter()` in the statements marks a baseline
        measured in the same process (e.g. right after `import httpx`)."""
        proc = subprocess.run(
            [sys.executable, "-c", self.code()], env=self.env, capture_output=True, text=True, check=False
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("PROBE ")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(
                f"probe {self.name!r} failed ({proc.returncode}): {proc.stderr.strip()[-800:]}"
            )
        _, seconds, modules, split = lines[-1].split()
        return float(seconds), int(modules), None if float(split) < 0 else float(split)

    def importtime(self, top: int = 8) -> dict[str, float]:
        """The `top` slowest top-level imports of one run under `-X importtime`, in ms (cumulative)."""
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", self.code()],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        found: dict[str, float] = {}
        for line in proc.stderr.splitlines():
            parts = line.removeprefix("import time:").split("|")
            # Top-level imports have exactly one space before the name ("| name", not "|   name").
            if len(parts) != 3 or not parts[2].startswith(" ") or parts[2].startswith("  "):
                continue
            with contextlib.suppress(ValueError):  # the header line
                found[parts[2].strip()] = round(int(parts[1]) / 1000, 1)
        return dict(sorted(found.items(), key=lambda item: -item[1])[:top])


@contextmanager
def fake_salesmsg() -> Iterator[tuple[str, str]]:
    """`python -m salesmsg.testing` in a subprocess (its own GIL), validation and rate limit off."""
    options = ("--rate-limit", "0", "--no-validate-requests", "--no-validate-responses")
    with fake_server_process(*options, env=child_env()) as fake:
        yield fake.base_url, fake.access_token


@contextmanager
def json_server(body: Any) -> Iterator[str]:
    """A loopback HTTP server (a thread) answering every GET with `body` as JSON; yields its URL."""
    payload = json.dumps(body).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as two writes: without TCP_NODELAY, Nagle's algorithm and the
        # client's delayed ACK hold the body back ~40 ms, which is no cost of the client.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="bench-json-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
