from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models

if TYPE_CHECKING:
    from ..models.organization_plan import OrganizationPlan
    from ..models.organization_settings import OrganizationSettings

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "OrganizationPlan": "..models.organization_plan",
    "OrganizationSettings": "..models.organization_settings",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="Organization")


@_attrs_define
class Organization:
    """
    Attributes:
        account_credits (float | Unset): Credit balance.
        id (int | Unset):
        plan (OrganizationPlan | Unset): Shape not recorded in the sources this snapshot was written from.
        settings (OrganizationSettings | Unset): Shape not recorded in the sources this snapshot was written from.
    """

    account_credits: float | Unset = UNSET
    id: int | Unset = UNSET
    plan: OrganizationPlan | Unset = UNSET
    settings: OrganizationSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        account_credits = self.account_credits

        id = self.id

        plan: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plan, Unset):
            plan = self.plan.to_dict()

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_credits is not UNSET:
            field_dict["account_credits"] = account_credits
        if id is not UNSET:
            field_dict["id"] = id
        if plan is not UNSET:
            field_dict["plan"] = plan
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_credits = d.pop("account_credits", UNSET)

        id = d.pop("id", UNSET)

        if "OrganizationPlan" not in _lazy_loaded and "plan" in src_dict:
            _load_lazy_models("OrganizationPlan")
        _plan = d.pop("plan", UNSET)
        plan: OrganizationPlan | Unset
        if isinstance(_plan, Unset):
            plan = UNSET
        else:
            plan = OrganizationPlan.from_dict(_plan)

        if "OrganizationSettings" not in _lazy_loaded and "settings" in src_dict:
            _load_lazy_models("OrganizationSettings")
        _settings = d.pop("settings", UNSET)
        settings: OrganizationSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = OrganizationSettings.from_dict(_settings)

        organization = cls(
            account_credits=account_credits,
            id=id,
            plan=plan,
            settings=settings,
        )

        organization.additional_properties = d
        return organization

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
