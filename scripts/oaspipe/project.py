"""Where a project keeps its document, overlays and output: the only project-specific settings.

`scripts/pipeline.py` builds one `Project` with the Salesmsg defaults; the stages take it (or
plain paths) as arguments, so the same stages run on any vendor's document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path
    #: API version used when none is given (`--api-version`).
    default_api_version: str
    #: Versions `fetch` accepts.
    api_versions: tuple[str, ...]
    #: Where the vendor serves the document; `{version}` is replaced by the API version.
    url_template: str
    #: Environment variable that overrides `url_template` (it may contain `{version}` too).
    url_env: str
    #: Snapshot file name; `{version}` is replaced by the API version.
    snapshot_template: str
    overlays_dir: Path
    templates_dir: Path
    generator_config: Path
    output_dir: Path
    package_name: str
    #: Recorded in the provenance file when the URL came from `url_template` (say if it is a guess).
    url_template_note: str = "the project's default URL template"

    def snapshot_path(self, version: str | None = None) -> Path:
        name = self.snapshot_template.format(version=version or self.default_api_version)
        return self.root / "openapi" / name

    def provenance_path(self, version: str | None = None) -> Path:
        snapshot = self.snapshot_path(version)
        return snapshot.with_name(snapshot.stem + ".provenance.json")

    def source_url(self, version: str | None = None, override: str | None = None) -> str:
        """The URL to fetch: an explicit override, else the environment variable, else the template."""
        template = override or os.environ.get(self.url_env) or self.url_template
        return template.format(version=version or self.default_api_version)
