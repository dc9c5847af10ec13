from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactListRequest")


@_attrs_define
class ContactListRequest:
    """
    Attributes:
        length (int | Unset):
        page (int | Unset):
        search (str | Unset):
        sort_by (str | Unset):
        sort_order (str | Unset): asc or desc.
        use_short_response (bool | Unset): Reduced contact shape.
    """

    length: int | Unset = UNSET
    page: int | Unset = UNSET
    search: str | Unset = UNSET
    sort_by: str | Unset = UNSET
    sort_order: str | Unset = UNSET
    use_short_response: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        length = self.length

        page = self.page

        search = self.search

        sort_by = self.sort_by

        sort_order = self.sort_order

        use_short_response = self.use_short_response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if length is not UNSET:
            field_dict["length"] = length
        if page is not UNSET:
            field_dict["page"] = page
        if search is not UNSET:
            field_dict["search"] = search
        if sort_by is not UNSET:
            field_dict["sortBy"] = sort_by
        if sort_order is not UNSET:
            field_dict["sortOrder"] = sort_order
        if use_short_response is not UNSET:
            field_dict["useShortResponse"] = use_short_response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        length = d.pop("length", UNSET)

        page = d.pop("page", UNSET)

        search = d.pop("search", UNSET)

        sort_by = d.pop("sortBy", UNSET)

        sort_order = d.pop("sortOrder", UNSET)

        use_short_response = d.pop("useShortResponse", UNSET)

        contact_list_request = cls(
            length=length,
            page=page,
            search=search,
            sort_by=sort_by,
            sort_order=sort_order,
            use_short_response=use_short_response,
        )

        contact_list_request.additional_properties = d
        return contact_list_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
