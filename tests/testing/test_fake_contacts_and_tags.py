"""Contacts and tags: the quirks the document and the facts describe, over real HTTP."""

from __future__ import annotations

import httpx
from salesmsg.testing import FakeSalesmsg


def test_create_contact_takes_query_parameters_and_a_duplicate_number_answers_422_with_contact_id(
    api: httpx.Client,
) -> None:
    created = api.post(
        "/contacts", params={"number": "(555) 510-7777", "first_name": "Ann", "last_name": "Lee"}
    )
    assert created.status_code == 200
    contact = created.json()
    assert (contact["number"], contact["full_name"], contact["formatted_number"]) == (
        "+15555107777",
        "Ann Lee",
        "(555) 510-7777",
    )

    duplicate = api.post("/contacts", params={"number": "+1 555 510 7777"})
    assert duplicate.status_code == 422
    assert duplicate.json() == {
        "message": "The number has already been taken.",
        "errors": {"number": ["The number has already been taken."]},
        "contact_id": contact["id"],
    }


def test_create_contact_refuses_a_json_body_without_the_query_parameter(api: httpx.Client) -> None:
    response = api.post("/contacts", json={"number": "+15555107777"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"number": ["The number field is required."]}


def test_update_contact_reads_json_and_delete_answers_an_array_of_strings(
    fake: FakeSalesmsg, api: httpx.Client
) -> None:
    updated = api.put("/contacts/1002", json={"first_name": "Johnny", "email": "j@example.com"})
    assert (updated.json()["full_name"], updated.json()["email"]) == ("Johnny Smith", "j@example.com")
    taken = api.put("/contacts/1002", json={"number": "+15555102001"})  # Jane's number
    assert (taken.status_code, taken.json()["contact_id"]) == (422, 1001)

    deleted = api.delete("/contacts/1002")
    assert deleted.status_code == 200
    assert all(isinstance(line, str) for line in deleted.json())
    assert api.get("/contacts/1002").status_code == 404
    assert 5002 not in [c["id"] for c in fake.conversations()]  # its conversation went with it


def test_unknown_contact_is_404_in_laravel_words(api: httpx.Client) -> None:
    response = api.get("/contacts/5001")  # a conversation id, not a contact id
    assert response.status_code == 404
    assert response.json() == {"message": "No query results for model [App\\Models\\Contact] 5001"}


def test_search_contacts_by_name_or_digits_with_a_limit(api: httpx.Client) -> None:
    assert [c["id"] for c in api.get("/contacts/search", params={"term": "GARC"}).json()["results"]] == [1003]
    by_digits = api.get("/contacts/search", params={"term": "5102", "limit": 2}).json()["results"]
    assert [c["id"] for c in by_digits] == [1001, 1002]


def test_list_contacts_pages_by_page_and_length_from_a_json_body(api: httpx.Client) -> None:
    page = api.post("/contacts/list", json={"page": 2, "length": 2, "sortBy": "first_name"}).json()
    assert [c["first_name"] for c in page["data"]] == ["Maria", "Sam"]
    assert page["meta"] == {"current_page": 2, "last_page": 3, "per_page": 2, "total": 5, "from": 3, "to": 4}
    first = api.post("/contacts/list", json={"page": 0, "length": 15, "useShortResponse": True}).json()
    assert first["meta"]["current_page"] == 1  # the vendor's example starts at page 0: read as 1
    assert set(first["data"][0]) == {"id", "full_name", "number", "created_at"}


def test_legacy_contact_list_serves_10_a_page_whatever_per_page_says(
    fake: FakeSalesmsg, api: httpx.Client
) -> None:
    for n in range(20):
        fake.add_contact(number=f"+1555511{n:04d}")
    page = api.get("/contacts", params={"per_page": 50, "limit": 50}).json()
    assert len(page["data"]) == 10
    assert page["meta"]["per_page"] == 10 and page["meta"]["total"] == 25
    last = api.get("/contacts", params={"page": 3}).json()
    assert (len(last["data"]), last["meta"]["last_page"]) == (5, 3)


def test_opt_out_sets_the_flag_and_time_and_opt_in_clears_them(api: httpx.Client) -> None:
    out = api.put("/contacts/opt-out/1001").json()
    assert out["opt_out"] is True and out["opt_out_at"]
    back = api.put("/contacts/opt-in/1001").json()
    assert back["opt_out"] is False and back["opt_out_at"] is None and back["opt_in_at"]


def test_tags_create_list_search_rename_attach_and_detach(fake: FakeSalesmsg, api: httpx.Client) -> None:
    created = api.post("/tags", params={"label": "Follow-up"}).json()
    assert api.post("/tags", params={"label": "follow-up"}).status_code == 422  # labels are unique
    assert api.post("/tags", params={"label": "x" * 51}).status_code == 422  # maxLength 50

    listed = api.get("/tags", params={"search": "follow", "page": 1, "length": 1}).json()
    assert [t["id"] for t in listed["data"]] == [created["id"]] and listed["meta"]["total"] == 1
    found = api.get("/tags/search", params={"term": "foll"}).json()
    assert found == {"results": [{"label": "Follow-up", "tag_id": created["id"]}]}
    assert api.put(f"/tags/{created['id']}", params={"label": "Call back"}).json()["label"] == "Call back"

    attached = api.put(f"/tags/contact/1002/{created['id']}").json()
    assert attached["type"] == "success"
    assert [t["label"] for t in fake.contact(1002)["tags"]] == ["Call back"]
    assert api.delete(f"/tags/contact/1002/{created['id']}").json()["type"] == "success"
    assert fake.contact(1002)["tags"] == []
    assert api.put("/tags/contact/1002/999").status_code == 404
