"""The patched OpenAPI document the SDK is generated from, read as a table of operations.

    >>> from salesmsg.testing._document import ApiDocument
    >>> doc = ApiDocument.load()
    >>> doc.base_path
    '/pub/v2.2'
    >>> op = doc.operations["sendMessage"]
    >>> op.method, op.template, [p.name for p in op.parameters][:2]
    ('POST', '/messages/{conversation}', ['conversation', 'message'])

The document ships inside the generated package (`salesmsg_client/openapi.json`), so the fake
answers exactly what the installed client was generated from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

JSON_MEDIA = "application/json"
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON pointer: `pointer("paths", "/a/{b}")` is `/paths/~1a~1{b}`."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class Parameter:
    """One declared parameter; `kind` is the JSON type its string value is converted to."""

    name: str
    location: str  # "path", "query" or "header"
    required: bool
    kind: str  # "string", "integer", "number", "boolean" or "array"
    item_kind: str | None  # the items' kind when `kind == "array"`
    schema_pointer: str


@dataclass(frozen=True)
class Operation:
    """One operation: where it lives, what it takes and which responses it declares."""

    operation_id: str
    method: str  # upper case
    template: str  # path template relative to the base path, e.g. "/teams/{team}"
    parameters: tuple[Parameter, ...]
    body_pointer: str | None  # schema of the JSON request body, if one is declared
    body_required: bool
    secured: bool
    # status ("200", "4XX", "default") -> schema pointer of its JSON body, or None when it has none
    responses: Mapping[str, str | None]


class ApiDocument:
    """The loaded document, its base path and its operations by operationId."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        servers = document.get("servers") or [{"url": "/"}]
        self.base_path: str = urlsplit(servers[0]["url"]).path.rstrip("/")
        self.operations: dict[str, Operation] = {}
        default_security = document.get("security", [])
        for template, item in document["paths"].items():
            shared = item.get("parameters", [])
            for method in _METHODS:
                if method in item:
                    op = self._operation(template, method, item[method], shared, default_security)
                    self.operations[op.operation_id] = op

    @classmethod
    def load(cls) -> ApiDocument:
        """The document of the installed `salesmsg_client` package."""
        text = resources.files("salesmsg_client").joinpath("openapi.json").read_text("utf-8")
        return cls(json.loads(text))

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follows local `$ref`s until a node without one."""
        return self._located(node, "")[0]

    def _operation(
        self,
        template: str,
        method: str,
        spec: Mapping[str, Any],
        shared: list[Mapping[str, Any]],
        default_security: list[Any],
    ) -> Operation:
        base = ("paths", template, method)
        declared: dict[tuple[str, str], Parameter] = {}
        for where, raw_list in ((("paths", template), shared), (base, spec.get("parameters", []))):
            for index, raw in enumerate(raw_list):
                param = self._parameter(raw, pointer(*where, "parameters", index))
                declared[(param.name, param.location)] = param  # operation level overrides path level
        body_pointer, body_required = None, False
        if "requestBody" in spec:
            body, at = self._located(spec["requestBody"], pointer(*base, "requestBody"))
            body_required = bool(body.get("required", False))
            if JSON_MEDIA in body.get("content", {}):
                body_pointer = at + pointer("content", JSON_MEDIA, "schema")
        responses: dict[str, str | None] = {}
        for status, raw in spec.get("responses", {}).items():
            response, at = self._located(raw, pointer(*base, "responses", status))
            has_json = JSON_MEDIA in response.get("content", {})
            responses[status] = at + pointer("content", JSON_MEDIA, "schema") if has_json else None
        return Operation(
            operation_id=spec["operationId"],
            method=method.upper(),
            template=template,
            parameters=tuple(declared.values()),
            body_pointer=body_pointer,
            body_required=body_required,
            secured=bool(spec.get("security", default_security)),
            responses=responses,
        )

    def _located(self, node: Mapping[str, Any], at: str) -> tuple[Mapping[str, Any], str]:
        """Follows `$ref`s, keeping the pointer of where the node really is."""
        while "$ref" in node:
            at = str(node["$ref"]).removeprefix("#")
            node = self._at(at)
        return node, at

    def _at(self, at: str) -> Mapping[str, Any]:
        found: Any = self.document
        for part in at.split("/")[1:]:
            found = found[part.replace("~1", "/").replace("~0", "~")]
        return found  # type: ignore[no-any-return]

    def _parameter(self, raw: Mapping[str, Any], at: str) -> Parameter:
        param, at = self._located(raw, at)
        schema = self.resolve(param.get("schema", {}))
        kind = self._kind(schema)
        item_kind = self._kind(self.resolve(schema.get("items", {}))) if kind == "array" else None
        return Parameter(
            name=param["name"],
            location=param["in"],
            required=bool(param.get("required", False)),
            kind=kind,
            item_kind=item_kind,
            schema_pointer=at + "/schema",
        )

    def _kind(self, schema: Mapping[str, Any]) -> str:
        if "type" in schema:
            return str(schema["type"])
        alternatives = [*schema.get("anyOf", []), *schema.get("oneOf", []), *schema.get("allOf", [])]
        kinds = {self._kind(self.resolve(alternative)) for alternative in alternatives}
        # One kind: convert to it. Mixed (an open enum, string-or-number): leave the text as it came.
        return kinds.pop() if len(kinds) == 1 else "string"
