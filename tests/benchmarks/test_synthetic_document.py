"""`scripts/synthetic_document.py`: exact counts, the same bytes every time, a valid OpenAPI 3.0 document.

Fast on purpose (no generator run): `make bench` generates from it; these only pin what it writes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import synthetic_document
from oaspipe.documents import parse_document
from oaspipe.naming import iter_operations
from openapi_spec_validator import validate

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "synthetic_document.py"


@pytest.fixture(scope="module")
def default_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = tmp_path_factory.mktemp("synthetic") / "doc.json"
    cmd = [sys.executable, str(SCRIPT), "--operations", "400", "--schemas", "300", "-o", str(target)]
    subprocess.run(cmd, check=True)
    return target.read_text(encoding="utf-8")


def counts(doc: dict[str, Any]) -> tuple[int, int]:
    return len(iter_operations(doc)), len(doc["components"]["schemas"])


def test_the_benchmark_document_has_exactly_400_operations_and_300_schemas(default_text: str) -> None:
    doc = load_document_text(default_text)
    assert counts(doc) == (400, 300)
    assert doc["openapi"] == "3.0.3"


def test_the_same_arguments_give_the_same_bytes(default_text: str) -> None:
    again = synthetic_document.dump(synthetic_document.build_document(400, 300))
    assert again == default_text
    assert default_text.endswith("}\n")


def test_another_seed_gives_another_document() -> None:
    first = synthetic_document.build_document(40, 30, seed=1)
    second = synthetic_document.build_document(40, 30, seed=2)
    assert counts(first) == counts(second) == (40, 30)
    assert first != second


def test_the_document_is_valid_openapi_3_0(default_text: str) -> None:
    validate(load_document_text(default_text))


@pytest.mark.parametrize(("operations", "schemas"), [(1, 9), (7, 14), (40, 30)])
def test_other_sizes_are_exact_and_valid(operations: int, schemas: int) -> None:
    doc = synthetic_document.build_document(operations, schemas)
    assert counts(doc) == (operations, schemas)
    validate(doc)


def test_more_operations_than_the_resources_have_become_numbered_actions() -> None:
    doc = synthetic_document.build_document(1000, 40)  # 6 resources: ~166 operations each
    assert counts(doc) == (1000, 40)
    assert "/contacts/{id}/actions/action-150" in doc["paths"]


def test_shapes_like_the_salesmsg_document(default_text: str) -> None:
    doc = load_document_text(default_text)
    operations = iter_operations(doc)
    assert len({op["operationId"] for _, _, op in operations}) == 400
    assert {tag for _, _, op in operations for tag in op["tags"]} == set(synthetic_document.TAGS)
    assert any(op.get("deprecated") for _, _, op in operations)
    params = [p for _, _, op in operations for p in op.get("parameters", [])]
    assert {p["in"] for p in params} == {"path", "query"}
    assert any(p["name"] == "media_url[][url]" for p in params)
    assert sum("requestBody" in op for _, _, op in operations) > 100
    contact = doc["components"]["schemas"]["Contact"]
    assert 14 <= len(contact["properties"]) <= 20
    assert contact["properties"]["status"] == {"$ref": "#/components/schemas/ContactStatus"}
    assert "enum" in doc["components"]["schemas"]["ContactStatus"]


def test_too_few_schemas_are_refused_in_one_line(tmp_path: Path) -> None:
    cmd = [sys.executable, str(SCRIPT), "--schemas", "5", "-o", str(tmp_path / "x.json")]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "need at least 9 schemas" in proc.stderr
    assert not (tmp_path / "x.json").exists()


def load_document_text(text: str) -> dict[str, Any]:
    doc = parse_document(text)
    assert isinstance(doc, dict)
    return doc


def test_the_pipeline_lint_finds_nothing_to_refuse(default_text: str) -> None:
    """The lint's dry parse is the generator's parse: no finding means no generator warning."""
    from oaspipe.lint import lint_document

    assert lint_document(load_document_text(default_text)) == []
