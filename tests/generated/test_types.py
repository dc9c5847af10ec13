"""The helpers the template overrides add to the generated `types.py`."""

from __future__ import annotations

import datetime
import subprocess
import sys
from http import HTTPStatus

import pytest
from salesmsg_client.types import http_status, parse_date, parse_datetime

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-05-01 10:00:00", datetime.datetime(2024, 5, 1, 10, 0)),  # the vendor's usual form
        ("2024-05-01T10:00:00Z", datetime.datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
        ("2024-05-01T10:00:00.5+02:00", datetime.datetime(2024, 5, 1, 8, 0, 0, 500000, tzinfo=UTC)),
        ("2024-05-01", datetime.datetime(2024, 5, 1)),
        ("05/01/2024 10:00", datetime.datetime(2024, 5, 1, 10, 0)),  # read by dateutil
        ("Wed, 01 May 2024 10:00:00 GMT", datetime.datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
        ("", None),  # "not set", as the API sends it
    ],
)
def test_parse_datetime_is_lenient(raw: str, expected: datetime.datetime | None) -> None:
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize("raw", ["10", "garbage", "not a date 12"])
def test_parse_datetime_refuses_what_it_would_have_to_guess(raw: str) -> None:
    with pytest.raises(ValueError, match="Invalid date-time"):
        parse_datetime(raw)


def test_parse_date() -> None:
    assert parse_date("2024-05-01") == datetime.date(2024, 5, 1)
    assert parse_date("2024-05-01 23:59:59") == datetime.date(2024, 5, 1)
    assert parse_date("") is None


def test_http_status_keeps_codes_outside_the_registry() -> None:
    assert http_status(200) is HTTPStatus.OK
    assert http_status(599) == 599
    assert not isinstance(http_status(520), HTTPStatus)


def test_dateutil_is_not_imported_until_needed() -> None:
    code = (
        "import sys; from salesmsg_client.types import parse_datetime as p; p('2024-05-01 10:00:00');"
        "print('dateutil' in sys.modules); p('05/01/2024 10:00'); print('dateutil' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
