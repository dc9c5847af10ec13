"""The benchmark table and its JSON: goals judged on the right number, nothing lost between the two."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.figures import Figure, Goal, interleaved
from benchmarks.report import as_json, table, write_json

IMPORT = Figure(
    "imports",
    "import salesmsg + first call",
    ours=60.0,
    baseline=50.0,
    baseline_name="import httpx",
    unit="ms",
    goal=Goal("ratio", "<=", 1.5),
    samples=(59.0, 60.0, 61.0),
    baseline_samples=(49.0, 50.0, 51.0),
)
RERUN = Figure("pipeline", "unchanged rerun", ours=1.4, unit="s", goal=Goal("ours", "<=", 1.0))
REFRESHES = Figure("refresh", "refresh calls", ours=1, unit="", goal=Goal("ours", "==", 1))


def test_goals_are_judged_on_the_ratio_or_on_our_number() -> None:
    assert IMPORT.ratio == 1.2
    assert IMPORT.met is True
    assert RERUN.ratio is None
    assert RERUN.met is False
    assert REFRESHES.met is True
    assert Figure("parsing", "no goal", ours=3.0, unit="µs").met is None


def test_the_table_has_one_row_per_figure_and_says_which_goals_are_missed() -> None:
    lines = table([IMPORT, RERUN, REFRESHES]).splitlines()
    assert lines[0].split() == ["benchmark", "figure", "ours", "baseline", "ratio", "goal", "met"]
    assert len(lines) == 4
    assert "60 ms" in lines[1]
    assert "50 ms (import httpx)" in lines[1]
    assert "1.200x" in lines[1]
    assert "<= 1.5x" in lines[1]
    assert lines[1].endswith("yes")
    assert lines[2].endswith("NO")
    assert "<= 1 s" in lines[2]
    # Columns line up: every figure name starts at the same offset.
    names = ("import salesmsg", "unchanged rerun", "refresh calls")
    assert len({line.index(name) for line, name in zip(lines[1:], names, strict=True)}) == 1


def test_the_markdown_table_escapes_pipes() -> None:
    piped = Figure("calls", "GET | raw", ours=2.0, baseline=1.0, unit="ms")
    markdown = table([piped], markdown=True).splitlines()
    assert markdown[0].startswith("| benchmark | figure |")
    assert markdown[1] == "|---|---|---|---|---|---|---|"
    assert "GET \\| raw" in markdown[2]


def test_the_json_keeps_every_sample_and_points_latest_at_the_same_run(tmp_path: Path) -> None:
    document = as_json([IMPORT, RERUN], {"imports": 3.5}, "2026-11-27T07:00:00Z")
    path = write_json(document, tmp_path / "bench-results")
    assert path.name == "bench-20261127T070000Z.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved == json.loads((tmp_path / "bench-results" / "latest.json").read_text(encoding="utf-8"))
    first = saved["figures"][0]
    assert first["samples"] == [59.0, 60.0, 61.0]
    assert first["ratio"] == 1.2
    assert first["met"] is True
    assert saved["figures"][1]["met"] is False
    assert saved["machine"]["cpus"] >= 1


def test_interleaved_alternates_which_side_goes_first() -> None:
    order: list[str] = []

    def ours() -> float:
        order.append("ours")
        return 1.0

    def baseline() -> float:
        order.append("baseline")
        return 2.0

    our_samples, baseline_samples = interleaved(ours, baseline, 4)
    assert order == ["ours", "baseline", "baseline", "ours"] * 2
    assert our_samples == [1.0] * 4
    assert baseline_samples == [2.0] * 4
