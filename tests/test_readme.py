"""The README's quickstart runs as printed against the fake Salesmsg server, and type-checks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from salesmsg.testing import FakeSalesmsg

README = Path(__file__).resolve().parent.parent / "README.md"
MARKER = "<!-- test: runs as printed against salesmsg.testing (tests/test_readme.py) -->"


def quickstart() -> str:
    text = README.read_text()
    (block,) = re.findall(re.escape(MARKER) + r"\n```python\n(.*?)```", text, flags=re.S)
    return block


def test_quickstart_runs_unchanged_against_the_fake(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeSalesmsg() as fake:
        monkeypatch.setenv("SALESMSG_ACCESS_TOKEN", fake.access_token)
        monkeypatch.setenv("SALESMSG_BASE_URL", fake.url)
        exec(compile(quickstart(), str(README), "exec"), {"__name__": "__readme__"})
        sent = fake.sent_messages
    lines = capsys.readouterr().out.splitlines()
    open_ids = [line.split()[0] for line in lines[:3]]
    assert all(i.isdigit() for i in open_ids)
    assert lines[-1].startswith(f"sent {sent[-1].message_id} ")
    assert sent[-1].text == "Hello, my name is Den" and len(sent) == 1


@pytest.mark.slow
def test_quickstart_type_checks_strictly(tmp_path: Path) -> None:
    script = tmp_path / "quickstart.py"
    script.write_text(quickstart())
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
