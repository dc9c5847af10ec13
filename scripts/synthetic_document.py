#!/usr/bin/env python3
"""Write a synthetic OpenAPI 3.0 document shaped like the Salesmsg one, of any size (for benchmarks).

    python scripts/synthetic_document.py --operations 400 --schemas 300 -o build/synthetic.json
    python scripts/synthetic_document.py --operations 40 --schemas 30 > small.json

The document has exactly `--operations` operations and `--schemas` component schemas, and the same
arguments always give the same bytes (a seeded `random.Random`, keys sorted). It is valid OpenAPI
3.0.3, passes the pipeline's lint with no finding and generates with `--fail-on-warning` and no
overlay, so `scripts/pipeline.py generate --no-overlays --spec ...` measures the pipeline on a
document of another size than the bundled snapshot.

What it holds, per resource ("Contact", "Conversation", ...; 8 tags):

* schemas: the model (14 to 20 properties: date-times, nullable fields, an inline enum, an inline
  object, a free-form map, arrays, `$ref`s to its own status enum and settings and to another
  resource's summary), a status enum, a summary, a `{data, meta}` page, a create body, settings;
  three shared schemas (`Error`, `ValidationError`, `PageMeta`); any remainder as `{Noun}Stats`;
* operations, dealt round-robin over the resources: list (page, per_page, enum, date-time and
  `tags[]` array query parameters), get, create, update, delete, a bare-array list, a POST whose
  fields are query parameters (`media_url[][url]`, like sending an SMS), a search with an inline
  body and a `{results}` response, settings get/update, stats, then numbered actions; every
  seventh update is deprecated. Errors are shared `components/responses`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_SEED", "build_document", "dump", "main"]

DEFAULT_SEED = 6
JSON = dict[str, Any]

TAGS = ("Contacts", "Conversations", "Messages", "Teams", "Users", "Campaigns", "Billing", "Automations")
#: Resource nouns whose plural is noun + "s"; past the end they repeat with a number ("Contact2").
NOUNS = (
    "Contact", "Conversation", "Message", "Tag", "Team", "User", "Broadcast", "Attachment", "Note",
    "Campaign", "Number", "Template", "Workflow", "Keyword", "Webhook", "Call", "Voicemail", "Task",
    "Deal", "Segment", "Invoice", "Payment", "Subscription", "Plan", "Coupon", "Report", "Export",
    "Integration", "Token", "Session", "Device", "Location", "Appointment", "Calendar", "Reminder",
    "Survey", "Review", "Ticket", "Queue", "Agent", "Shift", "Schedule", "Label", "Snippet",
    "Signature", "Sequence", "Trigger", "Audience", "Domain", "Invitation", "Permission", "Role",
    "Group", "Comment", "Event", "Form", "Recording", "Channel", "Pipeline", "Stage",
)  # fmt: skip
SHARED_SCHEMAS = ("Error", "PageMeta", "ValidationError")
#: The schemas every resource has, in the order they are counted ("" is the model itself).
RESOURCE_KINDS = ("", "Status", "Summary", "Page", "Create", "Settings")
STATUS_VALUES = ("open", "closed", "pending", "archived", "scheduled", "failed", "draft")


@dataclass(frozen=True)
class Resource:
    noun: str  # "Contact"
    tag: str
    other: str  # another resource, whose summary this one's model refers to
    stats: int  # how many `{Noun}Stats` schemas it has (the leftovers of the schema count)

    @property
    def plural(self) -> str:  # "contacts", the path segment
        return _snake(self.noun) + "s"

    def ref(self, kind: str = "", noun: str | None = None) -> JSON:
        return {"$ref": f"#/components/schemas/{noun or self.noun}{kind}"}


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def _string(description: str, **extra: Any) -> JSON:
    return {"type": "string", "description": description, **extra}


def _date_time(description: str, *, nullable: bool = False) -> JSON:
    return {"type": "string", "format": "date-time", "description": description} | (
        {"nullable": True} if nullable else {}
    )


# --- schemas -------------------------------------------------------------------------------------


def _shared_schemas() -> dict[str, JSON]:
    return {
        "Error": {
            "type": "object",
            "properties": {"message": _string("What went wrong."), "code": _string("Machine code.")},
        },
        "PageMeta": {
            "type": "object",
            "properties": {
                "current_page": {"type": "integer"},
                "last_page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "total": {"type": "integer"},
                "from": {"type": "integer", "nullable": True},
                "to": {"type": "integer", "nullable": True},
            },
        },
        "ValidationError": {
            "type": "object",
            "properties": {
                "message": _string("Summary of the problems."),
                "errors": {
                    "type": "object",
                    "description": "Messages per field.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    }


def _optional_properties(res: Resource) -> list[tuple[str, JSON]]:
    """The pool a model draws its optional properties from (in this order)."""
    return [
        ("description", _string("Free text.", nullable=True)),
        ("updated_at", _date_time("Last change.", nullable=True)),
        ("deleted_at", _date_time("When it was deleted.", nullable=True)),
        ("owner", {"allOf": [res.ref("Summary", res.other)], "nullable": True}),
        ("related", {"type": "array", "items": res.ref("Summary", res.other)}),
        ("settings", res.ref("Settings")),
        ("tags", {"type": "array", "items": {"type": "string"}}),
        ("tag_ids", {"type": "array", "items": {"type": "integer"}}),
        ("channel", {"type": "string", "enum": ["sms", "mms", "email", "voice"]}),
        ("priority", {"type": "string", "enum": ["low", "normal", "high"]}),
        ("score", {"type": "number", "format": "float"}),
        ("amount", {"type": "number", "format": "double", "nullable": True}),
        ("is_active", {"type": "boolean"}),
        ("is_archived", {"type": "boolean"}),
        ("unread_count", {"type": "integer"}),
        ("external_id", _string("An id in another system.", nullable=True)),
        ("email", _string("Email address.", format="email")),
        ("phone", _string("E.164 phone number.", example="+14155550100")),
        ("url", _string("Link.", format="uri")),
        (
            "location",
            {
                "type": "object",
                "properties": {
                    "city": {"type": "string"},
                    "country": _string("ISO 3166 code."),
                    "latitude": {"type": "number"},
                    "longitude": {"type": "number"},
                },
            },
        ),
        ("metadata", {"type": "object", "additionalProperties": {"type": "string"}}),
        ("last_message_at", _date_time("Latest message.", nullable=True)),
        ("team_id", {"type": "integer"}),
        ("birthday", _string("A date.", format="date", nullable=True)),
    ]


def _model(res: Resource, rng: random.Random) -> JSON:
    pool = _optional_properties(res)
    count = rng.randint(14, 20) - 4
    chosen = sorted(rng.sample(range(len(pool)), count))
    properties = {
        "id": {"type": "integer"},
        "name": _string(f"Name of the {res.noun.lower()}."),
        "status": res.ref("Status"),
        "created_at": _date_time("Creation time."),
        **{pool[i][0]: pool[i][1] for i in chosen},
    }
    return {"type": "object", "required": ["id", "name"], "properties": properties}


def _resource_schemas(res: Resource, rng: random.Random) -> dict[str, JSON]:
    values = sorted(rng.sample(STATUS_VALUES, rng.randint(3, 5)), key=STATUS_VALUES.index)
    schemas: dict[str, JSON] = {
        "": _model(res, rng),
        "Status": {"type": "string", "enum": values, "description": f"Status of a {res.noun.lower()}."},
        "Summary": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "status": res.ref("Status"),
                "updated_at": _date_time("Last change.", nullable=True),
            },
        },
        "Page": {
            "type": "object",
            "properties": {"data": {"type": "array", "items": res.ref()}, "meta": res.ref("", "PageMeta")},
        },
        "Create": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "description": _string("Free text.", nullable=True),
                "status": res.ref("Status"),
                "owner_id": {"type": "integer"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "scheduled_at": _date_time("When to run.", nullable=True),
            },
        },
        "Settings": {
            "type": "object",
            "properties": {
                "notifications": {"type": "boolean"},
                "frequency": {"type": "string", "enum": ["never", "daily", "weekly"]},
                "limit": {"type": "integer", "minimum": 0},
                "quiet_hours": {
                    "type": "object",
                    "properties": {"start": _string("HH:MM"), "end": _string("HH:MM")},
                },
            },
        },
    }
    for number in range(1, res.stats + 1):
        schemas["Stats" + (str(number) if number > 1 else "")] = {
            "type": "object",
            "properties": {
                "total": {"type": "integer"},
                "by_day": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "date": _string("A date.", format="date"),
                            "count": {"type": "integer"},
                        },
                    },
                },
            },
        }
    return {f"{res.noun}{kind}": schema for kind, schema in schemas.items()}


# --- operations ----------------------------------------------------------------------------------

_ERRORS = {
    "401": {"$ref": "#/components/responses/Unauthorized"},
    "429": {"$ref": "#/components/responses/TooManyRequests"},
}
_NOT_FOUND = {"404": {"$ref": "#/components/responses/NotFound"}}
_INVALID = {"422": {"$ref": "#/components/responses/Unprocessable"}}
_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}, "description": "The id."}

Operation = tuple[str, str, JSON]  # (path, method, operation)


def _json(schema: JSON, description: str) -> JSON:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _body(schema: JSON, *, required: bool = True) -> JSON:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def _query(name: str, schema: JSON, description: str, *, required: bool = False) -> JSON:
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


def _operation(res: Resource, op_id: str, summary: str, responses: JSON, **extra: Any) -> JSON:
    return {
        "operationId": op_id,
        "summary": summary,
        "tags": [res.tag],
        "responses": responses | _ERRORS,
    } | extra


def _list(res: Resource) -> Operation:
    params = [
        _query("page", {"type": "integer", "minimum": 1}, "Page number."),
        _query("per_page", {"type": "integer", "maximum": 100}, "Page size."),
        _query("status", res.ref("Status"), "Only this status."),
        _query("search", {"type": "string"}, "Search term."),
        _query("created_after", {"type": "string", "format": "date-time"}, "Created after this time."),
        _query("tags[]", {"type": "array", "items": {"type": "integer"}}, "Tag ids."),
        _query("include_archived", {"type": "boolean"}, "Include archived ones."),
    ]
    responses = {"200": _json(res.ref("Page"), f"A page of {res.plural}.")}
    op = _operation(res, f"list{res.noun}s", f"List {res.plural}", responses, parameters=params)
    return f"/{res.plural}", "get", op


def _get(res: Resource) -> Operation:
    responses = {"200": _json(res.ref(), f"The {res.noun.lower()}.")} | _NOT_FOUND
    op = _operation(res, f"get{res.noun}", f"Get a {res.noun.lower()}", responses, parameters=[_ID])
    return f"/{res.plural}/{{id}}", "get", op


def _create(res: Resource) -> Operation:
    responses = {"201": _json(res.ref(), "Created.")} | _INVALID
    op = _operation(res, f"create{res.noun}", f"Create a {res.noun.lower()}", responses)
    return f"/{res.plural}", "post", op | {"requestBody": _body(res.ref("Create"))}


def _update(res: Resource, deprecated: bool) -> Operation:
    responses = {"200": _json(res.ref(), "Updated.")} | _NOT_FOUND | _INVALID
    op = _operation(res, f"update{res.noun}", f"Update a {res.noun.lower()}", responses, parameters=[_ID])
    op["requestBody"] = _body(res.ref("Create"))
    if deprecated:
        op["deprecated"] = True
        op["description"] = "Deprecated: use the create body's fields one by one."
    return f"/{res.plural}/{{id}}", "put", op


def _delete(res: Resource) -> Operation:
    responses = {"204": {"description": "Deleted."}} | _NOT_FOUND
    op = _operation(res, f"delete{res.noun}", f"Delete a {res.noun.lower()}", responses, parameters=[_ID])
    return f"/{res.plural}/{{id}}", "delete", op


def _recent(res: Resource) -> Operation:
    array = {"type": "array", "items": res.ref("Summary")}
    params = [_query("limit", {"type": "integer"}, "How many.")]
    responses = {"200": _json(array, "A bare array, newest first.")}
    op = _operation(res, f"listRecent{res.noun}s", f"Recent {res.plural}", responses, parameters=params)
    return f"/{res.plural}/recent", "get", op


def _notify(res: Resource) -> Operation:
    # Like the vendor's message send: a POST whose fields are all query parameters.
    params = [
        _ID,
        _query("message", {"type": "string"}, "Text.", required=True),
        _query("media_url[][url]", {"type": "array", "items": {"type": "string"}}, "Attachment URLs."),
        _query("send_at", {"type": "string", "format": "date-time"}, "When to send."),
    ]
    queued = {"type": "object", "properties": {"queued": {"type": "boolean"}, "id": {"type": "integer"}}}
    responses = {"200": _json(queued, "Queued.")} | _NOT_FOUND | _INVALID
    op = _operation(res, f"notify{res.noun}", f"Send a note about a {res.noun.lower()}", responses)
    return f"/{res.plural}/{{id}}/notify", "post", op | {"parameters": params}


def _search(res: Resource) -> Operation:
    body = {
        "type": "object",
        "required": ["query"],
        "properties": {
            "query": {"type": "string"},
            "statuses": {"type": "array", "items": res.ref("Status")},
            "updated_after": {"type": "string", "format": "date-time"},
        },
    }
    results = {"type": "object", "properties": {"results": {"type": "array", "items": res.ref("Summary")}}}
    responses = {"200": _json(results, "Matches.")} | _INVALID
    op = _operation(res, f"search{res.noun}s", f"Search {res.plural}", responses)
    return f"/{res.plural}/search", "post", op | {"requestBody": _body(body)}


def _settings(res: Resource, method: str) -> Operation:
    verb = "get" if method == "get" else "update"
    responses = {"200": _json(res.ref("Settings"), "The settings.")} | _NOT_FOUND
    op_id = f"{verb}{res.noun}Settings"
    op = _operation(res, op_id, f"{verb.title()} {res.noun.lower()} settings", responses, parameters=[_ID])
    if method == "patch":
        op["requestBody"] = _body(res.ref("Settings"))
    return f"/{res.plural}/{{id}}/settings", method, op


def _stats(res: Resource) -> Operation:
    responses = {"200": _json(res.ref("Stats"), "Counts.")} | _NOT_FOUND
    op = _operation(res, f"get{res.noun}Stats", f"{res.noun} statistics", responses, parameters=[_ID])
    return f"/{res.plural}/{{id}}/stats", "get", op


def _action(res: Resource, number: int) -> Operation:
    responses = {"200": _json(res.ref(), "Done.")} | _NOT_FOUND
    op = _operation(res, f"run{res.noun}Action{number}", f"Action {number}", responses, parameters=[_ID])
    return f"/{res.plural}/{{id}}/actions/action-{number}", "post", op


def _operations_of(res: Resource, deprecated: bool) -> Iterator[Operation]:
    """This resource's operations, most common first; then numbered actions, without end."""
    makers: list[Callable[[], Operation]] = [
        lambda: _list(res),
        lambda: _get(res),
        lambda: _create(res),
        lambda: _update(res, deprecated),
        lambda: _delete(res),
        lambda: _recent(res),
        lambda: _notify(res),
        lambda: _search(res),
        lambda: _settings(res, "get"),
        lambda: _settings(res, "patch"),
    ]
    if res.stats:
        makers.append(lambda: _stats(res))
    for make in makers:
        yield make()
    number = 1
    while True:
        yield _action(res, number)
        number += 1


