from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models

if TYPE_CHECKING:
    from ..models.number_numberable import NumberNumberable

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "NumberNumberable": "..models.number_numberable",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="Number")


@_attrs_define
class Number:
    """A phone number.

    Attributes:
        country (str | Unset):
        formatted_number (str | Unset):
        id (int | Unset):
        mms (bool | Unset):
        number (str | Unset):
        numberable (NumberNumberable | Unset):
    """

    country: str | Unset = UNSET
    formatted_number: str | Unset = UNSET
    id: int | Unset = UNSET
    mms: bool | Unset = UNSET
    number: str | Unset = UNSET
    numberable: NumberNumberable | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        country = self.country

        formatted_number = self.formatted_number

        id = self.id

        mms = self.mms

        number = self.number

        numberable: dict[str, Any] | Unset = UNSET
        if not isinstance(self.numberable, Unset):
            numberable = self.numberable.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if country is not UNSET:
            field_dict["country"] = country
        if formatted_number is not UNSET:
            field_dict["formatted_number"] = formatted_number
        if id is not UNSET:
            field_dict["id"] = id
        if mms is not UNSET:
            field_dict["mms"] = mms
        if number is not UNSET:
            field_dict["number"] = number
        if numberable is not UNSET:
            field_dict["numberable"] = numberable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country", UNSET)

        formatted_number = d.pop("formatted_number", UNSET)

        id = d.pop("id", UNSET)

        mms = d.pop("mms", UNSET)

        number = d.pop("number", UNSET)

        if "NumberNumberable" not in _lazy_loaded and "numberable" in src_dict:
            _load_lazy_models("NumberNumberable")
        _numberable = d.pop("numberable", UNSET)
        numberable: NumberNumberable | Unset
        if isinstance(_numberable, Unset):
            numberable = UNSET
        else:
            numberable = NumberNumberable.from_dict(_numberable)

        number = cls(
            country=country,
            formatted_number=formatted_number,
            id=id,
            mms=mms,
            number=number,
            numberable=numberable,
        )

        number.additional_properties = d
        return number

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
