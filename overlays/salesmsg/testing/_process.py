"""`fake_server_process`: `python -m salesmsg.testing` as a subprocess, its two settings read back.

    >>> import httpx
    >>> with fake_server_process("--rate-limit", "0") as fake:
    ...     auth = {"Authorization": f"Bearer {fake.access_token}"}
    ...     httpx.get(f"{fake.base_url}/user", headers=auth).json()["id"]
    101

For when the server must run in its own interpreter, as a user runs it from a shell (a demo, or a
benchmark that must not share the server's GIL); in a test, `FakeSalesmsg` in-process is simpler.
This module imports only the standard library: the parent never loads the server itself.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

__all__ = ["FakeProcess", "fake_server_process"]

_SETTINGS = ("SALESMSG_BASE_URL", "SALESMSG_ACCESS_TOKEN")


class FakeProcess:
    """A running `python -m salesmsg.testing`: the settings it printed and its `subprocess.Popen`."""

    __slots__ = ("access_token", "base_url", "process")

    def __init__(self, base_url: str, access_token: str, process: subprocess.Popen[str]) -> None:
        self.base_url = base_url  # SALESMSG_BASE_URL, e.g. http://127.0.0.1:PORT/pub/v2.2
        self.access_token = access_token  # SALESMSG_ACCESS_TOKEN
        self.process = process

    def __repr__(self) -> str:
        return f"FakeProcess(base_url={self.base_url!r}, pid={self.process.pid})"


@contextmanager
def fake_server_process(
    *options: str, env: Mapping[str, str] | None = None, timeout: float = 30.0
) -> Iterator[FakeProcess]:
    """`sys.executable -m salesmsg.testing --port 0 --quiet *options`, stopped when the block ends.

    `options` are the command's own (`--rate-limit 0`, `--seed FILE`, `--no-validate-requests`...);
    `env` is the child's whole environment (as `subprocess.Popen(env=...)`; None: this one's).
    Waits up to `timeout` seconds for SALESMSG_BASE_URL=... and SALESMSG_ACCESS_TOKEN=... on its
    stdout: a server that exits first raises RuntimeError with its exit status (its stderr is this
    process's), one that prints nothing in time raises TimeoutError. On exit: SIGTERM, then a kill
    if it has not stopped within `timeout` seconds.
    """
    command = [sys.executable, "-m", "salesmsg.testing", "--port", "0", "--quiet", *options]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, env=None if env is None else dict(env)
    )
    settings: dict[str, str] = {}
    # A thread reads, so that the wait has a deadline (a blocked readline has none) on any platform.
    reader = threading.Thread(
        target=_read_settings, args=(process, settings), name="salesmsg-fake-settings", daemon=True
    )
    reader.start()
    try:
        reader.join(timeout)
        if reader.is_alive():
            raise TimeoutError(f"the fake Salesmsg server printed no settings within {timeout:g} s")
        if len(settings) < len(_SETTINGS):
            status = process.wait(timeout)  # its stdout is closed: it is exiting
            raise RuntimeError(
                f"the fake Salesmsg server exited with status {status} before printing its settings"
                f" ({' '.join(command[1:])})"
            )
        yield FakeProcess(settings["SALESMSG_BASE_URL"], settings["SALESMSG_ACCESS_TOKEN"], process)
    finally:
        _stop(process, timeout)
        reader.join(timeout)  # the pipe closed with the process: the reader has returned
        if process.stdout is not None:
            process.stdout.close()


def _read_settings(process: subprocess.Popen[str], settings: dict[str, str]) -> None:
    """Fills `settings` from the child's stdout until both are there or the stream ends."""
    assert process.stdout is not None
    with contextlib.suppress(OSError, ValueError):  # closed under it, after a timeout
        for line in process.stdout:
            key, _, value = line.strip().partition("=")
            if key in _SETTINGS:
                settings[key] = value
                if len(settings) == len(_SETTINGS):
                    return


def _stop(process: subprocess.Popen[str], timeout: float) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
