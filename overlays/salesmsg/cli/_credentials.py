"""Where the CLI's token comes from, and where a rotated one is saved.

The token, first found wins:

1. `--token TOKEN` (visible to other users in `ps`: prefer the two below);
2. the token file, `--token-file PATH` or `SALESMSG_TOKEN_FILE`, as `salesmsg.FileTokenStore`
   writes it (a PAT, or OAuth2 tokens with their refresh token);
3. `SALESMSG_ACCESS_TOKEN`.

The file beats the environment because it holds the *rotated* token: a PAT refresh kills the old
one, so the variable you started from is stale after the first `salesmsg auth refresh`.

Whenever a token file is named, every rotation during a command (a refresh before expiry, or once
after a 401) is saved there atomically with mode 0600, whichever of the three the token came from;
that is also how a first `salesmsg auth refresh --token-file PATH` seeds the file from
`SALESMSG_ACCESS_TOKEN`. OAuth2 tokens need `SALESMSG_CLIENT_ID` and `SALESMSG_CLIENT_SECRET`
(environment only: a flag would show the secret in `ps`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ._exit import AuthProblem

if TYPE_CHECKING:
    from ..auth import Tokens
    from ..token_store import FileTokenStore

__all__ = [
    "ENV_ACCESS_TOKEN",
    "ENV_CLIENT_ID",
    "ENV_CLIENT_SECRET",
    "ENV_TOKEN_FILE",
    "Credentials",
    "client_options",
    "resolve",
    "token_file",
]

ENV_ACCESS_TOKEN = "SALESMSG_ACCESS_TOKEN"
ENV_TOKEN_FILE = "SALESMSG_TOKEN_FILE"
ENV_CLIENT_ID = "SALESMSG_CLIENT_ID"
ENV_CLIENT_SECRET = "SALESMSG_CLIENT_SECRET"


@dataclass(frozen=True, repr=False)
class Credentials:
    """The tokens to start from, where they came from (a description, never a value), and the store."""

    tokens: Tokens
    source: str
    store: FileTokenStore | None

    @property
    def kind(self) -> Literal["personal", "oauth2"]:
        # Only OAuth2 grants carry a refresh token; a PAT is refreshed with itself.
        return "oauth2" if self.tokens.refresh_token else "personal"

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r}, source={self.source!r})"


def token_file(flag: str | None, environ: Mapping[str, str]) -> FileTokenStore | None:
    """The store named by `--token-file` or `SALESMSG_TOKEN_FILE` (the flag first), if any."""
    path = flag or environ.get(ENV_TOKEN_FILE) or None
    if path is None:
        return None
    from ..token_store import FileTokenStore

    return FileTokenStore(path)


def resolve(token: str | None, token_file_flag: str | None, environ: Mapping[str, str]) -> Credentials:
    """The credentials by the precedence in the module docstring, or `AuthProblem` (exit 3)."""
    from ..auth import Tokens

    store = token_file(token_file_flag, environ)
    if token:
        return Credentials(Tokens(token), "--token", store)
    if store is not None:
        saved = store.load()  # TokenStoreError (exit 3) for a file that is not a token file
        if saved is not None:
            return Credentials(saved, f"token file {store.path}", store)
    from_env = environ.get(ENV_ACCESS_TOKEN)
    if from_env:
        return Credentials(Tokens(from_env), ENV_ACCESS_TOKEN, store)
    missing = f"{store.path} does not exist yet, and " if store is not None else ""
    raise AuthProblem(
        f"no token: {missing}neither {ENV_ACCESS_TOKEN} nor --token is set "
        f"(create a Personal Access Token in Salesmsg under Settings > Developer)"
    )


def client_options(credentials: Credentials, environ: Mapping[str, str]) -> dict[str, Any]:
    """Keyword arguments for `salesmsg.Salesmsg` that start from these credentials."""
    tokens, store = credentials.tokens, credentials.store
    if credentials.kind == "personal":
        return {
            "access_token": tokens.access_token,
            "token_expires_at": tokens.expires_at,
            "on_token_refresh": store,
        }
    client_id, client_secret = environ.get(ENV_CLIENT_ID), environ.get(ENV_CLIENT_SECRET)
    if not client_id or not client_secret:
        raise AuthProblem(
            f"{credentials.source} holds OAuth2 tokens: set {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET} "
            "(the OAuth application's credentials) so they can be refreshed"
        )
    assert tokens.refresh_token is not None  # kind == "oauth2"
    from ..auth import OAuth2Credentials

    oauth = OAuth2Credentials(
        client_id=client_id,
        client_secret=client_secret,
        refresh_token=tokens.refresh_token,
        access_token=tokens.access_token,
        expires_at=tokens.expires_at,
    )
    return {"oauth": oauth, "on_token_refresh": store}
