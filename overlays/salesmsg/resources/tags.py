"""Tags: list, iterate, create.

vip = sm.tags.create("vip")
sm.contacts.add_tag(contact.id, vip.id)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from salesmsg_client.types import Unset

from ._base import AsyncResource, SyncResource, given

# Each helper imports its own generated operation (and the pager) when first called, so the first
# call of one helper does not load the others' modules and models.
if TYPE_CHECKING:
    from salesmsg_client.models.tag import Tag
    from salesmsg_client.models.tag_page import TagPage

    from ..pagination import AsyncPager, Pager

LABEL_MAX = 50  # the schema's maxLength (the vendor's prose says 15; the schema is what is enforced)


def _label(label: str) -> str:
    label = label.strip()
    if not label or len(label) > LABEL_MAX:
        raise ValueError(f"a tag label has 1 to {LABEL_MAX} characters, got {len(label)}: {label!r}")
    return label


def _page(parsed: TagPage) -> list[Tag]:
    return [] if isinstance(parsed.data, Unset) else list(parsed.data)


def _filters(search: str | None, sort_by: str | None, sort_order: str | None) -> dict[str, Any]:
    return {"search": given(search), "sort_by": given(sort_by), "sort_order": given(sort_order)}


class Tags(SyncResource):
    def list(
        self,
        *,
        search: str | None = None,
        page: int = 1,
        length: int = 100,
        sort_by: str | None = None,
        sort_order: str | None = None,
    ) -> list[Tag]:
        """One page of tags (page/length); `iter()` walks them all."""
        from salesmsg_client.api.tags import list_tags

        parsed = self._call(list_tags, page=page, length=length, **_filters(search, sort_by, sort_order))
        return _page(parsed)

    def iter(
        self,
        *,
        search: str | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        page_size: int = 100,
    ) -> Pager[Tag]:
        from salesmsg_client.api.tags import list_tags

        from ..pagination import Pager

        return Pager(self._client, list_tags, _filters(search, sort_by, sort_order), page_size=page_size)

    def create(self, label: str) -> Tag:
        from salesmsg_client.api.tags import create_tag

        return cast("Tag", self._call(create_tag, label=_label(label)))


class AsyncTags(AsyncResource):
    async def list(
        self,
        *,
        search: str | None = None,
        page: int = 1,
        length: int = 100,
        sort_by: str | None = None,
        sort_order: str | None = None,
    ) -> list[Tag]:
        from salesmsg_client.api.tags import list_tags

        parsed = await self._call(
            list_tags, page=page, length=length, **_filters(search, sort_by, sort_order)
        )
        return _page(parsed)

    def iter(
        self,
        *,
        search: str | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        page_size: int = 100,
    ) -> AsyncPager[Tag]:
        from salesmsg_client.api.tags import list_tags

        from ..pagination import AsyncPager

        return AsyncPager(self._client, list_tags, _filters(search, sort_by, sort_order), page_size=page_size)

    async def create(self, label: str) -> Tag:
        from salesmsg_client.api.tags import create_tag

        return cast("Tag", await self._call(create_tag, label=_label(label)))
