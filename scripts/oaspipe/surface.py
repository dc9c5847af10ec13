"""What changed in the Python surface of a generated package between two regenerations.

A change harmless on the wire can still break Python callers: a renamed operationId renames a
module, a parameter dropped from the document removes a keyword argument, a property turned
required changes a constructor. `diff_surfaces` reads the old and the new package *statically* with
griffe (nothing is imported; each tree gets its own loader and modules collection, so two trees with
the same package name never share a cache) and compares what a caller can touch.

    changes = diff_surfaces(Path("generated"), Path(tmp) / "out")  # both folders hold salesmsg_client/

**Public surface.** Modules whose name does not start with `_` (`client`, `types`, `errors`
included). In a module: the names listed in `__all__` plus the names defined there that do not
start with `_`; an import counts only when `__all__` lists it (an "export", e.g.
`salesmsg_client.models.Message`). In a class: names not starting with `_`, dunder methods
(operators, context managers) and the constructor: `__init__`, or for an attrs class the one attrs
writes from its fields (private fields by their `alias`, `init=False` fields only as attributes).

**Findings** (ids `python-*`, levels from `oaspipe.changes`; `where` is the dotted path; parameter
findings name the function, or `Class.__init__`):

- Removed module / function / method / class / attribute / export / enum member: breaking. Added:
  non-breaking. What a removed (or added) module or class contains is not listed again.
- Renames: a removed and an added class (module) with the same members, matched one to one, are one
  breaking `python-class-renamed` (`python-module-renamed`). Names the class's own module defines
  (a model's `T = TypeVar(...)`) and self-references are compared relatively, so a model whose schema
  was renamed (`message.Message` → `chat_message.ChatMessage`) is one module rename. After a rename,
  annotations, exports and docstrings that only follow the new name are not reported.
- A path whose kind changed (function → class, method → property): breaking. A method that became
  (or stopped being) async, a classmethod or a staticmethod: breaking. A removed base class: breaking.
- Parameters: removed, renamed (same position, kind, type and requiredness), a new required one,
  became required, became keyword-only or positional-only, a new (or newly positional) parameter
  placed before one a caller passes by position, and positional parameters reordered: breaking.
  A new optional parameter at the end or among the keyword-only ones, became optional, and
  keyword-only → positional-or-keyword at the end: non-breaking.
- Default values: a changed default is **breaking**. A caller who relied on the default gets another
  behaviour without any error, which is what a major version has to announce.
- Types are compared as unions of canonical names: `int | None`, `Optional[int]` and
  `Union[int, None]` are equal; `bool` < `int` < `float` < `complex`; `Any` accepts everything and a
  missing annotation is `Any`; `Literal["a", "b"]` is the union of its values. Anything else that
  differs (`list[int]` → `list[int | str]`: `list` is invariant) is "changed". `Unset` goes with the
  `UNSET` default, so it is left out of a parameter's type (`X | Unset = UNSET` → `X` is "became
  required", not a type change).
  - parameter (the caller writes the value): widened non-breaking; narrowed or changed breaking;
  - return type (the caller reads the value): widened or changed **breaking**, since a typed caller
    must handle values it never saw (mypy fails, `match`/`isinstance` chains miss a case); narrowed
    non-breaking;
  - module and plain-class attribute (read): widened or changed breaking, narrowed non-breaking.
- attrs fields (the generated models and clients) are read *and* passed to the constructor, so a
  change can break one side only. Which sides matter is decided from use: a class reachable from an
  API function's parameter annotations (directly or through other classes' attributes) is an
  *input*; one reachable from a return annotation an *output*; one reachable from neither is both.
  - removed: breaking (always);
  - added required (no default): breaking for an input (constructors must pass it); non-breaking for
    an output-only class (readers gain a field; only code that builds response models, such as test
    fakes, must add it);
  - became required (`X | Unset` → `X`): breaking for an input, non-breaking for an output;
  - became optional (`X` → `X | Unset`): breaking for an output (readers now get `UNSET`),
    non-breaking for an input;
  - type widened: breaking for an output; narrowed: breaking for an input; changed: breaking;
  - default changed, no longer / now a constructor argument, keyword-only: breaking for an input;
  - constructor order: checked over the *required* fields only. The generated models list their
    optional fields alphabetically, so inserting one would make every new property breaking;
    passing optional model fields by position is not supported.
- Enum members: removed or value changed breaking; added non-breaking (the generated enums are open).
- Docstrings: at most one informational `python-docstring-changed` per module, and only for a module
  with no other finding (a signature change rewrites the "Args:" section anyway).

**Blind spots**: values of module attributes (a type alias or constant whose value changed),
overloads, inherited members (a class is compared on what it declares), a removed keyword still
accepted by `**kwargs`, attributes that changed between plain and property, names created
dynamically (module `__getattr__`), covariance inside generics (`Sequence[int]` →
`Sequence[int | str]` is "changed"), and behaviour behind an unchanged signature.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

import griffe

from oaspipe.changes import BREAKING, INFO, NON_BREAKING, Change, Level, sort_changes

__all__ = ["diff_surfaces", "load_package"]

Effect = Literal["same", "widened", "narrowed", "changed"]
Mapper = Callable[[str], str]

_POS_ONLY = griffe.ParameterKind.positional_only.value
_POS_OR_KW = griffe.ParameterKind.positional_or_keyword.value
_VAR_POS = griffe.ParameterKind.var_positional.value
_KW_ONLY = griffe.ParameterKind.keyword_only.value
_VAR_KW = griffe.ParameterKind.var_keyword.value
_POSITIONAL = (_POS_ONLY, _POS_OR_KW)
_VARIADIC = (_VAR_POS, _VAR_KW)

_ANY = frozenset({"Any", "typing.Any", "typing_extensions.Any"})
_LITERAL = frozenset({"typing.Literal", "typing_extensions.Literal", "Literal"})
# Implicit promotions a type checker accepts (PEP 484 numeric tower, bool subclassing int).
_PROMOTIONS = {"bool": ("int", "float", "complex"), "int": ("float", "complex"), "float": ("complex",)}
_ATTRS_DECORATORS = frozenset(
    f"{module}.{name}"
    for module in ("attrs", "attr")
    for name in ("define", "frozen", "mutable", "attrs", "s", "dataclass")
)
_ATTRS_FIELDS = frozenset({"attrs.field", "attr.field", "attr.ib", "attr.attrib", "attrs.attrib"})
_ENUM_BASES = frozenset({"enum.Enum", "enum.StrEnum", "enum.IntEnum", "enum.Flag", "enum.IntFlag"})
_METHOD_FLAGS = frozenset({"async", "classmethod", "staticmethod", "property"})
_DUNDER = re.compile(r"^__\w+__$")


# --- The surface: one flat map of dotted path -> node -------------------------------------------


@dataclass(frozen=True)
class _Type:
    """An annotation as a union: `parts` are (as written, canonical) pairs in source order."""

    parts: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return " | ".join(written for written, _ in self.parts) or "Any"

    def atoms(self, mapper: Mapper) -> frozenset[str]:
        found = frozenset(_map_names(canonical, mapper) for _, canonical in self.parts)
        return found or frozenset({"Any"})

    def without(self, canonical: str) -> _Type:
        return _Type(tuple(part for part in self.parts if part[1] != canonical))


_NO_TYPE = _Type(())
_DOTTED = re.compile(r"[A-Za-z_][\w.]*")


def _map_names(atom: str, mapper: Mapper) -> str:
    """Apply `mapper` to every dotted name of an atom: `list[a.Message]` → `list[b.ChatMessage]`."""
    if "[" not in atom:
        return mapper(atom)
    return _DOTTED.sub(lambda m: mapper(m.group()), atom)


@dataclass(frozen=True)
class _Param:
    name: str
    kind: str  # a griffe.ParameterKind value
    type: _Type  # `Unset` left out when the parameter has a default
    default: str | None  # None: required (or variadic)

    @property
    def required(self) -> bool:
        return self.default is None and self.kind not in _VARIADIC

    @property
    def shown(self) -> str:
        return {_VAR_POS: "*", _VAR_KW: "**"}.get(self.kind, "") + self.name

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return (self.name, self.kind, self.type.atoms(mapper), self.default)


@dataclass(frozen=True)
class _Node:
    path: str
    module: str  # the module the node is defined in (for the docstring summary)
    doc: str

    kind_label: ClassVar[str] = "object"

    @property
    def label(self) -> str:
        return self.kind_label

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        """What makes two nodes at different paths "the same" (rename matching); no path, no docs."""
        raise NotImplementedError


@dataclass(frozen=True)
class _Module(_Node):
    kind_label: ClassVar[str] = "module"

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return ("module",)


@dataclass(frozen=True)
class _Function(_Node):
    params: tuple[_Param, ...]
    returns: _Type
    flags: frozenset[str]
    method: bool
    param_refs: frozenset[str] = field(default=frozenset(), compare=False)
    return_refs: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def label(self) -> str:
        return "method" if self.method else "function"

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return (
            "function",
            tuple(p.key(mapper) for p in self.params),
            self.returns.atoms(mapper),
            self.flags,
        )


@dataclass(frozen=True)
class _Class(_Node):
    bases: tuple[str, ...]  # canonical paths
    flavour: Literal["attrs", "enum", "plain"]
    refs: frozenset[str] = field(default=frozenset(), compare=False)  # names in attribute annotations

    kind_label: ClassVar[str] = "class"

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return ("class", tuple(mapper(b) for b in self.bases), self.flavour)


@dataclass(frozen=True)
class _Attribute(_Node):
    """A module or class attribute that is not an attrs field (a constant, a property, ...)."""

    type: _Type
    prop: bool = False

    @property
    def label(self) -> str:
        return "property" if self.prop else "attribute"

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return ("attribute", self.type.atoms(mapper), self.prop)


@dataclass(frozen=True)
class _Field(_Node):
    """An attrs field: an attribute (when its name is public) and a constructor argument (when init)."""

    init_name: str | None  # the constructor argument (attrs strips a leading `_`; `alias=` wins)
    kw_only: bool
    type: _Type  # as read: `Unset` included
    default: str | None  # None: required in the constructor

    kind_label: ClassVar[str] = "attribute"

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[1]

    @property
    def readable(self) -> bool:
        return not self.name.startswith("_")

    @property
    def required(self) -> bool:
        return self.init_name is not None and self.default is None

    def ctor_type(self, unset: str) -> _Type:
        return self.type if self.default is None else self.type.without(unset)

    def as_param(self, unset: str) -> _Param:
        kind = _KW_ONLY if self.kw_only else _POS_OR_KW
        return _Param(self.init_name or self.name, kind, self.ctor_type(unset), self.default)

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return ("field", self.init_name, self.kw_only, self.type.atoms(mapper), self.default)


@dataclass(frozen=True)
class _Member(_Node):
    """An enum member."""

    value: str

    kind_label: ClassVar[str] = "enum member"

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return ("member", self.value)


@dataclass(frozen=True)
class _Export(_Node):
    """A name a module re-exports through `__all__` (`from salesmsg_client.models import Message`)."""

    target: str

    kind_label: ClassVar[str] = "export"

    def key(self, mapper: Mapper) -> tuple[object, ...]:
        return ("export", mapper(self.target))


@dataclass
class _Surface:
    package: str
    nodes: dict[str, _Node] = field(default_factory=dict)

    @property
    def unset(self) -> str:
        return f"{self.package}.types.Unset"

    def add(self, node: _Node) -> None:
        self.nodes[node.path] = node

    def descendants(self, path: str) -> Iterator[_Node]:
        prefix = path + "."
        return (node for p, node in self.nodes.items() if p.startswith(prefix))

    def directions(self, mapper: Mapper) -> tuple[set[str], set[str]]:
        """Classes used as input (reachable from parameters) and as output (from return types)."""
        refs = {
            mapper(n.path): {mapper(r) for r in n.refs} for n in self.nodes.values() if isinstance(n, _Class)
        }
        seeds_in: set[str] = set()
        seeds_out: set[str] = set()
        for node in self.nodes.values():
            if isinstance(node, _Function) and not node.method:
                seeds_in |= {mapper(r) for r in node.param_refs}
                seeds_out |= {mapper(r) for r in node.return_refs}
        return _closure(seeds_in, refs), _closure(seeds_out, refs)


def _closure(seeds: set[str], refs: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    todo = [s for s in seeds if s in refs]
    while todo:
        path = todo.pop()
        if path in found:
            continue
        found.add(path)
        todo.extend(r for r in refs[path] if r in refs and r not in found)
    return found


# --- Reading a package with griffe ---------------------------------------------------------------


def load_package(root: Path, package: str) -> griffe.Module:
    """Load `root/package` statically, in a loader and modules collection of its own (no cache shared)."""
    if not (root / package / "__init__.py").is_file():
        raise FileNotFoundError(f"no package {package!r} in {root}")
    loader = griffe.GriffeLoader(
        search_paths=[root],
        extensions=griffe.Extensions(),
        docstring_parser=None,
        modules_collection=griffe.ModulesCollection(),
        lines_collection=griffe.LinesCollection(),
        allow_inspection=False,
        store_source=False,
    )
    module = loader.load(package, try_relative_path=False)
    if not isinstance(module, griffe.Module):  # pragma: no cover - a package name always gives a module
        raise TypeError(f"{package!r} did not load as a module")
    _check_complete(module, root / package)
    return module


def _check_complete(package: griffe.Module, folder: Path) -> None:
    """griffe skips a module it cannot parse (logged at debug level): that must not read as "removed"."""
    loaded: set[Path] = set()
    todo = [package]
    while todo:
        module = todo.pop()
        if isinstance(module.filepath, Path):
            loaded.add(module.filepath.resolve())
        todo.extend(m for m in module.members.values() if not m.is_alias and isinstance(m, griffe.Module))
    for path in sorted(folder.rglob("*.py")):
        inside = path.parent.relative_to(folder).parts
        importable = "." not in path.stem and all(
            (folder.joinpath(*inside[:i]) / "__init__.py").is_file() for i in range(len(inside) + 1)
        )
        if importable and path.resolve() not in loaded:
            try:
                compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
                reason = "griffe could not load it"
            except (SyntaxError, ValueError) as exc:
                reason = str(exc)
            raise ValueError(f"cannot read {path}: {reason}")


def _doc(obj: griffe.Object) -> str:
    return obj.docstring.value if obj.docstring else ""


def _canonical(expr: str | griffe.Expr) -> str:
    """`Message` → `salesmsg_client.models.message.Message`; subscripts keep their structure."""
    if isinstance(expr, str):
        return expr
    if isinstance(expr, griffe.ExprName | griffe.ExprAttribute):
        return expr.canonical_path
    return "".join(_canonical(part) for part in expr.iterate(flat=False))


def _union(expr: str | griffe.Expr) -> Iterator[str | griffe.Expr]:
    if isinstance(expr, griffe.ExprBinOp) and expr.operator == "|":
        yield from _union(expr.left)
        yield from _union(expr.right)
    elif isinstance(expr, griffe.ExprSubscript) and expr.canonical_path in _LITERAL:
        values = expr.slice.elements if isinstance(expr.slice, griffe.ExprTuple) else [expr.slice]
        for value in values:
            yield griffe.ExprSubscript(expr.left, value)
    else:
        yield expr


def _type(annotation: str | griffe.Expr | None) -> _Type:
    if annotation is None:
        return _NO_TYPE
    if isinstance(annotation, griffe.Expr):
        annotation = annotation.modernize()  # Optional/Union → `|`, List → list
    parts: list[tuple[str, str]] = []
    for part in _union(annotation):
        canonical = _canonical(part)
        canonical = "Any" if canonical in _ANY else canonical
        if canonical not in (c for _, c in parts):
            parts.append((str(part), canonical))
    return _Type(tuple(parts))


def _names(expr: str | griffe.Expr | None) -> frozenset[str]:
    if not isinstance(expr, griffe.Expr):
        return frozenset()
    return frozenset(n.canonical_path for n in expr.iterate(flat=True) if isinstance(n, griffe.ExprName))


def _default(value: str | griffe.Expr | None) -> str | None:
    return None if value is None else str(value)


class _Reader:
    def __init__(self, package: str) -> None:
        self.surface = _Surface(package)

    def module(self, module: griffe.Module) -> None:
        path = module.path
        self.surface.add(_Module(path, path, _doc(module)))
        exports = {e if isinstance(e, str) else e.name for e in module.exports or ()}
        for name, member in module.members.items():
            if member.is_alias:
                if name in exports and isinstance(member, griffe.Alias):
                    self.surface.add(_Export(f"{path}.{name}", path, "", member.target_path))
                continue
            if isinstance(member, griffe.Module):
                if not name.startswith("_"):
                    self.module(member)
                continue
            if name.startswith("_") and name not in exports:
                continue
            self.member(member, path, in_class=None)

    def member(self, obj: griffe.Object | griffe.Alias, module: str, in_class: griffe.Class | None) -> None:
        if isinstance(obj, griffe.Function):
            self.function(obj, module, method=in_class is not None)
        elif isinstance(obj, griffe.Class):
            self.klass(obj, module)
        elif isinstance(obj, griffe.Attribute):
            prop = "property" in obj.labels
            self.surface.add(_Attribute(obj.path, module, _doc(obj), _type(obj.annotation), prop))

    def function(self, func: griffe.Function, module: str, *, method: bool) -> None:
        flags = frozenset(func.labels & _METHOD_FLAGS)
        params = list(func.parameters)
        if method and "staticmethod" not in flags and params and params[0].kind.value in _POSITIONAL:
            params = params[1:]  # self / cls
        converted = []
        for p in params:
            type_ = _type(p.annotation)
            if p.default is not None:
                type_ = type_.without(self.surface.unset)
            converted.append(_Param(p.name, p.kind.value, type_, _default(p.default)))
        self.surface.add(
            _Function(
                func.path,
                module,
                _doc(func),
                tuple(converted),
                _type(func.returns),
                flags,
                method,
                param_refs=frozenset().union(*(_names(p.annotation) for p in params)),
                return_refs=_names(func.returns),
            )
        )

    def klass(self, cls: griffe.Class, module: str) -> None:
        decorators = {d.callable_path: d for d in cls.decorators}
        bases = tuple(_canonical(b) for b in cls.bases)
        attrs = next((d for path, d in decorators.items() if path in _ATTRS_DECORATORS), None)
        flavour: Literal["attrs", "enum", "plain"] = (
            "attrs" if attrs else "enum" if any(b in _ENUM_BASES for b in bases) else "plain"
        )
        refs: set[str] = set()
        methods = [m for m in cls.members.values() if not m.is_alias and isinstance(m, griffe.Function)]
        class_kw_only = attrs is not None and _keyword(attrs.value, "kw_only") == "True"
        for name, member in cls.members.items():
            if member.is_alias or isinstance(member, griffe.Alias):
                continue
            if isinstance(member, griffe.Attribute) and "property" not in member.labels:
                refs |= _names(member.annotation)
                if flavour == "attrs" and self.attrs_field(
                    member, module, methods, class_kw_only=class_kw_only
                ):
                    continue
                if flavour == "enum" and not name.startswith("_") and member.value is not None:
                    self.surface.add(_Member(member.path, module, "", str(member.value)))
                    continue
            if name.startswith("_") and not (isinstance(member, griffe.Function) and _DUNDER.match(name)):
                continue
            self.member(member, module, in_class=cls)
        self.surface.add(_Class(cls.path, module, _doc(cls), bases, flavour, frozenset(refs)))

    def attrs_field(
        self, attr: griffe.Attribute, module: str, methods: list[griffe.Function], *, class_kw_only: bool
    ) -> bool:
        """Add `attr` as an attrs field; False when it is not one (ClassVar, set in a method)."""
        annotation = attr.annotation
        if annotation is None or (isinstance(annotation, griffe.Expr) and annotation.is_classvar):
            return False
        line = attr.lineno or 0
        if any(m.lineno is not None and m.lineno <= line <= (m.endlineno or m.lineno) for m in methods):
            return False  # `self.x = ...` inside a method
        init_name: str | None = attr.name.lstrip("_")
        kw_only = class_kw_only
        value = attr.value
        default: str | None = _default(value)
        if isinstance(value, griffe.ExprCall) and value.canonical_path in _ATTRS_FIELDS:
            default = _keyword(value, "default")
            factory = _keyword(value, "factory")
            if factory is not None:
                default = f"{factory}()"
            if _keyword(value, "init") == "False":
                init_name = None
            kw_only = (_keyword(value, "kw_only") or str(class_kw_only)) == "True"
            alias = _keyword(value, "alias")
            if alias is not None and init_name is not None:
                init_name = alias.strip("'\"")
        if init_name is None and attr.name.startswith("_"):
            return True  # private state, not part of the surface
        self.surface.add(_Field(attr.path, module, "", init_name, kw_only, _type(annotation), default))
        return True


def _keyword(value: str | griffe.Expr | None, name: str) -> str | None:
    if not isinstance(value, griffe.ExprCall):
        return None
    for argument in value.arguments:
        if isinstance(argument, griffe.ExprKeyword) and argument.name == name:
            return str(argument.value)
    return None


def _read_surface(root: Path, package: str) -> _Surface:
    reader = _Reader(package)
    reader.module(load_package(root, package))
    return reader.surface


# --- Comparing ----------------------------------------------------------------------------------


def _covered(atom: str, atoms: frozenset[str]) -> bool:
    return atom in atoms or "Any" in atoms or any(p in atoms for p in _PROMOTIONS.get(atom, ()))


def _compare(old: _Type, new: _Type, mapper: Mapper) -> Effect:
    before, after = old.atoms(mapper), new.atoms(lambda x: x)
    if before == after:
        return "same"
    grows = all(_covered(a, after) for a in before)
    shrinks = all(_covered(a, before) for a in after)
    if grows and shrinks:
        return "same"
    return "widened" if grows else "narrowed" if shrinks else "changed"


def _parent(path: str) -> str:
    return path.rsplit(".", 1)[0]


def _name(path: str) -> str:
    return path.rsplit(".", 1)[1]


def _a(label: str) -> str:
    return f"an {label}" if label[0] in "aeiou" else f"a {label}"


def _code(text: str) -> str:
    return f"`{text}`"


class _Differ:
    def __init__(self, old: _Surface, new: _Surface) -> None:
        self.old, self.new = old, new
        self.unset = new.unset
        self.found: list[tuple[Change, str]] = []  # (change, module it belongs to)
        self.class_map: dict[str, str] = {}
        self.module_map: dict[str, str] = {}
        self.inputs: set[str] = set()
        self.outputs: set[str] = set()

    # -- helpers

    def emit(self, id_: str, level: Level, where: str, text: str, module: str) -> None:
        self.found.append((Change(f"python-{id_}", level, where, text, "python"), module))

    def mapper(self, path: str) -> str:
        """An old canonical path as it reads in the new tree (renamed classes and modules)."""
        if path in self.class_map:
            return self.class_map[path]
        probe = path
        while "." in probe:
            probe = _parent(probe)
            if probe in self.module_map:
                return self.module_map[probe] + path[len(probe) :]
        return path

    def is_input(self, cls: str) -> bool:
        return cls in self.inputs or cls not in self.outputs

    def is_output(self, cls: str) -> bool:
        return cls in self.outputs or cls not in self.inputs

    # -- the run

    def run(self) -> list[Change]:
        old, new = self.old.nodes, self.new.nodes
        removed = [p for p in old if p not in new]
        added = [p for p in new if p not in old]
        replaced = [p for p in old if p in new and type(old[p]) is not type(new[p])]
        self.match_renames(removed, added)
        old_in, old_out = self.old.directions(self.mapper)
        new_in, new_out = self.new.directions(lambda x: x)
        self.inputs, self.outputs = old_in | new_in, old_out | new_out

        renamed_old = {**self.class_map, **self.module_map}
        renamed_new = {v: k for k, v in renamed_old.items()}
        paired_exports = self.pair_exports(removed, added)
        gone = set(removed) | set(replaced)
        came = set(added) | set(replaced)

        for path in replaced:
            if not self.covered_old(path, gone):
                a, b = old[path], new[path]
                self.emit(
                    "kind-changed", BREAKING, path, f"was {_a(a.label)}, is now {_a(b.label)}", b.module
                )
        for path, target in sorted(renamed_old.items()):
            if not self.inside_renamed(path, target, renamed_old):
                self.renamed(old[path], new[target])
        for path in removed:
            if path not in renamed_old and path not in paired_exports and not self.covered_old(path, gone):
                self.removed(old[path])
        for path in added:
            if path not in renamed_new and path not in paired_exports and not self.covered_new(path, came):
                self.added(new[path])
        for path, node in old.items():
            if path in new and type(new[path]) is type(node):
                self.common(node, new[path])
        self.docstrings()
        return sort_changes(change for change, _ in self.found)

    def covered_old(self, path: str, gone: set[str]) -> bool:
        """Whether an ancestor of `path` is already reported as removed, replaced or renamed."""
        probe = path
        while "." in probe:
            probe = _parent(probe)
            if probe in gone:
                return True
        return False

    @staticmethod
    def inside_renamed(path: str, target: str, renames: dict[str, str]) -> bool:
        """Whether a rename only follows the rename of a module or class around it."""
        probe = path
        while "." in probe:
            probe = _parent(probe)
            renamed = renames.get(probe)
            if renamed is not None and target.startswith(renamed + "."):
                return True
        return False

    def covered_new(self, path: str, came: set[str]) -> bool:
        probe = path
        while "." in probe:
            probe = _parent(probe)
            if probe in came:
                return True
        return False

    # -- renames

    def signature(self, surface: _Surface, path: str, mapper: Mapper) -> frozenset[tuple[object, ...]] | None:
        """A node's members, relative to it; None when empty (an empty thing is never matched).

        Names defined in the node's own module (a model's `T = TypeVar(...)`, the class itself in a
        self-reference) are written relative to it, so that a moved class still matches.
        """
        node = surface.nodes[path]
        home = path if isinstance(node, _Module) else node.module

        def local(atom: str) -> str:
            if atom == path:
                return "<self>"
            if not atom.startswith(home + "."):
                return mapper(atom)
            renamed = self.class_map.get(atom) if surface is self.old else None
            return "." + (_name(renamed) if renamed else atom[len(home) + 1 :])

        entries = []
        for child in surface.descendants(path):
            rel = child.path[len(path) + 1 :]
            head, _, tail = rel.partition(".")
            renamed = self.class_map.get(f"{path}.{head}") if surface is self.old else None
            if renamed is not None:
                rel = _name(renamed) + ("." + tail if tail else "")
            entries.append((rel, *child.key(local)))
        return frozenset(entries) if entries else None

    def unique_pairs(
        self, removed: list[str], added: list[str], kind: type[_Node], mapper: Mapper
    ) -> dict[str, str]:
        by_sig: dict[object, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for paths, surface, side in ((removed, self.old, 0), (added, self.new, 1)):
            for path in paths:
                node = surface.nodes[path]
                if not isinstance(node, kind):
                    continue
                members = self.signature(surface, path, mapper)
                if members is not None:
                    by_sig[(node.key(mapper), members)][side].append(path)
        return {olds[0]: news[0] for olds, news in by_sig.values() if len(olds) == 1 and len(news) == 1}

    def match_renames(self, removed: list[str], added: list[str]) -> None:
        self.class_map = self.unique_pairs(removed, added, _Class, lambda x: x)
        self.module_map = self.unique_pairs(removed, added, _Module, lambda x: self.class_map.get(x, x))

    def pair_exports(self, removed: list[str], added: list[str]) -> set[str]:
        """A re-export that follows a renamed class (`models.Message` → `models.ChatMessage`)."""
        paired: set[str] = set()
        targets = {(_parent(p), n.target): p for p in added if isinstance(n := self.new.nodes[p], _Export)}
        for path in removed:
            node = self.old.nodes[path]
            if isinstance(node, _Export) and node.target in self.class_map:
                match = targets.get((self.mapper(_parent(path)), self.class_map[node.target]))
                if match is not None:
                    paired |= {path, match}
        return paired

    def renamed(self, old: _Node, new: _Node) -> None:
        text = f"was renamed to {_code(new.path)}; the old name is gone"
        if isinstance(old, _Module):
            inner = [
                f"{_code(o.rsplit('.', 1)[1])} is now {_code(n.rsplit('.', 1)[1])}"
                for o, n in sorted(self.class_map.items())
                if _parent(o) == old.path and _parent(n) == new.path
            ]
            if inner:
                text += f" (class {', '.join(inner)})"
        self.emit(f"{old.label}-renamed", BREAKING, old.path, text, new.module)

    # -- removed / added

    def removed(self, node: _Node) -> None:
        if isinstance(node, _Field):
            if node.readable:
                extra = " (also from the constructor)" if node.init_name else ""
                self.emit("attribute-removed", BREAKING, node.path, f"attribute removed{extra}", node.module)
            else:
                where = f"{_parent(node.path)}.__init__"
                self.emit(
                    "parameter-removed", BREAKING, where, f"parameter `{node.init_name}` removed", node.module
                )
            return
        label = node.label.replace(" ", "-")
        what = {
            "module": "module removed; importing it fails",
            "export": f"no longer exported; `from {_parent(node.path)} import {_name(node.path)}` fails",
        }.get(node.label, f"{node.label} removed")
        self.emit(f"{label}-removed", BREAKING, node.path, what, node.module)

    def added(self, node: _Node) -> None:
        if isinstance(node, _Field):
            owner = _parent(node.path)
            if not node.readable:
                param = node.as_param(self.unset)
                self.added_param(f"{owner}.__init__", param, node.module, inserted_before=None)
                return
            if node.required:
                level = BREAKING if self.is_input(owner) else NON_BREAKING
                id_ = "attribute-added-required" if level == BREAKING else "attribute-added"
                self.emit(id_, level, node.path, "attribute added, required by the constructor", node.module)
            else:
                self.emit("attribute-added", NON_BREAKING, node.path, "attribute added", node.module)
            return
        label = node.label.replace(" ", "-")
        self.emit(f"{label}-added", NON_BREAKING, node.path, f"{node.label} added", node.module)

    def added_param(self, where: str, param: _Param, module: str, *, inserted_before: str | None) -> None:
        if param.required:
            self.emit(
                "parameter-added-required",
                BREAKING,
                where,
                f"required parameter `{param.name}` added; existing calls lack it",
                module,
            )
        elif inserted_before is not None:
            self.emit(
                "parameter-inserted",
                BREAKING,
                where,
                f"optional parameter `{param.name}` inserted before `{inserted_before}`; positions shift",
                module,
            )
        else:
            style = "keyword parameter" if param.kind == _KW_ONLY else "parameter"
            self.emit(
                "parameter-added", NON_BREAKING, where, f"optional {style} `{param.name}` added", module
            )

    # -- same path on both sides

    def common(self, old: _Node, new: _Node) -> None:
        where = new.path
        if isinstance(old, _Function) and isinstance(new, _Function):
            self.functions(old, new, where)
        elif isinstance(old, _Class) and isinstance(new, _Class):
            self.classes(old, new, where)
        elif isinstance(old, _Field) and isinstance(new, _Field):
            self.fields(old, new, where)
        elif isinstance(old, _Attribute) and isinstance(new, _Attribute):
            effect = _compare(old.type, new.type, self.mapper)
            if effect != "same":
                level = NON_BREAKING if effect == "narrowed" else BREAKING
                self.type_changed("attribute", level, where, effect, old.type, new.type, new.module, "type")
        elif isinstance(old, _Member) and isinstance(new, _Member):
            if old.value != new.value:
                text = f"value changed from {old.value} to {new.value}"
                self.emit("enum-member-value-changed", BREAKING, where, text, new.module)
        elif isinstance(old, _Export) and isinstance(new, _Export) and self.mapper(old.target) != new.target:
            text = f"now refers to {_code(new.target)} instead of {_code(old.target)}"
            self.emit("export-changed", BREAKING, where, text, new.module)

    def type_changed(
        self,
        id_: str,
        level: Level,
        where: str,
        effect: Effect,
        old: _Type,
        new: _Type,
        module: str,
        name: str,
    ) -> None:
        """`id_`: attribute, parameter or return; `name`: how the sentence starts."""
        text = f"{name} {effect} from `{old.text}` to `{new.text}`"
        if level == BREAKING:
            text += (
                {
                    "attribute": "; readers must handle the new values" if effect == "widened" else "",
                    "return": "; typed callers must handle the new values",
                    "parameter": "; some arguments are no longer accepted",
                }[id_]
                if effect != "changed"
                else ""
            )
        self.emit(f"{id_}-type-{effect}", level, where, text, module)

    def functions(self, old: _Function, new: _Function, where: str) -> None:
        for flag in sorted(old.flags ^ new.flags):
            now = "is now" if flag in new.flags else "is no longer"
            what = flag if flag == "async" else _a(flag)
            self.emit("function-kind-changed", BREAKING, where, f"{now} {what}", new.module)
        self.params(where, old.params, new.params, new.module)
        effect = _compare(old.returns, new.returns, self.mapper)
        if effect != "same":
            level = NON_BREAKING if effect == "narrowed" else BREAKING
            self.type_changed(
                "return", level, where, effect, old.returns, new.returns, new.module, "return type"
            )

    def params(self, where: str, old: Iterable[_Param], new: Iterable[_Param], module: str) -> None:
        before, after = list(old), list(new)
        old_by = {p.name: p for p in before}
        new_by = {p.name: p for p in after}
        gone = [p for p in before if p.name not in new_by]
        came = [p for p in after if p.name not in old_by]
        renames: dict[str, str] = {}
        for p in gone:
            index = before.index(p)
            q = after[index] if index < len(after) else None
            if (
                q is not None
                and q in came
                and q.kind == p.kind
                and q.required == p.required
                and q.type.atoms(lambda x: x) == p.type.atoms(self.mapper)
                and q.name not in renames.values()
            ):
                renames[p.name] = q.name
                self.emit(
                    "parameter-renamed",
                    BREAKING,
                    where,
                    f"parameter `{p.name}` renamed to `{q.name}`",
                    module,
                )
            else:
                self.emit("parameter-removed", BREAKING, where, f"parameter `{p.shown}` removed", module)
        positional_before = {renames.get(p.name, p.name) for p in before if p.kind in _POSITIONAL}
        positional_after = [p.name for p in after if p.kind in _POSITIONAL]

        def shifts(name: str) -> str | None:
            """The first parameter a caller passed by position that `name`, new in that role, now precedes."""
            if name in positional_before or name not in positional_after:
                return None
            later = positional_after[positional_after.index(name) + 1 :]
            return next((n for n in later if n in positional_before), None)

        for q in came:
            if q.name not in renames.values():
                self.added_param(where, q, module, inserted_before=shifts(q.name))
        for p in before:
            q = new_by.get(renames.get(p.name, p.name))
            if q is not None:
                self.param(where, p, q, module, inserted_before=shifts(q.name))
        # Positional parameters that both sides have must keep their relative order.
        kept = [renames.get(p.name, p.name) for p in before if p.kind in _POSITIONAL]
        kept = [n for n in kept if n in positional_after]
        order = [n for n in positional_after if n in kept]
        if kept != order:
            text = f"positional parameters reordered from ({', '.join(kept)}) to ({', '.join(order)})"
            self.emit("parameter-order-changed", BREAKING, where, text, module)

    def param(self, where: str, p: _Param, q: _Param, module: str, *, inserted_before: str | None) -> None:
        name = q.name
        if p.kind != q.kind and p.kind not in _VARIADIC and q.kind not in _VARIADIC:
            if q.kind == _KW_ONLY:
                self.emit(
                    "parameter-became-keyword-only",
                    BREAKING,
                    where,
                    f"parameter `{name}` became keyword-only; positional calls fail",
                    module,
                )
            elif q.kind == _POS_ONLY:
                self.emit(
                    "parameter-became-positional-only",
                    BREAKING,
                    where,
                    f"parameter `{name}` became positional-only; keyword calls fail",
                    module,
                )
            elif inserted_before is not None:
                text = f"parameter `{name}` can now be passed by position, before `{inserted_before}`"
                self.emit("parameter-inserted", BREAKING, where, text + "; positions shift", module)
            else:
                self.emit(
                    "parameter-kind-changed",
                    NON_BREAKING,
                    where,
                    f"parameter `{name}` can now be passed by position and by keyword",
                    module,
                )
        if p.required != q.required:
            if q.required:
                self.emit(
                    "parameter-became-required",
                    BREAKING,
                    where,
                    f"parameter `{name}` became required",
                    module,
                )
            else:
                text = f"parameter `{name}` became optional (default {q.default})"
                self.emit("parameter-became-optional", NON_BREAKING, where, text, module)
        elif p.default != q.default and not q.required:
            text = f"default of parameter `{name}` changed from {p.default} to {q.default}"
            self.emit("parameter-default-changed", BREAKING, where, text, module)
        effect = _compare(p.type, q.type, self.mapper)
        if effect != "same":
            level = NON_BREAKING if effect == "widened" else BREAKING
            self.type_changed(
                "parameter", level, where, effect, p.type, q.type, module, f"type of parameter `{name}`"
            )

    def classes(self, old: _Class, new: _Class, where: str) -> None:
        if old.flavour != new.flavour:
            names = {"attrs": "an attrs class", "enum": "an enum", "plain": "a plain class"}
            text = f"was {names[old.flavour]}, is now {names[new.flavour]}"
            self.emit("class-kind-changed", BREAKING, where, text, new.module)
        bases = [self.mapper(b) for b in old.bases]
        for base in bases:
            if base not in new.bases:
                self.emit(
                    "class-base-removed", BREAKING, where, f"no longer inherits from `{base}`", new.module
                )
        for base in new.bases:
            if base not in bases:
                self.emit(
                    "class-base-added", NON_BREAKING, where, f"now also inherits from `{base}`", new.module
                )
        if old.flavour == new.flavour == "attrs":
            self.constructor_order(old, new, where)

    def constructor_order(self, old: _Class, new: _Class, where: str) -> None:
        """Required positional fields (the ones callers pass by position) must keep their order."""

        def required(surface: _Surface, cls: str) -> list[str]:
            return [
                n.init_name
                for n in surface.nodes.values()
                if isinstance(n, _Field) and _parent(n.path) == cls and n.required and not n.kw_only
                if n.init_name
            ]

        before, after = required(self.old, old.path), required(self.new, new.path)
        kept = [n for n in before if n in after]
        order = [n for n in after if n in kept]
        if kept != order:
            level = BREAKING if self.is_input(new.path) else NON_BREAKING
            text = (
                f"required constructor arguments reordered from ({', '.join(kept)}) to ({', '.join(order)})"
            )
            self.emit("constructor-order-changed", level, f"{where}.__init__", text, new.module)

    def fields(self, old: _Field, new: _Field, where: str) -> None:
        owner = _parent(where)
        if not (old.readable and new.readable):
            if old.init_name and new.init_name:
                self.params(
                    f"{owner}.__init__", [old.as_param(self.unset)], [new.as_param(self.unset)], new.module
                )
            return
        inp = self.is_input(owner)
        out = self.is_output(owner)
        ctor_level = BREAKING if inp else NON_BREAKING
        module = new.module
        if old.init_name and not new.init_name:
            self.emit(
                "attribute-removed-from-constructor",
                ctor_level,
                where,
                "no longer a constructor argument",
                module,
            )
        elif new.init_name and not old.init_name:
            level = BREAKING if new.required and inp else NON_BREAKING
            text = "now a constructor argument" + (", required" if new.required else "")
            self.emit("attribute-added-to-constructor", level, where, text, module)
        elif old.init_name and new.init_name:
            if old.init_name != new.init_name:
                text = f"constructor argument renamed from `{old.init_name}` to `{new.init_name}`"
                self.emit("attribute-alias-changed", ctor_level, where, text, module)
            read_effect = _compare(old.type, new.type, self.mapper)
            if old.required and not new.required:
                level = BREAKING if out and read_effect in ("widened", "changed") else NON_BREAKING
                text = f"became optional (default {new.default})"
                if level == BREAKING:
                    text += f"; readers now get `{new.type.text}`"
                self.emit("attribute-became-optional", level, where, text, module)
            elif new.required and not old.required:
                text = "became required; constructors must pass it"
                self.emit("attribute-became-required", ctor_level, where, text, module)
            elif old.default != new.default and not new.required:
                text = f"default changed from {old.default} to {new.default}"
                self.emit("attribute-default-changed", ctor_level, where, text, module)
            if new.required and old.required and new.kw_only and not old.kw_only:
                self.emit("attribute-became-keyword-only", ctor_level, where, "became keyword-only", module)
        effect = _compare(old.ctor_type(self.unset), new.ctor_type(self.unset), self.mapper)
        if effect == "same":
            return
        if effect == "widened":
            level = BREAKING if out else NON_BREAKING
        elif effect == "narrowed":
            level = BREAKING if inp and new.init_name else NON_BREAKING
        else:
            level = BREAKING
        before, after = old.ctor_type(self.unset), new.ctor_type(self.unset)
        self.type_changed("attribute", level, where, effect, before, after, module, "type")

    # -- docstrings

    def docstrings(self) -> None:
        """One informational line per module whose docstrings alone changed (renamed classes aside)."""
        touched = {module for _, module in self.found}
        words = [(_name(o), _name(n)) for o, n in self.class_map.items() if _name(o) != _name(n)]
        pattern = re.compile("|".join(rf"\b{re.escape(o)}\b" for o, _ in words)) if words else None
        renamed = dict(words)

        def follow(doc: str) -> str:
            return pattern.sub(lambda m: renamed[m.group()], doc) if pattern else doc

        counts: dict[str, int] = defaultdict(int)
        for path, node in self.old.nodes.items():
            other = self.new.nodes.get(path)
            if other is not None and other.doc != node.doc and other.doc != follow(node.doc):
                counts[other.module] += 1
        for module, count in sorted(counts.items()):
            if module not in touched:
                text = (
                    f"docstrings changed ({count} {'place' if count == 1 else 'places'}); no signature change"
                )
                self.emit("docstring-changed", INFO, module, text, module)


def diff_surfaces(old_root: Path, new_root: Path, *, package: str = "salesmsg_client") -> list[Change]:
    """Changes to the public Python surface of `package` from `old_root/package` to `new_root/package`.

    Each root is a folder that contains the package folder (`generated/`, or a temporary folder with
    a fresh generation). Findings have `source="python"`, are sorted (breaking first) and unique.
    """
    old = _read_surface(Path(old_root), package)
    new = _read_surface(Path(new_root), package)
    return _Differ(old, new).run()
