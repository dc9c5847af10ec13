"""The distribution: `pip install .` into a fresh virtual environment gives both packages, typed."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_wheel_has_both_packages_and_installs_into_a_fresh_environment(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_wheel.py"), str(dist)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    (wheel,) = dist.glob("*.whl")

    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import importlib.metadata as md, salesmsg, salesmsg_client, sys;"
        "from salesmsg_client.api.messages import send_message;"
        "reqs = sorted(r.split(' ')[0].split('>')[0].split('<')[0]"
        " for r in md.requires('salesmsg') if 'extra ==' not in r);"
        "print(salesmsg.API_VERSION, reqs)"
    )
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.strip() == "2.2 ['attrs', 'httpx', 'python-dateutil', 'sniffio']"

    # The console script comes with the wheel and runs on the runtime dependencies alone.
    cli = subprocess.run(
        [str(env_dir / "bin" / "salesmsg"), "operations", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stderr
    assert len(cli.stdout.splitlines()) == 47
