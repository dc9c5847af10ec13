"""Lint stage: refuse what openapi-python-client 0.29.1 would silently drop or crash on.

Runs before generation. Each finding names the operation (or schema) and says what the generator
would do with it, so the build fails with a list instead of a client that quietly lacks endpoints:

    >>> findings = lint_document({"openapi": "2.0", "paths": {}})
    >>> print(findings[0])
    document: openapi-version: "openapi: 2.0" is not 3.0.x or 3.1.x; the generator refuses the document

    $ python scripts/pipeline.py lint openapi/salesmsg-v2.2.json

Two layers, both tied to the pinned generator version:

1. **Static rules** walk the document the way the generator reads it (operation order, parameter
   merging, which content types and schema keywords it looks at) and decide with the generator's
   own functions (`PythonIdentifier`, `EnumProperty.values_from_list`, the parameter-conflict check,
   `HTTPStatusPattern`, content-type parsing). They cover the silent drops, which no warning shows:
   overwritten modules, `content:` parameters, ignored styles, enum crashes.
2. **A dry parse** with the generator's parser (nothing rendered or written) finds every endpoint,
   response, request body and schema it drops *with* a warning, and reports those the static rules
   did not already name (inline-model name clashes, property-name clashes, dependants of a dropped
   schema, ...). That makes the lint exact where the generator's warnings are.

The dry parse is the generator's own parse, so `lint_for_generation` hands it to the generate stage,
which renders from it: a document is parsed once per build.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote, urlparse

from .documents import DocumentError, load_document
from .naming import HTTP_METHODS, endpoint_name, python_identifier

if TYPE_CHECKING:
    from openapi_python_client.config import Config
    from openapi_python_client.parser.errors import ParseError
    from openapi_python_client.parser.openapi import Endpoint, EndpointCollection, GeneratorData
    from openapi_python_client.parser.properties import EnumProperty, LiteralEnumProperty, ModelProperty

    from .project import Project

#: Methods in the order the generator visits them; the last operation to write a module wins.
METHODS = HTTP_METHODS
#: The generator's path-template pattern (`parser/openapi.py`); other `{...}` stay literal text.
_PATH_PARAM = re.compile(r"{([a-zA-Z_-][a-zA-Z0-9_-]*)}")
_ANY_BRACES = re.compile(r"{([^{}]*)}")
_DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
#: Header parameters may only be these property kinds (`_allowed_locations` in the generator).
_HEADER_SCALARS = {"string", "number", "integer", "null"}
_UNSUPPORTED_STRING_FORMATS_IN_HEADER = {"date", "date-time", "binary"}

#: What a finding predicts; the dry parse uses it to skip drops a static rule already named.
Effect = tuple[str, ...]
CRASH: Effect = ("crash",)


@dataclass(frozen=True)
class Finding:
    """One construct the generator would lose. `str(finding)` is the line the CLI prints."""

    operation: str  # "GET /contacts/{contact}", "schema Contact", "document", ...
    rule: str  # short kebab-case id, e.g. "parameter-name-collision"
    message: str  # what, why, and what the generator does with it

    def __str__(self) -> str:
        return f"{self.operation}: {self.rule}: {self.message}"


def lint_document(doc: Any, *, config: Config | None = None, dry_parse: bool = True) -> list[Finding]:
    """All findings for an OpenAPI document (plain data), in document order.

    `config` is the generator configuration the build will use (it changes names, content types
    and whether enums can crash); by default the generator's defaults. `dry_parse=False` runs the
    static rules only (a hundredth of the time on a large document): enough for a document whose
    findings are only reported, such as the vendor's before the overlays fix it.
    """
    version_problem = _check_version(doc)
    if version_problem is not None:
        return [version_problem]
    return _lint(doc, config or default_config(), dry_parse=dry_parse).sorted_findings()


@dataclass(frozen=True)
class Linted:
    """`lint_for_generation`'s answer: the findings and, when there are none, the generator's parse."""

    findings: list[Finding]
    #: `GeneratorData` exactly as `openapi-python-client generate` would build it from the document,
    #: with the same config; None when there are findings.
    generator_data: GeneratorData | None


def lint_for_generation(doc: Any, *, config: Config) -> Linted:
    """Lint the document about to be generated and keep the dry parse for the generator.

    The dry parse *is* the generator's parse (`GeneratorData.from_dict`, one path at a time), so the
    pipeline renders from it instead of parsing the same document a second time:

        >>> linted = lint_for_generation(doc, config=config)
        >>> if not linted.findings:
        ...     Project(openapi=linted.generator_data, config=config).build()
    """
    version_problem = _check_version(doc)
    if version_problem is not None:
        return Linted([version_problem], None)
    lint = _lint(doc, config, dry_parse=True)
    findings = lint.sorted_findings()
    if findings or lint.parsed is None:
        return Linted(findings, None)
    return Linted(findings, lint.parsed.generator_data())


def _lint(doc: dict[str, Any], config: Config, *, dry_parse: bool) -> _Lint:
    """Every rule on a document whose version the generator accepts (checked by the caller)."""
    lint = _Lint(doc=doc, config=config)
    operations = _collect_operations(lint)
    _check_operation_ids(lint, operations)
    for op in operations:
        _check_operation(lint, op)
    for name, schema in _as_dict(_as_dict(doc.get("components")).get("schemas")).items():
        where = _Where(f"schema {name}", "", ("schema", name))
        _walk_schema(lint, schema, ("components", "schemas", name), where, "")
    _check_unvisited_refs(lint)
    if dry_parse:
        _check_with_generator(lint, operations)
    return lint


def lint_file(path: str | Path, *, config: Config | None = None) -> list[Finding]:
    """Read a JSON or YAML document and lint it. Raises `DocumentError` if it cannot be read."""
    return lint_document(load_document(path), config=config)


def default_config(config_path: str | Path | None = None) -> Config:
    """The generator's `Config` as `generate --meta none [--config FILE]` would build it."""
    from openapi_python_client.config import Config, ConfigFile, MetaType

    config_file = ConfigFile.load_from_path(Path(config_path)) if config_path else ConfigFile()
    return Config.from_sources(config_file, MetaType.NONE, Path("openapi.json"), "utf-8", True, None)


# --------------------------------------------------------------------------------------------
# Shared state and small helpers


@dataclass(frozen=True)
class _Where:
    """Where a schema sits, for messages and for the effect of dropping it."""

    label: str  # Finding.operation
    place: str  # e.g. "query parameter `status`", "response 200"; "" for a component schema
    effect: Effect


@dataclass(frozen=True)
class _Op:
    method: str
    path: str
    data: dict[str, Any]
    item: dict[str, Any]
    ptr: tuple[str, ...]  # JSON location of the path item that holds the operation

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass
class _Param:
    name: str
    location: str
    data: dict[str, Any]
    ptr: tuple[str | int, ...]


@dataclass
class _Lint:
    doc: dict[str, Any]
    config: Config
    hits: list[tuple[Finding, Effect | None]] = field(default_factory=list)
    #: JSON locations of `$ref`s a targeted check already judged (the catch-all skips them).
    seen_refs: set[tuple[str | int, ...]] = field(default_factory=set)
    #: Request-body content types the generator can send, per operation label.
    bodies: dict[str, list[str]] = field(default_factory=dict)
    #: The dry parse, when it ran with `config` itself (not a crash-avoiding variant of it).
    parsed: _Parsed | None = None

    def add(self, label: str, rule: str, message: str, effect: Effect | None = None) -> None:
        self.hits.append((Finding(label, rule, message), effect))

    def static_effects(self) -> set[Effect]:
        return {effect for _, effect in self.hits if effect is not None}

    def sorted_findings(self) -> list[Finding]:
        """Document findings first, then operations and schemas in document order; no repeats."""
        order: dict[str, tuple[int, int]] = {"document": (0, 0)}
        for index, label in enumerate(_path_labels(self.doc)):
            order.setdefault(label, (1, index))
        schemas = _as_dict(_as_dict(self.doc.get("components")).get("schemas"))
        for index, name in enumerate(schemas):
            order.setdefault(f"schema {name}", (2, index))
        unique = list(dict.fromkeys(finding for finding, _ in self.hits))
        return sorted(unique, key=lambda f: order.get(f.operation, (3, 0)))


