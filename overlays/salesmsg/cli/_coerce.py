"""`key=value` words into the keyword arguments of a generated operation, typed by its signature.

    >>> from salesmsg_client.api.conversations import list_conversations
    >>> arguments = coerce(list_conversations._get_kwargs, ["filter=open", "limit=5", "after=2026-11-01"])
    >>> arguments["filter_"], arguments["limit"], arguments["after"]
    (<ConversationFilter.OPEN: 'open'>, 5, datetime.date(2026, 11, 1))

The signature is the generated `_get_kwargs(...)`, so a regenerated operation is understood with no
change here. A key is a parameter's name in the document (`filter`, `sortBy`) or in Python
(`filter_`, `sort_by`). Values become the parameter's type: int, float, bool (true/false, yes/no,
1/0), str, dates (as `--since` takes them), enums, lists (repeat the key, or a JSON array), and
generated models from JSON (`body='{"search": "Ada"}'`, `body=@file.json`, `body=-` for stdin).
Anything wrong is a `UsageError` that names the parameter and what it takes.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import inspect
import io
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ._catalog import Parameter, normalize
from ._exit import UsageError
from ._values import WhenError, parse_when

__all__ = ["Slot", "coerce", "describe_type", "slots", "type_name"]

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SHORT_NAMES: dict[Any, str] = {datetime.date: "date", datetime.datetime: "datetime"}


class _Unreadable(ValueError):
    """JSON that cannot be read or parsed; its message is complete."""


@dataclass(frozen=True)
class Slot:
    """One parameter of a generated function, with what the document says about it."""

    python_name: str
    annotation: Any
    required: bool
    documented: Parameter | None

    @property
    def name(self) -> str:
        """The name to show: the document's when a shell takes it unquoted, else Python's."""
        if self.documented is not None and _IDENTIFIER.fullmatch(self.documented.name):
            return self.documented.name
        return self.python_name

    @property
    def location(self) -> str:
        return self.documented.location if self.documented is not None else "body"


def slots(function: Callable[..., Any], documented: Sequence[Parameter] = ()) -> list[Slot]:
    """The parameters of `function` (a generated `_get_kwargs`), matched to the document's."""
    hints = typing.get_type_hints(function)
    by_key = {normalize(p.name): p for p in documented}
    return [
        Slot(
            python_name=name,
            annotation=hints.get(name, str),
            required=parameter.default is inspect.Parameter.empty,
            documented=by_key.get(normalize(name)),
        )
        for name, parameter in inspect.signature(function).parameters.items()
    ]


