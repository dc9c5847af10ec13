from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models

if TYPE_CHECKING:
    from ..models.contact_update_request_custom_fields_item import ContactUpdateRequestCustomFieldsItem

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "ContactUpdateRequestCustomFieldsItem": "..models.contact_update_request_custom_fields_item",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="ContactUpdateRequest")


@_attrs_define
class ContactUpdateRequest:
    """
    Attributes:
        custom_fields (list[ContactUpdateRequestCustomFieldsItem] | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        number (str | Unset):
    """

    custom_fields: list[ContactUpdateRequestCustomFieldsItem] | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        custom_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = []
            for custom_fields_item_data in self.custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if custom_fields is not UNSET:
            field_dict["customFields"] = custom_fields
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "ContactUpdateRequestCustomFieldsItem" not in _lazy_loaded and "customFields" in src_dict:
            _load_lazy_models("ContactUpdateRequestCustomFieldsItem")
        _custom_fields = d.pop("customFields", UNSET)
        custom_fields: list[ContactUpdateRequestCustomFieldsItem] | Unset = UNSET
        if _custom_fields is not UNSET:
            custom_fields = []
            for custom_fields_item_data in _custom_fields:
                custom_fields_item = ContactUpdateRequestCustomFieldsItem.from_dict(custom_fields_item_data)

                custom_fields.append(custom_fields_item)

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        number = d.pop("number", UNSET)

        contact_update_request = cls(
            custom_fields=custom_fields,
            email=email,
            first_name=first_name,
            last_name=last_name,
            number=number,
        )

        contact_update_request.additional_properties = d
        return contact_update_request

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
