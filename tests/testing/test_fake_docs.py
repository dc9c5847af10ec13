"""The usage examples in the docstrings of salesmsg.testing run as written."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest
import salesmsg.testing

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(salesmsg.testing.__path__, "salesmsg.testing.")
    if name not in ("salesmsg.testing.__main__", "salesmsg.testing.pytest_plugin")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_import_salesmsg_does_not_load_the_fake_and_the_plugin_loads_nothing_heavy() -> None:
    code = (
        "import sys, salesmsg, salesmsg.testing.pytest_plugin as p\n"
        "heavy = [m for m in sys.modules if m.startswith(('salesmsg.testing._', 'openapi_schema_validator',"
        " 'jsonschema', 'referencing'))]\n"
        "print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    plain = subprocess.run(
        [sys.executable, "-c", "import sys, salesmsg; print('salesmsg.testing' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert plain.stdout.strip() == "False"