def _path_labels(doc: dict[str, Any]) -> Iterator[str]:
    """Labels in document order: each path, then its operations (also those behind a `$ref`)."""
    for path, raw in _as_dict(doc.get("paths")).items():
        item = _as_dict(raw)
        yield f"path {path}"
        ref = item.get("$ref")
        target = _as_dict(_resolve_pointer(doc, ref)[1]) if isinstance(ref, str) else {}
        for method in METHODS:
            if isinstance(item.get(method), dict) or isinstance(target.get(method), dict):
                yield f"{method.upper()} {path}"


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _effect_text(effect: Effect) -> str:
    kind = effect[0]
    if kind == "endpoint":
        return "endpoint not generated"
    if kind == "response":
        return f"response {effect[2]} omitted"
    if kind == "body":
        return f"request body {effect[2]} dropped"
    if kind == "schema":
        return "schema removed (and everything that references it)"
    return "generator crashes"


def _resolve_pointer(doc: Any, ref: str) -> tuple[bool, Any]:
    """Follow a local JSON pointer (`#/a/b~1c`); `(False, None)` if it leads nowhere."""
    if not ref.startswith("#"):
        return False, None
    fragment = unquote(ref[1:])
    if fragment == "":
        return True, doc
    if not fragment.startswith("/"):
        return False, None
    node = doc
    for raw in fragment[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node


def _fragment(ref: str) -> str | None:
    """The fragment the generator looks up, or None for a remote reference it refuses."""
    parsed = urlparse(ref)
    if parsed.scheme or parsed.path:
        return None
    return parsed.fragment


def _component_ref_problem(lint: _Lint, ref: str, kind: str) -> tuple[str, str] | None:
    """Why the generator cannot follow `ref` to `#/components/{kind}/<name>`: (rule, text)."""
    fragment = _fragment(ref)
    if fragment is None:
        return "ref-missing", f"external `$ref: {ref}` is not loaded by the generator"
    found, _ = _resolve_pointer(lint.doc, ref)
    if not found:
        return "ref-missing", f"`$ref: {ref}` does not resolve"
    prefix = f"/components/{kind}/"
    names = _as_dict(_as_dict(lint.doc.get("components")).get(kind))
    if not (fragment.startswith(prefix) and fragment[len(prefix) :] in names):
        return "ref-unsupported", (
            f"`$ref: {ref}` resolves, but the generator only follows `#/components/{kind}/<name>`"
        )
    return None


# --------------------------------------------------------------------------------------------
# Document and operation collection


def _check_version(doc: Any) -> Finding | None:
    """Only 3.0.x and 3.1.x: the generator rejects Swagger 2.0 and 3.2 outright."""
    if not isinstance(doc, dict):
        return Finding("document", "openapi-version", "not an OpenAPI document (not a mapping)")
    version = doc.get("openapi")
    if version is None and "swagger" in doc:
        return Finding(
            "document",
            "openapi-version",
            f"Swagger {doc['swagger']} document; the generator refuses it (convert it to OpenAPI 3.x)",
        )
    parts = str(version).split(".")
    if len(parts) != 3 or parts[0] != "3" or parts[1] not in ("0", "1"):
        return Finding(
            "document",
            "openapi-version",
            f'"openapi: {version}" is not 3.0.x or 3.1.x; the generator refuses the document',
        )
    return None


def _collect_operations(lint: _Lint) -> list[_Op]:
    """Operations in the generator's order: paths as written, methods in `METHODS` order."""
    operations: list[_Op] = []
    for path, item in _as_dict(lint.doc.get("paths")).items():
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("$ref"), str):
            _report_path_item_ref(lint, path, item)
        for method in METHODS:
            if isinstance(item.get(method), dict):
                operations.append(_Op(method, path, item[method], item, ("paths", path)))
    return operations


def _report_path_item_ref(lint: _Lint, path: str, item: dict[str, Any]) -> None:
    """The generator never follows a path item's `$ref`: every operation behind it is lost."""
    ref = item["$ref"]
    lint.seen_refs.add(("paths", path))
    found, target = _resolve_pointer(lint.doc, ref)
    methods = [m for m in METHODS if m not in item and isinstance(_as_dict(target).get(m), dict)]
    why = f"the path item is `$ref: {ref}`, which the generator does not follow"
    if not found or not methods:
        lint.add(f"path {path}", "path-item-ref", f"{why}; nothing under it can be generated")
    for method in methods:
        label = f"{method.upper()} {path}"
        lint.add(label, "path-item-ref", f"endpoint not generated: {why}", ("endpoint", label))


def _module_key(op: _Op, tag: str, config: Config) -> tuple[str, str]:
    """(tag dir, module file) exactly as `Project._build_api` names them."""
    module = endpoint_name(op.method, op.path, op.data, config.field_prefix)
    return python_identifier(tag, "tag"), f"{module}.py"


def _op_tags(op: _Op, config: Config) -> list[str]:
    tags = [t for t in _as_list(op.data.get("tags")) if isinstance(t, str)] or ["default"]
    return tags if config.generate_all_tags else tags[:1]


def _check_operation_ids(lint: _Lint, operations: list[_Op]) -> None:
    """Missing ids, and ids (or derived names) that share a module file: the last one wins."""
    by_module: dict[tuple[str, str], list[_Op]] = {}
    by_id: dict[str, list[_Op]] = {}
    for op in operations:
        operation_id = op.data.get("operationId")
        if not isinstance(operation_id, str):
            name = _module_key(op, "default", lint.config)[1].removesuffix(".py")
            lint.add(
                op.label,
                "operation-id-missing",
                f"no operationId: the generator names it `{name}` from method and path, "
                "so the Python API changes whenever the path does",
            )
        else:
            by_id.setdefault(operation_id, []).append(op)
        for tag in _op_tags(op, lint.config):
            tag_dir, module = _module_key(op, tag, lint.config)
            by_module.setdefault((tag_dir.casefold(), module.casefold()), []).append(op)
    overwritten: set[tuple[str, str]] = set()
    for (tag_dir, module), ops in by_module.items():
        if len(ops) > 1:
            _report_overwrite(lint, f"api/{tag_dir}/{module}", ops)
            overwritten.update((a.label, b.label) for a in ops for b in ops)
    for operation_id, ops in by_id.items():
        for op in ops:
            others = [o.label for o in ops if o is not op and (op.label, o.label) not in overwritten]
            if others:
                lint.add(
                    op.label,
                    "operation-id-duplicate",
                    f"operationId {operation_id!r} is also used by {', '.join(others)} "
                    "(other tag, so both are generated, but the id is not unique)",
                )


def _report_overwrite(lint: _Lint, module: str, ops: list[_Op]) -> None:
    winner = ops[-1]
    ids = ", ".join(repr(o.data.get("operationId", "(none)")) for o in ops)
    for op in ops[:-1]:
        lint.add(
            op.label,
            "operation-id-duplicate",
            f"endpoint not generated: its module {module} is overwritten by {winner.label} "
            f"(operationIds {ids} map to the same file)",
            ("endpoint", op.label),
        )
    losers = ", ".join(o.label for o in ops[:-1])
    lint.add(
        winner.label,
        "operation-id-duplicate",
        f"writes {module} over {losers} (operationIds {ids} map to the same file)",
    )


# --------------------------------------------------------------------------------------------
# Per-operation rules


def _check_operation(lint: _Lint, op: _Op) -> None:
    params = _check_parameters(lint, op)
    lint.bodies[op.label] = _check_request_body(lint, op)
    _check_parameter_shadowing(lint, op, params, has_body=bool(lint.bodies[op.label]))
    _check_path_template(lint, op, params)
    _check_responses(lint, op)


