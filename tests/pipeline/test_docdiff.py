"""Tests for the document differ (`oaspipe.docdiff`).

Every test starts from `base_document()` (a small document with the shapes the Salesmsg document
uses: `$ref`s to components, shared error responses, arrays of refs, enums, `anyOf`, a recursive
schema, a deprecated operation and per-operation security), edits a copy, and asserts the whole
list of changes, so a finding that appears or disappears anywhere fails a test.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from oaspipe.changes import BREAKING, INFO, NON_BREAKING, Change, Level, bump_for, sort_changes
from oaspipe.docdiff import diff_documents, diff_files
from oaspipe.documents import dump_json, dump_yaml

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "openapi" / "salesmsg-v2.2.json"
PATCHED = ROOT / "generated" / "salesmsg_client" / "openapi.json"

Doc = dict[str, Any]

#: How a finding on a component used by the three Contact operations ends.
CONTACT_USERS = "; used by GET /contacts (200), GET /contacts/{contact} (200), POST /contacts (201)"
TAG_USERS = "; used by GET /contacts (200), GET /contacts/{contact} (200), GET /tags (200) and 1 more"


def C(check: str, level: Level, where: str, text: str) -> Change:  # reads like a table row
    return Change(check, level, where, text, "document")


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: Any, description: str = "OK.") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def base_document() -> Doc:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Demo", "version": "1.0.0"},
        "security": [{"bearerAuth": []}],
        "paths": {
            "/contacts": {
                "get": {
                    "operationId": "listContacts",
                    "tags": ["Contacts"],
                    "summary": "List contacts",
                    "parameters": [
                        {
                            "in": "query",
                            "name": "page",
                            "description": "Page number.",
                            "schema": {"type": "integer"},
                        },
                        {
                            "in": "query",
                            "name": "status",
                            "schema": {"type": "string", "enum": ["active", "archived", "blocked"]},
                        },
                        {"in": "header", "name": "X-Request-Id", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": json_body(ref("ContactPage"), "A page of contacts."),
                        "401": {"$ref": "#/components/responses/Unauthorized"},
                    },
                },
                "post": {
                    "operationId": "createContact",
                    "tags": ["Contacts"],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("ContactInput")}},
                    },
                    "responses": {
                        "201": json_body(ref("Contact"), "Created."),
                        "401": {"$ref": "#/components/responses/Unauthorized"},
                    },
                },
            },
            "/contacts/{contact}": {
                "parameters": [
                    {"in": "path", "name": "contact", "required": True, "schema": {"type": "integer"}}
                ],
                "get": {
                    "operationId": "getContact",
                    "tags": ["Contacts"],
                    "responses": {"200": json_body(ref("Contact"))},
                },
                "delete": {
                    "operationId": "deleteContact",
                    "tags": ["Contacts"],
                    "responses": {"204": {"description": "Deleted."}},
                },
            },
            "/tags": {
                "get": {
                    "operationId": "listTags",
                    "tags": ["Tags"],
                    "deprecated": True,
                    "responses": {"200": json_body({"type": "array", "items": ref("Tag")})},
                },
            },
            "/health": {
                "get": {
                    "operationId": "health",
                    "security": [],
                    "responses": {
                        "200": json_body({"type": "object", "properties": {"ok": {"type": "boolean"}}})
                    },
                },
            },
        },
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "responses": {"Unauthorized": json_body(ref("Error"), "Unauthenticated.")},
            "schemas": {
                "Contact": {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {
                        "id": {"type": "integer"},
                        "name": {"type": "string"},
                        "status": {"type": "string", "enum": ["active", "archived", "blocked"]},
                        "created_at": {"type": "string", "format": "date-time"},
                        "tags": {"type": "array", "items": ref("Tag")},
                        "phone": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                    },
                },
                "ContactInput": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 100},
                        "email": {"type": "string", "format": "email"},
                    },
                },
                "ContactPage": {
                    "type": "object",
                    "properties": {
                        "data": {"type": "array", "items": ref("Contact")},
                        "total": {"type": "integer"},
                    },
                },
                "Tag": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "name": {"type": "string"},
                        "parent": ref("Tag"),
                    },
                },
                "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
            },
        },
    }


def diff_after(edit: Callable[[Doc], None], old: Doc | None = None) -> list[Change]:
    """Diff a document against an edited copy of itself."""
    before = old if old is not None else base_document()
    after = copy.deepcopy(before)
    edit(after)
    return diff_documents(before, after)


def paths(doc: Doc) -> dict[str, Any]:
    return doc["paths"]  # type: ignore[no-any-return]


def schemas(doc: Doc) -> dict[str, Any]:
    return doc["components"]["schemas"]  # type: ignore[no-any-return]


def params(doc: Doc) -> list[dict[str, Any]]:
    return doc["paths"]["/contacts"]["get"]["parameters"]  # type: ignore[no-any-return]


def reversed_everywhere(value: Any) -> Any:
    """Every mapping's keys and every list in reverse order."""
    if isinstance(value, dict):
        return {k: reversed_everywhere(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [reversed_everywhere(v) for v in reversed(value)]
    return value


# --------------------------------------------------------------------------------------------
# Nothing changed


def test_a_document_against_itself_has_no_change() -> None:
    assert diff_documents(base_document(), base_document()) == []


def test_reordering_keys_operations_parameters_enums_and_schemas_is_no_change() -> None:
    old = base_document()
    paths(old)["/tags"]["get"]["security"] = [{"bearerAuth": []}, {"apiKey": []}]
    old["components"]["securitySchemes"]["apiKey"] = {"type": "apiKey", "in": "header", "name": "X-Key"}
    new = reversed_everywhere(old)
    snapshot = copy.deepcopy((old, new))
    assert list(new["paths"]) != list(old["paths"])
    assert new["components"]["schemas"]["Contact"]["required"] == ["name", "id"]
    assert diff_documents(old, new) == []
    assert diff_documents(new, old) == []
    assert (old, new) == snapshot  # the differ never edits its inputs


def test_bundled_document_against_itself_has_no_change() -> None:
    document = json.loads(BUNDLED.read_text())
    assert diff_documents(document, document) == []
    assert diff_documents(document, reversed_everywhere(document)) == []


# --------------------------------------------------------------------------------------------
# Operations


def test_removed_operations_with_and_without_deprecation() -> None:
    def edit(doc: Doc) -> None:
        del paths(doc)["/contacts/{contact}"]["delete"]
        del paths(doc)["/tags"]

    assert diff_after(edit) == [
        C(
            "api-removed-without-deprecation",
            BREAKING,
            "DELETE /contacts/{contact}",
            "the operation was removed without deprecation: module `api/contacts/delete_contact.py`"
            " disappears",
        ),
        C(
            "api-path-removed-with-deprecation",
            BREAKING,
            "GET /tags",
            "the operation was removed after its deprecation: module `api/tags/list_tags.py` disappears",
        ),
    ]


def test_removing_the_last_operation_of_a_path_removes_the_path() -> None:
    def edit(doc: Doc) -> None:
        del paths(doc)["/health"]

    assert diff_after(edit) == [
        C(
            "api-path-removed-without-deprecation",
            BREAKING,
            "GET /health",
            "the operation was removed without deprecation: module `api/default/health.py` disappears",
        )
    ]


def test_added_operation() -> None:
    def edit(doc: Doc) -> None:
        operation = {
            "operationId": "listNumbers",
            "tags": ["Numbers"],
            "responses": {"200": {"description": "ok"}},
        }
        paths(doc)["/numbers"] = {"get": operation}

    changes = diff_after(edit)
    assert changes == [
        C(
            "endpoint-added",
            NON_BREAKING,
            "GET /numbers",
            "the operation was added (module `api/numbers/list_numbers.py`)",
        )
    ]
    assert bump_for(changes) == "minor"


def test_deprecation_and_reactivation() -> None:
    def edit(doc: Doc) -> None:
        paths(doc)["/contacts/{contact}"]["get"]["deprecated"] = True
        del paths(doc)["/tags"]["get"]["deprecated"]

    assert diff_after(edit) == [
        C("endpoint-deprecated", INFO, "GET /contacts/{contact}", "the operation was deprecated"),
        C("endpoint-reactivated", INFO, "GET /tags", "the operation is no longer deprecated"),
    ]


def test_operation_ids_and_tags_name_the_python_module() -> None:
    def edit(doc: Doc) -> None:
        paths(doc)["/contacts/{contact}"]["get"]["operationId"] = "fetchContact"
        paths(doc)["/contacts/{contact}"]["delete"]["operationId"] = "delete_contact"  # same Python name
        paths(doc)["/contacts"]["post"]["tags"] = ["People", "Contacts"]
        del paths(doc)["/health"]["get"]["operationId"]

    assert diff_after(edit) == [
        C(
            "api-operation-id-removed",
            BREAKING,
            "GET /contacts/{contact}",
            "operationId `getContact` replaced with `fetchContact`: the module `get_contact` becomes"
            " `fetch_contact`",
        ),
        C(
            "api-operation-id-removed",
            BREAKING,
            "GET /health",
            "operationId `health` removed: the module `health` becomes `get_health`",
        ),
        C(
            "operation-module-moved",
            BREAKING,
            "POST /contacts",
            "the first tag changed, so the module moves from `api/contacts/` to `api/people/`",
        ),
        C(
            "api-operation-id-removed",
            INFO,
            "DELETE /contacts/{contact}",
            "operationId `deleteContact` replaced with `delete_contact`: the module keeps its name"
            " `delete_contact`",
        ),
        C("api-tag-added", INFO, "POST /contacts", "the tag `People` was added"),
    ]


def test_path_parameter_renamed_without_operation_id_renames_the_module() -> None:
    old = base_document()
    del paths(old)["/contacts/{contact}"]["get"]["operationId"]
    del paths(old)["/contacts/{contact}"]["delete"]

    def edit(doc: Doc) -> None:
        item = paths(doc).pop("/contacts/{contact}")
        item["parameters"][0]["name"] = "id"
        paths(doc)["/contacts/{id}"] = item

    assert diff_after(edit, old) == [
        C(
            "operation-module-renamed",
            BREAKING,
            "GET /contacts/{id}",
            "the path's parameter names changed, and they name the module: "
            "the module `get_contacts_contact` becomes `get_contacts_id`",
        ),
        C(
            "request-parameter-renamed",
            BREAKING,
            "GET /contacts/{id}",
            "the path parameter `contact` was renamed to `id` (same schema): "
            "the Python argument `contact` becomes `id`",
        ),
    ]


def test_a_path_item_reference_is_followed() -> None:
    old = base_document()
    old["components"]["pathItems"] = {"Health": paths(old)["/health"]}
    new = copy.deepcopy(old)
    paths(new)["/health"] = {"$ref": "#/components/pathItems/Health"}
    assert diff_documents(old, new) == []


# --------------------------------------------------------------------------------------------
# Parameters


def test_parameters_added_removed_renamed_moved_and_narrowed() -> None:
    def edit(doc: Doc) -> None:
        page, status, request_id = params(doc)
        page["name"] = "page_number"
        status["schema"]["enum"] = ["blocked", "active"]
        request_id["in"] = "query"
        params(doc).append({"in": "query", "name": "sort", "required": True, "schema": {"type": "string"}})
        params(doc).append({"in": "query", "name": "limit", "schema": {"type": "integer"}})

    changes = diff_after(edit)
    assert changes == [
        C(
            "new-required-request-parameter",
            BREAKING,
            "GET /contacts",
            "the query parameter `sort` was added as required",
        ),
        C(
            "request-parameter-enum-value-removed",
            BREAKING,
            "GET /contacts",
            "the enum value `archived` was removed from the query parameter `status`",
        ),
        C(
            "request-parameter-moved",
            BREAKING,
            "GET /contacts",
            "the parameter `X-Request-Id` moved from the header to the query",
        ),
        C(
            "request-parameter-renamed",
            BREAKING,
            "GET /contacts",
            "the query parameter `page` was renamed to `page_number` (same schema): "
            "callers sending the old name are not understood",
        ),
        C(
            "new-optional-request-parameter",
            NON_BREAKING,
            "GET /contacts",
            "the query parameter `limit` was added (optional)",
        ),
    ]
    assert bump_for(changes) == "major"


def test_a_rename_needs_the_same_schema() -> None:
    def edit(doc: Doc) -> None:
        params(doc)[0].update(name="cursor", schema={"type": "string"})

    assert diff_after(edit) == [
        C("request-parameter-removed", BREAKING, "GET /contacts", "the query parameter `page` was removed"),
        C(
            "new-optional-request-parameter",
            NON_BREAKING,
            "GET /contacts",
            "the query parameter `cursor` was added (optional)",
        ),
    ]


def test_parameter_types_requiredness_enums_and_descriptions() -> None:
    def edit(doc: Doc) -> None:
        page, status, request_id = params(doc)
        page.update(schema={"type": "number"}, required=True)
        status.update(schema={"type": "integer"}, description="Filter.")
        request_id["schema"]["enum"] = ["a"]

    assert diff_after(edit) == [
        C(
            "request-parameter-became-enum",
            BREAKING,
            "GET /contacts",
            "the header parameter `X-Request-Id` was restricted to the enum values `a`",
        ),
        C(
            "request-parameter-became-required",
            BREAKING,
            "GET /contacts",
            "the query parameter `page` became required",
        ),
        C(
            "request-parameter-type-changed",
            BREAKING,
            "GET /contacts",
            "the type of the query parameter `status` changed from `string` to `integer`",
        ),
        C(
            "request-parameter-became-not-enum",
            NON_BREAKING,
            "GET /contacts",
            "the query parameter `status` is no longer restricted to enum values",
        ),
        C(
            "request-parameter-type-generalized",
            NON_BREAKING,
            "GET /contacts",
            "the type of the query parameter `page` was widened from `integer` to `number`",
        ),
        C(
            "request-parameter-description-changed",
            INFO,
            "GET /contacts",
            "the description of the query parameter `status` changed",
        ),
    ]


def test_enum_values_added_to_a_request_parameter_and_optional_again() -> None:
    old = base_document()
    params(old)[0]["required"] = True

    def edit(doc: Doc) -> None:
        del params(doc)[0]["required"]
        params(doc)[1]["schema"]["enum"].append("pending")

    assert diff_after(edit, old) == [
        C(
            "request-parameter-became-optional",
            NON_BREAKING,
            "GET /contacts",
            "the query parameter `page` became optional",
        ),
        C(
            "request-parameter-enum-value-added",
            NON_BREAKING,
            "GET /contacts",
            "the enum value `pending` was added to the query parameter `status`",
        ),
    ]


def test_path_parameter_renamed() -> None:
    def edit(doc: Doc) -> None:
        item = paths(doc).pop("/contacts/{contact}")
        item["parameters"][0]["name"] = "contact_id"
        paths(doc)["/contacts/{contact_id}"] = item

    text = (
        "the path parameter `contact` was renamed to `contact_id` (same schema): the Python"
        " argument `contact` becomes `contact_id`"
    )
    assert diff_after(edit) == [
        C("request-parameter-renamed", BREAKING, "DELETE /contacts/{contact_id}", text),
        C("request-parameter-renamed", BREAKING, "GET /contacts/{contact_id}", text),
    ]


def test_path_parameter_renamed_to_the_same_python_name_is_informational() -> None:
    def edit(doc: Doc) -> None:
        item = paths(doc).pop("/contacts/{contact}")
        del item["delete"]
        item["parameters"][0]["name"] = "Contact"
        paths(doc)["/contacts/{Contact}"] = item

    changes = diff_after(edit)
    assert (
        C(
            "request-parameter-renamed",
            INFO,
            "GET /contacts/{Contact}",
            "the path parameter `contact` was renamed to `Contact` (same schema): the Python"
            " argument keeps its name",
        )
        in changes
    )


def test_deprecated_parameter_then_removed() -> None:
    deprecated = base_document()
    params(deprecated)[0]["deprecated"] = True
    assert diff_documents(base_document(), deprecated) == [
        C("request-parameter-deprecated", INFO, "GET /contacts", "the query parameter `page` was deprecated")
    ]

    def edit(doc: Doc) -> None:
        del params(doc)[0]

    assert diff_after(edit, deprecated) == [
        C(
            "request-parameter-removed-with-deprecation",
            BREAKING,
            "GET /contacts",
            "the query parameter `page` was removed after its deprecation",
        )
    ]


def test_parameter_references_and_content_parameters_are_resolved() -> None:
    old = base_document()
    old["components"]["parameters"] = {"Page": params(old)[0]}
    params(old)[0] = {"$ref": "#/components/parameters/Page"}
    params(old)[1] = {
        "in": "query",
        "name": "status",
        "content": {"application/json": {"schema": {"type": "string"}}},
    }

    def edit(doc: Doc) -> None:
        doc["components"]["parameters"]["Page"]["schema"]["minimum"] = 1
        params(doc)[1]["content"]["application/json"]["schema"]["maxLength"] = 5

    assert diff_after(edit, old) == [
        C(
            "request-parameter-max-length-set",
            BREAKING,
            "GET /contacts",
            "the maxLength of the query parameter `status` was set to 5",
        ),
        C(
            "request-parameter-min-set",
            BREAKING,
            "GET /contacts",
            "the minimum of the query parameter `page` was set to 1",
        ),
    ]


def test_parameter_constraints_defaults_and_patterns() -> None:
    def edit(doc: Doc) -> None:
        params(doc)[0]["schema"].update(minimum=1, maximum=100, default=1)
        params(doc)[2]["schema"]["pattern"] = "^[a-f0-9]+$"

    assert diff_after(edit) == [
        C(
            "request-parameter-default-value-added",
            BREAKING,
            "GET /contacts",
            "the default value `1` was added to the query parameter `page`",
        ),
        C(
            "request-parameter-max-set",
            BREAKING,
            "GET /contacts",
            "the maximum of the query parameter `page` was set to 100",
        ),
        C(
            "request-parameter-min-set",
            BREAKING,
            "GET /contacts",
            "the minimum of the query parameter `page` was set to 1",
        ),
        C(
            "request-parameter-pattern-added",
            BREAKING,
            "GET /contacts",
            "the pattern `^[a-f0-9]+$` was added to the header parameter `X-Request-Id`",
        ),
    ]


def test_object_parameter_properties() -> None:
    old = base_document()
    properties = {"since": {"type": "string", "format": "date"}, "tag": {"type": "string"}}
    deep = {"type": "object", "properties": properties}
    params(old).append(
        {"in": "query", "name": "filter", "style": "deepObject", "explode": True, "schema": deep}
    )

    def edit(doc: Doc) -> None:
        schema = params(doc)[3]["schema"]
        schema["properties"]["since"]["format"] = "date-time"
        schema["properties"]["owner"] = {"type": "integer"}
        schema["required"] = ["owner"]
        del schema["properties"]["tag"]

    assert diff_after(edit, old) == [
        C(
            "new-required-request-property",
            BREAKING,
            "GET /contacts",
            "the property `owner` of the query parameter `filter` was added as required",
        ),
        C(
            "request-parameter-property-type-changed",
            BREAKING,
            "GET /contacts",
            "the type of the property `since` of the query parameter `filter` changed"
            " from `string (date)` to `string (date-time)`",
        ),
        C(
            "request-property-removed",
            BREAKING,
            "GET /contacts",
            "the property `tag` of the query parameter `filter` was removed",
        ),
    ]


# --------------------------------------------------------------------------------------------
# Request bodies


def test_request_body_properties() -> None:
    def edit(doc: Doc) -> None:
        body = schemas(doc)["ContactInput"]
        body["properties"]["name"]["maxLength"] = 50
        body["properties"]["email"]["format"] = "idn-email"
        body["properties"]["phone"] = {"type": "string"}
        body["properties"]["company"] = {"type": "string"}
        body["required"] = ["name", "email", "company"]

    used = "; used by POST /contacts"
    assert diff_after(edit) == [
        C(
            "new-required-request-property",
            BREAKING,
            "schema ContactInput.company",
            "the property `company` of ContactInput was added as required" + used,
        ),
        C(
            "request-property-became-required",
            BREAKING,
            "schema ContactInput.email",
            "the property `email` of ContactInput became required" + used,
        ),
        C(
            "request-property-type-changed",
            BREAKING,
            "schema ContactInput.email",
            "the type of the property `email` of ContactInput changed from `string (email)` to"
            " `string (idn-email)`" + used,
        ),
        C(
            "request-property-max-length-decreased",
            BREAKING,
            "schema ContactInput.name",
            "the maxLength of the property `name` of ContactInput was decreased from 100 to 50" + used,
        ),
        C(
            "new-optional-request-property",
            NON_BREAKING,
            "schema ContactInput.phone",
            "the property `phone` of ContactInput was added (optional)" + used,
        ),
    ]


def test_request_body_removed_properties_widened_types_and_optional_again() -> None:
    def edit(doc: Doc) -> None:
        body = schemas(doc)["ContactInput"]
        del body["properties"]["email"]
        body["properties"]["name"]["type"] = ["string", "integer"]
        body["required"] = []
        body["properties"]["nickname"] = {
            "type": "string",
            "readOnly": True,
        }  # never sent: not a request change

    used = "; used by POST /contacts"
    assert diff_after(edit) == [
        C(
            "request-property-removed",
            BREAKING,
            "schema ContactInput.email",
            "the property `email` of ContactInput was removed" + used,
        ),
        C(
            "request-property-became-optional",
            NON_BREAKING,
            "schema ContactInput.name",
            "the property `name` of ContactInput became optional" + used,
        ),
        C(
            "request-property-type-generalized",
            NON_BREAKING,
            "schema ContactInput.name",
            "the type of the property `name` of ContactInput was widened from `string` to `integer/string`"
            + used,
        ),
    ]


def test_request_body_presence_and_requiredness() -> None:
    def edit(doc: Doc) -> None:
        del paths(doc)["/contacts"]["post"]["requestBody"]["required"]
        body = {"content": {"application/json": {"schema": {"type": "object"}}}}
        paths(doc)["/contacts/{contact}"]["delete"]["requestBody"] = {"required": True, **body}
        paths(doc)["/contacts/{contact}"]["get"]["requestBody"] = body

    assert diff_after(edit) == [
        C(
            "request-body-added-required",
            BREAKING,
            "DELETE /contacts/{contact}",
            "a required request body was added",
        ),
        C(
            "request-body-added-optional",
            NON_BREAKING,
            "GET /contacts/{contact}",
            "an optional request body was added",
        ),
        C("request-body-became-optional", NON_BREAKING, "POST /contacts", "the request body became optional"),
    ]


def test_request_body_became_required_and_removed() -> None:
    old = base_document()
    paths(old)["/contacts"]["post"]["requestBody"]["required"] = False
    paths(old)["/contacts/{contact}"]["delete"]["requestBody"] = {"content": {"application/json": {}}}

    def edit(doc: Doc) -> None:
        paths(doc)["/contacts"]["post"]["requestBody"]["required"] = True
        del paths(doc)["/contacts/{contact}"]["delete"]["requestBody"]

    assert diff_after(edit, old) == [
        C("request-body-removed", BREAKING, "DELETE /contacts/{contact}", "the request body was removed"),
        C("request-body-became-required", BREAKING, "POST /contacts", "the request body became required"),
    ]


def test_request_media_types_and_an_inline_body() -> None:
    old = base_document()
    paths(old)["/contacts"]["post"]["requestBody"]["content"]["text/plain"] = {"schema": {"type": "string"}}

    def edit(doc: Doc) -> None:
        content = paths(doc)["/contacts"]["post"]["requestBody"]["content"]
        del content["text/plain"]
        content["application/x-www-form-urlencoded"] = {"schema": ref("ContactInput")}
        inline = copy.deepcopy(schemas(doc)["ContactInput"])
        del inline["properties"]["name"]["maxLength"]
        content["application/json"]["schema"] = inline

    assert diff_after(edit, old) == [
        C(
            "request-body-media-type-removed",
            BREAKING,
            "POST /contacts",
            "the request media type `text/plain` was removed",
        ),
        C(
            "request-body-media-type-added",
            NON_BREAKING,
            "POST /contacts",
            "the request media type `application/x-www-form-urlencoded` was added",
        ),
        C(
            "request-property-max-length-unset",
            NON_BREAKING,
            "POST /contacts",
            "the maxLength of the request property `name` was removed (was 100)",
        ),
    ]


# --------------------------------------------------------------------------------------------
# Responses


def test_response_properties_removed_added_retyped_nullable_and_enums() -> None:
    def edit(doc: Doc) -> None:
        contact = schemas(doc)["Contact"]
        del contact["properties"]["name"], contact["properties"]["created_at"]
        contact["properties"]["id"]["type"] = "string"
        contact["properties"]["status"]["enum"] = ["active", "blocked", "deleted"]
        contact["properties"]["email"] = {"type": "string"}
        contact["properties"]["score"] = {"type": "number", "nullable": True}
        contact["required"] = ["id", "email"]
        schemas(doc)["ContactPage"]["properties"]["total"]["nullable"] = True

    enum_added = (
        "the enum value `deleted` was added to the property `status` of Contact (not breaking for this SDK:"
        " its generated enums are open, so older builds read the value as UNKNOWN instead of failing;"
        " code that handles every member may need a new branch)"
    )
    changes = diff_after(edit)
    assert changes == [
        C(
            "response-optional-property-removed",
            BREAKING,
            "schema Contact.created_at",
            "the property `created_at` of Contact was removed" + CONTACT_USERS,
        ),
        C(
            "response-property-type-changed",
            BREAKING,
            "schema Contact.id",
            "the type of the property `id` of Contact changed from `integer` to `string`" + CONTACT_USERS,
        ),
        C(
            "response-required-property-removed",
            BREAKING,
            "schema Contact.name",
            "the property `name` of Contact was removed (it was required)" + CONTACT_USERS,
        ),
        C(
            "response-property-enum-value-removed",
            BREAKING,
            "schema Contact.status",
            "the enum value `archived` was removed from the property `status` of Contact"
            " (the generated enum loses that member, so code that names it breaks)" + CONTACT_USERS,
        ),
        C(
            "response-property-became-nullable",
            BREAKING,
            "schema ContactPage.total",
            "the property `total` of ContactPage became nullable; used by GET /contacts (200)",
        ),
        C(
            "response-required-property-added",
            NON_BREAKING,
            "schema Contact.email",
            "the property `email` of Contact was added (always present)" + CONTACT_USERS,
        ),
        C(
            "response-optional-property-added",
            NON_BREAKING,
            "schema Contact.score",
            "the property `score` of Contact was added (optional)" + CONTACT_USERS,
        ),
        C(
            "response-property-enum-value-added",
            NON_BREAKING,
            "schema Contact.status",
            enum_added + CONTACT_USERS,
        ),
    ]


def test_response_enum_widening_alone_is_a_minor_change() -> None:
    def edit(doc: Doc) -> None:
        schemas(doc)["Contact"]["properties"]["status"]["enum"].append("pending")

    changes = diff_after(edit)
    assert [(c.id, c.level) for c in changes] == [("response-property-enum-value-added", NON_BREAKING)]
    assert bump_for(changes) == "minor"


def test_inline_response_property_retyped_and_narrowed() -> None:
    def edit(doc: Doc) -> None:
        health = paths(doc)["/health"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        health["properties"]["ok"]["type"] = "string"
        health["properties"]["uptime"] = {"type": "number"}
        health["required"] = ["uptime"]
        paths(doc)["/tags"]["get"]["responses"]["200"]["content"]["application/json"]["schema"][
            "maxItems"
        ] = 50

    assert diff_after(edit) == [
        C(
            "response-property-type-changed",
            BREAKING,
            "GET /health",
            "the type of the response property `ok` (200) changed from `boolean` to `string`",
        ),
        C(
            "response-required-property-added",
            NON_BREAKING,
            "GET /health",
            "the response property `uptime` (200) was added (always present)",
        ),
        C(
            "response-body-max-items-set",
            INFO,
            "GET /tags",
            "the maxItems of the response body (200) was set to 50",
        ),
    ]


def test_response_statuses_media_types_and_headers() -> None:
    def edit(doc: Doc) -> None:
        get_contact = paths(doc)["/contacts/{contact}"]["get"]["responses"]
        get_contact["202"] = get_contact.pop("200")
        paths(doc)["/contacts"]["get"]["responses"]["429"] = {"description": "Slow down."}
        del paths(doc)["/contacts"]["post"]["responses"]["401"]
        paths(doc)["/health"]["get"]["responses"]["200"]["content"]["text/plain"] = {
            "schema": {"type": "string"}
        }
        paths(doc)["/tags"]["get"]["responses"]["200"]["headers"] = {
            "X-Total": {"schema": {"type": "integer"}}
        }

    assert diff_after(edit) == [
        C(
            "response-success-status-removed",
            BREAKING,
            "GET /contacts/{contact}",
            "the success response 200 was removed",
        ),
        C(
            "response-non-success-status-added",
            NON_BREAKING,
            "GET /contacts",
            "the non-success response 429 was added",
        ),
        C(
            "response-success-status-added",
            NON_BREAKING,
            "GET /contacts/{contact}",
            "the success response 202 was added",
        ),
        C(
            "response-media-type-added",
            NON_BREAKING,
            "GET /health",
            "the media type `text/plain` of the 200 response was added",
        ),
        C(
            "response-header-added",
            NON_BREAKING,
            "GET /tags",
            "the response header `X-Total` was added to the 200 response",
        ),
        C(
            "response-non-success-status-removed",
            NON_BREAKING,
            "POST /contacts",
            "the non-success response 401 was removed",
        ),
    ]


def test_response_media_type_and_header_removed() -> None:
    old = base_document()
    old_200 = paths(old)["/tags"]["get"]["responses"]["200"]
    old_200["headers"] = {"X-Total": {"required": True, "schema": {"type": "integer"}}}
    old_200["content"]["application/xml"] = {"schema": {"type": "string"}}

    def edit(doc: Doc) -> None:
        response = paths(doc)["/tags"]["get"]["responses"]["200"]
        del response["headers"], response["content"]["application/xml"]

    assert diff_after(edit, old) == [
        C(
            "required-response-header-removed",
            BREAKING,
            "GET /tags",
            "the response header `X-Total` was removed from the 200 response",
        ),
        C(
            "response-media-type-removed",
            BREAKING,
            "GET /tags",
            "the media type `application/xml` of the 200 response was removed",
        ),
    ]


def test_a_response_gains_and_loses_its_schema() -> None:
    old = base_document()
    paths(old)["/contacts/{contact}"]["delete"]["responses"]["204"]["content"] = {"application/json": {}}

    def gain(doc: Doc) -> None:
        doc_204 = paths(doc)["/contacts/{contact}"]["delete"]["responses"]["204"]
        doc_204["content"]["application/json"]["schema"] = ref("Contact")

    gained = diff_after(gain, old)
    assert gained == [
        C(
            "response-body-media-type-schema-added",
            NON_BREAKING,
            "DELETE /contacts/{contact}",
            "the response body (204) now has a schema: the operation returns a parsed model instead"
            " of nothing",
        )
    ]
    new = copy.deepcopy(old)
    gain(new)
    assert diff_documents(new, old) == [
        C(
            "response-body-media-type-schema-removed",
            BREAKING,
            "DELETE /contacts/{contact}",
            "the response body (204) no longer has a schema: the operation stops returning a parsed model",
        )
    ]


# --------------------------------------------------------------------------------------------
# Component schemas


def test_renamed_model() -> None:
    def edit(doc: Doc) -> None:
        label = schemas(doc).pop("Tag")
        label["properties"]["parent"] = ref("Label")  # a recursive schema keeps referencing itself
        label["description"] = "A label."
        schemas(doc)["Label"] = label
        schemas(doc)["Contact"]["properties"]["tags"]["items"] = ref("Label")
        paths(doc)["/tags"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["items"] = (
            ref("Label")
        )

    assert diff_after(edit) == [
        C(
            "schema-renamed",
            BREAKING,
            "schema Label",
            "the schema Tag was renamed to Label (same structure): the model `Tag` becomes `Label`",
        ),
        C(
            "schema-description-changed",
            INFO,
            "schema Label",
            "the description of the schema Label changed" + TAG_USERS,
        ),
    ]


def test_renames_that_depend_on_each_other_are_all_found() -> None:
    def edit(doc: Doc) -> None:
        page = schemas(doc).pop("ContactPage")
        page["properties"]["data"]["items"] = ref("Person")
        schemas(doc)["PersonPage"] = page
        schemas(doc)["Person"] = schemas(doc).pop("Contact")
        paths(doc)["/contacts"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = ref(
            "PersonPage"
        )
        for operation in (paths(doc)["/contacts"]["post"], paths(doc)["/contacts/{contact}"]["get"]):
            status = next(iter(operation["responses"]))
            operation["responses"][status]["content"]["application/json"]["schema"] = ref("Person")

    assert diff_after(edit) == [
        C(
            "schema-renamed",
            BREAKING,
            "schema Person",
            "the schema Contact was renamed to Person (same structure): the model `Contact` becomes `Person`",
        ),
        C(
            "schema-renamed",
            BREAKING,
            "schema PersonPage",
            "the schema ContactPage was renamed to PersonPage (same structure): the model"
            " `ContactPage` becomes `PersonPage`",
        ),
    ]


def test_removed_and_added_schemas() -> None:
    def edit(doc: Doc) -> None:
        inline_error = json_body(
            {"type": "object", "properties": {"message": {"type": "string"}}}, "Unauthenticated."
        )
        del schemas(doc)["Error"], doc["components"]["responses"]
        paths(doc)["/contacts"]["get"]["responses"]["401"] = inline_error
        paths(doc)["/contacts"]["post"]["responses"]["401"] = copy.deepcopy(inline_error)
        schemas(doc)["Number"] = {"type": "object", "properties": {"id": {"type": "integer"}}}

    assert diff_after(edit) == [
        C(
            "api-schema-removed",
            BREAKING,
            "schema Error",
            "the schema Error was removed: the model `Error` disappears",
        ),
        C("api-schema-added", NON_BREAKING, "schema Number", "the schema Number was added (model `Number`)"),
    ]


def test_an_inline_schema_moved_into_a_component_changes_nothing_for_the_operation() -> None:
    def edit(doc: Doc) -> None:
        response = paths(doc)["/health"]["get"]["responses"]["200"]["content"]["application/json"]
        schemas(doc)["Health"] = response["schema"]
        response["schema"] = ref("Health")

    assert diff_after(edit) == [
        C("api-schema-added", NON_BREAKING, "schema Health", "the schema Health was added (model `Health`)")
    ]


def test_allof_is_compared_merged() -> None:
    def edit(doc: Doc) -> None:
        contact = schemas(doc)["Contact"]
        properties = dict(contact["properties"])
        del properties["id"]
        schemas(doc)["Base"] = {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "integer"}},
        }
        schemas(doc)["Contact"] = {
            "allOf": [ref("Base"), {"type": "object", "required": ["name"], "properties": properties}]
        }

    assert diff_after(edit) == [
        C("api-schema-added", NON_BREAKING, "schema Base", "the schema Base was added (model `Base`)")
    ]


def test_alternatives_added_and_removed_and_nullable_references() -> None:
    def edit(doc: Doc) -> None:
        contact, tag = schemas(doc)["Contact"]["properties"], schemas(doc)["Tag"]["properties"]
        contact["phone"] = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        tag["parent"] = {"allOf": [ref("Tag")], "nullable": True}
        schemas(doc)["ContactInput"]["properties"]["name"] = {
            "oneOf": [{"type": "string", "maxLength": 100}, {"type": "array", "items": {"type": "string"}}]
        }

    assert diff_after(edit) == [
        C(
            "response-property-any-of-added",
            BREAKING,
            "schema Contact.phone",
            "`array of string` was added to the anyOf alternatives of the property `phone` of Contact:"
            " the client may now receive it" + CONTACT_USERS,
        ),
        C(
            "response-property-became-nullable",
            BREAKING,
            "schema Tag.parent",
            "the property `parent` of Tag became nullable" + TAG_USERS,
        ),
        C(
            "response-property-any-of-removed",
            NON_BREAKING,
            "schema Contact.phone",
            "`integer` was removed from the anyOf alternatives of the property `phone` of Contact"
            + CONTACT_USERS,
        ),
        C(
            "request-property-one-of-added",
            NON_BREAKING,
            "schema ContactInput.name",
            "`array of string` was added to the oneOf alternatives of the property `name` of ContactInput"
            "; used by POST /contacts",
        ),
    ]


def test_alternatives_are_matched_whatever_their_order_and_null_branches_mean_nullable() -> None:
    def edit(doc: Doc) -> None:
        contact = schemas(doc)["Contact"]["properties"]
        contact["phone"] = {"anyOf": [{"type": "integer"}, {"type": "null"}, {"type": "string"}]}
        contact["created_at"] = {"allOf": [{"type": "string", "format": "date-time"}]}

    assert diff_after(edit) == [
        C(
            "response-property-became-nullable",
            BREAKING,
            "schema Contact.phone",
            "the property `phone` of Contact became nullable" + CONTACT_USERS,
        )
    ]


def test_an_open_enum_replacing_a_closed_one() -> None:
    """The overlays' pattern: `anyOf: [$ref Enum, {type: string}]` instead of an inline enum."""

    def edit(doc: Doc) -> None:
        schemas(doc)["ContactStatus"] = {
            "type": "string",
            "enum": ["active", "archived", "blocked", "pending"],
        }
        params(doc)[1]["schema"] = {"anyOf": [ref("ContactStatus"), {"type": "string"}]}

    assert diff_after(edit) == [
        C(
            "request-parameter-enum-value-added",
            NON_BREAKING,
            "GET /contacts",
            "the enum value `pending` was added to the query parameter `status`",
        ),
        C(
            "request-parameter-type-generalized",
            NON_BREAKING,
            "GET /contacts",
            "the query parameter `status` now also accepts `string`",
        ),
        C(
            "api-schema-added",
            NON_BREAKING,
            "schema ContactStatus",
            "the schema ContactStatus was added (model `ContactStatus`)",
        ),
    ]


def test_a_plain_schema_replaced_by_unrelated_alternatives_is_a_type_change() -> None:
    def edit(doc: Doc) -> None:
        schemas(doc)["Error"]["properties"]["message"] = {"oneOf": [{"type": "integer"}, {"type": "boolean"}]}

    changes = diff_after(edit)
    assert [(c.id, c.level, c.where) for c in changes] == [
        ("response-property-type-changed", BREAKING, "schema Error.message")
    ]
    assert changes[0].text.startswith(
        "the type of the property `message` of Error changed from `string` to `integer | boolean`; used by "
    )


def test_maps_and_nested_arrays_are_followed() -> None:
    old = base_document()
    schemas(old)["Contact"]["properties"]["custom"] = {
        "type": "object",
        "additionalProperties": {"type": "string"},
    }
    matrix = {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}
    schemas(old)["Contact"]["properties"]["matrix"] = matrix

    def edit(doc: Doc) -> None:
        schemas(doc)["Contact"]["properties"]["custom"]["additionalProperties"]["type"] = "integer"
        schemas(doc)["Contact"]["properties"]["matrix"]["items"]["items"]["type"] = "number"

    assert diff_after(edit, old) == [
        C(
            "response-property-type-changed",
            BREAKING,
            "schema Contact.custom.*",
            "the type of the property `custom.*` of Contact changed from `string` to `integer`"
            + CONTACT_USERS,
        ),
        C(
            "response-property-type-generalized",
            BREAKING,
            "schema Contact.matrix[][]",
            "the type of the property `matrix[][]` of Contact was widened from `integer` to `number`"
            + CONTACT_USERS,
        ),
    ]


def test_a_rename_that_keeps_the_python_class_name_is_informational() -> None:
    def edit(doc: Doc) -> None:
        schemas(doc)["contactPage"] = schemas(doc).pop("ContactPage")
        paths(doc)["/contacts"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = ref(
            "contactPage"
        )

    changes = diff_after(edit)
    assert changes == [
        C(
            "schema-renamed",
            INFO,
            "schema contactPage",
            "the schema ContactPage was renamed to contactPage (same structure):"
            " the model keeps its Python name `ContactPage`",
        )
    ]
    assert bump_for(changes) == "patch"


def test_recursive_schemas_are_walked_once() -> None:
    old = base_document()
    schemas(old)["Node"] = {
        "type": "object",
        "properties": {"child": ref("Leaf"), "name": {"type": "string"}},
    }
    schemas(old)["Leaf"] = {
        "type": "object",
        "properties": {"parent": ref("Node"), "size": {"type": "integer"}},
    }
    paths(old)["/health"]["get"]["responses"]["200"] = json_body(ref("Node"))

    def edit(doc: Doc) -> None:
        schemas(doc)["Leaf"]["properties"]["size"]["type"] = "number"
        schemas(doc)["Tag"]["properties"]["name"]["nullable"] = True

    assert diff_after(edit, old) == [
        C(
            "response-property-type-generalized",
            BREAKING,
            "schema Leaf.size",
            "the type of the property `size` of Leaf was widened from `integer` to `number`; used by"
            " GET /health (200)",
        ),
        C(
            "response-property-became-nullable",
            BREAKING,
            "schema Tag.name",
            "the property `name` of Tag became nullable" + TAG_USERS,
        ),
    ]


def test_a_component_no_operation_uses_is_compared_on_its_own() -> None:
    old = base_document()
    schemas(old)["WebhookEvent"] = {"type": "object", "properties": {"name": {"type": "string"}}}

    def edit(doc: Doc) -> None:
        schemas(doc)["WebhookEvent"]["properties"]["name"]["type"] = "integer"

    assert diff_after(edit, old) == [
        C(
            "response-property-type-changed",
            BREAKING,
            "schema WebhookEvent.name",
            "the type of the property `name` of WebhookEvent changed from `string` to `integer`"
            "; no operation uses it in both documents (compared as data the client receives)",
        )
    ]


def test_a_component_used_in_requests_and_responses_is_judged_both_ways() -> None:
    old = base_document()
    paths(old)["/contacts"]["post"]["requestBody"]["content"]["application/json"]["schema"] = ref("Contact")

    def edit(doc: Doc) -> None:
        schemas(doc)["Contact"]["properties"]["nickname"] = {"type": "string"}
        del schemas(doc)["Contact"]["properties"]["phone"]

    assert diff_after(edit, old) == [
        C(
            "request-property-removed",
            BREAKING,
            "schema Contact.phone",
            "the property `phone` of Contact was removed; used by POST /contacts",
        ),
        C(
            "response-optional-property-removed",
            BREAKING,
            "schema Contact.phone",
            "the property `phone` of Contact was removed" + CONTACT_USERS,
        ),
        C(
            "new-optional-request-property",
            NON_BREAKING,
            "schema Contact.nickname",
            "the property `nickname` of Contact was added (optional); used by POST /contacts",
        ),
        C(
            "response-optional-property-added",
            NON_BREAKING,
            "schema Contact.nickname",
            "the property `nickname` of Contact was added (optional)" + CONTACT_USERS,
        ),
    ]


# --------------------------------------------------------------------------------------------
# Security


def test_security_requirements_per_operation() -> None:
    def edit(doc: Doc) -> None:
        del paths(doc)["/health"]["get"]["security"]  # now inherits bearerAuth
        paths(doc)["/tags"]["get"]["security"] = [{"bearerAuth": []}, {"apiKey": []}]
        paths(doc)["/contacts/{contact}"]["get"]["security"] = []
        paths(doc)["/contacts"]["post"]["security"] = [{"oauth": ["contacts:write"]}]
        doc["components"]["securitySchemes"]["apiKey"] = {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
        }

    assert diff_after(edit) == [
        C(
            "api-security-anonymous-access-removed",
            BREAKING,
            "GET /health",
            "the operation no longer accepts unauthenticated calls",
        ),
        C(
            "api-security-removed",
            BREAKING,
            "POST /contacts",
            "the security requirement `bearerAuth` was removed: callers that authenticate only that"
            " way are refused",
        ),
        C(
            "api-security-anonymous-access-added",
            NON_BREAKING,
            "GET /contacts/{contact}",
            "the operation now accepts unauthenticated calls",
        ),
        C(
            "api-security-removed",
            NON_BREAKING,
            "GET /contacts/{contact}",
            "the security requirement `bearerAuth` was removed",
        ),
        C(
            "api-security-added",
            NON_BREAKING,
            "GET /health",
            "the security requirement `bearerAuth` was added as an alternative",
        ),
        C(
            "api-security-added",
            NON_BREAKING,
            "GET /tags",
            "the security requirement `apiKey` was added as an alternative",
        ),
        C(
            "api-security-added",
            NON_BREAKING,
            "POST /contacts",
            "the security requirement `oauth` was added as an alternative",
        ),
        C("api-security-component-added", INFO, "security scheme apiKey", "the scheme was added"),
    ]


def test_moving_the_global_requirement_onto_each_operation_is_no_change() -> None:
    def edit(doc: Doc) -> None:
        requirement = doc.pop("security")
        for path, item in paths(doc).items():
            for operation in item.values():
                if isinstance(operation, dict) and "responses" in operation and path != "/health":
                    operation["security"] = requirement

    assert diff_after(edit) == [
        C(
            "api-global-security-added",
            INFO,
            "document",
            "operations without their own `security` now accept unauthenticated calls",
        ),
        C(
            "api-global-security-removed",
            INFO,
            "document",
            "the document-level security requirement `bearerAuth` was removed",
        ),
    ]


def test_security_scopes_and_scheme_changes() -> None:
    old = base_document()
    old["security"] = [{"oauth": ["contacts:read", "tags:read"]}]
    flows = {
        "clientCredentials": {"tokenUrl": "https://example.com/token", "scopes": {"contacts:read": "read"}}
    }
    old["components"]["securitySchemes"]["oauth"] = {"type": "oauth2", "flows": flows}
    for operation in ("get", "delete"):
        paths(old)["/contacts/{contact}"][operation]["security"] = [{"bearerAuth": []}]
    paths(old)["/tags"]["get"]["security"] = [{"bearerAuth": []}]

    def edit(doc: Doc) -> None:
        doc["security"] = [{"oauth": ["contacts:read", "contacts:admin"]}]
        doc["components"]["securitySchemes"]["bearerAuth"] = {
            "type": "apiKey",
            "in": "header",
            "name": "X-Token",
        }

    added = "the scope `contacts:admin` is now required by the security scheme `oauth`"
    removed = "the scope `tags:read` is no longer required by the security scheme `oauth`"
    assert diff_after(edit, old) == [
        C("api-security-scope-added", BREAKING, "GET /contacts", added),
        C("api-security-scope-added", BREAKING, "POST /contacts", added),
        C(
            "api-security-component-type-changed",
            BREAKING,
            "security scheme bearerAuth",
            "how credentials are sent changed (type=http, scheme=bearer, in=unset, name=unset -> "
            "type=apiKey, scheme=unset, in=header, name=X-Token): callers authenticate differently",
        ),
        C("api-security-scope-removed", NON_BREAKING, "GET /contacts", removed),
        C("api-security-scope-removed", NON_BREAKING, "POST /contacts", removed),
        C(
            "api-global-security-scope-added",
            INFO,
            "document",
            "the document-level security scheme `oauth` now requires the scope `contacts:admin`",
        ),
        C(
            "api-global-security-scope-removed",
            INFO,
            "document",
            "the document-level security scheme `oauth` no longer requires the scope `tags:read`",
        ),
    ]


# --------------------------------------------------------------------------------------------
# Documentation-only changes


def test_descriptions_summaries_and_examples_are_informational() -> None:
    def edit(doc: Doc) -> None:
        doc["info"]["description"] = "Now documented."
        operation = paths(doc)["/contacts"]["get"]
        operation.update(summary="List the contacts", description="Pages of 20.")
        params(doc)[0]["description"] = "1-based page number."
        params(doc)[1]["example"] = "active"
        operation["responses"]["200"]["description"] = "Contacts."
        schemas(doc)["Contact"]["description"] = "A person."
        schemas(doc)["Contact"]["properties"]["name"].update(description="Full name.", example="Ada Lovelace")
        schemas(doc)["ContactInput"]["properties"]["email"]["description"] = "Email."
        health = paths(doc)["/health"]["get"]["responses"]["200"]["content"]["application/json"]
        health["schema"]["properties"]["ok"]["description"] = "Always true."
        health["example"] = {"ok": True}

    changes = diff_after(edit)
    assert changes == [
        C("api-description-changed", INFO, "GET /contacts", "the operation's description changed"),
        C("api-summary-changed", INFO, "GET /contacts", "the operation's summary changed"),
        C("example-changed", INFO, "GET /contacts", "the example of the query parameter `status` changed"),
        C(
            "request-parameter-description-changed",
            INFO,
            "GET /contacts",
            "the description of the query parameter `page` changed",
        ),
        C(
            "response-description-changed",
            INFO,
            "GET /contacts",
            "the description of the 200 response changed",
        ),
        C("example-changed", INFO, "GET /health", "the example of the response body (200) changed"),
        C(
            "schema-description-changed",
            INFO,
            "GET /health",
            "the description of the response property `ok` (200) changed",
        ),
        C("api-info-changed", INFO, "document", "the document's description changed"),
        C(
            "schema-description-changed",
            INFO,
            "schema Contact",
            "the description of the schema Contact changed" + CONTACT_USERS,
        ),
        C(
            "example-changed",
            INFO,
            "schema Contact.name",
            "the example of the property `name` of Contact changed" + CONTACT_USERS,
        ),
        C(
            "schema-description-changed",
            INFO,
            "schema Contact.name",
            "the description of the property `name` of Contact changed" + CONTACT_USERS,
        ),
        C(
            "schema-description-changed",
            INFO,
            "schema ContactInput.email",
            "the description of the property `email` of ContactInput changed; used by POST /contacts",
        ),
    ]
    assert bump_for(changes) == "patch"


def test_a_new_info_version_is_reported() -> None:
    def edit(doc: Doc) -> None:
        doc["info"]["version"] = "1.1.0"

    assert diff_after(edit) == [
        C("api-info-version-changed", INFO, "document", "info.version changed from `1.0.0` to `1.1.0`")
    ]


# --------------------------------------------------------------------------------------------
# The bundled document and its patched form; files


@pytest.fixture(scope="module")
def overlay_effect() -> list[Change]:
    return diff_files(BUNDLED, PATCHED)


def test_the_overlays_effect_on_the_bundled_document(overlay_effect: list[Change]) -> None:
    changes = overlay_effect
    assert changes == sort_changes(changes)
    assert bump_for(changes) == "major"
    by_id: dict[str, list[Change]] = {}
    for change in changes:
        by_id.setdefault(change.id, []).append(change)
    # The overlays give every operation an operationId, which renames every generated module.
    bundled, patched = json.loads(BUNDLED.read_text()), json.loads(PATCHED.read_text())
    given = {
        f"{method.upper()} {path}"
        for path, item in patched["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict)
        and "operationId" in operation
        and "operationId" not in bundled["paths"].get(path, {}).get(method, {"operationId": None})
    }
    assert len(given) >= 40
    assert {c.where for c in by_id["api-operation-id-added"]} == given
    assert {c.level for c in by_id["api-operation-id-added"]} == {BREAKING}
    assert (
        C(
            "api-operation-id-added",
            BREAKING,
            "GET /numbers",
            "operationId `listNumbers` was added: the module `get_numbers` becomes `list_numbers`",
        )
        in changes
    )
    assert (
        C(
            "response-body-media-type-schema-added",
            NON_BREAKING,
            "GET /numbers",
            "the response body (200) now has a schema: the operation returns a parsed model instead"
            " of nothing",
        )
        in changes
    )
    assert (
        C(
            "api-schema-added",
            NON_BREAKING,
            "schema NumberList",
            "the schema NumberList was added (model `NumberList`)",
        )
        in changes
    )
    assert (
        C(
            "response-success-status-added",
            NON_BREAKING,
            "GET /contacts/{contact}/conversations",
            "the success response 204 was added",
        )
        in changes
    )
    assert (
        C(
            "request-parameter-removed",
            BREAKING,
            "GET /contacts",
            "the query parameter `filtersList` was removed",
        )
        in changes
    )
    assert (
        C(
            "request-body-media-type-removed",
            BREAKING,
            "POST /oauth/token",
            "the request media type `application/x-www-form-urlencoded` was removed",
        )
        in changes
    )
    assert (
        C(
            "operation-module-moved",
            BREAKING,
            "POST /oauth/token",
            "the first tag changed, so the module moves from `api/o_auth/` to `api/auth/`",
        )
        in changes
    )
    # The open enum for the conversation filter: four new values, and any other string.
    assert [c.text for c in by_id["request-parameter-enum-value-added"]] == [
        f"the enum value `{value}` was added to the query parameter `filter`"
        for value in ("draft", "mentions", "pending", "scheduled")
    ]
    assert (
        C(
            "request-parameter-type-generalized",
            NON_BREAKING,
            "GET /conversations",
            "the query parameter `filter` now also accepts `string`",
        )
        in changes
    )
    # Timestamps that may be null, reported once per model property with the operations using it.
    nullable = {c.where for c in by_id["response-property-became-nullable"]}
    assert {"schema Message.sent_at", "schema Contact.created_at", "schema Error.message"} <= nullable
    contact_id = next(c for c in by_id["response-property-became-required"] if c.where == "schema Contact.id")
    assert contact_id.level == NON_BREAKING
    assert contact_id.text.startswith(
        "the property `id` of Contact became required (always present); used by GET /contacts (200)"
    )
    # Moving security from the document onto each operation changes nothing effective.
    assert not [c for c in changes if "security" in c.id]


def test_diff_files_reads_json_and_yaml(tmp_path: Path) -> None:
    old, new = base_document(), base_document()
    del paths(new)["/health"]
    (tmp_path / "old.json").write_text(dump_json(old))
    (tmp_path / "new.yaml").write_text(dump_yaml(new))
    assert [c.id for c in diff_files(tmp_path / "old.json", tmp_path / "new.yaml")] == [
        "api-path-removed-without-deprecation"
    ]


def test_broken_and_external_references_do_not_crash() -> None:
    def edit(doc: Doc) -> None:
        schemas(doc)["Contact"]["properties"]["tags"]["items"] = {"$ref": "other.yaml#/Tag"}
        params(doc)[0] = {"$ref": "#/components/parameters/Missing"}

    changes = diff_after(edit)
    assert ("request-parameter-removed", "GET /contacts") in {(c.id, c.where) for c in changes}
    assert all(c.source == "document" for c in changes)
