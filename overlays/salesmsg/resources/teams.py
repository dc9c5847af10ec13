"""Teams (inboxes): a team id is the `team_id` that `sm.messages.send_to_number` sends from.

for team in sm.teams.list():
    print(team.id, team.name)
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, cast

from salesmsg_client.types import Unset

from ._base import AsyncResource, SyncResource, given

# Each helper imports its own generated operation when first called, so the first call of one
# helper does not load the others' modules and models.
if TYPE_CHECKING:
    from salesmsg_client.models.number import Number
    from salesmsg_client.models.team import Team


def _numbers(parsed: object) -> list[Number]:
    # The document allows a bare array or a {data: [...]} envelope here (clients saw both).
    if isinstance(parsed, list):
        return parsed
    data = getattr(parsed, "data", None)
    return [] if data is None or isinstance(data, Unset) else list(data)


class Teams(SyncResource):
    def list(self, *, limit: int | None = None, has_membership: bool | None = None) -> list[Team]:
        from salesmsg_client.api.teams import list_teams

        return cast(
            "list[Team]", self._call(list_teams, limit=given(limit), has_membership=given(has_membership))
        )

    def get(self, team_id: int) -> Team:
        from salesmsg_client.api.teams import get_team

        return cast("Team", self._call(get_team, team=team_id))

    def numbers(self, team_id: int, *, limit: int | None = None) -> builtins.list[Number]:
        from salesmsg_client.api.teams import list_team_numbers

        return _numbers(self._call(list_team_numbers, team=team_id, limit=given(limit)))


class AsyncTeams(AsyncResource):
    async def list(self, *, limit: int | None = None, has_membership: bool | None = None) -> list[Team]:
        from salesmsg_client.api.teams import list_teams

        return cast(
            "list[Team]",
            await self._call(list_teams, limit=given(limit), has_membership=given(has_membership)),
        )

    async def get(self, team_id: int) -> Team:
        from salesmsg_client.api.teams import get_team

        return cast("Team", await self._call(get_team, team=team_id))

    async def numbers(self, team_id: int, *, limit: int | None = None) -> builtins.list[Number]:
        from salesmsg_client.api.teams import list_team_numbers

        return _numbers(await self._call(list_team_numbers, team=team_id, limit=given(limit)))
