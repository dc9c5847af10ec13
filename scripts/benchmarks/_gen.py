"""What the pipeline and import benchmarks share: the commands they time, and the documents they use.

    doc = write_synthetic(tmp / "synthetic.json", operations=400, schemas=300)
    seconds, out = timed_run(pipeline_command(output=tmp / "out", spec=doc, package="synthetic_client"))
    stages(out)   # {"lint": 0.1, "overlay": 0.0, "lint (patched)": 0.6, "generate": 2.1, "verify": 1.3}

Every command runs as a subprocess of this interpreter's build (the venv's python), so a figure is
what a user waits for, interpreter start included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "PACKAGE",
    "ROOT",
    "SYNTHETIC_PACKAGE",
    "bare_generator_command",
    "baseline_config",
    "child_env",
    "generate_synthetic_package",
    "generator_env",
    "patched_document",
    "pipeline_command",
    "stages",
    "timed_run",
    "warm_up",
    "write_synthetic",
]

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
PIPELINE = SCRIPTS / "pipeline.py"
TEMPLATES = ROOT / "overlays" / "templates"
PACKAGE = "salesmsg_client"
SYNTHETIC_PACKAGE = "synthetic_client"


def child_env(pythonpath: str | None = None) -> dict[str, str]:
    """This environment minus what would change a child's numbers: no PYTHON* (so .pyc files are
    written, as on a user's machine, even where PYTHONDONTWRITEBYTECODE is set), no SALESMSG_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SALESMSG_", "PYTHON"))}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return env


def timed_run(
    cmd: Sequence[str | Path], *, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> tuple[float, str]:
    """Wall seconds of one command, and its standard output; a failure raises with its stderr.

    `env` defaults to `child_env()`."""
    start = time.perf_counter()
    proc = subprocess.run(
        [str(part) for part in cmd],
        cwd=cwd,
        env=child_env() if env is None else env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise RuntimeError(f"{' '.join(str(p) for p in cmd)} failed ({proc.returncode}):\n{tail}")
    return elapsed, proc.stdout


def pipeline_command(
    *,
    output: Path,
    spec: Path | None = None,
    package: str = PACKAGE,
    force: bool = True,
) -> list[str | Path]:
    """`make generate` without make: the bundled snapshot and overlays, or `spec` without overlays."""
    cmd: list[str | Path] = [sys.executable, PIPELINE, "generate", "--output", output]
    if spec is not None:
        cmd += ["--spec", spec, "--no-overlays", "--package-name", package]
    return cmd + (["--force"] if force else [])


def baseline_config(folder: Path, package: str) -> Path:
    """The project's generator config, with the generator's own post-hooks (ruff fix, ruff format).

    The pipeline runs the pinned ruff itself (`post_hooks: []`); without `post_hooks` the bare
    generator runs its default ones, so both sides do the same job: parse, render, fix, format.
    """
    from oaspipe.documents import load_document

    config = load_document(ROOT / "generator-config.yaml")
    assert isinstance(config, dict)
    config.pop("post_hooks", None)
    config["package_name_override"] = package
    path = folder / f"baseline-config-{package}.json"
    path.write_text(json.dumps(config, sort_keys=True))
    return path


def bare_generator_command(document: Path, output: Path, config: Path) -> list[str | Path]:
    """`openapi-python-client generate` as a user would type it, with the project's templates."""
    generator = Path(sysconfig.get_path("scripts")) / "openapi-python-client"
    return [
        generator, "generate", "--path", document, "--meta", "none", "--output-path", output,
        "--config", config, "--custom-template-path", TEMPLATES, "--fail-on-warning",
    ]  # fmt: skip


def generator_env() -> dict[str, str]:
    """The environment with this venv's scripts first on PATH, where the default hooks find ruff."""
    env = child_env()
    return {**env, "PATH": f"{sysconfig.get_path('scripts')}{os.pathsep}{env.get('PATH', '')}"}


def warm_up() -> None:
    """Both commands once without work: .pyc files of the pipeline and the generator written."""
    timed_run([sys.executable, PIPELINE, "generate", "--help"])
    timed_run([Path(sysconfig.get_path("scripts")) / "openapi-python-client", "--help"], env=generator_env())


def patched_document(folder: Path) -> Path:
    """The bundled snapshot with the overlays applied, as `make generate` hands it to the generator."""
    target = folder / "patched.json"
    snapshot = ROOT / "openapi" / "salesmsg-v2.2.json"
    timed_run([sys.executable, PIPELINE, "overlay", snapshot, ROOT / "overlays", "-o", target])
    return target


def write_synthetic(target: Path, *, operations: int = 400, schemas: int = 300) -> Path:
    """The synthetic document of `scripts/synthetic_document.py`, written by that script."""
    script = SCRIPTS / "synthetic_document.py"
    timed_run(
        [sys.executable, script, "--operations", str(operations), "--schemas", str(schemas), "-o", target]
    )
    return target


def generate_synthetic_package(folder: Path, *, operations: int = 400, schemas: int = 300) -> Path:
    """`synthetic_client` generated by the pipeline into `folder`; returns `folder` (its sys.path entry)."""
    document = write_synthetic(folder / "synthetic.json", operations=operations, schemas=schemas)
    timed_run(pipeline_command(output=folder, spec=document, package=SYNTHETIC_PACKAGE))
    return folder


def stages(output: str) -> dict[str, float]:
    """Seconds per stage from the pipeline's log lines (`lint ... 0.20 s`); the second lint is "(patched)"."""
    found: dict[str, float] = {}
    for line in output.splitlines():
        words = line.split()
        if len(words) < 3 or words[-1] != "s":
            continue
        try:
            seconds = float(words[-2])
        except ValueError:
            continue
        name = words[0] if words[0] not in found else f"{words[0]} (patched)"
        found[name] = seconds
    return found
