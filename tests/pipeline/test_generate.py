"""The generate stage end to end: real documents, real overlays, the real generator and ruff."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from oaspipe import generate
from oaspipe.documents import dump_json, load_document
from oaspipe.generate import Inputs, StageError
from oaspipe.verify import check_modules

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "overlays" / "templates"
PIPELINE = ROOT / "scripts" / "pipeline.py"

pytestmark = pytest.mark.slow


def project_inputs(output: Path, overlays: Path | None = ROOT / "overlays") -> Inputs:
    return Inputs(
        spec=ROOT / "openapi" / "salesmsg-v2.2.json",
        overlays=overlays,
        templates=TEMPLATES,
        config=ROOT / "generator-config.yaml",
        output=output,
        package_name="salesmsg_client",
    )


def tree_hash(folder: Path) -> str:
    return generate.tree_digest(folder) if folder.exists() else "absent"


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("gen")
    lines: list[str] = []
    assert generate.run(project_inputs(out), log=lines.append) == 0
    return out, lines


def test_prints_one_line_per_stage_with_counts_and_seconds(generated_once: tuple[Path, list[str]]) -> None:
    _, lines = generated_once
    stages = [line.split()[0] for line in lines]
    assert stages == ["lint", "overlay", "lint", "generate", "verify", "install"]
    assert all(line.rstrip().endswith(" s") for line in lines[:5])
    assert "47 operations" in lines[0]
    assert "findings" in lines[0]
    assert "patched document clean: 47 operations" in lines[2]
    assert "47 endpoint modules" in lines[3]
    assert "47/47 operations have a module" in lines[4]


def test_output_is_byte_identical_to_the_committed_tree(generated_once: tuple[Path, list[str]]) -> None:
    out, _ = generated_once
    assert generate.compare_trees(out / "salesmsg_client", ROOT / "generated" / "salesmsg_client") == []


def test_second_run_with_nothing_changed_skips(generated_once: tuple[Path, list[str]]) -> None:
    out, _ = generated_once
    lines: list[str] = []
    assert generate.run(project_inputs(out), log=lines.append) == 0
    assert len(lines) == 1
    assert "up to date" in lines[0]


def test_a_hand_edit_in_the_output_is_noticed_and_regenerated(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate.run(project_inputs(out), log=lambda _: None)
    clean = tree_hash(out / "salesmsg_client")
    (out / "salesmsg_client" / "client.py").write_text("# edited by hand\n")
    lines: list[str] = []
    generate.run(project_inputs(out), log=lines.append)
    assert "up to date" not in lines[0]
    assert tree_hash(out / "salesmsg_client") == clean


def test_generation_is_deterministic(tmp_path: Path, generated_once: tuple[Path, list[str]]) -> None:
    out, _ = generated_once
    again = tmp_path / "again"
    generate.run(project_inputs(again), log=lambda _: None, force=True)
    assert generate.compare_trees(out / "salesmsg_client", again / "salesmsg_client") == []


def test_package_carries_patched_document_and_provenance(generated_once: tuple[Path, list[str]]) -> None:
    out, _ = generated_once
    pkg = out / "salesmsg_client"
    assert (pkg / "py.typed").exists()
    patched = load_document(pkg / "openapi.json")
    assert all(op.get("operationId") for path in patched["paths"].values() for op in path.values())
    source = (pkg / "_source.py").read_text()
    snapshot_sha = hashlib.sha256((ROOT / "openapi" / "salesmsg-v2.2.json").read_bytes()).hexdigest()
    assert f"DOCUMENT_SHA256 = '{snapshot_sha}'" in source
    assert "API_VERSION = '2.2'" in source


def test_overlay_that_no_longer_fits_stops_before_touching_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate.run(project_inputs(out), log=lambda _: None)
    before = tree_hash(out / "salesmsg_client")
    overlays = tmp_path / "overlays"
    shutil.copytree(ROOT / "overlays", overlays, ignore=shutil.ignore_patterns("salesmsg", "templates"))
    (overlays / "99-moved.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
        "  - target: $.paths['/conversations/{conversation}/archive'].put\n"
        "    update: {operationId: archiveConversation}\n"
    )
    with pytest.raises(StageError) as err:
        generate.run(project_inputs(out, overlays), log=lambda _: None)
    message = str(err.value)
    assert err.value.stage == "overlay"
    assert "99-moved.yaml" in message
    assert "action #0" in message
    assert "/conversations/{conversation}/archive" in message
    assert tree_hash(out / "salesmsg_client") == before


def test_lint_refuses_the_unpatched_document_naming_each_operation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    empty = tmp_path / "no-overlays"
    empty.mkdir()
    with pytest.raises(StageError) as err:
        generate.run(project_inputs(out, empty), log=lambda _: None)
    assert err.value.stage == "lint"
    details = "\n".join(err.value.details)
    assert "GET /contacts/{contact}" in details
    assert "operation-id-missing" in details
    assert "POST /oauth/token: request-body-encodings" in details  # module would not import
    assert not out.exists() or not (out / "salesmsg_client").exists()


def test_verify_names_an_operation_without_module(
    generated_once: tuple[Path, list[str]], tmp_path: Path
) -> None:
    out, _ = generated_once
    pkg = tmp_path / "salesmsg_client"
    shutil.copytree(out / "salesmsg_client", pkg)
    (pkg / "api" / "tags" / "create_tag.py").unlink()
    report = check_modules(load_document(pkg / "openapi.json"), pkg)
    assert report.missing == ["POST /tags (expected api/tags/create_tag.py)"]
    assert report.modules == 46


def test_cli_check_passes_on_the_committed_tree_and_fails_on_a_difference(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(ROOT / "generated", out)
    cmd = [sys.executable, str(PIPELINE), "generate", "--check", "--output", str(out)]
    ok = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "byte-identical" in ok.stdout
    (out / "salesmsg_client" / "api" / "tags" / "create_tag.py").write_text("# stale\n")
    bad = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "differs: api/tags/create_tag.py" in bad.stderr


def test_cli_overlay_writes_json_or_yaml_by_extension(tmp_path: Path) -> None:
    for name in ("patched.json", "patched.yaml"):
        target = tmp_path / name
        cmd = [sys.executable, str(PIPELINE), "overlay", str(ROOT / "openapi" / "salesmsg-v2.2.json"),
               str(ROOT / "overlays"), "-o", str(target)]  # fmt: skip
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        assert load_document(target) == load_document(ROOT / "generated" / "salesmsg_client" / "openapi.json")
    assert (tmp_path / "patched.json").read_text() == dump_json(load_document(tmp_path / "patched.yaml"))


def test_template_overrides_were_written_against_the_pinned_generator() -> None:
    """Each override is a copy of an upstream 0.29.1 template plus small edits; if the generator
    is upgraded, its templates change and every override must be reviewed again."""
    import openapi_python_client

    upstream = Path(openapi_python_client.__file__).parent / "templates"
    recorded = dict(
        line.split()[::-1]
        for line in (TEMPLATES / "UPSTREAM.sha256").read_text().splitlines()
        if line.strip()
    )
    overrides = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.jinja"))
    assert sorted(recorded) == overrides
    for name, digest in recorded.items():
        assert hashlib.sha256((upstream / name).read_bytes()).hexdigest() == digest, name


def test_generator_config_has_only_keys_the_generator_reads() -> None:
    """openapi-python-client ignores unknown config keys without a word: a typo would be lost."""
    from openapi_python_client.config import ConfigFile

    config = load_document(ROOT / "generator-config.yaml")
    assert set(config) <= set(ConfigFile.model_fields)
    assert config["post_hooks"] == []
