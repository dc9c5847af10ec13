"""Check a generated package against the document it came from.

Two checks, both on the freshly written tree before it replaces the committed one:

* every operation of the patched document has its module (the generator drops some constructs
  without a word; lint should have refused them, this proves it did);
* the package imports in a fresh interpreter, every endpoint module imports, and importing the
  package alone loads no model module (the lazy `models/__init__` template is in effect).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oaspipe.naming import endpoint_module, iter_operations


@dataclass
class VerifyReport:
    operations: int = 0
    modules: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    imported_modules: int = 0
    models_loaded_by_package_import: int = -1
    import_error: str | None = None

    @property
    def ok(self) -> bool:
        return (
            not self.missing
            and not self.extra
            and self.import_error is None
            and (self.models_loaded_by_package_import == 0)
        )

    def problems(self) -> list[str]:
        lines = [f"no module for {op}" for op in self.missing]
        lines += [f"module for no operation: {path}" for path in self.extra]
        if self.import_error:
            lines.append(f"import failed: {self.import_error}")
        elif self.models_loaded_by_package_import > 0:
            lines.append(f"importing the package loaded {self.models_loaded_by_package_import} model modules")
        return lines

    def summary(self) -> str:
        models = max(self.models_loaded_by_package_import, 0)
        return (
            f"{self.modules}/{self.operations} operations have a module; {self.imported_modules} modules "
            f"import; the package alone loads {models} models"
        )


def check_modules(doc: dict[str, Any], package_dir: Path) -> VerifyReport:
    """Compare the operations of `doc` with the endpoint modules under `package_dir/api`."""
    report = VerifyReport()
    operations = iter_operations(doc)
    expected = {endpoint_module(method, path, op): f"{method} {path}" for method, path, op in operations}
    report.operations = len(operations)
    present = {
        p.relative_to(package_dir).as_posix()
        for p in (package_dir / "api").glob("*/*.py")
        if p.name != "__init__.py"
    }
    for module, op in sorted(expected.items()):
        if module in present:
            report.modules += 1
        else:
            report.missing.append(f"{op} (expected {module})")
    # Two operations mapped to one module (a silent overwrite) show up as a count mismatch.
    if len(expected) < report.operations:
        report.missing.append(f"{report.operations - len(expected)} operations share a module file")
    report.extra = sorted(present - set(expected))
    return report


_IMPORT_PROBE = """
import importlib, json, pkgutil, sys
name = sys.argv[1]
pkg = importlib.import_module(name)
models = [m for m in sys.modules if m.startswith(name + ".models.")]
count = 0
api = importlib.import_module(name + ".api")
for info in pkgutil.walk_packages(api.__path__, name + ".api."):
    importlib.import_module(info.name)
    count += not info.ispkg
print(json.dumps({"models_at_import": len(models), "imported": count}))
"""


def check_imports(package_dir: Path, report: VerifyReport) -> None:
    """Import the package and all its endpoint modules in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, package_dir.name],
        cwd=package_dir.parent,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(package_dir.parent), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        report.import_error = last
        return
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    report.models_loaded_by_package_import = int(data["models_at_import"])
    report.imported_modules = int(data["imported"])


def verify_package(doc: dict[str, Any], package_dir: Path) -> VerifyReport:
    report = check_modules(doc, package_dir)
    check_imports(package_dir, report)
    return report
