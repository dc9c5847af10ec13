"""Contains some shared types for properties"""

import datetime
import re
from collections.abc import Iterable, Mapping, MutableMapping
from http import HTTPStatus
from importlib import import_module
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


_FULL_YEAR = re.compile(r"\d{4}")
_NO_DEFAULT = datetime.datetime(1, 1, 1)


def http_status(code: int) -> HTTPStatus | int:
    """The status as an `HTTPStatus`, or the bare int for codes outside the IANA registry (e.g. 520, 599).

    `HTTPStatus(599)` raises `ValueError`; a proxy or CDN answering with such a code must not turn
    a response into a crash that loses it.
    """
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


def parse_datetime(value: str) -> datetime.datetime:
    """Parse a date-time leniently: ISO 8601, `"YYYY-MM-DD HH:MM:SS"` and other common forms.

    An empty string (which some APIs send for "not set") gives `None`: declare such fields
    nullable in the document so their type says so. Anything unparseable raises `ValueError`.
    """
    if value == "":
        return None  # type: ignore[return-value]
    try:
        # The C parser takes ISO 8601 and "YYYY-MM-DD HH:MM:SS": nearly every value, fast.
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    # dateutil (imported only when needed: it costs ~9 ms at import) reads the rest. It guesses
    # missing parts from a default date, so only strings with a full year are given to it: "10" is
    # an error rather than the 10th of some month.
    if _FULL_YEAR.search(value):
        from dateutil.parser import parse

        try:
            return parse(value, default=_NO_DEFAULT)
        except (ValueError, OverflowError):
            pass
    raise ValueError(f"Invalid date-time: {value!r}")


def parse_date(value: str) -> datetime.date:
    """Parse a date leniently (see `parse_datetime`); a date-time keeps only its date; `""` gives `None`."""
    if value == "":
        return None  # type: ignore[return-value]
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return parse_datetime(value).date()


def import_models(
    namespace: MutableMapping[str, Any],
    package: str | None,
    modules: Mapping[str, str],
    loaded: set[str],
    names: Iterable[str],
) -> None:
    """Import the models `names` into a model module's globals (`namespace`), each once.

    A model refers to others that may import it in turn, so it cannot import them at the top; an
    import statement in every from_dict/to_dict call cost about 1.2 µs each. So each model module
    keeps `modules` ({class name: module, relative to its `package`}) and the set of names already
    `loaded`, and from_dict imports a model only when its data holds one.
    """
    for name in names:
        if name not in loaded:
            namespace[name] = getattr(import_module(modules[name], package), name)
            loaded.add(name)


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "http_status",
    "import_models",
    "parse_date",
    "parse_datetime",
]
