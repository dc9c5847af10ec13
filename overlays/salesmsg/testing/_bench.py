"""How many requests per second the fake serves: `python -m salesmsg.testing._bench`.

    $ python -m salesmsg.testing._bench --seconds 2 --runs 5
    validation  client  operation                       median req/s  runs
    on          httpx   GET /messages/{conversation}             ...  ...

The server runs as `python -m salesmsg.testing` in a subprocess (its own interpreter, as a user
runs it), without a rate limit, with validation of requests and responses on, then off. A client
here sends requests one after another over one keep-alive connection for `--seconds`, `--runs`
times per case: httpx (what an SDK user pays, client included) and a bare socket (what the server
alone costs). GET lists the 20 newest messages of a conversation (filled to 20 first); POST sends one.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import httpx

from salesmsg.testing._process import fake_server_process

CONVERSATION = 5001


@contextmanager
def served(validate: bool) -> Iterator[tuple[str, str]]:
    """(base URL, token) of a fake server in a subprocess, stopped on exit."""
    options = ["--rate-limit", "0"]
    if not validate:
        options += ["--no-validate-requests", "--no-validate-responses"]
    with fake_server_process(*options) as fake:
        yield fake.base_url, fake.access_token


def rate(send: Callable[[], int], seconds: float) -> float:
    """Requests per second of `send()` in a loop for `seconds` (each answer must be a 200)."""
    count, start = 0, time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        status = send()
        if status != 200:
            raise RuntimeError(f"answered {status}")
        count += 1
    return count / (time.perf_counter() - start)


class RawClient:
    """HTTP/1.1 over one socket and nothing else: sends a request, reads the status and the body."""

    def __init__(self, url: str, token: str) -> None:
        origin, _, base_path = url.removeprefix("http://").partition("/")
        host, _, port = origin.partition(":")
        self.prefix = f"/{base_path}"
        self.sock = socket.create_connection((host, int(port)))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")
        self.token = token

    def request(self, method: str, target: str) -> int:
        head = f"{method} {self.prefix}{target} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {self.token}"
        self.sock.sendall(f"{head}\r\nContent-Length: 0\r\n\r\n".encode())
        status, length = int(self.reader.readline().split()[1]), 0
        while (line := self.reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        self.reader.read(length)
        return status

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


GET_TARGET = f"/messages/{CONVERSATION}?limit=20"
POST_TARGET = f"/messages/{CONVERSATION}?message=Hi"
Case = tuple[str, Callable[[], int]]


def _cases(url: str, token: str, client_kind: str) -> tuple[list[Case], Callable[[], None]]:
    if client_kind == "raw":
        raw = RawClient(url, token)
        return [
            ("GET /messages/{conversation}", lambda: raw.request("GET", GET_TARGET)),
            ("POST /messages/{conversation}", lambda: raw.request("POST", POST_TARGET)),
        ], raw.close
    client = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"})
    return [
        ("GET /messages/{conversation}", lambda: client.get(GET_TARGET).status_code),
        ("POST /messages/{conversation}", lambda: client.post(POST_TARGET).status_code),
    ], client.close


def run(seconds: float, runs: int) -> list[tuple[str, str, str, float, list[float]]]:
    """(validation, client, operation, median, samples) per case; a fresh server per client."""
    results = []
    for validate in (True, False):
        for client_kind in ("httpx", "raw"):
            with served(validate) as (url, token):
                cases, close = _cases(url, token, client_kind)
                for _ in range(17):  # 3 seeded + 17: GET answers a full page of 20 messages
                    cases[1][1]()
                for name, send in cases:
                    rate(send, min(seconds, 0.5))  # warm up: connection, compiled validators
                    samples = [rate(send, seconds) for _ in range(runs)]
                    label = "on" if validate else "off"
                    results.append((label, client_kind, name, statistics.median(samples), samples))
                close()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m salesmsg.testing._bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one run (2)")
    parser.add_argument("--runs", type=int, default=5, help="runs per case; the median is reported (5)")
    args = parser.parse_args(argv)
    print(f"{'validation':<11} {'client':<7} {'operation':<31} {'median req/s':>12}  runs")
    for validate, client_kind, name, median, samples in run(args.seconds, args.runs):
        runs = " ".join(f"{sample:.0f}" for sample in samples)
        print(f"{validate:<11} {client_kind:<7} {name:<31} {median:>12.0f}  {runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
