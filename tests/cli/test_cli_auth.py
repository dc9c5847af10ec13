"""`salesmsg auth status|refresh`, the token file, and never rotating a token the CLI cannot save."""

from __future__ import annotations

import datetime
import json
import stat
from pathlib import Path

import httpx
from salesmsg import FileTokenStore, Tokens
from salesmsg.testing import FakeSalesmsg

from tests.cli.runner import CLI


def works(fake: FakeSalesmsg, token: str) -> bool:
    return httpx.get(f"{fake.url}/user", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_refresh_seeds_the_token_file_atomically_and_the_old_token_dies(cli: CLI, fake: FakeSalesmsg) -> None:
    path = cli.folder / "config" / "tokens.json"
    refreshed = cli("auth", "refresh", "--token-file", str(path))
    assert refreshed.code == 0, refreshed.stderr
    assert f"saved to {path}" in refreshed.stdout and "(in 59 min)" in refreshed.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["tokens.json"]  # no temporary file left behind
    saved = FileTokenStore(path).load()
    assert saved is not None and saved.expires_at is not None
    assert saved.access_token != fake.access_token
    assert not works(fake, fake.access_token) and works(fake, saved.access_token)

    # From now on the file wins over the (dead) SALESMSG_ACCESS_TOKEN; a cron job refreshes again.
    again = cli("auth", "refresh", "--json", env={"SALESMSG_TOKEN_FILE": str(path)})
    assert again.code == 0, again.stderr
    (report,) = again.json_lines()
    assert report["saved_to"] == str(path) and report["token_kind"] == "personal"
    newest = FileTokenStore(path).load()
    assert newest is not None and newest.access_token != saved.access_token
    assert not works(fake, saved.access_token) and works(fake, newest.access_token)


def test_status_names_the_user_kind_source_and_expiry_never_the_token(cli: CLI, fake: FakeSalesmsg) -> None:
    from_env = cli("auth", "status")
    assert from_env.code == 0, from_env.stderr
    lines = from_env.stdout.splitlines()
    assert lines[0] == "user     Alice Owner <alice@example.com> (id 101)"
    assert lines[1] == "token    personal access token, from SALESMSG_ACCESS_TOKEN"
    assert lines[2].startswith("expires  ") and "from the token's exp claim" in lines[2]

    path = cli.folder / "tokens.json"
    expires = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=45)
    FileTokenStore(path).save(Tokens(fake.issue_pat(), expires_at=expires))
    from_file = cli("auth", "status", "--json", "--token-file", str(path))
    (status,) = from_file.json_lines()
    assert status["user"]["email"] == "alice@example.com"
    assert status["token_source"] == f"token file {path}" and status["token_kind"] == "personal"
    assert status["expires_at"] == expires.isoformat()
    assert set(status) == {"user", "token_kind", "token_source", "expires_at", "base_url"}


def test_an_expiring_token_in_the_file_is_refreshed_and_saved_by_any_command(
    cli: CLI, fake: FakeSalesmsg
) -> None:
    path = cli.folder / "tokens.json"
    old = fake.issue_pat()
    past = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)  # the file says: expired
    FileTokenStore(path).save(Tokens(old, expires_at=past))
    listed = cli("teams", "list", env={"SALESMSG_TOKEN_FILE": str(path), "SALESMSG_ACCESS_TOKEN": None})
    assert listed.code == 0, listed.stderr
    saved = FileTokenStore(path).load()
    assert saved is not None and saved.access_token != old and works(fake, saved.access_token)


def test_a_refused_token_without_a_file_is_not_rotated_away(cli: CLI, fake: FakeSalesmsg) -> None:
    fake.expire_token(fake.access_token)
    refused = cli("conversations", "list")
    assert refused.code == 3
    assert refused.stderr.startswith("salesmsg: error: GET /pub/v2.2/conversations -> 401 Unauthorized")
    assert "not refreshed" in refused.stderr and len(refused.stderr.splitlines()) == 1
    assert fake.counters.operations["refreshPersonalAccessToken"] == 0  # never even sent

    # The expired PAT was kept intact, so the documented way out still works.
    path = cli.folder / "tokens.json"
    assert cli("auth", "refresh", "--token-file", str(path)).code == 0
    assert cli("conversations", "list", "--token-file", str(path)).code == 0


def test_refresh_without_a_token_file_is_refused_before_anything_is_sent(
    cli: CLI, fake: FakeSalesmsg
) -> None:
    refused = cli("auth", "refresh")
    assert refused.code == 2 and "needs --token-file PATH" in refused.stderr
    assert works(fake, fake.access_token)


def test_oauth2_token_files_use_the_client_credentials_from_the_environment(
    cli: CLI, fake: FakeSalesmsg
) -> None:
    fake.register_oauth_client("cli-app", "cli-app-secret-value")
    cli.secrets.add("cli-app-secret-value")
    access, refresh = fake.issue_oauth_tokens("cli-app")
    path = cli.folder / "oauth.json"
    FileTokenStore(path).save(Tokens(access, refresh))
    env: dict[str, str | None] = {"SALESMSG_TOKEN_FILE": str(path), "SALESMSG_ACCESS_TOKEN": None}

    missing = cli("auth", "status", env=env)
    assert missing.code == 3 and "SALESMSG_CLIENT_ID and SALESMSG_CLIENT_SECRET" in missing.stderr

    env |= {"SALESMSG_CLIENT_ID": "cli-app", "SALESMSG_CLIENT_SECRET": "cli-app-secret-value"}
    status = cli("auth", "status", env=env)
    assert status.code == 0 and "OAuth2 access token, from token file" in status.stdout
    assert cli("auth", "refresh", env=env).code == 0
    saved = json.loads(path.read_text())
    assert saved["access_token"] != access and saved["refresh_token"]
    assert works(fake, saved["access_token"])


def test_an_unusable_token_file_is_an_auth_error_that_does_not_show_its_content(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"access_token": "not-json-at-all-secret-123"')
    cli.secrets.add("not-json-at-all-secret-123")
    broken = cli("teams", "list", "--token-file", str(path), env={"SALESMSG_ACCESS_TOKEN": None})
    assert broken.code == 3 and "is not a token file" in broken.stderr

    missing = cli(
        "teams", "list", "--token-file", str(tmp_path / "none.json"), env={"SALESMSG_ACCESS_TOKEN": None}
    )
    assert missing.code == 3 and "does not exist yet" in missing.stderr
