"""Version bump and changelog entry: the decision for each kind of change, and the files written."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from oaspipe.changes import BREAKING, INFO, NON_BREAKING, Change, bump_for, next_version
from oaspipe.version import VersionError, VersionFiles, apply_bump, insert_changelog_entry

DAY = datetime.date(2026, 11, 27)
REMOVED = Change(
    "api-path-removed-without-deprecation",
    BREAKING,
    "GET /contacts/search",
    "the operation was removed",
    "document",
)
ADDED = Change("endpoint-added", NON_BREAKING, "GET /numbers/{number}", "the operation was added", "document")
DOC = Change("description-changed", INFO, "GET /teams", "the description changed", "document")
PY_REMOVED = Change(
    "python-parameter-removed",
    BREAKING,
    "salesmsg_client.api.tags.list_tags.sync",
    "parameter `length` was removed",
    "python",
)


@pytest.mark.parametrize(
    ("changes", "bump"),
    [
        ([], None),
        ([DOC], "patch"),
        ([ADDED], "minor"),
        ([ADDED, DOC], "minor"),
        ([REMOVED], "major"),
        ([ADDED, REMOVED, DOC], "major"),
        ([DOC, PY_REMOVED], "major"),  # harmless on the wire, breaking for Python callers
    ],
)
def test_bump_decision(changes: list[Change], bump: str | None) -> None:
    assert bump_for(changes) == bump


def test_next_version() -> None:
    assert [next_version("0.1.0", b) for b in ("major", "minor", "patch")] == ["1.0.0", "0.2.0", "0.1.1"]  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"not a MAJOR\.MINOR\.PATCH"):
        next_version("1.0", "patch")


def project_files(tmp_path: Path, pyproject: str = "0.4.2", module: str = "0.4.2") -> VersionFiles:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{pyproject}"\n')
    (tmp_path / "pkg.py").write_text(f'"""doc"""\n\n__version__ = "{module}"\n')
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\nIntro.\n\n## Unreleased\n\n- Hand-written note.\n\n## 0.4.2 - 2026-10-01\n\n- Old.\n"
    )
    return VersionFiles(tmp_path / "pyproject.toml", tmp_path / "pkg.py", tmp_path / "CHANGELOG.md")


def test_a_removed_operation_is_a_major_bump_with_a_changelog_entry_naming_it(tmp_path: Path) -> None:
    files = project_files(tmp_path)
    old, new, entry = apply_bump(
        files, "major", [REMOVED, DOC], api_version="2.2", document_sha256="ab" * 32, date=DAY
    )
    assert (old, new) == ("0.4.2", "1.0.0")
    assert 'version = "1.0.0"' in files.pyproject.read_text()
    assert '__version__ = "1.0.0"' in files.module.read_text()
    assert files.changelog.read_text() == (
        "# Changelog\n\nIntro.\n\n## Unreleased\n\n"
        "## 1.0.0 - 2026-11-27\n\n"
        f"Regenerated from the Salesmsg API v2.2 document (sha256 `{'ab' * 32}`): major (1 breaking, "
        "1 informational).\n\n"
        "### Breaking\n\n"
        "- `GET /contacts/search`: the operation was removed (`api-path-removed-without-deprecation`)\n\n"
        "### Informational\n\n"
        "- `GET /teams`: the description changed (`description-changed`)\n\n"
        "### Other changes\n\n"
        "- Hand-written note.\n\n"
        "## 0.4.2 - 2026-10-01\n\n- Old.\n"
    )
    assert entry in files.changelog.read_text()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    files = project_files(tmp_path)
    before = {p: p.read_bytes() for p in (files.pyproject, files.module, files.changelog)}
    old, new, entry = apply_bump(
        files, "minor", [ADDED], api_version="2.2", document_sha256="0" * 64, date=DAY, dry_run=True
    )
    assert (old, new) == ("0.4.2", "0.5.0")
    assert entry.startswith("## 0.5.0 - 2026-11-27\n") and "`endpoint-added`" in entry
    assert {p: p.read_bytes() for p in before} == before


def test_disagreeing_version_files_are_refused(tmp_path: Path) -> None:
    files = project_files(tmp_path, pyproject="1.0.0", module="0.9.0")
    with pytest.raises(VersionError, match=r"disagree \(pyproject.toml: 1.0.0, pkg.py: 0.9.0\)"):
        apply_bump(files, "patch", [DOC], api_version="2.2", document_sha256="0" * 64, date=DAY)
    assert 'version = "1.0.0"' in files.pyproject.read_text()


def test_changelog_without_unreleased_section_gets_one() -> None:
    out = insert_changelog_entry(
        "# Changelog\n\n## 1.0.0 - 2026-01-01\n\n- x\n", "## 1.1.0 - 2026-02-01\n\n- y\n"
    )
    assert (
        out
        == "# Changelog\n\n## Unreleased\n\n## 1.1.0 - 2026-02-01\n\n- y\n\n## 1.0.0 - 2026-01-01\n\n- x\n"
    )


def test_the_changes_module_examples_hold() -> None:
    import doctest

    from oaspipe import changes

    assert doctest.testmod(changes).failed == 0
