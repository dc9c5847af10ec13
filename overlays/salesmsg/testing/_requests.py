"""Reading a request as the document declares it: typed parameters, a checked body, Laravel-style 422s.

    >>> from salesmsg.testing._document import ApiDocument
    >>> from salesmsg.testing._schemas import Schemas
    >>> doc = ApiDocument.load()
    >>> reader = RequestReader(Schemas(doc.document))
    >>> op = doc.operations["sendMessage"]
    >>> query = [("message", "Hi"), ("media_url[][url]", "https://x/a.png"), ("media_url[][url]", "https://x/b.png")]
    >>> call = reader.read(op, {"conversation": "5001"}, query, None, b"")
    >>> call.path, call.query
    ({'conversation': 5001}, {'message': 'Hi', 'media_url[][url]': ['https://x/a.png', 'https://x/b.png']})
    >>> reader.read(op, {"conversation": "x"}, [], None, b"")
    Traceback (most recent call last):
    ...
    salesmsg.testing._errors.ApiError: 422: {'message': 'The conversation field must be an integer. ...', ...}

Query values follow PHP and Laravel: a repeated scalar key keeps the last value, and an empty
value counts as absent (Laravel's ConvertEmptyStringsToNull), so `user_id=` is "no user".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from salesmsg.testing._document import Operation, Parameter
from salesmsg.testing._errors import validation_error
from salesmsg.testing._schemas import Problem, Schemas

FORM_MEDIA = "application/x-www-form-urlencoded"
_INTEGER = re.compile(r"[+-]?\d+")
_TYPE_WORDS = {
    "integer": "must be an integer",
    "number": "must be a number",
    "boolean": "must be true or false",
    "string": "must be a string",
    "array": "must be an array",
    "object": "must be an object",
}


@dataclass
class ParsedRequest:
    """Parameters converted to their declared types, and the decoded body (None when absent)."""

    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None


class _Unconvertible(ValueError):
    pass


def _convert(kind: str | None, text: str) -> Any:
    if kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise _Unconvertible(kind)
        return int(text)
    if kind == "number":
        try:
            return float(text)
        except ValueError:
            raise _Unconvertible(kind) from None
    if kind == "boolean":
        lowered = text.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        raise _Unconvertible(kind)
    return text


def _label(name: str) -> str:
    return name.replace("_", " ")


def laravel_message(field_name: str, problem: Problem) -> str:
    """A schema problem in the words of Laravel's validator."""
    name, value = _label(field_name), problem.keyword_value
    words = {
        "required": "is required",
        "enum": None,
        "maxLength": f"must not be greater than {value} characters",
        "minLength": f"must be at least {value} characters",
        "maximum": f"must not be greater than {value}",
        "minimum": f"must be at least {value}",
        "maxItems": f"must not have more than {value} items",
        "minItems": f"must have at least {value} items",
        "format": "must be a valid date" if value in ("date", "date-time") else f"must be a valid {value}",
        "type": _TYPE_WORDS.get(str(value), f"must be of type {value}"),
    }.get(problem.keyword, "is invalid")
    return f"The selected {name} is invalid." if words is None else f"The {name} field {words}."


class RequestReader:
    """Converts and (when `validate`) checks a request against its operation; raises ApiError(422)."""

    def __init__(self, schemas: Schemas, *, validate: bool = True, form_bodies: Iterable[str] = ()) -> None:
        self._schemas = schemas
        self.validate = validate
        self._form_bodies = frozenset(form_bodies)  # operationIds that also take a form-encoded body

    def read(
        self,
        op: Operation,
        path_params: Mapping[str, str],
        query_pairs: Iterable[tuple[str, str]],
        content_type: str | None,
        body: bytes,
    ) -> ParsedRequest:
        errors: dict[str, list[str]] = {}
        parsed = ParsedRequest()
        query: dict[str, list[str]] = {}
        for key, value in query_pairs:
            if value != "":
                query.setdefault(key, []).append(value)
        for param in op.parameters:
            if param.location == "path":
                texts = [path_params[param.name]]
                target = parsed.path
            elif param.location == "query":
                texts = query.get(param.name, [])
                target = parsed.query
            else:
                continue  # the document declares no header or cookie parameters
            if not texts:
                if param.required:
                    errors[param.name] = [f"The {_label(param.name)} field is required."]
                continue
            try:
                value = self._parameter_value(param, texts)
            except _Unconvertible as bad:
                errors[param.name] = [f"The {_label(param.name)} field {_TYPE_WORDS[str(bad)]}."]
                continue
            if self.validate:
                self._collect(errors, param.name, self._schemas.problems(param.schema_pointer, value))
            target[param.name] = value
        self._read_body(op, content_type, body, parsed, errors)
        if errors:
            raise validation_error(errors)
        return parsed

    @staticmethod
    def _parameter_value(param: Parameter, texts: list[str]) -> Any:
        if param.kind == "array":
            return [_convert(param.item_kind, text) for text in texts]
        return _convert(param.kind, texts[-1])  # PHP keeps the last of a repeated key

    def _read_body(
        self,
        op: Operation,
        content_type: str | None,
        body: bytes,
        parsed: ParsedRequest,
        errors: dict[str, list[str]],
    ) -> None:
        if op.body_pointer is None:
            return  # a body the document does not declare is ignored, as the server ignores it
        if not body:
            if op.body_required:
                errors["body"] = ["The request body is required."]
            return
        media = (content_type or "").split(";")[0].strip().lower()
        if media == FORM_MEDIA and op.operation_id in self._form_bodies:
            parsed.body = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        elif media == "application/json" or media.endswith("+json"):
            try:
                parsed.body = json.loads(body)
            except ValueError:
                errors["body"] = ["The request body must be valid JSON."]
                return
        else:
            errors["body"] = [f"The request body must be application/json, not {media or 'untyped'}."]
            return
        if self.validate:
            for problem in self._schemas.problems(op.body_pointer, parsed.body):
                name = ".".join(str(part) for part in problem.path) or "body"
                errors.setdefault(name, []).append(laravel_message(name, problem))

    @staticmethod
    def _collect(errors: dict[str, list[str]], name: str, problems: list[Problem]) -> None:
        for problem in problems:
            errors.setdefault(name, []).append(laravel_message(name, problem))
