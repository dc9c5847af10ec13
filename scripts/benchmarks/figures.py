"""`Figure`: one measured number, its baseline and its goal; and the statistics every benchmark uses.

    Figure("import", "import salesmsg + first call", ours=41.0, baseline=38.2, unit="ms",
           goal=Goal("ratio", "<=", 1.5), samples=(...), baseline_samples=(...))

`ours` and `baseline` are medians of several runs; the ratio is ours / baseline.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Figure", "Goal", "interleaved", "median", "seconds"]


@dataclass(frozen=True)
class Goal:
    """A bound on the ratio, or on our number itself (for figures that have no baseline)."""

    on: Literal["ratio", "ours"]
    op: Literal["<=", ">=", "=="]
    value: float

    def met(self, figure: Figure) -> bool | None:
        measured = figure.ratio if self.on == "ratio" else figure.ours
        if measured is None:
            return None
        if self.op == "<=":
            return measured <= self.value
        if self.op == ">=":
            return measured >= self.value
        return measured == self.value

    def __str__(self) -> str:
        subject = "x" if self.on == "ratio" else ""
        return f"{self.op} {self.value:g}{subject}"


@dataclass(frozen=True)
class Figure:
    benchmark: str
    name: str
    ours: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    goal: Goal | None = None
    samples: Sequence[float] = ()
    baseline_samples: Sequence[float] = ()
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.ours / self.baseline

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.goal.met(self)

    def as_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark,
            "figure": self.name,
            "ours": self.ours,
            "baseline": self.baseline,
            "baseline_name": self.baseline_name,
            "unit": self.unit,
            "ratio": self.ratio,
            "goal": None if self.goal is None else str(self.goal),
            "met": self.met,
            "samples": list(self.samples),
            "baseline_samples": list(self.baseline_samples),
            "note": self.note,
            **({"extra": self.extra} if self.extra else {}),
        }


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def interleaved(
    ours: Callable[[], float], baseline: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """`runs` samples of each, alternating which goes first, so drift on a shared machine hits both."""
    our_samples: list[float] = []
    baseline_samples: list[float] = []
    for index in range(runs):
        if index % 2 == 0:
            our_samples.append(ours())
            baseline_samples.append(baseline())
        else:
            baseline_samples.append(baseline())
            our_samples.append(ours())
    return our_samples, baseline_samples


def seconds(action: Callable[[], object]) -> float:
    """Wall time of one call of `action`, in seconds."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
