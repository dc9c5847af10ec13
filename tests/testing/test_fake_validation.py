"""Requests that do not fit the document are refused; answers that do not fit it are recorded."""

from __future__ import annotations

import httpx
import pytest
from salesmsg.testing import FakeSalesmsg


def test_unknown_path_is_404_and_outside_the_base_path_too(fake: FakeSalesmsg, api: httpx.Client) -> None:
    response = api.get("/nothing/here")
    assert response.status_code == 404
    assert response.json() == {"message": "The route pub/v2.2/nothing/here could not be found."}
    assert httpx.get(fake.url.replace("/pub/v2.2", "/pub/v9/teams")).status_code == 404


def test_wrong_method_is_405_with_allow(api: httpx.Client) -> None:
    response = api.delete("/teams")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert "Supported methods: GET" in response.json()["message"]


def test_a_literal_path_wins_over_a_template(fake: FakeSalesmsg, api: httpx.Client) -> None:
    assert api.get("/teams/all").status_code == 200
    assert fake.requests[-1].operation_id == "listAllTeams"
    assert api.get("/messages/contacts", params={"contacts[]": 1001}).status_code == 200
    assert fake.requests[-1].operation_id == "listContactsMessages"


def test_missing_required_parameters_are_422_in_laravel_shape(fake: FakeSalesmsg, api: httpx.Client) -> None:
    response = api.get("/conversations", params={"filter": "open"})
    assert response.status_code == 422
    assert response.json() == {
        "message": "The limit field is required.",
        "errors": {"limit": ["The limit field is required."]},
    }
    both = api.post("/messages", params={"message": "Hi"}).json()
    assert both["message"] == "The number field is required. (and 1 more error)"
    assert set(both["errors"]) == {"number", "team_id"}
    assert fake.counters.validation_rejections == 2
    assert fake.sent_messages == []


@pytest.mark.parametrize(
    ("method", "path", "params", "field", "message"),
    [
        (
            "GET",
            "/conversations",
            {"filter": "open", "limit": "ten"},
            "limit",
            "The limit field must be an integer.",
        ),
        (
            "GET",
            "/teams",
            {"has_membership": "maybe"},
            "has_membership",
            "The has membership field must be true or false.",
        ),
        ("GET", "/teams/abc", {}, "team", "The team field must be an integer."),
        (
            "POST",
            "/tags",
            {"label": "x" * 51},
            "label",
            "The label field must not be greater than 50 characters.",
        ),
        (
            "GET",
            "/conversations",
            {"filter": "open", "limit": 5, "before": "yesterday"},
            "before",
            "The before field must be a valid date.",
        ),
    ],
)
def test_wrong_types_and_formats_are_422(
    api: httpx.Client, method: str, path: str, params: dict[str, str | int], field: str, message: str
) -> None:
    response = api.request(method, path, params=params)
    assert response.status_code == 422
    assert response.json()["errors"] == {field: [message]}


def test_json_bodies_are_checked_too(api: httpx.Client) -> None:
    typed = api.post("/contacts/list", json={"page": "first"})
    assert typed.status_code == 422
    assert typed.json()["errors"] == {"page": ["The page field must be an integer."]}
    assert api.post("/contacts/list").json()["errors"] == {"body": ["The request body is required."]}
    not_json = api.post("/contacts/list", content=b"{page:", headers={"Content-Type": "application/json"})
    assert not_json.json()["errors"] == {"body": ["The request body must be valid JSON."]}
    form = api.post("/contacts/list", data={"page": "1"})  # only the token endpoints take form bodies
    assert form.status_code == 422 and "application/x-www-form-urlencoded" in form.json()["message"]


def test_an_empty_query_value_counts_as_absent_as_in_laravel(api: httpx.Client) -> None:
    assert api.get("/conversations", params={"filter": "", "limit": 5}).json()["errors"] == {
        "filter": ["The filter field is required."]
    }


def test_validation_can_be_switched_off_but_types_are_still_read() -> None:
    with FakeSalesmsg(rate_limit=None, validate_requests=False) as fake:
        headers = {"Authorization": f"Bearer {fake.access_token}"}
        long_label = httpx.post(f"{fake.url}/tags", params={"label": "x" * 60}, headers=headers)
        assert long_label.status_code == 200  # maxLength not enforced
        not_a_number = httpx.get(f"{fake.url}/teams/abc", headers=headers)
        assert not_a_number.status_code == 422  # but a path id must still be a number
        # The long label then comes back in an answer, where response validation notices it.
        assert [v.operation_id for v in fake.response_violations] == ["createTag"]


def test_response_validation_records_an_answer_that_breaks_the_document() -> None:
    with FakeSalesmsg(rate_limit=None) as fake:
        headers = {"Authorization": f"Bearer {fake.access_token}"}
        # Data the document cannot express: the answer still goes out, and the violation is kept.
        with fake.store.lock:
            fake.store.contacts[1001].first_name = 42  # type: ignore[assignment]
        response = httpx.get(f"{fake.url}/contacts/1001", headers=headers)
        assert response.status_code == 200 and response.json()["first_name"] == 42
        [violation] = fake.response_violations
        assert violation.operation_id == "getContact" and violation.status == 200
        assert violation.problems == ("getContact 200: first_name: 42 is not of type 'string'",)
        assert str(violation).startswith("GET /contacts/1001 -> 200: ")


def test_response_validation_can_be_switched_off() -> None:
    with FakeSalesmsg(rate_limit=None, validate_responses=False) as fake:
        with fake.store.lock:
            fake.store.contacts[1001].first_name = 42  # type: ignore[assignment]
        httpx.get(f"{fake.url}/contacts/1001", headers={"Authorization": f"Bearer {fake.access_token}"})
        assert fake.response_violations == []


def test_a_bug_in_a_handler_answers_500_and_is_kept(fake: FakeSalesmsg, api: httpx.Client) -> None:
    with fake.store.lock:
        fake.store.contacts[1001].tag_ids = None  # type: ignore[assignment]  # rendering now raises
    response = api.get("/contacts/1001")
    assert (response.status_code, response.json()) == (500, {"message": "Server Error"})
    [trace] = fake.server_errors
    assert "TypeError" in trace
    fake.clear_violations()  # provoked on purpose; the fixture fails tests on server errors
