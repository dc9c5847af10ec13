"""`salesmsg._phone`: E.164 numbers from what people type, refused with a reason when impossible."""

from __future__ import annotations

import doctest

import pytest
from salesmsg import _phone
from salesmsg._phone import InvalidPhoneNumberError, is_e164, to_e164


@pytest.mark.parametrize(
    ("number", "region", "expected"),
    [
        ("+14155550100", "US", "+14155550100"),
        ("+1 (415) 555-0100", "US", "+14155550100"),
        ("+1 (415) 555-0100", None, "+14155550100"),
        ("415-555-0100", "US", "+14155550100"),
        ("415-555-0100", "CA", "+14155550100"),
        ("415-555-0100", "ca", "+14155550100"),  # region case does not matter
        ("(415) 555-0100", "US", "+14155550100"),
        ("415.555.0100", "US", "+14155550100"),
        ("4155550100", "US", "+14155550100"),
        ("1-415-555-0100", "US", "+14155550100"),  # the trunk 1, as often written
        ("1 (604) 555 0199", "CA", "+16045550199"),
        ("787-555-0100", "PR", "+17875550100"),  # NANP beyond US/CA
        ("  +1 415 555 0100\n", "US", "+14155550100"),  # surrounding whitespace
        ("+1\u00a0415\u00a0555\u00a00100", "US", "+14155550100"),  # no-break spaces from a web page
        ("+44 20 7946 0958", "US", "+442079460958"),  # "+" wins over the region
        ("+44 20 7946 0958", None, "+442079460958"),
        ("+44 (0)20 7946 0958", None, "+442079460958"),  # UK "(0)" trunk: not dialled from abroad
        ("+49 30 901820", None, "+4930901820"),
        ("+61 2 9374 4000", None, "+61293744000"),
        ("+683 4002", None, "+6834002"),  # Niue: 7 digits, the shortest numbers in service
        ("+86 138 0013 8000", None, "+8613800138000"),
        ("+999 123 456 789 012", None, "+999123456789012"),  # 15 digits: the E.164 maximum
    ],
)
def test_accepted(number: str, region: str | None, expected: str) -> None:
    assert to_e164(number, default_region=region) == expected
    assert is_e164(expected)


@pytest.mark.parametrize(
    ("number", "region", "reason"),
    [
        ("", "US", "it is empty"),
        ("   ", "US", "it is empty"),
        ("+", "US", "it has no digits"),
        ("()-.", "US", "it has no digits"),
        ("1-800-FLOWERS", "US", "it contains letters (letter numbers and extensions are not accepted)"),
        ("415-555-0100 ext 12", "US", "it contains letters (letter numbers and extensions are not accepted)"),
        ("415-555-0100#12", "US", "it contains '#'"),
        ("415/555/0100", "US", "it contains '/'"),
        ("\uff14\uff11\uff15-555-0100", "US", "it contains '\uff14'"),  # full-width digits
        ("1+415-555-0100", "US", "'+' may only come first"),
        ("++14155550100", None, "'+' may only come first"),
        ("415-555-0100", None, "it has no +country code, and default_region is None"),
        ("555-0100", "US", "a US number has 10 digits (area code + 7), found 7"),
        ("415-555-01000", "US", "a US number has 10 digits (area code + 7), found 11"),
        ("2-415-555-0100", "CA", "a CA number has 10 digits (area code + 7), found 11"),
        ("015-555-0100", "US", "the area code 015 cannot start with 0"),
        ("115-555-0100", "US", "the area code 115 cannot start with 1"),
        ("415-055-0100", "US", "the exchange 055 cannot start with 0"),
        ("415-155-0100", "US", "the exchange 155 cannot start with 1"),
        ("+1 415 555 010", None, "a +1 number has 10 digits after the 1 (area code + 7), found 9"),
        ("+1 415 555 01000", None, "a +1 number has 10 digits after the 1 (area code + 7), found 11"),
        ("+0 20 7946 0958", None, "a country code cannot start with 0"),
        ("+044 20 7946 0958", None, "a country code cannot start with 0"),
        ("+44 1234", None, "too short: 6 digits with the country code, at least 7 needed"),
        ("+999 123 456 789 0123", None, "E.164 allows at most 15 digits with the country code, found 16"),
    ],
)
def test_refused_with_the_reason_and_the_input(number: str, region: str | None, reason: str) -> None:
    with pytest.raises(InvalidPhoneNumberError) as caught:
        to_e164(number, default_region=region)

    assert caught.value.reason == reason
    assert caught.value.number == number
    assert str(caught.value) == f"{number!r} is not a valid phone number: {reason}"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("region", ["GB", "", "USA"])
def test_unsupported_region_is_a_plain_value_error(region: str) -> None:
    with pytest.raises(ValueError, match="is not supported: national numbers are understood") as caught:
        to_e164("+14155550100", default_region=region)

    assert not isinstance(caught.value, InvalidPhoneNumberError)  # a bug in the caller, not bad input


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+14155550100", True),
        ("+442079460958", True),
        ("+6834002", True),
        ("14155550100", False),  # no "+"
        ("+1 415 555 0100", False),  # not normalised
        ("+1-415-555-0100", False),
        ("+10155550100", False),  # NANP area code 015
        ("+1415555010", False),  # NANP too short
        ("+0442079460958", False),
        ("+", False),
        ("", False),
        ("+٤١٥٥٥٥٠١٠٠١", False),  # non-ASCII digits
        ("+1234567890123456", False),  # 16 digits
        (None, False),
        (14155550100, False),
    ],
)
def test_is_e164(value: object, expected: bool) -> None:
    assert is_e164(value) is expected


def test_docstring_examples_run() -> None:
    result = doctest.testmod(_phone)
    assert result.attempted > 0
    assert result.failed == 0
