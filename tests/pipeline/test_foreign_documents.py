"""The pipeline is not Salesmsg-only: other vendors' traits, end to end through `pipeline.py`.

The Twilio-like document has hundreds of operations, form-encoded bodies, per-path servers,
PascalCase parameters and `DateSent<`/`DateSent>` filters. The commands must name every operation
the generator would lose, and generate and import everything else with this project's templates.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from foreign_docs import clean_document, twilio_like_document
from oaspipe.documents import dump_json, dump_yaml

ROOT = Path(__file__).resolve().parents[2]
PIPELINE = [sys.executable, str(ROOT / "scripts" / "pipeline.py")]

pytestmark = pytest.mark.slow


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PIPELINE, *args], capture_output=True, text=True, check=False)


def test_lint_names_each_operation_with_colliding_inequality_filters(tmp_path: Path) -> None:
    spec = tmp_path / "twilio.yaml"
    spec.write_text(dump_yaml(twilio_like_document()))
    proc = run("lint", str(spec))
    assert proc.returncode == 1
    findings = proc.stdout.splitlines()[:-1]
    assert len(findings) == 9
    assert all(": parameter-name-collision: " in line for line in findings)
    assert any(line.startswith("GET /2010-04-01/Accounts/{AccountSid}/Messages.json:") for line in findings)
    assert proc.stdout.splitlines()[-1] == f"lint: 9 findings in {spec}"


def test_generate_refuses_the_document_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "twilio.json"
    spec.write_text(dump_json(twilio_like_document()))
    out = tmp_path / "out"
    proc = run(
        "generate", "--spec", str(spec), "--no-overlays", "--output", str(out), "--package-name", "twilio"
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("lint: the patched document has 9 findings")
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "build", "operations"),
    [
        ("twilio_client", lambda: twilio_like_document(inequality_filters=False), 343),
        ("clean31", clean_document, None),
    ],
)
def test_everything_else_generates_and_imports(
    tmp_path: Path, name: str, build: object, operations: int | None
) -> None:
    doc = build()  # type: ignore[operator]
    spec = tmp_path / "spec.json"
    spec.write_text(dump_json(doc))
    out = tmp_path / "out"
    proc = run("generate", "--spec", str(spec), "--no-overlays", "--output", str(out), "--package-name", name)
    assert proc.returncode == 0, proc.stderr
    verify_line = next(line for line in proc.stdout.splitlines() if line.startswith("verify"))
    total = sum(
        1
        for item in doc["paths"].values()
        for key in item
        if key in ("get", "post", "put", "delete", "patch")
    )
    if operations is not None:
        assert total == operations
    assert f"{total}/{total} operations have a module; {total} modules import" in verify_line
    assert (out / name / "py.typed").exists()
