"""The HTTP layer: keep-alive, concurrency, and a close() that does not leave clients hanging."""

from __future__ import annotations

import threading

import httpx
from salesmsg.testing import FakeSalesmsg
from salesmsg.testing._bench import RawClient, rate


def test_one_connection_serves_many_requests(fake: FakeSalesmsg) -> None:
    raw = RawClient(fake.url, fake.access_token)
    try:
        assert [raw.request("GET", "/teams") for _ in range(20)] == [200] * 20
        assert raw.request("POST", "/messages/5001?message=Hi") == 200
        assert rate(lambda: raw.request("GET", "/teams/all"), 0.05) > 0
    finally:
        raw.close()
    assert fake.counters.operations["listTeams"] == 20


def test_concurrent_sends_are_all_kept(fake: FakeSalesmsg) -> None:
    def worker(n: int) -> None:
        with httpx.Client(
            base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"}
        ) as client:
            for i in range(10):
                assert client.post("/messages/5001", params={"message": f"{n}-{i}"}).status_code == 200

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [m.message_id for m in fake.sent_messages]
    assert len(ids) == len(set(ids)) == 80 == fake.counters.messages_created
    assert len(fake.messages(5001)) == 83


def test_close_shuts_open_keep_alive_connections() -> None:
    fake = FakeSalesmsg(rate_limit=None).start()
    client = httpx.Client(base_url=fake.url, headers={"Authorization": f"Bearer {fake.access_token}"})
    assert client.get("/teams").status_code == 200
    fake.close()
    try:
        client.get("/teams", timeout=2)
    except httpx.TransportError:
        pass  # refused or disconnected: either way, at once
    else:
        raise AssertionError("the fake still answered after close()")
    finally:
        client.close()
