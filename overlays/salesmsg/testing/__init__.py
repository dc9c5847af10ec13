"""salesmsg.testing: a stateful fake Salesmsg API on a real HTTP server, for tests and demos.

Install with the extra (`pip install salesmsg[testing]`, which adds openapi-schema-validator).

In a test, with the pytest fixture (registered for every pytest run once salesmsg is installed):

    def test_send(salesmsg_fake):
        client = AuthenticatedClient(base_url=salesmsg_fake.url, token=salesmsg_fake.access_token)
        send_message.sync(5001, client=client, message="Hi Jane")
        assert salesmsg_fake.sent_messages[-1].text == "Hi Jane"

    @pytest.mark.salesmsg_fake(rate_limit=5, rate_window=0.5)   # FakeSalesmsg keyword arguments
    def test_rate_limit(salesmsg_fake): ...

In code, `with FakeSalesmsg() as fake:` serves on a free port of 127.0.0.1 until the block ends;
from a shell, `python -m salesmsg.testing --port 8080` prints SALESMSG_BASE_URL=... and
SALESMSG_ACCESS_TOKEN=... and serves until Ctrl-C / SIGTERM; `with fake_server_process() as fake:`
runs that command as a subprocess and reads both back (`fake.base_url`, `fake.access_token`).

The server:
- answers the 47 operations of the patched document at `{fake.url}` (`http://127.0.0.1:PORT/pub/v2.2`)
  from an in-memory account (default seed: 2 users, 2 teams with numbers, 5 contacts, 4 conversations);
- refuses what does not fit the document: 404 unknown path, 405 wrong method, 422 with a Laravel
  body `{"message", "errors": {field: [...]}}` for a missing or mistyped parameter or body;
- checks its own answers against the document (`fake.response_violations`);
- answers auth failures, rate limiting (60/60 s, then 429 for 60 s) and token rotation like the vendor;
- injects faults: `fake.faults.fail / html / slow / drop_before_processing / drop_after_processing`;
- counts what it did (`fake.counters`) and records what was sent (`fake.sent_messages`).

Nothing here is imported by `import salesmsg`; this module itself loads the server lazily, so the
pytest plugin costs nothing in test runs that do not use the fixture.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salesmsg.testing._counters import Counters
    from salesmsg.testing._fake import FakeSalesmsg
    from salesmsg.testing._faults import Fault, Faults
    from salesmsg.testing._pipeline import RecordedRequest, ResponseViolation
    from salesmsg.testing._process import FakeProcess, fake_server_process
    from salesmsg.testing._seed import default_seed
    from salesmsg.testing._state import SentMessage

_EXPORTS = {
    "FakeSalesmsg": "salesmsg.testing._fake",
    "Counters": "salesmsg.testing._counters",
    "Fault": "salesmsg.testing._faults",
    "Faults": "salesmsg.testing._faults",
    "FakeProcess": "salesmsg.testing._process",
    "fake_server_process": "salesmsg.testing._process",
    "RecordedRequest": "salesmsg.testing._pipeline",
    "ResponseViolation": "salesmsg.testing._pipeline",
    "SentMessage": "salesmsg.testing._state",
    "default_seed": "salesmsg.testing._seed",
}

__all__ = [
    "Counters",
    "FakeProcess",
    "FakeSalesmsg",
    "Fault",
    "Faults",
    "RecordedRequest",
    "ResponseViolation",
    "SentMessage",
    "default_seed",
    "fake_server_process",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
