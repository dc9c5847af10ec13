from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models, parse_datetime

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.message import Message
    from ..models.number import Number
    from ..models.user import User

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "Contact": "..models.contact",
    "Message": "..models.message",
    "Number": "..models.number",
    "User": "..models.user",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="Conversation")


@_attrs_define
class Conversation:
    """
    Attributes:
        id (int):
        closed_at (datetime.datetime | None | Unset):
        contact (Contact | Unset):
        latest_message (Message | Unset):
        number (Number | Unset): A phone number.
        owner (User | Unset):
    """

    id: int
    closed_at: datetime.datetime | None | Unset = UNSET
    contact: Contact | Unset = UNSET
    latest_message: Message | Unset = UNSET
    number: Number | Unset = UNSET
    owner: User | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        id = self.id

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        latest_message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latest_message, Unset):
            latest_message = self.latest_message.to_dict()

        number: dict[str, Any] | Unset = UNSET
        if not isinstance(self.number, Unset):
            number = self.number.to_dict()

        owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.owner, Unset):
            owner = self.owner.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if contact is not UNSET:
            field_dict["contact"] = contact
        if latest_message is not UNSET:
            field_dict["latest_message"] = latest_message
        if number is not UNSET:
            field_dict["number"] = number
        if owner is not UNSET:
            field_dict["owner"] = owner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = parse_datetime(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        if "Contact" not in _lazy_loaded and "contact" in src_dict:
            _load_lazy_models("Contact")
        _contact = d.pop("contact", UNSET)
        contact: Contact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = Contact.from_dict(_contact)

        if "Message" not in _lazy_loaded and "latest_message" in src_dict:
            _load_lazy_models("Message")
        _latest_message = d.pop("latest_message", UNSET)
        latest_message: Message | Unset
        if isinstance(_latest_message, Unset):
            latest_message = UNSET
        else:
            latest_message = Message.from_dict(_latest_message)

        if "Number" not in _lazy_loaded and "number" in src_dict:
            _load_lazy_models("Number")
        _number = d.pop("number", UNSET)
        number: Number | Unset
        if isinstance(_number, Unset):
            number = UNSET
        else:
            number = Number.from_dict(_number)

        if "User" not in _lazy_loaded and "owner" in src_dict:
            _load_lazy_models("User")
        _owner = d.pop("owner", UNSET)
        owner: User | Unset
        if isinstance(_owner, Unset):
            owner = UNSET
        else:
            owner = User.from_dict(_owner)

        conversation = cls(
            id=id,
            closed_at=closed_at,
            contact=contact,
            latest_message=latest_message,
            number=number,
            owner=owner,
        )

        conversation.additional_properties = d
        return conversation

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