def _check_parameters(lint: _Lint, op: _Op) -> list[_Param]:
    """Merge operation- and path-level parameters as `Endpoint.add_parameters` does, checking each.

    Returns the parameters the generator turns into arguments (those with a `schema`).
    """
    effective: list[_Param] = []
    stubs: list[_ParamStub] = []
    failed = False
    levels = (
        (op.data.get("parameters"), (*op.ptr, op.method, "parameters")),
        (op.item.get("parameters"), (*op.ptr, "parameters")),
    )
    for raw_list, ptr in levels:
        if not isinstance(raw_list, list):
            continue  # the generator skips a missing list, and with it the conflict check
        level_keys: set[tuple[str, str]] = set()
        earlier = {(p.name, p.location) for p in effective}
        for index, raw in enumerate(raw_list):
            param = _resolve_parameter(lint, op, raw, (*ptr, index))
            if param is None:
                continue
            key = (param.name, param.location)
            if key in level_keys:
                lint.add(
                    op.label,
                    "parameter-name-collision",
                    f"{param.location} parameter `{param.name}` is declared twice; endpoint not generated",
                    ("endpoint", op.label),
                )
                failed = True
                continue
            level_keys.add(key)
            if key in earlier:
                continue  # an operation-level parameter overrides the path-level one
            effective.append(param)
            stubs.append(_ParamStub(param.name, param.location, lint.config))
            _check_parameter(lint, op, param)
        if not failed:
            failed = _check_parameter_conflicts(lint, op, stubs)
    return effective


def _resolve_parameter(lint: _Lint, op: _Op, raw: Any, ptr: tuple[str | int, ...]) -> _Param | None:
    """The parameter object behind `raw`, or None when the generator would not use it."""
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
        ref = raw["$ref"]
        lint.seen_refs.add(ptr)
        problem = _component_ref_problem(lint, ref, "parameters")
        if problem is not None:
            rule, text = problem
            lint.add(op.label, rule, f"parameter {text}; endpoint not generated", ("endpoint", op.label))
            return None
        target = _resolve_pointer(lint.doc, ref)[1]
        if not isinstance(target, dict) or "schema" not in target or isinstance(target.get("$ref"), str):
            # build_parameters() never registers such a component, so the lookup fails.
            how = (
                "uses `content:`" if isinstance(target, dict) and "content" in target else "has no `schema:`"
            )
            lint.add(
                op.label,
                "parameter-content",
                f"component parameter `{ref}` {how}, so the generator cannot resolve it; "
                "endpoint not generated",
                ("endpoint", op.label),
            )
            return None
        raw, ptr = target, ("components", "parameters", ref.rsplit("/", 1)[-1])
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("name"), str)
        or raw.get("in") not in _DEFAULT_STYLE
    ):
        return None  # invalid; the dry parse reports the document as invalid
    if "schema" not in raw:
        _report_schemaless_parameter(lint, op, raw)
        return None
    return _Param(raw["name"], raw["in"], raw, ptr)


def _report_schemaless_parameter(lint: _Lint, op: _Op, raw: dict[str, Any]) -> None:
    name, location = raw["name"], raw["in"]
    in_template = location == "path" and name in _PATH_PARAM.findall(op.path)
    effect: Effect | None = ("endpoint", op.label) if in_template else None
    consequence = (
        "the path then has an undeclared parameter: endpoint not generated"
        if in_template
        else "the generator silently drops it (no argument, never sent)"
    )
    how = "uses `content:` instead of `schema:`" if "content" in raw else "has no `schema:`"
    lint.add(op.label, "parameter-content", f"{location} parameter `{name}` {how}; {consequence}", effect)


def _check_parameter(lint: _Lint, op: _Op, param: _Param) -> None:
    """Style, header type, and the parameter's schema (enums, refs)."""
    where = _Where(op.label, f"{param.location} parameter `{param.name}`", ("endpoint", op.label))
    schema = _passthrough(lint, param.data.get("schema"))
    _check_style(lint, op, param, schema)
    if param.location == "header":
        _check_header_type(lint, op, param, schema)
    if param.location == "path" and param.data.get("required") is not True:
        lint.add(
            op.label,
            "path-parameter-optional",
            f"path parameter `{param.name}` is not `required: true`; endpoint not generated",
            ("endpoint", op.label),
        )
    _walk_schema(lint, param.data.get("schema"), (*param.ptr, "schema"), where, "")


def _passthrough(lint: _Lint, schema: Any) -> dict[str, Any]:
    """The schema the generator builds a parameter from: `$ref`s and one-ref `allOf`s followed."""
    for _ in range(20):  # bounded: a $ref cycle must not hang the lint
        node = _as_dict(schema)
        subs = [*_as_list(node.get("allOf")), *_as_list(node.get("anyOf")), *_as_list(node.get("oneOf"))]
        if isinstance(node.get("$ref"), str):
            schema = _resolve_pointer(lint.doc, node["$ref"])[1]
        elif len(subs) == 1 and isinstance(_as_dict(subs[0]).get("$ref"), str):
            schema = subs[0]
        else:
            return node
    return {}


def _check_style(lint: _Lint, op: _Op, param: _Param, schema: dict[str, Any]) -> None:
    """The generator ignores `style`/`explode`: it always sends form-exploded keys."""
    style = param.data.get("style")
    default = _DEFAULT_STYLE[param.location]
    structured = schema.get("type") in ("array", "object") or "properties" in schema
    if isinstance(style, str) and style != default:
        if style == "deepObject":
            how = "an object is flattened into top-level keys (`status=x`, not `filter[status]=x`)"
        elif param.location in ("query", "cookie"):
            how = "values are sent as repeated form keys"
        else:
            how = "the value is sent plain, as in `simple` style"
        lint.add(
            op.label,
            "parameter-style",
            f"{param.location} parameter `{param.name}` has `style: {style}`, which the generator "
            f"ignores: {how}",
        )
    elif param.data.get("explode") is False and structured and param.location in ("query", "cookie"):
        lint.add(
            op.label,
            "parameter-style",
            f"{param.location} parameter `{param.name}` has `explode: false`, which the generator "
            "ignores: it sends repeated keys, not one comma-separated value",
        )


def _check_header_type(lint: _Lint, op: _Op, param: _Param, schema: dict[str, Any]) -> None:
    """Only string, number, integer, boolean, null and enum properties (or unions of them) fit a header."""
    kind = _header_kind(lint, schema, 0)
    if kind is None:
        return
    rule = "header-array" if kind.startswith("array") else "header-type"
    lint.add(
        op.label,
        rule,
        f"header parameter `{param.name}` is {kind}, which the generator does not allow in a header; "
        "endpoint not generated",
        ("endpoint", op.label),
    )


def _header_kind(lint: _Lint, schema: dict[str, Any], depth: int) -> str | None:
    """What keeps `schema` out of a header, or None if it fits.

    Mirrors `property_from_data`'s dispatch and `validate_location`: a union fits only if every
    member fits (`UnionProperty.validate_location`); 3.0 `nullable` is a union with null.
    """
    type_ = schema.get("type")
    nullable = schema.get("nullable") is True
    if (type_ == "boolean" and not nullable) or _as_list(schema.get("enum")):
        return None
    members = _union_members(schema)
    if members is not None:
        for member in members:
            kind = _header_kind(lint, _passthrough(lint, member), depth + 1) if depth < 10 else None
            if kind is not None:
                return f"{kind} inside a union" if depth == 0 else kind
        return None
    if schema.get("const") is not None:
        return "a const"
    if type_ == "string":
        fmt = schema.get("format")
        return f"`format: {fmt}`" if fmt in _UNSUPPORTED_STRING_FORMATS_IN_HEADER else None
    if type_ in _HEADER_SCALARS:
        return None
    if type_ == "array":
        return "array"
    if type_ == "object" or schema.get("allOf") or schema.get("properties"):
        return "an object"
    return "untyped (Any)"


