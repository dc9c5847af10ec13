"""Every operation the generated package can call, read from the package itself.

    catalog = load_catalog()
    operation = catalog.find("listTags")             # or "list_tags"; UsageError with suggestions
    operation.method, operation.path, operation.module
    ('GET', '/tags', 'salesmsg_client.api.tags.list_tags')

The operations come from the patched document shipped inside `salesmsg_client` (`openapi.json`),
matched to the endpoint modules found under `salesmsg_client/api/`; after a regeneration, a new
operation is here with no change to the CLI. Neither file is imported: `salesmsg operations`
does not load httpx.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._exit import UsageError

__all__ = ["Catalog", "Operation", "Parameter", "load_catalog", "normalize"]

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def normalize(name: str) -> str:
    """The spelling-blind key that ties an operationId, a module and a parameter to each other:
    `listTags` / `list_tags`, `filter` / `filter_`, `media_url[][url]` / `media_urlurl`."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(frozen=True)
class Parameter:
    """A parameter as the document describes it."""

    name: str
    location: str  # path, query, header, cookie
    required: bool
    description: str
    schema: Mapping[str, Any]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    tag: str
    deprecated: bool
    module: str | None  # None: the document has it, the generated package does not (regenerate)
    parameters: tuple[Parameter, ...] = ()
    body: Mapping[str, Any] | None = field(default=None)  # the requestBody, $refs resolved one level

    def summary_line(self) -> str:
        note = " (deprecated)" if self.deprecated and "deprecat" not in self.summary.lower() else ""
        return f"{self.summary}{note}"


class Catalog:
    def __init__(self, operations: list[Operation], document: Mapping[str, Any]) -> None:
        self.operations = sorted(operations, key=lambda op: (op.tag, op.path, op.method))
        self.document = document
        self._by_key = {normalize(op.operation_id): op for op in operations}

    def __iter__(self) -> Iterator[Operation]:
        return iter(self.operations)

    def find(self, name: str) -> Operation:
        """By operationId or module name, any case; an unknown name is a usage error with suggestions."""
        found = self._by_key.get(normalize(name))
        if found is not None:
            return found
        ids = [op.operation_id for op in self.operations]
        close = difflib.get_close_matches(name, ids, n=3, cutoff=0.5)
        if not close:
            lowered = {i.lower(): i for i in ids}
            close = [
                lowered[c] for c in difflib.get_close_matches(name.lower(), list(lowered), n=3, cutoff=0.5)
            ]
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise UsageError(f"no operation {name!r}: {hint}`salesmsg operations` lists all {len(ids)}")

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """A schema with a local `$ref` followed (one level)."""
        ref = schema.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return schema
        target: Any = self.document
        for step in ref[2:].split("/"):
            target = target.get(step, {}) if isinstance(target, Mapping) else {}
        return target if isinstance(target, Mapping) else {}


def _package_dir() -> Path:
    # find_spec of a top-level package does not import it (salesmsg_client/__init__ loads httpx).
    spec = importlib.util.find_spec("salesmsg_client")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the generated package salesmsg_client is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def load_catalog() -> Catalog:
    folder = _package_dir()
    document = json.loads((folder / "openapi.json").read_text(encoding="utf-8"))
    modules = {
        normalize(file.stem): f"salesmsg_client.api.{file.parent.name}.{file.stem}"
        for file in sorted((folder / "api").glob("*/*.py"))
        if not file.name.startswith("_")
    }
    catalog = Catalog([], document)
    operations = []
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            operation_id = operation["operationId"]
            parameters = [catalog.resolve(p) for p in [*shared, *operation.get("parameters", [])]]
            body = operation.get("requestBody")
            operations.append(
                Operation(
                    operation_id=operation_id,
                    method=method.upper(),
                    path=path,
                    summary=" ".join(str(operation.get("summary", "")).split()),
                    description=str(operation.get("description", "")).strip(),
                    tag=(operation.get("tags") or ["other"])[0],
                    deprecated=bool(operation.get("deprecated")),
                    module=modules.get(normalize(operation_id)),
                    parameters=tuple(
                        Parameter(
                            name=str(p.get("name", "")),
                            location=str(p.get("in", "")),
                            required=bool(p.get("required")),
                            description=" ".join(str(p.get("description", "")).split()),
                            schema=catalog.resolve(p.get("schema", {})),
                        )
                        for p in parameters
                    ),
                    body=catalog.resolve(body) if isinstance(body, dict) else None,
                )
            )
    return Catalog(operations, document)
