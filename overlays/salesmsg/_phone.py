"""E.164 phone numbers, checked and normalised before anything is sent.

Salesmsg names contacts by E.164 numbers (``+14155550100``). People type them every which way;
`to_e164` accepts the common forms and refuses the rest with a message that says what was wrong:

    >>> to_e164("+1 (415) 555-0100")
    '+14155550100'
    >>> to_e164("415.555.0100")  # a national number is read in default_region ("US")
    '+14155550100'
    >>> to_e164("+44 (0)20 7946 0958")  # the "(0)" trunk prefix is not dialled from abroad
    '+442079460958'
    >>> is_e164("+14155550100"), is_e164("415-555-0100")
    (True, False)
    >>> try:
    ...     to_e164("415-555-0100", default_region=None)
    ... except InvalidPhoneNumberError as exc:
    ...     print(exc)
    '415-555-0100' is not a valid phone number: it has no +country code, and default_region is None

Deliberately small and dependency-free (no ``phonenumbers``): spaces, dots, dashes and parentheses
are dropped; +1 (NANP: US, Canada, the Caribbean) gets the real structure check (10 digits, area
code and exchange not starting with 0 or 1); every other country only the E.164 length rule, so a
wrong number there can still pass and be refused by the carrier. National numbers are understood
for NANP regions only; write other countries with their ``+`` code.
"""

from __future__ import annotations

__all__ = ["NANP_REGIONS", "InvalidPhoneNumberError", "is_e164", "to_e164"]

#: ISO 3166 codes of the North American Numbering Plan members: national numbers there are +1.
NANP_REGIONS = frozenset(
    {"US", "CA", "AG", "AI", "AS", "BB", "BM", "BS", "DM", "DO", "GD", "GU", "JM"}
    | {"KN", "KY", "LC", "MP", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI"}
)

_DIGITS = frozenset("0123456789")
_SEPARATORS = frozenset(".-()")  # and any whitespace
_MAX_DIGITS = 15  # E.164, country code included
# E.164 sets no minimum; the shortest numbers in service (Niue, Tokelau: 3-digit code + 4 digits)
# have 7, so anything shorter is a typo.
_MIN_DIGITS = 7


class InvalidPhoneNumberError(ValueError):
    """A phone number that cannot be turned into E.164. `.number` is the input, `.reason` what failed."""

    def __init__(self, number: str, reason: str) -> None:
        super().__init__(f"{number!r} is not a valid phone number: {reason}")
        self.number = number
        self.reason = reason


def to_e164(number: str, *, default_region: str | None = "US") -> str:
    """`number` as E.164 (``+`` and 7 to 15 digits), or `InvalidPhoneNumberError`.

    A number without ``+`` is national to `default_region` (a NANP member such as "US" or "CA"; a
    leading 1 is allowed: "1-415-555-0100"). With ``default_region=None`` every number must carry its
    ``+`` country code. An unsupported region is a `ValueError` of its own: a bug, not bad input.
    """
    region = _nanp_region(default_region)
    text = number.strip()
    if not text:
        raise InvalidPhoneNumberError(number, "it is empty")
    international = text.startswith("+")
    rest = text[1:] if international else text
    if international:
        rest = rest.replace("(0)", "", 1)
    digits = []
    for char in rest:
        if char in _DIGITS:
            digits.append(char)
        elif char in _SEPARATORS or char.isspace():
            continue
        elif char == "+":
            raise InvalidPhoneNumberError(number, "'+' may only come first")
        elif char.isalpha():
            raise InvalidPhoneNumberError(
                number, "it contains letters (letter numbers and extensions are not accepted)"
            )
        else:
            raise InvalidPhoneNumberError(number, f"it contains {char!r}")
    if not digits:
        raise InvalidPhoneNumberError(number, "it has no digits")
    national = "".join(digits)
    if international:
        e164 = national
    elif region is None:
        raise InvalidPhoneNumberError(number, "it has no +country code, and default_region is None")
    else:
        if len(national) == 11 and national.startswith("1"):
            national = national[1:]  # "1 415 555 0100": the NANP trunk prefix
        if len(national) != 10:
            raise InvalidPhoneNumberError(
                number, f"a {region} number has 10 digits (area code + 7), found {len(national)}"
            )
        e164 = "1" + national
    reason = _invalid_reason(e164)
    if reason:
        raise InvalidPhoneNumberError(number, reason)
    return "+" + e164


def is_e164(value: object) -> bool:
    """Whether `value` is already a valid E.164 string: ``+`` and digits, nothing else."""
    if not isinstance(value, str) or not value.startswith("+"):
        return False
    digits = value[1:]
    return bool(digits) and set(digits) <= _DIGITS and _invalid_reason(digits) is None


def _invalid_reason(digits: str) -> str | None:
    """What is wrong with country code + national number `digits` (ASCII digits only), if anything."""
    if digits.startswith("0"):
        return "a country code cannot start with 0"
    if len(digits) > _MAX_DIGITS:
        return f"E.164 allows at most {_MAX_DIGITS} digits with the country code, found {len(digits)}"
    if digits.startswith("1"):
        national = digits[1:]
        if len(national) != 10:
            return f"a +1 number has 10 digits after the 1 (area code + 7), found {len(national)}"
        if national[0] in "01":
            return f"the area code {national[:3]} cannot start with {national[0]}"
        if national[3] in "01":
            return f"the exchange {national[3:6]} cannot start with {national[3]}"
    elif len(digits) < _MIN_DIGITS:
        return f"too short: {len(digits)} digits with the country code, at least {_MIN_DIGITS} needed"
    return None


def _nanp_region(region: str | None) -> str | None:
    if region is None:
        return None
    upper = region.upper()
    if upper not in NANP_REGIONS:
        raise ValueError(
            f"default_region {region!r} is not supported: national numbers are understood for NANP "
            "regions only (US, CA, ...); pass None and write numbers with their +country code"
        )
    return upper
