"""Apply OpenAPI Overlay documents (Overlay Specification 1.0.x and 1.1.x) to a document.

A generic stage: plain data in, plain data out. Overlays are validated in full before anything is
applied, targets are RFC 9535 JSONPath queries (`jsonpath_rfc9535`), and a target that matches
nothing is an error (the API moved) unless the action says `x-optional: true`.

    >>> doc = {"info": {"title": "T"}, "tags": [{"name": "a"}, {"name": "b"}]}
    >>> overlay = {
    ...     "overlay": "1.1.0",
    ...     "info": {"title": "demo", "version": "1"},
    ...     "actions": [
    ...         {"target": "$.info", "update": {"x-audience": "public"}},
    ...         {"target": "$.tags[?@.name == 'a']", "remove": True},
    ...     ],
    ... }
    >>> new, report = apply_overlay(doc, overlay, name="demo.yaml")
    >>> new
    {'info': {'title': 'T', 'x-audience': 'public'}, 'tags': [{'name': 'b'}]}
    >>> report.summary()
    'demo.yaml: 2 actions, 2 nodes matched, 0 optional skipped'

Semantics (the spec's wording is in the tests):

- actions run in order, each on the result of the previous one;
- priority remove > update > copy, and `remove: false` is the same as no `remove`;
- `update`/`copy` merge (never replace) with the Overlay 1.1 rules, which are also used for 1.0;
- a `copy` source must select exactly one node; it is snapshotted before anything is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jsonpath_rfc9535

from .documents import DocumentError, dump_json, dump_yaml, load_document, write_atomic

if TYPE_CHECKING:
    from .project import Project

JSONValue = Any  # dict[str, JSONValue] | list[JSONValue] | str | int | float | bool | None
Location = tuple[int | str, ...]
Kind = Literal["remove", "update", "copy"]
Version = tuple[int, int]

#: Overlay feature sets (major, minor) this engine implements; the patch number is ignored.
SUPPORTED_VERSIONS: tuple[Version, ...] = ((1, 0), (1, 1))
#: File name endings `load_overlays` picks up in a folder.
OVERLAY_SUFFIXES = (".yaml", ".yml", ".json")
#: Action extension that turns "target matched nothing" from an error into a skip.
OPTIONAL_KEY = "x-optional"

_VERSION_RE = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
_ROOT_KEYS = frozenset({"overlay", "info", "extends", "actions"})
_INFO_KEYS = {(1, 0): frozenset({"title", "version"}), (1, 1): frozenset({"title", "version", "description"})}
_ACTION_KEYS = {
    (1, 0): frozenset({"target", "description", "update", "remove"}),
    (1, 1): frozenset({"target", "description", "update", "remove", "copy"}),
}


class OverlayError(Exception):
    """An overlay is invalid or cannot be applied.

    The message names the overlay file, the action (0-based index and target) when there is one,
    and what was wrong:

        >>> str(OverlayError("o.yaml", "target matched nothing", index=3, target="$.x"))
        'o.yaml: action #3 (target $.x): target matched nothing'
    """

    def __init__(self, name: str, problem: str, *, index: int | None = None, target: object = None) -> None:
        self.name = name
        self.problem = problem
        self.index = index
        self.target = target
        super().__init__(self._format())

    def _format(self) -> str:
        if self.index is None:
            return f"{self.name}: {self.problem}"
        if isinstance(self.target, str):
            where = f"target {self.target}"
        elif self.target is None:
            where = "no target"
        else:
            where = f"target {self.target!r}"
        return f"{self.name}: action #{self.index} ({where}): {self.problem}"


@dataclass(frozen=True)
class ActionReport:
    """What one action did: `matched` distinct nodes, or `skipped` (optional, matched nothing)."""

    index: int
    target: str
    kind: Kind
    matched: int
    skipped: bool = False


@dataclass
class OverlayReport:
    """What one overlay document did, one `ActionReport` per action, in order."""

    name: str
    version: str
    actions: list[ActionReport] = field(default_factory=list)

    @property
    def matched(self) -> int:
        """Distinct nodes matched by all actions together."""
        return sum(a.matched for a in self.actions)

    @property
    def skipped(self) -> int:
        """Optional actions that matched nothing."""
        return sum(1 for a in self.actions if a.skipped)

    def summary(self) -> str:
        """One line, e.g. `overlays/10-x.yaml: 4 actions, 9 nodes matched, 1 optional skipped`."""
        return (
            f"{self.name}: {_plural(len(self.actions), 'action')}, "
            f"{_plural(self.matched, 'node')} matched, {self.skipped} optional skipped"
        )


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def validate_overlay(overlay: JSONValue, *, name: str) -> None:
    """Check an overlay document against the Overlay 1.0/1.1 schema rules; raise `OverlayError`.

    Also compiles every `target` and `copy` as an RFC 9535 query, so a typo fails before any
    document is touched.

        >>> validate_overlay({"overlay": "1.0.0", "info": {"title": "t", "version": "1"},
        ...                   "actions": [{"target": "$.x", "copy": "$.y"}]}, name="o.yaml")
        Traceback (most recent call last):
        ...
        oaspipe.overlay.OverlayError: o.yaml: action #0 (target $.x): `copy` needs overlay 1.1.0 or later; ...
    """
    if not isinstance(overlay, dict):
        raise OverlayError(name, f"an overlay must be a mapping at the top level, not {_kind_name(overlay)}")
    version = _feature_set(overlay, name)
    _check_keys(overlay, _ROOT_KEYS, name, "the overlay")
    _check_info(overlay, version, name)
    if "extends" in overlay and not isinstance(overlay["extends"], str):
        raise OverlayError(
            name, f"`extends` must be a URI reference string, not {_kind_name(overlay['extends'])}"
        )
    actions = overlay.get("actions")
    if not isinstance(actions, list):
        problem = (
            "missing `actions`" if actions is None else f"`actions` must be a list, not {_kind_name(actions)}"
        )
        raise OverlayError(name, problem)
    if not actions:
        raise OverlayError(name, "`actions` is empty; an overlay needs at least one action")
    seen: dict[str, int] = {}
    for index, action in enumerate(actions):
        _check_action(action, index, version, name)
        key = _canonical(action)
        if key in seen:
            raise OverlayError(
                name,
                f"duplicate of action #{seen[key]} (actions must be unique)",
                index=index,
                target=action["target"],
            )
        seen[key] = index


def _feature_set(overlay: dict[str, JSONValue], name: str) -> Version:
    """`overlay: 1.1.3` -> (1, 1); the patch number is ignored, as the spec tells tooling to."""
    raw = overlay.get("overlay")
    if raw is None:
        raise OverlayError(name, "missing `overlay` (the Overlay Specification version, e.g. 1.1.0)")
    if not isinstance(raw, str):
        raise OverlayError(
            name,
            f"`overlay` must be a version string like 1.1.0, not {_kind_name(raw)} {raw!r} (quote it)",
        )
    match = _VERSION_RE.match(raw)
    version = (int(match.group(1)), int(match.group(2))) if match else None
    if version not in SUPPORTED_VERSIONS:
        raise OverlayError(
            name, f"unsupported overlay version {raw!r}: this tool reads Overlay 1.0.x and 1.1.x"
        )
    assert version is not None
    return version


def _check_keys(
    obj: dict[str, JSONValue], allowed: frozenset[str], name: str, place: str, **where: Any
) -> None:
    """Only the fixed fields and `x-` extensions are allowed (`unevaluatedProperties: false`)."""
    for key in obj:
        if key not in allowed and not key.startswith("x-"):
            known = ", ".join(sorted(allowed))
            raise OverlayError(
                name, f"unknown field {key!r} in {place} (allowed: {known}, and x- extensions)", **where
            )


def _check_info(overlay: dict[str, JSONValue], version: Version, name: str) -> None:
    info = overlay.get("info")
    if not isinstance(info, dict):
        problem = "missing `info`" if info is None else f"`info` must be a mapping, not {_kind_name(info)}"
        raise OverlayError(name, f"{problem} (it needs `title` and `version`)")
    for key in ("title", "version"):
        if not isinstance(info.get(key), str):
            got = "missing" if key not in info else f"{_kind_name(info[key])}, not a string"
            raise OverlayError(name, f"`info.{key}` is required and must be a string ({got})")
    if (
        "description" in info
        and "description" in _INFO_KEYS[version]
        and not isinstance(info["description"], str)
    ):
        raise OverlayError(name, "`info.description` must be a string")
    _check_keys(info, _INFO_KEYS[version], name, "`info`")


def _check_action(action: JSONValue, index: int, version: Version, name: str) -> None:
    if not isinstance(action, dict):
        raise OverlayError(name, f"an action must be a mapping, not {_kind_name(action)}", index=index)
    target = action.get("target")
    where: dict[str, Any] = {"index": index, "target": target}
    if target is None:
        raise OverlayError(name, "missing `target` (an RFC 9535 JSONPath query starting with $)", **where)
    _check_query(target, "target", name, where)
    if "copy" in action and version < (1, 1):
        raise OverlayError(name, "`copy` needs overlay 1.1.0 or later; this overlay declares 1.0", **where)
    _check_keys(action, _ACTION_KEYS[version], name, "the action", **where)
    if "description" in action and not isinstance(action["description"], str):
        raise OverlayError(name, "`description` must be a string", **where)
    if "remove" in action and not isinstance(action["remove"], bool):
        raise OverlayError(name, f"`remove` must be true or false, not {action['remove']!r}", **where)
    if "copy" in action:
        _check_query(action["copy"], "copy", name, where)
    if OPTIONAL_KEY in action and not isinstance(action[OPTIONAL_KEY], bool):
        raise OverlayError(name, f"`{OPTIONAL_KEY}` must be true or false", **where)
    if _kind(action) is None:
        raise OverlayError(
            name, "the action does nothing: it needs `update`, `copy` or `remove: true`", **where
        )


def _check_query(query: JSONValue, key: str, name: str, where: dict[str, Any]) -> None:
    if not isinstance(query, str):
        raise OverlayError(name, f"`{key}` must be a JSONPath string, not {_kind_name(query)}", **where)
    if not query.startswith("$"):
        raise OverlayError(name, f"`{key}` must be a JSONPath query starting with $ (got {query!r})", **where)
    try:
        jsonpath_rfc9535.compile(query)
    except jsonpath_rfc9535.JSONPathError as exc:
        raise OverlayError(name, f"`{key}` is not a valid RFC 9535 JSONPath query: {exc}", **where) from exc


def _canonical(value: JSONValue) -> str:
    """A key for JSON Schema `uniqueItems` equality: key order ignored, 1 == 1.0, true != 1."""
    return json.dumps(_numbers_as_json(value), sort_keys=True, default=repr)


def _numbers_as_json(value: JSONValue) -> JSONValue:
    if isinstance(value, dict):
        return {k: _numbers_as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers_as_json(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# --------------------------------------------------------------------------------------------
# Applying
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    name: str
    version: Version
    index: int
    target: str

    def error(self, problem: str) -> OverlayError:
        return OverlayError(self.name, problem, index=self.index, target=self.target)


def apply_overlay(document: JSONValue, overlay: JSONValue, *, name: str) -> tuple[JSONValue, OverlayReport]:
    """Validate `overlay`, then apply its actions in order to a copy of `document`.

    The input document is never mutated. Raises `OverlayError` (naming `name`, the action index
    and target) on an invalid overlay, a target that matched nothing without `x-optional: true`,
    or an update that the merge rules forbid.

        >>> overlay = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"},
        ...            "actions": [{"target": "$.tags", "update": ["b", "c"]}]}
        >>> apply_overlay({"tags": ["a"]}, overlay, name="o.yaml")[0]
        {'tags': ['a', 'b', 'c']}
    """
    validate_overlay(overlay, name=name)
    return _apply_valid(document, overlay, name)


def apply_overlays(
    document: JSONValue, overlays: Sequence[tuple[Path | str, JSONValue]]
) -> tuple[JSONValue, list[OverlayReport]]:
    """Apply several overlays in list order (as from `load_overlays`); all are validated first.

    >>> doc, reports = apply_overlays(document, load_overlays("overlays"))  # doctest: +SKIP
    """
    for path, overlay in overlays:
        validate_overlay(overlay, name=str(path))
    reports = []
    for path, overlay in overlays:
        document, report = _apply_valid(document, overlay, str(path))
        reports.append(report)
    return document, reports


def _apply_valid(
    document: JSONValue, overlay: dict[str, JSONValue], name: str
) -> tuple[JSONValue, OverlayReport]:
    version = _feature_set(overlay, name)
    report = OverlayReport(name=name, version=overlay["overlay"])
    doc = _clone(document)
    for index, action in enumerate(overlay["actions"]):
        ctx = _Context(name, version, index, action["target"])
        doc, action_report = _apply_action(doc, action, ctx)
        report.actions.append(action_report)
    return doc, report


def _apply_action(
    doc: JSONValue, action: dict[str, JSONValue], ctx: _Context
) -> tuple[JSONValue, ActionReport]:
    kind = _kind(action)
    assert kind is not None  # validate_overlay rejects actions that do nothing
    locations = _select(doc, ctx.target, ctx, "target")
    if not locations:
        if action.get(OPTIONAL_KEY) is True:
            return doc, ActionReport(ctx.index, ctx.target, kind, 0, skipped=True)
        raise ctx.error(
            "target matched nothing; the document has moved "
            f"(mark the action with {OPTIONAL_KEY}: true if that is expected)"
        )
    values = [_get(doc, loc) for loc in locations]
    if ctx.version < (1, 1):
        _require_containers(locations, values, ctx)
    if kind == "remove":
        doc = _remove(doc, locations, ctx)
    else:
        if kind == "update":
            value = action["update"]
        else:
            # Snapshot first: the source may itself be one of the targets (`$.*` copying `$.a`).
            value = _clone(_get(doc, _copy_source(doc, action["copy"], ctx)))
        doc = _merge_all(doc, locations, values, value, ctx)
    return doc, ActionReport(ctx.index, ctx.target, kind, len(locations))


def _kind(action: dict[str, JSONValue]) -> Kind | None:
    """Which modifier wins: remove > update > copy (each spec sentence says the other has no impact)."""
    if action.get("remove") is True:
        return "remove"
    if "update" in action:
        return "update"
    if "copy" in action:
        return "copy"
    return None


def _select(doc: JSONValue, query: str, ctx: _Context, what: str) -> list[Location]:
    """Normalised locations of the nodes `query` selects, each once, in first-selected order."""
    try:
        nodes = jsonpath_rfc9535.find(query, doc)
    except jsonpath_rfc9535.JSONPathError as exc:
        raise ctx.error(f"evaluating the {what} failed: {exc}") from exc
    # `$.a[0,0]` selects one node twice; acting on it twice would remove or append twice.
    return list(dict.fromkeys(tuple(node.location) for node in nodes))


def _copy_source(doc: JSONValue, query: str, ctx: _Context) -> Location:
    sources = _select(doc, query, ctx, "copy source")
    if len(sources) != 1:
        shown = ", ".join(map(_path, sources[:3])) + (", ..." if len(sources) > 3 else "")
        found = f"{len(sources)} nodes ({shown})" if sources else "nothing"
        raise ctx.error(f"copy source {query} matched {found}; it must select exactly one node")
    return sources[0]


def _require_containers(locations: list[Location], values: list[JSONValue], ctx: _Context) -> None:
    """Overlay 1.0: "The result of the target JSONPath expression MUST be zero or more objects or arrays"."""
    for loc, value in zip(locations, values, strict=True):
        if not isinstance(value, dict | list):
            raise ctx.error(
                f"target selected {_kind_name(value)} at {_path(loc)}; Overlay 1.0 targets must be objects "
                "or arrays (target the containing object, or declare overlay: 1.1.0)"
            )


# --- remove ---------------------------------------------------------------------------------


def _remove(doc: JSONValue, locations: list[Location], ctx: _Context) -> JSONValue:
    """Delete every selected node from the map or array that holds it.

    Parents are resolved before anything is deleted, and array elements go in descending index
    order, so removing `[0]` never shifts `[2]` onto the wrong element.
    """
    if () in locations:
        raise ctx.error("cannot remove the document root")
    chosen = set(locations)
    from_maps: list[tuple[dict[str, JSONValue], str]] = []
    from_arrays: dict[int, tuple[list[JSONValue], list[int]]] = {}
    for loc in locations:
        if any(loc[:i] in chosen for i in range(1, len(loc))):
            continue  # an ancestor is removed too, taking this node with it
        parent, key = _get(doc, loc[:-1]), loc[-1]
        if isinstance(parent, list) and isinstance(key, int):
            from_arrays.setdefault(id(parent), (parent, []))[1].append(key)
        else:
            from_maps.append((parent, str(key)))
    for mapping, name in from_maps:
        del mapping[name]
    for array, indexes in from_arrays.values():
        for i in sorted(indexes, reverse=True):
            del array[i]
    return doc


# --- update / copy --------------------------------------------------------------------------


def _merge_all(
    doc: JSONValue, locations: list[Location], values: list[JSONValue], value: JSONValue, ctx: _Context
) -> JSONValue:
    """Merge `value` into every selected node (update and copy share these rules)."""
    kinds = {_shape(v) for v in values}
    if ctx.version >= (1, 1) and len(kinds) > 1:
        raise ctx.error(
            f"target selected a mix of {', '.join(sorted(kinds))}; when several nodes are selected for "
            "update or copy they must be all objects, all arrays or all primitives"
        )
    for loc in locations:
        doc = _merge_at(doc, loc, value, ctx)
    return doc


def _merge_at(doc: JSONValue, loc: Location, value: JSONValue, ctx: _Context) -> JSONValue:
    current = _get(doc, loc)
    if isinstance(current, dict):
        if not isinstance(value, dict):
            raise ctx.error(
                f"cannot merge {_kind_name(value)} into the object at {_path(loc)}; it needs an object"
            )
        _merge_object(current, value, loc, ctx)
        return doc
    if isinstance(current, list):
        # An array is concatenated; anything else is appended as one element.
        current.extend(_clone(value) if isinstance(value, list) else [_clone(value)])
        return doc
    if isinstance(value, dict | list):
        raise ctx.error(
            f"cannot replace the primitive at {_path(loc)} with {_kind_name(value)}; it needs a primitive"
        )
    return _set(doc, loc, value)


def _merge_object(
    target: dict[str, JSONValue], patch: dict[str, JSONValue], loc: Location, ctx: _Context
) -> None:
    """The Overlay 1.1 recursive merge: insert new keys, replace primitives, concatenate arrays."""
    for key, new in patch.items():
        if key not in target:
            target[key] = _clone(new)
            continue
        old = target[key]
        old_shape, new_shape = _shape(old), _shape(new)
        if old_shape != new_shape:
            raise ctx.error(
                f"cannot merge {_kind_name(new)} into {_kind_name(old)} at {_path((*loc, key))} "
                "(only primitive/primitive, array/array and object/object combine)"
            )
        if new_shape == "objects":
            _merge_object(old, new, (*loc, key), ctx)
        elif new_shape == "arrays":
            old.extend(_clone(new))
        else:
            target[key] = new


# --- plain data helpers ---------------------------------------------------------------------


def _get(doc: JSONValue, loc: Location) -> JSONValue:
    node = doc
    for step in loc:
        node = node[step]
    return node


def _set(doc: JSONValue, loc: Location, value: JSONValue) -> JSONValue:
    """Put `value` at `loc` and return the (possibly new) root."""
    if not loc:
        return value
    _get(doc, loc[:-1])[loc[-1]] = value
    return doc


def _clone(value: JSONValue) -> JSONValue:
    """A deep copy that never shares a node (unlike `copy.deepcopy`, which keeps YAML-alias sharing)."""
    if isinstance(value, dict):
        return {k: _clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clone(v) for v in value]
    return value


def _shape(value: JSONValue) -> str:
    if isinstance(value, dict):
        return "objects"
    if isinstance(value, list):
        return "arrays"
    return "primitives"


def _kind_name(value: JSONValue) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


def _path(loc: Iterable[int | str]) -> str:
    """RFC 9535 normalized path, e.g. `$['paths']['/x'][0]`."""
    parts = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            escaped = step.replace("\\", "\\\\").replace("'", "\\'")
            parts.append(f"['{escaped}']")
    return "$" + "".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# --------------------------------------------------------------------------------------------
# Files and folders
# --------------------------------------------------------------------------------------------


def load_overlays(directory: str | Path) -> list[tuple[Path, JSONValue]]:
    """The overlay documents directly in `directory`, in file-name order, all validated.

    Picks up `*.yaml`, `*.yml` and `*.json`; subfolders and hidden files are ignored, so an
    `overlays/` folder can also hold code or templates. Raises `DocumentError` for a file that
    cannot be parsed and `OverlayError` for an invalid overlay, before any overlay is applied.

        >>> [p.name for p, _ in load_overlays("overlays")]  # doctest: +SKIP
        ['10-servers.yaml', '20-nullable.yaml']
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise DocumentError(f"{folder}: not a folder")
    files = sorted(
        (
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix in OVERLAY_SUFFIXES and not p.name.startswith(".")
        ),
        key=lambda p: p.name,
    )
    overlays = [(path, load_document(path)) for path in files]
    for path, overlay in overlays:
        validate_overlay(overlay, name=str(path))
    return overlays


