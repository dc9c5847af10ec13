from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AsyncMessageRequest")


@_attrs_define
class AsyncMessageRequest:
    """
    Attributes:
        message (str | Unset):
        number (str | Unset): Recipient.
        team_id (int | Unset): Inbox to send from.
    """

    message: str | Unset = UNSET
    number: str | Unset = UNSET
    team_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        number = self.number

        team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if number is not UNSET:
            field_dict["number"] = number
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        number = d.pop("number", UNSET)

        team_id = d.pop("team_id", UNSET)

        async_message_request = cls(
            message=message,
            number=number,
            team_id=team_id,
        )

        async_message_request.additional_properties = d
        return async_message_request

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
