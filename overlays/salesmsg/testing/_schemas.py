"""JSON Schema checks of values against schemas of the document, by JSON pointer.

    >>> from salesmsg.testing._document import ApiDocument
    >>> schemas = Schemas(ApiDocument.load().document)
    >>> [p.message for p in schemas.problems("/components/schemas/Tag", {"id": "7"})]
    ["'7' is not of type 'integer'"]
    >>> message = {"id": 1, "sent_at": "2026-01-02 03:04:05", "failed_at": ""}
    >>> schemas.problems("/components/schemas/Message", message)
    []

The engine is `openapi-schema-validator` (OpenAPI 3.0 dialect: `nullable`, OAS formats), one
compiled validator per pointer, `$ref`s resolved against the whole document. Two formats are
read the way the vendor writes them and the generated client reads them (facts §3.3, §5.8):
`date-time` also takes "YYYY-MM-DD HH:MM:SS" and "" (unset), `date` also takes an ISO date-time.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openapi_schema_validator import OAS30Validator, oas30_format_checker
from referencing import Registry
from referencing.jsonschema import DRAFT4

_DOCUMENT_URI = "urn:salesmsg:openapi"


@dataclass(frozen=True)
class Problem:
    """One schema violation: where in the value, which keyword, and the validator's words."""

    path: tuple[str | int, ...]
    keyword: str
    message: str
    keyword_value: Any
    instance: Any

    def where(self) -> str:
        return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.path).lstrip(".") or "(root)"


def _is_vendor_datetime(value: object) -> bool:
    if not isinstance(value, str) or value == "":
        return True  # "" is how the vendor writes an unset time
    if len(value) < 16:
        return False  # a date alone is not a date-time
    try:
        datetime.fromisoformat(value)  # RFC 3339 and "YYYY-MM-DD HH:MM:SS" alike
    except ValueError:
        return False
    return True


def _is_lenient_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        datetime.fromisoformat(value)  # YYYY-MM-DD, or the ISO date-time clients send (facts §5.8)
    except ValueError:
        return False
    return True


def _format_checker() -> Any:
    checker = copy.copy(oas30_format_checker)
    checker.checkers = dict(oas30_format_checker.checkers)
    checker.checks("date-time")(_is_vendor_datetime)
    checker.checks("date")(_is_lenient_date)
    return checker


class Schemas:
    """Compiled validators by pointer; safe to share between the server's threads."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._registry: Registry[Any] = Registry().with_resource(
            _DOCUMENT_URI, DRAFT4.create_resource(document)
        )
        self._format_checker = _format_checker()
        self._validators: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _validator(self, pointer: str) -> Any:
        validator = self._validators.get(pointer)
        if validator is None:
            with self._lock:
                validator = OAS30Validator(
                    {"$ref": f"{_DOCUMENT_URI}#{pointer}"},
                    registry=self._registry,
                    format_checker=self._format_checker,
                )
                self._validators[pointer] = validator
        return validator

    def problems(self, pointer: str, instance: Any) -> list[Problem]:
        """Every violation of the schema at `pointer` by `instance` (empty when it conforms)."""
        found = []
        for error in self._validator(pointer).iter_errors(instance):
            path = tuple(error.absolute_path)
            if error.validator == "required":
                # One problem per missing property, located at the property itself.
                missing = [name for name in error.validator_value if name not in error.instance]
                found += [Problem((*path, name), "required", error.message, None, None) for name in missing]
            else:
                found.append(
                    Problem(path, error.validator, error.message, error.validator_value, error.instance)
                )
        return found
