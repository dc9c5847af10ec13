"""Inbound webhooks: what Salesmsg POSTs to your URL, as typed events.

Salesmsg posts ``{"event": "<name>", "data": {...}}`` as JSON to a URL set in the web app
(Settings → Integrations → Webhooks, one subscription per event). `parse_event` reads it:

    >>> event = parse_event(b'{"event": "message.received", "data": {"message": {"id": 7, '
    ...                     b'"body": "I&#039;m in", "created_at": "2026-04-18 14:02:11", "sent_at": ""}}}')
    >>> type(event).__name__, event.message.id, event.text, event.body
    ('MessageEvent', 7, "I'm in", 'I&#039;m in')
    >>> event.message.created_at, event.message.sent_at
    (datetime.datetime(2026, 4, 18, 14, 2, 11), None)

**No signature.** Salesmsg does not sign webhooks: there is no secret and no HMAC header, so anyone who
learns the URL can post to it. Put a long random secret in the URL you give Salesmsg
(``https://example.com/hooks/salesmsg?key=<secret>``) and compare it in constant time:

    >>> verify_query_secret("s3cret-from-the-url", expected="s3cret-from-the-url")
    True
    >>> verify_query_secret(None, expected="s3cret-from-the-url")
    False

A handler, in any framework (answer 2xx quickly: consumers report that Salesmsg retries otherwise)::

    def salesmsg_hook(request):
        if not verify_query_secret(request.query_params.get("key"), expected=WEBHOOK_KEY):
            return Response(status=403)
        try:
            event = parse_event(request.body)
        except WebhookParseError:
            return Response(status=400)
        match event:
            case MessageEvent(name="message.received"):
                save_inbound(event.message, event.text, event.contact)
            case CallEvent(name="call.recording_available"):
                save_recording(event.url, event.duration, event.message)
            case UnknownEvent():
                log.info("unhandled Salesmsg event %s", event.name)
        return Response(status=204)

**Vendor drift never raises.** The payloads are not documented; these classes follow payloads seen in
the wild. Only an envelope that is not a JSON object with a string ``event`` (and an object or null
``data``) raises `WebhookParseError`. Past that:

- an event name not listed in `KNOWN_EVENTS` gives an `UnknownEvent` (name and raw data);
- a part that is absent or null is None (``message.sent`` has no ``inbox``);
- a part that is not an object (``"user": "Jane"``) is None, and noted in ``problems``;
- inside a generated model (`Message`, `Contact`), a value that does not fit its declared type
  (``"id": "12"``, an unreadable timestamp, ``"tags": null``) is left UNSET, as if it had not been
  sent, and noted in ``problems``; the rest of the model is kept, and every model you get matches its
  type annotations. A path in ``problems`` names a key the model could not read at all as sent
  (``tags``), a value left UNSET by the model's attribute name (``type_``, not ``type``);
- unknown fields are kept: on generated models in ``additional_properties``, always in ``data``.

Every event keeps ``name``, ``data`` (the raw ``data`` object), ``raw`` (the bytes or str given, None
for a mapping) and ``problems`` (a tuple of strings; empty when the payload fit). Timestamps are
read by the generated models: ``"YYYY-MM-DD HH:MM:SS"`` gives a naive datetime (the zone is not
sent), ``""`` gives None. In the small views and call fields here, ``""`` is None as well.
"""

from __future__ import annotations

import hmac
import html
import json
import reprlib
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol, Self, TypeAlias, TypeVar

import attrs
import salesmsg_client.models
from salesmsg_client.models.contact import Contact
from salesmsg_client.models.message import Message
from salesmsg_client.types import UNSET, Unset

__all__ = [
    "CALL_EVENTS",
    "CONTACT_EVENTS",
    "KNOWN_EVENTS",
    "MESSAGE_EVENTS",
    "CallEvent",
    "ContactEvent",
    "MessageEvent",
    "UnknownEvent",
    "WebhookEvent",
    "WebhookInbox",
    "WebhookNumber",
    "WebhookParseError",
    "WebhookUser",
    "parse_event",
    "verify_query_secret",
]

MESSAGE_EVENTS = frozenset({"message.received", "message.sent", "message.async.error"})
CONTACT_EVENTS = frozenset({"contact.created", "contact.updated"})
CALL_EVENTS = frozenset(
    {
        "call.inbound_started",
        "call.outbound_started",
        "call.inbound_ended",
        "call.outbound_ended",
        "call.recording_available",
    }
)
#: Event names with a class of their own; any other name parses as `UnknownEvent`.
KNOWN_EVENTS = MESSAGE_EVENTS | CONTACT_EVENTS | CALL_EVENTS


