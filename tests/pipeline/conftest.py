"""Fixtures shared by the pipeline tests."""

from __future__ import annotations

from pathlib import Path

from oaspipe.project import Project


def make_project(root: Path) -> Project:
    """A project rooted in a test folder, whose default URL can never be reached."""
    return Project(
        root=root,
        default_api_version="2.2",
        api_versions=("2.2", "2.3"),
        url_template="http://127.0.0.1:9/never-{version}.json",
        url_env="OASPIPE_TEST_FETCH_URL",
        snapshot_template="demo-v{version}.json",
        overlays_dir=root / "overlays",
        templates_dir=root / "templates",
        generator_config=root / "config.yaml",
        output_dir=root / "generated",
        package_name="demo",
    )
