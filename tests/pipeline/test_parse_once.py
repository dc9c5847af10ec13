"""The generator parses a document once: the lint's dry parse is what gets rendered.

`generate` renders from `lint_for_generation(...).generator_data` instead of running
`openapi-python-client generate` on the same document again; these prove the two give the same files.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path
from typing import Any

import pytest
from oaspipe.documents import load_document
from oaspipe.generate import compare_trees
from oaspipe.lint import UPSTREAM_SORT_PARAMETERS_SHA256, default_config, lint_for_generation

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "overlays" / "templates"

pytestmark = pytest.mark.slow


def render(data: Any, output: Path) -> Path:
    """The generator's render step alone (no post-hooks) into `output`."""
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType

    config_file = ConfigFile(package_name_override="pkg", post_hooks=[])
    config = Config.from_sources(config_file, MetaType.NONE, output, "utf-8", False, output)
    assert Project(openapi=data, config=config, custom_template_path=TEMPLATES).build() == []
    return output


def documents() -> dict[str, Any]:
    import synthetic_document

    patched = load_document(ROOT / "generated" / "salesmsg_client" / "openapi.json")
    return {"salesmsg": patched, "synthetic": synthetic_document.build_document(40, 30)}


@pytest.mark.parametrize("doc", [pytest.param(doc, id=name) for name, doc in documents().items()])
def test_rendering_the_lint_parse_writes_what_the_generator_writes(doc: Any, tmp_path: Path) -> None:
    from openapi_python_client.parser.openapi import GeneratorData

    config = default_config()
    linted = lint_for_generation(doc, config=config)
    assert linted.findings == []
    ours = render(linted.generator_data, tmp_path / "ours")
    theirs_data = GeneratorData.from_dict(doc, config=config)
    assert isinstance(theirs_data, GeneratorData)
    theirs = render(theirs_data, tmp_path / "theirs")
    assert len(list(ours.rglob("*.py"))) > 20
    assert compare_trees(theirs, ours) == []


def test_a_document_with_findings_gives_no_parse_to_render() -> None:
    doc = load_document(ROOT / "openapi" / "salesmsg-v2.2.json")  # before the overlays
    linted = lint_for_generation(doc, config=default_config())
    assert linted.findings
    assert linted.generator_data is None


def test_the_replaced_generator_function_is_still_the_one_it_was_written_against() -> None:
    """`_sort_parameters_without_deepcopy` copies upstream's `Endpoint.sort_parameters` minus its
    deepcopy; a generator upgrade that changes the function must be reviewed (as templates are)."""
    from openapi_python_client.parser.openapi import Endpoint

    source = inspect.getsource(Endpoint.sort_parameters)
    assert hashlib.sha256(source.encode()).hexdigest() == UPSTREAM_SORT_PARAMETERS_SHA256
    assert "endpoint = deepcopy(endpoint)" in source


def test_the_generators_own_function_is_back_after_the_lint() -> None:
    from openapi_python_client.parser.openapi import Endpoint

    before = Endpoint.__dict__["sort_parameters"]
    lint_for_generation(documents()["synthetic"], config=default_config())
    assert Endpoint.__dict__["sort_parameters"] is before