def _collect(paths: Sequence[Path]) -> list[tuple[Path, JSONValue]]:
    """Files as given, folders expanded to their overlays in name order; all validated."""
    overlays: list[tuple[Path, JSONValue]] = []
    for path in paths:
        if path.is_dir():
            found = load_overlays(path)
            if not found:
                raise DocumentError(f"{path}: no overlay files (*.yaml, *.yml, *.json) in this folder")
            overlays.extend(found)
        else:
            overlay = load_document(path)
            validate_overlay(overlay, name=str(path))
            overlays.append((path, overlay))
    return overlays


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

_DESCRIPTION = """\
Apply OpenAPI Overlay documents (Overlay Specification 1.0.x / 1.1.x) to DOCUMENT and write the
result to OUTPUT.

Each OVERLAY is a file, or a folder whose *.yaml, *.yml and *.json files are applied in
file-name order (subfolders and hidden files are skipped). All overlays are validated before
any is applied. Actions run in order; a target that matches nothing is an error (the API moved)
unless the action has `x-optional: true`. Update and copy merge (objects merged, arrays
concatenated), never replace.

On any error, one `overlay: ...` line goes to stderr, the exit status is 1 and OUTPUT is left
as it was.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], project: Project) -> None:
    """Add the `overlay` subcommand to a `pipeline.py`-style parser.

    >>> parser = argparse.ArgumentParser(prog="pipeline.py")
    >>> register(parser.add_subparsers(dest="command"), project)  # doctest: +SKIP
    >>> args = parser.parse_args(["overlay", "doc.json", "overlays", "-o", "out.json"])  # doctest: +SKIP
    >>> args.func(args)  # doctest: +SKIP
    """
    try:
        default_dir = project.overlays_dir.relative_to(project.root)
    except ValueError:
        default_dir = project.overlays_dir
    parser = subparsers.add_parser(
        "overlay",
        usage="%(prog)s DOCUMENT OVERLAY [OVERLAY ...] -o OUTPUT",
        help="apply OpenAPI Overlay documents to a document",
        description=_DESCRIPTION,
        epilog=f"example: %(prog)s openapi/spec.json {default_dir} -o build/patched.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("document", metavar="DOCUMENT", type=Path, help="OpenAPI document (JSON or YAML)")
    parser.add_argument(
        "overlays",
        metavar="OVERLAY",
        nargs="+",
        type=Path,
        help=f"overlay file, or folder of overlay files (this project keeps them in {default_dir})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        type=Path,
        required=True,
        help="where to write the result: .json gives normalised JSON, .yaml/.yml gives YAML",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The `overlay` subcommand: 0 on success; 1 with one `overlay: ...` line on stderr otherwise."""
    output: Path = args.output
    try:
        if output.suffix not in OVERLAY_SUFFIXES:
            raise DocumentError(f"{output}: OUTPUT must end in .json, .yaml or .yml")
        overlays = _collect(args.overlays)
        document = load_document(args.document)
        result, reports = apply_overlays(document, overlays)
        text = dump_json(result) if output.suffix == ".json" else dump_yaml(result)
        write_atomic(output, text)
    except (DocumentError, OverlayError) as exc:
        print(f"overlay: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"overlay: {exc.filename or output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    actions = sum(len(r.actions) for r in reports)
    skipped = sum(r.skipped for r in reports)
    print(
        f"overlay: {_plural(len(reports), 'file')}, {_plural(actions, 'action')} "
        f"({skipped} optional skipped) -> {output}"
    )
    return 0
