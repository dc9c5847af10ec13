"""Pipeline, bundled snapshot: `make generate` against the bare generator on the same patched document.

    python scripts/bench.py --only pipeline            # ~25 s
    python scripts/bench.py --only pipeline_large      # the same on a 400-operation document

Figures:

* **generate (forced)**: `python scripts/pipeline.py generate --force --output TMP` (lint, overlays,
  lint + the generator's parse, render, ruff fix + format, import check of every module, stamp;
  what `make generate` runs, without make's ~10 ms) against `openapi-python-client generate --path
  patched.json --meta none --output-path TMP --config C --custom-template-path overlays/templates
  --fail-on-warning`, where `patched.json` is the same patched document (`pipeline.py overlay`) and C
  is the project's config with the generator's default post-hooks (`ruff check --fix-only
  --extend-select=I`, `ruff format`, this venv's ruff), since the pipeline formats with ruff itself.
  Both run as subprocesses into a fresh folder, interleaved. Goal: at most 1.15 times the bare generator.
* **make generate, nothing changed**: the real `make generate` in this repository, which must answer
  "up to date" (make's own start included). Goal: ≤ 1 s.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ._gen import (
    PACKAGE,
    ROOT,
    bare_generator_command,
    baseline_config,
    generator_env,
    patched_document,
    pipeline_command,
    stages,
    timed_run,
    warm_up,
)
from .figures import Figure, Goal, median

__all__ = ["RUNS", "forced_figure", "rerun_figure", "run"]

RUNS = 7
MIN_RUNS = 3
RATIO_GOAL = Goal("ratio", "<=", 1.15)
RERUN_GOAL = Goal("ours", "<=", 1.0)
UP_TO_DATE = "up to date"

Command = Sequence[str | Path]


def forced_figure(
    benchmark: str,
    name: str,
    ours: Callable[[int], Command],
    baseline: Callable[[int], Command],
    runs: int,
    note: str,
    *,
    budget_s: float | None = None,
) -> tuple[Figure, Path]:
    """Interleaved runs of our command and the bare generator, each into a fresh output folder
    (`ours(i)` / `baseline(i)` give run i's command); returns the figure and our last output folder.

    With `budget_s`, stops before a pair that would end past the budget (after at least
    `MIN_RUNS`): one benchmark stays under a minute on a slow or busy machine.
    """
    our_stages: list[dict[str, float]] = []
    last: list[Path] = []
    samples: list[float] = []
    baseline_samples: list[float] = []

    def run_ours() -> float:
        cmd = ours(len(samples))
        seconds, out = timed_run(cmd)
        our_stages.append(stages(out))
        if last:
            shutil.rmtree(last.pop(), ignore_errors=True)  # keep only the newest (for the rerun)
        last.append(Path(cmd[cmd.index("--output") + 1]))
        return seconds

    def run_baseline() -> float:
        cmd = baseline(len(baseline_samples))
        seconds, _ = timed_run(cmd, env=generator_env())
        shutil.rmtree(Path(cmd[cmd.index("--output-path") + 1]).parent, ignore_errors=True)
        return seconds

    warm_up()
    start = time.perf_counter()
    for done in range(1, runs + 1):
        ours_sample, baseline_sample = interleaved_pair(run_ours, run_baseline, first=done % 2 == 1)
        samples.append(ours_sample)
        baseline_samples.append(baseline_sample)
        elapsed = time.perf_counter() - start
        if budget_s is not None and done >= MIN_RUNS and elapsed / done * (done + 1) > budget_s:
            break
    stage_medians = {
        stage: round(statistics.median(s[stage] for s in our_stages if stage in s), 3)
        for stage in our_stages[0]
    }
    figure = Figure(
        benchmark,
        name,
        ours=median(samples),
        unit="s",
        baseline=median(baseline_samples),
        baseline_name="bare generator",
        goal=RATIO_GOAL,
        samples=tuple(round(s, 3) for s in samples),
        baseline_samples=tuple(round(s, 3) for s in baseline_samples),
        note=note,
        extra={"our_stages_median_s": stage_medians},
    )
    return figure, last[0]


def interleaved_pair(
    ours: Callable[[], float], baseline: Callable[[], float], *, first: bool
) -> tuple[float, float]:
    """One sample of each, ours first when `first` (alternated, as `figures.interleaved` does)."""
    if first:
        mine = ours()
        return mine, baseline()
    theirs = baseline()
    return ours(), theirs


def rerun_figure(
    benchmark: str, name: str, cmd: Command, runs: int, note: str, *, cwd: Path = ROOT
) -> Figure:
    """`cmd` run `runs` times after one warm-up; every run must answer "up to date"."""
    timed_run(cmd, cwd=cwd)  # warm-up: file cache, and .pyc of the pipeline
    samples: list[float] = []
    for _ in range(runs):
        seconds, out = timed_run(cmd, cwd=cwd)
        if UP_TO_DATE not in out:
            raise RuntimeError(f"{' '.join(map(str, cmd))} did not answer {UP_TO_DATE!r}:\n{out}")
        samples.append(seconds)
    return Figure(
        benchmark,
        name,
        ours=median(samples),
        unit="s",
        goal=RERUN_GOAL,
        samples=tuple(round(s, 3) for s in samples),
        note=note,
    )


def _repository_up_to_date() -> bool:
    """Whether generated/ matches its inputs, checked without writing (as `make generate` decides)."""
    from oaspipe.generate import Inputs, inputs_digest, is_up_to_date
    from pipeline import SALESMSG

    inputs = Inputs.for_project(SALESMSG)
    return is_up_to_date(inputs, inputs_digest(inputs))


def run(runs: int) -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        folder = Path(tmp)
        patched = patched_document(folder)
        config = baseline_config(folder, PACKAGE)
        forced, _ = forced_figure(
            "pipeline",
            "make generate, bundled snapshot (forced)",
            lambda i: pipeline_command(output=folder / f"ours-{i}"),
            lambda i: bare_generator_command(patched, folder / f"bare-{i}" / PACKAGE, config),
            runs,
            "pipeline.py generate --force vs openapi-python-client generate with its default ruff hooks, "
            "same patched document, config and templates",
        )
        figures.append(forced)

    make = shutil.which("make")
    name = "make generate, nothing changed"
    if not _repository_up_to_date():
        # Measuring would regenerate the working tree; say so instead of touching it.
        note = "not measured: generated/ is not up to date; run make generate first"
        figures.append(Figure("pipeline", name, ours=float("nan"), unit="s", goal=RERUN_GOAL, note=note))
    elif make is None:
        cmd = pipeline_command(output=ROOT / "generated", force=False)
        figures.append(rerun_figure("pipeline", name, cmd, runs, "no make on PATH: pipeline.py generate"))
    else:
        cmd = [make, "--no-print-directory", "generate"]
        note = "the real make generate in the repository; answers up to date"
        figures.append(rerun_figure("pipeline", name, cmd, runs, note))
    return figures
