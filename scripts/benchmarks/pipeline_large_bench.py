"""Pipeline, 400 operations: the `pipeline` figures on the synthetic document of the repository.

    python scripts/bench.py --only pipeline_large      # ~50 s

`scripts/synthetic_document.py --operations 400 --schemas 300` writes the document (the Salesmsg
shapes, 10 times the size of the snapshot). It needs no overlay, so both sides read the same file:

* **generate (forced)**: `python scripts/pipeline.py generate --force --no-overlays --spec DOC
  --package-name synthetic_client --output TMP` against `openapi-python-client generate --path DOC`
  with the generator's default ruff hooks (as in `pipeline`). Goal: at most 1.15 times the bare generator.
* **generate again, nothing changed**: the same pipeline command without `--force`, into the
  folder of the last forced run; it must answer "up to date". Goal: ≤ 1 s.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ._gen import (
    SYNTHETIC_PACKAGE,
    bare_generator_command,
    baseline_config,
    pipeline_command,
    write_synthetic,
)
from .figures import Figure
from .pipeline_bench import forced_figure, rerun_figure

__all__ = ["RUNS", "run"]

#: One forced pair takes ~9 s on 2 busy CPUs; pairs stop at BUDGET_S (≥ 3 pairs), reruns take ~4 s.
RUNS = 5
BUDGET_S = 45.0
OPERATIONS, SCHEMAS = 400, 300


def run(runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-large-") as tmp:
        folder = Path(tmp)
        document = write_synthetic(folder / "synthetic.json", operations=OPERATIONS, schemas=SCHEMAS)
        config = baseline_config(folder, SYNTHETIC_PACKAGE)
        size = f"{OPERATIONS} operations, {SCHEMAS} schemas"
        forced, last = forced_figure(
            "pipeline_large",
            f"generate, synthetic {size} (forced)",
            lambda i: pipeline_command(output=folder / f"ours-{i}", spec=document, package=SYNTHETIC_PACKAGE),
            lambda i: bare_generator_command(document, folder / f"bare-{i}" / SYNTHETIC_PACKAGE, config),
            runs,
            "pipeline.py generate --force --no-overlays vs openapi-python-client generate with its default "
            "ruff hooks, same document, config and templates",
            budget_s=BUDGET_S,
        )
        rerun = rerun_figure(
            "pipeline_large",
            f"generate again, nothing changed ({OPERATIONS} operations)",
            pipeline_command(output=last, spec=document, package=SYNTHETIC_PACKAGE, force=False),
            runs,
            "pipeline.py generate (no make) into the last forced run's folder; answers up to date",
        )
    return [forced, rerun]
