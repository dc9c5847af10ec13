"""Document diff: what changed between two OpenAPI documents, in oasdiff's vocabulary.

Plain data in, a sorted list of `Change` out (`source="document"`). Each finding carries the check
id oasdiff uses for it (`api-path-removed-without-deprecation`, `new-required-request-parameter`,
`response-property-became-nullable`, ...) and a level that follows oasdiff's contract stance:
narrowing what a request may carry, or widening what a response may return, breaks a client.

    >>> ok = {"200": {"description": "ok"}}
    >>> old = {"openapi": "3.0.3", "paths": {"/tags": {"get": {"operationId": "listTags", "responses": ok}}}}
    >>> [(c.id, c.level, c.where) for c in diff_documents(old, {"openapi": "3.0.3", "paths": {}})]
    [('api-path-removed-without-deprecation', 'breaking', 'GET /tags')]

Where the Python SDK sees more than the wire contract, the SDK wins, because every Python name
is generated from the document:

- an `operationId` change renames the endpoint module, and a new first tag moves it to another
  package: breaking (oasdiff: informational);
- a renamed or removed component schema renames or removes a model class: breaking;
- removing an operation or a parameter removes a module or a keyword argument: breaking even
  after a deprecation period (oasdiff: informational with deprecation);
- a response enum that gains a value is non-breaking *here* because the generated enums are open
  (older builds read the value as `UNKNOWN`), while a removed value removes an enum member:
  breaking.

How documents are compared:

- Operations are matched by method and path template (`/contacts/{id}` = `/contacts/{contact}`),
  parameters by location and name, enums and `required` as sets, `anyOf`/`oneOf` branches by
  what they are (same component, same shape, then same type), security requirements as sets.
  Reordering anything changes nothing.
- Schemas are compared after resolving `$ref`s, so moving an inline schema into a component with
  the same shape changes nothing for the operation. Where both sides reference the *same*
  component, what changed inside it is reported once, at `schema Name[.property]`, with the
  operations that use it; everything else is reported at `METHOD /path`. `allOf` branches are
  merged before comparing; recursive schemas are walked once.
- Renames: a parameter removed and another added at the same location with the same schema is
  one `request-parameter-renamed`; a component schema removed and another added with the same
  structure (descriptions and examples ignored) is one `schema-renamed`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import unquote

from .changes import BREAKING, INFO, NON_BREAKING, Change, Level, sort_changes
from .documents import load_document
from .naming import HTTP_METHODS, endpoint_module, python_identifier

__all__ = ["diff_documents", "diff_files"]

Direction = Literal["request", "response"]
Root = Literal["parameter", "body"]

_SCHEMA_REF = "#/components/schemas/"
#: Keys that document a schema without constraining it (ignored by structural comparisons).
_ANNOTATIONS = frozenset(
    {"description", "title", "example", "examples", "externalDocs", "$comment", "deprecated", "xml"}
)
_SUBSCHEMA = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_SETS = ("allOf", "anyOf", "oneOf")
#: keyword -> (name in check ids, which way a larger value goes)
_BOUNDS = {
    "maxLength": ("max-length", "upper"),
    "maxItems": ("max-items", "upper"),
    "maximum": ("max", "upper"),
    "minLength": ("min-length", "lower"),
    "minItems": ("min-items", "lower"),
    "minimum": ("min", "lower"),
}
_PATH_TEMPLATE = re.compile(r"\{[^{}/]*\}")


def diff_documents(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every change from `old` to `new`, sorted with `changes.sort_changes`; [] when they mean the same."""
    return _Differ(old, new).run()


def diff_files(old: str | os.PathLike[str], new: str | os.PathLike[str]) -> list[Change]:
    """Read two JSON or YAML documents and diff them (raises `DocumentError` if one cannot be read)."""
    return diff_documents(load_document(old), load_document(new))


# --------------------------------------------------------------------------------------------
# Small helpers


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _show(value: Any) -> str:
    """A value for a sentence: `open`, `3`, `null`."""
    return f"`{value}`" if isinstance(value, str) else f"`{_canon(value)}`"


def _dotted(path: tuple[str, ...]) -> str:
    out = ""
    for segment in path:
        out += segment if segment == "[]" or not out else "." + segment
    return out


def _by_direction(direction: Direction, request: Level, response: Level) -> Level:
    return request if direction == "request" else response


def _class_name(schema_name: str) -> str:
    """The class name the generator derives from a component name (`contact_list` -> `ContactList`)."""
    from openapi_python_client.strings import ClassName

    return str(ClassName(schema_name, "field_"))


def _types(schema: Mapping[str, Any]) -> frozenset[str]:
    """Declared types without "null"; inferred from `properties`/`items`; empty means any."""
    declared = schema.get("type")
    if isinstance(declared, str):
        types = {declared}
    elif isinstance(declared, list):
        types = {t for t in declared if isinstance(t, str)}
    elif "properties" in schema or "additionalProperties" in schema:
        types = {"object"}
    elif "items" in schema:
        types = {"array"}
    else:
        types = set()
    return frozenset(types - {"null"})


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema.get("type") == ["null"])


def _is_nullable(schema: Mapping[str, Any]) -> bool:
    declared = schema.get("type")
    if schema.get("nullable") is True or declared == "null":
        return True
    if isinstance(declared, list) and "null" in declared:
        return True
    branches = _as_list(schema.get("anyOf")) + _as_list(schema.get("oneOf"))
    return any(_is_null_schema(b) for b in branches)


