"""What every resource shares: the wired client, and `UNSET` for arguments left out."""

from __future__ import annotations

from types import ModuleType
from typing import Any, TypeVar

from salesmsg_client.client import AuthenticatedClient
from salesmsg_client.types import UNSET, Unset

from .._invoke import acall, call

T = TypeVar("T")


def given(value: T | None) -> T | Unset:
    """None means "not sent" in the helpers; the generated functions spell that `UNSET`."""
    return UNSET if value is None else value


class SyncResource:
    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def _call(self, endpoint: ModuleType, /, **arguments: Any) -> Any:
        return call(self._client, endpoint, **arguments)


class AsyncResource:
    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def _call(self, endpoint: ModuleType, /, **arguments: Any) -> Any:
        return await acall(self._client, endpoint, **arguments)
