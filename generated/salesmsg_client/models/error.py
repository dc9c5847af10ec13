from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models

if TYPE_CHECKING:
    from ..models.error_errors import ErrorErrors

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "ErrorErrors": "..models.error_errors",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Error body.

    Attributes:
        auth_required (bool | Unset):
        errors (ErrorErrors | Unset): Validation errors.
        message (list[str] | None | str | Unset): Error message; null or a list of messages on some errors.
        status (int | Unset): HTTP status code.
    """

    auth_required: bool | Unset = UNSET
    errors: ErrorErrors | Unset = UNSET
    message: list[str] | None | str | Unset = UNSET
    status: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        auth_required = self.auth_required

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        message: list[str] | None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        elif isinstance(self.message, list):
            message = self.message

        else:
            message = self.message

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auth_required is not UNSET:
            field_dict["auth_required"] = auth_required
        if errors is not UNSET:
            field_dict["errors"] = errors
        if message is not UNSET:
            field_dict["message"] = message
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_required = d.pop("auth_required", UNSET)

        if "ErrorErrors" not in _lazy_loaded and "errors" in src_dict:
            _load_lazy_models("ErrorErrors")
        _errors = d.pop("errors", UNSET)
        errors: ErrorErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ErrorErrors.from_dict(_errors)

        def _parse_message(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                message_type_1 = cast(list[str], data)

                return message_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        status = d.pop("status", UNSET)

        error = cls(
            auth_required=auth_required,
            errors=errors,
            message=message,
            status=status,
        )

        error.additional_properties = d
        return error

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
