"""FileTokenStore: atomic, private, round-trips, survives a crash, refuses a corrupted file clearly."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from salesmsg.auth import Tokens
from salesmsg.token_store import FileTokenStore, TokenStoreError

ACCESS = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.access-s3cr3t"
REFRESH = "refresh-s3cr3t-0123456789abcdef"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def sample(n: int = 1) -> Tokens:
    return Tokens(f"{ACCESS}-{n}", f"{REFRESH}-{n}", datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_round_trip(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    assert store.load() is None
    store.save(sample())
    assert store.load() == sample()
    store(sample(2))  # callable: usable as on_token_refresh
    assert store.load() == sample(2)
    assert json.loads((tmp_path / "tokens.json").read_text())["expires_at"] == "2030-01-02T03:04:05+00:00"
    pat = Tokens("pat-only")
    store.save(pat)
    assert store.load() == pat


def test_expands_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store = FileTokenStore("~/.config/salesmsg/tokens.json")
    store.save(sample())
    assert (tmp_path / ".config" / "salesmsg" / "tokens.json").is_file()


@posix_only
def test_file_is_0600_and_new_folder_0700_even_with_a_lax_umask(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "tokens.json"
    old_umask = os.umask(0o000)
    try:
        FileTokenStore(path).save(sample())
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


@posix_only
def test_file_is_never_visible_with_a_wider_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file the store creates is 0600 at the moment it appears (checked at the write)."""
    path = tmp_path / "tokens.json"
    path.write_text("{}")
    path.chmod(0o644)  # an old, too-open file is replaced, not reused
    seen: list[int] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    old_umask = os.umask(0o000)
    try:
        FileTokenStore(path).save(sample())
    finally:
        os.umask(old_umask)
    assert seen == [0o600]
    assert mode(path) == 0o600


def test_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    store.save(sample(1))
    before = path.read_bytes()

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="No space left"):
        store.save(sample(2))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tokens.json"]


def test_crash_mid_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    """A process killed after writing half of the new file and before the rename."""
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(sample(1))
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os
        from datetime import datetime, UTC
        from salesmsg.auth import Tokens
        from salesmsg.token_store import FileTokenStore

        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, handle):
                self.handle = handle
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                return False
            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                os._exit(9)  # the crash: no cleanup, no finally, no rename

        os.fdopen = lambda fd, mode: HalfWriter(real_fdopen(fd, mode))
        FileTokenStore({str(path)!r}).save(Tokens("new-token", "new-refresh", datetime.now(UTC)))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert done.returncode == 9, done.stderr.decode()
    assert path.read_bytes() == before
    assert FileTokenStore(path).load() == sample(1)
    leftovers = [p for p in tmp_path.iterdir() if p.name != "tokens.json"]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".tokens.json.")  # the torn temp file
    if os.name == "posix":
        assert mode(leftovers[0]) == 0o600


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"access_token": "abc-SECRET", ', "invalid JSON at line 1"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        (b'{"refresh_token": "r-SECRET"}', "'access_token'"),
        (b'{"access_token": "a-SECRET", "expires_at": "tomorrow-SECRET"}', "'expires_at'"),
        (b"", "invalid JSON"),
    ],
)
def test_corrupted_file_gives_a_clear_error_without_its_content(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "tokens.json"
    path.write_bytes(content)
    with pytest.raises(TokenStoreError) as info:
        FileTokenStore(path).load()
    message = str(info.value)
    assert reason in message
    assert str(path) in message
    assert "SECRET" not in message
    assert isinstance(info.value, ValueError)


@posix_only
def test_loading_a_world_readable_file_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    store.save(sample())
    path.chmod(0o644)
    with caplog.at_level("WARNING", logger="salesmsg.auth"):
        assert store.load() == sample()
    assert "readable by other users" in caplog.text
    assert ACCESS not in caplog.text


def test_repr_names_the_path_only(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    store.save(sample())
    assert repr(store) == f"FileTokenStore({str(tmp_path / 'tokens.json')!r})"
