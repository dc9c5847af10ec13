"""The installed `salesmsg` command as a subprocess, pointed at a fake Salesmsg server.

Every run checks that no token the test knows of appears on stdout or stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesmsg.testing import FakeSalesmsg

SALESMSG = Path(sys.executable).with_name("salesmsg")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json_lines(self) -> list[Any]:
        return [json.loads(line) for line in self.stdout.splitlines()]


class CLI:
    """`cli("teams", "list")`: runs the installed command with the fake's URL and token in its environment."""

    def __init__(self, fake: FakeSalesmsg, folder: Path) -> None:
        self.fake = fake
        self.folder = folder
        self.secrets: set[str] = {fake.access_token}

    def env(self, **overrides: str | None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SALESMSG_")}
        env.update(SALESMSG_BASE_URL=self.fake.url, SALESMSG_ACCESS_TOKEN=self.fake.access_token)
        for key, value in overrides.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def __call__(
        self, *args: str, input: str | None = None, env: Mapping[str, str | None] | None = None
    ) -> Result:
        assert SALESMSG.exists(), f"{SALESMSG} is missing: run `make setup`"
        completed = subprocess.run(
            [str(SALESMSG), *args],
            input=input,
            capture_output=True,
            text=True,
            env=self.env(**(env or {})),
            cwd=self.folder,
            timeout=60,
        )
        result = Result(completed.returncode, completed.stdout, completed.stderr)
        self.check_no_secret(result)
        return result

    def remember_tokens(self, path: Path) -> None:
        """Tokens saved in a token file are secrets too."""
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            return  # not a token file (a test's broken one is listed in `secrets` by hand)
        if isinstance(data, dict):
            self.secrets.update(
                v for k, v in data.items() if k.endswith("token") and isinstance(v, str) and v
            )

    def check_no_secret(self, result: Result) -> None:
        for path in self.folder.rglob("*.json"):
            self.remember_tokens(path)
        for secret in self.secrets:
            assert secret not in result.stdout + result.stderr, "a token was printed"
            assert secret[-16:] not in result.stdout + result.stderr, "part of a token was printed"
