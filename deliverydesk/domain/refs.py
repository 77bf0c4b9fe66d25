"""Human references (S-3, X-1, M-2, E-2, CR-7, I-4): unique per project, assigned as max + 1.

Archived records keep their ref, and their numbers count: a ref is never reused."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class RefPrefix(StrEnum):
    SCOPE_ITEM = "S"
    EXCLUSION = "X"
    MILESTONE = "M"
    EXPECTATION = "E"
    CHANGE_REQUEST = "CR"
    ISSUE = "I"


def ref_number(prefix: RefPrefix, ref: str) -> int | None:
    """The number of ``ref`` if it has this prefix (``CR-7`` -> 7), else None."""
    match = re.fullmatch(rf"{prefix.value}-(\d+)", ref.strip())
    return int(match.group(1)) if match else None


def next_ref(prefix: RefPrefix, existing: Iterable[str]) -> str:
    """The next free ref after the highest one in use (archived refs included)."""
    numbers = (ref_number(prefix, ref) for ref in existing)
    highest = max((n for n in numbers if n is not None), default=0)
    return f"{prefix.value}-{highest + 1}"


def ref_sort_key(ref: str) -> tuple[str, int]:
    """Sort S-2 before S-10."""
    head, _, tail = ref.rpartition("-")
    return (head, int(tail)) if tail.isdigit() else (ref, 0)
