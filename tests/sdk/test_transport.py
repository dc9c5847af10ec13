"""SalesmsgTransport through real httpx.Client / httpx.AsyncClient against real loopback servers.

Waits are recorded by an injected sleep on a fake clock (the limiter's clock), so a 60 s penalty
takes no time. Faults that http.server cannot produce (a connection dropped after the request
was read, a refused connection) come from `RawServer`, a small raw-socket server.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from salesmsg._ratelimit import RateLimiter
from salesmsg._transport import NEVER_SENT, RetryPolicy, SalesmsgTransport

from tests.conftest import LocalServer, Recorded, Reply

# -- helpers ---------------------------------------------------------------------------------------


class FakeClock:
    """The limiter's clock; the transport's sleep advances it and records every wait."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[float], None] = lambda _s: None

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.on_sleep(seconds)
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def make_transport(clock: FakeClock, **kwargs: object) -> SalesmsgTransport:
    kwargs.setdefault("limiter", RateLimiter(None, clock=clock))
    return SalesmsgTransport(
        sleep=clock.sleep,
        async_sleep=clock.asleep,
        random=lambda: 0.0,  # jitter factor 1.0: backoff is exactly 0.5, 1, 2 ...
        **kwargs,  # type: ignore[arg-type]
    )


def http_reply(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> bytes:
    head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Content-Type: text/plain"]
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


@dataclass
class RawRequest:
    connection: int
    method: str
    target: str
    body: bytes


@dataclass
class RawServer:
    """Reads each request off a raw socket, then sends `behaviour(n, request)` (1-based n) as the
    reply, or drops the connection when it returns None."""

    behaviour: Callable[[int, RawRequest], bytes | None]
    port: int = 0
    requests: list[RawRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", self.port))  # SO_REUSEADDR on POSIX
        self._sock.settimeout(0.05)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._connections += 1
                number = self._connections
            threading.Thread(target=self._serve, args=(conn, number), daemon=True).start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        conn.settimeout(5)
        buf = b""
        with conn:
            while True:
                while b"\r\n\r\n" not in buf:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buf += data
                head, _, buf = buf.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                length = 0
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                while len(buf) < length:
                    buf += conn.recv(65536)
                body, buf = buf[:length], buf[length:]
                method, target, _ = lines[0].split(" ", 2)
                request = RawRequest(number, method, target, body)
                with self._lock:
                    self.requests.append(request)
                    n = len(self.requests)
                reply = self.behaviour(n, request)
                if reply is None:
                    conn.shutdown(socket.SHUT_RDWR)  # the request was read; no answer comes
                    return
                conn.sendall(reply)

    def close(self) -> None:
        self._stop.set()
        self._sock.close()

    def __enter__(self) -> RawServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def free_port() -> int:
    """A port nobody listens on (bound and released, never listened: no TIME_WAIT)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def script(*replies: Reply) -> Callable[[Recorded], Reply]:
    """A LocalServer handler answering with `replies` in turn, then repeating the last."""
    answers = list(replies)

    def handler(_req: Recorded) -> Reply:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    return handler


@pytest.fixture(scope="module")
def shared_server() -> Iterator[LocalServer]:
    with LocalServer() as server:
        yield server


@pytest.fixture
def local_server(shared_server: LocalServer) -> LocalServer:
    """conftest's server, started once for the module: stopping one takes 0.5 s (its poll interval)."""
    shared_server.requests.clear()
    shared_server.handler = lambda _req: Reply(404, {"message": "no handler"})
    return shared_server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def raw_servers() -> Iterator[list[RawServer]]:
    servers: list[RawServer] = []
    yield servers
    for server in servers:
        server.close()


OK = Reply(200, {"ok": True})


# -- idempotent requests are retried ------------------------------------------------------------------


def test_get_retried_on_503_then_200(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(Reply(503, "busy"), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.get("/conversations")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert len(local_server.requests) == 2
    assert clock.sleeps == [0.5]


def test_async_get_retried_on_503_then_200(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(Reply(503, "busy"), Reply(502, "bad gateway"), OK)

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(base_url=local_server.url, transport=make_transport(clock)) as client:
            return await client.get("/conversations")

    assert asyncio.run(main()).status_code == 200
    assert len(local_server.requests) == 3
    assert clock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"])
def test_idempotent_methods_retried_after_a_dropped_connection(
    method: str, raw_servers: list[RawServer], clock: FakeClock
) -> None:
    server = RawServer(lambda n, _r: None if n == 1 else http_reply(200))
    raw_servers.append(server)
    with httpx.Client(base_url=server.url, transport=make_transport(clock)) as client:
        response = client.request(method, "/tags/7")
    assert response.status_code == 200
    assert [r.method for r in server.requests] == [method, method]
    assert clock.sleeps == [0.5]


def test_async_get_retried_after_a_dropped_connection(raw_servers: list[RawServer], clock: FakeClock) -> None:
    server = RawServer(lambda n, _r: None if n == 1 else http_reply(200, b"ok"))
    raw_servers.append(server)

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(base_url=server.url, transport=make_transport(clock)) as client:
            return await client.get("/tags")

    assert asyncio.run(main()).text == "ok"
    assert len(server.requests) == 2


def test_get_gives_up_after_max_retries_and_returns_the_last_503(
    local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = script(Reply(503, "first"), Reply(503, "second"), Reply(503, "last"))
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.get("/conversations")
    assert response.status_code == 503
    assert response.text == "last"  # the final response, readable, for the error mapping above
    assert len(local_server.requests) == 3  # max_retries=2: three attempts
    assert clock.sleeps == [0.5, 1.0]


def test_get_gives_up_on_a_dropping_server_with_the_httpx_error(
    raw_servers: list[RawServer], clock: FakeClock
) -> None:
    server = RawServer(lambda _n, _r: None)
    raw_servers.append(server)
    with (
        httpx.Client(base_url=server.url, transport=make_transport(clock)) as client,
        pytest.raises(httpx.RemoteProtocolError),
    ):
        client.get("/conversations")
    assert len(server.requests) == 3


def test_statuses_outside_the_policy_are_returned_at_once(
    local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = script(Reply(404, {"message": "no"}), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        assert client.get("/contacts/1").status_code == 404
    assert len(local_server.requests) == 1
    assert clock.sleeps == []


def test_the_authorizer_500_is_left_to_token_auth(local_server: LocalServer, clock: FakeClock) -> None:
    # `{"message": null}` is the gateway failing on the token: retrying it with the same token is useless.
    local_server.handler = script(Reply(500, {"message": None}), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.get("/teams")
    assert response.status_code == 500 and response.json() == {"message": None}
    assert len(local_server.requests) == 1 and clock.sleeps == []

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(base_url=local_server.url, transport=make_transport(clock)) as client:
            return await client.get("/teams")

    local_server.handler = script(Reply(500, {"message": None}), OK)
    assert asyncio.run(main()).status_code == 500


def test_the_discarded_response_is_read_so_its_connection_is_reused(
    raw_servers: list[RawServer], clock: FakeClock
) -> None:
    big = b"x" * 100_000  # larger than any socket buffer: an unread body would pin the connection
    server = RawServer(lambda n, _r: http_reply(503, big) if n == 1 else http_reply(200, b"ok"))
    raw_servers.append(server)
    with httpx.Client(base_url=server.url, transport=make_transport(clock)) as client:
        assert client.get("/tags").status_code == 200
    assert [r.connection for r in server.requests] == [1, 1]


# -- POST and PATCH: never twice --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_post_not_retried_on_503(method: str, local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(Reply(503, "busy"), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.request(method, "/messages/42", params={"message": "hi"})
    assert response.status_code == 503
    assert len(local_server.requests) == 1
    assert clock.sleeps == []


def test_post_not_retried_when_the_server_read_it_and_dropped_the_connection(
    raw_servers: list[RawServer], clock: FakeClock
) -> None:
    server = RawServer(lambda _n, _r: None)
    raw_servers.append(server)
    with (
        httpx.Client(base_url=server.url, transport=make_transport(clock)) as client,
        pytest.raises(httpx.RemoteProtocolError, match="Server disconnected"),
    ):
        client.post("/messages/42", params={"message": "hi"})
    assert len(server.requests) == 1  # the SMS may have gone out: no second try
    assert clock.sleeps == []


def test_async_post_not_retried_when_the_connection_drops(
    raw_servers: list[RawServer], clock: FakeClock
) -> None:
    server = RawServer(lambda _n, _r: None)
    raw_servers.append(server)

    async def main() -> None:
        async with httpx.AsyncClient(base_url=server.url, transport=make_transport(clock)) as client:
            await client.post("/messages/42", json={"message": "hi"})

    with pytest.raises(httpx.RemoteProtocolError):
        asyncio.run(main())
    assert len(server.requests) == 1


def test_post_not_retried_on_read_timeout(raw_servers: list[RawServer], clock: FakeClock) -> None:
    answered = threading.Event()

    def slow(_n: int, _r: RawRequest) -> bytes:
        answered.wait(2)  # longer than the client's read timeout
        return http_reply(200, b"late")

    server = RawServer(slow)
    raw_servers.append(server)
    with (
        httpx.Client(base_url=server.url, transport=make_transport(clock), timeout=0.2) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.post("/messages/42", params={"message": "hi"})
    answered.set()
    assert len(server.requests) == 1


def test_post_retried_when_the_connection_was_refused(raw_servers: list[RawServer], clock: FakeClock) -> None:
    port = free_port()
    # Nothing listens on `port` for the first attempt; the server starts during the backoff.
    clock.on_sleep = lambda _s: raw_servers.append(RawServer(lambda _n, _r: http_reply(201, b"sent"), port))
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", transport=make_transport(clock)) as client:
        response = client.post("/messages/42", params={"message": "hi"})
    assert response.status_code == 201
    assert clock.sleeps == [0.5]
    assert [r.method for r in raw_servers[0].requests] == ["POST"]  # exactly once


def test_async_post_retried_when_the_connection_was_refused(
    raw_servers: list[RawServer], clock: FakeClock
) -> None:
    port = free_port()
    clock.on_sleep = lambda _s: raw_servers.append(RawServer(lambda _n, _r: http_reply(201, b"sent"), port))

    async def main() -> httpx.Response:
        transport = make_transport(clock)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", transport=transport) as client:
            return await client.post("/messages/42", params={"message": "hi"})

    assert asyncio.run(main()).status_code == 201
    assert len(raw_servers[0].requests) == 1


def test_post_refused_every_time_raises_connect_error(clock: FakeClock) -> None:
    port = free_port()
    with (
        httpx.Client(base_url=f"http://127.0.0.1:{port}", transport=make_transport(clock)) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.post("/messages/42")
    assert clock.sleeps == [0.5, 1.0]


def test_post_retried_on_pool_timeout(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = lambda _req: OK
    inner = httpx.HTTPTransport(limits=httpx.Limits(max_connections=1))
    transport = make_transport(clock, transport=inner)
    timeout = httpx.Timeout(5.0, pool=0.05)
    with httpx.Client(base_url=local_server.url, transport=transport, timeout=timeout) as client:
        held = client.send(client.build_request("GET", "/held"), stream=True)  # takes the only connection
        clock.on_sleep = lambda _s: held.close()  # freed during the backoff
        response = client.post("/messages/42", params={"message": "hi"})
    assert response.status_code == 200
    assert clock.sleeps == [0.5]
    assert [r.method for r in local_server.requests] == ["GET", "POST"]


def test_never_sent_errors_are_the_connection_setup_errors() -> None:
    assert set(NEVER_SENT) == {httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout}


def test_post_retried_on_429_with_retry_after(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(
        Reply(429, "Too Many Attempts.", {"Retry-After": "7"}), Reply(201, {"id": 1})
    )
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.post("/messages/42", params={"message": "hi"})
    assert response.status_code == 201
    assert len(local_server.requests) == 2  # a 429 was refused, not processed
    assert clock.sleeps == [7.0]


def test_an_idempotent_extension_lets_a_read_only_post_be_retried(
    local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = script(Reply(503), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.post("/contacts/list", json={"page": 1}, extensions={"salesmsg_idempotent": True})
        assert response.status_code == 200
        local_server.handler = script(Reply(503), OK)
        response = client.put("/tags/1", extensions={"salesmsg_idempotent": False})
        assert response.status_code == 503
    assert [r.method for r in local_server.requests] == ["POST", "POST", "PUT"]
    assert local_server.requests[1].body == b'{"page":1}'  # the same body, replayed


def test_a_streaming_body_is_not_replayed(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(Reply(503), OK)

    def chunks() -> Iterator[bytes]:
        yield b'{"a":'
        yield b"1}"

    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        response = client.put("/contacts/1", content=chunks(), headers={"Content-Length": "7"})
    assert response.status_code == 503
    assert len(local_server.requests) == 1


# -- waits: Retry-After, the 429 penalty, backoff ------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [({"Retry-After": "2"}, 2.0), ({"Retry-After": "1.5"}, 1.5), ({"retry-after-ms": "250"}, 0.25)],
)
def test_retry_after_seconds_honoured(
    headers: dict[str, str], expected: float, local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = script(Reply(503, "", headers), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        assert client.get("/numbers").status_code == 200
    assert clock.sleeps == [expected]


def test_retry_after_http_date_honoured(local_server: LocalServer, clock: FakeClock) -> None:
    when = email.utils.formatdate(time.time() + 3, usegmt=True)  # whole seconds: 2 < wait <= 3
    local_server.handler = script(Reply(429, "", {"Retry-After": when}), OK)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock)) as client:
        assert client.get("/numbers").status_code == 200
    [wait] = clock.sleeps
    assert 1.5 < wait <= 3.0


def test_too_long_retry_after_gives_the_429_back(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(Reply(429, "slow down", {"Retry-After": "3600"}), OK)
    limiter = RateLimiter(None, clock=clock)
    with httpx.Client(base_url=local_server.url, transport=make_transport(clock, limiter=limiter)) as client:
        response = client.get("/numbers")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3600"
    assert response.text == "slow down"
    assert len(local_server.requests) == 1
    assert clock.sleeps == []
    assert limiter.reserve() == 0.0  # not waited for, and nobody else is held up an hour


def test_429_without_retry_after_waits_the_penalty_and_pauses_every_thread(
    local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = script(Reply(429, "Too Many Attempts."), OK)
    limiter = RateLimiter(None, clock=clock)
    seen_by_others: list[float] = []

    def another_thread_asks(_seconds: float) -> None:
        # While this request waits out the penalty, any other thread of the client must wait too.
        t = threading.Thread(target=lambda: seen_by_others.append(limiter.reserve()))
        t.start()
        t.join()

    clock.on_sleep = another_thread_asks
    transport = make_transport(clock, limiter=limiter)
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        response = client.post("/messages/42", params={"message": "hi"})
    assert response.status_code == 200
    assert clock.sleeps == [60.0]
    assert seen_by_others == [60.0]


def test_429_with_retries_exhausted_still_pauses_the_client(
    local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = lambda _req: Reply(429)
    limiter = RateLimiter(None, clock=clock)
    transport = make_transport(clock, limiter=limiter, retry=RetryPolicy(max_retries=0, rate_limit_wait=30.0))
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        assert client.get("/numbers").status_code == 429
    assert clock.sleeps == []
    assert limiter.reserve() == 30.0  # the next request waits out the penalty


def test_a_429_pauses_other_real_threads(local_server: LocalServer) -> None:
    penalty = 0.3
    arrivals: list[tuple[str, float]] = []
    paused = threading.Event()

    class SignallingLimiter(RateLimiter):
        def pause_until(self, seconds_from_now: float, *, reason: str = "paused after a 429") -> None:
            super().pause_until(seconds_from_now, reason=reason)
            paused.set()

    def handler(req: Recorded) -> Reply:
        arrivals.append((req.path, time.monotonic()))
        return Reply(429) if len(arrivals) == 1 else OK

    local_server.handler = handler
    transport = SalesmsgTransport(limiter=SignallingLimiter(None), retry=RetryPolicy(rate_limit_wait=penalty))
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        first = threading.Thread(target=client.get, args=("/first",))
        first.start()
        assert paused.wait(5)
        assert client.get("/second").status_code == 200  # another thread, after the 429
        first.join()
    times = dict(arrivals[1:])
    refused_at = arrivals[0][1]
    assert times["/second"] - refused_at >= penalty - 0.01
    assert times["/first"] - refused_at >= penalty - 0.01


def constant(value: float) -> Callable[[], float]:
    return lambda: value


def test_backoff_sequence_with_a_fixed_random(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = lambda _req: Reply(500)
    policy = RetryPolicy(max_retries=5, initial_delay=0.5, max_delay=3.0)
    for rnd, expected in [(0.0, [0.5, 1.0, 2.0, 3.0, 3.0]), (1.0, [0.375, 0.75, 1.5, 2.25, 2.25])]:
        clock.sleeps.clear()
        transport = SalesmsgTransport(retry=policy, sleep=clock.sleep, random=constant(rnd))
        with httpx.Client(base_url=local_server.url, transport=transport) as client:
            assert client.get("/tags").status_code == 500
        assert clock.sleeps == expected


def test_backoff_formula() -> None:
    policy = RetryPolicy()
    assert [policy.backoff(n, random=lambda: 0.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert policy.backoff(0, random=lambda: 0.5) == 0.4375
    assert RetryPolicy(retry_statuses={503}).retry_statuses == frozenset({503})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        RetryPolicy(max_retries=-1)


def test_every_attempt_waits_for_the_limiter(local_server: LocalServer, clock: FakeClock) -> None:
    local_server.handler = script(Reply(503), OK)
    limiter = RateLimiter(1, 10.0, clock=clock, margin=0.0)
    transport = make_transport(clock, limiter=limiter, retry=RetryPolicy(initial_delay=0.0))
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        assert client.get("/tags").status_code == 200
    assert clock.sleeps == [10.0]  # the retry took the next slot


# -- logging -----------------------------------------------------------------------------------------


def test_waits_are_logged_without_token_query_or_body(
    raw_servers: list[RawServer], clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    replies = {
        1: http_reply(503),  # backoff
        2: None,  # dropped connection: backoff
        3: http_reply(429, b"", {"Retry-After": "1"}),  # pause
        4: http_reply(200, b"ok"),
    }
    server = RawServer(lambda n, r: replies.get(n, http_reply(503)))
    raw_servers.append(server)
    limiter = RateLimiter(4, 10.0, clock=clock, margin=0.0)
    transport = make_transport(clock, limiter=limiter, retry=RetryPolicy(max_retries=3))
    caplog.set_level(logging.DEBUG, logger="salesmsg")
    headers = {"Authorization": "Bearer SECRET-TOKEN"}
    with httpx.Client(base_url=server.url, transport=transport, headers=headers) as client:
        query = "?number=%2B14155550100&message=hello"
        assert client.get("/messages/42" + query).status_code == 200
        assert client.post("/messages/42" + query, json={"body": "BODY-TEXT"}).status_code == 503
    assert server.requests[0].target == "/messages/42" + query  # the secrets did go over the wire

    # Attempts at 0, 0.5, 1.5, 2.5 (after the 1 s pause); the POST takes the next slot, at 10 s.
    assert clock.sleeps == [0.5, 1.0, 1.0, 7.5]
    text = "\n".join(f"{r.name} {r.getMessage()} {r.args!r} {r.__dict__!r}" for r in caplog.records)
    for secret in ("SECRET-TOKEN", "Bearer", "14155550100", "number=", "hello", "BODY-TEXT", "?"):
        assert secret not in text
    messages = [r.getMessage() for r in caplog.records]
    assert "waiting 0.500 s before GET /messages/42 (attempt 2): 503, backoff" in messages
    assert "waiting 1.000 s before GET /messages/42 (attempt 3): RemoteProtocolError, backoff" in messages
    assert "waiting 1.000 s before GET /messages/42 (attempt 4): 429 with Retry-After" in messages
    assert "waiting 7.500 s before POST /messages/42 (attempt 1): rate limit: 4 requests per 10 s" in messages
    assert any("POST /messages/42 (attempt 1): not retried: 503" in m for m in messages)
    assert all(r.levelno == logging.DEBUG and r.name.startswith("salesmsg.") for r in caplog.records)


# -- one transport, two clients ---------------------------------------------------------------------


def test_one_transport_serves_a_client_and_an_async_client(
    local_server: LocalServer, clock: FakeClock
) -> None:
    local_server.handler = lambda _req: OK
    transport = make_transport(clock)
    assert transport._transport is None and transport._async_transport is None  # nothing built yet

    client = httpx.Client(base_url=local_server.url, transport=transport)
    assert client.get("/a").status_code == 200
    assert transport._async_transport is None  # a sync-only user never builds the async pool

    async def use_async(aclient: httpx.AsyncClient) -> int:
        return (await aclient.get("/b")).status_code

    async def main() -> None:
        aclient = httpx.AsyncClient(base_url=local_server.url, transport=transport)
        assert await use_async(aclient) == 200
        client.close()  # closes the sync pool only
        assert await use_async(aclient) == 200
        await aclient.aclose()

    asyncio.run(main())
    assert transport._transport is None and transport._async_transport is None
    # A transport whose pools it made itself can serve a new client after both were closed.
    with httpx.Client(base_url=local_server.url, transport=transport) as again:
        assert again.get("/c").status_code == 200
    assert [r.path for r in local_server.requests] == ["/a", "/b", "/b", "/c"]


def test_pools_passed_in_are_used_and_closed(local_server: LocalServer) -> None:
    local_server.handler = lambda _req: OK
    closed: list[str] = []

    class Sync(httpx.HTTPTransport):
        def close(self) -> None:
            closed.append("sync")
            super().close()

    class Async(httpx.AsyncHTTPTransport):
        async def aclose(self) -> None:
            closed.append("async")
            await super().aclose()

    transport = SalesmsgTransport(transport=Sync(), async_transport=Async())
    with httpx.Client(base_url=local_server.url, transport=transport) as client:
        assert client.get("/a").status_code == 200

    async def main() -> None:
        async with httpx.AsyncClient(base_url=local_server.url, transport=transport) as aclient:
            assert (await aclient.get("/b")).status_code == 200

    asyncio.run(main())
    assert closed == ["sync", "async"]


def test_transport_options_reach_the_pools_it_builds() -> None:
    transport = SalesmsgTransport(transport_options={"retries": 0, "http1": True})
    assert isinstance(transport._sync_inner(), httpx.HTTPTransport)
    assert isinstance(transport._async_inner(), httpx.AsyncHTTPTransport)
    transport.close()
    asyncio.run(transport.aclose())
    with pytest.raises(TypeError):
        SalesmsgTransport(transport_options={"no_such_option": 1})._sync_inner()
