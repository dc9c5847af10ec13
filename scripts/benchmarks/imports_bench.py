"""Import: the SDK's cold start against httpx, in fresh interpreters of the same build.

    python scripts/bench.py --only imports            # ~30 s

Every number is the median of `runs` fresh `python -c` children (this venv's interpreter), timed
inside the child with `time.perf_counter()` around the statements (interpreter start excluded), with
`.pyc` files written by a warm-up run of each. Each round runs every child once, in a rotating
order, so drift on a shared machine hits all of them.

Ours:

* `import salesmsg` (lazy: it loads no generated module and not httpx);
* **import salesmsg + first call**: `import salesmsg`, `sm = salesmsg.Salesmsg(access_token=...,
  base_url=...)`, `sm.conversations.get(5001)`: one real GET to the fake Salesmsg server on
  127.0.0.1 (`python -m salesmsg.testing`, its own process, validation off), parsed into the model;
* the same two for the 400-operation package `synthetic_client` (the pipeline on
  `scripts/synthetic_document.py --operations 400 --schemas 300`): `import synthetic_client`; then
  `from synthetic_client import AuthenticatedClient`, `from synthetic_client.api.contacts import
  get_contact`, `get_contact.sync(1, client=AuthenticatedClient(base_url=..., token=...))`, a GET to a
  loopback server answering a Contact.

Baselines: `import httpx`, the issue's (goal: at most 1.5 times); and for the first calls also
plain httpx doing the same first use, `httpx.Client().get(same URL, same headers).json()` (the same
goal). A first GET costs httpx itself ~40 ms more than its import (an SSL context with certifi's CA
file, proxy settings from the environment, httpcore and h11), which no SDK on httpx avoids; the last
row shows that cost.

`extra` holds the modules each child loads (`len(sys.modules)` after minus before) and the slowest
top-level imports of one `-X importtime` run (ms, cumulative).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from ._gen import SYNTHETIC_PACKAGE, child_env, generate_synthetic_package
from ._probes import Probe, fake_salesmsg, json_server
from .figures import Figure, Goal, median

__all__ = ["RUNS", "run"]

RUNS = 15
GOAL = Goal("ratio", "<=", 1.5)
CONVERSATION = 5001  # a conversation of the fake's built-in demo account
CONTACT = {"id": 1, "name": "Ada Lovelace", "created_at": "2024-05-01T12:00:00Z", "tags": ["vip"]}

Samples = list[tuple[float, int]]


def _httpx_get(server: str, url: str, token: str) -> Probe:
    headers = {"Authorization": f"Bearer {token}"}
    statements = f"import httpx\ndata = httpx.Client().get({url!r}, headers={headers!r}).json()"
    return Probe(f"import httpx + first GET ({server})", statements, check="assert data")


def _probes(
    fake: tuple[str, str], package_root: Path, contact_url: str
) -> tuple[dict[str, Probe], list[tuple[Probe, str | None, str]]]:
    """The baselines by key, and ours as (probe, key of its second baseline or None, what it uses)."""
    url, token = fake
    synthetic = child_env(str(package_root))
    baselines = {
        "import": Probe("import httpx", "import httpx"),
        "fake": _httpx_get("fake server", f"{url}/conversations/{CONVERSATION}", token),
        "json": _httpx_get("loopback", f"{contact_url}/contacts/1", "t"),
    }
    salesmsg_call = (
        "import salesmsg\n"
        f"sm = salesmsg.Salesmsg(access_token={token!r}, base_url={url!r})\n"
        f"conversation = sm.conversations.get({CONVERSATION})"
    )
    synthetic_call = (
        f"from {SYNTHETIC_PACKAGE} import AuthenticatedClient\n"
        f"from {SYNTHETIC_PACKAGE}.api.contacts import get_contact\n"
        f"contact = get_contact.sync(1, client=AuthenticatedClient(base_url={contact_url!r}, token='t'))"
    )
    ours: list[tuple[Probe, str | None, str]] = [
        (Probe("import salesmsg", "import salesmsg"), None, ""),
        (
            Probe("import salesmsg + first call", salesmsg_call, f"assert conversation.id == {CONVERSATION}"),
            "fake",
            "sm.conversations.get on the fake server",
        ),
        (
            Probe(
                f"import {SYNTHETIC_PACKAGE} (400 operations)", f"import {SYNTHETIC_PACKAGE}", env=synthetic
            ),
            None,
            "",
        ),
        (
            Probe(
                f"import {SYNTHETIC_PACKAGE} + first call (400 operations)",
                synthetic_call,
                check="assert contact is not None and contact.id == 1, contact",
                env=synthetic,
            ),
            "json",
            "get_contact.sync on a loopback server",
        ),
    ]
    return baselines, ours


def _figure(
    name: str, ours: Samples, baseline: Samples, baseline_name: str, *, goal: bool, note: str, probe: Probe
) -> Figure:
    ms = [s * 1000 for s, _ in ours]
    baseline_ms = [s * 1000 for s, _ in baseline]
    return Figure(
        "imports",
        name,
        ours=median(ms),
        unit="ms",
        baseline=median(baseline_ms),
        baseline_name=baseline_name,
        goal=GOAL if goal else None,
        samples=tuple(round(s, 2) for s in ms),
        baseline_samples=tuple(round(s, 2) for s in baseline_ms),
        note=note,
        extra={
            "modules_loaded": int(statistics.median(m for _, m in ours)),
            "baseline_modules_loaded": int(statistics.median(m for _, m in baseline)),
            "importtime_top_ms": probe.importtime(),
        },
    )


def run(runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as tmp:
        package_root = generate_synthetic_package(Path(tmp))
        with fake_salesmsg() as fake, json_server(CONTACT) as contact_url:
            baselines, ours = _probes(fake, package_root, contact_url)
            probes = [*baselines.values(), *(probe for probe, _, _ in ours)]
            for probe in probes:  # warm-up: .pyc written, files in the page cache, checks pass
                probe.run()
            results: dict[str, Samples] = {probe.name: [] for probe in probes}
            for round_index in range(runs):
                shift = round_index % len(probes)
                for probe in probes[shift:] + probes[:shift]:
                    results[probe.name].append(probe.run())

            return _figures(baselines, ours, results)


def _figures(
    baselines: dict[str, Probe], ours: list[tuple[Probe, str | None, str]], results: dict[str, Samples]
) -> list[Figure]:
    """Each of ours against `import httpx`; first calls also against httpx's own first GET."""
    importing = baselines["import"]
    note = "fresh interpreters, .pyc present, timed inside the child"
    figures: list[Figure] = []
    for probe, key, use in ours:
        mine = results[probe.name]
        noted = note + (f"; {use}" if use else "")
        figures.append(
            _figure(
                probe.name,
                mine,
                results[importing.name],
                importing.name,
                goal=key is not None,
                note=noted,
                probe=probe,
            )
        )
        if key is not None:
            same = baselines[key]
            figures.append(
                _figure(
                    f"{probe.name}, vs httpx's own",
                    mine,
                    results[same.name],
                    same.name,
                    goal=True,
                    note=f"{noted}; baseline: the same GET with httpx.Client",
                    probe=probe,
                )
            )
    httpx_get = baselines["json"]
    figures.append(
        _figure(
            "httpx alone: import + first GET",
            results[httpx_get.name],
            results[importing.name],
            importing.name,
            goal=False,
            note="what a first request costs httpx itself",
            probe=httpx_get,
        )
    )
    return figures