def _union_members(schema: dict[str, Any]) -> list[Any] | None:
    """The member schemas if `property_from_data` would build a union here, else None."""
    type_ = schema.get("type")
    nullable = schema.get("nullable") is True
    one_of = [*_as_list(schema.get("anyOf")), *_as_list(schema.get("oneOf"))]
    if one_of:
        return [*one_of, {"type": "null"}] if nullable else one_of
    if isinstance(type_, list) or (nullable and isinstance(type_, str)):
        types = type_ if isinstance(type_, list) else [type_, "null"]
        rest = {k: v for k, v in schema.items() if k not in ("type", "nullable")}
        return [{**rest, "type": t} for t in types]
    if nullable and schema.get("allOf"):  # the generator turns it into oneOf [null, allOf]
        return [{"type": "null"}, {"allOf": schema["allOf"]}]
    return None


class _ParamStub:
    """Stands in for a generator `Property` in `Endpoint._check_parameters_for_conflicts`.

    That check only reads `name` and `python_name` and calls `set_python_name`, so running the
    generator's own code on these stubs gives its exact verdict, renames and all.
    """

    def __init__(self, name: str, location: str, config: Config) -> None:
        from openapi_python_client.schema import UntrustedString
        from openapi_python_client.strings import PythonIdentifier

        self.name = UntrustedString(name)
        self.raw_name = name
        self.location = location
        self.python_name = PythonIdentifier(name, prefix=config.field_prefix)

    def set_python_name(self, new_name: Any, config: Config, skip_snake_case: bool = False) -> None:
        from openapi_python_client.strings import PythonIdentifier

        self.python_name = PythonIdentifier(
            new_name, prefix=config.field_prefix, skip_snake_case=skip_snake_case
        )


def _check_parameter_conflicts(lint: _Lint, op: _Op, stubs: list[_ParamStub]) -> bool:
    """Run the generator's conflict check; True (and a finding) if it skips the endpoint."""
    from openapi_python_client.parser.errors import ParseError
    from openapi_python_client.parser.openapi import Endpoint
    from openapi_python_client.schema import UntrustedString
    from openapi_python_client.strings import PythonIdentifier

    endpoint = Endpoint(
        path=UntrustedString(op.path),
        method=op.method,
        description=UntrustedString(""),
        name=PythonIdentifier("lint", prefix=lint.config.field_prefix),
        requires_security=False,
        tags=[],
        summary=UntrustedString(""),
    )
    for location, attribute in (
        ("path", "path"),
        ("query", "query"),
        ("header", "header"),
        ("cookie", "cookie"),
    ):
        chosen = [s for s in stubs if s.location == location]
        setattr(endpoint, f"{attribute}_parameters", cast(Any, chosen))
    result = endpoint._check_parameters_for_conflicts(config=lint.config)
    if not isinstance(result, ParseError):
        return False
    # Name the clash by the arguments' first names; if only the generator's renames clash
    # (`client` becomes `client_query`), by the names it ended with.
    clashes: list[str] = []
    for name_of in (
        lambda s: PythonIdentifier(s.raw_name, prefix=lint.config.field_prefix),
        lambda s: s.python_name,
    ):
        groups: dict[str, list[str]] = {}
        for stub in stubs:
            groups.setdefault(name_of(stub), []).append(f"{stub.location} `{stub.raw_name}`")
        clashes = clashes or [f"{', '.join(n)} all become `{i}`" for i, n in groups.items() if len(n) > 1]
    clashes = clashes or [result.detail or "parameters share a Python name"]
    lint.add(
        op.label,
        "parameter-name-collision",
        f"{'; '.join(clashes)} (the generator cannot tell them apart); endpoint not generated",
        ("endpoint", op.label),
    )
    return True


def _check_parameter_shadowing(lint: _Lint, op: _Op, params: list[_Param], *, has_body: bool) -> None:
    """Arguments whose Python name is also a name the generated function uses itself."""
    from openapi_python_client.strings import PythonIdentifier

    locations = {p.location for p in params}
    reserved = {
        "body": has_body,  # `body` is already an argument: duplicate argument, SyntaxError
        "headers": "header" in locations or has_body,  # `headers = {}` replaces the argument
        "params": "query" in locations,
        "cookies": "cookie" in locations,
        "quote": "path" in locations,  # urllib's quote() builds the URL
    }
    for param in params:
        ident = PythonIdentifier(param.name, prefix=lint.config.field_prefix)
        if not reserved.get(ident):
            continue
        if ident == "body":
            what = "duplicates the request-body argument `body`: the generated module does not import"
        else:
            what = (
                f"is overwritten by the local `{ident}` in the generated `_get_kwargs`: "
                "the caller's value is never sent"
            )
        lint.add(op.label, "parameter-name-collision", f"{param.location} parameter `{param.name}` {what}")


def _check_path_template(lint: _Lint, op: _Op, params: list[_Param]) -> None:
    """Path `{names}` and declared path parameters must match one to one (`sort_parameters`)."""
    template = _PATH_PARAM.findall(op.path)
    declared = [p.name for p in params if p.location == "path"]
    schemaless = {
        r.get("name")
        for r in [*_as_list(op.data.get("parameters")), *_as_list(op.item.get("parameters"))]
        if isinstance(r, dict) and r.get("in") == "path" and "schema" not in r
    }
    endpoint: Effect = ("endpoint", op.label)
    for raw in _ANY_BRACES.findall(op.path):
        if not _PATH_PARAM.fullmatch(f"{{{raw}}}"):
            consequence = (
                "endpoint not generated"
                if raw in declared
                else "the URL is sent with the literal text, never filled in"
            )
            lint.add(
                op.label,
                "path-template-invalid",
                f"`{{{raw}}}` is not a name the generator recognises in a path; {consequence}",
                endpoint if raw in declared else None,
            )
    for name in sorted({n for n in template if template.count(n) > 1}):
        lint.add(
            op.label,
            "path-template-invalid",
            f"`{{{name}}}` appears twice in the path; endpoint not generated",
            endpoint,
        )
    for name in dict.fromkeys(template):
        if name not in declared and name not in schemaless:
            lint.add(
                op.label,
                "path-parameter-undeclared",
                f"`{{{name}}}` in the path has no path parameter; endpoint not generated",
                endpoint,
            )
    braces = _ANY_BRACES.findall(op.path)
    for name in declared:
        if name not in template and name not in braces:
            lint.add(
                op.label,
                "path-parameter-unused",
                f"path parameter `{name}` does not appear in the path; endpoint not generated",
                endpoint,
            )


def _body_type(content_type: str, config: Config) -> str | None:
    """How the generator sends a request-body content type (`bodies.py`), or None if it cannot."""
    from openapi_python_client.strings import get_content_type

    simple = get_content_type(content_type, config)
    if simple is None:
        return None
    if simple in ("application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream"):
        return simple
    if simple == "application/json" or simple.endswith("+json"):
        return "json"
    return None


def _resolve_request_body(lint: _Lint, op: _Op) -> tuple[dict[str, Any] | None, tuple[str | int, ...]]:
    """Follow `requestBody` `$ref`s the way `bodies._resolve_reference` does (by last name)."""
    ptr: tuple[str | int, ...] = (*op.ptr, op.method, "requestBody")
    body = op.data.get("requestBody")
    bodies = _as_dict(_as_dict(lint.doc.get("components")).get("requestBodies"))
    seen: list[str] = []
    while isinstance(body, dict) and isinstance(body.get("$ref"), str) and body["$ref"] not in seen:
        ref = body["$ref"]
        seen.append(ref)
        lint.seen_refs.add(ptr)
        found, _ = _resolve_pointer(lint.doc, ref)
        simple = ref.rsplit("/", 1)[-1]
        if simple not in bodies:
            rule, text = ("ref-unsupported", "resolves, but not to `#/components/requestBodies/<name>`")
            if not found:
                rule, text = "ref-missing", "does not resolve"
            lint.add(
                op.label,
                rule,
                f"request body `$ref: {ref}` {text}; endpoint not generated",
                ("endpoint", op.label),
            )
            return None, ptr
        body, ptr = bodies[simple], ("components", "requestBodies", simple)
    if isinstance(body, dict) and isinstance(body.get("$ref"), str):
        lint.add(
            op.label,
            "ref-unsupported",
            "request body `$ref`s form a cycle; endpoint not generated",
            ("endpoint", op.label),
        )
        return None, ptr
    return (body if isinstance(body, dict) else None), ptr


