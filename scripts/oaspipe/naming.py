"""The generator's own naming rules, reused so that checks agree with what it writes.

openapi-python-client is pinned (0.29.1), so importing its `PythonIdentifier` is exact rather than
a re-implementation that could drift.

    >>> endpoint_module("GET", "/contacts/{contact}", {"operationId": "getContact", "tags": ["Contacts"]})
    'api/contacts/get_contact.py'
"""

from __future__ import annotations

from typing import Any

from openapi_python_client.strings import PythonIdentifier

#: Default `field_prefix` of the generator's config.
FIELD_PREFIX = "field_"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def python_identifier(value: str, prefix: str = FIELD_PREFIX) -> str:
    """The Python name the generator derives from a wire name (`media_url[][url]` → `media_urlurl`)."""
    return str(PythonIdentifier(value, prefix=prefix))


def endpoint_name(method: str, path: str, operation: dict[str, Any], prefix: str = FIELD_PREFIX) -> str:
    """The function-module name: the operationId in snake_case, or `{method}_{path}` without one."""
    from openapi_python_client.parser.openapi import generate_operation_id
    from openapi_python_client.schema import UntrustedString

    op_id = operation.get("operationId")
    if isinstance(op_id, str):
        name = python_identifier(op_id, prefix)
    else:
        name = str(generate_operation_id(path=UntrustedString(path), method=method.lower(), prefix=prefix))
    # The module file name is run through PythonIdentifier once more when written.
    return python_identifier(name, prefix)


def tag_dir(operation: dict[str, Any]) -> str:
    """The `api/` sub-package an operation lands in: its first tag, or `default`."""
    tags = operation.get("tags") or ["default"]
    return python_identifier(str(tags[0]), "tag")


def endpoint_module(method: str, path: str, operation: dict[str, Any], prefix: str = FIELD_PREFIX) -> str:
    """Package-relative path of the module the generator writes for one operation."""
    return f"api/{tag_dir(operation)}/{endpoint_name(method, path, operation, prefix)}.py"


def iter_operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) for every operation, in document order."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                found.append((method.upper(), path, operation))
    return found
