#!/usr/bin/env python3
"""Entry point of the build pipeline: `python scripts/pipeline.py STAGE --help`.

    python scripts/pipeline.py fetch [--api-version 2.3] [--url URL]
    python scripts/pipeline.py overlay DOCUMENT OVERLAY... -o OUTPUT
    python scripts/pipeline.py lint DOCUMENT
    python scripts/pipeline.py generate [--spec DOC] [--overlays DIR] [--output DIR] [--check]
    python scripts/pipeline.py regenerate [--url URL | --spec DOC] [--dry-run] [--report-dir DIR]
    python scripts/pipeline.py diff OLD NEW [--json]     (two documents, or two package folders)

Only argument parsing lives here, and the Salesmsg defaults; each stage is a module of `oaspipe`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oaspipe import fetch, generate, lint, overlay, regenerate
from oaspipe.project import Project
from oaspipe.version import VersionFiles

ROOT = Path(__file__).resolve().parent.parent

SALESMSG = Project(
    root=ROOT,
    default_api_version="2.2",
    api_versions=("2.2", "2.3"),
    # Inferred from the published v2.3 URL; the vendor does not publish the v2.2 one.
    url_template="https://app.salesmessage.com/api/docs/salesmessage-public-api-v{version}.json",
    url_env="SALESMSG_OPENAPI_URL",
    snapshot_template="salesmsg-v{version}.json",
    overlays_dir=ROOT / "overlays",
    templates_dir=ROOT / "overlays" / "templates",
    generator_config=ROOT / "generator-config.yaml",
    output_dir=ROOT / "generated",
    package_name="salesmsg_client",
    url_template_note="inferred from the v2.3 URL; the v2.2 URL is not published",
)

VERSION_FILES = VersionFiles(
    pyproject=ROOT / "pyproject.toml",
    module=ROOT / "overlays" / "salesmsg" / "__init__.py",
    changelog=ROOT / "CHANGELOG.md",
)


def build_parser(project: Project = SALESMSG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline.py",
        description="OpenAPI document → overlays → generated Python client, one stage at a time.",
    )
    subparsers = parser.add_subparsers(dest="stage", required=True, metavar="STAGE")
    for stage in (fetch, overlay, lint, generate):
        stage.register(subparsers, project)
    regenerate.register(subparsers, project, VERSION_FILES)
    regenerate.register_diff(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
