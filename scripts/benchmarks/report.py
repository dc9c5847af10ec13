"""The results table (for a terminal and the issue's closing note) and its JSON twin."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .figures import Figure

__all__ = ["as_json", "machine", "table", "write_json"]

HEADERS = ("benchmark", "figure", "ours", "baseline", "ratio", "goal", "met")


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if value == 0 or 0.01 <= abs(value) < 100_000:
        text = f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".rstrip()


def _goal(figure: Figure) -> str:
    """The goal as text; a bound on our own number carries its unit ("<= 1 s")."""
    if figure.goal is None:
        return ""
    if figure.goal.on == "ours" and figure.unit:
        return f"{figure.goal} {figure.unit}"
    return str(figure.goal)


def _row(figure: Figure) -> tuple[str, ...]:
    met = {True: "yes", False: "NO", None: ""}[figure.met]
    baseline = _number(figure.baseline, figure.unit)
    if figure.baseline_name and figure.baseline is not None:
        baseline = f"{baseline} ({figure.baseline_name})"
    return (
        figure.benchmark,
        figure.name,
        _number(figure.ours, figure.unit),
        baseline,
        "-" if figure.ratio is None else f"{figure.ratio:.3f}x",
        _goal(figure),
        met,
    )


def table(figures: Sequence[Figure], *, markdown: bool = False) -> str:
    """Aligned columns for a terminal, or a Markdown table (`markdown=True`) for a note."""
    rows = [HEADERS, *(_row(figure) for figure in figures)]
    if markdown:
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(HEADERS)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS))]
    aligned = ("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)
    return "\n".join(line.rstrip() for line in aligned)


def machine() -> dict[str, Any]:
    """What the numbers were measured on (a ratio still depends on the machine a little)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": commit or None,
    }


def as_json(figures: Sequence[Figure], durations: dict[str, float], started: str) -> dict[str, Any]:
    return {
        "started": started,
        "machine": machine(),
        "durations_s": durations,
        "figures": [figure.as_json() for figure in figures],
    }


def write_json(document: dict[str, Any], folder: Path) -> Path:
    """`folder/bench-<started>.json`, and `folder/latest.json` pointing at the same numbers."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = document["started"].replace(":", "").replace("-", "")
    path = folder / f"bench-{stamp}.json"
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    (folder / "latest.json").write_text(text, encoding="utf-8")
    return path
