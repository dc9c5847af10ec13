"""Error answers in the shapes the vendor (a Laravel application behind an API gateway) sends.

    >>> error = validation_error({"number": ["The number field is required."]})
    >>> error.status, error.body["message"]
    (422, 'The number field is required.')
    >>> not_found("Contact", 7).body
    {'message': 'No query results for model [App\\\\Models\\\\Contact] 7'}

Handlers raise `ApiError`; the request pipeline turns it into the response.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class ApiError(Exception):
    """An answer other than success: status, JSON body and extra headers."""

    def __init__(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(f"{status}: {body!r}")
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


def validation_error(errors: Mapping[str, Sequence[str]], **extra: Any) -> ApiError:
    """422 `{"message", "errors"}` as Laravel words it: the first message, then "(and N more errors)"."""
    messages = [message for field_messages in errors.values() for message in field_messages]
    message = messages[0] if messages else "The given data was invalid."
    if len(messages) > 1:
        more = len(messages) - 1
        message += f" (and {more} more error{'s' if more > 1 else ''})"
    return ApiError(422, {"message": message, "errors": {k: list(v) for k, v in errors.items()}, **extra})


def field_error(field: str, message: str, **extra: Any) -> ApiError:
    """422 for one field."""
    return validation_error({field: [message]}, **extra)


def not_found(model: str, key: object) -> ApiError:
    """404 of Laravel's route-model binding."""
    return ApiError(404, {"message": f"No query results for model [App\\Models\\{model}] {key}"})


def route_not_found(path: str) -> ApiError:
    return ApiError(404, {"message": f"The route {path.lstrip('/')} could not be found."})


def method_not_allowed(method: str, allowed: Sequence[str]) -> ApiError:
    methods = ", ".join(allowed)
    return ApiError(
        405,
        {"message": f"The {method} method is not supported for this route. Supported methods: {methods}."},
        {"Allow": methods},
    )
