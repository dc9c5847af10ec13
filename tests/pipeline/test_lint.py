"""Tests for the lint stage (`oaspipe.lint`), on documents from other vendors (`foreign_docs`).

The slow tests run the real generator and check that lint names exactly what it loses.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from foreign_docs import (
    RULE_TRIGGERS,
    TWILIO_COLLIDING_OPERATIONS,
    clean_document,
    rule_triggers_document,
    twilio_like_document,
)
from oaspipe.documents import DocumentError, dump_yaml
from oaspipe.lint import METHODS, Finding, default_config, lint_document, lint_file

REPO = Path(__file__).resolve().parents[2]


@functools.cache
def _lint(name: str) -> tuple[Finding, ...]:
    """Lint each builder's document once per session; the Twilio-like one takes about a second."""
    return tuple(lint_document(_document(name)))


def _document(name: str) -> dict[str, Any]:
    builders = {
        "twilio": twilio_like_document,
        "twilio-clean": lambda: twilio_like_document(inequality_filters=False),
        "triggers": rule_triggers_document,
        "triggers-no-crash": lambda: rule_triggers_document(crash=False),
        "triggers-importable": lambda: rule_triggers_document(crash=False, module_collision=False),
        "clean": clean_document,
    }
    return builders[name]()


def _pairs(findings: tuple[Finding, ...] | list[Finding]) -> set[tuple[str, str]]:
    return {(f.operation, f.rule) for f in findings}


