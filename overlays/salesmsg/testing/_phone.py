"""Phone numbers: E.164 for storage and comparison, the vendor's display form for output.

>>> normalize("(555) 510-0001"), normalize("+44 20 7946 0958"), normalize("hello")
('+15555100001', '+442079460958', None)
>>> display("+15555100001")
'(555) 510-0001'
"""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D")


def normalize(raw: str) -> str | None:
    """E.164, reading 10 digits (or 11 starting with 1) as a North American number; None if unreadable."""
    digits = _NON_DIGITS.sub("", raw)
    if raw.strip().startswith("+"):
        return "+" + digits if 8 <= len(digits) <= 15 else None
    if len(digits) == 10:
        return "+1" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    return None


def display(e164: str) -> str:
    """ "(555) 510-0001" for North American numbers, E.164 otherwise."""
    if e164.startswith("+1") and len(e164) == 12:
        return f"({e164[2:5]}) {e164[5:8]}-{e164[8:]}"
    return e164


def country_of(e164: str) -> tuple[str, str, str]:
    """(country, calling code, national number); only the North American plan is told apart."""
    if e164.startswith("+1") and len(e164) == 12:
        return "US", "1", e164[2:]
    return "", "", e164.lstrip("+")
