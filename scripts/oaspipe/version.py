"""The SDK's version and changelog: read, bump, and write an entry for one regeneration.

The version lives in two places that must agree: `pyproject.toml` (`version = "X.Y.Z"`) and the
hand-written package (`__version__ = "X.Y.Z"`). A regeneration with changes moves the CHANGELOG's
"Unreleased" notes into a new entry:

    ## 1.3.0 - 2026-11-27

    Regenerated from the Salesmsg API v2.2 document (sha256 `4f1c…`): minor (2 additions).

    ### Added (non-breaking)
    - `GET /numbers`: the success response gained property `country` (`response-property-added`)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .changes import BREAKING, INFO, NON_BREAKING, Bump, Change, markdown_sections, next_version, sort_changes
from .documents import write_atomic

__all__ = ["VersionError", "VersionFiles", "apply_bump", "changelog_entry", "insert_changelog_entry"]

_PYPROJECT_VERSION = re.compile(r'^version = "(\d+\.\d+\.\d+)"$', re.M)
_MODULE_VERSION = re.compile(r'^__version__ = "(\d+\.\d+\.\d+)"$', re.M)
_UNRELEASED = "## Unreleased"


class VersionError(Exception):
    """The version files disagree or cannot be read; nothing was written."""


@dataclass(frozen=True)
class VersionFiles:
    pyproject: Path
    module: Path  # the file with `__version__ = "..."`
    changelog: Path

    def current(self) -> str:
        versions = {
            self.pyproject: _find(_PYPROJECT_VERSION, self.pyproject),
            self.module: _find(_MODULE_VERSION, self.module),
        }
        if len(set(versions.values())) != 1:
            shown = ", ".join(f"{path.name}: {version}" for path, version in versions.items())
            raise VersionError(f"the version files disagree ({shown}); make them equal first")
        return next(iter(versions.values()))


def _find(pattern: re.Pattern[str], path: Path) -> str:
    match = pattern.search(path.read_text(encoding="utf-8"))
    if match is None:
        raise VersionError(f"{path}: no line matching {pattern.pattern!r}")
    return match.group(1)


def changelog_entry(
    version: str,
    bump: Bump,
    changes: Sequence[Change],
    *,
    api_version: str,
    document_sha256: str,
    date: datetime.date,
    notes: str = "",
) -> str:
    """The Markdown entry for one release; `notes` are the hand-written Unreleased lines, kept."""
    ordered = sort_changes(changes)
    counts = ", ".join(
        f"{n} {label}"
        for label, n in (
            ("breaking", sum(c.level == BREAKING for c in ordered)),
            ("additions", sum(c.level == NON_BREAKING for c in ordered)),
            ("informational", sum(c.level == INFO for c in ordered)),
        )
        if n
    )
    lines = [
        f"## {version} - {date.isoformat()}",
        "",
        f"Regenerated from the Salesmsg API v{api_version} document (sha256 `{document_sha256}`): "
        f"{bump} ({counts}).",
        "",
    ]
    lines += markdown_sections(ordered, heading="###")
    if notes.strip():
        lines += ["### Other changes", "", notes.strip(), ""]
    return "\n".join(lines)


def insert_changelog_entry(changelog: str, entry: str) -> str:
    """The changelog with `entry` after an emptied "Unreleased" section (whose notes it carries)."""
    if _UNRELEASED not in changelog:
        head, sep, rest = changelog.partition("\n## ")
        return f"{head.rstrip()}\n\n{_UNRELEASED}\n\n{entry.rstrip()}\n" + (f"\n## {rest}" if sep else "")
    before, _, after = changelog.partition(_UNRELEASED)
    _, sep, older = after.partition("\n## ")
    tail = f"\n## {older}" if sep else ""
    return f"{before}{_UNRELEASED}\n\n{entry.rstrip()}\n{tail}"


def unreleased_notes(changelog: str) -> str:
    """The hand-written lines under "## Unreleased" (moved into the next release entry)."""
    if _UNRELEASED not in changelog:
        return ""
    after = changelog.partition(_UNRELEASED)[2]
    return after.partition("\n## ")[0].strip()


def apply_bump(
    files: VersionFiles,
    bump: Bump,
    changes: Sequence[Change],
    *,
    api_version: str,
    document_sha256: str,
    date: datetime.date,
    dry_run: bool = False,
) -> tuple[str, str, str]:
    """Bump both version files and write the changelog entry; returns (old, new, entry)."""
    old = files.current()
    new = next_version(old, bump)
    changelog = files.changelog.read_text(encoding="utf-8") if files.changelog.exists() else "# Changelog\n"
    entry = changelog_entry(
        new,
        bump,
        changes,
        api_version=api_version,
        document_sha256=document_sha256,
        date=date,
        notes=unreleased_notes(changelog),
    )
    if dry_run:
        return old, new, entry
    pyproject = files.pyproject.read_text(encoding="utf-8")
    module = files.module.read_text(encoding="utf-8")
    write_atomic(files.pyproject, _PYPROJECT_VERSION.sub(f'version = "{new}"', pyproject, count=1))
    write_atomic(files.module, _MODULE_VERSION.sub(f'__version__ = "{new}"', module, count=1))
    write_atomic(files.changelog, insert_changelog_entry(changelog, entry))
    return old, new, entry
