"""What a command gets: its arguments, the output, progress, notes, and a client made on first use.

    def list_(ctx: Context) -> None:
        teams = ctx.client().teams.list()
        ctx.out.items(teams, TEAM_COLUMNS)

Commands that send nothing (`operations`, a usage error) never build a client, so they neither
need a token nor import httpx.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from ._credentials import ENV_ACCESS_TOKEN, ENV_CLIENT_SECRET, Credentials, client_options, resolve
from ._exit import ExitCode
from ._output import Output, Progress

if TYPE_CHECKING:
    from .._client import Salesmsg

__all__ = ["Context"]


class Context:
    def __init__(
        self, args: argparse.Namespace, *, stdout: TextIO, stderr: TextIO, environ: Mapping[str, str]
    ) -> None:
        self.args = args
        self.environ = environ
        self.stderr = stderr
        self.out = Output(as_json=args.json, stream=stdout)
        progress = False if args.quiet else args.progress
        self.progress = Progress(stderr, enabled=stderr.isatty() if progress is None else progress)
        self._credentials: Credentials | None = None
        self._client: Salesmsg | None = None

    @property
    def credentials(self) -> Credentials:
        """Resolved once, on first use (see `_credentials` for the precedence)."""
        if self._credentials is None:
            self._credentials = resolve(self.args.token, self.args.token_file, self.environ)
        return self._credentials

    def client(self) -> Salesmsg:
        """The SDK client for these credentials and options (built once)."""
        if self._client is None:
            from .._client import Salesmsg

            credentials = self.credentials
            options: dict[str, Any] = client_options(credentials, self.environ)
            # A PAT refresh kills the old token: with no file to save the new one in, never rotate
            # (a refusal is then the answer; `refusal_advice` says how to rotate safely).
            options["auto_refresh"] = credentials.store is not None
            if self.args.timeout is not None:
                options["timeout"] = self.args.timeout
            self._client = Salesmsg(
                base_url=self.args.base_url,
                max_retries=self.args.max_retries,
                requests_per_minute=self.args.requests_per_minute or None,
                **options,
            )
        return self._client

    def explain(self, exc: BaseException, code: ExitCode, line: str) -> tuple[ExitCode, str]:
        """`describe`'s answer, with the way out when a token the CLI may not rotate was refused."""
        credentials = self._credentials
        if credentials is None or credentials.store is not None:
            return code, line
        from .. import errors
        from .._auth_failure import is_auth_failure

        if (
            isinstance(exc, errors.APIStatusError)
            and not isinstance(exc, errors.TokenRefreshError)
            and is_auth_failure(exc.response)
        ):
            return ExitCode.AUTH, (
                f"{line}; token from {credentials.source}, not refreshed: a refresh rotates the token "
                "and, with no token file, the new one would be lost. If it expired: "
                "`salesmsg auth refresh --token-file PATH`, then use that file"
            )
        return code, line

    def note(self, text: str) -> None:
        """An informational line on stderr (not with --quiet); results go to `out`."""
        if not self.args.quiet:
            self.stderr.write(text + "\n")
            self.stderr.flush()

    def redact(self, text: str) -> str:
        """`text` without any secret this process knows of: a last line of defence for stderr."""
        for secret in self._secrets():
            text = text.replace(secret, "<redacted>")
        return text

    def _secrets(self) -> list[str]:
        found = [
            self.args.token,
            self.environ.get(ENV_ACCESS_TOKEN),
            self.environ.get(ENV_CLIENT_SECRET),
        ]
        for tokens in (
            self._credentials.tokens if self._credentials else None,
            self._client.tokens if self._client else None,
        ):
            if tokens is not None:
                found += [tokens.access_token, tokens.refresh_token]
        # Longest first, so a secret that contains another is replaced whole.
        return sorted({s for s in found if s and len(s) >= 8}, key=len, reverse=True)

    def close(self) -> None:
        self.progress.done()
        if self._client is not None:
            self._client.close()
