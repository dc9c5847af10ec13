"""Single flight: many threads and asyncio tasks (and both) against one TokenAuth, one real server.

The token endpoint below is slow on purpose (``REFRESH_DELAY``) so that everybody piles up behind
the one refresh in flight; PAT refreshes rotate (the presented token dies), so a second refresh
with the old token would be refused by the server: exactly what single flight must prevent.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from salesmsg.auth import TokenAuth
from salesmsg.errors import TokenRefreshError

from tests.conftest import LocalServer, Recorded, Reply

PREFIX = "/pub/v2.2"
REFRESH_DELAY = 0.1
N = 50
DENY = Reply(403, {"Message": "User is not authorized to access this resource with an explicit deny"})


class PatServer:
    """Salesmsg's PAT rules: refresh rotates; a refused token answers a policy-deny 403."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.lock = threading.Lock()
        self._serial = itertools.count(1)
        self.access = self.new_token()
        self.valid = {self.access}
        self.refreshable = {self.access}
        self.refreshes: list[Recorded] = []
        self.issued = [self.access]
        self.gate = threading.Event()  # holds the requests that are told to wait on it
        self.gate_first_refresh = False
        self.gate_paths: set[str] = set()
        self.refresh_reply: Reply | None = None
        server.handler = self.handle

    def new_token(self) -> str:
        return f"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.pat-{next(self._serial):04d}-s3cr3t"

    @property
    def url(self) -> str:
        return self.server.url + PREFIX

    def handle(self, req: Recorded) -> Reply:
        token = _bearer(req)
        path = req.path.split("?")[0]
        if path == PREFIX + "/oauth/personal-token/refresh":
            with self.lock:
                self.refreshes.append(req)
                first = len(self.refreshes) == 1
            if first and self.gate_first_refresh:
                self.gate.wait(5)
            time.sleep(REFRESH_DELAY)
            if self.refresh_reply is not None:
                return self.refresh_reply
            with self.lock:
                if token not in self.refreshable:
                    return DENY
                new = self.new_token()
                self.issued.append(new)
                self.valid = self.refreshable = {new}
                self.access = new
            return Reply(200, {"access_token": new, "expires_in": 3600, "token_type": "Bearer"})
        if path in self.gate_paths:
            self.gate.wait(5)
        with self.lock:
            ok = token in self.valid
        return Reply(200, {"ok": True}) if ok else DENY

    def api_calls(self, path: str = "/users/me") -> list[str | None]:
        return [_bearer(r) for r in self.server.requests if r.path == PREFIX + path]


def _bearer(req: Recorded) -> str | None:
    value = {k.lower(): v for k, v in req.headers.items()}.get("authorization")
    return value.removeprefix("Bearer ") if value else None


