"""Checking the fake's own answers against the responses the document declares.

    >>> from salesmsg.testing._document import ApiDocument
    >>> doc = ApiDocument.load()
    >>> check = ResponseChecker(doc, Schemas(doc.document))
    >>> check(doc.operations["getTeam"], 200, "application/json", b'{"id": 11, "name": "Sales"}')
    []
    >>> check(doc.operations["getTeam"], 200, "application/json", b'{"id": "11"}')
    ["getTeam 200: id: '11' is not of type 'integer'"]

Statuses the document does not declare: an error status (4xx/5xx) must still carry the shared
`Error` body (the document declares that shape for every error it lists); a success status that is
not declared is a violation.
"""

from __future__ import annotations

import json

from salesmsg.testing._document import JSON_MEDIA, ApiDocument, Operation
from salesmsg.testing._schemas import Schemas

ERROR_SCHEMA = "/components/schemas/Error"


class ResponseChecker:
    """`checker(op, status, content_type, body)` -> list of violations, worded for a person."""

    def __init__(self, document: ApiDocument, schemas: Schemas) -> None:
        self._document = document
        self._schemas = schemas

    def __call__(self, op: Operation | None, status: int, content_type: str | None, body: bytes) -> list[str]:
        label = f"{op.operation_id if op else 'route'} {status}"
        declared = op.responses if op else {}
        key = next((k for k in (str(status), f"{status // 100}XX", "default") if k in declared), None)
        if key is not None:
            schema_pointer = declared[key]
        elif status >= 400:
            schema_pointer = ERROR_SCHEMA
        else:
            return [f"{label}: status {status} is not declared (declared: {', '.join(declared)})"]
        if schema_pointer is None:
            return [f"{label}: the document declares no body, {len(body)} bytes sent"] if body else []
        media = (content_type or "").split(";")[0].strip()
        if media != JSON_MEDIA:
            return [f"{label}: content type {media or '(none)'}, the document declares {JSON_MEDIA}"]
        try:
            value = json.loads(body)
        except ValueError as error:
            return [f"{label}: body is not JSON ({error})"]
        return [f"{label}: {p.where()}: {p.message}" for p in self._schemas.problems(schema_pointer, value)]
