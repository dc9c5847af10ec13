"""What changed between two regenerations, in one shape for both diffs (document and Python surface).

A `Change` names a check in the vocabulary of oasdiff (`api-path-removed-without-deprecation`,
`new-required-request-parameter`, ...) so users recognise it, its level, where it happened and a
sentence in plain words. The semver bump follows from the levels:

    >>> added = Change("endpoint-added", NON_BREAKING, "GET /numbers", "the operation was added", "document")
    >>> bump_for([added])
    'minor'
    >>> next_version("1.4.2", "major"), next_version("1.4.2", "minor"), next_version("1.4.2", "patch")
    ('2.0.0', '1.5.0', '1.4.3')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

__all__ = [
    "BREAKING",
    "INFO",
    "LEVELS",
    "NON_BREAKING",
    "Bump",
    "Change",
    "Level",
    "Source",
    "bump_for",
    "changes_from_json",
    "changes_to_json",
    "changes_to_markdown",
    "markdown_sections",
    "next_version",
    "sort_changes",
]

Level = Literal["breaking", "non-breaking", "info"]
Source = Literal["document", "python"]
Bump = Literal["major", "minor", "patch"]

BREAKING: Level = "breaking"  # a caller that worked before can fail now (oasdiff ERR/WARN)
NON_BREAKING: Level = "non-breaking"  # something was added; existing callers keep working
INFO: Level = "info"  # descriptions, examples, summaries: nothing a caller can observe
LEVELS: tuple[Level, ...] = (BREAKING, NON_BREAKING, INFO)
_ORDER = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True, order=True)
class Change:
    id: str  # the check, e.g. "api-path-removed-without-deprecation" (oasdiff) or "python-function-removed"
    level: Level
    where: str  # "GET /messages/{conversation}", "schema Message", "salesmsg_client.api.tags.create_tag.sync"
    text: str  # one sentence a user understands
    source: Source


def bump_for(changes: Iterable[Change]) -> Bump | None:
    """major for any breaking change, minor for additions, patch for the rest; None: nothing changed."""
    levels = {c.level for c in changes}
    if not levels:
        return None
    if BREAKING in levels:
        return "major"
    if NON_BREAKING in levels:
        return "minor"
    return "patch"


_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def next_version(version: str, bump: Bump) -> str:
    match = _SEMVER.match(version)
    if match is None:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {version!r}")
    major, minor, patch = (int(x) for x in match.groups())
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    """Breaking first, then by source, place and check: a stable order for reports and tests."""
    return sorted(set(changes), key=lambda c: (_ORDER[c.level], c.source, c.where, c.id, c.text))


def changes_to_json(changes: Sequence[Change]) -> str:
    ordered = sort_changes(changes)
    return json.dumps(
        {"bump": bump_for(ordered), "changes": [asdict(c) for c in ordered]}, indent=2, sort_keys=True
    )


def changes_from_json(text: str) -> list[Change]:
    return [Change(**item) for item in json.loads(text)["changes"]]


def changes_to_markdown(changes: Sequence[Change], *, title: str = "Changes") -> str:
    """A Markdown report: one section per level, one bullet per change (`where`: text `check-id`)."""
    ordered = sort_changes(changes)
    lines = [f"### {title}", ""]
    if not ordered:
        return "\n".join([*lines, "No change.", ""])
    return "\n".join(lines + markdown_sections(ordered, heading="####"))


_HEADINGS = {BREAKING: "Breaking", NON_BREAKING: "Added (non-breaking)", INFO: "Informational"}


def markdown_sections(changes: Sequence[Change], *, heading: str) -> list[str]:
    """One Markdown section per level present (`heading` is "###" or "####"), one bullet per change."""
    lines: list[str] = []
    for level in LEVELS:
        group = [c for c in changes if c.level == level]
        if group:
            lines += [f"{heading} {_HEADINGS[level]}", ""]
            lines += [f"- `{c.where}`: {c.text} (`{c.id}`)" for c in group]
            lines.append("")
    return lines
