"""Import cost of the generated package: lazy models, measured in fresh interpreters."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
before = set(sys.modules)
exec(sys.argv[1])
loaded = sorted(m for m in set(sys.modules) - before if m.startswith("salesmsg_client.models."))
print(json.dumps(loaded))
"""


def models_loaded_by(statement: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, statement], capture_output=True, text=True, check=True
    ).stdout
    return list(json.loads(out))


def test_importing_the_package_loads_no_model() -> None:
    assert models_loaded_by("import salesmsg_client") == []
    assert models_loaded_by("import salesmsg_client.models") == []


def test_one_endpoint_loads_only_the_models_it_uses() -> None:
    loaded = models_loaded_by("import salesmsg_client.api.tags.create_tag")
    assert "salesmsg_client.models.tag" in loaded
    assert "salesmsg_client.models.error" in loaded
    assert "salesmsg_client.models.contact" not in loaded
    assert "salesmsg_client.models.message" not in loaded


def test_models_namespace_still_resolves_every_name() -> None:
    code = (
        "import salesmsg_client.models as m; names = list(m.__all__); "
        "missing = [n for n in names if getattr(m, n, None) is None]; "
        "assert not missing, missing; print(len(names))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) > 40


def test_hand_written_package_reports_where_it_came_from() -> None:
    import hashlib
    from pathlib import Path

    import salesmsg

    root = Path(__file__).resolve().parents[2]
    snapshot = root / "openapi" / "salesmsg-v2.2.json"
    provenance = json.loads((root / "openapi" / "salesmsg-v2.2.provenance.json").read_text())
    assert salesmsg.API_VERSION == "2.2"
    assert salesmsg.DOCUMENT_SHA256 == hashlib.sha256(snapshot.read_bytes()).hexdigest() == provenance["sha256"]
    assert isinstance(salesmsg.__version__, str)
