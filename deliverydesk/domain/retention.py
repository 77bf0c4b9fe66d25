"""Which backups to keep: a pure rule over the times the backups were taken.

Grandfather-father-son, counted in *periods that have a backup* (as borg and restic do), not in
calendar periods back from today: an app left unused for a year still keeps its last backups.
For each of the newest ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have at
least one backup, the newest backup of that period is kept. The newest backup is always kept.
Periods are taken from the datetimes as given (DeliveryDesk passes UTC).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 6


DEFAULT_POLICY = RetentionPolicy()


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _iso_week(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def _newest_per_period(
    newest_first: list[datetime], period_of: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    kept: dict[Hashable, datetime] = {}
    for moment in newest_first:
        period = period_of(moment)
        if period not in kept:
            if len(kept) == count:
                break
            kept[period] = moment
    return set(kept.values())


def backups_to_keep(taken: Iterable[datetime], policy: RetentionPolicy = DEFAULT_POLICY) -> set[datetime]:
    """The subset of ``taken`` to keep; every other backup may be deleted."""
    newest_first = sorted(set(taken), reverse=True)
    if not newest_first:
        return set()
    keep = {newest_first[0]}
    keep |= _newest_per_period(newest_first, _day, policy.daily)
    keep |= _newest_per_period(newest_first, _iso_week, policy.weekly)
    keep |= _newest_per_period(newest_first, _month, policy.monthly)
    return keep
