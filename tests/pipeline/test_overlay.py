"""Tests for the Overlay engine (`oaspipe.overlay`): one test per rule of Overlay 1.0.0 / 1.1.0.

Documents and overlays are written inline as YAML so each test shows its whole input and its whole
expected output. Quotes from the specification are in the test docstrings.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
from oaspipe.documents import DocumentError, dump_json, parse_document
from oaspipe.overlay import (
    ActionReport,
    OverlayError,
    OverlayReport,
    apply_overlay,
    apply_overlays,
    load_overlays,
    register,
    validate_overlay,
)

from tests.pipeline.conftest import make_project

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"


def yaml(text: str) -> Any:
    """Parse an inline YAML snippet (dedented) into plain data."""
    return parse_document(textwrap.dedent(text), name="inline.yaml")


def overlay(*actions: dict[str, Any], version: str = "1.1.0") -> dict[str, Any]:
    """A minimal valid overlay around `actions`."""
    return {"overlay": version, "info": {"title": "test", "version": "1.0.0"}, "actions": list(actions)}


def apply(doc: Any, *actions: dict[str, Any], version: str = "1.1.0") -> Any:
    """Apply one overlay built from `actions` and return only the new document."""
    return apply_overlay(doc, overlay(*actions, version=version), name="test.yaml")[0]


def error_of(doc: Any, *actions: dict[str, Any], version: str = "1.1.0") -> str:
    with pytest.raises(OverlayError) as info:
        apply(doc, *actions, version=version)
    return str(info.value)


def invalid(ov: Any, name: str = "overlays/bad.yaml") -> str:
    with pytest.raises(OverlayError) as info:
        validate_overlay(ov, name=name)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    return message


# ============================================================================================
# Validation: the rules of schemas/v1.0/schema.yaml and schemas/v1.1/schema.yaml
# ============================================================================================


@pytest.mark.parametrize("version", ["1.0.0", "1.0.1", "1.0.17", "1.1.0", "1.1.3"])
def test_supported_versions_ignore_the_patch_number(version: str) -> None:
    """ "The patch version SHOULD NOT be considered by tooling"."""
    validate_overlay(overlay({"target": "$", "update": {}}, version=version), name="o.yaml")


@pytest.mark.parametrize(
    "version", ["2.0.0", "1.2.0", "0.9.0", "1.0", "1", "1.0.0-beta", "v1.0.0", "1.0.0 ", ""]
)
def test_unsupported_version_strings_are_rejected(version: str) -> None:
    message = invalid(overlay({"target": "$", "update": {}}, version=version))
    assert f"unsupported overlay version {version!r}" in message
    assert "1.0.x and 1.1.x" in message


def test_version_must_be_a_string_not_a_yaml_number() -> None:
    ov = yaml("""
        overlay: 1.0
        info: {title: t, version: '1'}
        actions: [{target: $, update: {}}]
    """)
    message = invalid(ov)
    assert "`overlay` must be a version string like 1.1.0, not a number 1.0" in message


def test_missing_overlay_version() -> None:
    ov = overlay({"target": "$", "update": {}})
    del ov["overlay"]
    assert "missing `overlay`" in invalid(ov)


@pytest.mark.parametrize("value", [[], "overlay: 1.1.0", None, 3])
def test_overlay_must_be_a_mapping(value: Any) -> None:
    assert "must be a mapping at the top level" in invalid(value)


def test_missing_info() -> None:
    ov = overlay({"target": "$", "update": {}})
    del ov["info"]
    assert "missing `info` (it needs `title` and `version`)" in invalid(ov)


def test_info_must_be_a_mapping() -> None:
    ov = overlay({"target": "$", "update": {}})
    ov["info"] = "title"
    assert "`info` must be a mapping, not a string" in invalid(ov)


@pytest.mark.parametrize("key", ["title", "version"])
def test_info_title_and_version_are_required(key: str) -> None:
    ov = overlay({"target": "$", "update": {}})
    del ov["info"][key]
    assert f"`info.{key}` is required and must be a string (missing)" in invalid(ov)


@pytest.mark.parametrize("key", ["title", "version"])
def test_info_title_and_version_must_be_strings(key: str) -> None:
    ov = overlay({"target": "$", "update": {}})
    ov["info"][key] = 1
    assert f"`info.{key}` is required and must be a string (a number, not a string)" in invalid(ov)


def test_info_description_is_a_1_1_field() -> None:
    ov = overlay({"target": "$", "update": {}}, version="1.1.0")
    ov["info"]["description"] = "What this overlay fixes"
    validate_overlay(ov, name="o.yaml")
    ov["overlay"] = "1.0.0"
    assert "unknown field 'description' in `info`" in invalid(ov)
    ov["overlay"] = "1.1.0"
    ov["info"]["description"] = 5
    assert "`info.description` must be a string" in invalid(ov)


def test_extends_must_be_a_string() -> None:
    ov = overlay({"target": "$", "update": {}})
    ov["extends"] = "./openapi.yaml"
    validate_overlay(ov, name="o.yaml")
    ov["extends"] = {"url": "x"}
    assert "`extends` must be a URI reference string, not an object" in invalid(ov)


def test_missing_actions() -> None:
    ov = overlay()
    del ov["actions"]
    assert "missing `actions`" in invalid(ov)


def test_actions_must_be_a_list() -> None:
    ov = overlay()
    ov["actions"] = {"target": "$", "update": {}}
    assert "`actions` must be a list, not an object" in invalid(ov)


def test_empty_actions() -> None:
    """ "The array MUST contain at least one value"."""
    assert "`actions` is empty; an overlay needs at least one action" in invalid(overlay())


def test_duplicate_actions_are_rejected() -> None:
    """Schema: `actions: {uniqueItems: true}` (key order does not make items different)."""
    ov = overlay(
        {"target": "$.info", "update": {"x-a": 1}},
        {"target": "$.paths", "remove": True},
        {"update": {"x-a": 1}, "target": "$.info"},
    )
    message = invalid(ov)
    assert message == (
        "overlays/bad.yaml: action #2 (target $.info): duplicate of action #0 (actions must be unique)"
    )


def test_uniqueness_uses_json_equality() -> None:
    """JSON Schema equality: 1 and 1.0 are the same number; true and 1 are different values."""
    same = overlay({"target": "$", "update": {"x": 1}}, {"target": "$", "update": {"x": 1.0}})
    assert "duplicate of action #0" in invalid(same)
    different = overlay({"target": "$", "update": {"x": 1}}, {"target": "$", "update": {"x": True}})
    validate_overlay(different, name="o.yaml")


def test_action_must_be_a_mapping() -> None:
    message = invalid(overlay({"target": "$", "update": {}}, "$.paths"))  # type: ignore[arg-type]
    assert message == "overlays/bad.yaml: action #1 (no target): an action must be a mapping, not a string"


def test_missing_target() -> None:
    message = invalid(overlay({"update": {"x": 1}}))
    assert message.startswith("overlays/bad.yaml: action #0 (no target): missing `target`")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (5, "(target 5): `target` must be a JSONPath string, not a number"),
        (["$"], "(target ['$']): `target` must be a JSONPath string, not an array"),
        ("paths.x", "(target paths.x): `target` must be a JSONPath query starting with $ (got 'paths.x')"),
        (
            "$.paths[",
            "(target $.paths[): `target` is not a valid RFC 9535 JSONPath query: unbalanced brackets",
        ),
        ("$.a[01]", "(target $.a[01]): `target` is not a valid RFC 9535 JSONPath query: leading zero"),
        ("$.a[?nope(@)]", "`target` is not a valid RFC 9535 JSONPath query: function 'nope' is not defined"),
        # Script expressions from pre-RFC JSONPath are not RFC 9535.
        ("$.paths[(@.length-1)]", "`target` is not a valid RFC 9535 JSONPath query"),
    ],
)
def test_bad_target(target: Any, expected: str) -> None:
    message = invalid(overlay({"target": target, "update": {}}))
    assert "action #0" in message
    assert expected in message


def test_bad_remove() -> None:
    message = invalid(overlay({"target": "$.a", "remove": "yes"}))
    assert message == "overlays/bad.yaml: action #0 (target $.a): `remove` must be true or false, not 'yes'"


def test_bad_description() -> None:
    assert "`description` must be a string" in invalid(
        overlay({"target": "$.a", "remove": True, "description": 1})
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (True, "`copy` must be a JSONPath string, not a boolean"),
        ("components.x", "`copy` must be a JSONPath query starting with $"),
        ("$.x[", "`copy` is not a valid RFC 9535 JSONPath query"),
    ],
)
def test_bad_copy(source: Any, expected: str) -> None:
    message = invalid(overlay({"target": "$.a", "copy": source}))
    assert message.startswith("overlays/bad.yaml: action #0 (target $.a): ")
    assert expected in message


def test_copy_is_rejected_in_1_0() -> None:
    """`copy` is new in 1.1.0; the 1.0 schema has no such field."""
    message = invalid(overlay({"target": "$.a", "copy": "$.b"}, version="1.0.2"))
    assert message == (
        "overlays/bad.yaml: action #0 (target $.a): "
        "`copy` needs overlay 1.1.0 or later; this overlay declares 1.0"
    )


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("root", "overlays/bad.yaml: unknown field 'components' in the overlay"),
        ("info", "overlays/bad.yaml: unknown field 'components' in `info`"),
        ("action", "overlays/bad.yaml: action #0 (target $): unknown field 'components' in the action"),
    ],
)
def test_unknown_fields_are_rejected(where: str, expected: str) -> None:
    """Schema: `unevaluatedProperties: false` with `^x-` pattern properties, at all three levels."""
    ov = overlay({"target": "$", "update": {}})
    {"root": ov, "info": ov["info"], "action": ov["actions"][0]}[where]["components"] = {}
    message = invalid(ov)
    assert message.startswith(expected)
    assert "x- extensions" in message


def test_extensions_are_allowed_everywhere() -> None:
    ov = overlay({"target": "$", "update": {}, "x-ticket": "API-1", "x-optional": True})
    ov["x-owner"] = {"team": "sdk"}
    ov["info"]["x-notes"] = None
    validate_overlay(ov, name="o.yaml")


def test_x_optional_must_be_a_boolean() -> None:
    message = invalid(overlay({"target": "$.a", "remove": True, "x-optional": "yes"}))
    assert message == "overlays/bad.yaml: action #0 (target $.a): `x-optional` must be true or false"


@pytest.mark.parametrize("action", [{"target": "$.a"}, {"target": "$.a", "remove": False}])
def test_action_that_does_nothing_is_rejected(action: dict[str, Any]) -> None:
    """Each action has "a modifier type (`update`, `remove`, or `copy`)"; `remove: false` is none."""
    message = invalid(overlay(action))
    assert message == (
        "overlays/bad.yaml: action #0 (target $.a): "
        "the action does nothing: it needs `update`, `copy` or `remove: true`"
    )


def test_spec_examples_validate() -> None:
    """The overlays printed in the 1.1.0 specification are valid (the traits one uses `?(...)`)."""
    for text in (
        """
        overlay: 1.1.0
        info: {title: Targeted Overlay, version: 1.0.0}
        actions:
          - target: $.paths['/foo'].get.description
            update: This is the new description
        """,
        """
        overlay: 1.0.0
        info: {title: Update many objects at once, version: 1.0.0}
        actions:
          - target: $.paths.*.get
            update: {x-safe: true}
          - target: $.paths.*.get.parameters[?@.name=='filter' && @.in=='query']
            update: {schema: {$ref: '#/components/schemas/filterSchema'}}
        """,
        """
        overlay: 1.0.0
        info: {title: Apply Traits, version: 1.0.0}
        actions:
          - target: $.paths[?(@.get['x-oai-traits'][?(@ == 'paged')])].get
            update: {parameters: [{name: top, in: query}]}
        """,
    ):
        validate_overlay(yaml(text), name="spec.yaml")


def test_apply_validates_before_changing_anything() -> None:
    """An invalid last action stops the overlay before its valid first action runs."""
    doc = {"a": {}}
    ov = overlay({"target": "$.missing", "update": {}}, {"target": "$.a", "remove": "no"})
    with pytest.raises(OverlayError, match=r"action #1 .*`remove` must be true or false"):
        apply_overlay(doc, ov, name="o.yaml")


# ============================================================================================
# update: "the update ... object is merged with the target object by recursively applying these steps"
# ============================================================================================

MERGE_DOC = """
    info:
      title: Old title
      contact: {name: API team, email: api@example.com}
      tags: [a]
      x-keep: kept
