from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime

T = TypeVar("T", bound="MessageRecord")


@_attrs_define
class MessageRecord:
    """
    Attributes:
        created_at (datetime.datetime | None | Unset):
        duration (int | Unset):
        id (int | Unset):
        is_voicemail (bool | Unset):
        message_id (int | Unset):
        record_id (int | Unset):
        sid (str | Unset):
        status (str | Unset):
        updated_at (datetime.datetime | None | Unset):
        url (str | Unset):
    """

    created_at: datetime.datetime | None | Unset = UNSET
    duration: int | Unset = UNSET
    id: int | Unset = UNSET
    is_voicemail: bool | Unset = UNSET
    message_id: int | Unset = UNSET
    record_id: int | Unset = UNSET
    sid: str | Unset = UNSET
    status: str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        duration = self.duration

        id = self.id

        is_voicemail = self.is_voicemail

        message_id = self.message_id

        record_id = self.record_id

        sid = self.sid

        status = self.status

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if duration is not UNSET:
            field_dict["duration"] = duration
        if id is not UNSET:
            field_dict["id"] = id
        if is_voicemail is not UNSET:
            field_dict["is_voicemail"] = is_voicemail
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if record_id is not UNSET:
            field_dict["record_id"] = record_id
        if sid is not UNSET:
            field_dict["sid"] = sid
        if status is not UNSET:
            field_dict["status"] = status
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        duration = d.pop("duration", UNSET)

        id = d.pop("id", UNSET)

        is_voicemail = d.pop("is_voicemail", UNSET)

        message_id = d.pop("message_id", UNSET)

        record_id = d.pop("record_id", UNSET)

        sid = d.pop("sid", UNSET)

        status = d.pop("status", UNSET)

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

        url = d.pop("url", UNSET)

        message_record = cls(
            created_at=created_at,
            duration=duration,
            id=id,
            is_voicemail=is_voicemail,
            message_id=message_id,
            record_id=record_id,
            sid=sid,
            status=status,
            updated_at=updated_at,
            url=url,
        )

        message_record.additional_properties = d
        return message_record

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
