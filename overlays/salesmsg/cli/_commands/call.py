"""`salesmsg operations [OPERATION_ID]` and `salesmsg call OPERATION_ID key=value ...`.

    $ salesmsg operations                       # every operation: id, method, path, summary
    $ salesmsg operations listConversations     # its parameters, their types and an example
    $ salesmsg call listConversations filter=closed limit=10
    $ salesmsg call updateContact contact=1001 body='{"first_name": "Ada"}'
    $ salesmsg call listTags --all --json       # every page of a list operation

Both read the operations from the generated package (see `salesmsg.cli._catalog`), so an operation
added by a regeneration is callable at once. `call` goes through the same client as every other
command: token refresh, retries that never repeat a send, the rate limiter, typed errors.
"""

from __future__ import annotations

import importlib
import textwrap
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from .._catalog import Operation, load_catalog
from .._coerce import Slot, coerce, describe_type, slots
from .._context import Context
from .._exit import CLIError, UsageError
from .._output import counted
from .._table import Column

# The auth endpoints (salesmsg.auth's paths; kept here so that `operations` need not import httpx).
_TOKEN_PATHS = frozenset({"/oauth/personal-token/refresh", "/oauth/token/refresh", "/oauth/token"})

COLUMNS = [
    Column("OPERATION", "operation_id"),
    Column("METHOD", "method"),
    Column("PATH", "path"),
    Column("SUMMARY", "summary", flex=True),
]


def operations(ctx: Context) -> None:
    catalog = load_catalog()
    if ctx.args.operation is None:
        rows = [_row(op) for op in catalog]
        ctx.out.items(rows, COLUMNS)
        return
    operation = catalog.find(ctx.args.operation)
    available = slots(_module(operation)._get_kwargs, operation.parameters)
    if ctx.out.as_json:
        ctx.out.one(
            {**_row(operation), "description": operation.description, "parameters": _params(available)}
        )
        return
    ctx.out.lines(_describe(operation, available, catalog.resolve))


def call(ctx: Context) -> None:
    args = ctx.args
    operation = load_catalog().find(args.operation)
    if operation.path in _TOKEN_PATHS:
        # Its answer is a token: printing it is out, and a rotation behind the client's back
        # would leave the token file stale with the old token already dead.
        raise UsageError(
            f"{operation.operation_id} answers with tokens, which the CLI never prints: "
            "use `salesmsg auth refresh --token-file PATH` (or the SDK for an authorization code)"
        )
    if args.limit is not None and not args.all:
        raise UsageError("--limit goes with --all (a single call takes the operation's own limit parameter)")
    module = _module(operation)
    arguments = coerce(
        module._get_kwargs, args.arguments, documented=operation.parameters, label=operation.operation_id
    )
    if operation.deprecated:
        ctx.note(f"note: {operation.operation_id} is deprecated by Salesmsg")
    sm = ctx.client()
    if args.all:
        from ...pagination import Pager, style_for

        try:
            style = style_for(module)
        except ValueError:
            raise UsageError(
                f"{operation.operation_id} is not a list operation: --all does not apply"
            ) from None
        pages = Pager[Any](sm.client, module, arguments, style=style).pages()

        def on_page(page: int, items: int) -> None:
            ctx.progress.update(page, items, "items")

        ctx.out.items(counted(pages, limit=args.limit, on_page=on_page))
        ctx.progress.done()
        return
    from ..._invoke import call as invoke

    result = invoke(sm.client, module, **arguments)
    if isinstance(result, list):
        ctx.out.items(result)
    else:
        ctx.out.one(result)


def _module(operation: Operation) -> ModuleType:
    if operation.module is None:
        raise CLIError(
            f"{operation.operation_id} is in the document but has no generated module: run `make generate`"
        )
    return importlib.import_module(operation.module)


def _row(operation: Operation) -> dict[str, Any]:
    return {
        "operation_id": operation.operation_id,
        "method": operation.method,
        "path": operation.path,
        "summary": operation.summary_line(),
        "tag": operation.tag,
        "deprecated": operation.deprecated,
        "module": operation.module,
    }


def _params(available: Sequence[Slot]) -> list[dict[str, Any]]:
    return [
        {
            "name": slot.name,
            "python_name": slot.python_name,
            "in": slot.location,
            "required": slot.required,
            "type": describe_type(slot.annotation),
            "description": slot.documented.description if slot.documented else "",
        }
        for slot in available
    ]


def _describe(operation: Operation, available: Sequence[Slot], resolve: Any) -> list[str]:
    lines = [f"{operation.operation_id}: {operation.method} {operation.path}", operation.summary_line()]
    if operation.description and operation.description != operation.summary:
        lines += ["", *textwrap.wrap(" ".join(operation.description.split()), 96)]
    lines.append("")
    if not available:
        lines.append("parameters: none")
    else:
        lines.append("parameters (? = optional):")
        width = max(len(slot.name) + 1 for slot in available)
        for slot in available:
            name = slot.name + ("" if slot.required else "?")
            text = slot.documented.description if slot.documented else ""
            lines.append(f"  {name.ljust(width)}  {slot.location:<5}  {describe_type(slot.annotation)}")
            if text:
                lines += [f"  {' ' * width}  {line}" for line in textwrap.wrap(text, 80)]
    fields = _body_fields(operation, resolve)
    if fields:
        lines += ["", f"body fields: {', '.join(fields)}"]
    example = " ".join(f"{slot.name}=..." for slot in available if slot.required)
    lines += ["", f"  salesmsg call {operation.operation_id} {example}".rstrip()]
    return lines


def _body_fields(operation: Operation, resolve: Any) -> list[str]:
    """ "name (type)" for each property of a JSON request body, required ones marked with *."""
    if not operation.body:
        return []
    media = operation.body.get("content", {}).get("application/json", {})
    schema = resolve(media.get("schema", {}))
    if schema.get("type") == "array":
        schema = resolve(schema.get("items", {}))
    required = set(schema.get("required", []))
    fields = []
    for name, spec in schema.get("properties", {}).items():
        kind = resolve(spec).get("type", "object")
        fields.append(f"{name}{'*' if name in required else ''} ({kind})")
    return fields