def _operation_labels(doc: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(METHOD, path with `{}` for every parameter) -> label, including operations behind a path `$ref`."""
    labels = {}
    for path, item in doc["paths"].items():
        target = {}
        if "$ref" in item:  # only `#/paths/<escaped>` in these documents
            target = doc["paths"][item["$ref"].rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")]
        for method in METHODS:
            if method in item or method in target:
                labels[(method.upper(), re.sub(r"{[^}]*}", "{}", path))] = f"{method.upper()} {path}"
    return labels


# --------------------------------------------------------------------------------------------
# Rules, one trigger each (document (b))


@pytest.mark.parametrize("rule", sorted(RULE_TRIGGERS))
def test_rule_trigger(rule: str) -> None:
    found = {pair for pair in _pairs(_lint("triggers")) if pair[1] == rule}
    assert found == RULE_TRIGGERS[rule]


def test_rule_triggers_report_nothing_else() -> None:
    expected = set().union(*RULE_TRIGGERS.values())
    assert _pairs(_lint("triggers")) == expected


#: The consequence each trigger's message must state (the words the build log shows).
EFFECTS = {
    "GET /duplicate-a": "endpoint not generated",
    "GET /module-a": "endpoint not generated",
    "GET /tags-collision": "endpoint not generated",
    "GET /duplicate-parameter": "endpoint not generated",
    "POST /body-shadow": "does not import",
    "GET /content-parameter": "silently drops",
    "GET /component-content-parameter": "endpoint not generated",
    "GET /deep-object": "flattened into top-level keys",
    "GET /explode-false": "repeated keys",
    "GET /things/{missing}": "endpoint not generated",
    "GET /unused-path-parameter": "endpoint not generated",
    "GET /optional-path/{id}": "endpoint not generated",
    "GET /dotted/{file.name}": "literal text",
    "GET /path-item-ref": "endpoint not generated",
    "GET /header-array": "endpoint not generated",
    "GET /header-date": "endpoint not generated",
    "schema Channel": "generator crashes",
    "schema Separator": "silently dropped",
    "schema MixedEnum": "schema removed",
    "POST /text-body": "endpoint not generated",
    "GET /xml-response": "response 200 omitted",
    "GET /bad-status": "response abc omitted",
    "GET /missing-ref": "response 200 omitted",
    "GET /deep-ref": "response 200 omitted",
    "schema Contact Note": "schema removed",
    "schema Thing": "schema removed",
    "schema Reading": "schema removed",
    "schema HTTPError": "ImportError",
}


@pytest.mark.parametrize("operation", sorted(EFFECTS))
def test_trigger_message_states_the_consequence(operation: str) -> None:
    messages = [f.message for f in _lint("triggers") if f.operation == operation]
    assert messages, operation
    assert any(EFFECTS[operation] in m for m in messages), messages


def test_duplicate_module_names_the_overwritten_operation_only() -> None:
    by_op = {f.operation: f.message for f in _lint("triggers") if f.rule == "operation-id-duplicate"}
    assert "overwritten by GET /duplicate-b" in by_op["GET /duplicate-a"]
    assert "endpoint not generated" not in by_op["GET /duplicate-b"]
    assert "api/dups/list_widgets.py" in by_op["GET /module-a"]  # listWidgets and list_widgets


def test_collision_message_names_the_parameters() -> None:
    (finding,) = [f for f in _lint("triggers") if f.operation == "GET /tags-collision"]
    assert "query `tags`, query `tags[]` all become `tags`" in finding.message


def test_enum_messages_name_the_member() -> None:
    messages = {f.operation: f.message for f in _lint("triggers") if f.rule == "enum-key-collision"}
    assert "'sms', 'SMS' all become member `SMS`" in messages["schema Channel"]
    assert "'a_b' is silently dropped" in messages["schema Separator"]


def test_crashing_enum_adds_only_its_own_finding() -> None:
    without = list(_lint("triggers-no-crash"))
    assert [f for f in _lint("triggers") if f.operation != "schema Channel"] == without


def test_literal_enums_config_cannot_crash(tmp_path: Path) -> None:
    config_file = tmp_path / "generator.yaml"
    config_file.write_text("literal_enums: true\n")
    findings = lint_document(rule_triggers_document(), config=default_config(config_file))
    assert not [f for f in findings if f.rule == "enum-key-collision"]


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ({"swagger": "2.0", "paths": {}}, "Swagger 2.0"),
        ({"openapi": "3.2.0", "paths": {}}, "3.2.0"),
        ({"openapi": "3.0", "paths": {}}, "3.0"),
        (["not", "a", "mapping"], "not a mapping"),
    ],
)
def test_openapi_version_stops_everything_else(doc: Any, needle: str) -> None:
    (finding,) = lint_document(doc)
    assert (finding.operation, finding.rule) == ("document", "openapi-version")
    assert needle in finding.message


def test_document_the_generator_refuses() -> None:
    doc = clean_document()
    del doc["paths"]["/health"]["get"]["responses"]  # `responses` is required
    findings = lint_document(doc)
    assert _pairs(findings) == {("document", "document-invalid")}
    assert "responses" in findings[0].message


def _mini(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths,
            "components": {"schemas": schemas or {}}}  # fmt: skip


def test_dependants_of_a_dropped_schema_are_named() -> None:
    ok = {"description": "OK"}
    uses = {"200": {**ok, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Flag"}}}}}
    doc = _mini(
        {"/uses": {"get": {"operationId": "uses", "responses": uses}}},
        {
            "Flag": {"type": "object", "properties": {"on": {"enum": [True, False]}}},
            "Holder": {"type": "object", "properties": {"flag": {"$ref": "#/components/schemas/Flag"}}},
        },
    )
    findings = lint_document(doc)
    assert _pairs(findings) == {
        ("GET /uses", "schema-dropped"),
        ("schema Flag", "enum-value-type"),
        ("schema Holder", "schema-dropped"),
    }
    messages = {f.operation: f.message for f in findings}
    assert "response 200 omitted" in messages["GET /uses"]
    assert "depends on schema Flag" in messages["schema Holder"]


def test_clashes_with_the_generated_functions_own_names() -> None:
    def query(name: str) -> dict[str, Any]:
        return {"name": name, "in": "query", "schema": {"type": "string"}}

    header = {"name": "X-Id", "in": "header", "schema": {"type": "string"}}
    ok = {"200": {"description": "OK"}}

    def get(operation_id: str, *parameters: dict[str, Any]) -> dict[str, Any]:
        return {"get": {"operationId": operation_id, "parameters": list(parameters), "responses": ok}}

    doc = _mini(
        {
            # `client` is renamed `client_query`, which is then taken: endpoint skipped.
            "/renamed": get("renamed", query("client"), query("client_query")),
            "/reserved-ok": get("reservedOk", query("client"), query("url")),
            "/shadowed": get("shadowed", query("headers"), header),
        }
    )
    by_op = {f.operation: f for f in lint_document(doc)}
    assert set(by_op) == {"GET /renamed", "GET /shadowed"}
    assert "all become `client_query`" in by_op["GET /renamed"].message
    assert "endpoint not generated" in by_op["GET /renamed"].message
    assert "caller's value is never sent" in by_op["GET /shadowed"].message


def test_dangling_refs_outside_generated_code_still_reported() -> None:
    (finding,) = [f for f in _lint("triggers") if f.operation == "header RateLimit"]
    assert "#/components/schemas/RateLimitValue" in finding.message
    assert "#/components/headers/RateLimit/schema" in finding.message


# --------------------------------------------------------------------------------------------
# Clean and foreign documents


def test_clean_openapi_31_document_has_no_findings() -> None:
    assert _lint("clean") == ()


def test_twilio_like_document_has_twilio_traits() -> None:
    doc = _document("twilio")
    operations = [op for item in doc["paths"].values() for m, op in item.items() if m in METHODS]
    assert len(operations) >= 300
    assert all(item.get("servers") for item in doc["paths"].values())  # a host per product
    assert any("servers" in op for op in operations)
    assert any(op.get("deprecated") for op in operations)
    bodies = [op["requestBody"]["content"] for op in operations if "requestBody" in op]
    assert bodies and all(list(content) == ["application/x-www-form-urlencoded"] for content in bodies)
    listing = doc["paths"]["/2010-04-01/Accounts/{AccountSid}/Messages.json"]["get"]
    names = [p["name"] for p in listing["parameters"]]
    assert {"DateSent", "DateSent<", "DateSent>", "PageSize", "AccountSid"} <= set(names)
    assert len({op["operationId"] for op in operations}) == len(operations)


def test_twilio_like_flags_exactly_the_colliding_operations() -> None:
    findings = _lint("twilio")
    assert {f.operation for f in findings} == TWILIO_COLLIDING_OPERATIONS
    assert {f.rule for f in findings} == {"parameter-name-collision"}
    assert len(findings) == len(TWILIO_COLLIDING_OPERATIONS)
    (messages,) = [f.message for f in findings if f.operation.endswith("/Messages.json")]
    assert "query `DateSent`, query `DateSent<`, query `DateSent>` all become `date_sent`" in messages


def test_twilio_like_without_inequality_filters_is_clean() -> None:
    assert _lint("twilio-clean") == ()


def test_findings_are_deterministic_and_printable() -> None:
    doc = rule_triggers_document()
    first, second = lint_document(doc), lint_document(copy.deepcopy(doc))
    assert first == second == list(_lint("triggers"))
    assert doc == rule_triggers_document()  # the document is not modified
    finding = Finding("GET /x", "some-rule", "what happened")
    assert str(finding) == "GET /x: some-rule: what happened"


def test_findings_follow_document_order() -> None:
    operations = [f.operation for f in _lint("triggers")]
    assert operations.index("GET /no-operation-id") < operations.index("GET /bad-status")
    assert operations.index("GET /path-item-ref") < operations.index("schema Channel")
    assert operations.index("schema Channel") < operations.index("schema HTTPError")


def test_lint_file_reads_json_and_yaml(tmp_path: Path) -> None:
    doc = rule_triggers_document()
    (tmp_path / "doc.json").write_text(json.dumps(doc))
    (tmp_path / "doc.yaml").write_text(dump_yaml(doc))
    expected = list(_lint("triggers"))
    assert lint_file(tmp_path / "doc.json") == expected
    # dump_yaml sorts keys, so the paths (and the findings) come in another order.
    assert set(lint_file(tmp_path / "doc.yaml")) == set(expected)
    with pytest.raises(DocumentError):
        lint_file(tmp_path / "missing.json")


# --------------------------------------------------------------------------------------------
# CLI (through `register`, as scripts/pipeline.py will call it)

_CLI = textwrap.dedent(
    """
    import argparse, sys
    from pathlib import Path
    from oaspipe.lint import register
    from oaspipe.project import Project

    root = Path(sys.argv[1])
    project = Project(
        root=root, default_api_version="v1", api_versions=("v1",), url_template="https://x/{version}",
        url_env="LINT_TEST_URL", snapshot_template="doc-{version}.json", overlays_dir=root / "overlays",
        templates_dir=root / "templates", generator_config=root / "generator.yaml",
        output_dir=root / "out", package_name="pkg",
    )
    parser = argparse.ArgumentParser(prog="pipeline")
    register(parser.add_subparsers(dest="command", required=True), project)
    args = parser.parse_args(sys.argv[2:])
    sys.exit(args.func(args))
    """
)


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    return subprocess.run(
        [sys.executable, "-c", _CLI, str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
    )


@pytest.mark.slow
def test_cli(tmp_path: Path) -> None:
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps(clean_document()))
    result = _cli(tmp_path, "lint", str(clean))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"lint: {clean} ok (9 operations, 8 schemas)\n"

    triggers = tmp_path / "triggers.yaml"
    triggers.write_text(dump_yaml(rule_triggers_document()))
    result = _cli(tmp_path, "lint", str(triggers))
    expected = [str(f) for f in lint_file(triggers)]
    assert result.returncode == 1
    assert result.stdout.splitlines() == [*expected, f"lint: {len(expected)} findings in {triggers}"]
    assert set(expected) == {str(f) for f in _lint("triggers")}

    # The project's generator config is used when present: literal enums cannot crash.
    (tmp_path / "generator.yaml").write_text("literal_enums: true\npost_hooks: []\n")
    result = _cli(tmp_path, "lint", str(triggers))
    assert result.returncode == 1
    assert "schema Channel: enum-key-collision" not in result.stdout

    for unreadable in (tmp_path / "missing.json", tmp_path / "broken.json"):
        if unreadable.name == "broken.json":
            unreadable.write_text("{not json")
        result = _cli(tmp_path, "lint", str(unreadable))
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith("lint: ") and len(result.stderr.splitlines()) == 1

    result = _cli(tmp_path, "lint", "--help")
    assert result.returncode == 0
    assert "--generator-config" in result.stdout and "parameter-name-collision" in result.stdout


# --------------------------------------------------------------------------------------------
# Ground truth: the generator loses exactly what lint names


def _generate(doc: dict[str, Any], tmp: Path) -> subprocess.CompletedProcess[str]:
    (tmp / "doc.json").write_text(json.dumps(doc))
    (tmp / "config.yaml").write_text("post_hooks: []\n")  # no ruff: fast, and independent of PATH
    command = [
        sys.executable, "-m", "openapi_python_client", "generate", "--path", str(tmp / "doc.json"),
        "--meta", "none", "--output-path", str(tmp / "pkg"), "--config", str(tmp / "config.yaml"),
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp, timeout=300)


def _generated_modules(package: Path) -> dict[tuple[str, str], str]:
    """(METHOD, path with `{}` parameters) -> importable module name, read from each module."""
    modules = {}
    for file in sorted((package / "api").glob("*/*.py")):
        if file.name == "__init__.py":
            continue
        text = file.read_text()
        method = re.search(r'"method": "(\w+)"', text)
        url = re.search(r'"url": "([^"]*)"', text)
        assert method and url, file
        key = (method.group(1).upper(), re.sub(r"{[^}]*}", "{}", url.group(1)))
        modules[key] = ".".join((package.name, *file.relative_to(package).with_suffix("").parts))
    return modules


_IMPORT_ALL = """
import importlib, json, sys
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = repr(exc)
print(json.dumps(failed))
"""


def _import_failures(tmp: Path, modules: list[str]) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(tmp)}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *modules],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    failures: dict[str, str] = json.loads(result.stdout)
    return failures


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["twilio", "twilio-clean", "triggers", "triggers-no-crash", "triggers-importable", "clean"]
)
def test_generator_loses_exactly_what_lint_names(name: str, tmp_path: Path) -> None:
    doc = _document(name)
    findings = _lint(name)
    result = _generate(doc, tmp_path)
    output = result.stdout + result.stderr
    predicts_crash = any("generator crashes" in f.message for f in findings)
    if result.returncode != 0:
        assert "Traceback" in output or "Error" in output
        assert predicts_crash, output[-2000:]
        assert not (tmp_path / "pkg" / "api").exists()
        return
    assert not predicts_crash

    # Every operation whose module is missing (never written, or overwritten) is named as lost.
    labels = _operation_labels(doc)
    modules = _generated_modules(tmp_path / "pkg")
    assert set(modules) <= set(labels)
    lost = {label for key, label in labels.items() if key not in modules}
    predicted_lost = {f.operation for f in findings if "endpoint not generated" in f.message}
    assert lost == predicted_lost

    # Every operation and schema the generator warns about carries a finding.
    flagged = {f.operation for f in findings}
    warned = {f"{m} {p}" for m, p in re.findall(r"WARNING parsing (\w+) (\S+) within", output)}
    assert warned <= flagged
    schemas = set(re.findall(r"Unable to (?:parse|process) schema /components/schemas/([^\n:]+)", output))
    assert {f"schema {s}" for s in schemas} <= flagged
    if not findings:
        assert "Warning" not in output

    # Importability: a module lint says does not import is exactly one that fails.
    if name in ("twilio-clean", "triggers-importable", "clean"):
        failures = _import_failures(tmp_path, sorted(modules.values()))
        failed_ops = {labels[key] for key, module in modules.items() if module in failures}
        expected = {f.operation for f in findings if "does not import" in f.message}
        assert failed_ops == expected, failures


_ENCODINGS_PATHS: dict[str, Any] = {
    f"/{name}": {
        "post": {
            "operationId": name,
            "requestBody": {
                **({"required": True} if name.startswith("req") else {}),
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/A"}},
                    "application/x-www-form-urlencoded": {"schema": {"$ref": f"#/components/schemas/{form}"}},
                },
            },
            "responses": {"200": {"description": "ok"}},
        }
    }
    for name, form in (("reqSame", "A"), ("optSame", "A"), ("reqDiff", "B"), ("optDiff", "B"))
}
_AB = {"A": {"type": "object", "properties": {"x": {"type": "string"}}}, "B": {"type": "object"}}


def test_body_offered_in_two_encodings_is_refused_where_the_generator_breaks() -> None:
    findings = lint_document(_mini(_ENCODINGS_PATHS, _AB))
    assert {(f.operation, f.rule) for f in findings} == {
        ("POST /reqSame", "request-body-encodings"),
        ("POST /optSame", "request-body-encodings"),
        ("POST /reqDiff", "request-body-encodings"),
    }
    by_op = {f.operation: [x.message for x in findings if x.operation == f.operation] for f in findings}
    assert len(by_op["POST /reqSame"]) == 2  # fails to import, and would send the wrong encoding
    assert "fails to import" in by_op["POST /reqDiff"][0]
    assert "sent as the last one" in by_op["POST /optSame"][0]


@pytest.mark.slow
def test_body_encodings_ground_truth(tmp_path: Path) -> None:
    """The generator's output for the same document: the flagged required bodies do not import,
    the same-schema optional body dispatches through every branch, the rest is fine."""
    from oaspipe.documents import dump_json

    spec = tmp_path / "spec.json"
    spec.write_text(dump_json(_mini(_ENCODINGS_PATHS, _AB)))
    config = tmp_path / "config.json"
    config.write_text('{"post_hooks": []}')
    subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(spec), "--meta", "none",
         "--output-path", str(tmp_path / "pkg"), "--config", str(config)],
        check=True, capture_output=True,
    )  # fmt: skip
    broken = set()
    for module in ("req_same", "opt_same", "req_diff", "opt_diff"):
        probe = subprocess.run(
            [sys.executable, "-c", f"import pkg.api.default.{module}"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        if probe.returncode:
            assert "NameError" in probe.stderr
            broken.add(module)
    assert broken == {"req_same", "req_diff"}
    opt_same = (tmp_path / "pkg" / "api" / "default" / "opt_same.py").read_text()
    assert opt_same.count("if isinstance(body, A):") == 2