class WebhookParseError(ValueError):
    """The body is not a webhook envelope. `.body` is what was given, untouched."""

    def __init__(self, message: str, body: bytes | str | Mapping[str, Any]) -> None:
        super().__init__(message)
        self.body = body


def verify_query_secret(received: str | None, expected: str) -> bool:
    """Whether the secret taken from the request URL equals `expected`, compared in constant time.

    `received` is None when the parameter is missing. An empty `expected` is a configuration
    error (every request without the parameter would otherwise pass) and raises `ValueError`.
    """
    if not expected:
        raise ValueError("expected secret is empty: set a long random value")
    if received is None:
        return False
    # compare_digest takes ASCII-only str; bytes take anything.
    return hmac.compare_digest(received.encode(), expected.encode())


# Small views of the parts that have no generated model (or need only a few fields).


@attrs.frozen(kw_only=True)
class WebhookUser:
    """``data.user``: the Salesmsg user who sent or owns the conversation. `data` is the raw object."""

    id: int | None = None
    full_name: str | None = None
    email: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class WebhookNumber:
    """``data.number``: the Salesmsg number the message went through. `data` is the raw object."""

    id: int | None = None
    number: str | None = None
    formatted_number: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class WebhookInbox:
    """``data.inbox``: the inbox (team) of the conversation. `data` is the raw object."""

    id: int | None = None
    name: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)


# Events


@attrs.frozen(kw_only=True)
class _Event:
    name: str
    data: dict[str, Any]
    raw: bytes | str | None = None
    problems: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class MessageEvent(_Event):
    """``message.received``, ``message.sent`` and ``message.async.error``.

    `body` is ``data.message.body`` as sent; `text` is the same with HTML entities decoded (inbound
    bodies arrive as ``I&#039;m``). ``message.async.error`` payloads have not been seen in public:
    whatever parts it carries are read like the others, and the error details stay in `data`.
    """

    message: Message | None = None
    contact: Contact | None = None
    user: WebhookUser | None = None
    number: WebhookNumber | None = None
    inbox: WebhookInbox | None = None
    body: str | None = None

    @property
    def text(self) -> str | None:
        """The message body with HTML entities decoded (``&#039;`` → ``'``, ``&amp;`` → ``&``)."""
        return None if self.body is None else html.unescape(self.body)


@attrs.frozen(kw_only=True)
class ContactEvent(_Event):
    """``contact.created`` and ``contact.updated``: the contact is ``data.contact``."""

    contact: Contact | None = None


@attrs.frozen(kw_only=True)
class CallEvent(_Event):
    """``call.*``. ``call.recording_available`` carries ``{sid, url, status, duration, is_voicemail,
    message}`` (the call as a message of type "call"); the ``*_started``/``*_ended`` payloads have not
    been seen in public and are read the same way (absent fields are None)."""

    sid: str | None = None
    url: str | None = None
    status: str | None = None
    duration: int | None = None
    is_voicemail: bool | None = None
    message: Message | None = None
    contact: Contact | None = None


@attrs.frozen(kw_only=True)
class UnknownEvent(_Event):
    """An event name this version does not know: kept whole in `name` and `data`."""


WebhookEvent: TypeAlias = MessageEvent | ContactEvent | CallEvent | UnknownEvent


