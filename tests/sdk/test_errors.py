"""The error hierarchy: each class for its status, everything kept, no token anywhere."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from salesmsg import errors

SECRET = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.SECRET-PAT"


def answer(status: int, body: bytes | str = b"", headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request(
        "POST",
        "https://api.salesmessage.com/pub/v2.2/messages/42?message=hi",
        headers={"Authorization": f"Bearer {SECRET}"},
    )
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers=headers or {}, request=request)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.ValidationError),
        (429, errors.RateLimitError),
        (418, errors.APIStatusError),
        (500, errors.ServerError),
        (502, errors.ServerError),
        (503, errors.ServerError),
    ],
)
def test_each_status_has_its_class_and_keeps_the_response(
    status: int, cls: type[errors.APIStatusError]
) -> None:
    response = answer(status, '{"message": "Nope"}', {"X-Request-Id": "r-1"})
    exc = errors.error_for_response(response)
    assert type(exc) is cls
    assert isinstance(exc, errors.APIStatusError) and isinstance(exc, errors.SalesmsgError)
    assert exc.status_code == status
    assert exc.method == "POST"
    assert exc.url == "https://api.salesmessage.com/pub/v2.2/messages/42?message=hi"
    assert exc.headers["x-request-id"] == "r-1"
    assert exc.body == b'{"message": "Nope"}'
    assert exc.json_body == {"message": "Nope"}
    assert exc.response.status_code == status and exc.response.content == response.content
    assert str(exc) == f"POST https://api.salesmessage.com/pub/v2.2/messages/42?message=hi -> {status}: Nope"


def test_no_token_in_message_repr_or_attributes() -> None:
    for status in (401, 403, 422, 429, 500):
        exc = errors.error_for_response(answer(status, "<!DOCTYPE html><html>oops</html>"))
        rendered = " ".join([str(exc), repr(exc), repr(vars(exc).get("headers")), exc.url])
        assert SECRET not in rendered
    parse = errors.ResponseParseError("bad", response=answer(200, "{"))
    assert SECRET not in str(parse) + repr(parse)


def test_validation_error_lists_fields_and_the_duplicate_contact() -> None:
    body = (
        '{"message": "The given data was invalid.", "errors": {"number": ["Already taken."]}, '
        '"contact_id": 7}'
    )
    exc = errors.error_for_response(answer(422, body))
    assert isinstance(exc, errors.ValidationError)
    assert exc.errors == {"number": ["Already taken."]}
    assert exc.contact_id == 7
    assert "number: Already taken." in str(exc)


def test_message_may_be_a_list_or_null() -> None:
    exc = errors.error_for_response(answer(422, '{"message": ["first is bad", "second is bad"]}'))
    assert "first is bad; second is bad" in str(exc)
    assert isinstance(exc, errors.ValidationError) and exc.errors == {
        "message": ["first is bad", "second is bad"]
    }
    null = errors.error_for_response(answer(500, '{"message": null}'))
    assert str(null).endswith('-> 500: {"message": null}')


def test_oauth_errors_use_error_description() -> None:
    exc = errors.error_for_response(answer(400, '{"error": "invalid_grant", "error_description": "expired"}'))
    assert str(exc).endswith("-> 400: expired")


def test_long_html_bodies_are_previewed_but_kept_whole() -> None:
    html = "<!DOCTYPE html>" + "x" * 5000
    exc = errors.error_for_response(answer(502, html))
    assert len(str(exc)) < 400 and "(5015 bytes)" in str(exc)
    assert exc.text == html


def test_rate_limit_error_reads_retry_after() -> None:
    assert errors.error_for_response(answer(429, "", {"Retry-After": "7"})).retry_after == 7.0  # type: ignore[attr-defined]
    assert errors.error_for_response(answer(429)).retry_after is None  # type: ignore[attr-defined]


def test_parse_retry_after_forms() -> None:
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert errors.parse_retry_after(httpx.Headers({"retry-after-ms": "1500"})) == 1.5
    assert errors.parse_retry_after(httpx.Headers({"retry-after": "2.5"})) == 2.5
    assert 28 <= (errors.parse_retry_after(httpx.Headers({"retry-after": date}), now=now) or 0) <= 30
    assert errors.parse_retry_after(httpx.Headers({"retry-after": "soon"})) is None
    assert errors.parse_retry_after(httpx.Headers({"retry-after": "-3"})) == 0.0
    assert errors.parse_retry_after(httpx.Headers()) is None


def test_connection_errors_name_the_request() -> None:
    request = httpx.Request("GET", "https://user:pw@api.salesmessage.com/pub/v2.2/teams")
    exc = errors.APITimeoutError(request=request)
    assert isinstance(exc, errors.APIConnectionError)
    assert exc.method == "GET" and exc.url == "https://api.salesmessage.com/pub/v2.2/teams"
    assert "pw" not in repr(exc)


def test_response_parse_error_keeps_everything() -> None:
    response = answer(200, "<html>maintenance</html>", {"Content-Type": "text/html"})
    exc = errors.ResponseParseError("the body is not JSON", response=response)
    assert exc.status_code == 200
    assert exc.headers["content-type"] == "text/html"
    assert exc.body == b"<html>maintenance</html>"
    assert str(exc).startswith("POST https://api.salesmessage.com/pub/v2.2/messages/42?message=hi -> 200")


def test_the_kept_request_has_no_credentials() -> None:
    response = answer(401, '{"message": "Unauthorized"}', {"Content-Encoding": "identity"})
    for exc in (errors.error_for_response(response), errors.ResponseParseError("x", response=response)):
        assert "authorization" not in exc.request.headers
        assert "authorization" not in exc.response.request.headers
        assert exc.request.url == response.request.url and exc.request.method == "POST"
        assert exc.headers["content-encoding"] == "identity"
        assert exc.response.content == b'{"message": "Unauthorized"}'
    assert response.request.headers["authorization"] == f"Bearer {SECRET}"  # the caller's own is untouched