def _check_request_body(lint: _Lint, op: _Op) -> list[str]:
    """Content types the generator can send; a finding if the body has none. Returns them."""
    body, ptr = _resolve_request_body(lint, op)
    if body is None:
        return []
    content = _as_dict(body.get("content"))
    usable: list[str] = []
    refused: list[str] = []
    for content_type, media in content.items():
        if _body_type(content_type, lint.config) is None:
            refused.append(f"{content_type} (unsupported content type)")
        elif "schema" not in _as_dict(media):
            refused.append(f"{content_type} (no schema)")
        else:
            usable.append(content_type)
    if refused and not usable:
        lint.add(
            op.label,
            "request-body-unsupported",
            f"request body has only {', '.join(refused)}; the generator sends JSON, form, multipart "
            "or octet-stream bodies: endpoint not generated",
            ("endpoint", op.label),
        )
    if len(usable) > 1:
        _check_body_encodings(lint, op, body, usable)
    for content_type in usable:
        effect: Effect = ("endpoint", op.label) if len(usable) == 1 else ("body", op.label, content_type)
        where = _Where(op.label, f"request body ({content_type})", effect)
        _walk_schema(
            lint, content[content_type]["schema"], (*ptr, "content", content_type, "schema"), where, ""
        )
    return usable


def _check_body_encodings(lint: _Lint, op: _Op, body: dict[str, Any], usable: list[str]) -> None:
    """Two or more encodings of one body: the generator's `isinstance` dispatch is broken for them."""
    listed = ", ".join(usable)
    if body.get("required"):
        lint.add(
            op.label,
            "request-body-encodings",
            f"required request body offered as {listed}: the generated module fails to import "
            "(NameError: name 'Unset' is not defined, upstream #1451); keep one encoding",
        )
    schemas = [json.dumps(_as_dict(body["content"][ct]).get("schema"), sort_keys=True) for ct in usable]
    if len(set(schemas)) < len(schemas):
        lint.add(
            op.label,
            "request-body-encodings",
            f"request body offered as {listed} with the same schema: every `isinstance` branch matches "
            f"and the body is sent as the last one, {usable[-1]} (upstream #1276); keep one encoding",
        )


def _check_responses(lint: _Lint, op: _Op) -> None:
    from openapi_python_client.parser.errors import ParseError
    from openapi_python_client.parser.responses import HTTPStatusPattern, _source_by_content_type
    from openapi_python_client.schema import UntrustedString

    for code, raw in _as_dict(op.data.get("responses")).items():
        effect: Effect = ("response", op.label, code)
        if isinstance(HTTPStatusPattern.parse(UntrustedString(code)), ParseError):
            lint.add(
                op.label,
                "response-status-invalid",
                f"response key {code!r} is not a status code, `1XX`-`5XX` or `default`; "
                f"response {code} omitted",
                effect,
            )
            continue
        response, ptr = _resolve_response(lint, op, code, raw)
        content = _as_dict(_as_dict(response).get("content"))
        if not content:
            continue
        chosen = next((ct for ct in content if _source_by_content_type(ct, lint.config) is not None), None)
        if chosen is None:
            lint.add(
                op.label,
                "response-unsupported",
                f"response {code} has only {', '.join(content)}, which the generator cannot read "
                f"(JSON, text/* or octet-stream); response {code} omitted",
                effect,
            )
            continue
        schema = _as_dict(content[chosen]).get("schema")
        where = _Where(op.label, f"response {code}", effect)
        _walk_schema(lint, schema, (*ptr, "content", chosen, "schema"), where, "")


def _resolve_response(lint: _Lint, op: _Op, code: str, raw: Any) -> tuple[Any, tuple[str | int, ...]]:
    """A response object, following one `$ref` to `#/components/responses/<name>` as the generator does."""
    ptr: tuple[str | int, ...] = (*op.ptr, op.method, "responses", code)
    if not (isinstance(raw, dict) and isinstance(raw.get("$ref"), str)):
        return raw, ptr
    ref = raw["$ref"]
    lint.seen_refs.add(ptr)
    problem = _component_ref_problem(lint, ref, "responses")
    target = _resolve_pointer(lint.doc, ref)[1]
    if problem is None and isinstance(_as_dict(target).get("$ref"), str):
        problem = (
            "ref-unsupported",
            f"`$ref: {ref}` leads to another `$ref`, which the generator does not follow",
        )
    if problem is not None:
        rule, text = problem
        lint.add(
            op.label, rule, f"response {code}: {text}; response {code} omitted", ("response", op.label, code)
        )
        return None, ptr
    return target, ("components", "responses", ref.rsplit("/", 1)[-1])


# --------------------------------------------------------------------------------------------
# Schemas: enums and $refs in the parts the generator turns into properties


def _walk_schema(lint: _Lint, node: Any, ptr: tuple[str | int, ...], where: _Where, at: str) -> None:
    """Visit a schema like `property_from_data` does; check enums and `$ref`s on the way."""
    if not isinstance(node, dict):
        return
    if isinstance(node.get("$ref"), str):
        _check_schema_ref(lint, node["$ref"], ptr, where, at)
        return
    subs = [*_as_list(node.get("allOf")), *_as_list(node.get("anyOf")), *_as_list(node.get("oneOf"))]
    if len(subs) == 1 and isinstance(_as_dict(subs[0]).get("$ref"), str):
        key = "allOf" if node.get("allOf") else "anyOf" if node.get("anyOf") else "oneOf"
        _walk_schema(lint, subs[0], (*ptr, key, 0), where, at)
        return
    type_ = node.get("type")
    if type_ == "boolean" and node.get("nullable") is not True:
        return  # BooleanProperty: an enum here is never read
    if _as_list(node.get("enum")):
        _check_enum(lint, node, where, at)
        return
    if node.get("anyOf") or node.get("oneOf"):
        for key in ("anyOf", "oneOf"):
            for index, sub in enumerate(_as_list(node.get(key))):
                _walk_schema(lint, sub, (*ptr, key, index), where, f"{at}/{key}/{index}".lstrip("/"))
        return
    for single in type_ if isinstance(type_, list) else [type_]:
        _walk_typed(lint, node, single, ptr, where, at)


def _walk_typed(
    lint: _Lint, node: dict[str, Any], type_: Any, ptr: tuple[str | int, ...], where: _Where, at: str
) -> None:
    """One branch of `property_from_data` after the enum/union checks."""
    if node.get("const") is not None or type_ in ("string", "number", "integer", "null", "boolean"):
        return
    if type_ == "array":
        for index, sub in enumerate(_as_list(node.get("prefixItems"))):
            _walk_schema(
                lint, sub, (*ptr, "prefixItems", index), where, f"{at}/prefixItems/{index}".lstrip("/")
            )
        _walk_schema(lint, node.get("items"), (*ptr, "items"), where, f"{at}/items".lstrip("/"))
        return
    if not (type_ == "object" or node.get("allOf") or (type_ is None and node.get("properties"))):
        return  # AnyProperty
    for name, sub in _as_dict(node.get("properties")).items():
        _walk_schema(lint, sub, (*ptr, "properties", name), where, f"{at}/properties/{name}".lstrip("/"))
    for index, sub in enumerate(_as_list(node.get("allOf"))):
        sub_ptr = (*ptr, "allOf", index)
        if isinstance(_as_dict(sub).get("$ref"), str):
            _check_schema_ref(lint, sub["$ref"], sub_ptr, where, f"{at}/allOf/{index}".lstrip("/"))
            continue
        for name, prop in _as_dict(_as_dict(sub).get("properties")).items():
            prop_at = f"{at}/allOf/{index}/properties/{name}".lstrip("/")
            _walk_schema(lint, prop, (*sub_ptr, "properties", name), where, prop_at)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        _walk_schema(
            lint, extra, (*ptr, "additionalProperties"), where, f"{at}/additionalProperties".lstrip("/")
        )