def parse_event(body: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """The typed event in a webhook request body (raw bytes or text, or JSON already decoded).

    Raises `WebhookParseError` only when the envelope itself is wrong; see the module docstring for
    how a payload that drifted from the expected shape is surfaced.
    """
    raw = None if isinstance(body, Mapping) else body
    name, data = _read_envelope(body)
    problems: list[str] = []
    if name in MESSAGE_EVENTS:
        message = _model(Message, data.get("message"), "data.message", problems)
        contact = _model(Contact, data.get("contact"), "data.contact", problems)
        user = _user(data, problems)
        number = _number(data, problems)
        inbox = _inbox(data, problems)
        raw_message = data.get("message")
        text = raw_message.get("body") if isinstance(raw_message, Mapping) else None
        return MessageEvent(
            name=name,
            data=data,
            raw=raw,
            problems=tuple(problems),
            message=message,
            contact=contact,
            user=user,
            number=number,
            inbox=inbox,
            body=text if isinstance(text, str) else None,  # a misfit body is already in `problems`
        )
    if name in CONTACT_EVENTS:
        contact = _model(Contact, data.get("contact"), "data.contact", problems)
        return ContactEvent(name=name, data=data, raw=raw, problems=tuple(problems), contact=contact)
    if name in CALL_EVENTS:
        sid = _scalar(data, "sid", str, "data", problems)
        url = _scalar(data, "url", str, "data", problems)
        status = _scalar(data, "status", str, "data", problems)
        duration = _scalar(data, "duration", int, "data", problems)
        is_voicemail = _scalar(data, "is_voicemail", bool, "data", problems)
        message = _model(Message, data.get("message"), "data.message", problems)
        contact = _model(Contact, data.get("contact"), "data.contact", problems)
        return CallEvent(
            name=name,
            data=data,
            raw=raw,
            problems=tuple(problems),
            sid=sid,
            url=url,
            status=status,
            duration=duration,
            is_voicemail=is_voicemail,
            message=message,
            contact=contact,
        )
    return UnknownEvent(name=name, data=data, raw=raw)


def _read_envelope(body: bytes | str | Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    if isinstance(body, Mapping):
        decoded: object = body
    else:
        try:
            decoded = json.loads(body)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError both are
            raise WebhookParseError(f"webhook body is not JSON ({exc}): {_preview(body)}", body) from exc
    if not isinstance(decoded, Mapping):
        raise WebhookParseError(
            f'webhook body is a JSON {_json_kind(decoded)}, not an object {{"event": ..., "data": ...}}', body
        )
    name = decoded.get("event")
    if not isinstance(name, str) or not name:
        got = "missing" if "event" not in decoded else _json_kind(name)
        if name is not None:
            got += f" {reprlib.repr(name)}"
        raise WebhookParseError(f'webhook body has no event name: "event" is {got}', body)
    data = decoded.get("data")
    if data is None:
        return name, {}
    if not isinstance(data, Mapping):
        raise WebhookParseError(f'{name} webhook: "data" is a JSON {_json_kind(data)}, not an object', body)
    return name, data if isinstance(data, dict) else dict(data)


_S = TypeVar("_S", int, str, bool)


def _scalar(data: Mapping[str, Any], key: str, kind: type[_S], path: str, problems: list[str]) -> _S | None:
    """`data[key]` when it is a `kind`; None when absent, null or "" (the vendor's "not set")."""
    value = data.get(key)
    if value is None or value == "":
        return None
    # bool is an int to Python, never to JSON.
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    problems.append(f"{path}.{key}: expected {kind.__name__}, got {_show(value)}")
    return None


def _part(data: Mapping[str, Any], key: str, problems: list[str]) -> dict[str, Any] | None:
    """The object `data[key]`; None when absent, null or (noted in `problems`) not an object."""
    part = data.get(key)
    if part is None or isinstance(part, dict):
        return part
    if isinstance(part, Mapping):
        return dict(part)
    problems.append(f"data.{key}: expected an object, got {_show(part)}")
    return None


def _user(data: Mapping[str, Any], problems: list[str]) -> WebhookUser | None:
    if (part := _part(data, "user", problems)) is None:
        return None
    return WebhookUser(
        id=_scalar(part, "id", int, "data.user", problems),
        full_name=_scalar(part, "full_name", str, "data.user", problems),
        email=_scalar(part, "email", str, "data.user", problems),
        data=part,
    )


def _number(data: Mapping[str, Any], problems: list[str]) -> WebhookNumber | None:
    if (part := _part(data, "number", problems)) is None:
        return None
    return WebhookNumber(
        id=_scalar(part, "id", int, "data.number", problems),
        number=_scalar(part, "number", str, "data.number", problems),
        formatted_number=_scalar(part, "formatted_number", str, "data.number", problems),
        data=part,
    )


def _inbox(data: Mapping[str, Any], problems: list[str]) -> WebhookInbox | None:
    if (part := _part(data, "inbox", problems)) is None:
        return None
    return WebhookInbox(
        id=_scalar(part, "id", int, "data.inbox", problems),
        name=_scalar(part, "name", str, "data.inbox", problems),
        data=part,
    )


# Generated models, read tolerantly.
#
# `from_dict` leaves out no key and checks no scalar: "id": "12" lands in an `int` field, an
# unreadable timestamp stays a str. It raises only when a nested object or list is not one (a
# string, a null). So: keys that make it raise are left out, then every field is checked against
# its annotation and a misfit is reset to UNSET, which every field of these models allows.


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_FromDict)
_FROM_DICT_ERRORS = (TypeError, ValueError, AttributeError, KeyError)


def _model(cls: type[_M], value: object, path: str, problems: list[str]) -> _M | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.append(f"{path}: expected an object, got {_show(value)}")
        return None
    try:
        model = cls.from_dict(value)
    except _FROM_DICT_ERRORS:
        kept = {}
        # Probe one key at a time, alongside the required keys the model cannot be built without.
        required = {key: value[key] for key in _required_keys(cls) if key in value}
        for key, item in value.items():
            try:
                cls.from_dict({**required, key: item})
            except _FROM_DICT_ERRORS as exc:
                why = (
                    "null where a value is declared" if item is None else f"cannot read {_show(item)} ({exc})"
                )
                problems.append(f"{path}.{key}: left out, {why}")
            else:
                kept[key] = item
        try:
            model = cls.from_dict(kept)
        except _FROM_DICT_ERRORS as exc:  # keys that fail only together: give up on this part
            problems.append(f"{path}: left out, {cls.__name__} cannot read it ({exc})")
            return None
    return model if _fits(model, cls, path, problems) else None


def _required_keys(cls: type) -> list[str]:
    """JSON keys of the attrs fields without a default (the document's `required`, e.g. `id`)."""
    return [
        field.name.removesuffix("_")
        for field in attrs.fields(cls)
        if field.default is attrs.NOTHING and field.init and field.name != "additional_properties"
    ]


def _fits(value: object, hint: Any, path: str, problems: list[str]) -> bool:
    """Whether `value` matches the annotation `hint`; misfit fields of nested models become UNSET."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return True
    if origin is typing.Union or origin is types.UnionType:
        options = typing.get_args(hint)
        if (value is UNSET and Unset in options) or (value is None and type(None) in options):
            return True
        rest = [option for option in options if option not in (Unset, type(None))]
        if len(rest) == 1:
            return _fits(value, rest[0], path, problems)
        if any(_fits(value, option, path, []) for option in rest):
            return True
        problems.append(f"{path}: expected {_describe(hint)}, got {_show(value)}")
        return False
    if origin is list:
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list, got {_show(value)}")
            return False
        (item_hint,) = typing.get_args(hint)
        return all([_fits(item, item_hint, f"{path}[{i}]", problems) for i, item in enumerate(value)])
    if origin is dict:
        return isinstance(value, dict)
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            problems.append(f"{path}: expected {hint.__name__}, got {_show(value)}")
            return False
        hints = _annotations(hint)
        for field in attrs.fields(hint):
            field_hint = hints.get(field.name, Any)
            if field.name == "additional_properties" or _fits(
                getattr(value, field.name), field_hint, f"{path}.{field.name}", problems
            ):
                continue
            if not _fits(UNSET, field_hint, path, []):
                return False  # a required field that does not fit: the whole object does not
            setattr(value, field.name, UNSET)
        return True
    if isinstance(hint, type):
        if hint in (int, float) and isinstance(value, bool):
            fits = False
        elif hint is float:
            fits = isinstance(value, int | float)
        else:
            fits = isinstance(value, hint)
        if not fits:
            problems.append(f"{path}: expected {_describe(hint)}, got {_show(value)}")
        return fits
    return True  # an annotation this checker does not understand: trust the generator


class _LazyModels(Mapping[str, Any]):
    """Names the models' string annotations refer to, imported on first use like the package does."""

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(salesmsg_client.models, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> typing.Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@cache
def _annotations(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls, localns=_LazyModels())
    except (NameError, TypeError, AttributeError):
        return {}  # cannot be resolved: check nothing rather than fail a webhook


def _describe(hint: Any) -> str:
    if typing.get_origin(hint) is list:
        return f"list[{_describe(typing.get_args(hint)[0])}]"
    if isinstance(hint, type):
        return hint.__name__
    return str(hint)


def _show(value: object) -> str:
    return "null" if value is None else f"{type(value).__name__} {reprlib.repr(value)}"


def _json_kind(value: object) -> str:
    kinds = {
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }
    return kinds.get(type(value), type(value).__name__)


def _preview(body: bytes | str) -> str:
    unit = "bytes" if isinstance(body, bytes) else "characters"
    return f"{len(body)} {unit} starting {reprlib.repr(body[:60])}"
