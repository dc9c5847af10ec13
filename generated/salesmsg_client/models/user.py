from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models

if TYPE_CHECKING:
    from ..models.number import Number

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "Number": "..models.number",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (int):
        email (str | Unset):
        first_name (str | Unset):
        formatted_number (str | Unset):
        full_name (str | Unset):
        inbox_id (int | Unset):
        last_name (str | Unset):
        number (str | Unset):
        organization_number (list[Number] | Unset):
        organization_id (int | Unset):
        photo_url (str | Unset):
        role (str | Unset):
        unread (int | Unset):
        user_permissions (list[str] | Unset):
    """

    id: int
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    formatted_number: str | Unset = UNSET
    full_name: str | Unset = UNSET
    inbox_id: int | Unset = UNSET
    last_name: str | Unset = UNSET
    number: str | Unset = UNSET
    organization_number: list[Number] | Unset = UNSET
    organization_id: int | Unset = UNSET
    photo_url: str | Unset = UNSET
    role: str | Unset = UNSET
    unread: int | Unset = UNSET
    user_permissions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        id = self.id

        email = self.email

        first_name = self.first_name

        formatted_number = self.formatted_number

        full_name = self.full_name

        inbox_id = self.inbox_id

        last_name = self.last_name

        number = self.number

        organization_number: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.organization_number, Unset):
            organization_number = []
            for organization_number_item_data in self.organization_number:
                organization_number_item = organization_number_item_data.to_dict()
                organization_number.append(organization_number_item)

        organization_id = self.organization_id

        photo_url = self.photo_url

        role = self.role

        unread = self.unread

        user_permissions: list[str] | Unset = UNSET
        if not isinstance(self.user_permissions, Unset):
            user_permissions = self.user_permissions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if formatted_number is not UNSET:
            field_dict["formatted_number"] = formatted_number
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if inbox_id is not UNSET:
            field_dict["inbox_id"] = inbox_id
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if number is not UNSET:
            field_dict["number"] = number
        if organization_number is not UNSET:
            field_dict["organizationNumber"] = organization_number
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url
        if role is not UNSET:
            field_dict["role"] = role
        if unread is not UNSET:
            field_dict["unread"] = unread
        if user_permissions is not UNSET:
            field_dict["userPermissions"] = user_permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        formatted_number = d.pop("formatted_number", UNSET)

        full_name = d.pop("full_name", UNSET)

        inbox_id = d.pop("inbox_id", UNSET)

        last_name = d.pop("last_name", UNSET)

        number = d.pop("number", UNSET)

        if "Number" not in _lazy_loaded and "organizationNumber" in src_dict:
            _load_lazy_models("Number")
        _organization_number = d.pop("organizationNumber", UNSET)
        organization_number: list[Number] | Unset = UNSET
        if _organization_number is not UNSET:
            organization_number = []
            for organization_number_item_data in _organization_number:
                organization_number_item = Number.from_dict(organization_number_item_data)

                organization_number.append(organization_number_item)

        organization_id = d.pop("organization_id", UNSET)

        photo_url = d.pop("photo_url", UNSET)

        role = d.pop("role", UNSET)

        unread = d.pop("unread", UNSET)

        user_permissions = cast(list[str], d.pop("userPermissions", UNSET))

        user = cls(
            id=id,
            email=email,
            first_name=first_name,
            formatted_number=formatted_number,
            full_name=full_name,
            inbox_id=inbox_id,
            last_name=last_name,
            number=number,
            organization_number=organization_number,
            organization_id=organization_id,
            photo_url=photo_url,
            role=role,
            unread=unread,
            user_permissions=user_permissions,
        )

        user.additional_properties = d
        return user

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
