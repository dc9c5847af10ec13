"""Tests for the Python-surface diff (`oaspipe.surface`): small old/new package trees, then the real one.

Every test asserts the whole output: (id, level, where, text) for each finding, in report order.
"""

from __future__ import annotations

import shutil
import textwrap
import time
from pathlib import Path

import pytest
from oaspipe.changes import Change
from oaspipe.surface import diff_surfaces

REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "generated"
B, NB, INF = "breaking", "non-breaking", "info"

TYPES = """
class Unset:
    def __bool__(self) -> bool:
        return False


UNSET: Unset = Unset()
"""

Row = tuple[str, str, str, str]


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in {"pkg/__init__.py": "", "pkg/types.py": TYPES, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def _rows(changes: list[Change]) -> list[Row]:
    assert all(c.source == "python" for c in changes)
    return [(c.id, c.level, c.where, c.text) for c in changes]


def _diff(tmp_path: Path, old: dict[str, str], new: dict[str, str]) -> list[Row]:
    return _rows(diff_surfaces(_tree(tmp_path / "old", old), _tree(tmp_path / "new", new), package="pkg"))


# --- modules, functions, classes, attributes, exports --------------------------------------------

CORE_OLD = '''
LIMIT: int = 10
NAME = "x"
_PRIVATE = 1


class Engine:
    """Runs."""

    speed: int = 1

    def run(self, n: int) -> None:
        pass

    def stop(self) -> None:
        pass

    def _hidden(self) -> None:
        pass


class Old:
    def a(self) -> None:
        pass


class Foo:
    x: int = 0

    def go(self, y: int) -> str:
        return ""


def start(e: Foo) -> Foo:
    pass


def finish() -> None:
    pass


def _internal() -> None:
    pass
'''

CORE_NEW = '''
LIMIT: int | None = 10
COUNT = 3


class Engine:
    """Runs."""

    speed: float = 1

    def run(self, n: int) -> None:
        pass

    def pause(self) -> None:
        pass

    def __len__(self) -> int:
        return 0


class New:
    def b(self) -> None:
        pass


class Bar:
    x: int = 0

    def go(self, y: int) -> str:
        return ""


def start(e: Bar) -> Bar:
    pass


def begin() -> None:
    pass


def _other() -> None:
    pass
'''


def test_members_removed_added_and_a_class_renamed(tmp_path: Path) -> None:
    old = {
        "pkg/__init__.py": 'from .core import Engine, start\n__all__ = ["Engine", "start"]\n',
        "pkg/core.py": CORE_OLD,
        "pkg/_private.py": "def anything() -> None:\n    pass\n",  # private module: not surface
        "pkg/gone/__init__.py": "",
        "pkg/gone/inner.py": "def f() -> None:\n    pass\n",  # folded into its package's removal
    }
    new = {
        "pkg/__init__.py": 'from .core import Engine, begin\n__all__ = ["Engine", "begin"]\n',
        "pkg/core.py": CORE_NEW,
        "pkg/fresh.py": "def g() -> None:\n    pass\n",
    }
    assert _diff(tmp_path, old, new) == [
        (
            "python-attribute-type-widened",
            B,
            "pkg.core.Engine.speed",
            "type widened from `int` to `float`; readers must handle the new values",
        ),
        ("python-method-removed", B, "pkg.core.Engine.stop", "method removed"),
        # Same members: one rename, and `start(e: Foo) -> Foo` → `Bar` is not a type change.
        ("python-class-renamed", B, "pkg.core.Foo", "was renamed to `pkg.core.Bar`; the old name is gone"),
        (
            "python-attribute-type-widened",
            B,
            "pkg.core.LIMIT",
            "type widened from `int` to `int | None`; readers must handle the new values",
        ),
        ("python-attribute-removed", B, "pkg.core.NAME", "attribute removed"),
        ("python-class-removed", B, "pkg.core.Old", "class removed"),
        ("python-function-removed", B, "pkg.core.finish", "function removed"),
        ("python-module-removed", B, "pkg.gone", "module removed; importing it fails"),
        ("python-export-removed", B, "pkg.start", "no longer exported; `from pkg import start` fails"),
        ("python-export-added", NB, "pkg.begin", "export added"),
        ("python-attribute-added", NB, "pkg.core.COUNT", "attribute added"),
        ("python-method-added", NB, "pkg.core.Engine.__len__", "method added"),
        ("python-method-added", NB, "pkg.core.Engine.pause", "method added"),
        ("python-class-added", NB, "pkg.core.New", "class added"),
        ("python-function-added", NB, "pkg.core.begin", "function added"),
        ("python-module-added", NB, "pkg.fresh", "module added"),
    ]


# --- function parameters and return types ---------------------------------------------------------

API_OLD = """
from .types import UNSET, Unset


def f(a: int, b: str, *, c: int | Unset = UNSET, d: str = "x", e: int = 1, g: int) -> int:
    pass


def h(a: int, b: int, c: int = 0) -> int | str:
    pass


def k(x: int, y: int = 1) -> int | None:
    pass


def m(p: int) -> list[int]:
    pass


def n(q: int, r: int = 0, *args: int, **kwargs: int) -> None:
    pass


def o(q: int, *, r: int = 0, s: "Optional[int]" = None) -> "Union[int, None]":
    pass


def o2(q: int, s: int = 0, *, r: int = 0) -> None:
    pass


def lit(mode: Literal["a", "b"] = "a") -> Literal["x"]:
    pass


class K:
    @classmethod
    def make(cls, v: int) -> "K":
        pass

    @staticmethod
    def helper(v: int) -> None:
        pass
"""

API_NEW = """
from .types import UNSET, Unset


def f(
    a: int | str,
    bb: str,
    *,
    c: int,
    d: str = "y",
    e: bool = 1,
    g: int = 3,
    new: int | Unset = UNSET,
    req: int,
) -> int | str:
    pass


def h(b: int, a: int, c: int = 0) -> int:
    pass


def k(x: int, z: int = 0, y: int = 1) -> str | None:
    pass


def m(p: float, /) -> list[int | str]:
    pass


def n(q: int, *, r: int = 0) -> None:
    pass


def o(q: int, r: int = 0, *, s: int | None = None) -> int | None:
    pass


def o2(q: int, r: int = 0, s: int = 0) -> None:
    pass


def lit(mode: Literal["a", "b", "c"] = "a") -> Literal["x", "y"]:
    pass


class K:
    def make(self, v: int) -> "K":
        pass

    @staticmethod
    def helper(w: int) -> None:
        pass
"""


def test_parameters_and_return_types(tmp_path: Path) -> None:
    typing = "from typing import Literal, Optional, Union\n"
    assert _diff(tmp_path, {"pkg/api.py": typing + API_OLD}, {"pkg/api.py": typing + API_NEW}) == [
        # Methods are compared without `self` / `cls`.
        ("python-parameter-renamed", B, "pkg.api.K.helper", "parameter `v` renamed to `w`"),
        ("python-function-kind-changed", B, "pkg.api.K.make", "is no longer a classmethod"),
        (
            "python-parameter-added-required",
            B,
            "pkg.api.f",
            "required parameter `req` added; existing calls lack it",
        ),
        # `c: int | Unset = UNSET` → `c: int`: requiredness, not a type change.
        ("python-parameter-became-required", B, "pkg.api.f", "parameter `c` became required"),
        (
            "python-parameter-default-changed",
            B,
            "pkg.api.f",
            "default of parameter `d` changed from 'x' to 'y'",
        ),
        ("python-parameter-renamed", B, "pkg.api.f", "parameter `b` renamed to `bb`"),
        (
            "python-parameter-type-narrowed",
            B,
            "pkg.api.f",
            "type of parameter `e` narrowed from `int` to `bool`; some arguments are no longer accepted",
        ),
        (
            "python-return-type-widened",
            B,
            "pkg.api.f",
            "return type widened from `int` to `int | str`; typed callers must handle the new values",
        ),
        (
            "python-parameter-order-changed",
            B,
            "pkg.api.h",
            "positional parameters reordered from (a, b, c) to (b, a, c)",
        ),
        (
            "python-parameter-inserted",
            B,
            "pkg.api.k",
            "optional parameter `z` inserted before `y`; positions shift",
        ),
        (
            "python-return-type-changed",
            B,
            "pkg.api.k",
            "return type changed from `int | None` to `str | None`",
        ),
        (
            "python-return-type-widened",
            B,
            "pkg.api.lit",
            "return type widened from `Literal['x']` to `Literal['x'] | Literal['y']`;"
            " typed callers must handle the new values",
        ),
        (
            "python-parameter-became-positional-only",
            B,
            "pkg.api.m",
            "parameter `p` became positional-only; keyword calls fail",
        ),
        # list is invariant: `list[int]` → `list[int | str]` is a change, not a widening.
        (
            "python-return-type-changed",
            B,
            "pkg.api.m",
            "return type changed from `list[int]` to `list[int | str]`",
        ),
        (
            "python-parameter-became-keyword-only",
            B,
            "pkg.api.n",
            "parameter `r` became keyword-only; positional calls fail",
        ),
        ("python-parameter-removed", B, "pkg.api.n", "parameter `**kwargs` removed"),
        ("python-parameter-removed", B, "pkg.api.n", "parameter `*args` removed"),
        # `r` was keyword-only; as a positional parameter before `s` it takes `s`'s place.
        (
            "python-parameter-inserted",
            B,
            "pkg.api.o2",
            "parameter `r` can now be passed by position, before `s`; positions shift",
        ),
        ("python-parameter-added", NB, "pkg.api.f", "optional keyword parameter `new` added"),
        ("python-parameter-became-optional", NB, "pkg.api.f", "parameter `g` became optional (default 3)"),
        (
            "python-parameter-type-widened",
            NB,
            "pkg.api.f",
            "type of parameter `a` widened from `int` to `int | str`",
        ),
        ("python-return-type-narrowed", NB, "pkg.api.h", "return type narrowed from `int | str` to `int`"),
        (
            "python-parameter-type-widened",
            NB,
            "pkg.api.lit",
            "type of parameter `mode` widened from `Literal['a'] | Literal['b']`"
            " to `Literal['a'] | Literal['b'] | Literal['c']`",
        ),
        # bool < int < float: a float parameter still takes every int.
        (
            "python-parameter-type-widened",
            NB,
            "pkg.api.m",
            "type of parameter `p` widened from `int` to `float`",
        ),
        # Optional/Union spellings are the same types; only the keyword-only → positional move shows.
        (
            "python-parameter-kind-changed",
            NB,
            "pkg.api.o",
            "parameter `r` can now be passed by position and by keyword",
        ),
    ]


# --- attrs models: input vs output, constructor aliases and order ------------------------------------

MODELS_OLD = '''
from __future__ import annotations

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .types import UNSET, Unset


@_attrs_define
class Body:
    """A request body."""

    name: str
    tag: str
    note: str | Unset = UNSET
    size: int | Unset = UNSET
    kind: int = 1
    gone: str | Unset = UNSET
    additional_properties: dict[str, object] = _attrs_field(init=False, factory=dict)


@_attrs_define
class Item:
    id: int
    title: str
    label: str | Unset = UNSET
    count: int | Unset = UNSET
    score: int | float | Unset = UNSET
    gone: str | Unset = UNSET


@_attrs_define
class Client:
    _base_url: str = _attrs_field(alias="base_url")
    token: str
    _timeout: float | None = _attrs_field(default=None, kw_only=True, alias="timeout")
    _state: int = _attrs_field(default=0, init=False)
'''

MODELS_NEW = '''
from __future__ import annotations

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .types import UNSET, Unset


@_attrs_define
class Body:
    """A request body, in other words."""

    name: str
    note: str
    tag: str
    needed: int
    size: int | str | Unset = UNSET
    kind: int = 2
    extra: int | Unset = UNSET
    additional_properties: dict[str, object] = _attrs_field(init=False, factory=dict)


@_attrs_define
class Item:
    id: int
    label: str
    needed: int
    title: str | Unset = UNSET
    count: int | str | Unset = UNSET
    score: int | Unset = UNSET
    extra: int | Unset = UNSET


@_attrs_define
class Client:
    token: str
    _base_url: str = _attrs_field(alias="base_url")
    _timeout: float | None = _attrs_field(default=5.0, kw_only=True, alias="timeout")
    _retries: int = _attrs_field(default=0, kw_only=True, alias="retries")
    _state: str = _attrs_field(default="", init=False)
'''

MODELS_API = """
from .models import Body, Client, Item


def send(*, client: Client, body: Body) -> Item:
    pass
"""


def test_attrs_fields_follow_the_side_a_model_is_used_on(tmp_path: Path) -> None:
    """`Body` and `Client` are inputs (parameters), `Item` an output (return type)."""
    old = {"pkg/models.py": MODELS_OLD, "pkg/api.py": MODELS_API}
    new = {"pkg/models.py": MODELS_NEW, "pkg/api.py": MODELS_API}
    assert _diff(tmp_path, old, new) == [
        (
            "python-attribute-removed",
            B,
            "pkg.models.Body.gone",
            "attribute removed (also from the constructor)",
        ),
        ("python-attribute-default-changed", B, "pkg.models.Body.kind", "default changed from 1 to 2"),
        (
            "python-attribute-added-required",
            B,
            "pkg.models.Body.needed",
            "attribute added, required by the constructor",
        ),
        (
            "python-attribute-became-required",
            B,
            "pkg.models.Body.note",
            "became required; constructors must pass it",
        ),
        (
            "python-constructor-order-changed",
            B,
            "pkg.models.Client.__init__",
            "required constructor arguments reordered from (base_url, token) to (token, base_url)",
        ),
        (
            "python-parameter-default-changed",
            B,
            "pkg.models.Client.__init__",
            "default of parameter `timeout` changed from None to 5.0",
        ),
        (
            "python-attribute-type-widened",
            B,
            "pkg.models.Item.count",
            "type widened from `int` to `int | str`; readers must handle the new values",
        ),
        (
            "python-attribute-removed",
            B,
            "pkg.models.Item.gone",
            "attribute removed (also from the constructor)",
        ),
        (
            "python-attribute-became-optional",
            B,
            "pkg.models.Item.title",
            "became optional (default UNSET); readers now get `str | Unset`",
        ),
        ("python-attribute-added", NB, "pkg.models.Body.extra", "attribute added"),
        (
            "python-attribute-type-widened",
            NB,
            "pkg.models.Body.size",
            "type widened from `int` to `int | str`",
        ),
        (
            "python-parameter-added",
            NB,
            "pkg.models.Client.__init__",
            "optional keyword parameter `retries` added",
        ),
        ("python-attribute-added", NB, "pkg.models.Item.extra", "attribute added"),
        (
            "python-attribute-became-required",
            NB,
            "pkg.models.Item.label",
            "became required; constructors must pass it",
        ),
        (
            "python-attribute-added",
            NB,
            "pkg.models.Item.needed",
            "attribute added, required by the constructor",
        ),
        (
            "python-attribute-type-narrowed",
            NB,
            "pkg.models.Item.score",
            "type narrowed from `int | float` to `int`",
        ),
    ]


def test_a_model_used_nowhere_counts_as_input_and_output(tmp_path: Path) -> None:
    model = """
    from attrs import define
    from .types import UNSET, Unset


    @define
    class Orphan:
        a: {a}
        b: {b}
    """
    old = {"pkg/orphan.py": model.format(a="int", b="int | Unset = UNSET")}
    new = {"pkg/orphan.py": model.format(a="int | str", b="int")}
    assert _diff(tmp_path, old, new) == [
        (
            "python-attribute-type-widened",
            B,
            "pkg.orphan.Orphan.a",
            "type widened from `int` to `int | str`; readers must handle the new values",
        ),
        (
            "python-attribute-became-required",
            B,
            "pkg.orphan.Orphan.b",
            "became required; constructors must pass it",
        ),
    ]


# --- enums, kind changes, module and class renames, docstrings --------------------------------------

MESSAGE = """
from __future__ import annotations

from typing import TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="{name}")


@_attrs_define
class {name}:
    \"\"\"
    Attributes:
        id (int):
        reply_to ({name} | Unset):
    \"\"\"

    id: int
    reply_to: {name} | Unset = UNSET

    def to_dict(self) -> dict[str, object]:
        return {{}}

    @classmethod
    def from_dict(cls: type[T], src_dict: dict[str, object]) -> T:
        return cls(id=1)
"""

COLOR_OLD = """
from enum import StrEnum


class Color(StrEnum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
"""

COLOR_NEW = """
from enum import StrEnum


class Color(StrEnum):
    RED = "red"
    GREEN = "verde"
    CYAN = "cyan"
"""

CLIENT_OLD = """
class Client:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def close(self) -> None:
        pass

    def size(self) -> int:
        return 1
"""

CLIENT_NEW = """
class Client:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    async def close(self) -> None:
        pass

    @property
    def size(self) -> int:
        return 1
"""


def _endpoint(model: str, module: str) -> str:
    return f'''
from ...client import Client
from ...models.{module} import {model}
from ...models.color import Color


def sync(id: int, *, client: Client, color: Color) -> {model} | None:
    """Get one {model}."""


async def asyncio(id: int, *, client: Client, color: Color) -> list[{model}] | None:
    """Get some, as a list of {model}."""
'''


def _reexport(*pairs: tuple[str, str]) -> str:
    imports = "".join(f"from .{module} import {name}\n" for module, name in pairs)
    return imports + f"__all__ = {tuple(name for _, name in pairs)!r}\n"


def test_enums_kinds_renamed_modules_and_docstrings(tmp_path: Path) -> None:
    old = {
        "pkg/client.py": CLIENT_OLD,
        "pkg/models/__init__.py": _reexport(("message", "Message"), ("color", "Color")),
        "pkg/models/message.py": MESSAGE.format(name="Message"),
        "pkg/models/color.py": COLOR_OLD,
        "pkg/api/__init__.py": "",
        "pkg/api/tags/__init__.py": '"""Tags."""',
        "pkg/api/tags/get_tag.py": _endpoint("Message", "message"),
        "pkg/api/tags/list_tags.py": _endpoint("Message", "message"),
        "pkg/api/users/__init__.py": '"""Users."""',
        "pkg/api/users/get_user.py": _endpoint("Message", "message"),
        "pkg/api/users/me.py": "def helper() -> int:\n    pass\n\n\nclass Thing:\n    pass\n",
        "pkg/api/docs.py": '"""Old words."""\n\n\ndef f(x: int) -> int:\n    """Old."""\n',
    }
    new = {
        "pkg/client.py": CLIENT_NEW,
        # The schema `Message` became `ChatMessage`: module, class and re-export renamed together.
        "pkg/models/__init__.py": _reexport(("chat_message", "ChatMessage"), ("color", "Color")),
        "pkg/models/chat_message.py": MESSAGE.format(name="ChatMessage"),
        "pkg/models/color.py": COLOR_NEW,
        "pkg/api/__init__.py": "",
        # The tag `tags` became `labels`: one rename for the package, none for its modules.
        "pkg/api/labels/__init__.py": '"""Tags."""',
        "pkg/api/labels/get_tag.py": _endpoint("ChatMessage", "chat_message"),
        "pkg/api/labels/list_tags.py": _endpoint("ChatMessage", "chat_message"),
        "pkg/api/users/__init__.py": '"""Users."""',
        # Annotations that name the renamed class are not reported.
        "pkg/api/users/get_user.py": _endpoint("ChatMessage", "chat_message"),
        "pkg/api/users/me.py": "class helper:\n    pass\n\n\ndef Thing() -> None:\n    pass\n",
        "pkg/api/docs.py": '"""New words."""\n\n\ndef f(x: int) -> int:\n    """New."""\n',
    }
    assert _diff(tmp_path, old, new) == [
        ("python-module-renamed", B, "pkg.api.tags", "was renamed to `pkg.api.labels`; the old name is gone"),
        ("python-kind-changed", B, "pkg.api.users.me.Thing", "was a class, is now a function"),
        ("python-kind-changed", B, "pkg.api.users.me.helper", "was a function, is now a class"),
        ("python-function-kind-changed", B, "pkg.client.Client.close", "is now async"),
        ("python-kind-changed", B, "pkg.client.Client.size", "was a method, is now a property"),
        ("python-enum-member-removed", B, "pkg.models.color.Color.BLUE", "enum member removed"),
        (
            "python-enum-member-value-changed",
            B,
            "pkg.models.color.Color.GREEN",
            "value changed from 'green' to 'verde'",
        ),
        (
            "python-module-renamed",
            B,
            "pkg.models.message",
            "was renamed to `pkg.models.chat_message`; the old name is gone"
            " (class `Message` is now `ChatMessage`)",
        ),
        ("python-enum-member-added", NB, "pkg.models.color.Color.CYAN", "enum member added"),
        # Docstring-only changes: one line per module, and none where the module has other findings.
        (
            "python-docstring-changed",
            INF,
            "pkg.api.docs",
            "docstrings changed (2 places); no signature change",
        ),
    ]


def test_ambiguous_renames_stay_removed_and_added(tmp_path: Path) -> None:
    """Two removed classes with the same members cannot be matched one to one."""
    cls = "class {}:\n    def go(self) -> None:\n        pass\n\n\n"
    old = {"pkg/m.py": cls.format("A") + cls.format("B")}
    new = {"pkg/m.py": cls.format("C") + cls.format("D")}
    assert _diff(tmp_path, old, new) == [
        ("python-class-removed", B, "pkg.m.A", "class removed"),
        ("python-class-removed", B, "pkg.m.B", "class removed"),
        ("python-class-added", NB, "pkg.m.C", "class added"),
        ("python-class-added", NB, "pkg.m.D", "class added"),
    ]


def test_each_tree_is_loaded_on_its_own(tmp_path: Path) -> None:
    """Same package name on both sides: no cache is shared; an absent or unreadable package is an error."""
    old = _tree(tmp_path / "old", {"pkg/a.py": "def f() -> None:\n    pass\n"})
    new = _tree(tmp_path / "new", {"pkg/a.py": "def g() -> None:\n    pass\n"})
    assert _rows(diff_surfaces(old, new, package="pkg")) == [
        ("python-function-removed", B, "pkg.a.f", "function removed"),
        ("python-function-added", NB, "pkg.a.g", "function added"),
    ]
    assert _rows(diff_surfaces(new, old, package="pkg")) == [
        ("python-function-removed", B, "pkg.a.g", "function removed"),
        ("python-function-added", NB, "pkg.a.f", "function added"),
    ]
    with pytest.raises(FileNotFoundError):
        diff_surfaces(old, tmp_path / "empty", package="pkg")
    # griffe skips a module it cannot parse; that is an error here, not a removed module.
    (new / "pkg" / "a.py").write_text("def g( -> None:\n    pass\n")
    with pytest.raises(ValueError, match=r"cannot read .*a\.py: invalid syntax"):
        diff_surfaces(old, new, package="pkg")


# --- the real package -------------------------------------------------------------------------------


def _copy_generated(tmp_path: Path) -> Path:
    root = tmp_path / "new"
    shutil.copytree(GENERATED / "salesmsg_client", root / "salesmsg_client")
    return root


def test_the_generated_package_against_a_copy_of_itself(tmp_path: Path) -> None:
    root = _copy_generated(tmp_path)
    start = time.perf_counter()
    assert diff_surfaces(GENERATED, root) == []
    assert time.perf_counter() - start < 5  # about half a second


def _edit(path: Path, old: str, new: str, count: int) -> None:
    text = path.read_text()
    assert text.count(old) == count, (path, old)
    path.write_text(text.replace(old, new))


def test_a_realistic_regeneration(tmp_path: Path) -> None:
    """One endpoint loses `stop_on_response` and gains `priority`, a model loses `icon`, a module goes."""
    root = _copy_generated(tmp_path)
    pkg = root / "salesmsg_client"
    send = pkg / "api" / "messages" / "send_message.py"
    # Five signatures: _get_kwargs (private) and the four public functions.
    _edit(send, "    stop_on_response: str | Unset = UNSET,\n", "", 5)
    _edit(send, "    message: str,\n", "    message: str,\n    priority: int | Unset = UNSET,\n", 5)
    _edit(send, "stop_on_response=stop_on_response,", "priority=priority,", 4)
    _edit(send, "stop_on_response (str | Unset):", "priority (int | Unset):", 4)
    _edit(send, 'params["stop_on_response"] = stop_on_response', 'params["priority"] = priority', 1)
    _edit(pkg / "models" / "message.py", "    icon: str | Unset = UNSET\n", "", 1)
    (pkg / "api" / "tags" / "update_tag.py").unlink()

    module = "salesmsg_client.api.messages.send_message"
    functions = ("asyncio", "asyncio_detailed", "sync", "sync_detailed")
    assert _rows(diff_surfaces(GENERATED, root)) == [
        *[
            ("python-parameter-removed", B, f"{module}.{name}", "parameter `stop_on_response` removed")
            for name in functions
        ],
        (
            "python-module-removed",
            B,
            "salesmsg_client.api.tags.update_tag",
            "module removed; importing it fails",
        ),
        (
            "python-attribute-removed",
            B,
            "salesmsg_client.models.message.Message.icon",
            "attribute removed (also from the constructor)",
        ),
        *[
            ("python-parameter-added", NB, f"{module}.{name}", "optional keyword parameter `priority` added")
            for name in functions
        ],
    ]
