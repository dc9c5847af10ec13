from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models, parse_datetime

if TYPE_CHECKING:
    from ..models.contact_custom_field_value import ContactCustomFieldValue

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "ContactCustomFieldValue": "..models.contact_custom_field_value",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="ContactCustomField")


@_attrs_define
class ContactCustomField:
    """
    Attributes:
        contact_id (int | Unset):
        created_at (datetime.datetime | None | Unset):
        custom_field_id (int | Unset):
        date (str | Unset):
        field_key (str | Unset):
        id (int | Unset):
        number (float | Unset):
        organization_id (int | Unset):
        text (str | Unset):
        updated_at (datetime.datetime | None | Unset):
        value (list[ContactCustomFieldValue] | Unset):
    """

    contact_id: int | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    custom_field_id: int | Unset = UNSET
    date: str | Unset = UNSET
    field_key: str | Unset = UNSET
    id: int | Unset = UNSET
    number: float | Unset = UNSET
    organization_id: int | Unset = UNSET
    text: str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    value: list[ContactCustomFieldValue] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        contact_id = self.contact_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        custom_field_id = self.custom_field_id

        date = self.date

        field_key = self.field_key

        id = self.id

        number = self.number

        organization_id = self.organization_id

        text = self.text

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        value: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.value, Unset):
            value = []
            for value_item_data in self.value:
                value_item = value_item_data.to_dict()
                value.append(value_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if custom_field_id is not UNSET:
            field_dict["custom_field_id"] = custom_field_id
        if date is not UNSET:
            field_dict["date"] = date
        if field_key is not UNSET:
            field_dict["field_key"] = field_key
        if id is not UNSET:
            field_dict["id"] = id
        if number is not UNSET:
            field_dict["number"] = number
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if text is not UNSET:
            field_dict["text"] = text
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = d.pop("contact_id", UNSET)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = parse_datetime(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        custom_field_id = d.pop("custom_field_id", UNSET)

        date = d.pop("date", UNSET)

        field_key = d.pop("field_key", UNSET)

        id = d.pop("id", UNSET)

        number = d.pop("number", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        text = d.pop("text", UNSET)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = parse_datetime(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        if "ContactCustomFieldValue" not in _lazy_loaded and "value" in src_dict:
            _load_lazy_models("ContactCustomFieldValue")
        _value = d.pop("value", UNSET)
        value: list[ContactCustomFieldValue] | Unset = UNSET
        if _value is not UNSET:
            value = []
            for value_item_data in _value:
                value_item = ContactCustomFieldValue.from_dict(value_item_data)

                value.append(value_item)

        contact_custom_field = cls(
            contact_id=contact_id,
            created_at=created_at,
            custom_field_id=custom_field_id,
            date=date,
            field_key=field_key,
            id=id,
            number=number,
            organization_id=organization_id,
            text=text,
            updated_at=updated_at,
            value=value,
        )

        contact_custom_field.additional_properties = d
        return contact_custom_field

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
