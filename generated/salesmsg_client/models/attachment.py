from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_datetime

T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """
    Attributes:
        id (int):
        content_type (str | Unset):
        conversation_id (int | Unset):
        created_at (datetime.datetime | None | Unset):
        is_allowed_for_media_url (bool | Unset):
        message_id (int | Unset):
        name (str | Unset):
        processing (int | Unset): 0 when ready.
        source (str | Unset): URL.
        type_ (str | Unset): For example image.
    """

    id: int
    content_type: str | Unset = UNSET
    conversation_id: int | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    is_allowed_for_media_url: bool | Unset = UNSET
    message_id: int | Unset = UNSET
    name: str | Unset = UNSET
    processing: int | Unset = UNSET
    source: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        content_type = self.content_type

        conversation_id = self.conversation_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        is_allowed_for_media_url = self.is_allowed_for_media_url

        message_id = self.message_id

        name = self.name

        processing = self.processing

        source = self.source

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if is_allowed_for_media_url is not UNSET:
            field_dict["is_allowed_for_media_url"] = is_allowed_for_media_url
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if name is not UNSET:
            field_dict["name"] = name
        if processing is not UNSET:
            field_dict["processing"] = processing
        if source is not UNSET:
            field_dict["source"] = source
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        content_type = d.pop("content_type", UNSET)

        conversation_id = d.pop("conversation_id", UNSET)

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

        is_allowed_for_media_url = d.pop("is_allowed_for_media_url", UNSET)

        message_id = d.pop("message_id", UNSET)

        name = d.pop("name", UNSET)

        processing = d.pop("processing", UNSET)

        source = d.pop("source", UNSET)

        type_ = d.pop("type", UNSET)

        attachment = cls(
            id=id,
            content_type=content_type,
            conversation_id=conversation_id,
            created_at=created_at,
            is_allowed_for_media_url=is_allowed_for_media_url,
            message_id=message_id,
            name=name,
            processing=processing,
            source=source,
            type_=type_,
        )

        attachment.additional_properties = d
        return attachment

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
