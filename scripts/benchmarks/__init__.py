"""Benchmarks of the pipeline and the SDK, each against a baseline measured in the same run.

`make bench` (`scripts/bench.py`) runs them in order, prints one table and writes it as JSON under
`bench-results/` (not committed). Each module here is one benchmark with the same shape:

    NAME = "parsing"
    def run(runs: int) -> list[Figure]: ...

A figure is a ratio against a baseline taken side by side (interleaved, in one process or one
script), never an absolute time compared with a constant: these machines are shared and noisy.
"""
