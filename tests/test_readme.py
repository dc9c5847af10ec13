"""The README's Python example runs as printed (against a loopback server instead of the vendor)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import LocalServer, Reply

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_example_runs(local_server: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    code = block.replace("https://api.salesmessage.com", local_server.url)
    contact = {"id": 3, "first_name": "Den"}
    local_server.handler = lambda req: Reply(200, [{"id": 7, "closed_at": "", "contact": contact}])
    exec(compile(code, str(README), "exec"), {})
    (req,) = local_server.requests
    assert req.path == "/pub/v2.2/conversations?filter=open&limit=25"
    assert req.headers["Authorization"] == "Bearer YOUR_PERSONAL_ACCESS_TOKEN"
    out = capsys.readouterr().out
    assert out == "7 {'id': 7, 'closed_at': None, 'contact': {'id': 3, 'first_name': 'Den'}}\n"
