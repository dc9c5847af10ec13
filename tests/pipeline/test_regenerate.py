"""`regenerate` end to end on a copy of the project: no change, overlay drift, a removed operation."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from oaspipe.documents import dump_json
from oaspipe.project import Project
from oaspipe.regenerate import RegenerationError, regenerate
from oaspipe.version import VersionFiles

ROOT = Path(__file__).resolve().parents[2]
DAY = datetime.date(2026, 11, 27)
pytestmark = pytest.mark.slow  # each run generates the package (about 2 s)


def project_copy(tmp: Path) -> tuple[Project, VersionFiles]:
    for name in ("openapi", "overlays", "generated"):
        shutil.copytree(ROOT / name, tmp / name, ignore=shutil.ignore_patterns("__pycache__", "testing"))
    for name in ("generator-config.yaml", "pyproject.toml", "CHANGELOG.md"):
        shutil.copyfile(ROOT / name, tmp / name)
    project = Project(
        root=tmp,
        default_api_version="2.2",
        api_versions=("2.2",),
        url_template="http://127.0.0.1:9/doc-{version}.json",
        url_env="SALESMSG_TEST_UNUSED_URL",
        snapshot_template="salesmsg-v{version}.json",
        overlays_dir=tmp / "overlays",
        templates_dir=tmp / "overlays" / "templates",
        generator_config=tmp / "generator-config.yaml",
        output_dir=tmp / "generated",
        package_name="salesmsg_client",
    )
    files = VersionFiles(
        tmp / "pyproject.toml", tmp / "overlays" / "salesmsg" / "__init__.py", tmp / "CHANGELOG.md"
    )
    return project, files


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def without_count_operation(project: Project, tmp: Path) -> Path:
    document = json.loads(project.snapshot_path().read_text())
    del document["paths"]["/contacts/filters/count"]
    changed = tmp / "vendor-next.json"
    changed.write_text(dump_json(document))
    return changed


def test_the_bundled_snapshot_against_itself_changes_nothing(tmp_path: Path) -> None:
    project, files = project_copy(tmp_path)
    before = tree_bytes(tmp_path)
    lines: list[str] = []
    result = regenerate(
        project, files, api_version="2.2", spec=project.snapshot_path(), log=lines.append, today=DAY
    )
    assert (result.changes, result.bump, result.new_version, result.written) == ([], None, None, False)
    assert "No change." in "\n".join(lines)
    assert tree_bytes(tmp_path) == before


def test_overlay_drift_stops_before_touching_anything_and_says_what_moved(tmp_path: Path) -> None:
    project, files = project_copy(tmp_path)
    changed = without_count_operation(project, tmp_path / "generated")  # a file outside the compared tree
    before = tree_bytes(tmp_path)
    with pytest.raises(RegenerationError) as caught:
        regenerate(project, files, api_version="2.2", spec=changed, log=lambda _line: None, today=DAY)
    message = str(caught.value)
    assert message.startswith("regenerate: stopped before touching the package: overlay: ")
    assert "10-operation-ids.yaml: action #5" in message
    assert "$.paths['/contacts/filters/count'].get" in message
    assert re.search(
        r"what moved in the vendor's document:\n    GET /contacts/filters/count: .*removed", message
    )
    changed.unlink()
    assert tree_bytes(tmp_path) == {k: v for k, v in before.items() if k != "generated/vendor-next.json"}


def test_a_removed_operation_is_a_major_release_named_in_the_changelog(tmp_path: Path) -> None:
    project, files = project_copy(tmp_path)
    changed = without_count_operation(project, tmp_path)
    # The maintainer answers the drift report: drop the overlay actions for the removed operation.
    for name, pattern in (
        ("10-operation-ids.yaml", r"  - target: \$\.paths\['/contacts/filters/count'\]\.get\n(?:    .*\n)+"),
        ("50-deprecations.yaml", r"  - target: \$\.paths\['/contacts/filters/count'\].*\n(?:    .*\n)+"),
    ):
        path = tmp_path / "overlays" / name
        text, count = re.subn(pattern, "", path.read_text(), count=1)
        assert count == 1, name
        path.write_text(text)
    lines: list[str] = []
    result = regenerate(project, files, api_version="2.2", spec=changed, log=lines.append, today=DAY)
    assert (result.bump, result.old_version, result.new_version, result.written) == (
        "major",
        "0.1.0",
        "1.0.0",
        True,
    )
    ids = {(c.id, c.where) for c in result.changes}
    assert any(where == "GET /contacts/filters/count" and "removed" in cid for cid, where in ids)
    assert ("python-module-removed", "salesmsg_client.api.contacts.count_contact_filters") in ids
    changelog = files.changelog.read_text()
    assert "## 1.0.0 - 2026-11-27" in changelog and "`GET /contacts/filters/count`" in changelog
    assert 'version = "1.0.0"' in files.pyproject.read_text()
    assert '__version__ = "1.0.0"' in files.module.read_text()
    assert not (tmp_path / "generated/salesmsg_client/api/contacts/count_contact_filters.py").exists()
    assert project.snapshot_path().read_bytes() == changed.read_bytes()
    # The installed tree is exactly what `generate --check` expects (stamp included).
    check = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "pipeline.py"),
            "generate",
            "--check",
            "--spec",
            str(project.snapshot_path()),
            "--overlays",
            str(project.overlays_dir),
            "--templates",
            str(project.templates_dir),
            "--config",
            str(project.generator_config),
            "--output",
            str(project.output_dir),
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    # And again: nothing left to do.
    again = regenerate(project, files, api_version="2.2", spec=changed, log=lambda _line: None, today=DAY)
    assert again.bump is None and again.written is False


def test_no_network_says_so_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    project, files = project_copy(tmp_path)
    before = tree_bytes(tmp_path)
    with pytest.raises(RegenerationError) as caught:
        regenerate(project, files, api_version="2.2", log=lambda _line: None, today=DAY)
    message = str(caught.value)
    assert message.startswith("regenerate: fetch failed, nothing changed: ") and "\n" not in message
    assert tree_bytes(tmp_path) == before


def test_dry_run_reports_the_bump_and_writes_nothing(tmp_path: Path) -> None:
    project, files = project_copy(tmp_path)
    document = json.loads(project.snapshot_path().read_text())
    document["paths"]["/teams"]["get"]["description"] = "Teams are inboxes (new wording)."
    changed = tmp_path / "doc.json"
    changed.write_text(dump_json(document))
    before = tree_bytes(tmp_path / "generated") | {"CHANGELOG.md": files.changelog.read_bytes()}
    lines: list[str] = []
    result = regenerate(
        project, files, api_version="2.2", spec=changed, dry_run=True, log=lines.append, today=DAY
    )
    assert (result.bump, result.new_version, result.written) == ("patch", "0.1.1", False)
    assert any(line.startswith("dry run   would bump 0.1.0 → 0.1.1 (patch)") for line in lines)
    assert (tree_bytes(tmp_path / "generated") | {"CHANGELOG.md": files.changelog.read_bytes()}) == before