"""


def test_update_merges_every_rule_at_once() -> None:
    """Only in target: kept. Only in update: inserted. Both: primitive replaced, arrays
    concatenated, objects merged recursively."""
    result = apply(
        yaml(MERGE_DOC),
        {
            "target": "$.info",
            "update": {
                "title": "New title",
                "contact": {"email": "sdk@example.com", "url": "https://example.com"},
                "tags": ["b", "c"],
                "x-new": {"nested": [1]},
            },
        },
    )
    assert result == yaml("""
        info:
          title: New title
          contact: {name: API team, email: sdk@example.com, url: https://example.com}
          tags: [a, b, c]
          x-keep: kept
          x-new: {nested: [1]}
    """)


def test_property_only_in_target_is_left_unchanged() -> None:
    assert apply({"o": {"a": 1, "b": {"c": 2}}}, {"target": "$.o", "update": {}}) == {
        "o": {"a": 1, "b": {"c": 2}}
    }


def test_property_only_in_update_is_inserted() -> None:
    assert apply({"o": {"a": 1}}, {"target": "$.o", "update": {"b": [1, {"c": 2}]}}) == {
        "o": {"a": 1, "b": [1, {"c": 2}]}
    }


@pytest.mark.parametrize(
    ("old", "new"), [("s", "t"), (1, "1"), (True, False), (None, 3), (2.5, None), ("x", None)]
)
def test_primitive_replaces_primitive(old: Any, new: Any) -> None:
    """null is a primitive here: it replaces, and is replaced by, any primitive."""
    assert apply({"o": {"k": old}}, {"target": "$.o", "update": {"k": new}}) == {"o": {"k": new}}


def test_array_is_concatenated_with_array() -> None:
    assert apply({"o": {"k": [1, [2]]}}, {"target": "$.o", "update": {"k": [[3], 4]}}) == {
        "o": {"k": [1, [2], [3], 4]}
    }


def test_object_is_merged_recursively() -> None:
    doc = {"o": {"k": {"a": {"b": {"c": 1, "d": [1]}}}}}
    result = apply(doc, {"target": "$.o", "update": {"k": {"a": {"b": {"c": 2, "d": [2], "e": 3}}}}})
    assert result == {"o": {"k": {"a": {"b": {"c": 2, "d": [1, 2], "e": 3}}}}}


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [
        ({"a": 1}, "text", "cannot merge a string into an object"),
        ("text", {"a": 1}, "cannot merge an object into a string"),
        ([1], "text", "cannot merge a string into an array"),
        ("text", [1], "cannot merge an array into a string"),
        ({"a": 1}, [1], "cannot merge an array into an object"),
        ([1], {"a": 1}, "cannot merge an object into an array"),
        (None, {"a": 1}, "cannot merge an object into null"),
        ({"a": 1}, None, "cannot merge null into an object"),
        ([1], None, "cannot merge null into an array"),
    ],
)
def test_other_combinations_are_errors(old: Any, new: Any, what: str) -> None:
    """ "Other property value combinations are incompatible and result in an error"."""
    doc = {"paths": {"/x": {"get": {"k": old}}}}
    message = error_of(doc, {"target": "$.paths['/x'].get", "update": {"k": new}})
    assert message.startswith("test.yaml: action #0 (target $.paths['/x'].get): ")
    assert f"{what} at $['paths']['/x']['get']['k']" in message


def test_incompatible_combination_deep_inside_names_the_full_key_path() -> None:
    doc = {"a": {"b": {"it's": {"d": [1]}}}}
    message = error_of(doc, {"target": "$.a", "update": {"b": {"it's": {"d": {"e": 1}}}}})
    assert "cannot merge an object into an array at $['a']['b']['it\\'s']['d']" in message


@pytest.mark.parametrize(
    ("value", "name"), [([1], "an array"), ("x", "a string"), (None, "null"), (3, "a number")]
)
def test_object_target_needs_an_object_update(value: Any, name: str) -> None:
    """ "If the target selects object nodes, the value of this field MUST be an object"."""
    message = error_of({"o": {}}, {"target": "$.o", "update": value})
    assert f"cannot merge {name} into the object at $['o']; it needs an object" in message


def test_update_object_example_from_1_0() -> None:
    """1.0 "Targeted Overlay Example": target the containing object to change a primitive."""
    doc = yaml("""
        paths:
          /foo: {get: {description: old foo}}
          /bar: {get: {description: old bar}, post: {description: old post, x-safe: true}}
    """)
    ov = yaml("""
        overlay: 1.0.0
        info: {title: Targeted Overlay, version: 1.0.0}
        actions:
          - target: $.paths['/foo'].get
            update: {description: This is the new description}
          - target: $.paths['/bar'].get
            update: {description: This is the updated description}
          - target: $.paths['/bar']
            update:
              post: {description: This is an updated description of a child object, x-safe: false}
    """)
    assert apply_overlay(doc, ov, name="o.yaml")[0] == yaml("""
        paths:
          /foo: {get: {description: This is the new description}}
          /bar:
            get: {description: This is the updated description}
            post: {description: This is an updated description of a child object, x-safe: false}
    """)


def test_structured_overlay_on_the_root() -> None:
    """ "Structured Overlay Example": one update on `$` mirroring the document."""
    doc = yaml("""
        openapi: 3.1.0
        info: {title: API, version: '1'}
        paths:
          /: {get: {responses: {'200': {description: OK}}}}
          /pets: {get: {summary: old}}
    """)
    result = apply(
        doc,
        {
            "target": "$",
            "update": yaml("""
                info: {x-overlay-applied: structured-overlay}
                paths:
                  '/':
                    summary: The root resource
                    get: {summary: Retrieve the root resource, x-rate-limit: 100}
                  '/pets':
                    get: {summary: Retrieve a list of pets, x-rate-limit: 100}
            """),
        },
        version="1.0.0",
    )
    assert result == yaml("""
        openapi: 3.1.0
        info: {title: API, version: '1', x-overlay-applied: structured-overlay}
        paths:
          /:
            summary: The root resource
            get:
              responses: {'200': {description: OK}}
              summary: Retrieve the root resource
              x-rate-limit: 100
          /pets: {get: {summary: Retrieve a list of pets, x-rate-limit: 100}}
    """)


def test_wildcard_update_applies_to_every_selected_object() -> None:
    """ "Wildcard Overlay Example"."""
    doc = yaml("""
        paths:
          /a: {get: {parameters: [{name: filter, in: query}, {name: filter, in: header}]}}
          /b: {get: {parameters: [{name: page, in: query}]}, post: {}}
    """)
    ov = yaml("""
        overlay: 1.0.0
        info: {title: Update many objects at once, version: 1.0.0}
        actions:
          - target: $.paths.*.get
            update: {x-safe: true}
          - target: $.paths.*.get.parameters[?@.name=='filter' && @.in=='query']
            update: {schema: {$ref: '#/components/schemas/filterSchema'}}
    """)
    result, report = apply_overlay(doc, ov, name="o.yaml")
    assert result == yaml("""
        paths:
          /a:
            get:
              parameters:
                - {name: filter, in: query, schema: {$ref: '#/components/schemas/filterSchema'}}
                - {name: filter, in: header}
              x-safe: true
          /b: {get: {parameters: [{name: page, in: query}], x-safe: true}, post: {}}
    """)
    assert [a.matched for a in report.actions] == [2, 1]


def test_traits_example() -> None:
    """ "Traits Example" from 1.1.0, with its nested filter and the documented result."""
    doc = yaml("""
        openapi: 3.1.0
        info: {title: API with a paged collection, version: 1.0.0}
        paths:
          /items:
            get: {x-oai-traits: [paged], responses: {'200': {description: OK}}}
          /items/{id}/subitems:
            get:
              x-oai-traits: [paged]
              parameters: [{name: id, in: path, required: true}]
              responses: {'200': {description: OK}}
          /other:
            get: {responses: {'200': {description: OK}}}
    """)
    ov = yaml("""
        overlay: 1.1.0
        info: {title: Apply Traits, version: 1.0.0}
        actions:
          - target: $.paths[?(@.get['x-oai-traits'][?(@ == 'paged')])].get
            update:
              parameters: [{name: top, in: query}, {name: skip, in: query}]
    """)
    assert apply_overlay(doc, ov, name="o.yaml")[0] == yaml("""
        openapi: 3.1.0
        info: {title: API with a paged collection, version: 1.0.0}
        paths:
          /items:
            get:
              x-oai-traits: [paged]
              responses: {'200': {description: OK}}
              parameters: [{name: top, in: query}, {name: skip, in: query}]
          /items/{id}/subitems:
            get:
              x-oai-traits: [paged]
              parameters:
                - {name: id, in: path, required: true}
                - {name: top, in: query}
                - {name: skip, in: query}
              responses: {'200': {description: OK}}
          /other:
            get: {responses: {'200': {description: OK}}}
    """)


# --- update on arrays ------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
@pytest.mark.parametrize(
    ("update", "expected"),
    [
        (["b", "c"], ["a", "b", "c"]),  # an array is concatenated
        ([["b"]], ["a", ["b"]]),  # ... so a nested array becomes one element
        ([], ["a"]),
        ({"name": "b"}, ["a", {"name": "b"}]),  # an object is appended
        ("b", ["a", "b"]),  # a primitive is appended
        (None, ["a", None]),
    ],
)
def test_array_target_concatenates_an_array_and_appends_anything_else(
    version: str, update: Any, expected: list[Any]
) -> None:
    """1.1: "an array to concatenate with each selected array, or an object or primitive value to
    append". 1.0 only says "an entry to append"; every tool concatenates arrays, and so do we."""
    assert apply({"tags": ["a"]}, {"target": "$.tags", "update": update}, version=version) == {
        "tags": expected
    }


def test_add_an_array_element_example() -> None:
    """ "Array Modification Examples": add a parameter to every GET."""
    doc = yaml("""
        paths:
          /a: {get: {parameters: [{name: id, in: path}]}}
          /b: {get: {parameters: []}}
    """)
    result = apply(
        doc,
        {"target": "$.paths.*.get.parameters", "update": {"name": "newParam", "in": "query"}},
        version="1.0.0",
    )
    assert result == yaml("""
        paths:
          /a: {get: {parameters: [{name: id, in: path}, {name: newParam, in: query}]}}
          /b: {get: {parameters: [{name: newParam, in: query}]}}
    """)


def test_each_target_gets_its_own_copy_of_the_update() -> None:
    doc = {"a": {}, "b": {}, "c": []}
    result = apply(doc, {"target": "$['a','b']", "update": {"x": {"y": [1]}}})
    assert result["a"] == result["b"] == {"x": {"y": [1]}}
    assert result["a"]["x"] is not result["b"]["x"]
    result["a"]["x"]["y"].append(2)
    assert result["b"]["x"]["y"] == [1]


# --- update on primitives --------------------------------------------------------------------


def test_targeted_overlay_example_replaces_primitives_in_1_1() -> None:
    """1.1 "Targeted Overlay Example": "the value of this field MUST be a primitive value to
    replace each selected node"."""
    doc = yaml("""
        paths:
          /foo: {get: {description: old foo}}
          /bar: {get: {description: old bar}}
    """)
    ov = yaml("""
        overlay: 1.1.0
        info: {title: Targeted Overlay, version: 1.0.0}
        actions:
          - target: $.paths['/foo'].get.description
            update: This is the new description
          - target: $.paths['/bar'].get.description
            update: This is the updated description
          - target: $.paths['/bar']
            update:
              post: {description: This is an updated description of a child object, x-safe: false}
    """)
    assert apply_overlay(doc, ov, name="o.yaml")[0] == yaml("""
        paths:
          /foo: {get: {description: This is the new description}}
          /bar:
            get: {description: This is the updated description}
            post: {description: This is an updated description of a child object, x-safe: false}
    """)


@pytest.mark.parametrize(("old", "new"), [("a", 1), (1, None), (None, "x"), (True, "yes")])
def test_primitive_target_is_replaced_by_a_primitive(old: Any, new: Any) -> None:
    assert apply({"k": old, "other": old}, {"target": "$.k", "update": new}) == {"k": new, "other": old}


def test_several_primitive_targets_are_all_replaced() -> None:
    doc = {"paths": {"/a": {"get": {"summary": "a"}}, "/b": {"get": {"summary": "b"}}}}
    result = apply(doc, {"target": "$.paths.*.get.summary", "update": "same"})
    assert result == {"paths": {"/a": {"get": {"summary": "same"}}, "/b": {"get": {"summary": "same"}}}}


def test_primitive_array_items_can_be_replaced_in_1_1() -> None:
    assert apply({"tags": ["a", "dummy", "b"]}, {"target": "$.tags[?@ == 'dummy']", "update": "real"}) == {
        "tags": ["a", "real", "b"]
    }


def test_root_primitive_document_can_be_replaced() -> None:
    assert apply("old", {"target": "$", "update": "new"}) == "new"


@pytest.mark.parametrize(("value", "name"), [({"a": 1}, "an object"), ([1], "an array")])
def test_primitive_target_rejects_object_or_array_values(value: Any, name: str) -> None:
    message = error_of({"info": {"title": "t"}}, {"target": "$.info.title", "update": value})
    assert message == (
        f"test.yaml: action #0 (target $.info.title): cannot replace the primitive at $['info']['title'] "
        f"with {name}; it needs a primitive"
    )


@pytest.mark.parametrize(
    ("action", "fine_in_1_1"),
    [
        ({"target": "$.info.title", "update": "new"}, True),
        ({"target": "$.tags[?@ == 'dummy']", "remove": True}, True),
        ({"target": "$.info.x", "update": {}}, False),  # null is not an object either
    ],
)
def test_1_0_rejects_primitive_targets(action: dict[str, Any], fine_in_1_1: bool) -> None:
    """1.0: "The result of the target JSONPath expression MUST be zero or more objects or arrays
    (not primitive types or `null` values)"; primitive array items "cannot be replaced or removed
    individually"."""
    doc = {"info": {"title": "t", "x": None}, "tags": ["dummy"]}
    message = error_of(doc, action, version="1.0.0")
    assert message.startswith(f"test.yaml: action #0 (target {action['target']}): target selected ")
    assert "Overlay 1.0 targets must be objects or arrays" in message
    if fine_in_1_1:
        apply(doc, action, version="1.1.0")


@pytest.mark.parametrize(
    ("target", "mix"),
    [
        ("$.*", "arrays, objects, primitives"),
        ("$['obj','arr']", "arrays, objects"),
        ("$['obj','num']", "objects, primitives"),
        ("$['arr','num']", "arrays, primitives"),
    ],
)
def test_1_1_rejects_mixed_kinds_for_update(target: str, mix: str) -> None:
    """ "If the target JSONPath expression selects two or more nodes for an update or copy action,
    the selected nodes MUST be either all objects or all arrays or all primitives"."""
    doc = {"obj": {}, "arr": [], "num": 1}
    message = error_of(doc, {"target": target, "update": "x"})
    assert f"target selected a mix of {mix}" in message
    assert message.startswith(f"test.yaml: action #0 (target {target}): ")


def test_1_1_rejects_mixed_kinds_for_copy() -> None:
    doc = {"obj": {}, "arr": [], "src": {"a": 1}}
    assert "target selected a mix of arrays, objects" in error_of(
        doc, {"target": "$['obj','arr']", "copy": "$.src"}
    )


def test_1_1_allows_mixed_kinds_for_remove() -> None:
    assert apply(
        {"obj": {}, "arr": [], "num": 1, "keep": 0}, {"target": "$['obj','arr','num']", "remove": True}
    ) == {"keep": 0}


def test_1_0_mixed_objects_and_arrays_follow_each_nodes_rule() -> None:
    """1.0 has no all-the-same-kind rule: an object is merged, an array gets the value appended."""
    result = apply({"obj": {"a": 1}, "arr": [1]}, {"target": "$.*", "update": {"b": 2}}, version="1.0.0")
    assert result == {"obj": {"a": 1, "b": 2}, "arr": [1, {"b": 2}]}


# ============================================================================================
# remove: "each of the target nodes MUST be removed from the map or array it is contained in"
# ============================================================================================


def test_remove_from_a_map() -> None:
    doc = yaml("""
        paths:
          /public: {get: {}}
          /internal: {get: {}}
    """)
    assert apply(doc, {"target": "$.paths['/internal']", "remove": True}) == {
        "paths": {"/public": {"get": {}}}
    }


def test_remove_from_an_array() -> None:
    """ "Array Modification Examples": remove the parameter named dummy from every GET."""
    doc = yaml("""
        paths:
          /a: {get: {parameters: [{name: dummy}, {name: id}]}}
          /b: {get: {parameters: [{name: page}, {name: dummy}]}}
    """)
    result = apply(
        doc, {"target": "$.paths.*.get.parameters[?@.name == 'dummy']", "remove": True}, version="1.0.0"
    )
    assert result == yaml("""
        paths:
          /a: {get: {parameters: [{name: id}]}}
          /b: {get: {parameters: [{name: page}]}}
    """)


def test_remove_primitive_array_items_in_1_1() -> None:
    """ "This also works for primitive target nodes: `$.paths.*.get.tags[?@ == 'dummy']`"."""
    doc = {"paths": {"/a": {"get": {"tags": ["dummy", "x", "dummy"]}}, "/b": {"get": {"tags": ["y"]}}}}
    result = apply(doc, {"target": "$.paths.*.get.tags[?@ == 'dummy']", "remove": True})
    assert result == {"paths": {"/a": {"get": {"tags": ["x"]}}, "/b": {"get": {"tags": ["y"]}}}}


def test_remove_several_elements_of_one_array_in_descending_index_order() -> None:
    """Removing [0] first must not shift [2] onto the wrong element (the bump.sh bug)."""
    doc = yaml("""
        tags: [{name: a}, {name: b}, {name: c}, {name: d}, {name: e}]
    """)
    result = apply(
        doc, {"target": "$.tags[?@.name == 'a' || @.name == 'c' || @.name == 'e']", "remove": True}
    )
    assert result == {"tags": [{"name": "b"}, {"name": "d"}]}


def test_remove_by_index_selectors_in_any_order() -> None:
    doc = {"list": ["i0", "i1", "i2", "i3", "i4"]}
    assert apply(doc, {"target": "$.list[1, 3, -1]", "remove": True}) == {"list": ["i0", "i2"]}
    assert apply(doc, {"target": "$.list[4, 0, 2]", "remove": True}) == {"list": ["i1", "i3"]}


def test_remove_every_element() -> None:
    assert apply({"list": [1, 2, 3]}, {"target": "$.list[*]", "remove": True}) == {"list": []}


def test_the_same_node_selected_twice_is_removed_once() -> None:
    doc = {"value": ["one", "two", "three"]}
    result, report = apply_overlay(doc, overlay({"target": "$.value[0,0]", "remove": True}), name="o.yaml")
    assert result == {"value": ["two", "three"]}
    assert report.actions[0].matched == 1


def test_the_same_node_selected_twice_is_updated_once() -> None:
    result = apply({"a": [1]}, {"target": "$['a','a']", "update": [2]})
    assert result == {"a": [1, 2]}


def test_a_node_whose_ancestor_is_removed_is_skipped() -> None:
    doc = yaml("""
        components:
          schemas:
            Internal: {x-internal: true, properties: {secret: {x-internal: true}}}
            Public: {properties: {token: {x-internal: true}, id: {}}}
    """)
    result, report = apply_overlay(
        doc, overlay({"target": "$..[?@['x-internal'] == true]", "remove": True}), name="o"
    )
    assert result == {"components": {"schemas": {"Public": {"properties": {"id": {}}}}}}
    assert report.actions[0].matched == 3


def test_removals_in_and_under_one_array_do_not_disturb_each_other() -> None:
    """[0] goes, and so does a key inside [2]: the later node is found before anything moves."""
    doc = {"list": [{"drop": True}, {"id": 1}, {"id": 2, "inner": {"drop": True}}]}
    result = apply(doc, {"target": "$..[?@.drop == true]", "remove": True})
    assert result == {"list": [{"id": 1}, {"id": 2}]}


def test_removing_the_root_is_an_error() -> None:
    message = error_of({"a": 1}, {"target": "$", "remove": True})
    assert message == "test.yaml: action #0 (target $): cannot remove the document root"


def test_remove_false_is_the_same_as_absent() -> None:
    """`remove: false` does not remove (unlike tools that only check the key is present)."""
    assert apply({"o": {"a": 1}}, {"target": "$.o", "remove": False, "update": {"b": 2}}) == {
        "o": {"a": 1, "b": 2}
    }


# ============================================================================================
# Priority: remove > update > copy
# ============================================================================================


def test_remove_beats_update() -> None:
    """`update`: "This field has no impact if the remove field of this action object is true"."""
    result, report = apply_overlay(
        {"o": {"a": 1}, "p": 1}, overlay({"target": "$.o", "remove": True, "update": {"b": 2}}), name="o"
    )
    assert result == {"p": 1}
    assert report.actions[0].kind == "remove"


def test_remove_beats_copy() -> None:
    """`copy`: "This field has no impact if the remove field of this action object is true"."""
    result = apply({"o": {"a": 1}, "src": {"b": 2}}, {"target": "$.o", "remove": True, "copy": "$.src"})
    assert result == {"src": {"b": 2}}


def test_update_beats_copy() -> None:
    """`copy` has no impact "if the update field contains a value": its source is not even read."""
    result, report = apply_overlay(
        {"o": {"a": 1}}, overlay({"target": "$.o", "update": {"b": 2}, "copy": "$.nowhere"}), name="o"
    )
    assert result == {"o": {"a": 1, "b": 2}}
    assert report.actions[0].kind == "update"


def test_remove_beats_update_and_copy() -> None:
    result = apply({"o": {}, "s": {}}, {"target": "$.o", "remove": True, "update": {"a": 1}, "copy": "$.s"})
    assert result == {"s": {}}


# ============================================================================================
# copy (1.1): "A JSONPath expression selecting a single node to copy into the target nodes"
# ============================================================================================

COPY_SOURCE = """
    openapi: 3.1.0
    info: {title: Example API, version: 1.0.0}
    paths:
      /items:
        get: {responses: {'200': {description: OK}}}
      /some-items:
        delete: {responses: {'200': {description: OK}}}
"""


def test_simple_copy_example() -> None:
    ov = yaml("""
        overlay: 1.1.0
        info: {title: Copy contents of an existing path to a new location, version: 1.0.0}
        actions:
          - target: '$.paths["/some-items"]'
            copy: '$.paths["/items"]'
    """)
    assert apply_overlay(yaml(COPY_SOURCE), ov, name="o.yaml")[0] == yaml("""
        openapi: 3.1.0
        info: {title: Example API, version: 1.0.0}
        paths:
          /items:
            get: {responses: {'200': {description: OK}}}
          /some-items:
            get: {responses: {'200': {description: OK}}}
            delete: {responses: {'200': {description: OK}}}
    """)


def test_ensure_the_target_exists_and_copy_example() -> None:
    ov = yaml("""
        overlay: 1.1.0
        info: {title: Create a path and copy the contents of an existing path to the new path, version: 1.0.0}
        actions:
          - target: '$.paths'
            update: { "/other-items": {} }
          - target: '$.paths["/other-items"]'
            copy: '$.paths["/items"]'
    """)
    assert apply_overlay(yaml(COPY_SOURCE), ov, name="o.yaml")[0] == yaml("""
        openapi: 3.1.0
        info: {title: Example API, version: 1.0.0}
        paths:
          /items:
            get: {responses: {'200': {description: OK}}}
          /other-items:
            get: {responses: {'200': {description: OK}}}
          /some-items:
            delete: {responses: {'200': {description: OK}}}
    """)


def test_move_example() -> None:
    """ "Move Example": update (ensure the target exists), copy, remove."""
    ov = yaml("""
        overlay: 1.1.0
        info: {title: Update the path for an API endpoint, version: 1.0.0}
        actions:
          - target: '$.paths'
            update: { "/new-items": {} }
          - target: '$.paths["/new-items"]'
            copy: '$.paths["/items"]'
          - target: '$.paths["/items"]'
            remove: true
    """)
    result, report = apply_overlay(yaml(COPY_SOURCE), ov, name="o.yaml")
    assert result == yaml("""
        openapi: 3.1.0
        info: {title: Example API, version: 1.0.0}
        paths:
          /new-items:
            get: {responses: {'200': {description: OK}}}
          /some-items:
            delete: {responses: {'200': {description: OK}}}
    """)
    assert [a.kind for a in report.actions] == ["update", "copy", "remove"]


def test_copy_merges_and_never_replaces() -> None:
    doc = {"src": {"a": 1, "list": [1], "o": {"x": 1}}, "dst": {"a": 0, "b": 2, "list": [0], "o": {"y": 2}}}
    result = apply(doc, {"target": "$.dst", "copy": "$.src"})
    assert result == {
        "src": {"a": 1, "list": [1], "o": {"x": 1}},
        "dst": {"a": 1, "b": 2, "list": [0, 1], "o": {"y": 2, "x": 1}},
    }


def test_copy_source_matching_nothing_is_an_error() -> None:
    message = error_of({"dst": {}}, {"target": "$.dst", "copy": "$.missing"})
    assert message == (
        "test.yaml: action #0 (target $.dst): "
        "copy source $.missing matched nothing; it must select exactly one node"
    )


def test_copy_source_matching_two_nodes_is_an_error() -> None:
    message = error_of({"dst": {}, "s": [{"a": 1}, {"b": 2}]}, {"target": "$.dst", "copy": "$.s[*]"})
    assert message == (
        "test.yaml: action #0 (target $.dst): copy source $.s[*] matched 2 nodes ($['s'][0], $['s'][1]); "
        "it must select exactly one node"
    )


def test_copy_source_selecting_one_node_twice_is_one_node() -> None:
    assert apply({"dst": {}, "s": {"a": 1}}, {"target": "$.dst", "copy": "$['s','s']"}) == {
        "dst": {"a": 1},
        "s": {"a": 1},
    }


def test_copy_reads_a_snapshot_of_the_source() -> None:
    """libopenapi's "copy self snapshot" case: `a:[one], b:[]`, target `$.*`, copy `$.a`."""
    result = apply({"a": ["one"], "b": []}, {"target": "$.*", "copy": "$.a"})
    assert result == {"a": ["one", "one"], "b": ["one"]}


def test_copy_into_its_own_parent() -> None:
    result = apply({"x": {"y": {"z": 1}}}, {"target": "$.x", "copy": "$.x.y"})
    assert result == {"x": {"y": {"z": 1}, "z": 1}}


def test_copied_nodes_are_not_shared() -> None:
    result = apply({"src": {"o": {"k": 1}}, "d1": {}, "d2": {}}, {"target": "$['d1','d2']", "copy": "$.src"})
    assert result["d1"]["o"] is not result["src"]["o"]
    assert result["d1"]["o"] is not result["d2"]["o"]


def test_copy_into_an_array_appends_or_concatenates() -> None:
    doc = {"list": [1], "obj": {"a": 1}, "more": [2, 3]}
    assert apply(doc, {"target": "$.list", "copy": "$.obj"})["list"] == [1, {"a": 1}]
    assert apply(doc, {"target": "$.list", "copy": "$.more"})["list"] == [1, 2, 3]


def test_copy_primitive_into_primitive_replaces() -> None:
    doc = {"info": {"title": "old", "x-display-name": "New"}}
    assert apply(doc, {"target": "$.info.title", "copy": "$.info['x-display-name']"}) == {
        "info": {"title": "New", "x-display-name": "New"}
    }


def test_copy_with_an_incompatible_source_is_an_error() -> None:
    message = error_of({"dst": {}, "src": [1]}, {"target": "$.dst", "copy": "$.src"})
    assert "cannot merge an array into the object at $['dst']; it needs an object" in message
    message = error_of({"dst": {"k": [1]}, "src": {"k": "x"}}, {"target": "$.dst", "copy": "$.src"})
    assert "cannot merge a string into an array at $['dst']['k']" in message


# ============================================================================================
# Zero matches, x-optional, order, purity, report
# ============================================================================================


@pytest.mark.parametrize("modifier", [{"update": {}}, {"remove": True}, {"copy": "$.info"}])
def test_zero_matches_is_an_error_by_default(modifier: dict[str, Any]) -> None:
    """1.1 says the action "succeeds without changing the target document"; for a pipeline that
    means the vendor moved something, so this engine stops unless the action opts in."""
    ov = overlay({"target": "$.info", "update": {"x-a": 1}}, {"target": "$.paths['/x'].get", **modifier})
    with pytest.raises(OverlayError) as info:
        apply_overlay({"info": {}, "paths": {}}, ov, name="overlays/20-nullable.yaml")
    assert str(info.value) == (
        "overlays/20-nullable.yaml: action #1 (target $.paths['/x'].get): target matched nothing; "
        "the document has moved (mark the action with x-optional: true if that is expected)"
    )
    assert (info.value.name, info.value.index, info.value.target) == (
        "overlays/20-nullable.yaml",
        1,
        "$.paths['/x'].get",
    )


def test_x_optional_skips_an_action_that_matches_nothing() -> None:
    doc = {"info": {"title": "t"}}
    ov = overlay(
        {"target": "$.paths['/gone']", "remove": True, "x-optional": True},
        {"target": "$.info", "update": {"x-a": 1}, "x-optional": True},
        {"target": "$.webhooks", "update": {"x": {}}, "x-optional": True},
    )
    result, report = apply_overlay(doc, ov, name="o.yaml")
    assert result == {"info": {"title": "t", "x-a": 1}}
    assert report == OverlayReport(
        name="o.yaml",
        version="1.1.0",
        actions=[
            ActionReport(0, "$.paths['/gone']", "remove", 0, skipped=True),
            ActionReport(1, "$.info", "update", 1, skipped=False),
            ActionReport(2, "$.webhooks", "update", 0, skipped=True),
        ],
    )
    assert report.skipped == 2
    assert report.summary() == "o.yaml: 3 actions, 1 node matched, 2 optional skipped"


def test_x_optional_false_still_requires_a_match() -> None:
    assert "target matched nothing" in error_of({}, {"target": "$.a", "remove": True, "x-optional": False})


def test_x_optional_skip_does_not_read_the_copy_source() -> None:
    assert apply({}, {"target": "$.a", "copy": "$.missing", "x-optional": True}) == {}


def test_actions_run_in_order_delete_then_recreate() -> None:
    """ "This enables objects to be deleted in one action and then re-created in a subsequent action"."""
    doc = {"components": {"schemas": {"Pet": {"type": "object", "properties": {"id": {}, "name": {}}}}}}
    result = apply(
        doc,
        {"target": "$.components.schemas.Pet", "remove": True},
        {"target": "$.components.schemas", "update": {"Pet": {"type": "string"}}},
    )
    assert result == {"components": {"schemas": {"Pet": {"type": "string"}}}}


def test_an_action_sees_what_earlier_actions_created() -> None:
    result = apply(
        {},
        {"target": "$", "update": {"a": {}}},
        {"target": "$.a", "update": {"b": []}},
        {"target": "$.a.b", "update": "c"},
    )
    assert result == {"a": {"b": ["c"]}}


def test_input_document_and_overlay_are_not_mutated() -> None:
    doc = yaml(MERGE_DOC) | {"list": [{"n": 1}, {"n": 2}], "src": {"k": [1]}}
    ov = overlay(
        {"target": "$.info", "update": {"contact": {"name": "x"}, "tags": ["z"], "x-new": {"a": [1]}}},
        {"target": "$.list[0]", "remove": True},
        {"target": "$.info", "copy": "$.src"},
        {"target": "$.info.title", "update": "T"},
    )
    doc_before, ov_before = copy.deepcopy(doc), copy.deepcopy(ov)
    result, _ = apply_overlay(doc, ov, name="o.yaml")
    assert doc == doc_before
    assert ov == ov_before
    assert result != doc
    # Nothing in the result is shared with the overlay's update values either.
    result["info"]["x-new"]["a"].append(2)
    assert ov == ov_before


def test_shared_nodes_in_the_input_are_not_updated_twice() -> None:
    """A document built with shared sub-objects (as YAML aliases can be) is un-shared first."""
    shared = {"k": [1]}
    result = apply({"a": shared, "b": shared}, {"target": "$.a", "update": {"k": [2]}})
    assert result == {"a": {"k": [1, 2]}, "b": {"k": [1]}}


def test_report_counts_and_summary() -> None:
    ov = overlay(
        {"target": "$.paths.*", "update": {"x-seen": True}},
        {"target": "$.paths['/a']", "remove": True},
        {"target": "$.paths['/b']", "copy": "$.paths['/c']"},
    )
    doc = {"paths": {"/a": {}, "/b": {}, "/c": {"get": {}}}}
    result, report = apply_overlay(doc, ov, name="overlays/10-x.yaml")
    assert result == {"paths": {"/b": {"x-seen": True, "get": {}}, "/c": {"get": {}, "x-seen": True}}}
    assert report.actions == [
        ActionReport(0, "$.paths.*", "update", 3),
        ActionReport(1, "$.paths['/a']", "remove", 1),
        ActionReport(2, "$.paths['/b']", "copy", 1),
    ]
    assert (report.matched, report.skipped, report.version) == (5, 0, "1.1.0")
    assert report.summary() == "overlays/10-x.yaml: 3 actions, 5 nodes matched, 0 optional skipped"


def test_apply_overlays_applies_each_to_the_result_of_the_previous() -> None:
    first = overlay({"target": "$", "update": {"paths": {"/new": {}}}})
    second = overlay({"target": "$.paths['/new']", "update": {"get": {}}}, version="1.0.0")
    result, reports = apply_overlays({"paths": {}}, [(Path("a.yaml"), first), ("b.yaml", second)])
    assert result == {"paths": {"/new": {"get": {}}}}
    assert [r.name for r in reports] == ["a.yaml", "b.yaml"]


def test_apply_overlays_validates_all_before_applying_any() -> None:
    """The first overlay would fail when applied; the second's validation error is reported."""
    failing = overlay({"target": "$.missing", "remove": True})
    bad = overlay({"target": "$.a", "copy": "$.b"}, version="1.0.0")
    with pytest.raises(OverlayError) as info:
        apply_overlays({}, [("1.yaml", failing), ("2.yaml", bad)])
    assert str(info.value).startswith("2.yaml: action #0 (target $.a): `copy` needs overlay 1.1.0")


# ============================================================================================
# load_overlays
# ============================================================================================

VALID_YAML = """\
overlay: 1.1.0
info: {{title: {title}, version: '1'}}
actions:
  - target: $
    update: {{x-{title}: 1}}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_load_overlays_in_file_name_order_skipping_other_files(tmp_path: Path) -> None:
    for name in ("20-c.yml", "10-b.yaml", "2-a.json", "10-a.yaml"):
        title = name.split(".")[0]
        text = VALID_YAML.format(title=title)
        if name.endswith(".json"):
            text = json.dumps(parse_document(text, name="x.yaml"))
        write(tmp_path / name, text)
    write(tmp_path / "README.md", "not an overlay")
    write(tmp_path / "notes.txt", "overlay: nope")
    write(tmp_path / ".10-hidden.yaml", "broken: [")
    write(tmp_path / "salesmsg" / "00-in-subfolder.yaml", "broken: [")
    (tmp_path / "99-folder.yaml").mkdir()
    loaded = load_overlays(tmp_path)
    assert [p.name for p, _ in loaded] == ["10-a.yaml", "10-b.yaml", "2-a.json", "20-c.yml"]
    assert all(p.parent == tmp_path for p, _ in loaded)
    assert loaded[2][1]["info"]["title"] == "2-a"


def test_load_overlays_validates_every_file(tmp_path: Path) -> None:
    write(tmp_path / "10-ok.yaml", VALID_YAML.format(title="ok"))
    write(tmp_path / "20-bad.yaml", "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: []\n")
    with pytest.raises(OverlayError) as info:
        load_overlays(tmp_path)
    assert (
        str(info.value)
        == f"{tmp_path / '20-bad.yaml'}: `actions` is empty; an overlay needs at least one action"
    )


def test_load_overlays_reports_unparseable_files(tmp_path: Path) -> None:
    write(tmp_path / "10-broken.yaml", "overlay: [")
    with pytest.raises(DocumentError, match=r"10-broken\.yaml: invalid YAML"):
        load_overlays(tmp_path)


def test_load_overlays_of_an_empty_folder_and_a_missing_one(tmp_path: Path) -> None:
    assert load_overlays(tmp_path) == []
    with pytest.raises(DocumentError, match="not a folder"):
        load_overlays(tmp_path / "missing")


# ============================================================================================
# Command line
# ============================================================================================


def make_parser(root: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline.py")
    register(parser.add_subparsers(dest="command", required=True), make_project(root))
    return parser


def run_cli(root: Path, *argv: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    args = make_parser(root).parse_args(["overlay", *map(str, argv)])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    write(
        tmp_path / "spec.yaml", "openapi: 3.1.0\ninfo: {title: API, version: '1'}\npaths: {/a: {get: {}}}\n"
    )
    write(
        tmp_path / "overlays" / "10-info.yaml",
        "overlay: 1.1.0\ninfo: {title: info, version: '1'}\nactions:\n"
        "  - target: $.info\n    update: {x-audience: public}\n"
        "  - target: $.paths['/gone']\n    remove: true\n    x-optional: true\n",
    )
    write(
        tmp_path / "overlays" / "20-paths.json",
        json.dumps(
            overlay({"target": "$.paths['/a'].get", "update": {"operationId": "getA"}}, version="1.0.0")
        ),
    )
    write(tmp_path / "overlays" / "salesmsg" / "__init__.py", "")
    write(tmp_path / "overlays" / "templates" / "x.yaml", "not: an overlay")
    return tmp_path


EXPECTED = {
    "openapi": "3.1.0",
    "info": {"title": "API", "version": "1", "x-audience": "public"},
    "paths": {"/a": {"get": {"operationId": "getA"}}},
}


def test_cli_applies_a_folder_and_writes_normalised_json(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = workspace / "build" / "patched.json"
    code, out, err = run_cli(
        workspace, workspace / "spec.yaml", workspace / "overlays", "-o", out_file, capsys=capsys
    )
    assert (code, err) == (0, "")
    assert out == f"overlay: 2 files, 3 actions (1 optional skipped) -> {out_file}\n"
    assert out_file.read_text(encoding="utf-8") == dump_json(EXPECTED)


def test_cli_writes_yaml_for_a_yaml_output(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = workspace / "patched.yaml"
    code, _, _ = run_cli(
        workspace, workspace / "spec.yaml", workspace / "overlays", "--output", out_file, capsys=capsys
    )
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    assert not text.startswith("{")
    assert parse_document(text, name="patched.yaml") == EXPECTED


def test_cli_mixes_files_and_folders_in_the_order_given(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = write(
        workspace / "last.yaml", VALID_YAML.format(title="last").replace("x-last: 1", "info: {title: Last}")
    )
    out_file = workspace / "out.json"
    code, out, _ = run_cli(
        workspace, workspace / "spec.yaml", workspace / "overlays", last, "-o", out_file, capsys=capsys
    )
    assert code == 0
    assert out == f"overlay: 3 files, 4 actions (1 optional skipped) -> {out_file}\n"
    assert json.loads(out_file.read_text())["info"]["title"] == "Last"


def test_cli_single_file_wording(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = workspace / "out.json"
    code, out, _ = run_cli(
        workspace,
        workspace / "spec.yaml",
        workspace / "overlays" / "20-paths.json",
        "-o",
        out_file,
        capsys=capsys,
    )
    assert (code, out) == (0, f"overlay: 1 file, 1 action (0 optional skipped) -> {out_file}\n")


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (
            lambda ws: write(
                ws / "overlays" / "30-moved.yaml",
                "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n"
                "  - target: $.info\n    update: {}\n  - target: $.paths['/x'].get\n    update: {}\n",
            ),
            "/overlays/30-moved.yaml: action #1 (target $.paths['/x'].get): target matched nothing",
        ),
        (
            lambda ws: write(ws / "overlays" / "05-bad.yaml", "overlay: 2.0.0\n"),
            "/overlays/05-bad.yaml: unsupported overlay version '2.0.0'",
        ),
        (
            lambda ws: write(ws / "overlays" / "05-broken.yaml", "a: ["),
            "/overlays/05-broken.yaml: invalid YAML",
        ),
        (lambda ws: (ws / "spec.yaml").unlink(), "/spec.yaml: cannot read"),
        (lambda ws: write(ws / "spec.yaml", '{"openapi": '), "/spec.yaml: invalid YAML"),
    ],
)
def test_cli_errors_leave_the_output_alone(
    workspace: Path, capsys: pytest.CaptureFixture[str], setup: Any, expected: str
) -> None:
    out_file = write(workspace / "out.json", "previous\n")
    setup(workspace)
    code, out, err = run_cli(
        workspace, workspace / "spec.yaml", workspace / "overlays", "-o", out_file, capsys=capsys
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"overlay: {workspace}")
    assert expected in err
    assert err.count("\n") == 1
    assert out_file.read_text() == "previous\n"
    assert sorted(p.name for p in workspace.iterdir() if p.name.startswith(".out")) == []


def test_cli_rejects_an_unknown_output_extension(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = workspace / "out.txt"
    code, _, err = run_cli(
        workspace, workspace / "spec.yaml", workspace / "overlays", "-o", out_file, capsys=capsys
    )
    assert code == 1
    assert err == f"overlay: {out_file}: OUTPUT must end in .json, .yaml or .yml\n"
    assert not out_file.exists()


def test_cli_rejects_a_folder_without_overlays(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "empty").mkdir()
    code, _, err = run_cli(
        workspace, workspace / "spec.yaml", workspace / "empty", "-o", "x.json", capsys=capsys
    )
    assert code == 1
    assert err == f"overlay: {workspace / 'empty'}: no overlay files (*.yaml, *.yml, *.json) in this folder\n"


def test_cli_help_and_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        make_parser(tmp_path).parse_args(["overlay", "--help"])
    assert info.value.code == 0
    raw = capsys.readouterr().out
    text = " ".join(raw.split())
    assert raw.startswith("usage: pipeline.py overlay DOCUMENT OVERLAY [OVERLAY ...] -o OUTPUT\n")
    for phrase in (
        "file-name order",
        "x-optional: true",
        ".yaml/.yml gives YAML",
        "overlays",
        "--output OUTPUT",
        "exit status is 1",
    ):
        assert phrase in text
    with pytest.raises(SystemExit) as info:
        make_parser(tmp_path).parse_args(["overlay", "spec.json", "overlays"])
    assert info.value.code == 2
    assert "the following arguments are required: -o/--output" in capsys.readouterr().err


PARSER_SCRIPT = """
import argparse, sys
from pathlib import Path
from oaspipe.overlay import register
from oaspipe.project import Project
root = Path.cwd()
project = Project(root=root, default_api_version="1", api_versions=("1",), url_template="", url_env="X",
                  snapshot_template="s.json", overlays_dir=root / "overlays", templates_dir=root / "t",
                  generator_config=root / "c.yaml", output_dir=root / "g", package_name="p")
parser = argparse.ArgumentParser(prog="pipeline.py")
register(parser.add_subparsers(dest="command", required=True), project)
args = parser.parse_args(sys.argv[1:])
sys.exit(args.func(args))
"""


def test_cli_as_a_real_process(workspace: Path) -> None:
    env = {"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"}
    command = [str(PYTHON), "-c", PARSER_SCRIPT, "overlay", "spec.yaml", "overlays", "-o", "out/patched.json"]
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "overlay: 2 files, 3 actions (1 optional skipped) -> out/patched.json\n"
    assert (workspace / "out" / "patched.json").read_text() == dump_json(EXPECTED)

    write(
        workspace / "overlays" / "30-moved.yaml",
        VALID_YAML.format(title="t").replace("target: $", "target: $.x"),
    )
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "overlay: overlays/30-moved.yaml: action #0 (target $.x): target matched nothing; "
        "the document has moved (mark the action with x-optional: true if that is expected)\n"
    )