def _type_text(types: frozenset[str], fmt: Any) -> str:
    text = "/".join(sorted(types)) if types else "any"
    return f"{text} ({fmt})" if isinstance(fmt, str) else text


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    if not wide:
        return True
    if not narrow:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _type_relation(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """ "same", "wider" (new accepts everything old did and more), "narrower" or "changed"."""
    old_types, new_types = _types(old), _types(new)
    old_fmt, new_fmt = old.get("format"), new.get("format")
    if old_types == new_types:
        if old_fmt == new_fmt:
            return "same"
        if new_fmt is None:
            return "wider"
        if old_fmt is None:
            return "narrower"
        return "changed"
    wider, narrower = _covers(new_types, old_types), _covers(old_types, new_types)
    if wider and not narrower:
        return "wider" if new_fmt in (None, old_fmt) else "changed"
    if narrower and not wider:
        return "narrower" if old_fmt in (None, new_fmt) else "changed"
    return "changed"


def _shape(node: Any, renames: Mapping[str, str], self_name: str | None = None) -> Any:
    """A schema without its annotations, for "is this the same structure" questions.

    `$ref`s stay names (mapped through `renames`), a component's references to itself become
    `#self`, and unordered lists (`required`, `enum`, `type`, `anyOf`, ...) are sorted.
    """
    if isinstance(node, list):
        return [_shape(item, renames, self_name) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _ANNOTATIONS or key.startswith("x-"):
            continue
        if key == "$ref" and isinstance(value, str):
            name = _schema_name(value)
            if name is not None:
                name = renames.get(name, name)
                value = "#self" if name == self_name else _SCHEMA_REF + name
            out[key] = value
        elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: _shape(v, renames, self_name) for k, v in value.items()}
        elif key in _SUBSCHEMA:
            out[key] = _shape(value, renames, self_name)
        elif key in _SUBSCHEMA_SETS and isinstance(value, list):
            out[key] = sorted((_shape(v, renames, self_name) for v in value), key=_canon)
        elif key == "prefixItems":
            out[key] = _shape(value, renames, self_name)
        elif key in ("enum", "required", "type") and isinstance(value, list):
            out[key] = sorted(value, key=_canon)
        else:
            out[key] = value
    return out


def _schema_name(ref: str) -> str | None:
    if not ref.startswith(_SCHEMA_REF):
        return None
    return unquote(ref[len(_SCHEMA_REF) :]).replace("~1", "/").replace("~0", "~")


def _fingerprint(node: Any, renames: Mapping[str, str], self_name: str | None = None) -> str:
    return _canon(_shape(node, renames, self_name))


def _unwrap(node: Any) -> tuple[Any, dict[str, Any]]:
    """A reference with its use-site keywords split off: `$ref` + siblings (3.1) or a one-branch
    `allOf: [$ref]` carrying `nullable`/`description` (the 3.0 way to annotate a reference)."""
    if not isinstance(node, dict):
        return node, {}
    if isinstance(node.get("$ref"), str) and len(node) > 1:
        return {"$ref": node["$ref"]}, {k: v for k, v in node.items() if k != "$ref"}
    branches = node.get("allOf")
    if (
        isinstance(branches, list)
        and len(branches) == 1
        and isinstance(branches[0], dict)
        and isinstance(branches[0].get("$ref"), str)
        and set(node) - {"allOf"} <= _ANNOTATIONS | {"nullable"}
    ):
        return branches[0], {k: v for k, v in node.items() if k != "allOf"}
    return node, {}


def _merge_branch(into: dict[str, Any], branch: Mapping[str, Any]) -> None:
    """Merge one resolved `allOf` branch: properties and `required` add up, the rest fills gaps."""
    for key, value in branch.items():
        if key == "properties" and isinstance(value, dict):
            props = dict(_as_dict(into.get("properties")))
            for name, schema in value.items():
                props.setdefault(name, schema)
            into["properties"] = props
        elif key == "required" and isinstance(value, list):
            into["required"] = sorted(set(_as_list(into.get("required"))) | set(value), key=str)
        else:
            into.setdefault(key, value)


def _used_by(usages: Iterable[tuple[str, str]]) -> str:
    """ "; used by GET /a (200, 401), POST /b and 2 more" from (operation, detail) pairs."""
    details: dict[str, set[str]] = {}
    for operation, detail in usages:
        if operation:
            details.setdefault(operation, set())
            if detail:
                details[operation].add(detail)
    if not details:
        return "; no operation uses it in both documents (compared as data the client receives)"
    names = [f"{op} ({', '.join(sorted(d))})" if d else op for op, d in sorted(details.items())]
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return f"; used by {', '.join(names[:3])}{more}"


# --------------------------------------------------------------------------------------------
# Documents and operations


class _Doc:
    """One document with `$ref` resolution (local JSON pointers only)."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc
        components = _as_dict(doc.get("components"))
        self.schemas = _as_dict(components.get("schemas"))
        self.security_schemes = _as_dict(components.get("securitySchemes"))

    def resolve(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            return None
        node: Any = self.doc
        for raw in ref[2:].split("/"):
            part = unquote(raw).replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    def deref(self, node: Any) -> tuple[Any, str | None]:
        """(the node a chain of `$ref`s leads to, the component schema the first one names)."""
        name: str | None = None
        for _ in range(64):
            if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str)):
                break
            ref = node["$ref"]
            if name is None:
                name = _schema_name(ref)
            target = self.resolve(ref)
            if target is None:
                break  # an external or broken reference: compared as an opaque value
            node = target
        return node, name


@dataclass(frozen=True)
class _Op:
    method: str
    path: str
    data: dict[str, Any]
    item: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def module(self) -> str:
        return endpoint_module(self.method, self.path, self.data)


def _collect_operations(
    old: _Doc, new: _Doc
) -> tuple[dict[tuple[str, str], _Op], dict[tuple[str, str], _Op]]:
    """Operations of both documents, keyed by (METHOD, path template with anonymous parameters).

    Two paths that differ only in parameter names are the same endpoint; if a document has several
    such paths, they are keyed by their literal path instead.
    """
    found: list[list[_Op]] = []
    for doc in (old, new):
        ops = []
        for path, item in _as_dict(doc.doc.get("paths")).items():
            item_data = _as_dict(doc.deref(item)[0])
            for method in HTTP_METHODS:
                op = item_data.get(method)
                if isinstance(op, dict):
                    ops.append(_Op(method.upper(), path, op, item_data))
        found.append(ops)
    ambiguous = {
        key
        for ops in found
        for key, count in Counter((op.method, _PATH_TEMPLATE.sub("{}", op.path)) for op in ops).items()
        if count > 1
    }

    def key(op: _Op) -> tuple[str, str]:
        template = (op.method, _PATH_TEMPLATE.sub("{}", op.path))
        return (op.method, op.path) if template in ambiguous else template

    return {key(op): op for op in found[0]}, {key(op): op for op in found[1]}


def _parameters(doc: _Doc, op: _Op) -> dict[tuple[str, str], dict[str, Any]]:
    """Effective parameters (path-level merged with operation-level) by (in, name)."""
    params: dict[tuple[str, str], dict[str, Any]] = {}
    for source in (op.item.get("parameters"), op.data.get("parameters")):
        for raw in _as_list(source):
            param = _as_dict(doc.deref(raw)[0])
            location, name = param.get("in"), param.get("name")
            if isinstance(location, str) and isinstance(name, str):
                params[(location, name.lower() if location == "header" else name)] = param
    return params


def _parameter_schema(param: Mapping[str, Any]) -> Any:
    if "schema" in param:
        return param["schema"]
    for media in _as_dict(param.get("content")).values():
        return _as_dict(media).get("schema")
    return None


def _media_types(content: Any) -> dict[str, dict[str, Any]]:
    """Media types by essence (`application/json`), falling back to the full name on a clash."""
    items = [(str(k), _as_dict(v)) for k, v in _as_dict(content).items()]
    essences = Counter(k.split(";")[0].strip().lower() for k, _ in items)
    out = {}
    for name, media in items:
        essence = name.split(";")[0].strip().lower()
        out[essence if essences[essence] == 1 else name.lower()] = media
    return out


def _security(requirements: Any) -> dict[frozenset[str], dict[str, frozenset[str]]]:
    """Security alternatives by scheme set; no requirement at all is the anonymous alternative."""
    out: dict[frozenset[str], dict[str, frozenset[str]]] = {}
    for requirement in _as_list(requirements):
        if isinstance(requirement, dict):
            out[frozenset(requirement)] = {
                str(k): frozenset(str(s) for s in _as_list(v)) for k, v in requirement.items()
            }
    return out or {frozenset(): {}}


def _schemes_text(schemes: frozenset[str]) -> str:
    return " + ".join(f"`{s}`" for s in sorted(schemes)) if schemes else "anonymous access"


# --------------------------------------------------------------------------------------------
# Where a schema comparison is


@dataclass(frozen=True)
class _Ctx:
    """Where a schema walk is: which operation part it started from, and which component it is in."""

    operation: str  # "GET /contacts"; "" for a component compared on its own
    direction: Direction
    root: Root
    root_label: str  # "the query parameter `status`", "the request body", "the response body (200)"
    detail: str = ""  # " (200)" for a response, " (application/xml)" when a body has several types
    path: tuple[str, ...] = ()  # from the parameter or body: ("data", "[]", "id")
    owner: str | None = None  # the component both documents reference here
    owner_path: tuple[str, ...] = ()

    def child(self, segment: str) -> _Ctx:
        owner_path = (*self.owner_path, segment) if self.owner is not None else ()
        return replace(self, path=(*self.path, segment), owner_path=owner_path)

    def enter(self, component: str) -> _Ctx:
        return replace(self, owner=component, owner_path=())

    @property
    def usage(self) -> tuple[str, str]:
        return self.operation, self.detail.strip(" ()")

    @property
    def where(self) -> str:
        if self.owner is None:
            return self.operation
        dotted = _dotted(self.owner_path)
        return f"schema {self.owner}" + (dotted if not dotted or dotted.startswith("[") else "." + dotted)

    @property
    def prefix(self) -> str:
        """The check-id prefix oasdiff uses at this place."""
        if self.direction == "request":
            if self.root == "parameter":
                return "request-parameter-property" if self.path else "request-parameter"
            return "request-property" if self.path else "request-body"
        return "response-property" if self.path else "response-body"

    @property
    def subject(self) -> str:
        if self.owner is not None:
            if self.owner_path:
                return f"the property `{_dotted(self.owner_path)}` of {self.owner}"
            return f"the schema {self.owner}"
        if not self.path:
            return self.root_label
        dotted = _dotted(self.path)
        if self.root == "parameter":
            return f"the property `{dotted}` of {self.root_label}"
        return f"the {self.direction} property `{dotted}`{self.detail}"


# --------------------------------------------------------------------------------------------
# The differ


class _Differ:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old = _Doc(old)
        self.new = _Doc(new)
        self.renames: dict[str, str] = {}  # old component schema name -> new name
        self.visited: set[tuple[str, str]] = set()  # component pairs compared while walking operations
        self.direct: set[Change] = set()
        self.shared: dict[tuple[str, Level, str, str], set[tuple[str, str]]] = {}

    def run(self) -> list[Change]:
        self._document()
        self._component_schemas()
        self._security_schemes()
        self._operations()
        self._unvisited_components()
        changes = set(self.direct)
        for (check, level, where, text), usages in self.shared.items():
            changes.add(Change(check, level, where, text + _used_by(usages), "document"))
        return sort_changes(changes)

    # Reporting ------------------------------------------------------------------------------

    def add(self, check: str, level: Level, where: str, text: str) -> None:
        self.direct.add(Change(check, level, where, text, "document"))

    def add_at(self, ctx: _Ctx, check: str, level: Level, text: str) -> None:
        """A schema finding: at the operation, or once per component with the operations that use it."""
        if ctx.owner is None:
            self.add(check, level, ctx.operation, text)
        else:
            self.shared.setdefault((check, level, ctx.where, text), set()).add(ctx.usage)

    # Document level -------------------------------------------------------------------------

    def _document(self) -> None:
        old_info, new_info = _as_dict(self.old.doc.get("info")), _as_dict(self.new.doc.get("info"))
        if old_info.get("version") != new_info.get("version"):
            self.add(
                "api-info-version-changed",
                INFO,
                "document",
                f"info.version changed from {_show(old_info.get('version'))}"
                f" to {_show(new_info.get('version'))}",
            )
        fields = [f for f in ("title", "summary", "description") if old_info.get(f) != new_info.get(f)]
        if fields:
            self.add("api-info-changed", INFO, "document", f"the document's {' and '.join(fields)} changed")
        old_alts = _security(self.old.doc.get("security"))
        new_alts = _security(self.new.doc.get("security"))
        # What an operation without its own `security` gets; the effect is reported per operation.
        anonymous = "operations without their own `security` {} accept unauthenticated calls"
        for schemes in sorted(old_alts.keys() - new_alts.keys(), key=sorted):
            text = f"the document-level security requirement {_schemes_text(schemes)} was removed"
            self.add(
                "api-global-security-removed",
                INFO,
                "document",
                text if schemes else anonymous.format("no longer"),
            )
        for schemes in sorted(new_alts.keys() - old_alts.keys(), key=sorted):
            text = f"the document-level security requirement {_schemes_text(schemes)} was added"
            self.add(
                "api-global-security-added", INFO, "document", text if schemes else anonymous.format("now")
            )
        for schemes in sorted(old_alts.keys() & new_alts.keys(), key=sorted):
            for scheme in sorted(schemes):
                was, now = old_alts[schemes][scheme], new_alts[schemes][scheme]
                for scope in sorted(now - was):
                    text = f"the document-level security scheme `{scheme}` now requires the scope `{scope}`"
                    self.add("api-global-security-scope-added", INFO, "document", text)
                for scope in sorted(was - now):
                    text = (
                        f"the document-level security scheme `{scheme}` no longer requires the"
                        f" scope `{scope}`"
                    )
                    self.add("api-global-security-scope-removed", INFO, "document", text)

    def _security_schemes(self) -> None:
        old, new = self.old.security_schemes, self.new.security_schemes
        for name in sorted(old.keys() - new.keys()):
            self.add(
                "api-security-component-removed", INFO, f"security scheme {name}", "the scheme was removed"
            )
        for name in sorted(new.keys() - old.keys()):
            self.add("api-security-component-added", INFO, f"security scheme {name}", "the scheme was added")
        for name in sorted(old.keys() & new.keys()):
            before, after = _as_dict(self.old.deref(old[name])[0]), _as_dict(self.new.deref(new[name])[0])
            keys = ("type", "scheme", "in", "name", "bearerFormat")
            changed = [k for k in keys if before.get(k) != after.get(k)]
            if changed:
                was = ", ".join(f"{k}={before.get(k, 'unset')}" for k in changed)
                now = ", ".join(f"{k}={after.get(k, 'unset')}" for k in changed)
                text = f"how credentials are sent changed ({was} -> {now}): callers authenticate differently"
                self.add("api-security-component-type-changed", BREAKING, f"security scheme {name}", text)
            if _canon(before.get("flows")) != _canon(after.get("flows")):
                text = "the OAuth flows (URLs or scopes) changed"
                self.add("api-security-component-oauth-changed", INFO, f"security scheme {name}", text)

    # Component schemas ----------------------------------------------------------------------

    def _component_schemas(self) -> None:
        old, new = self.old.schemas, self.new.schemas
        removed = sorted(old.keys() - new.keys())
        added = sorted(new.keys() - old.keys())
        progress = True
        while progress:  # a rename can reveal another (a renamed schema that references a renamed one)
            progress = False
            by_shape: dict[str, list[str]] = {}
            for name in added:
                if name not in self.renames.values():
                    by_shape.setdefault(_fingerprint(new[name], {}, name), []).append(name)
            candidates: dict[str, list[str]] = {}
            for name in removed:
                if name not in self.renames:
                    shape = _fingerprint(old[name], self.renames, name)
                    candidates.setdefault(shape, []).append(name)
            for shape, olds in candidates.items():
                for before, after in _pair_by_name(olds, by_shape.get(shape, [])):
                    self.renames[before] = after
                    progress = True
        for before, after in sorted(self.renames.items()):
            old_class, new_class = _class_name(before), _class_name(after)
            if old_class != new_class:
                level, effect = BREAKING, f"the model `{old_class}` becomes `{new_class}`"
            else:
                level, effect = INFO, f"the model keeps its Python name `{new_class}`"
            text = f"the schema {before} was renamed to {after} (same structure): {effect}"
            self.add("schema-renamed", level, f"schema {after}", text)
        for name in removed:
            if name not in self.renames:
                text = f"the schema {name} was removed: the model `{_class_name(name)}` disappears"
                self.add("api-schema-removed", BREAKING, f"schema {name}", text)
        for name in added:
            if name not in self.renames.values():
                text = f"the schema {name} was added (model `{_class_name(name)}`)"
                self.add("api-schema-added", NON_BREAKING, f"schema {name}", text)

    def _unvisited_components(self) -> None:
        """Components no operation reaches in both documents: compared on their own, as received data."""
        pairs = {(n, n) for n in self.old.schemas.keys() & self.new.schemas.keys()} | set(
            self.renames.items()
        )
        for before, after in sorted(pairs):
            if (before, after) in self.visited:  # reached from another component compared on its own
                continue
            ctx = _Ctx("", "response", "body", "")
            self._schema({"$ref": _SCHEMA_REF + before}, {"$ref": _SCHEMA_REF + after}, ctx, frozenset())

    # Operations -----------------------------------------------------------------------------

    def _operations(self) -> None:
        old_ops, new_ops = _collect_operations(self.old, self.new)
        new_templates = {key[1] for key in new_ops}
        for key in sorted(old_ops.keys() - new_ops.keys()):
            op = old_ops[key]
            deprecated = op.data.get("deprecated") is True
            scope = "api" if key[1] in new_templates else "api-path"
            check = f"{scope}-removed-{'with' if deprecated else 'without'}-deprecation"
            how = "after its deprecation" if deprecated else "without deprecation"
            self.add(
                check, BREAKING, op.label, f"the operation was removed {how}: module `{op.module}` disappears"
            )
        for key in sorted(new_ops.keys() - old_ops.keys()):
            op = new_ops[key]
            self.add(
                "endpoint-added", NON_BREAKING, op.label, f"the operation was added (module `{op.module}`)"
            )
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self._operation(old_ops[key], new_ops[key])

    def _operation(self, old: _Op, new: _Op) -> None:
        label = new.label
        if old.data.get("deprecated") is not True and new.data.get("deprecated") is True:
            self.add("endpoint-deprecated", INFO, label, "the operation was deprecated")
        elif old.data.get("deprecated") is True and new.data.get("deprecated") is not True:
            self.add("endpoint-reactivated", INFO, label, "the operation is no longer deprecated")
        self._naming(old, new)
        for key, check in (("summary", "api-summary-changed"), ("description", "api-description-changed")):
            if old.data.get(key) != new.data.get(key):
                self.add(check, INFO, label, f"the operation's {key} changed")
        self._parameters(old, new)
        self._request_body(old, new)
        self._responses(old, new)
        self._operation_security(old, new)

    def _naming(self, old: _Op, new: _Op) -> None:
        """operationId and first tag: they name the generated module and its package."""
        label = new.label
        old_module, new_module = old.module, new.module
        old_name = old_module.rsplit("/", 1)[1].removesuffix(".py")
        new_name = new_module.rsplit("/", 1)[1].removesuffix(".py")
        old_id, new_id = old.data.get("operationId"), new.data.get("operationId")
        renamed = old_name != new_name
        effect = (
            f"the module `{old_name}` becomes `{new_name}`"
            if renamed
            else f"the module keeps its name `{new_name}`"
        )
        if old_id != new_id:
            level = BREAKING if renamed else INFO
            if isinstance(old_id, str):
                replaced = f"replaced with `{new_id}`" if isinstance(new_id, str) else "removed"
                self.add(
                    "api-operation-id-removed", level, label, f"operationId `{old_id}` {replaced}: {effect}"
                )
            else:
                self.add(
                    "api-operation-id-added", level, label, f"operationId `{new_id}` was added: {effect}"
                )
        elif renamed:
            text = f"the path's parameter names changed, and they name the module: {effect}"
            self.add("operation-module-renamed", BREAKING, label, text)
        old_tags = [str(t) for t in _as_list(old.data.get("tags"))]
        new_tags = [str(t) for t in _as_list(new.data.get("tags"))]
        for tag in sorted(set(old_tags) - set(new_tags)):
            self.add("api-tag-removed", INFO, label, f"the tag `{tag}` was removed")
        for tag in sorted(set(new_tags) - set(old_tags)):
            self.add("api-tag-added", INFO, label, f"the tag `{tag}` was added")
        old_package, new_package = old_module.rsplit("/", 1)[0], new_module.rsplit("/", 1)[0]
        if old_package != new_package:
            text = f"the first tag changed, so the module moves from `{old_package}/` to `{new_package}/`"
            self.add("operation-module-moved", BREAKING, label, text)

    # Parameters -----------------------------------------------------------------------------

    def _parameters(self, old: _Op, new: _Op) -> None:
        label = new.label
        before, after = _parameters(self.old, old), _parameters(self.new, new)
        removed = sorted(before.keys() - after.keys())
        added = sorted(after.keys() - before.keys())
        pairs: list[tuple[tuple[str, str], tuple[str, str]]] = [
            (k, k) for k in sorted(before.keys() & after.keys())
        ]

        # Moved: same name, another location.
        for old_key in list(removed):
            same_name = [k for k in added if k[1].lower() == old_key[1].lower() and k[0] != old_key[0]]
            if len(same_name) == 1:
                new_key = same_name[0]
                removed.remove(old_key)
                added.remove(new_key)
                pairs.append((old_key, new_key))
                name = after[new_key]["name"]
                text = f"the parameter `{name}` moved from the {old_key[0]} to the {new_key[0]}"
                self.add("request-parameter-moved", BREAKING, label, text)

        # Renamed: same location, same schema.
        def shape(param: dict[str, Any], renames: Mapping[str, str]) -> str:
            return _fingerprint(_parameter_schema(param), renames)

        groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        for location, name in removed:
            groups.setdefault((location, shape(before[(location, name)], self.renames)), ([], []))[0].append(
                name
            )
        for location, name in added:
            groups.setdefault((location, shape(after[(location, name)], {})), ([], []))[1].append(name)
        for (location, _), (olds, news) in sorted(groups.items()):
            for old_name, new_name in _pair_by_name(olds, news):
                old_key, new_key = (location, old_name), (location, new_name)
                removed.remove(old_key)
                added.remove(new_key)
                pairs.append((old_key, new_key))
                was, now = before[old_key]["name"], after[new_key]["name"]
                if location == "path":
                    same = python_identifier(was) == python_identifier(now)
                    level = INFO if same else BREAKING
                    old_arg, new_arg = python_identifier(was), python_identifier(now)
                    effect = (
                        "the Python argument keeps its name"
                        if same
                        else f"the Python argument `{old_arg}` becomes `{new_arg}`"
                    )
                else:
                    level, effect = BREAKING, "callers sending the old name are not understood"
                text = f"the {location} parameter `{was}` was renamed to `{now}` (same schema): {effect}"
                self.add("request-parameter-renamed", level, label, text)

        for key in removed:
            param = before[key]
            if param.get("deprecated") is True:
                check, how = "request-parameter-removed-with-deprecation", " after its deprecation"
            else:
                check, how = "request-parameter-removed", ""
            self.add(check, BREAKING, label, f"the {key[0]} parameter `{param['name']}` was removed{how}")
        for key in added:
            param = after[key]
            subject = f"the {key[0]} parameter `{param['name']}`"
            if key[0] == "path":
                self.add("new-request-path-parameter", BREAKING, label, f"{subject} was added")
            elif param.get("required") is True:
                self.add(
                    "new-required-request-parameter", BREAKING, label, f"{subject} was added as required"
                )
            else:
                self.add(
                    "new-optional-request-parameter", NON_BREAKING, label, f"{subject} was added (optional)"
                )
        for old_key, new_key in pairs:
            self._parameter(label, before[old_key], after[new_key], new_key[0])

    def _parameter(self, label: str, old: dict[str, Any], new: dict[str, Any], location: str) -> None:
        subject = f"the {location} parameter `{new['name']}`"
        old_required = old.get("required") is True or location == "path"
        new_required = new.get("required") is True or location == "path"
        if new_required and not old_required:
            self.add("request-parameter-became-required", BREAKING, label, f"{subject} became required")
        elif old_required and not new_required:
            self.add("request-parameter-became-optional", NON_BREAKING, label, f"{subject} became optional")
        if old.get("deprecated") is not True and new.get("deprecated") is True:
            self.add("request-parameter-deprecated", INFO, label, f"{subject} was deprecated")
        elif old.get("deprecated") is True and new.get("deprecated") is not True:
            self.add("request-parameter-reactivated", INFO, label, f"{subject} is no longer deprecated")
        if old.get("description") != new.get("description"):
            self.add(
                "request-parameter-description-changed", INFO, label, f"the description of {subject} changed"
            )
        if _canon([old.get("example"), old.get("examples")]) != _canon(
            [new.get("example"), new.get("examples")]
        ):
            self.add("example-changed", INFO, label, f"the example of {subject} changed")
        ctx = _Ctx(label, "request", "parameter", subject)
        self._schema(_parameter_schema(old), _parameter_schema(new), ctx, frozenset())

    # Request body ---------------------------------------------------------------------------

    def _request_body(self, old: _Op, new: _Op) -> None:
        label = new.label
        before = self.old.deref(old.data.get("requestBody"))[0]
        after = self.new.deref(new.data.get("requestBody"))[0]
        if not isinstance(before, dict) and not isinstance(after, dict):
            return
        if not isinstance(before, dict):
            if _as_dict(after).get("required") is True:
                self.add("request-body-added-required", BREAKING, label, "a required request body was added")
            else:
                self.add(
                    "request-body-added-optional", NON_BREAKING, label, "an optional request body was added"
                )
            return
        if not isinstance(after, dict):
            self.add("request-body-removed", BREAKING, label, "the request body was removed")
            return
        if before.get("required") is not True and after.get("required") is True:
            self.add("request-body-became-required", BREAKING, label, "the request body became required")
        elif before.get("required") is True and after.get("required") is not True:
            self.add("request-body-became-optional", NON_BREAKING, label, "the request body became optional")
        if before.get("description") != after.get("description"):
            self.add(
                "request-body-description-changed", INFO, label, "the description of the request body changed"
            )
        old_media, new_media = _media_types(before.get("content")), _media_types(after.get("content"))
        for media in sorted(old_media.keys() - new_media.keys()):
            self.add(
                "request-body-media-type-removed",
                BREAKING,
                label,
                f"the request media type `{media}` was removed",
            )
        for media in sorted(new_media.keys() - old_media.keys()):
            self.add(
                "request-body-media-type-added",
                NON_BREAKING,
                label,
                f"the request media type `{media}` was added",
            )
        common = sorted(old_media.keys() & new_media.keys())
        for media in common:
            detail = f" ({media})" if len(common) > 1 else ""
            ctx = _Ctx(label, "request", "body", f"the request body{detail}", detail)
            self._media(old_media[media], new_media[media], ctx)

    def _media(self, old: dict[str, Any], new: dict[str, Any], ctx: _Ctx) -> None:
        """One media type of a request or response on both sides: its schema and examples."""
        label, where = ctx.root_label, ctx.operation
        if _canon([old.get("example"), old.get("examples")]) != _canon(
            [new.get("example"), new.get("examples")]
        ):
            self.add("example-changed", INFO, where, f"the example of {label} changed")
        had, has = "schema" in old, "schema" in new
        if not had and has:
            if ctx.direction == "request":
                text = f"{label} now has a schema: requests must match it"
                self.add("request-body-media-type-schema-added", BREAKING, where, text)
            else:
                text = f"{label} now has a schema: the operation returns a parsed model instead of nothing"
                self.add("response-body-media-type-schema-added", NON_BREAKING, where, text)
        elif had and not has:
            if ctx.direction == "request":
                text = f"{label} no longer has a schema (anything is accepted)"
                self.add("request-body-media-type-schema-removed", NON_BREAKING, where, text)
            else:
                text = f"{label} no longer has a schema: the operation stops returning a parsed model"
                self.add("response-body-media-type-schema-removed", BREAKING, where, text)
        elif had and has:
            self._schema(old["schema"], new["schema"], ctx, frozenset())

    # Responses ------------------------------------------------------------------------------

    def _responses(self, old: _Op, new: _Op) -> None:
        label = new.label
        before = {
            str(k).upper(): _as_dict(self.old.deref(v)[0])
            for k, v in _as_dict(old.data.get("responses")).items()
        }
        after = {
            str(k).upper(): _as_dict(self.new.deref(v)[0])
            for k, v in _as_dict(new.data.get("responses")).items()
        }
        for status in sorted(before.keys() - after.keys()):
            if status.startswith("2"):
                self.add(
                    "response-success-status-removed",
                    BREAKING,
                    label,
                    f"the success response {status} was removed",
                )
            else:
                text = f"the non-success response {status} was removed"
                self.add("response-non-success-status-removed", NON_BREAKING, label, text)
        for status in sorted(after.keys() - before.keys()):
            kind = "success" if status.startswith("2") else "non-success"
            self.add(
                f"response-{kind}-status-added",
                NON_BREAKING,
                label,
                f"the {kind} response {status} was added",
            )
        for status in sorted(before.keys() & after.keys()):
            self._response(label, status, before[status], after[status])

    def _response(self, label: str, status: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if old.get("description") != new.get("description"):
            self.add(
                "response-description-changed",
                INFO,
                label,
                f"the description of the {status} response changed",
            )
        # Header names are case-insensitive: matched in lower case, shown as written.
        old_headers = {
            str(k).lower(): (str(k), _as_dict(self.old.deref(v)[0]))
            for k, v in _as_dict(old.get("headers")).items()
        }
        new_headers = {
            str(k).lower(): (str(k), _as_dict(self.new.deref(v)[0]))
            for k, v in _as_dict(new.get("headers")).items()
        }
        for key in sorted(old_headers.keys() - new_headers.keys()):
            name, header = old_headers[key]
            required = header.get("required") is True
            check = "required-response-header-removed" if required else "optional-response-header-removed"
            self.add(
                check, BREAKING, label, f"the response header `{name}` was removed from the {status} response"
            )
        for key in sorted(new_headers.keys() - old_headers.keys()):
            name = new_headers[key][0]
            self.add(
                "response-header-added",
                NON_BREAKING,
                label,
                f"the response header `{name}` was added to the {status} response",
            )
        old_media, new_media = _media_types(old.get("content")), _media_types(new.get("content"))
        for media in sorted(old_media.keys() - new_media.keys()):
            text = f"the media type `{media}` of the {status} response was removed"
            self.add("response-media-type-removed", BREAKING, label, text)
        for media in sorted(new_media.keys() - old_media.keys()):
            text = f"the media type `{media}` of the {status} response was added"
            self.add("response-media-type-added", NON_BREAKING, label, text)
        common = sorted(old_media.keys() & new_media.keys())
        for media in common:
            detail = f" ({status}, {media})" if len(common) > 1 else f" ({status})"
            ctx = _Ctx(label, "response", "body", f"the response body{detail}", detail)
            self._media(old_media[media], new_media[media], ctx)

    # Security -------------------------------------------------------------------------------

    def _operation_security(self, old: _Op, new: _Op) -> None:
        label = new.label
        before = _security(old.data["security"] if "security" in old.data else self.old.doc.get("security"))
        after = _security(new.data["security"] if "security" in new.data else self.new.doc.get("security"))

        def satisfies(held: dict[str, frozenset[str]], needed: dict[str, frozenset[str]]) -> bool:
            return all(s in held and scopes <= held[s] for s, scopes in needed.items())

        for schemes in sorted(before.keys() - after.keys(), key=sorted):
            # A caller who met this requirement still gets in if a remaining one asks for less.
            still_in = any(satisfies(before[schemes], req) for req in after.values())
            level = NON_BREAKING if still_in else BREAKING
            if not schemes:
                text = "the operation no longer accepts unauthenticated calls"
                self.add("api-security-anonymous-access-removed", level, label, text)
            else:
                text = f"the security requirement {_schemes_text(schemes)} was removed"
                if not still_in:
                    text += ": callers that authenticate only that way are refused"
                self.add("api-security-removed", level, label, text)
        for schemes in sorted(after.keys() - before.keys(), key=sorted):
            if not schemes:
                self.add(
                    "api-security-anonymous-access-added",
                    NON_BREAKING,
                    label,
                    "the operation now accepts unauthenticated calls",
                )
            else:
                text = f"the security requirement {_schemes_text(schemes)} was added as an alternative"
                self.add("api-security-added", NON_BREAKING, label, text)
        for schemes in sorted(before.keys() & after.keys(), key=sorted):
            for scheme in sorted(schemes):
                gained = sorted(after[schemes][scheme] - before[schemes][scheme])
                lost = sorted(before[schemes][scheme] - after[schemes][scheme])
                for scope in gained:
                    text = f"the scope `{scope}` is now required by the security scheme `{scheme}`"
                    self.add("api-security-scope-added", BREAKING, label, text)
                for scope in lost:
                    text = f"the scope `{scope}` is no longer required by the security scheme `{scheme}`"
                    self.add("api-security-scope-removed", NON_BREAKING, label, text)

    # Schemas --------------------------------------------------------------------------------

    def _schema(
        self, old: Any, new: Any, ctx: _Ctx, stack: frozenset[tuple[str, str]], *, annotations: bool = True
    ) -> None:
        """Compare two schemas found at the same place (either may be a `$ref`)."""
        old_inner, old_wrap = _unwrap(old)
        new_inner, new_wrap = _unwrap(new)
        if (old_wrap or new_wrap) and self._same_component(old_inner, new_inner):
            self._use_site(old_wrap, new_wrap, ctx)
            old, new = old_inner, new_inner
        old_schema, old_name = self.old.deref(old)
        new_schema, new_name = self.new.deref(new)
        if old_name is not None or new_name is not None:
            key = (old_name or f"#{id(old_schema)}", new_name or f"#{id(new_schema)}")
            if key in stack:
                return
            stack = stack | {key}
            if (
                old_name is not None
                and new_name is not None
                and self.renames.get(old_name, old_name) == new_name
            ):
                self.visited.add((old_name, new_name))
                ctx = ctx.enter(new_name)
        self._node(old, new, _as_dict(old_schema), _as_dict(new_schema), ctx, stack, annotations)

    def _same_component(self, old: Any, new: Any) -> bool:
        old_name, new_name = self.old.deref(old)[1], self.new.deref(new)[1]
        return old_name is not None and self.renames.get(old_name, old_name) == new_name

    def _use_site(self, old: dict[str, Any], new: dict[str, Any], ctx: _Ctx) -> None:
        """Keywords written next to a reference (`nullable`, `description`) belong to the place."""
        self._nullable(old, new, ctx)
        self._annotations(old, new, ctx)

    def _node(
        self,
        old_raw: Any,
        new_raw: Any,
        old: dict[str, Any],
        new: dict[str, Any],
        ctx: _Ctx,
        stack: frozenset[tuple[str, str]],
        annotations: bool,
    ) -> None:
        old = self._flatten(self.old, old, frozenset())
        new = self._flatten(self.new, new, frozenset())
        if annotations:
            self._annotations(old, new, ctx)
        old_alternatives, new_alternatives = _alternatives(old), _alternatives(new)
        if old_alternatives is None and new_alternatives is None:
            self._compare(old, new, ctx, stack)
            return
        self._nullable(old, new, ctx)
        # A plain schema is the one alternative of itself (its annotations were compared above).
        old_list = old_alternatives[1] if old_alternatives else [_strip_annotations(old_raw)]
        new_list = new_alternatives[1] if new_alternatives else [_strip_annotations(new_raw)]
        pairs, removed, added = self._match(old_list, new_list)
        if not pairs and (old_alternatives is None or new_alternatives is None):
            self._type_changed(
                ctx, "changed", self._describe_all(self.old, old_list), self._describe_all(self.new, new_list)
            )
            return
        wrapped = old_alternatives is None or new_alternatives is None
        for before, after in pairs:
            self._schema(before, after, ctx, stack, annotations=not wrapped)
        for branch in added:
            keyword = new_alternatives[0] if new_alternatives else "any-of"
            self._alternative(ctx, keyword, self._describe(self.new, branch), added=True)
        for branch in removed:
            keyword = old_alternatives[0] if old_alternatives else "any-of"
            self._alternative(ctx, keyword, self._describe(self.old, branch), added=False)

    def _flatten(self, doc: _Doc, schema: dict[str, Any], seen: frozenset[str]) -> dict[str, Any]:
        """Merge `allOf` branches into one schema (a branch already being merged is skipped)."""
        branches = schema.get("allOf")
        if not isinstance(branches, list) or not branches:
            return schema
        merged = {k: v for k, v in schema.items() if k != "allOf"}
        for branch in branches:
            resolved, name = doc.deref(branch)
            if name is not None and name in seen:
                continue
            inner = seen | {name} if name is not None else seen
            _merge_branch(merged, self._flatten(doc, _as_dict(resolved), inner))
        return merged

    def _match(self, old: list[Any], new: list[Any]) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
        """Pair `anyOf`/`oneOf` branches: same component, then same shape, then same type."""
        pairs: list[tuple[Any, Any]] = []
        left, right = list(range(len(old))), list(range(len(new)))

        def take(i: int, j: int) -> None:
            pairs.append((old[i], new[j]))
            left.remove(i)
            right.remove(j)

        for i in list(left):
            for j in list(right):
                if self._same_component(old[i], new[j]):
                    take(i, j)
                    break
        for i in list(left):
            shape = _fingerprint(self.old.deref(old[i])[0], self.renames)
            for j in list(right):
                if _fingerprint(self.new.deref(new[j])[0], {}) == shape:
                    take(i, j)
                    break
        scored = []
        for i in left:
            before = self._flatten(self.old, _as_dict(self.old.deref(old[i])[0]), frozenset())
            for j in right:
                after = self._flatten(self.new, _as_dict(self.new.deref(new[j])[0]), frozenset())
                if _types(before) == _types(after):
                    props_before, props_after = (
                        set(_as_dict(before.get("properties"))),
                        set(_as_dict(after.get("properties"))),
                    )
                    overlap = len(props_before & props_after) / max(1, len(props_before | props_after))
                    score = (
                        (("enum" in before) == ("enum" in after))
                        + (before.get("format") == after.get("format"))
                        + overlap
                    )
                    scored.append((-score, i, j))
        for _, i, j in sorted(scored):
            if i in left and j in right:
                take(i, j)
        return pairs, [old[i] for i in left], [new[j] for j in right]

    def _describe(self, doc: _Doc, node: Any) -> str:
        schema, name = doc.deref(node)
        if name is not None:
            return name
        schema = _as_dict(schema)
        types = _types(schema)
        if types == {"array"} and "items" in schema:
            return f"array of {self._describe(doc, schema['items'])}"
        text = _type_text(types, schema.get("format"))
        return f"{text} enum" if "enum" in schema else text

    def _describe_all(self, doc: _Doc, nodes: list[Any]) -> str:
        return " | ".join(self._describe(doc, n) for n in nodes)

    def _compare(
        self, old: dict[str, Any], new: dict[str, Any], ctx: _Ctx, stack: frozenset[tuple[str, str]]
    ) -> None:
        relation = _type_relation(old, new)
        if relation != "same":
            old_text = _type_text(_types(old), old.get("format"))
            new_text = _type_text(_types(new), new.get("format"))
            self._type_changed(ctx, relation, old_text, new_text)
        self._nullable(old, new, ctx)
        self._enum(old, new, ctx)
        self._constraints(old, new, ctx)
        if relation == "changed" and _types(old) and _types(new) and not _types(old) & _types(new):
            return  # an object that became a string has no properties left to compare
        if "properties" in old or "properties" in new or "required" in old or "required" in new:
            self._properties(old, new, ctx, stack)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            self._schema(old["items"], new["items"], ctx.child("[]"), stack)
        if isinstance(old.get("additionalProperties"), dict) and isinstance(
            new.get("additionalProperties"), dict
        ):
            self._schema(old["additionalProperties"], new["additionalProperties"], ctx.child("*"), stack)

    def _annotations(self, old: Mapping[str, Any], new: Mapping[str, Any], ctx: _Ctx) -> None:
        subject = ctx.subject
        if not ctx.path and ctx.root == "parameter" and ctx.owner is None:
            subject = f"the schema of {subject.removeprefix('the ')}"
        if old.get("description") != new.get("description") or old.get("title") != new.get("title"):
            self.add_at(ctx, "schema-description-changed", INFO, f"the description of {subject} changed")
        if _canon([old.get("example"), old.get("examples")]) != _canon(
            [new.get("example"), new.get("examples")]
        ):
            self.add_at(ctx, "example-changed", INFO, f"the example of {subject} changed")
        if ctx.path and (old.get("deprecated") is True) != (new.get("deprecated") is True):
            direction = ctx.direction
            if new.get("deprecated") is True:
                self.add_at(ctx, f"{direction}-property-deprecated", INFO, f"{ctx.subject} was deprecated")
            else:
                self.add_at(
                    ctx, f"{direction}-property-reactivated", INFO, f"{ctx.subject} is no longer deprecated"
                )

    def _type_changed(self, ctx: _Ctx, relation: str, old: str, new: str) -> None:
        prefix, subject = ctx.prefix, ctx.subject
        if ctx.direction == "request":
            if relation == "wider":
                check, level, verb = f"{prefix}-type-generalized", NON_BREAKING, "was widened"
            elif relation == "narrower" and prefix == "request-parameter-property":
                check, level, verb = f"{prefix}-type-specialized", BREAKING, "was narrowed"
            else:
                check, level, verb = f"{prefix}-type-changed", BREAKING, "changed"
        elif relation == "wider":
            check, level, verb = f"{prefix}-type-generalized", BREAKING, "was widened"
        elif relation == "narrower":
            check, level, verb = f"{prefix}-type-specialized", NON_BREAKING, "was narrowed"
        else:
            check, level, verb = f"{prefix}-type-changed", BREAKING, "changed"
        self.add_at(ctx, check, level, f"the type of {subject} {verb} from `{old}` to `{new}`")

    def _nullable(self, old: Mapping[str, Any], new: Mapping[str, Any], ctx: _Ctx) -> None:
        was, now = _is_nullable(old), _is_nullable(new)
        if was == now:
            return
        prefix = ctx.prefix
        if now:
            level = _by_direction(ctx.direction, NON_BREAKING, BREAKING)
            self.add_at(ctx, f"{prefix}-became-nullable", level, f"{ctx.subject} became nullable")
        else:
            level = _by_direction(ctx.direction, BREAKING, NON_BREAKING)
            self.add_at(ctx, f"{prefix}-became-not-nullable", level, f"{ctx.subject} became not nullable")

    def _enum(self, old: Mapping[str, Any], new: Mapping[str, Any], ctx: _Ctx) -> None:
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if not isinstance(old_enum, list) and not isinstance(new_enum, list):
            return
        prefix, subject, request = ctx.prefix, ctx.subject, ctx.direction == "request"
        if not isinstance(old_enum, list):
            values = ", ".join(_show(v) for v in _as_list(new_enum) if v is not None)
            level = BREAKING if request else NON_BREAKING
            self.add_at(
                ctx, f"{prefix}-became-enum", level, f"{subject} was restricted to the enum values {values}"
            )
            return
        if not isinstance(new_enum, list):
            level = NON_BREAKING if request else BREAKING
            self.add_at(
                ctx, f"{prefix}-became-not-enum", level, f"{subject} is no longer restricted to enum values"
            )
            return
        before = {_canon(v): v for v in old_enum if v is not None}
        after = {_canon(v): v for v in new_enum if v is not None}
        body = "response-mediatype" if prefix == "response-body" else prefix
        for key in sorted(before.keys() - after.keys()):
            text = f"the enum value {_show(before[key])} was removed from {subject}"
            if not request:
                text += " (the generated enum loses that member, so code that names it breaks)"
            self.add_at(ctx, f"{body}-enum-value-removed", BREAKING, text)
        for key in sorted(after.keys() - before.keys()):
            text = f"the enum value {_show(after[key])} was added to {subject}"
            if not request:
                text += (
                    " (not breaking for this SDK: its generated enums are open, so older builds read"
                    " the value as UNKNOWN instead of failing; code that handles every member may need"
                    " a new branch)"
                )
            self.add_at(ctx, f"{body}-enum-value-added", NON_BREAKING, text)

    def _constraints(self, old: Mapping[str, Any], new: Mapping[str, Any], ctx: _Ctx) -> None:
        prefix, subject, request = ctx.prefix, ctx.subject, ctx.direction == "request"
        for keyword, (name, bound) in _BOUNDS.items():
            was, now = old.get(keyword), new.get(keyword)
            if (
                was == now
                or not isinstance(was, int | float | None)
                or not isinstance(now, int | float | None)
            ):
                continue
            if was is None:
                action, narrows = "set", True
            elif now is None:
                action, narrows = "unset", False
            else:
                action = "increased" if now > was else "decreased"
                narrows = (action == "decreased") == (bound == "upper")
            # A narrower response changes nothing a caller can observe; a wider one may surprise it.
            level = (BREAKING if narrows else NON_BREAKING) if request else (INFO if narrows else BREAKING)
            shown = (
                f"set to {now}"
                if was is None
                else f"removed (was {was})"
                if now is None
                else f"{action} from {was} to {now}"
            )
            self.add_at(ctx, f"{prefix}-{name}-{action}", level, f"the {keyword} of {subject} was {shown}")
        was, now = old.get("pattern"), new.get("pattern")
        if was != now:
            if was is None:
                action, level, text = (
                    "added",
                    BREAKING if request else INFO,
                    f"the pattern `{now}` was added to {subject}",
                )
            elif now is None:
                action, level, text = (
                    "removed",
                    NON_BREAKING if request else INFO,
                    f"the pattern `{was}` was removed from {subject}",
                )
            else:
                action, level = "changed", BREAKING if request else INFO
                text = f"the pattern of {subject} changed from `{was}` to `{now}`"
            self.add_at(ctx, f"{prefix}-pattern-{action}", level, text)
        if "default" in old or "default" in new:
            was, now = old.get("default"), new.get("default")
            if "default" not in old:
                action, text = "added", f"the default value {_show(now)} was added to {subject}"
            elif "default" not in new:
                action, text = "removed", f"the default value {_show(was)} was removed from {subject}"
            elif _canon(was) != _canon(now):
                action, text = (
                    "changed",
                    f"the default value of {subject} changed from {_show(was)} to {_show(now)}",
                )
            else:
                return
            level = BREAKING if prefix == "request-parameter" else INFO
            self.add_at(ctx, f"{prefix}-default-value-{action}", level, text)

    def _properties(
        self, old: dict[str, Any], new: dict[str, Any], ctx: _Ctx, stack: frozenset[tuple[str, str]]
    ) -> None:
        old_props, new_props = _as_dict(old.get("properties")), _as_dict(new.get("properties"))
        old_required = {str(r) for r in _as_list(old.get("required"))}
        new_required = {str(r) for r in _as_list(new.get("required"))}
        request = ctx.direction == "request"
        # A read-only property is never sent, a write-only one never received.
        hidden = "readOnly" if request else "writeOnly"

        def is_hidden(doc: _Doc, schema: Any) -> bool:
            return _as_dict(doc.deref(schema)[0]).get(hidden) is True

        for name in sorted(old_props.keys() - new_props.keys()):
            if is_hidden(self.old, old_props[name]):
                continue
            child = ctx.child(name)
            if request:
                self.add_at(child, "request-property-removed", BREAKING, f"{child.subject} was removed")
            elif name in old_required:
                self.add_at(
                    child,
                    "response-required-property-removed",
                    BREAKING,
                    f"{child.subject} was removed (it was required)",
                )
            else:
                self.add_at(
                    child, "response-optional-property-removed", BREAKING, f"{child.subject} was removed"
                )
        for name in sorted(new_props.keys() - old_props.keys()):
            if is_hidden(self.new, new_props[name]):
                continue
            child = ctx.child(name)
            if request and name in new_required:
                self.add_at(
                    child, "new-required-request-property", BREAKING, f"{child.subject} was added as required"
                )
            elif request:
                self.add_at(
                    child,
                    "new-optional-request-property",
                    NON_BREAKING,
                    f"{child.subject} was added (optional)",
                )
            elif name in new_required:
                self.add_at(
                    child,
                    "response-required-property-added",
                    NON_BREAKING,
                    f"{child.subject} was added (always present)",
                )
            else:
                self.add_at(
                    child,
                    "response-optional-property-added",
                    NON_BREAKING,
                    f"{child.subject} was added (optional)",
                )
        for name in sorted(old_props.keys() & new_props.keys()):
            child = ctx.child(name)
            was, now = name in old_required, name in new_required
            if was != now and not is_hidden(self.new, new_props[name]):
                if request and now:
                    self.add_at(
                        child,
                        "request-property-became-required",
                        BREAKING,
                        f"{child.subject} became required",
                    )
                elif request:
                    self.add_at(
                        child,
                        "request-property-became-optional",
                        NON_BREAKING,
                        f"{child.subject} became optional",
                    )
                elif now:
                    self.add_at(
                        child,
                        "response-property-became-required",
                        NON_BREAKING,
                        f"{child.subject} became required (always present)",
                    )
                else:
                    self.add_at(
                        child,
                        "response-property-became-optional",
                        BREAKING,
                        f"{child.subject} became optional (may be absent)",
                    )
            self._schema(old_props[name], new_props[name], child, stack)

    def _alternative(self, ctx: _Ctx, keyword: str, branch: str, *, added: bool) -> None:
        subject = ctx.subject
        if ctx.prefix == "request-parameter":  # oasdiff has no composition checks for parameters
            if added:
                self.add_at(
                    ctx,
                    "request-parameter-type-generalized",
                    NON_BREAKING,
                    f"{subject} now also accepts `{branch}`",
                )
            else:
                self.add_at(
                    ctx, "request-parameter-type-changed", BREAKING, f"{subject} no longer accepts `{branch}`"
                )
            return
        prefix = "request-property" if ctx.prefix == "request-parameter-property" else ctx.prefix
        request = ctx.direction == "request"
        name = {"any-of": "anyOf", "one-of": "oneOf"}.get(keyword, keyword)
        if added:
            level = NON_BREAKING if request else BREAKING
            text = f"`{branch}` was added to the {name} alternatives of {subject}"
            if not request:
                text += ": the client may now receive it"
        else:
            level = BREAKING if request else NON_BREAKING
            text = f"`{branch}` was removed from the {name} alternatives of {subject}"
        self.add_at(ctx, f"{prefix}-{keyword}-{'added' if added else 'removed'}", level, text)


def _alternatives(schema: Mapping[str, Any]) -> tuple[str, list[Any]] | None:
    """("any-of" | "one-of", branches without `{type: null}` ones), or None for a plain schema."""
    any_of, one_of = schema.get("anyOf"), schema.get("oneOf")
    if not isinstance(any_of, list) and not isinstance(one_of, list):
        return None
    keyword = "one-of" if isinstance(one_of, list) and not isinstance(any_of, list) else "any-of"
    branches = _as_list(any_of) + _as_list(one_of)
    return keyword, [b for b in branches if not _is_null_schema(b)]


def _strip_annotations(node: Any) -> Any:
    """A plain schema compared against alternatives: its annotations and `nullable` belong to the
    container (already compared), not to the alternative."""
    if not isinstance(node, dict) or "$ref" in node:
        return node
    return {k: v for k, v in node.items() if k not in _ANNOTATIONS and k != "nullable"}


def _pair_by_name(olds: list[str], news: list[str]) -> list[tuple[str, str]]:
    """Pair candidates one to one: a single candidate on each side pairs regardless of its name,
    several pair by name similarity (most similar first)."""
    if not olds or not news:
        return []
    if len(olds) == 1 and len(news) == 1:
        return [(olds[0], news[0])]
    scored = sorted(
        (-difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio(), a, b) for a in olds for b in news
    )
    pairs: list[tuple[str, str]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for _, a, b in scored:
        if a not in used_old and b not in used_new:
            pairs.append((a, b))
            used_old.add(a)
            used_new.add(b)
    return pairs
