#!/usr/bin/env python3
"""Check a built wheel: both import packages, their py.typed markers, the patched document, and
runtime dependencies limited to httpx, attrs, python-dateutil and sniffio.

    python scripts/check_wheel.py dist/
"""

from __future__ import annotations

import email.parser
import re
import sys
import zipfile
from pathlib import Path

REQUIRED = (
    "salesmsg/__init__.py",
    "salesmsg/py.typed",
    "salesmsg_client/__init__.py",
    "salesmsg_client/py.typed",
    "salesmsg_client/openapi.json",
    "salesmsg_client/_source.py",
    "salesmsg_client/client.py",
)
RUNTIME_DEPENDENCIES = {"httpx", "attrs", "python-dateutil", "sniffio"}


def check(wheel: Path) -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        problems += [f"missing {name}" for name in REQUIRED if name not in names]
        stray = sorted({n.split("/")[0] for n in names} - {"salesmsg", "salesmsg_client"})
        problems += [f"unexpected top-level entry {s}" for s in stray if not s.endswith(".dist-info")]
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(zf.read(meta_name).decode())
    deps = {
        re.split(r"[ ;<>=!~\[]", req, maxsplit=1)[0].lower()
        for req in meta.get_all("Requires-Dist") or []
        if "extra ==" not in req
    }
    if deps != RUNTIME_DEPENDENCIES:
        problems.append(f"runtime dependencies are {sorted(deps)}, expected {sorted(RUNTIME_DEPENDENCIES)}")
    return problems


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist")
    wheels = sorted(folder.glob("*.whl"))
    if len(wheels) != 1:
        print(f"check_wheel: expected one wheel in {folder}, found {len(wheels)}", file=sys.stderr)
        return 1
    problems = check(wheels[0])
    for line in problems:
        print(f"check_wheel: {wheels[0].name}: {line}", file=sys.stderr)
    if not problems:
        print(f"check_wheel: {wheels[0].name} ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