def coerce(
    function: Callable[..., Any],
    words: Sequence[str],
    *,
    documented: Sequence[Parameter] = (),
    stdin: TextIO | None = None,
    label: str = "this operation",
) -> dict[str, Any]:
    """Keyword arguments for `function` from `key=value` words (see the module docstring)."""
    available = slots(function, documented)
    by_key: dict[str, Slot] = {}
    for slot in available:
        by_key[slot.python_name] = slot
        by_key.setdefault(normalize(slot.python_name), slot)
        if slot.documented is not None:
            by_key.setdefault(normalize(slot.documented.name), slot)
    given: dict[str, list[str]] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals or not key:
            raise UsageError(f"{word!r}: parameters are written key=value ({_takes(label, available)})")
        target = by_key.get(key) or by_key.get(normalize(key))
        if target is None:
            names = [s.name for s in available]
            close = difflib.get_close_matches(key, names, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UsageError(f"{label} has no parameter {key!r}: {hint}{_takes(label, available)}")
        given.setdefault(target.python_name, []).append(value)
    missing = [s for s in available if s.required and s.python_name not in given]
    if missing:
        needed = ", ".join(f"{s.name}=" for s in missing)
        raise UsageError(f"{label} needs {needed} ({_takes(label, available)})")
    stream = stdin if stdin is not None else sys.stdin
    return {
        slot.python_name: _convert(slot, given[slot.python_name], stream)
        for slot in available
        if slot.python_name in given
    }


def _takes(label: str, available: Sequence[Slot]) -> str:
    if not available:
        return f"{label} takes no parameters"
    listed = ", ".join(f"{s.name}{'' if s.required else '?'}" for s in available)
    return f"it takes {listed}; ? marks optional ones"


def _members(annotation: Any) -> list[Any]:
    """The types a parameter accepts, without UNSET and None."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = list(typing.get_args(annotation))
    else:
        members = [annotation]
    return [m for m in members if m is not type(None) and getattr(m, "__name__", "") != "Unset"]


def _convert(slot: Slot, values: list[str], stdin: TextIO) -> Any:
    members = _members(slot.annotation)
    for member in members:
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member) or (str,)
            return _list(slot, values, item, stdin)
    if len(values) > 1:
        raise UsageError(f"{slot.name} is given {len(values)} times; it takes one value")
    problems = []
    for member in members:
        try:
            return _one(values[0], member, stdin)
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(_reason(exc, member))
    raise UsageError(f"{slot.name}={_preview(values[0])}: {problems[0] if problems else 'not understood'}")


def _list(slot: Slot, values: list[str], item: Any, stdin: TextIO) -> list[Any]:
    """A list: the key repeated, or one JSON array (`[1, 2]`, `@file.json`, `-`)."""
    if len(values) == 1 and (values[0][:1] in ("[", "@") or values[0] == "-"):
        try:
            data = _json(values[0], stdin)
        except _Unreadable as exc:
            raise UsageError(f"{slot.name}: {exc}") from None
        if not isinstance(data, list):
            raise UsageError(f"{slot.name}: expected a JSON array")
        try:
            return [_from_json(element, item) for element in data]
        except (ValueError, TypeError, KeyError) as exc:
            raise UsageError(f"{slot.name}: {_reason(exc, item)}") from None
    try:
        return [_one(value, item, stdin) for value in values]
    except (ValueError, TypeError, KeyError) as exc:
        raise UsageError(f"{slot.name}: {_reason(exc, item)}") from None


def _one(text: str, kind: Any, stdin: TextIO) -> Any:
    if kind is bool:
        lowered = text.strip().lower()
        if lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        raise ValueError("expected true or false")
    if kind is int:
        return int(text)
    if kind is float:
        return float(text)
    if kind is str or kind is Any:
        return text
    if kind is datetime.datetime:
        return datetime.datetime.fromisoformat(text)
    if kind is datetime.date:
        try:
            return parse_when(text)
        except WhenError as exc:
            raise ValueError(str(exc).split(": ", 1)[-1]) from None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(text)
    return _from_json(_json(text, stdin), kind)


def _from_json(data: Any, kind: Any) -> Any:
    """A JSON value as `kind`: a generated model through its `from_dict`, a scalar checked."""
    from_dict = getattr(kind, "from_dict", None)
    if callable(from_dict):
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a JSON object for {kind.__name__}")
        return from_dict(data)
    if isinstance(data, str) and kind is not str:
        return _one(data, kind, io.StringIO())  # a string inside JSON never means "read stdin"
    if kind in (int, float, bool, str) and not isinstance(data, kind):
        raise TypeError(f"expected {kind.__name__}, got {json.dumps(data)}")
    return data


def _json(text: str, stdin: TextIO) -> Any:
    """JSON from the value itself, `@path` (a file) or `-` (stdin)."""
    if text == "-":
        source, where = stdin.read(), "stdin"
    elif text.startswith("@"):
        path = Path(text[1:]).expanduser()
        try:
            source, where = path.read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise _Unreadable(f"cannot read {path}: {exc.strerror or exc}") from None
    else:
        source, where = text, "the value"  # the caller names the parameter
    try:
        return json.loads(source)
    except json.JSONDecodeError as exc:
        raise _Unreadable(
            f"{where} is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None


def _reason(exc: BaseException, kind: Any) -> str:
    if isinstance(exc, _Unreadable):
        return str(exc)
    name = type_name(kind)
    if isinstance(exc, KeyError):
        return f"{name} needs the field {exc.args[0]!r}"
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return f"expected one of {', '.join(str(m.value) for m in kind)}"
    detail = str(exc)
    if kind in (int, float) and ("invalid literal" in detail or "could not convert" in detail):
        return f"expected {'an integer' if kind is int else 'a number'}"
    return f"expected {name} ({detail})" if detail else f"expected {name}"


def _preview(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


def type_name(annotation: Any) -> str:
    """A short, readable name of a parameter's type: `int`, `list[int]`, `ConversationFilter`."""
    members = _members(annotation)
    names = []
    for member in members:
        origin = typing.get_origin(member)
        if origin is list:
            (item,) = typing.get_args(member) or (str,)
            names.append(f"list[{type_name(item)}]")
        elif isinstance(member, type):
            names.append(_SHORT_NAMES.get(member, member.__name__))
        else:
            names.append(str(member))
    return " | ".join(names) if names else "str"


def describe_type(annotation: Any) -> str:
    """`type_name`, plus the values of an enum and how lists and JSON are written."""
    text = type_name(annotation)
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, enum.Enum):
            return f"{member.__name__}: {'|'.join(str(m.value) for m in member)}"
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member) or (str,)
            if callable(getattr(item, "from_dict", None)):
                return f"{text}: a JSON array (value, @file or -)"
            return f"{text}: repeat the key"
        if callable(getattr(member, "from_dict", None)):
            return f"{text}: a JSON object (value, @file or -)"
    return text
