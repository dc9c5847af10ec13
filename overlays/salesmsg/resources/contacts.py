"""Contacts: create (E.164-checked), read, update, find-or-create, opt out/in, tag, iterate.

contact = sm.contacts.find_or_create("+1 (415) 555-0100", first_name="Ada")
sm.contacts.add_tag(contact.id, tag.id)
for contact in sm.contacts.iter(search="Ada"):
    ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from salesmsg_client.types import Unset

from .._phone import InvalidPhoneNumberError, to_e164
from ..errors import ValidationError
from ._base import AsyncResource, SyncResource, given

# Each helper imports its own generated operation (and the pager) when first called, so the first
# call of one helper does not load the others' modules and models.
if TYPE_CHECKING:
    from salesmsg_client.models.contact import Contact
    from salesmsg_client.models.contact_search_results import ContactSearchResults
    from salesmsg_client.models.contact_update_request import ContactUpdateRequest
    from salesmsg_client.models.tag_action_result import TagActionResult

    from ..pagination import AsyncPager, Pager


def _create_fields(
    number: str, first_name: str | None, last_name: str | None, email: str | None, source: str | None
) -> dict[str, Any]:
    return {
        "number": to_e164(number),
        "first_name": given(first_name),
        "last_name": given(last_name),
        "email": given(email),
        "source": given(source),
    }


def _update_body(
    first_name: str | None, last_name: str | None, email: str | None, number: str | None
) -> ContactUpdateRequest:
    from salesmsg_client.models.contact_update_request import ContactUpdateRequest

    return ContactUpdateRequest(
        first_name=given(first_name),
        last_name=given(last_name),
        email=given(email),
        number=given(None if number is None else to_e164(number)),
    )


def _list_body(search: str | None, sort_by: str | None, sort_order: str | None) -> dict[str, Any]:
    from salesmsg_client.models.contact_list_request import ContactListRequest

    return {
        "body": ContactListRequest(search=given(search), sort_by=given(sort_by), sort_order=given(sort_order))
    }


def _results(parsed: ContactSearchResults) -> list[Contact]:
    return [] if isinstance(parsed.results, Unset) else list(parsed.results)


def _same_number(contact: Contact, e164: str) -> bool:
    for candidate in (contact.number, contact.formatted_number):
        if isinstance(candidate, str) and candidate:
            try:
                if to_e164(candidate) == e164:
                    return True
            except InvalidPhoneNumberError:
                continue
    return False


def _duplicate_id(error: ValidationError) -> int | None:
    """A duplicate create answers 422 with the existing `contact_id` (an int or a list of ints)."""
    found = error.contact_id
    if isinstance(found, list):
        found = found[0] if found else None
    return found if isinstance(found, int) else None


class Contacts(SyncResource):
    def create(
        self,
        number: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        source: str | None = None,
    ) -> Contact:
        """Create a contact; a number already saved raises `ValidationError` with `.contact_id`."""
        from salesmsg_client.api.contacts import create_contact

        return cast(
            "Contact",
            self._call(create_contact, **_create_fields(number, first_name, last_name, email, source)),
        )

    def get(self, contact_id: int) -> Contact:
        from salesmsg_client.api.contacts import get_contact

        return cast("Contact", self._call(get_contact, contact=contact_id))

    def update(
        self,
        contact_id: int,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        number: str | None = None,
    ) -> Contact:
        from salesmsg_client.api.contacts import update_contact

        body = _update_body(first_name, last_name, email, number)
        return cast("Contact", self._call(update_contact, contact=contact_id, body=body))

    def delete(self, contact_id: int) -> list[str]:
        """Delete (Salesmsg re-creates the contact if they text in again)."""
        from salesmsg_client.api.contacts import delete_contact

        return cast("list[str]", self._call(delete_contact, contact=contact_id))

    def search(self, term: str, *, limit: int = 50) -> list[Contact]:
        """Contacts whose name, email or number matches `term` (one request, up to `limit`)."""
        from salesmsg_client.api.contacts import search_contacts

        return _results(self._call(search_contacts, term=term, limit=limit))

    def find_or_create(
        self,
        number: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        source: str | None = None,
    ) -> Contact:
        """The contact with this number, created with the given fields when there is none."""
        e164 = to_e164(number)
        for contact in self.search(e164):
            if _same_number(contact, e164):
                return contact
        try:
            return self.create(e164, first_name=first_name, last_name=last_name, email=email, source=source)
        except ValidationError as error:
            existing = _duplicate_id(error)
            if existing is None:
                raise
            return self.get(existing)  # created meanwhile, or not found by search: the API names it

    def opt_out(self, contact_id: int) -> Contact:
        from salesmsg_client.api.contacts import opt_out_contact

        return cast("Contact", self._call(opt_out_contact, contact=contact_id))

    def opt_in(self, contact_id: int) -> Contact:
        from salesmsg_client.api.contacts import opt_in_contact

        return cast("Contact", self._call(opt_in_contact, contact=contact_id))

    def iter(
        self,
        *,
        search: str | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        page_size: int = 100,
    ) -> Pager[Contact]:
        """Every contact (POST /contacts/list, page/length), optionally filtered by `search`."""
        from salesmsg_client.api.contacts import list_contacts

        from ..pagination import Pager

        return Pager(
            self._client, list_contacts, _list_body(search, sort_by, sort_order), page_size=page_size
        )

    def add_tag(self, contact_id: int, tag_id: int) -> TagActionResult:
        from salesmsg_client.api.tags import attach_tag_to_contact

        return cast("TagActionResult", self._call(attach_tag_to_contact, contact=contact_id, tag=tag_id))

    def remove_tag(self, contact_id: int, tag_id: int) -> TagActionResult:
        from salesmsg_client.api.tags import detach_tag_from_contact

        return cast("TagActionResult", self._call(detach_tag_from_contact, contact=contact_id, tag=tag_id))


class AsyncContacts(AsyncResource):
    async def create(
        self,
        number: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        source: str | None = None,
    ) -> Contact:
        from salesmsg_client.api.contacts import create_contact

        fields = _create_fields(number, first_name, last_name, email, source)
        return cast("Contact", await self._call(create_contact, **fields))

    async def get(self, contact_id: int) -> Contact:
        from salesmsg_client.api.contacts import get_contact

        return cast("Contact", await self._call(get_contact, contact=contact_id))

    async def update(
        self,
        contact_id: int,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        number: str | None = None,
    ) -> Contact:
        from salesmsg_client.api.contacts import update_contact

        body = _update_body(first_name, last_name, email, number)
        return cast("Contact", await self._call(update_contact, contact=contact_id, body=body))

    async def delete(self, contact_id: int) -> list[str]:
        from salesmsg_client.api.contacts import delete_contact

        return cast("list[str]", await self._call(delete_contact, contact=contact_id))

    async def search(self, term: str, *, limit: int = 50) -> list[Contact]:
        from salesmsg_client.api.contacts import search_contacts

        return _results(await self._call(search_contacts, term=term, limit=limit))

    async def find_or_create(
        self,
        number: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        source: str | None = None,
    ) -> Contact:
        e164 = to_e164(number)
        for contact in await self.search(e164):
            if _same_number(contact, e164):
                return contact
        try:
            return await self.create(
                e164, first_name=first_name, last_name=last_name, email=email, source=source
            )
        except ValidationError as error:
            existing = _duplicate_id(error)
            if existing is None:
                raise
            return await self.get(existing)

    async def opt_out(self, contact_id: int) -> Contact:
        from salesmsg_client.api.contacts import opt_out_contact

        return cast("Contact", await self._call(opt_out_contact, contact=contact_id))

    async def opt_in(self, contact_id: int) -> Contact:
        from salesmsg_client.api.contacts import opt_in_contact

        return cast("Contact", await self._call(opt_in_contact, contact=contact_id))

    def iter(
        self,
        *,
        search: str | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        page_size: int = 100,
    ) -> AsyncPager[Contact]:
        from salesmsg_client.api.contacts import list_contacts

        from ..pagination import AsyncPager

        return AsyncPager(
            self._client, list_contacts, _list_body(search, sort_by, sort_order), page_size=page_size
        )

    async def add_tag(self, contact_id: int, tag_id: int) -> TagActionResult:
        from salesmsg_client.api.tags import attach_tag_to_contact

        return cast(
            "TagActionResult", await self._call(attach_tag_to_contact, contact=contact_id, tag=tag_id)
        )

    async def remove_tag(self, contact_id: int, tag_id: int) -> TagActionResult:
        from salesmsg_client.api.tags import detach_tag_from_contact

        return cast(
            "TagActionResult", await self._call(detach_tag_from_contact, contact=contact_id, tag=tag_id)
        )