def _place(where: _Where, at: str) -> str:
    """'response 200 at `properties/status`: ' (empty for a component schema's own root)."""
    if where.place and at:
        return f"{where.place} at `{at}`: "
    if at:
        return f"`{at}`: "
    return f"{where.place}: " if where.place else ""


def _check_schema_ref(lint: _Lint, ref: str, ptr: tuple[str | int, ...], where: _Where, at: str) -> None:
    lint.seen_refs.add(ptr)
    problem = _component_ref_problem(lint, ref, "schemas")
    if problem is not None:
        rule, text = problem
        lint.add(where.label, rule, f"{_place(where, at)}{text}; {_effect_text(where.effect)}", where.effect)


def _check_enum(lint: _Lint, node: dict[str, Any], where: _Where, at: str) -> None:
    """Enum values the generator cannot turn into one Python Enum."""
    values = [v for v in node["enum"] if v is not None]
    if not values:
        return
    kinds = sorted({type(v).__name__ for v in values})
    if len(kinds) > 1 or kinds[0] not in ("str", "int"):
        what = f"mixes {' and '.join(kinds)} values" if len(kinds) > 1 else f"has {kinds[0]} values"
        lint.add(
            where.label,
            "enum-value-type",
            f"{_place(where, at)}enum {what}; the generator builds enums of one type, str or int: "
            f"{_effect_text(where.effect)}",
            where.effect,
        )
        return
    if not lint.config.literal_enums:  # Literal enums have no member names to collide
        _check_enum_members(lint, values, node, where, at)


def _check_enum_members(lint: _Lint, values: list[Any], node: dict[str, Any], where: _Where, at: str) -> None:
    from openapi_python_client.parser.properties.enum_property import EnumProperty
    from openapi_python_client.parser.properties.schemas import Class
    from openapi_python_client.strings import ClassName, PythonIdentifier, in_double_quote_literal

    var_names = [v for v in _as_list(node.get("x-enum-varnames")) if isinstance(v, str)]
    info = Class(name=ClassName("LintEnum", "field_"), module_name=PythonIdentifier("lint_enum", "field_"))
    try:
        members = EnumProperty.values_from_list(values, info, var_names)
    except ValueError:
        clash = _member_clashes(values, var_names)
        lint.add(
            where.label,
            "enum-key-collision",
            f"{_place(where, at)}enum {clash}; generator crashes (ValueError: Duplicate key)",
            CRASH,
        )
        return
    kept = set(members.values())
    lost = [v for v in values if (in_double_quote_literal(v) if isinstance(v, str) else v) not in kept]
    if lost:
        lint.add(
            where.label,
            "enum-key-collision",
            f"{_place(where, at)}enum {_member_clashes(values, var_names)}; the last one wins and "
            f"{', '.join(repr(v) for v in lost)} is silently dropped (parsing it raises ValueError)",
        )


def _member_clashes(values: list[Any], var_names: list[str]) -> str:
    """'values 'sms', 'SMS' all become member `SMS`' (mirrors `values_from_list` naming)."""
    from openapi_python_client.strings import snake_case

    use_var_names = len(var_names) == len(values)
    groups: dict[str, list[Any]] = {}
    for index, value in enumerate(values):
        if use_var_names:
            key = var_names[index]
        elif isinstance(value, int):
            key = f"VALUE_NEGATIVE_{-value}" if value < 0 else f"VALUE_{value}"
        else:
            key = value.upper() if value and value[0].isalpha() else f"VALUE_{index}"
        groups.setdefault(snake_case(key).upper(), []).append(value)
    clashes = [
        f"values {', '.join(repr(v) for v in group)} all become member `{member}`"
        for member, group in groups.items()
        if len(group) > 1
    ]
    return "; ".join(clashes) or "values collide as member names"


def _check_unvisited_refs(lint: _Lint) -> None:
    """Any other `$ref` that does not resolve, wherever it is (examples and extensions excepted)."""
    for ptr, ref in _iter_refs(lint.doc, ()):
        if ptr in lint.seen_refs:
            continue
        found, _ = _resolve_pointer(lint.doc, ref)
        if found:
            continue
        text = (
            "is not loaded by the generator"
            if _fragment(ref) is None or not ref.startswith("#")
            else "does not resolve"
        )
        lint.add(_label_for(ptr), "ref-missing", f"`$ref: {ref}` at {_pointer_text(ptr)} {text}")


