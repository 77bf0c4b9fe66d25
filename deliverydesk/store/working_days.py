"""A project's extra non-working days (issue 18), read with plain SQL (``store.plain``): Today, the
project list and the Overview count working days with them, without the ORM being loaded."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from deliverydesk.store.plain import Reader, in_list, to_day


def non_working_days(r: Reader, project_ids: Sequence[str]) -> dict[str, frozenset[date]]:
    """Project id -> its live extra non-working days (projects without any are left out)."""
    if not project_ids:
        return {}
    params: dict[str, object] = {}
    sql = (
        "SELECT project_id, day FROM non_working_day"
        f" WHERE project_id IN {in_list('p', dict.fromkeys(project_ids), params)} AND archived_at IS NULL"
    )
    found: dict[str, set[date]] = {}
    for project_id, day in r.rows(sql, params):
        found.setdefault(project_id, set()).add(to_day(day))
    return {project_id: frozenset(days) for project_id, days in found.items()}
