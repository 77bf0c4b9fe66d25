"""Upper bounds on money, hours and counts (pure): the same for a form, a bundle and the team server.

A value past these is a typing slip or a hostile file, never a real project: 2**63 cents overflows the
database's integers and 1e308 hours makes every ratio meaningless. The limits are generous on purpose.
"""

from __future__ import annotations

import math

from deliverydesk.i18n import Message, msg

MAX_HOURS = 1_000_000.0  # about 114 years of one person's work, round the clock
MAX_CENTS = 10**15  # ten trillion in the currency's units
MAX_DAYS = 36_500  # a hundred years
MAX_COUNT = 1_000_000  # versions, sizes in records: anything counted one by one


def limit_for(field: str) -> float | None:
    """The upper bound for a numeric field, known by its name's ending; None when it has none here."""
    if field.endswith("_hours") or field.startswith(("authority_hours", "goodwill_hours")):
        return MAX_HOURS
    if field.endswith("_cents") or "_cents_" in field:
        return MAX_CENTS
    if field.endswith("_days"):
        return MAX_DAYS
    if field in ("version",):
        return MAX_COUNT
    return None


def number_problem(field: str, value: float) -> Message | None:
    """A plain sentence when ``value`` is not a sensible amount for ``field``; None when it is."""
    if value < 0 and math.isfinite(value):
        return msg("This cannot be negative.")
    return size_problem(field, value)


def size_problem(field: str, value: float) -> Message | None:
    """Not finite, or larger (either way) than the bound for ``field``; None when it is within it.
    Bundles check this alone: records written by older versions may hold negative amounts."""
    if isinstance(value, float) and not math.isfinite(value):
        return msg("Enter a number.")
    limit = limit_for(field)
    if limit is not None and abs(value) > limit:
        return msg("This is more than the largest value allowed ({limit:,.0f}).", limit=limit)
    return None
