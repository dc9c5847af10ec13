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


DOWNSTREAM = "<!-- test: a downstream test file (tests/test_readme.py runs it with pytest) -->"


def block_after(marker: str) -> str:
    (block,) = re.findall(re.escape(marker) + r"\n```python\n(.*?)```", README.read_text(), flags=re.S)
    return block


def quickstart() -> str:
    return block_after(MARKER)


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


@pytest.mark.slow
def test_the_downstream_fixture_example_passes_under_pytest(tmp_path: Path) -> None:
    (tmp_path / "test_downstream.py").write_text(block_after(DOWNSTREAM))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
