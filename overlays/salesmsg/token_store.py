"""Tokens on disk, for scripts and CLIs.

    store = FileTokenStore("~/.config/salesmsg/tokens.json")
    saved = store.load()                                   # Tokens | None
    auth = TokenAuth.personal(saved.access_token if saved else PAT, base_url=...,
                              expires_at=saved.expires_at if saved else None, on_token_refresh=store)

A save is atomic: the JSON goes to a temporary file in the same folder, created with mode 0600
(never readable by others, not even for an instant), is flushed and fsynced, then moved over the
old file with ``os.replace``; the folder is fsynced too. A crash at any point leaves either the
old file or the new one, whole. A folder the store creates gets mode 0700.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
import tempfile
import threading
from pathlib import Path

from salesmsg.auth import Tokens
from salesmsg.errors import SalesmsgError

__all__ = ["FileTokenStore", "TokenStoreError"]

logger = logging.getLogger("salesmsg.auth")


class TokenStoreError(SalesmsgError, ValueError):
    """The token file exists but cannot be used (not JSON, wrong shape). Its content is never shown."""


class FileTokenStore:
    """A JSON file holding :class:`~salesmsg.auth.Tokens`; callable, so it can be ``on_token_refresh``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        self._lock = threading.Lock()  # one save at a time from this process, in call order

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"

    def load(self) -> Tokens | None:
        """The saved tokens, or None when there is no file. Raises TokenStoreError if it is unusable."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.stat(self.path).st_mode)
            if mode & 0o077:
                logger.warning("%s is readable by other users (mode %o); it holds tokens", self.path, mode)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise TokenStoreError(f"{self.path} is not a token file (not UTF-8 text)") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TokenStoreError(
                f"{self.path} is not a token file (invalid JSON at line {exc.lineno} column {exc.colno}); "
                "delete it and authorize again"
            ) from None
        try:
            return Tokens.from_dict(data)
        except ValueError as exc:
            raise TokenStoreError(
                f"{self.path} is not a token file ({exc}); delete it and authorize again"
            ) from None

    def save(self, tokens: Tokens) -> None:
        """Write ``tokens`` atomically with mode 0600 (see the module docstring)."""
        data = (json.dumps(tokens.to_dict(), indent=2, sort_keys=True) + "\n").encode("utf-8")
        folder = self.path.parent
        with self._lock:
            if not folder.is_dir():
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                with contextlib.suppress(OSError):
                    os.chmod(folder, 0o700)  # whatever the umask did to mkdir's mode
            # mkstemp opens with O_CREAT | O_EXCL and mode 0600: private from the first byte.
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
            _fsync_folder(folder)
        logger.debug("saved tokens to %s", self.path)

    __call__ = save


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
