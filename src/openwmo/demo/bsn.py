"""Synthetic citizen service numbers (BSN) that pass the 11-check.

Numbers are handed out by walking the 8-digit prefix down from 99999999 and computing
the ninth digit: a9 = (9*a1 + 8*a2 + ... + 2*a8) mod 11; a prefix whose remainder is 10
has no valid ninth digit and is skipped. A town of 20,000 residents stays in the 999xxxxxx
test range; a million residents still fit in 9xxxxxxxx.
"""

from collections.abc import Iterator

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(prefix: str) -> int | None:
    """The ninth digit for an 8-digit prefix, or None when the prefix has none."""
    remainder = sum(w * int(d) for w, d in zip(WEIGHTS, prefix, strict=True)) % 11
    return None if remainder == 10 else remainder


def bsn_numbers(start: int = 99_999_999) -> Iterator[str]:
    """Valid BSNs in descending order of their prefix."""
    for prefix_number in range(start, 9_999_999, -1):
        prefix = f"{prefix_number:08d}"
        digit = check_digit(prefix)
        if digit is not None:
            yield f"{prefix}{digit}"
