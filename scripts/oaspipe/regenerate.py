"""`make regenerate`: fetch → overlays → generate → report → version bump, all or nothing.

Every stage works in a temporary folder; the repository changes only at the end, when all passed:

1. **fetch** the live document into the staging folder (conditional GET against the current
   snapshot), or take a local `--spec` file. No network: one line, and nothing changes.
2. **build** the package from it with the overlays (`generate.build`). An overlay action that no
   longer fits (its target is gone, or it now conflicts) stops here: the report names the overlay
   file, the action and its target, plus what moved in the vendor's document around that target.
3. **report**: the document diff (patched document before ↔ after) and the Python-surface diff
   (committed `generated/` ↔ the new build), as Markdown on stdout and JSON in `--report-dir`.
4. **install** (unless `--dry-run`): the snapshot and its provenance, the package and its stamp,
   then the version bump (major / minor / patch from the findings) and a CHANGELOG entry.

Regenerating from the same document reports no change and writes nothing.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from . import generate as generate_stage
from .changes import Bump, Change, bump_for, changes_to_json, changes_to_markdown, sort_changes
from .documents import dump_json, parse_document, sha256_hex, write_atomic
from .fetch import FetchError, fetch_document, provenance_path_for, url_note
from .generate import _rel
from .project import Project
from .version import VersionError, VersionFiles, apply_bump

__all__ = ["Regeneration", "regenerate", "register"]

Log = Callable[[str], None]


@dataclass(frozen=True)
class Regeneration:
    """What one regeneration found and did."""

    changes: list[Change]
    bump: Bump | None
    old_version: str
    new_version: str | None  # None: nothing to release
    written: bool


class RegenerationError(Exception):
    """A stage failed; the repository is as it was."""


def regenerate(
    project: Project,
    versions: VersionFiles,
    *,
    api_version: str,
    url: str | None = None,
    spec: Path | None = None,
    dry_run: bool = False,
    report_dir: Path | None = None,
    log: Log = print,
    transport: httpx.BaseTransport | None = None,
    today: datetime.date | None = None,
) -> Regeneration:
    """Run the whole flow (see the module docstring); raises `RegenerationError` with one line."""
    snapshot = project.snapshot_path(api_version)
    provenance = project.provenance_path(api_version)
    inputs = generate_stage.Inputs.for_project(project)
    with tempfile.TemporaryDirectory(prefix="oaspipe-regenerate-") as tmp:
        stage = Path(tmp)
        staged = stage / snapshot.name
        staged_provenance = provenance_path_for(staged)
        _stage_document(project, api_version, url, spec, snapshot, provenance, staged, transport, log)
        (stage / "build").mkdir()
        try:
            new_package = generate_stage.build(replace(inputs, spec=staged), stage / "build", log)
        except generate_stage.StageError as exc:
            raise RegenerationError(_drift_report(exc, snapshot, staged)) from exc
        changes = _diff(inputs.package_dir, new_package)
        bump = bump_for(changes)
        old_version = versions.current()
        log("")
        log(changes_to_markdown(changes, title=f"Regeneration report (API v{api_version})"))
        if report_dir is not None:
            write_atomic(report_dir / "regeneration.json", changes_to_json(changes) + "\n")
            write_atomic(report_dir / "regeneration.md", changes_to_markdown(changes) + "\n")
        document_sha = sha256_hex(staged.read_bytes())
        if bump is None:
            log("report    no change to the document or the Python surface: nothing to install or release")
            return Regeneration(changes, None, old_version, None, False)
        release = functools.partial(
            apply_bump,
            versions,
            bump,
            changes,
            api_version=api_version,
            document_sha256=document_sha,
            date=today or datetime.date.today(),
        )
        old, new, entry = release(dry_run=True)
        if dry_run:
            log(f"dry run   would install {_rel(snapshot)} and {_rel(inputs.package_dir)}")
            log(f"dry run   would bump {old} → {new} ({bump}) and add to {_rel(versions.changelog)}:")
            log("")
            log(entry)
            return Regeneration(changes, bump, old, new, False)
        # Everything passed: install the snapshot, then regenerate in place (writes the stamp).
        write_atomic(snapshot, staged.read_bytes())
        if staged_provenance.exists():
            write_atomic(provenance, staged_provenance.read_bytes())
        generate_stage.run(inputs, log=log, force=True)
        release()
        log(f"version   {old} → {new} ({bump}); {_rel(versions.changelog)} has the entry")
        return Regeneration(changes, bump, old, new, True)


def _stage_document(
    project: Project,
    api_version: str,
    url: str | None,
    spec: Path | None,
    snapshot: Path,
    provenance: Path,
    staged: Path,
    transport: httpx.BaseTransport | None,
    log: Log,
) -> None:
    """Put the new document at `staged`: fetched (conditionally) or copied from `spec`."""
    if spec is not None:
        try:
            document = parse_document(spec.read_bytes(), name=str(spec))
        except (OSError, ValueError) as exc:
            raise RegenerationError(f"regenerate: cannot read {spec}: {exc}") from exc
        staged.write_text(dump_json(document), encoding="utf-8")
        log(f"fetch     skipped: using {spec} ({sha256_hex(staged.read_bytes())[:12]})")
        return
    # Start from the current snapshot, so an unchanged document answers 304 and stays byte-equal.
    if snapshot.exists():
        shutil.copyfile(snapshot, staged)
    if provenance.exists():
        shutil.copyfile(provenance, provenance_path_for(staged))
    source = project.source_url(api_version, url)
    try:
        result = fetch_document(
            source,
            snapshot=staged,
            api_version=api_version,
            source_url_note=url_note(project, url),
            transport=transport,
        )
    except FetchError as exc:
        raise RegenerationError(f"regenerate: fetch failed, nothing changed: {exc}") from exc
    log(f"fetch     {result.outcome}: {source} ({result.operations} operations)")


def _diff(old_root_package: Path, new_package: Path) -> list[Change]:
    from .docdiff import diff_documents
    from .surface import diff_surfaces

    changes: list[Change] = []
    old_doc = old_root_package / "openapi.json"
    if old_doc.exists():
        changes += diff_documents(
            json.loads(old_doc.read_text()), json.loads((new_package / "openapi.json").read_text())
        )
    changes += diff_surfaces(old_root_package.parent, new_package.parent, package=new_package.name)
    return sort_changes(changes)


_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"")


def _drift_report(error: generate_stage.StageError, old_snapshot: Path, new_snapshot: Path) -> str:
    """The stage error, plus what the vendor's document changed near the overlay target it names."""
    lines = [f"regenerate: stopped before touching the package: {error}", *(f"  {d}" for d in error.details)]
    if error.stage != "overlay" or not old_snapshot.exists():
        return "\n".join(lines)
    from .docdiff import diff_documents

    old = parse_document(old_snapshot.read_bytes(), name=str(old_snapshot))
    new = parse_document(new_snapshot.read_bytes(), name=str(new_snapshot))
    moved = diff_documents(old, new)
    names = {a or b for a, b in _QUOTED.findall(str(error))}
    near = [c for c in moved if any(name in c.where or name in c.text for name in names)]
    shown = near or [c for c in moved if c.level == "breaking"]
    if shown:
        lines.append("  what moved in the vendor's document:")
        lines += [f"    {c.where}: {c.text} ({c.id})" for c in shown[:20]]
    return "\n".join(lines)


