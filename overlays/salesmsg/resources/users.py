"""Users: who the token acts as, and the organization's members (ids for `conversations.assign`).

me = sm.users.me()
print(me.full_name, me.email)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ._base import AsyncResource, SyncResource

# Each helper imports its own generated operation when first called, so the first call of one
# helper does not load the others' modules and models.
if TYPE_CHECKING:
    from salesmsg_client.models.organization_member import OrganizationMember
    from salesmsg_client.models.user import User


class Users(SyncResource):
    def me(self) -> User:
        """The user the token acts as (GET /user)."""
        from salesmsg_client.api.users import get_current_user

        return cast("User", self._call(get_current_user))

    def members(self) -> list[OrganizationMember]:
        from salesmsg_client.api.organization import list_organization_members

        return cast("list[OrganizationMember]", self._call(list_organization_members))


class AsyncUsers(AsyncResource):
    async def me(self) -> User:
        from salesmsg_client.api.users import get_current_user

        return cast("User", await self._call(get_current_user))

    async def members(self) -> list[OrganizationMember]:
        from salesmsg_client.api.organization import list_organization_members

        return cast("list[OrganizationMember]", await self._call(list_organization_members))
