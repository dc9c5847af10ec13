"""`Salesmsg` / `AsyncSalesmsg` construction and wiring (options, environment, no token leaks)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
import salesmsg
from salesmsg._client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from salesmsg_client.api.teams import list_teams

from tests.conftest import LocalServer, Reply

TOKEN = "pat-0123456789-SECRET"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        s.handler = lambda req: Reply(200, [{"id": 1, "name": "Sales"}])
        yield s


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SALESMSG_BASE_URL", raising=False)
    sm = salesmsg.Salesmsg(access_token=TOKEN)
    assert sm.base_url == DEFAULT_BASE_URL == "https://api.salesmessage.com/pub/v2.2"
    httpx_client = sm.client.get_httpx_client()
    assert httpx_client.timeout == DEFAULT_TIMEOUT and DEFAULT_TIMEOUT.read == 30.0
    assert isinstance(httpx_client.auth, salesmsg.TokenAuth)
    assert sm.transport.retry.max_retries == 2  # type: ignore[attr-defined]


def test_environment_supplies_token_and_base_url(
    monkeypatch: pytest.MonkeyPatch, server: LocalServer
) -> None:
    monkeypatch.setenv("SALESMSG_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("SALESMSG_BASE_URL", server.url + "/pub/v2.2/")
    with salesmsg.Salesmsg() as sm:
        assert sm.base_url == server.url + "/pub/v2.2"
        assert [t.name for t in sm.teams.list()] == ["Sales"]
    (req,) = server.requests
    assert req.path == "/pub/v2.2/teams"
    assert req.headers["Authorization"] == f"Bearer {TOKEN}"
    assert req.headers["User-Agent"] == f"salesmsg-python/{salesmsg.__version__}"
    assert req.headers["Accept"] == "application/json"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch, server: LocalServer) -> None:
    monkeypatch.setenv("SALESMSG_ACCESS_TOKEN", "from-env")
    monkeypatch.setenv("SALESMSG_BASE_URL", "http://127.0.0.1:9")
    with salesmsg.Salesmsg(access_token=TOKEN, base_url=server.url) as sm:
        sm.teams.list()
    assert server.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_no_credentials_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SALESMSG_ACCESS_TOKEN", raising=False)
    with pytest.raises(salesmsg.SalesmsgError, match="SALESMSG_ACCESS_TOKEN"):
        salesmsg.Salesmsg()
    with pytest.raises(salesmsg.SalesmsgError, match="not both"):
        salesmsg.Salesmsg(access_token="a", oauth=salesmsg.OAuth2Credentials("id", "secret", "refresh"))


def test_no_token_in_reprs() -> None:
    sm = salesmsg.Salesmsg(access_token=TOKEN)
    oauth = salesmsg.Salesmsg(
        oauth=salesmsg.OAuth2Credentials(
            client_id="cid", client_secret="CLIENT-SECRET", refresh_token="REFRESH-SECRET", access_token=TOKEN
        )
    )
    for text in (
        repr(sm),
        repr(sm.client),
        repr(sm.tokens),
        repr(oauth),
        repr(oauth.client),
        repr(oauth.tokens),
    ):
        for secret in (TOKEN, "CLIENT-SECRET", "REFRESH-SECRET"):
            assert secret not in text


def test_generated_functions_get_the_same_wiring(server: LocalServer) -> None:
    with salesmsg.Salesmsg(access_token=TOKEN, base_url=server.url) as sm:
        teams = list_teams.sync(client=sm.client)
        derived = sm.client.with_headers({"X-Tenant": "7"})  # a copy builds its own httpx client
        list_teams.sync(client=derived)
    assert teams is not None and not isinstance(teams, salesmsg.APIError)
    assert [r.headers["Authorization"] for r in server.requests] == [f"Bearer {TOKEN}"] * 2
    assert server.requests[1].headers["X-Tenant"] == "7"


def test_options_are_passed_through(server: LocalServer) -> None:
    sm = salesmsg.Salesmsg(
        access_token=TOKEN,
        base_url=server.url,
        timeout=3.5,
        max_retries=5,
        requests_per_minute=None,
        headers={"X-Extra": "1"},
    )
    assert sm.client.get_httpx_client().timeout == httpx.Timeout(3.5)
    assert sm.transport.retry.max_retries == 5  # type: ignore[attr-defined]
    sm.teams.list()
    assert server.requests[0].headers["X-Extra"] == "1"
    sm.close()


def test_async_client_same_surface(server: LocalServer) -> None:
    async def main() -> list[str]:
        async with salesmsg.AsyncSalesmsg(access_token=TOKEN, base_url=server.url) as asm:
            return [str(t.name) for t in await asm.teams.list()]

    assert asyncio.run(main()) == ["Sales"]
    assert server.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_import_is_lazy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, salesmsg\n"
        "assert 'salesmsg._client' not in sys.modules\n"
        "salesmsg.Salesmsg\n"
        "assert 'salesmsg._client' in sys.modules and 'salesmsg.resources' not in sys.modules\n"
        "print({'Salesmsg', 'API_VERSION', 'RateLimitError'} <= set(dir(salesmsg)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_import_salesmsg_loads_nothing_else() -> None:
    import subprocess
    import sys

    code = "import sys\nbefore = set(sys.modules)\nimport salesmsg\nprint(*sorted(set(sys.modules) - before))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Not even typing: the pytest plugin imports salesmsg in every test run that installs it.
    assert set(out.stdout.split()) <= {"salesmsg", "__future__"}


def test_a_sync_first_call_loads_only_what_it_uses() -> None:
    """No asyncio for a sync client, and one generated operation: the one called."""
    import json
    import subprocess
    import sys

    code = f"""
import sys
before = set(sys.modules)
import httpx, salesmsg
body = {json.dumps({"id": 5001, "contact_id": 1001}).encode()!r}
answer = lambda request: httpx.Response(200, content=body, headers={{"Content-Type": "application/json"}})
sm = salesmsg.Salesmsg(access_token="t", base_url="http://x.invalid", transport=httpx.MockTransport(answer))
assert sm.conversations.get(5001).id == 5001
print(*sorted(set(sys.modules) - before))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "asyncio" not in loaded
    operations = {name for name in loaded if name.startswith("salesmsg_client.api.") and name.count(".") == 3}
    assert operations == {"salesmsg_client.api.conversations.get_conversation"}
    ours = {name for name in loaded if name.startswith("salesmsg.")}
    assert "salesmsg.resources.conversations" in ours
    # The other areas, the pager and the command line are not loaded for a `get`.
    assert not ours & {
        "salesmsg.resources.contacts",
        "salesmsg.resources.messages",
        "salesmsg.resources.tags",
        "salesmsg.resources.teams",
        "salesmsg.resources.users",
        "salesmsg.pagination",
        "salesmsg.cli",
        "salesmsg.testing",
    }


def test_every_lazy_name_is_exported_and_resolves() -> None:
    from salesmsg import _LAZY

    assert set(_LAZY) <= set(salesmsg.__all__)
    for name in salesmsg.__all__:
        assert getattr(salesmsg, name) is not None