# --- the document --------------------------------------------------------------------------------


def _resources(count: int, leftovers: int, rng: random.Random) -> list[Resource]:
    nouns = [
        NOUNS[i % len(NOUNS)] + (str(i // len(NOUNS) + 1) if i >= len(NOUNS) else "") for i in range(count)
    ]
    return [
        Resource(
            noun=noun,
            tag=TAGS[index % len(TAGS)],
            other=nouns[(index + rng.randint(1, count - 1)) % count] if count > 1 else noun,
            stats=leftovers // count + (index < leftovers % count),
        )
        for index, noun in enumerate(nouns)
    ]


def build_document(operations: int = 400, schemas: int = 300, seed: int = DEFAULT_SEED) -> JSON:
    """The document as plain data: exactly `operations` operations and `schemas` component schemas."""
    minimum = len(SHARED_SCHEMAS) + len(RESOURCE_KINDS)
    if schemas < minimum or operations < 1:
        raise ValueError(f"need at least {minimum} schemas and 1 operation")
    rng = random.Random(seed)
    count, leftovers = divmod(schemas - len(SHARED_SCHEMAS), len(RESOURCE_KINDS))
    resources = _resources(count, leftovers, rng)

    components: dict[str, JSON] = dict(_shared_schemas())
    for res in resources:
        components.update(_resource_schemas(res, rng))

    paths: dict[str, JSON] = {}
    streams = [_operations_of(res, deprecated=index % 7 == 3) for index, res in enumerate(resources)]
    made = 0
    while made < operations:
        for stream in streams:
            if made == operations:
                break
            path, method, op = next(stream)
            paths.setdefault(path, {})[method] = op
            made += 1

    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Synthetic SMS API",
            "version": "1.0.0",
            "description": (
                f"Written by scripts/synthetic_document.py --operations {operations} --schemas {schemas} "
                f"--seed {seed}: a benchmark document shaped like the Salesmsg API, not a real API."
            ),
        },
        "servers": [{"url": "https://api.example.com/pub/v1"}],
        "security": [{"bearerAuth": []}],
        "tags": [{"name": tag, "description": f"{tag} resources."} for tag in TAGS],
        "paths": paths,
        "components": {
            "schemas": components,
            "responses": {
                "Unauthorized": _json({"$ref": "#/components/schemas/Error"}, "Missing or bad token."),
                "NotFound": _json({"$ref": "#/components/schemas/Error"}, "No such object."),
                "TooManyRequests": _json({"$ref": "#/components/schemas/Error"}, "Rate limited."),
                "Unprocessable": _json({"$ref": "#/components/schemas/ValidationError"}, "Invalid input."),
            },
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }


def dump(document: JSON) -> str:
    """Two-space indented JSON with sorted keys and a final newline (the snapshot's own format)."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="synthetic_document.py", description=__doc__.split("\n")[0])
    parser.add_argument("--operations", type=int, default=400, help="number of operations (400)")
    parser.add_argument("--schemas", type=int, default=300, help="number of component schemas (300)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (same seed, same bytes)")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    try:
        text = dump(build_document(args.operations, args.schemas, args.seed))
    except ValueError as exc:
        parser.error(str(exc))
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
