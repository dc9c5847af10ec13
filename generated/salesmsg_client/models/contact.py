from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models, parse_datetime

if TYPE_CHECKING:
    from ..models.contact_custom_field import ContactCustomField
    from ..models.contact_integration import ContactIntegration
    from ..models.contact_note import ContactNote
    from ..models.contact_opt_in_request import ContactOptInRequest
    from ..models.contact_shortcode_opt_out import ContactShortcodeOptOut
    from ..models.tag import Tag

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "ContactCustomField": "..models.contact_custom_field",
    "ContactIntegration": "..models.contact_integration",
    "ContactNote": "..models.contact_note",
    "ContactOptInRequest": "..models.contact_opt_in_request",
    "ContactShortcodeOptOut": "..models.contact_shortcode_opt_out",
    "Tag": "..models.tag",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """
    Attributes:
        id (int):
        color (str | Unset):
        country (str | Unset):
        country_calling_code (str | Unset):
        created_at (datetime.datetime | None | Unset):
        custom_fields (list[ContactCustomField] | Unset):
        email (str | Unset):
        first_name (str | Unset):
        formatted_number (str | Unset):
        full_name (str | Unset):
        integration (list[ContactIntegration] | Unset):
        integration_vendor_id (int | Unset):
        is_blocked (bool | Unset):
        last_name (str | Unset):
        national_number (str | Unset):
        notes (list[ContactNote] | Unset):
        number (str | Unset):
        opt_in_at (datetime.datetime | None | Unset):
        opt_in_request_at (datetime.datetime | None | Unset):
        opt_in_requests (list[ContactOptInRequest] | Unset):
        opt_out (bool | Unset):
        opt_out_at (datetime.datetime | None | Unset):
        owner_id (int | Unset):
        photo_url (str | Unset):
        prevent_autolink (bool | Unset):
        shortcode_opt_outs (list[ContactShortcodeOptOut] | Unset):
        tags (list[Tag] | Unset):
        typeted_number (str | Unset):
        updated_at (datetime.datetime | None | Unset):
    """

    id: int
    color: str | Unset = UNSET
    country: str | Unset = UNSET
    country_calling_code: str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    custom_fields: list[ContactCustomField] | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    formatted_number: str | Unset = UNSET
    full_name: str | Unset = UNSET
    integration: list[ContactIntegration] | Unset = UNSET
    integration_vendor_id: int | Unset = UNSET
    is_blocked: bool | Unset = UNSET
    last_name: str | Unset = UNSET
    national_number: str | Unset = UNSET
    notes: list[ContactNote] | Unset = UNSET
    number: str | Unset = UNSET
    opt_in_at: datetime.datetime | None | Unset = UNSET
    opt_in_request_at: datetime.datetime | None | Unset = UNSET
    opt_in_requests: list[ContactOptInRequest] | Unset = UNSET
    opt_out: bool | Unset = UNSET
    opt_out_at: datetime.datetime | None | Unset = UNSET
    owner_id: int | Unset = UNSET
    photo_url: str | Unset = UNSET
    prevent_autolink: bool | Unset = UNSET
    shortcode_opt_outs: list[ContactShortcodeOptOut] | Unset = UNSET
    tags: list[Tag] | Unset = UNSET
    typeted_number: str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        id = self.id

        color = self.color

        country = self.country

        country_calling_code = self.country_calling_code

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        custom_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = []
            for custom_fields_item_data in self.custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

        email = self.email

        first_name = self.first_name

        formatted_number = self.formatted_number

        full_name = self.full_name

        integration: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.integration, Unset):
            integration = []
            for integration_item_data in self.integration:
                integration_item = integration_item_data.to_dict()
                integration.append(integration_item)

        integration_vendor_id = self.integration_vendor_id

        is_blocked = self.is_blocked

        last_name = self.last_name

        national_number = self.national_number

        notes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = []
            for notes_item_data in self.notes:
                notes_item = notes_item_data.to_dict()
                notes.append(notes_item)

        number = self.number

        opt_in_at: None | str | Unset
        if isinstance(self.opt_in_at, Unset):
            opt_in_at = UNSET
        elif isinstance(self.opt_in_at, datetime.datetime):
            opt_in_at = self.opt_in_at.isoformat()
        else:
            opt_in_at = self.opt_in_at

        opt_in_request_at: None | str | Unset
        if isinstance(self.opt_in_request_at, Unset):
            opt_in_request_at = UNSET
        elif isinstance(self.opt_in_request_at, datetime.datetime):
            opt_in_request_at = self.opt_in_request_at.isoformat()
        else:
            opt_in_request_at = self.opt_in_request_at

        opt_in_requests: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.opt_in_requests, Unset):
            opt_in_requests = []
            for opt_in_requests_item_data in self.opt_in_requests:
                opt_in_requests_item = opt_in_requests_item_data.to_dict()
                opt_in_requests.append(opt_in_requests_item)

        opt_out = self.opt_out

        opt_out_at: None | str | Unset
        if isinstance(self.opt_out_at, Unset):
            opt_out_at = UNSET
        elif isinstance(self.opt_out_at, datetime.datetime):
            opt_out_at = self.opt_out_at.isoformat()
        else:
            opt_out_at = self.opt_out_at

        owner_id = self.owner_id

        photo_url = self.photo_url

        prevent_autolink = self.prevent_autolink

        shortcode_opt_outs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.shortcode_opt_outs, Unset):
            shortcode_opt_outs = []
            for shortcode_opt_outs_item_data in self.shortcode_opt_outs:
                shortcode_opt_outs_item = shortcode_opt_outs_item_data.to_dict()
                shortcode_opt_outs.append(shortcode_opt_outs_item)

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        typeted_number = self.typeted_number

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color
        if country is not UNSET:
            field_dict["country"] = country
        if country_calling_code is not UNSET:
            field_dict["country_calling_code"] = country_calling_code
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if formatted_number is not UNSET:
            field_dict["formatted_number"] = formatted_number
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if integration is not UNSET:
            field_dict["integration"] = integration
        if integration_vendor_id is not UNSET:
            field_dict["integration_vendor_id"] = integration_vendor_id
        if is_blocked is not UNSET:
            field_dict["is_blocked"] = is_blocked
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if national_number is not UNSET:
            field_dict["national_number"] = national_number
        if notes is not UNSET:
            field_dict["notes"] = notes
        if number is not UNSET:
            field_dict["number"] = number
        if opt_in_at is not UNSET:
            field_dict["opt_in_at"] = opt_in_at
        if opt_in_request_at is not UNSET:
            field_dict["opt_in_request_at"] = opt_in_request_at
        if opt_in_requests is not UNSET:
            field_dict["opt_in_requests"] = opt_in_requests
        if opt_out is not UNSET:
            field_dict["opt_out"] = opt_out
        if opt_out_at is not UNSET:
            field_dict["opt_out_at"] = opt_out_at
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url
        if prevent_autolink is not UNSET:
            field_dict["prevent_autolink"] = prevent_autolink
        if shortcode_opt_outs is not UNSET:
            field_dict["shortcode_opt_outs"] = shortcode_opt_outs
        if tags is not UNSET:
            field_dict["tags"] = tags
        if typeted_number is not UNSET:
            field_dict["typeted_number"] = typeted_number
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        color = d.pop("color", UNSET)

        country = d.pop("country", UNSET)

        country_calling_code = d.pop("country_calling_code", UNSET)

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

        if "ContactCustomField" not in _lazy_loaded and "custom_fields" in src_dict:
            _load_lazy_models("ContactCustomField")
        _custom_fields = d.pop("custom_fields", UNSET)
        custom_fields: list[ContactCustomField] | Unset = UNSET
        if _custom_fields is not UNSET:
            custom_fields = []
            for custom_fields_item_data in _custom_fields:
                custom_fields_item = ContactCustomField.from_dict(custom_fields_item_data)

                custom_fields.append(custom_fields_item)

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        formatted_number = d.pop("formatted_number", UNSET)

        full_name = d.pop("full_name", UNSET)

        if "ContactIntegration" not in _lazy_loaded and "integration" in src_dict:
            _load_lazy_models("ContactIntegration")
        _integration = d.pop("integration", UNSET)
        integration: list[ContactIntegration] | Unset = UNSET
        if _integration is not UNSET:
            integration = []
            for integration_item_data in _integration:
                integration_item = ContactIntegration.from_dict(integration_item_data)

                integration.append(integration_item)

        integration_vendor_id = d.pop("integration_vendor_id", UNSET)

        is_blocked = d.pop("is_blocked", UNSET)

        last_name = d.pop("last_name", UNSET)

        national_number = d.pop("national_number", UNSET)

        if "ContactNote" not in _lazy_loaded and "notes" in src_dict:
            _load_lazy_models("ContactNote")
        _notes = d.pop("notes", UNSET)
        notes: list[ContactNote] | Unset = UNSET
        if _notes is not UNSET:
            notes = []
            for notes_item_data in _notes:
                notes_item = ContactNote.from_dict(notes_item_data)

                notes.append(notes_item)

        number = d.pop("number", UNSET)

        def _parse_opt_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opt_in_at_type_0 = parse_datetime(data)

                return opt_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opt_in_at = _parse_opt_in_at(d.pop("opt_in_at", UNSET))

        def _parse_opt_in_request_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opt_in_request_at_type_0 = parse_datetime(data)

                return opt_in_request_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opt_in_request_at = _parse_opt_in_request_at(d.pop("opt_in_request_at", UNSET))

        if "ContactOptInRequest" not in _lazy_loaded and "opt_in_requests" in src_dict:
            _load_lazy_models("ContactOptInRequest")
        _opt_in_requests = d.pop("opt_in_requests", UNSET)
        opt_in_requests: list[ContactOptInRequest] | Unset = UNSET
        if _opt_in_requests is not UNSET:
            opt_in_requests = []
            for opt_in_requests_item_data in _opt_in_requests:
                opt_in_requests_item = ContactOptInRequest.from_dict(opt_in_requests_item_data)

                opt_in_requests.append(opt_in_requests_item)

        opt_out = d.pop("opt_out", UNSET)

        def _parse_opt_out_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opt_out_at_type_0 = parse_datetime(data)

                return opt_out_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opt_out_at = _parse_opt_out_at(d.pop("opt_out_at", UNSET))

        owner_id = d.pop("owner_id", UNSET)

        photo_url = d.pop("photo_url", UNSET)

        prevent_autolink = d.pop("prevent_autolink", UNSET)

        if "ContactShortcodeOptOut" not in _lazy_loaded and "shortcode_opt_outs" in src_dict:
            _load_lazy_models("ContactShortcodeOptOut")
        _shortcode_opt_outs = d.pop("shortcode_opt_outs", UNSET)
        shortcode_opt_outs: list[ContactShortcodeOptOut] | Unset = UNSET
        if _shortcode_opt_outs is not UNSET:
            shortcode_opt_outs = []
            for shortcode_opt_outs_item_data in _shortcode_opt_outs:
                shortcode_opt_outs_item = ContactShortcodeOptOut.from_dict(shortcode_opt_outs_item_data)

                shortcode_opt_outs.append(shortcode_opt_outs_item)

        if "Tag" not in _lazy_loaded and "tags" in src_dict:
            _load_lazy_models("Tag")
        _tags = d.pop("tags", UNSET)
        tags: list[Tag] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = Tag.from_dict(tags_item_data)

                tags.append(tags_item)

        typeted_number = d.pop("typeted_number", UNSET)

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

        contact = cls(
            id=id,
            color=color,
            country=country,
            country_calling_code=country_calling_code,
            created_at=created_at,
            custom_fields=custom_fields,
            email=email,
            first_name=first_name,
            formatted_number=formatted_number,
            full_name=full_name,
            integration=integration,
            integration_vendor_id=integration_vendor_id,
            is_blocked=is_blocked,
            last_name=last_name,
            national_number=national_number,
            notes=notes,
            number=number,
            opt_in_at=opt_in_at,
            opt_in_request_at=opt_in_request_at,
            opt_in_requests=opt_in_requests,
            opt_out=opt_out,
            opt_out_at=opt_out_at,
            owner_id=owner_id,
            photo_url=photo_url,
            prevent_autolink=prevent_autolink,
            shortcode_opt_outs=shortcode_opt_outs,
            tags=tags,
            typeted_number=typeted_number,
            updated_at=updated_at,
        )

        contact.additional_properties = d
        return contact

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