@pytest.fixture
def pat() -> Iterator[PatServer]:
    server = LocalServer()
    server._httpd.socket.listen(256)  # 100 simultaneous connections without SYN retries
    server._thread = threading.Thread(
        target=server._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    with server:
        state = PatServer(server)
        yield state
        state.gate.set()


def expired_auth(pat: PatServer, **kwargs: Any) -> TokenAuth:
    return TokenAuth.personal(
        pat.access, base_url=pat.url, expires_at=datetime.now(UTC) - timedelta(seconds=1), **kwargs
    )


def limits() -> httpx.Limits:
    return httpx.Limits(max_connections=2 * N + 10, max_keepalive_connections=2 * N + 10)


def run_threads(
    client: httpx.Client, url: str, n: int, barrier: threading.Barrier | None = None
) -> list[Any]:
    results: list[Any] = [None] * n
    start = barrier or threading.Barrier(n)

    def work(i: int) -> None:
        start.wait(5)
        try:
            results[i] = client.get(url).status_code
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return results


async def run_tasks(client: httpx.AsyncClient, url: str, n: int) -> list[Any]:
    async def one() -> Any:
        try:
            return (await client.get(url)).status_code
        except Exception as exc:
            return exc

    return await asyncio.wait_for(asyncio.gather(*(one() for _ in range(n))), 10)


async def wait_until(condition: Callable[[], bool], timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        await asyncio.sleep(0.005)


def test_50_threads_refresh_once(pat: PatServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="salesmsg.auth")
    auth = expired_auth(pat)
    with httpx.Client(auth=auth, timeout=10, limits=limits()) as client:
        results = run_threads(client, pat.url + "/users/me", N)
    assert results == [200] * N
    assert len(pat.refreshes) == 1
    assert set(pat.api_calls()) == {pat.access}
    assert caplog.text.count("waiting for the token refresh in flight (thread)") >= N // 2  # they did pile up


def test_50_tasks_refresh_once(pat: PatServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="salesmsg.auth")
    auth = expired_auth(pat)

    async def main() -> list[Any]:
        async with httpx.AsyncClient(auth=auth, timeout=10, limits=limits()) as client:
            return await run_tasks(client, pat.url + "/users/me", N)

    assert asyncio.run(main()) == [200] * N
    assert len(pat.refreshes) == 1
    assert set(pat.api_calls()) == {pat.access}
    assert caplog.text.count("waiting for the token refresh in flight (task)") == N - 1


def test_threads_and_tasks_sharing_one_auth_refresh_once(
    pat: PatServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    auth = expired_auth(pat)
    barrier = threading.Barrier(N + 1)
    thread_results: list[Any] = []

    with httpx.Client(auth=auth, timeout=10, limits=limits()) as sync_client:
        runner = threading.Thread(
            target=lambda: thread_results.extend(run_threads(sync_client, pat.url + "/users/me", N, barrier))
        )
        runner.start()

        async def main() -> list[Any]:
            async with httpx.AsyncClient(auth=auth, timeout=10, limits=limits()) as client:
                barrier.wait(5)  # threads and tasks start together
                return await run_tasks(client, pat.url + "/users/me", N)

        task_results = asyncio.run(main())
        runner.join(10)
    assert task_results == [200] * N
    assert thread_results == [200] * N
    assert len(pat.refreshes) == 1
    assert len(pat.api_calls()) == 2 * N
    assert set(pat.api_calls()) == {pat.access}
    assert "(thread)" in caplog.text and "(task)" in caplog.text  # both kinds waited on one flight
    for record in caplog.records:
        for token in pat.issued:
            assert token not in record.getMessage() + repr(record.args)


def test_reactive_stampede_refreshes_once(pat: PatServer) -> None:
    """Unknown expiry, the token aged out: 100 requests are refused, one refresh, all replayed."""
    auth = TokenAuth.personal(pat.access, base_url=pat.url)
    with pat.lock:
        pat.valid = set()  # refused by the API, still refreshable
    barrier = threading.Barrier(N + 1)
    thread_results: list[Any] = []
    with httpx.Client(auth=auth, timeout=10, limits=limits()) as sync_client:
        runner = threading.Thread(
            target=lambda: thread_results.extend(run_threads(sync_client, pat.url + "/users/me", N, barrier))
        )
        runner.start()

        async def main() -> list[Any]:
            async with httpx.AsyncClient(auth=auth, timeout=10, limits=limits()) as client:
                barrier.wait(5)
                return await run_tasks(client, pat.url + "/users/me", N)

        task_results = asyncio.run(main())
        runner.join(10)
    assert task_results == [200] * N
    assert thread_results == [200] * N
    assert len(pat.refreshes) == 1  # every refused request after the first just replays
    calls = pat.api_calls()
    assert calls.count(pat.access) == 2 * N  # each request succeeded once with the new token
    assert len(calls) <= 4 * N


class WaitCounter(logging.Handler):
    """Opens ``gate`` once ``expected`` callers log that they wait for the refresh in flight."""

    def __init__(self, gate: threading.Event, expected: int) -> None:
        super().__init__(logging.DEBUG)
        self.gate, self.expected, self.count = gate, expected, 0
        self.lock_ = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("waiting for the token refresh in flight"):
            with self.lock_:
                self.count += 1
                if self.count >= self.expected:
                    self.gate.set()


def test_a_failed_refresh_reaches_every_waiter(pat: PatServer) -> None:
    pat.refresh_reply = Reply(400, {"error": "invalid_grant", "error_description": "Refresh token revoked"})
    pat.gate_first_refresh = True  # answered only once the 49 others are waiting on it
    auth = expired_auth(pat)
    counter = WaitCounter(pat.gate, N - 1)
    log = logging.getLogger("salesmsg.auth")
    log.addHandler(counter)
    previous_level = log.level
    log.setLevel(logging.DEBUG)
    barrier = threading.Barrier(N // 2 + 1)
    thread_results: list[Any] = []
    try:
        with httpx.Client(auth=auth, timeout=10, limits=limits()) as sync_client:
            runner = threading.Thread(
                target=lambda: thread_results.extend(
                    run_threads(sync_client, pat.url + "/users/me", N // 2, barrier)
                )
            )
            runner.start()

            async def main() -> list[Any]:
                async with httpx.AsyncClient(auth=auth, timeout=10, limits=limits()) as client:
                    barrier.wait(5)
                    return await run_tasks(client, pat.url + "/users/me", N // 2)

            task_results = asyncio.run(main())
            runner.join(10)
    finally:
        log.removeHandler(counter)
        log.setLevel(previous_level)
    results = thread_results + task_results
    assert counter.count == N - 1
    assert len(results) == N
    assert all(isinstance(r, TokenRefreshError) for r in results), results
    assert all(r.status_code == 400 and "re-authorize" in str(r) for r in results)
    assert len({id(r) for r in results}) == N  # each caller gets its own instance of the same error
    assert len(pat.refreshes) == 1  # waiters do not retry a refused refresh
    assert pat.api_calls() == []


def test_request_refused_with_an_already_replaced_token_is_replayed_without_refreshing(
    pat: PatServer,
) -> None:
    old = pat.access
    auth = TokenAuth.personal(old, base_url=pat.url)
    pat.gate_paths = {PREFIX + "/users/slow"}
    outcome: list[int] = []
    with httpx.Client(auth=auth, timeout=10) as client:
        slow = threading.Thread(
            target=lambda: outcome.append(client.get(pat.url + "/users/slow").status_code)
        )
        slow.start()  # sent with the old token, held by the server
        deadline = time.monotonic() + 5
        while not pat.api_calls("/users/slow"):
            assert time.monotonic() < deadline
            time.sleep(0.005)
        new = auth.refresh(client).access_token  # another caller refreshes meanwhile: old dies
        pat.gate.set()  # now the server answers the held request: 403, the old token is gone
        slow.join(5)
    assert outcome == [200]
    assert len(pat.refreshes) == 1
    assert pat.api_calls("/users/slow") == [old, new]


def test_a_fresh_token_replaced_meanwhile_is_replayed_not_returned(pat: PatServer) -> None:
    """Refreshed for this request, then rotated by someone else before the server saw it."""
    auth = expired_auth(pat)
    pat.gate_paths = {PREFIX + "/users/slow"}
    outcome: list[int] = []
    with httpx.Client(auth=auth, timeout=10) as client:
        slow = threading.Thread(
            target=lambda: outcome.append(client.get(pat.url + "/users/slow").status_code)
        )
        slow.start()  # proactive refresh (#1), then the request, held by the server
        deadline = time.monotonic() + 5
        while not pat.api_calls("/users/slow"):
            assert time.monotonic() < deadline
            time.sleep(0.005)
        fresh = pat.access
        newest = auth.refresh(client).access_token  # refresh #2 kills the fresh token
        pat.gate.set()
        slow.join(5)
    assert outcome == [200]
    assert len(pat.refreshes) == 2
    assert pat.api_calls("/users/slow") == [fresh, newest]


def test_cancelling_the_refreshing_task_does_not_strand_the_waiters(pat: PatServer) -> None:
    auth = expired_auth(pat)
    pat.gate_first_refresh = True

    async def main() -> list[int]:
        async with httpx.AsyncClient(auth=auth, timeout=10) as client:
            refresher = asyncio.create_task(client.get(pat.url + "/users/me"))
            await wait_until(lambda: len(pat.refreshes) == 1)  # its refresh is at the server
            waiters = [asyncio.create_task(client.get(pat.url + "/users/me")) for _ in range(5)]
            await asyncio.sleep(0.02)
            refresher.cancel()
            with pytest.raises(asyncio.CancelledError):
                await refresher
            responses = await asyncio.wait_for(asyncio.gather(*waiters), 5)
            return [r.status_code for r in responses]

    started = time.monotonic()
    assert asyncio.run(main()) == [200] * 5
    assert time.monotonic() - started < 2
    assert len(pat.refreshes) == 2  # the abandoned one and the one a waiter took over


def test_a_refreshing_thread_that_times_out_hands_over(pat: PatServer) -> None:
    auth = expired_auth(pat)
    pat.gate_first_refresh = True
    errors: list[BaseException] = []
    with (
        httpx.Client(auth=auth, timeout=0.15) as impatient,
        httpx.Client(auth=auth, timeout=10) as patient,
    ):

        def first() -> None:
            try:
                impatient.get(pat.url + "/users/me")
            except BaseException as exc:
                errors.append(exc)

        refresher = threading.Thread(target=first)
        refresher.start()
        deadline = time.monotonic() + 5
        while not pat.refreshes:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        response = patient.get(pat.url + "/users/me")  # waits, then refreshes itself
        refresher.join(5)
    assert response.status_code == 200
    assert len(errors) == 1 and isinstance(errors[0], httpx.ReadTimeout)
    assert len(pat.refreshes) == 2


def test_blocking_call_on_the_loop_thread_of_a_refreshing_task_raises_instead_of_hanging(
    pat: PatServer,
) -> None:
    auth = expired_auth(pat)
    pat.gate_first_refresh = True

    async def main() -> int:
        async with httpx.AsyncClient(auth=auth, timeout=10) as client:
            refresher = asyncio.create_task(client.get(pat.url + "/users/me"))
            await wait_until(lambda: len(pat.refreshes) == 1)
            with (
                httpx.Client(auth=auth, timeout=10) as blocking,
                pytest.raises(RuntimeError, match="wait for itself"),
            ):
                blocking.get(pat.url + "/users/me")
            pat.gate.set()
            return (await refresher).status_code

    assert asyncio.run(main()) == 200
    assert len(pat.refreshes) == 1
