"""pytest plugin: the `salesmsg_fake` fixture, a started `FakeSalesmsg` for one test.

Installing salesmsg registers this plugin through the `pytest11` entry point, so any project that
installs `salesmsg[testing]` can simply ask for the fixture:

    def test_sends(salesmsg_fake):
        sm = salesmsg.Salesmsg(access_token=salesmsg_fake.access_token, base_url=salesmsg_fake.url)
        sm.messages.send(5001, "Hi Jane")
        assert [m.text for m in salesmsg_fake.sent_messages] == ["Hi Jane"]

    @pytest.mark.salesmsg_fake(rate_limit=5, rate_window=0.5, seed="tests/seed.json")
    def test_backs_off(salesmsg_fake): ...

The marker's keyword arguments go to `FakeSalesmsg`; responses are validated against the document
by default, and a test whose fake answered off-document (or failed internally) errors at teardown.
Where entry points are not loaded (`-p no:salesmsg.testing.pytest_plugin`, PYTEST_DISABLE_PLUGIN_AUTOLOAD),
add `pytest_plugins = ["salesmsg.testing.pytest_plugin"]` to the top-level conftest.py.

This module is imported by every pytest run once salesmsg is installed: it imports nothing but
pytest at import time; the server and the validator load when the fixture is first used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from salesmsg.testing._fake import FakeSalesmsg

MARKER = "salesmsg_fake"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{MARKER}(**options): keyword arguments for the salesmsg_fake fixture's FakeSalesmsg"
    )


@pytest.fixture
def salesmsg_fake(request: pytest.FixtureRequest) -> Iterator[FakeSalesmsg]:
    """A started fake Salesmsg server; `.url` and `.access_token` to point a client at it."""
    try:
        from salesmsg.testing._fake import FakeSalesmsg
    except ImportError as error:  # the validator is an extra
        raise pytest.UsageError(f"salesmsg_fake needs `pip install salesmsg[testing]` ({error})") from error
    marker = request.node.get_closest_marker(MARKER)
    options: dict[str, Any] = {"validate_responses": True, **(marker.kwargs if marker else {})}
    with FakeSalesmsg(**options) as fake:
        yield fake
    problems = [str(v) for v in fake.response_violations] + fake.server_errors
    if problems:
        heading = "the fake Salesmsg server answered off-document or failed:"
        pytest.fail("\n".join([heading, *problems]), pytrace=False)
