from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime

T = TypeVar("T", bound="ContactShortcodeOptOut")


@_attrs_define
class ContactShortcodeOptOut:
    """
    Attributes:
        disabled (bool | Unset):
        id (int | Unset):
        name (str | Unset):
        number_id (int | Unset):
        timestamp (datetime.datetime | None | Unset):
        value (bool | Unset):
    """

    disabled: bool | Unset = UNSET
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    number_id: int | Unset = UNSET
    timestamp: datetime.datetime | None | Unset = UNSET
    value: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disabled = self.disabled

        id = self.id

        name = self.name

        number_id = self.number_id

        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = self.timestamp.isoformat()
        else:
            timestamp = self.timestamp

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if number_id is not UNSET:
            field_dict["number_id"] = number_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        disabled = d.pop("disabled", UNSET)

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        number_id = d.pop("number_id", UNSET)

        def _parse_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_type_0 = parse_datetime(data)

                return timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        value = d.pop("value", UNSET)

        contact_shortcode_opt_out = cls(
            disabled=disabled,
            id=id,
            name=name,
            number_id=number_id,
            timestamp=timestamp,
            value=value,
        )

        contact_shortcode_opt_out.additional_properties = d
        return contact_shortcode_opt_out

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