# --- command line ----------------------------------------------------------------------------


def register(subparsers: Any, project: Project, versions: VersionFiles) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "regenerate",
        help="fetch → overlays → generate → report → version bump + changelog (all or nothing)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--api-version", choices=project.api_versions, default=project.default_api_version)
    p.add_argument("--url", help=f"document URL (else ${project.url_env}, else the project default)")
    p.add_argument("--spec", type=Path, help="use this local document instead of fetching")
    p.add_argument("--dry-run", action="store_true", help="report and show the bump; write nothing")
    p.add_argument("--report-dir", type=Path, help="also write regeneration.json / .md here")

    def command(args: argparse.Namespace) -> int:
        try:
            regenerate(
                project,
                versions,
                api_version=args.api_version,
                url=args.url,
                spec=args.spec,
                dry_run=args.dry_run,
                report_dir=args.report_dir,
                log=lambda line: print(line, flush=True),
            )
        except (RegenerationError, VersionError) as exc:
            print(str(exc), file=sys.stderr)
            return 1
        return 0

    p.set_defaults(func=command)


def register_diff(subparsers: Any) -> None:
    """`pipeline.py diff OLD NEW`: the document diff of two files (or, for folders, the Python surface)."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="classified changes between two OpenAPI documents, or two generated package folders",
        description=(
            "Compare two OpenAPI documents (JSON or YAML) and list what changed per operation and "
            "schema, classified breaking / non-breaking / informational with oasdiff's check ids. "
            "Given two folders that each contain the generated package, compare their public Python "
            "surface instead. Exit status 0 with no breaking change, 3 with one."
        ),
    )
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    p.add_argument("--package", default="salesmsg_client", help="package name, for folders")

    def command(args: argparse.Namespace) -> int:
        changes = _diff_paths(args.old, args.new, args.package)
        print(changes_to_json(changes) if args.json else changes_to_markdown(changes))
        return 3 if any(c.level == "breaking" for c in changes) else 0

    p.set_defaults(func=command)


def _diff_paths(old: Path, new: Path, package: str) -> list[Change]:
    if old.is_dir() and new.is_dir():
        from .surface import diff_surfaces

        return diff_surfaces(old, new, package=package)
    from .docdiff import diff_documents

    return diff_documents(
        parse_document(old.read_bytes(), name=str(old)), parse_document(new.read_bytes(), name=str(new))
    )
