"""The project navigator's page in plain SQL (``store.plain``): filter, sort and page in the database,
then one statement for the page's rows with their next milestone, attention counts and meter sums as
correlated subqueries (no query per row), mapped to ``ProjectSummary`` here.

This runs on every keystroke in the filter box: SQLAlchemy's statement building, compiling and result
rows cost as much as the queries themselves did. Search text is matched literally (LIKE wildcards
escaped); every value is a bound parameter, and the SQL fragments below are our own constants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from deliverydesk.domain.enums import Decision, Language, MilestoneStatus, ProjectStatus
from deliverydesk.domain.frozen import frozen_record
from deliverydesk.domain.metrics import meter
from deliverydesk.domain.models import ProjectSummary
from deliverydesk.domain.search import like_pattern
from deliverydesk.domain.workdays import calendar_covering, slip_working_days, with_extra_days
from deliverydesk.store.meter_sql import GOODWILL_USED, LIVE_REQUEST, OUT_OF_SCOPE
from deliverydesk.store.plain import Members, Reader, in_list, quoted, to_date, to_datetime
from deliverydesk.store.working_days import non_working_days


@dataclass(frozen=True)
class ProjectFilter:
    text: str = ""
    status: ProjectStatus | None = None
    client_id: str | None = None
    include_archived: bool = False


_STATUSES, _LANGUAGES = Members(ProjectStatus), Members(Language)

SUMMARY_SORTS = (
    "code",
    "name",
    "client",
    "status",
    "start_date",
    "end_date",
    "updated",
    "next_milestone",  # date of the next open milestone; projects without one come last
    "attention",  # overdue milestones + pending decisions + milestones waiting on the client
    "goodwill",  # share of the goodwill budget used; projects without a budget come last
    "scope_creep",  # accepted out-of-scope hours per contracted hour; without contracted effort, last
)
NULLABLE_SORTS = frozenset({"start_date", "end_date", "next_milestone", "goodwill", "scope_creep"})


MILESTONE_DATE = "coalesce(m.actual_date, m.forecast_date, m.baseline_date)"
OPEN_MILESTONE = (
    "m.project_id = p.id AND m.archived_at IS NULL"
    f" AND m.status NOT IN ({quoted(MilestoneStatus.DONE, MilestoneStatus.ACCEPTED)})"
)
PENDING = (
    f"(SELECT count(*) FROM change_request cr WHERE {LIVE_REQUEST}"
    f" AND cr.decision IN ({quoted(Decision.PENDING, Decision.PENDING_APPROVAL)}))"
)
OVERDUE = f"(SELECT count(*) FROM milestone m WHERE {OPEN_MILESTONE} AND {MILESTONE_DATE} < :today)"
WAITING = (
    f"(SELECT count(*) FROM milestone m WHERE {OPEN_MILESTONE}"
    f" AND m.status = '{MilestoneStatus.WAITING_ON_CLIENT.value}')"
)
SORT_KEYS = {
    "code": "p.code",
    "name": "p.name",
    "client": "c.name",
    "status": "p.status",
    "start_date": "p.start_date",
    "end_date": "p.end_date",
    "updated": "p.updated_at",
    "next_milestone": f"(SELECT min({MILESTONE_DATE}) FROM milestone m WHERE {OPEN_MILESTONE})",
    "attention": f"({OVERDUE} + {WAITING} + {PENDING})",
    "goodwill": f"({GOODWILL_USED} / nullif(p.goodwill_budget_hours, 0))",
    "scope_creep": f"({OUT_OF_SCOPE} / nullif(p.contracted_effort_hours, 0))",
}
_FROM = "FROM project p JOIN client c ON c.id = p.client_id"
_PAGE = f"""
SELECT s.*, nm.name, nm.baseline_date, nm.forecast_date, nm.actual_date FROM (
  SELECT p.id, p.code, p.name, p.client_id, c.name AS client_name, p.status, p.language,
         p.start_date, p.end_date, p.archived_at, p.holiday_calendar, p.goodwill_budget_hours,
         p.contracted_effort_hours,
         (SELECT m.id FROM milestone m WHERE {OPEN_MILESTONE} ORDER BY {MILESTONE_DATE}, m.ref LIMIT 1)
           AS next_milestone_id,
         {OVERDUE}, {WAITING}, {PENDING}, {GOODWILL_USED}, {OUT_OF_SCOPE}
  {_FROM} WHERE p.id IN {{ids}}
) s LEFT JOIN milestone nm ON nm.id = s.next_milestone_id
"""


def _where(r: Reader, where: ProjectFilter, params: dict[str, Any]) -> str:
    conditions = ["1 = 1"]
    if not where.include_archived:
        conditions.append("p.archived_at IS NULL")
    if where.status is not None:
        conditions.append("p.status = :status")
        params["status"] = ProjectStatus(where.status).value  # a member, or its value from a Qt combo
    if where.client_id is not None:
        conditions.append("p.client_id = :client_id")
        params["client_id"] = where.client_id
    text = where.text.strip()
    if text:
        params["pattern"] = like_pattern(text)
        matches = " OR ".join(
            f"{column} {r.like} :pattern ESCAPE '\\'" for column in ("p.code", "p.name", "c.name")
        )
        conditions.append(f"({matches})")
    return " AND ".join(conditions)


def _ordering(sort: str, descending: bool) -> str:
    """Rows without a value (no next milestone...) last in both directions; then the key; then code.
    (The NULL test is left out for keys that are never NULL: it would keep an index from ordering.)"""
    key = SORT_KEYS[sort]
    direction = f"{key} {'DESC' if descending else 'ASC'}"
    return f"{key} IS NULL, {direction}, p.code" if sort in NULLABLE_SORTS else f"{direction}, p.code"


def project_summaries(
    r: Reader,
    where: ProjectFilter,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    today: date,
) -> tuple[list[ProjectSummary], int]:
    """One page of navigator rows (in page order) and the number of projects matching.

    The page's ids are chosen first, so the per-project subqueries run for the page's rows only."""
    params: dict[str, Any] = {"today": r.day(today)}
    conditions = _where(r, where, params)
    total = int(r.scalar(f"SELECT count(*) {_FROM} WHERE {conditions}", params) or 0)
    page_ids = [
        row[0]
        for row in r.rows(
            f"SELECT p.id {_FROM} WHERE {conditions} ORDER BY {_ordering(sort, descending)}"
            " LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
    ]
    if not page_ids:
        return [], total
    ids: dict[str, Any] = {"today": params["today"]}
    rows = r.rows(_PAGE.format(ids=in_list("id", page_ids, ids)), ids)
    extra = non_working_days(r, [row[0] for row in rows if row[20] is not None])
    position = {project_id: n for n, project_id in enumerate(page_ids)}
    summaries = [_summary(row, extra.get(row[0], frozenset())) for row in rows]
    return sorted(summaries, key=lambda s: position[s.id]), total


def _summary(row: Sequence[Any], extra_days: frozenset[date]) -> ProjectSummary:
    """A page row as its ``ProjectSummary``, built at once (``frozen_record``: every field, in order):
    its generated ``__init__`` sets each of the 18 fields through ``object.__setattr__``, ~30k
    instructions a row, more than the rest of the row's mapping; a page has up to 200 rows."""
    baseline = to_date(row[20])
    slip = next_date = None
    if baseline is not None:
        forecast, actual = to_date(row[21]), to_date(row[22])
        calendar = with_extra_days(calendar_covering(row[10], baseline, forecast, actual), extra_days)
        slip = slip_working_days(baseline, forecast, actual, calendar)
        next_date = actual or forecast or baseline
    return frozen_record(
        ProjectSummary,
        {
            "id": row[0],
            "code": row[1],
            "name": row[2],
            "client_id": row[3],
            "client_name": row[4],
            "status": _STATUSES[row[5]],
            "language": _LANGUAGES[row[6]],
            "start_date": to_date(row[7]),
            "end_date": to_date(row[8]),
            "next_milestone_name": row[19],
            "next_milestone_date": next_date,
            "slip_days": slip,
            "overdue_milestones": row[14],
            "waiting_on_client": row[15],
            "pending_decisions": row[16],
            "archived_at": to_datetime(row[9]),
            "goodwill": meter(row[17], row[11]),
            "scope_creep": meter(row[18], row[12]),
        },
    )
