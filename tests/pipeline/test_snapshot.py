"""The stored v2.2 snapshot: valid, normalised, matching its provenance, and keeping the vendor's quirks.

The snapshot stands for the vendor's document, so these tests check that the quirks are still
there (the overlays fix them later), not that they are fixed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from oaspipe.documents import dump_json, load_document, sha256_hex
from oaspipe.fetch import PROVENANCE_KEYS
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "openapi" / "salesmsg-v2.2.json"
PROVENANCE = ROOT / "openapi" / "salesmsg-v2.2.provenance.json"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

# (method, path, tag): every operation the snapshot describes.
EXPECTED_OPERATIONS = {
    ("post", "/oauth/token", "OAuth"),
    ("post", "/oauth/token/refresh", "OAuth"),
    ("post", "/oauth/personal-token/refresh", "OAuth"),
    ("get", "/user", "Users"),
    ("get", "/users/me", "Users"),
    ("get", "/organization/current", "Organization"),
    ("get", "/organization/members", "Organization"),
    ("get", "/teams", "Teams"),
    ("get", "/teams/{team}", "Teams"),
    ("get", "/teams/all", "Teams"),
    ("get", "/teams/{team}/numbers", "Teams"),
    ("get", "/numbers", "Numbers"),
    ("get", "/contacts", "Contacts"),
    ("post", "/contacts/list", "Contacts"),
    ("get", "/contacts/search", "Contacts"),
    ("get", "/contacts/{contact}", "Contacts"),
    ("post", "/contacts", "Contacts"),
    ("put", "/contacts/{contact}", "Contacts"),
    ("delete", "/contacts/{contact}", "Contacts"),
    ("put", "/contacts/opt-out/{contact}", "Contacts"),
    ("put", "/contacts/opt-in/{contact}", "Contacts"),
    ("get", "/contacts/filters/count", "Contacts"),
    ("put", "/contacts/{contact}/custom-fields", "Custom Fields"),
    ("get", "/contacts/{contact}/conversations", "Contacts"),
    ("get", "/tags", "Tags"),
    ("post", "/tags", "Tags"),
    ("put", "/tags/{tag}", "Tags"),
    ("get", "/tags/search", "Tags"),
    ("put", "/tags/contact/{contact}/{tag}", "Tags"),
    ("delete", "/tags/contact/{contact}/{tag}", "Tags"),
    ("get", "/conversations", "Conversations"),
    ("get", "/conversations/{conversation}", "Conversations"),
    ("post", "/conversations", "Conversations"),
    ("put", "/conversations/{conversation}/close", "Conversations"),
    ("put", "/conversations/{conversation}/open", "Conversations"),
    ("post", "/conversations/{conversation}/reassign", "Conversations"),
    ("get", "/conversations/find-by-contacts", "Conversations"),
    ("get", "/conversations/search", "Conversations"),
    ("post", "/messages", "Messages"),
    ("post", "/messages/{conversation}", "Messages"),
    ("get", "/messages/{conversation}", "Messages"),
    ("get", "/messages/{conversation}/paginated", "Messages"),
    ("put", "/messages/{message}", "Messages"),
    ("post", "/async/messages", "Messages"),
    ("get", "/messages/contacts", "Messages"),
    ("get", "/attachments/recently", "Attachments"),
    ("get", "/broadcasts", "Broadcasts"),
}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    loaded = load_document(SNAPSHOT)
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def provenance() -> dict[str, Any]:
    loaded = load_document(PROVENANCE)
    assert isinstance(loaded, dict)
    return loaded


def operations(doc: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): op
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    }


def op(doc: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    result: dict[str, Any] = doc["paths"][path][method]
    return result


def resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def params(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation.get("parameters", [])}


def ok_schema(doc: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    schema: dict[str, Any] = op(doc, method, path)["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    return schema


def walk(node: Any) -> Any:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


# ------------------------------------------------------------------------------ file-level checks


def test_validates_as_openapi_3_0_0(doc: dict[str, Any]) -> None:
    validate(doc)
    assert doc["openapi"] == "3.0.0"


def test_is_normalised() -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert text == dump_json(load_document(SNAPSHOT))
    assert PROVENANCE.read_text(encoding="utf-8") == dump_json(load_document(PROVENANCE))


def test_provenance(doc: dict[str, Any], provenance: dict[str, Any]) -> None:
    assert set(provenance) == PROVENANCE_KEYS
    assert provenance["sha256"] == sha256_hex(SNAPSHOT.read_bytes())
    assert provenance["api_version"] == "2.2"
    assert provenance["method"] == "hand-written"
    assert (
        provenance["source_url"] == "https://app.salesmessage.com/api/docs/salesmessage-public-api-v2.2.json"
    )
    assert provenance["retrieved_at"] == "2026-11-27T00:00:00Z"
    for key in ("etag", "last_modified", "content_type", "original_sha256"):
        assert provenance[key] is None
    assert provenance["operations"] == len(operations(doc)) == 47


def test_info_servers_and_security(doc: dict[str, Any]) -> None:
    assert doc["info"]["title"] == "Salesmessage Public API"
    assert doc["info"]["version"] == "2.2"
    description = doc["info"]["description"]
    assert "by hand" in description and "NOT" in description and "make fetch" in description
    assert doc["servers"] == [{"url": "https://api.salesmessage.com/pub/v2.2"}]
    bearer = doc["components"]["securitySchemes"]["bearerAuth"]
    assert (bearer["type"], bearer["scheme"]) == ("http", "bearer")
    assert doc["security"] == [{"bearerAuth": []}]
    no_bearer = {key for key, o in operations(doc).items() if "security" in o}
    assert no_bearer == {("post", "/oauth/token"), ("post", "/oauth/token/refresh")}
    for key in no_bearer:
        assert operations(doc)[key]["security"] == []


def test_every_ref_resolves(doc: dict[str, Any]) -> None:
    refs = [n["$ref"] for n in walk(doc) if isinstance(n, dict) and "$ref" in n]
    assert refs
    for r in refs:
        assert resolve(doc, {"$ref": r}) is not None


# ------------------------------------------------------------------------------------- operations


def test_operation_list_and_tags(doc: dict[str, Any]) -> None:
    found = {(method, path, o["tags"][0]) for (method, path), o in operations(doc).items()}
    assert found == EXPECTED_OPERATIONS
    declared_tags = {t["name"] for t in doc["tags"]}
    for o in operations(doc).values():
        assert len(o["tags"]) == 1 and o["tags"][0] in declared_tags
        assert o["summary"].strip() and o["description"].strip()


def test_wrong_and_unverified_paths_absent(doc: dict[str, Any]) -> None:
    paths = set(doc["paths"])
    assert "/conversations/{id}/messages" not in paths
    assert "/conversations/{id}/send" not in paths
    assert "/conversations/{conversation}/messages" not in paths
    assert "/conversations/{conversation}/send" not in paths
    for unverified in (
        "/teams/{team}/members/search",
        "/contacts/note/{contact}/create",
        "/contacts/tags/{tag}",
    ):
        assert unverified not in paths
    assert "post" not in doc["paths"]["/broadcasts"]
    assert all(p.startswith("/") for p in paths)  # no browser authorize URL on the app host


def test_no_operation_ids(doc: dict[str, Any]) -> None:
    assert all("operationId" not in o for o in operations(doc).values())
    assert not any(isinstance(n, dict) and "operationId" in n for n in walk(doc["paths"]))


def test_responses_are_consistent(doc: dict[str, Any]) -> None:
    for key, o in operations(doc).items():
        codes = set(o["responses"])
        assert "200" in codes and "429" in codes, key
        assert not any(c.startswith("2") and c != "200" for c in codes), key
        if o.get("security") == []:
            assert o["responses"]["401"] == {"$ref": "#/components/responses/OAuthError"}
        else:
            assert o["responses"]["401"] == {"$ref": "#/components/responses/Unauthorized"}
            assert o["responses"]["403"] == {"$ref": "#/components/responses/Forbidden"}
    error = doc["components"]["schemas"]["Error"]["properties"]
    assert set(error) == {"message", "status", "auth_required", "errors"}
    assert error["message"]["type"] == "string" and "nullable" not in error["message"]
    for name in ("Unauthorized", "Forbidden", "ValidationError", "TooManyRequests"):
        schema = doc["components"]["responses"][name]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Error"}


def test_writes_declare_422(doc: dict[str, Any]) -> None:
    for method, path in [
        ("post", "/contacts"),
        ("put", "/contacts/{contact}"),
        ("post", "/tags"),
        ("put", "/tags/{tag}"),
        ("post", "/conversations"),
        ("post", "/conversations/{conversation}/reassign"),
        ("post", "/messages"),
        ("post", "/messages/{conversation}"),
    ]:
        assert op(doc, method, path)["responses"]["422"] == {"$ref": "#/components/responses/ValidationError"}
    assert "422" not in op(doc, "get", "/contacts")["responses"]


# ------------------------------------------------------------------------------------------ quirks


@pytest.mark.parametrize(
    ("method", "path", "required"),
    [
        ("post", "/contacts", {"number"}),
        ("post", "/messages", {"number", "team_id", "message"}),
        ("post", "/messages/{conversation}", {"message"}),
        ("post", "/tags", {"label"}),
        ("put", "/tags/{tag}", set()),
        ("post", "/conversations", {"contact_id"}),
        ("post", "/conversations/{conversation}/reassign", set()),
    ],
)
def test_writes_as_query_parameters_without_body(
    doc: dict[str, Any], method: str, path: str, required: set[str]
) -> None:
    o = op(doc, method, path)
    assert "requestBody" not in o
    query = {name: p for name, p in params(o).items() if p["in"] == "query"}
    assert query, "the write's fields must be query parameters"
    assert {name for name, p in query.items() if p.get("required")} == required


def test_php_style_array_parameters(doc: dict[str, Any]) -> None:
    for method, path in [("post", "/messages"), ("post", "/messages/{conversation}")]:
        media = params(op(doc, method, path))["media_url[][url]"]
        assert media["in"] == "query" and media["style"] == "form" and media["explode"] is True
        assert media["schema"] == {"type": "array", "items": {"type": "string"}}
        assert not media.get("required")
    contacts = params(op(doc, "get", "/messages/contacts"))["contacts[]"]
    assert contacts["required"] is True and contacts["style"] == "form" and contacts["explode"] is True
    assert contacts["schema"] == {"type": "array", "items": {"type": "integer"}}
    assert params(op(doc, "get", "/teams"))["has_membership"]["schema"] == {"type": "boolean"}
    assert params(op(doc, "get", "/contacts"))["filtersList"]["style"] == "deepObject"


def test_get_with_request_body(doc: dict[str, Any]) -> None:
    body = op(doc, "get", "/conversations/find-by-contacts")["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema["type"] == "object" and "properties" not in schema
    with_body = {key for key, o in operations(doc).items() if key[0] == "get" and "requestBody" in o}
    assert with_body == {("get", "/conversations/find-by-contacts")}


def test_numbers_200_has_no_schema(doc: dict[str, Any]) -> None:
    assert op(doc, "get", "/numbers")["responses"]["200"]["content"] == {"application/json": {}}
    no_schema = {
        key
        for key, o in operations(doc).items()
        if "schema" not in o["responses"]["200"].get("content", {}).get("application/json", {})
    }
    assert no_schema == {("get", "/numbers")}


@pytest.mark.parametrize(
    ("method", "path", "item"),
    [
        ("get", "/teams", "Team"),
        ("get", "/teams/all", "Team"),
        ("get", "/conversations", "Conversation"),
        ("get", "/organization/members", "OrganizationMember"),
        ("get", "/attachments/recently", "Attachment"),
        ("get", "/messages/{conversation}", "Message"),
        ("get", "/messages/contacts", "Message"),
    ],
)
def test_bare_array_responses(doc: dict[str, Any], method: str, path: str, item: str) -> None:
    assert ok_schema(doc, method, path) == {
        "type": "array",
        "items": {"$ref": f"#/components/schemas/{item}"},
    }


@pytest.mark.parametrize(
    ("method", "path", "envelope", "item"),
    [
        ("get", "/tags", "TagPage", "Tag"),
        ("post", "/contacts/list", "ContactPage", "Contact"),
        ("get", "/contacts", "ContactPage", "Contact"),
        ("get", "/messages/{conversation}/paginated", "MessagePage", "Message"),
        ("get", "/broadcasts", "BroadcastPage", "Broadcast"),
    ],
)
def test_data_meta_envelopes(doc: dict[str, Any], method: str, path: str, envelope: str, item: str) -> None:
    assert ok_schema(doc, method, path) == {"$ref": f"#/components/schemas/{envelope}"}
    props = resolve(doc, ok_schema(doc, method, path))["properties"]
    assert set(props) == {"data", "meta"}
    assert props["data"] == {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}
    meta = resolve(doc, props["meta"])["properties"]
    assert set(meta) == {"current_page", "last_page", "per_page", "total", "from", "to"}
    assert all(v["type"] == "integer" for v in meta.values())


@pytest.mark.parametrize(
    ("path", "envelope", "item"),
    [
        ("/contacts/search", "ContactSearchResults", "Contact"),
        ("/tags/search", "TagSearchResults", "TagSearchResult"),
    ],
)
def test_results_envelopes(doc: dict[str, Any], path: str, envelope: str, item: str) -> None:
    assert ok_schema(doc, "get", path) == {"$ref": f"#/components/schemas/{envelope}"}
    props = resolve(doc, ok_schema(doc, "get", path))["properties"]
    assert props == {"results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}}
    if item == "TagSearchResult":
        assert set(resolve(doc, props["results"]["items"])["properties"]) == {"label", "tag_id"}


def test_tag_attach_detach_type_message(doc: dict[str, Any]) -> None:
    for method in ("put", "delete"):
        schema = ok_schema(doc, method, "/tags/contact/{contact}/{tag}")
        assert schema == {"$ref": "#/components/schemas/TagActionResult"}
        assert set(resolve(doc, schema)["properties"]) == {"type", "message"}


def test_delete_contact_returns_strings(doc: dict[str, Any]) -> None:
    assert ok_schema(doc, "delete", "/contacts/{contact}") == {"type": "array", "items": {"type": "string"}}


def test_deprecated_flags(doc: dict[str, Any]) -> None:
    deprecated = {key for key, o in operations(doc).items() if o.get("deprecated")}
    assert deprecated == {("get", "/contacts"), ("get", "/contacts/filters/count")}
    assert op(doc, "get", "/contacts")["deprecated"] is True


def test_conversation_filter_is_a_closed_enum(doc: dict[str, Any]) -> None:
    p = params(op(doc, "get", "/conversations"))
    assert p["filter"]["required"] is True
    assert p["filter"]["schema"] == {
        "type": "string",
        "enum": ["open", "closed", "unread", "assigned", "unassigned", "outbound", "optout", "nocalls"],
    }
    assert p["limit"]["required"] is True and p["limit"]["schema"]["type"] == "integer"
    for name in ("before", "after"):
        assert p[name]["schema"] == {"type": "string", "format": "date"}
    assert "grouped_response" not in p and "page" not in p  # client extras, not in the document


def test_timestamps_are_plain_date_time(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    stamps = [n for n in walk(schemas) if isinstance(n, dict) and n.get("format") == "date-time"]
    assert len(stamps) > 20
    assert all(n["type"] == "string" and "nullable" not in n for n in stamps)
    assert not any(isinstance(n, dict) and "nullable" in n for n in walk(doc))
    for field in ("created_at", "sent_at", "failed_at", "send_at"):
        assert schemas["Message"]["properties"][field] == {"type": "string", "format": "date-time"}


def test_request_bodies(doc: dict[str, Any]) -> None:
    update = op(doc, "put", "/contacts/{contact}")["requestBody"]["content"]
    assert set(update) == {"application/json"}
    assert set(resolve(doc, update["application/json"]["schema"])["properties"]) == {
        "first_name",
        "last_name",
        "email",
        "number",
        "customFields",
    }
    listing = op(doc, "post", "/contacts/list")["requestBody"]["content"]
    assert set(listing) == {"application/json", "application/x-www-form-urlencoded"}
    assert "useShortResponse" in resolve(doc, listing["application/json"]["schema"])["properties"]
    for path in ("/oauth/token", "/oauth/token/refresh"):
        content = op(doc, "post", path)["requestBody"]["content"]
        assert set(content) == {"application/json", "application/x-www-form-urlencoded"}
    refresh = resolve(
        doc, op(doc, "post", "/oauth/token/refresh")["requestBody"]["content"]["application/json"]["schema"]
    )
    assert "scope" in refresh["properties"]
    pat = op(doc, "post", "/oauth/personal-token/refresh")
    assert "requestBody" not in pat and "security" not in pat
    assert ok_schema(doc, "post", "/oauth/personal-token/refresh") == {
        "$ref": "#/components/schemas/TokenResponse"
    }


def test_same_template_different_meaning_by_verb(doc: dict[str, Any]) -> None:
    assert set(doc["paths"]["/messages/{conversation}"]) == {"get", "post"}
    assert set(doc["paths"]["/messages/{message}"]) == {"put"}
    assert params(op(doc, "put", "/messages/{message}"))["message"]["in"] == "path"


def test_component_schemas(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    for name in (
        "Contact",
        "Conversation",
        "Message",
        "MessageMedia",
        "MessageRecord",
        "Tag",
        "Team",
        "User",
        "OrganizationMember",
        "Organization",
        "Number",
        "Attachment",
        "Broadcast",
        "Error",
        "TokenResponse",
        "TagActionResult",
        "PaginationMeta",
    ):
        assert schemas[name]["type"] == "object", name
    contact = schemas["Contact"]["properties"]
    assert contact["typeted_number"] == {"type": "string"}
    nested = {
        "tags": "Tag",
        "notes": "ContactNote",
        "custom_fields": "ContactCustomField",
        "integration": "ContactIntegration",
        "opt_in_requests": "ContactOptInRequest",
        "shortcode_opt_outs": "ContactShortcodeOptOut",
    }
    for field, target in nested.items():
        assert contact[field] == {"type": "array", "items": {"$ref": f"#/components/schemas/{target}"}}
    assert "account_credits" in schemas["Organization"]["properties"]
    message = schemas["Message"]["properties"]
    assert message["record"] == {"$ref": "#/components/schemas/MessageRecord"}
    assert message["media"]["items"] == {"$ref": "#/components/schemas/MessageMedia"}
    ids = [s["properties"]["id"] for s in schemas.values() if "id" in s.get("properties", {})]
    assert ids and all(i["type"] == "integer" for i in ids)


def test_patched_document_shipped_in_the_package_validates_too() -> None:
    patched = load_document(
        Path(__file__).resolve().parents[2] / "generated" / "salesmsg_client" / "openapi.json"
    )
    validate(patched)
    operations = [op for item in patched["paths"].values() for op in item.values() if isinstance(op, dict)]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids)) == 47
