#!/usr/bin/env python3
"""`make bench`: every benchmark, one table, the same as JSON under bench-results/.

    python scripts/bench.py                    # all of them, in order
    python scripts/bench.py --only import calls --runs 7
    python scripts/bench.py --markdown         # the table as Markdown (for an issue's closing note)

Each benchmark measures ours against a baseline side by side and reports medians; see
`scripts/benchmarks/`. The exit status is 0 even when a goal is missed (the table says NO):
a benchmark is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import sys
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.figures import Figure
from benchmarks.report import as_json, table, write_json

ROOT = Path(__file__).resolve().parent.parent

# In the order of the issue: the build, then the package at import, call, parse, pace and refresh.
BENCHMARKS = ("pipeline", "pipeline_large", "imports", "calls", "parsing", "throughput", "refresh")


def load(name: str) -> ModuleType:
    return importlib.import_module(f"benchmarks.{name}_bench")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these benchmarks")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (each benchmark's default)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench-results", help="JSON folder")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)

    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    figures: list[Figure] = []
    durations: dict[str, float] = {}
    for name in args.only or BENCHMARKS:
        module = load(name)
        print(f"bench  {name} …", file=sys.stderr, flush=True)
        start = time.perf_counter()
        runs = args.runs if args.runs is not None else module.RUNS
        found = module.run(runs)
        durations[name] = round(time.perf_counter() - start, 2)
        print(f"bench  {name}: {len(found)} figures in {durations[name]:.1f} s", file=sys.stderr, flush=True)
        figures.extend(found)

    print(table(figures, markdown=args.markdown))
    path = write_json(as_json(figures, durations, started), args.results)
    missed = [figure for figure in figures if figure.met is False]
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"\n{len(figures)} figures, {len(missed)} goals missed; JSON: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
