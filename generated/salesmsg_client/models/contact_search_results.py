from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models

if TYPE_CHECKING:
    from ..models.contact import Contact

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "Contact": "..models.contact",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="ContactSearchResults")


@_attrs_define
class ContactSearchResults:
    """
    Attributes:
        results (list[Contact] | Unset):
    """

    results: list[Contact] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "Contact" not in _lazy_loaded and "results" in src_dict:
            _load_lazy_models("Contact")
        _results = d.pop("results", UNSET)
        results: list[Contact] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = Contact.from_dict(results_item_data)

                results.append(results_item)

        contact_search_results = cls(
            results=results,
        )

        contact_search_results.additional_properties = d
        return contact_search_results

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