def _iter_refs(node: Any, ptr: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield ptr, node["$ref"]
        for key, value in node.items():
            if key in ("example", "examples") or key.startswith("x-"):
                continue  # data, not references
            yield from _iter_refs(value, (*ptr, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _iter_refs(value, (*ptr, index))


def _label_for(ptr: tuple[str | int, ...]) -> str:
    if len(ptr) >= 3 and ptr[0] == "paths" and ptr[2] in METHODS:
        return f"{str(ptr[2]).upper()} {ptr[1]}"
    if len(ptr) >= 2 and ptr[0] == "paths":
        return f"path {ptr[1]}"
    if len(ptr) >= 3 and ptr[0] == "components":
        kind = str(ptr[1])
        singular = "requestBody" if kind == "requestBodies" else kind.removesuffix("s")
        return f"{singular} {ptr[2]}"
    return "document"


def _pointer_text(ptr: tuple[str | int, ...]) -> str:
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in ptr)


# --------------------------------------------------------------------------------------------
# Dry parse with the generator's own parser


@dataclass
class _Parsed:
    invalid: str | None = None
    endpoints: dict[tuple[str, str], Endpoint] = field(default_factory=dict)
    dropped: dict[tuple[str, str], ParseError] = field(default_factory=dict)
    kept_schemas: set[str] = field(default_factory=set)
    schema_errors: list[ParseError] = field(default_factory=list)
    #: (label, class name, module file) in the order the generator writes model files.
    classes: list[tuple[str, str, str]] = field(default_factory=list)
    # What `GeneratorData.from_dict` would hold, for rendering without a second parse.
    info: Any = None
    collections: dict[str, EndpointCollection] = field(default_factory=dict)
    models: list[ModelProperty] = field(default_factory=list)
    enums: list[EnumProperty | LiteralEnumProperty] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)

    def generator_data(self) -> GeneratorData:
        """The generator's `GeneratorData` for this parse (the tail of `GeneratorData.from_dict`)."""
        from openapi_python_client.parser.openapi import GeneratorData

        return GeneratorData(
            title=self.info.title,
            description=self.info.description,
            version=self.info.version,
            endpoint_collections_by_tag=self.collections,  # type: ignore[arg-type]  # PythonIdentifier keys
            models=self.models,
            errors=self.errors,
            enums=self.enums,
        )


#: sha256 of `inspect.getsource(Endpoint.sort_parameters)` in openapi-python-client 0.29.1, the
#: function `_sort_parameters_without_deepcopy` stands in for (a test fails when it changes).
UPSTREAM_SORT_PARAMETERS_SHA256 = "ab99ee2e0d62f1619370889ee65b3d8bac55a6d0d572cf4042da45a2940b516b"


@contextmanager
def _sort_parameters_without_deepcopy() -> Iterator[None]:
    """The generator's parser, with `Endpoint.sort_parameters` minus its `deepcopy`, for this block.

    In 0.29.1 `sort_parameters` deep-copies the whole endpoint (every property, and the pydantic
    schema data each carries) only to sort one list and rewrite the path string: 70% of the whole
    parse of the benchmarks' 400-operation document (1.2 of 1.7 s). Its only caller,
    `EndpointCollection.from_data`, replaces the endpoint it passed in by the one returned, so a
    shallow copy with its own `path_parameters` list returns the same endpoint. The body is upstream's
    otherwise; the files written are byte-identical either way (tests/pipeline/test_parse_once.py,
    `make check`). The swap is undone on exit; the pipeline parses in one thread.
    """
    from openapi_python_client.parser.errors import ParseError
    from openapi_python_client.parser.openapi import _PATH_PARAM_REGEX, Endpoint
    from openapi_python_client.schema import UntrustedString

    def sort_parameters(*, endpoint: Endpoint) -> Endpoint | ParseError:
        endpoint = copy.copy(endpoint)  # upstream: deepcopy(endpoint)
        endpoint.path_parameters = list(endpoint.path_parameters)  # sorted below, in place
        parameters_from_path = re.findall(_PATH_PARAM_REGEX, endpoint.path.get_untrusted_value())
        with contextlib.suppress(ValueError):  # upstream: try/except ValueError: pass (caught below)
            endpoint.path_parameters.sort(key=lambda param: parameters_from_path.index(param.name))
        if parameters_from_path != [param.name for param in endpoint.path_parameters]:
            return ParseError(
                detail=f"Incorrect path templating for {endpoint.path.get_untrusted_value()} "
                "(Path parameters do not match with path)",
            )
        for parameter in endpoint.path_parameters:
            endpoint.path = UntrustedString(
                endpoint.path.get_untrusted_value().replace(
                    f"{{{parameter.name.get_untrusted_value()}}}", f"{{{parameter.python_name}}}"
                )
            )
        return endpoint

    original = Endpoint.__dict__["sort_parameters"]
    Endpoint.sort_parameters = staticmethod(sort_parameters)  # type: ignore[method-assign]
    try:
        yield
    finally:
        Endpoint.sort_parameters = original  # type: ignore[method-assign]


def _dry_parse(doc: dict[str, Any], config: Config) -> _Parsed:
    """`GeneratorData.from_dict`, one path at a time so every outcome maps to its operation."""
    from openapi_python_client import schema as oai
    from openapi_python_client.parser.openapi import EndpointCollection
    from openapi_python_client.parser.properties import (
        EnumProperty,
        LiteralEnumProperty,
        ModelProperty,
        Parameters,
        Schemas,
        build_parameters,
        build_schemas,
    )
    from pydantic import ValidationError

    try:
        openapi = oai.OpenAPI.model_validate(copy.deepcopy(doc))
    except ValidationError as err:
        return _Parsed(invalid=" ".join(str(err).splitlines()[:3]))
    schemas, parameters = Schemas(), Parameters()
    components = openapi.components
    if components and components.schemas:
        schemas = build_schemas(components=components.schemas, schemas=schemas, config=config)
    if components and components.parameters:
        parameters = build_parameters(components=components.parameters, parameters=parameters, config=config)
    parsed = _Parsed(schema_errors=list(schemas.errors), info=openapi.info)
    for path, item in openapi.paths.items():
        with _sort_parameters_without_deepcopy():
            by_tag, schemas, parameters = EndpointCollection.from_data(
                data={path: item},
                schemas=schemas,
                parameters=parameters,
                request_bodies=(components and components.requestBodies) or {},
                responses=(components and components.responses) or {},
                config=config,
            )
        raw_path = path.get_untrusted_value()
        for tag, collection in by_tag.items():
            # Merged in path order, these are the generator's own collections (one call, all paths).
            merged = parsed.collections.setdefault(tag, EndpointCollection(tag=tag))
            merged.endpoints.extend(collection.endpoints)
            merged.parse_errors.extend(collection.parse_errors)
            for endpoint in collection.endpoints:
                parsed.endpoints[(endpoint.method, raw_path)] = endpoint
            for error in collection.parse_errors:
                if error.header.endswith("Endpoint will not be generated."):
                    parsed.dropped[(error.header.split()[2].lower(), raw_path)] = error
    parsed.kept_schemas = {ref.get_untrusted_value() for ref in schemas.classes_by_reference}
    models = [p for p in schemas.classes_by_name.values() if isinstance(p, ModelProperty)]
    enums = [p for p in schemas.classes_by_name.values() if isinstance(p, EnumProperty | LiteralEnumProperty)]
    parsed.models, parsed.enums, parsed.errors = models, enums, [*schemas.errors, *parameters.errors]
    for prop in [*models, *enums]:
        name = prop.name.get_untrusted_value()
        label = (
            f"schema {name.removeprefix('/components/schemas/')}"
            if name.startswith("/components/schemas/")
            else f"model {prop.class_info.name}"
        )
        parsed.classes.append((label, str(prop.class_info.name), f"{prop.class_info.module_name}.py"))
    return parsed


#: Generator messages mapped to the rule a finding should carry (first entry whose texts all occur wins).
_GENERATOR_RULES = (
    (("Parameters with same Python identifier",), "parameter-name-collision"),
    (("Parameters MUST NOT contain duplicates",), "parameter-name-collision"),
    (("Incorrect path templating",), "path-template-invalid"),
    (("Path parameter must be required",), "path-parameter-optional"),
    (("list[", "is not allowed in header"), "header-array"),
    (("is not allowed in header",), "header-type"),
    (("Unsupported content type",), "request-body-unsupported"),
    (("Unsupported content_type",), "response-unsupported"),
    (("Invalid response status code pattern",), "response-status-invalid"),
    (("Attempted to generate duplicate models",), "model-name-collision"),
    (("Found conflicting enums named",), "enum-name-collision"),
    (("Conflicting property names",), "property-name-collision"),
    (("have the same python_name",), "property-name-collision"),
    (("Found conflicting properties named",), "property-conflict"),
    (("Enum values must all be the same type",), "enum-value-type"),
    (("Unsupported enum type",), "enum-value-type"),
    (("Remote references",), "ref-missing"),
)
_OBJECT_REPR = re.compile(r"<openapi_python_client\.[\w.]+ object at 0x[0-9a-fA-F]+>")
#: Generic headers and tails of generator errors that say nothing about the cause.
_BOILERPLATE = re.compile(
    r"^WARNING parsing \S+ \S+ within \S+ Endpoint will not be generated\.\s*"
    r"|^WARNING parsing \S+ \S+ within \S+\s*"
    r"|Unable to parse this part of your OpenAPI document:[\s:]*"
    r"|Problem creating a Property:[\s:]*"
    r"|^Cannot parse response for status code \S+\s*"
    r"|,? response will be omitted from generated client\.?$"
)


def _explain(lint: _Lint, error: ParseError | None, fallback_rule: str) -> tuple[str, str]:
    """(rule, reason) for a generator error, without memory addresses or trailing boilerplate."""
    from openapi_python_client import schema as oai

    if error is None:
        return fallback_rule, "dropped without a warning"
    text = " ".join(f"{error.header} {error.detail or ''}".split())
    text = _OBJECT_REPR.sub("?", text.split("Failure to process schema")[0]).strip()
    text = _BOILERPLATE.sub("", text).strip()
    if isinstance(error.data, oai.Reference):
        ref = error.data.ref.get_untrusted_value()
        if _resolve_pointer(lint.doc, ref)[0]:
            return "schema-dropped", f"uses `$ref: {ref}`, which the generator dropped"
        return "ref-missing", f"`$ref: {ref}` does not resolve"
    rule = next((r for needles, r in _GENERATOR_RULES if all(n in text for n in needles)), fallback_rule)
    return rule, text


def _check_with_generator(lint: _Lint, operations: list[_Op]) -> None:
    """Report what the generator's parser drops that no static rule named yet."""
    crashed = CRASH in lint.static_effects()
    config = lint.config
    if crashed and not config.literal_enums:
        import attrs

        config = attrs.evolve(config, literal_enums=True)  # get past the crash to see the rest
    try:
        parsed = _dry_parse(lint.doc, config)
    except Exception as exc:  # the generator itself crashed; say so rather than crash the lint
        first = str(exc).splitlines()[0] if str(exc) else ""
        lint.add("document", "generator-crash", f"generator crashes: {type(exc).__name__}: {first}", CRASH)
        return
    if config is lint.config:
        lint.parsed = parsed
    if parsed.invalid is not None:
        lint.add("document", "document-invalid", f"the generator refuses the document: {parsed.invalid}")
        return
    covered = lint.static_effects()
    for op in operations:
        _compare_operation(lint, op, parsed, covered)
    _compare_schemas(lint, parsed, covered)
    _check_model_modules(lint, parsed)


def _compare_operation(lint: _Lint, op: _Op, parsed: _Parsed, covered: set[Effect]) -> None:
    endpoint_effect: Effect = ("endpoint", op.label)
    if endpoint_effect in covered:
        return
    endpoint = parsed.endpoints.get((op.method, op.path))
    if endpoint is None:
        rule, reason = _explain(lint, parsed.dropped.get((op.method, op.path)), "endpoint-dropped")
        lint.add(op.label, rule, f"endpoint not generated: {reason}", endpoint_effect)
        return
    response_errors = iter(
        e
        for e in endpoint.errors
        if "response will be omitted" in (e.detail or "") or "status code pattern" in (e.detail or "")
    )
    generated = {response.status_code.pattern for response in endpoint.responses}
    for code in _as_dict(op.data.get("responses")):
        if code in generated:
            continue
        error = next(response_errors, None)
        effect: Effect = ("response", op.label, code)
        if effect not in covered:
            rule, reason = _explain(lint, error, "response-dropped")
            lint.add(op.label, rule, f"response {code} omitted: {reason}", effect)
    _compare_bodies(lint, op, endpoint, covered)


def _compare_bodies(lint: _Lint, op: _Op, endpoint: Endpoint, covered: set[Effect]) -> None:
    generated = {b.content_type.get_untrusted_value() for b in endpoint.bodies}
    # Errors for content types the generator cannot send at all are expected; skip them.
    skip = (
        "response will be omitted",
        "status code pattern",
        "Unsupported content type",
        "Invalid content type",
        "Missing schema",
    )
    body_errors = iter(e for e in endpoint.errors if not any(s in (e.detail or "") for s in skip))
    for content_type in lint.bodies.get(op.label, []):
        effect: Effect = ("body", op.label, content_type)
        if content_type not in generated and effect not in covered:
            rule, reason = _explain(lint, next(body_errors, None), "body-dropped")
            lint.add(op.label, rule, f"request body {content_type} dropped: {reason}", effect)


def _compare_schemas(lint: _Lint, parsed: _Parsed, covered: set[Effect]) -> None:
    for name in _as_dict(_as_dict(lint.doc.get("components")).get("schemas")):
        ref_path = f"/components/schemas/{name}"
        if ref_path in parsed.kept_schemas or ("schema", name) in covered:
            continue
        direct = next(
            (e for e in parsed.schema_errors if e.header.strip().rstrip(":").endswith(ref_path)), None
        )
        if direct is not None:
            rule, reason = _explain(lint, direct, "schema-dropped")
        else:
            cause = next((e for e in parsed.schema_errors if ref_path in (e.detail or "").splitlines()), None)
            origin = cause.header.strip().rstrip(":").rsplit("/", 1)[-1] if cause else "?"
            rule, reason = "schema-dropped", f"it depends on schema {origin}, which the generator dropped"
        for prefix in (f"Unable to process schema {ref_path}:", f"Unable to parse schema {ref_path}"):
            reason = reason.removeprefix(prefix).strip()
        if rule == "property-name-collision":
            reason = _property_clashes(lint, name) or reason
        message = f"schema removed (and everything that references it): {reason}"
        lint.add(f"schema {name}", rule, message, ("schema", name))


def _property_clashes(lint: _Lint, name: str) -> str:
    """'properties `DateSent`, `DateSent<` all become `date_sent`' for a component's own properties."""
    from openapi_python_client.strings import PythonIdentifier

    schema = _as_dict(_as_dict(_as_dict(lint.doc.get("components")).get("schemas")).get(name))
    groups: dict[str, list[str]] = {}
    for prop in _as_dict(schema.get("properties")):
        groups.setdefault(PythonIdentifier(prop, prefix=lint.config.field_prefix), []).append(f"`{prop}`")
    clashes = [f"properties {', '.join(n)} all become `{i}`" for i, n in groups.items() if len(n) > 1]
    return "; ".join(clashes)


def _check_model_modules(lint: _Lint, parsed: _Parsed) -> None:
    """Two class names, one module file: the later file wins and `models/__init__` breaks."""
    by_module: dict[str, list[tuple[str, str]]] = {}
    for label, class_name, module in parsed.classes:
        by_module.setdefault(module.casefold(), []).append((label, class_name))
    for module, owners in by_module.items():
        if len(owners) < 2:
            continue
        winner = owners[-1][1]
        for label, class_name in owners[:-1]:
            lint.add(
                label,
                "model-module-collision",
                f"class {class_name} is written to models/{module}, which {winner} then overwrites: "
                "`import` of the models package fails (ImportError), so no endpoint imports",
            )


# --------------------------------------------------------------------------------------------
# CLI

_HELP = """\
Refuse, before generation, every construct openapi-python-client 0.29.1 would silently drop or
crash on. Prints one line per finding (`OPERATION: RULE: MESSAGE`) and exits 1, or prints
`lint: DOCUMENT ok (...)` and exits 0.

Rules: openapi-version, operation-id-missing, operation-id-duplicate, parameter-name-collision,
parameter-content, parameter-style, path-parameter-undeclared, path-parameter-unused,
path-parameter-optional, path-template-invalid, path-item-ref, header-array, header-type,
request-body-unsupported, request-body-encodings, response-unsupported, response-status-invalid, ref-missing,
ref-unsupported, enum-key-collision, enum-value-type; from the generator's own parser:
model-name-collision, enum-name-collision, property-name-collision, model-module-collision,
schema-dropped, endpoint-dropped, response-dropped, body-dropped, document-invalid, generator-crash.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], project: Project) -> None:
    """Add `lint DOCUMENT [--generator-config FILE]` to the pipeline's argument parser."""
    parser = subparsers.add_parser(
        "lint",
        help="refuse constructs the generator would drop or crash on",
        description=_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("document", metavar="DOCUMENT", help="OpenAPI document (JSON or YAML)")
    parser.add_argument(
        "--generator-config",
        metavar="FILE",
        default=None,
        help=f"generator config the build uses (default: {project.generator_config} if it exists)",
    )

    def run(args: argparse.Namespace) -> int:
        return run_lint(args.document, args.generator_config or _existing(project.generator_config))

    parser.set_defaults(func=run)


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def run_lint(document: str, generator_config: str | Path | None = None) -> int:
    """The `lint` command: findings to stdout and exit 1, or an ok line and exit 0."""
    try:
        config = default_config(generator_config)
    except Exception as exc:  # pydantic, YAML or OS errors: all mean "cannot use this config"
        print(
            f"lint: cannot read generator config {generator_config}: {exc}".splitlines()[0], file=sys.stderr
        )
        return 1
    try:
        doc = load_document(document)
    except DocumentError as exc:
        print(f"lint: {exc}", file=sys.stderr)
        return 1
    findings = lint_document(doc, config=config)
    for finding in findings:
        print(finding)
    if findings:
        print(f"lint: {len(findings)} findings in {document}")
        return 1
    paths = _as_dict(doc.get("paths")).values()
    operations = sum(1 for item in paths for m in METHODS if isinstance(_as_dict(item).get(m), dict))
    schemas = len(_as_dict(_as_dict(doc.get("components")).get("schemas")))
    print(f"lint: {document} ok ({operations} operations, {schemas} schemas)")
    return 0
