"""The README's "Command line" walkthrough runs as printed against the fake server `make fake-server` starts.

The server runs as that target runs it (`python -m salesmsg.testing ... | tee ENV_FILE`), on a free
port; the README's setup line is run as printed but for the env file's path, then its five lines.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MAKEFILE = ROOT / "Makefile"
MARKER = "<!-- test: the CLI walkthrough runs as printed (tests/cli/test_cli_readme_walkthrough.py) -->"
ENV_FILE = "build/fake-server.env"


def sh_block_after(text: str) -> list[str]:
    (block,) = re.findall(re.escape(text) + r"\n```sh\n(.*?)```", README.read_text(), flags=re.S)
    return [line for line in block.splitlines() if line.strip()]


def setup_lines() -> list[str]:
    (block,) = re.findall(r"```sh\n(make fake-server .*?)```", README.read_text(), flags=re.S)
    return str(block).splitlines()


def test_the_readme_names_what_the_makefile_does() -> None:
    start, environment = setup_lines()
    recipe = MAKEFILE.read_text().split("\nfake-server: setup\n", 1)[1]
    assert f"-m salesmsg.testing --port $(FAKE_PORT) | tee {ENV_FILE}" in recipe
    assert "FAKE_PORT ?= 8765" in MAKEFILE.read_text() and "127.0.0.1:8765" in start
    assert environment.startswith(f". .venv/bin/activate && export $(cat {ENV_FILE})")


def test_the_five_lines_run_as_printed(tmp_path: Path) -> None:
    lines = sh_block_after(MARKER)
    assert len(lines) == 5 and all(line.startswith("salesmsg ") for line in lines)
    env_file = tmp_path / "fake-server.env"
    server = subprocess.Popen(
        f"exec {sys.executable} -m salesmsg.testing --port 0 --quiet | tee {env_file}",
        shell=True,
        executable="/bin/bash",
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the server and tee are stopped together
    )
    try:
        deadline = time.monotonic() + 30
        while len(_read(env_file).splitlines()) < 2:
            assert time.monotonic() < deadline and server.poll() is None, "the fake server did not start"
            time.sleep(0.05)
        environment = setup_lines()[1].split("#")[0].strip().replace(ENV_FILE, str(env_file))
        env = {k: v for k, v in os.environ.items() if not k.startswith("SALESMSG_") and k != "VIRTUAL_ENV"}
        outputs = []
        for line in lines:
            result = subprocess.run(
                ["bash", "-c", f"{environment} && {line}"],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env=env,
                timeout=60,
            )
            assert result.returncode == 0, f"{line}\n{result.stderr}"
            assert result.stderr == "" and result.stdout.strip(), line
            outputs.append(result.stdout)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)

    status, conversations, messages, sent, latest = outputs
    assert status.startswith("user     Alice Owner <alice@example.com> (id 101)\n")
    assert [row.split()[0] for row in conversations.splitlines()] == ["ID", "5003", "5001", "5004"]
    assert "Perfect, thanks!" in messages and len(messages.splitlines()) == 4  # a header, 3 messages
    assert "body          Hello, my name is Den" in sent and "status        sent" in sent
    sent_id = sent.splitlines()[0].split()[1]
    _header, row = latest.splitlines()
    assert row.split()[0] == sent_id and row.endswith("Hello, my name is Den")
    token = _read(env_file).split("SALESMSG_ACCESS_TOKEN=")[1].strip()
    assert all(token not in output for output in outputs)


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except FileNotFoundError:
        return ""
