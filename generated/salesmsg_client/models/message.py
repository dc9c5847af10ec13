from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, import_models, parse_datetime

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.message_media import MessageMedia
    from ..models.message_record import MessageRecord
    from ..models.user import User

# Imported when first needed (see types.import_models).
_LAZY_MODELS = {
    "Contact": "..models.contact",
    "MessageMedia": "..models.message_media",
    "MessageRecord": "..models.message_record",
    "User": "..models.user",
}
_lazy_loaded: set[str] = set()


def _load_lazy_models(*names: str) -> None:
    import_models(globals(), __package__, _LAZY_MODELS, _lazy_loaded, names)


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """
    Attributes:
        id (int):
        automated (bool | Unset):
        body (str | Unset):
        body_raw (str | Unset):
        contact (Contact | Unset):
        contact_id (int | Unset):
        conversation_id (int | Unset):
        created_at (datetime.datetime | None | Unset):
        delivered_at (datetime.datetime | None | Unset):
        failed_at (datetime.datetime | None | Unset):
        failed_reason (None | str | Unset):
        has_tagging (bool | Unset):
        icon (str | Unset):
        inbox_id (int | Unset):
        media (list[MessageMedia] | Unset):
        mms_status (str | Unset):
        pending_mentions (list[User] | Unset):
        queued_at (datetime.datetime | None | Unset):
        received_at (datetime.datetime | None | Unset):
        record (MessageRecord | Unset):
        send_at (datetime.datetime | None | Unset):
        sent_at (datetime.datetime | None | Unset):
        source (str | Unset):
        source_id (int | None | Unset):
        status (str | Unset): For example received, sent, delivered, queued, failed, undelivered, record.
        stop_on_response (bool | Unset):
        type_ (str | Unset): For example sms, call, incoming.
        user (User | Unset):
        user_id (int | Unset):
    """

    id: int
    automated: bool | Unset = UNSET
    body: str | Unset = UNSET
    body_raw: str | Unset = UNSET
    contact: Contact | Unset = UNSET
    contact_id: int | Unset = UNSET
    conversation_id: int | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    failed_at: datetime.datetime | None | Unset = UNSET
    failed_reason: None | str | Unset = UNSET
    has_tagging: bool | Unset = UNSET
    icon: str | Unset = UNSET
    inbox_id: int | Unset = UNSET
    media: list[MessageMedia] | Unset = UNSET
    mms_status: str | Unset = UNSET
    pending_mentions: list[User] | Unset = UNSET
    queued_at: datetime.datetime | None | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET
    record: MessageRecord | Unset = UNSET
    send_at: datetime.datetime | None | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET
    source: str | Unset = UNSET
    source_id: int | None | Unset = UNSET
    status: str | Unset = UNSET
    stop_on_response: bool | Unset = UNSET
    type_: str | Unset = UNSET
    user: User | Unset = UNSET
    user_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if len(_lazy_loaded) < len(_LAZY_MODELS):
            _load_lazy_models(*_LAZY_MODELS)

        id = self.id

        automated = self.automated

        body = self.body

        body_raw = self.body_raw

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        contact_id = self.contact_id

        conversation_id = self.conversation_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        elif isinstance(self.failed_at, datetime.datetime):
            failed_at = self.failed_at.isoformat()
        else:
            failed_at = self.failed_at

        failed_reason: None | str | Unset
        if isinstance(self.failed_reason, Unset):
            failed_reason = UNSET
        else:
            failed_reason = self.failed_reason

        has_tagging = self.has_tagging

        icon = self.icon

        inbox_id = self.inbox_id

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        mms_status = self.mms_status

        pending_mentions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pending_mentions, Unset):
            pending_mentions = []
            for pending_mentions_item_data in self.pending_mentions:
                pending_mentions_item = pending_mentions_item_data.to_dict()
                pending_mentions.append(pending_mentions_item)

        queued_at: None | str | Unset
        if isinstance(self.queued_at, Unset):
            queued_at = UNSET
        elif isinstance(self.queued_at, datetime.datetime):
            queued_at = self.queued_at.isoformat()
        else:
            queued_at = self.queued_at

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        record: dict[str, Any] | Unset = UNSET
        if not isinstance(self.record, Unset):
            record = self.record.to_dict()

        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        source = self.source

        source_id: int | None | Unset
        if isinstance(self.source_id, Unset):
            source_id = UNSET
        else:
            source_id = self.source_id

        status = self.status

        stop_on_response = self.stop_on_response

        type_ = self.type_

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if automated is not UNSET:
            field_dict["automated"] = automated
        if body is not UNSET:
            field_dict["body"] = body
        if body_raw is not UNSET:
            field_dict["body_raw"] = body_raw
        if contact is not UNSET:
            field_dict["contact"] = contact
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if failed_reason is not UNSET:
            field_dict["failed_reason"] = failed_reason
        if has_tagging is not UNSET:
            field_dict["has_tagging"] = has_tagging
        if icon is not UNSET:
            field_dict["icon"] = icon
        if inbox_id is not UNSET:
            field_dict["inbox_id"] = inbox_id
        if media is not UNSET:
            field_dict["media"] = media
        if mms_status is not UNSET:
            field_dict["mms_status"] = mms_status
        if pending_mentions is not UNSET:
            field_dict["pending_mentions"] = pending_mentions
        if queued_at is not UNSET:
            field_dict["queued_at"] = queued_at
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if record is not UNSET:
            field_dict["record"] = record
        if send_at is not UNSET:
            field_dict["send_at"] = send_at
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if source is not UNSET:
            field_dict["source"] = source
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if status is not UNSET:
            field_dict["status"] = status
        if stop_on_response is not UNSET:
            field_dict["stop_on_response"] = stop_on_response
        if type_ is not UNSET:
            field_dict["type"] = type_
        if user is not UNSET:
            field_dict["user"] = user
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        automated = d.pop("automated", UNSET)

        body = d.pop("body", UNSET)

        body_raw = d.pop("body_raw", UNSET)

        if "Contact" not in _lazy_loaded and "contact" in src_dict:
            _load_lazy_models("Contact")
        _contact = d.pop("contact", UNSET)
        contact: Contact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = Contact.from_dict(_contact)

        contact_id = d.pop("contact_id", UNSET)

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

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = parse_datetime(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))

        def _parse_failed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failed_at_type_0 = parse_datetime(data)

                return failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failed_at = _parse_failed_at(d.pop("failed_at", UNSET))

        def _parse_failed_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failed_reason = _parse_failed_reason(d.pop("failed_reason", UNSET))

        has_tagging = d.pop("has_tagging", UNSET)

        icon = d.pop("icon", UNSET)

        inbox_id = d.pop("inbox_id", UNSET)

        if "MessageMedia" not in _lazy_loaded and "media" in src_dict:
            _load_lazy_models("MessageMedia")
        _media = d.pop("media", UNSET)
        media: list[MessageMedia] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = MessageMedia.from_dict(media_item_data)

                media.append(media_item)

        mms_status = d.pop("mms_status", UNSET)

        if "User" not in _lazy_loaded and "pending_mentions" in src_dict:
            _load_lazy_models("User")
        _pending_mentions = d.pop("pending_mentions", UNSET)
        pending_mentions: list[User] | Unset = UNSET
        if _pending_mentions is not UNSET:
            pending_mentions = []
            for pending_mentions_item_data in _pending_mentions:
                pending_mentions_item = User.from_dict(pending_mentions_item_data)

                pending_mentions.append(pending_mentions_item)

        def _parse_queued_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                queued_at_type_0 = parse_datetime(data)

                return queued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        queued_at = _parse_queued_at(d.pop("queued_at", UNSET))

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = parse_datetime(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        if "MessageRecord" not in _lazy_loaded and "record" in src_dict:
            _load_lazy_models("MessageRecord")
        _record = d.pop("record", UNSET)
        record: MessageRecord | Unset
        if isinstance(_record, Unset):
            record = UNSET
        else:
            record = MessageRecord.from_dict(_record)

        def _parse_send_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_at_type_0 = parse_datetime(data)

                return send_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        send_at = _parse_send_at(d.pop("send_at", UNSET))

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = parse_datetime(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        source = d.pop("source", UNSET)

        def _parse_source_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        status = d.pop("status", UNSET)

        stop_on_response = d.pop("stop_on_response", UNSET)

        type_ = d.pop("type", UNSET)

        if "User" not in _lazy_loaded and "user" in src_dict:
            _load_lazy_models("User")
        _user = d.pop("user", UNSET)
        user: User | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = User.from_dict(_user)

        user_id = d.pop("user_id", UNSET)

        message = cls(
            id=id,
            automated=automated,
            body=body,
            body_raw=body_raw,
            contact=contact,
            contact_id=contact_id,
            conversation_id=conversation_id,
            created_at=created_at,
            delivered_at=delivered_at,
            failed_at=failed_at,
            failed_reason=failed_reason,
            has_tagging=has_tagging,
            icon=icon,
            inbox_id=inbox_id,
            media=media,
            mms_status=mms_status,
            pending_mentions=pending_mentions,
            queued_at=queued_at,
            received_at=received_at,
            record=record,
            send_at=send_at,
            sent_at=sent_at,
            source=source,
            source_id=source_id,
            status=status,
            stop_on_response=stop_on_response,
            type_=type_,
            user=user,
            user_id=user_id,
        )

        message.additional_properties = d
        return message

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
