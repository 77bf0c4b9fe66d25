"""What the workspace shows after a project switch, in plain SQL (``store.plain``): the project with
its client, the client's contacts, milestones counted per health, expectations per status and change
requests per decision (what the scope guard's meters count), and the project's own days off. Short
statements that count in the database; the rows become the domain's dataclasses here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from deliverydesk.domain.client_defaults import contacts_language
from deliverydesk.domain.enums import (
    ContactRole,
    Decision,
    ExpectationStatus,
    Language,
    MilestoneStatus,
    ProjectStatus,
    ScopeCheck,
    Triage,
)
from deliverydesk.domain.frozen import frozen_record
from deliverydesk.domain.metrics import CLOSED_MILESTONE, MilestoneHealth
from deliverydesk.domain.models import ClientItem, ContactItem, ProjectItem
from deliverydesk.domain.scope_guard import RequestGroup
from deliverydesk.store.meter_sql import WORK_LOGGED
from deliverydesk.store.plain import (
    Members,
    Reader,
    quoted,
    to_date,
    to_datetime,
    to_day,
    to_moment,
    to_moments,
    to_optional_enum,
)

# (status, baseline, forecast, actual, milestones): milestones that share these facts.
MilestoneTally = tuple[MilestoneStatus, date, date | None, date | None, int]
_STATUSES, _LANGUAGES, _ROLES = Members(ProjectStatus), Members(Language), Members(ContactRole)
_MILESTONES, _EXPECTATIONS = Members(MilestoneStatus), Members(ExpectationStatus)
_HEALTHS = Members(MilestoneHealth)
_DECISIONS = Members(Decision)
CONTACTS_SHOWN = 200  # a client has a handful; the bound guards against damage
# A project has tens of milestone date combinations; the bound keeps a damaged database from stalling
# the page. Written into the statement as CONTACTS_SHOWN is: a parameter bound by name costs the
# driver ~2k instructions (its name made a string and looked up), on every switch.
MILESTONE_COMBINATIONS_SHOWN = 1000

_RECORD = "{t}.id, {t}.created_at, {t}.updated_at, {t}.archived_at, {t}.row_version"
_PROJECT = f"""
SELECT {_RECORD.format(t="p")}, p.code, p.name, p.client_id, c.name, p.contract_ref,
       p.contract_value_cents, p.currency, p.start_date, p.end_date, p.status, p.delivery_lead,
       p.sales_owner, p.contracted_effort_hours, p.goodwill_budget_hours, p.language, p.summary_rrule,
       p.holiday_calendar,
       {_RECORD.format(t="c")}, c.address, c.industry, c.notes, c.country
FROM project p JOIN client c ON c.id = p.client_id
WHERE p.id = :project_id
"""
_CONTACTS = f"""
SELECT {_RECORD.format(t="k")}, k.client_id, k.name, k.title, k.phone, k.email, k.role, k.can_sign,
       k.language
FROM contact k WHERE k.client_id = :client_id ORDER BY k.name, k.id LIMIT {CONTACTS_SHOWN}
"""


# Every field of a ProjectItem, in order, each set by ``_project``: copying a prepared dict and setting
# its values costs ~3k instructions less than a dict display of 22 entries (over 15, Python builds two
# dicts and merges them); a display of up to 15 (``_client``) is built at once.
_PROJECT_FIELDS = dict.fromkeys(field.name for field in fields(ProjectItem))


def _project(row: Sequence[Any]) -> ProjectItem:
    item = _PROJECT_FIELDS.copy()
    item["id"] = row[0]
    item["created_at"], item["updated_at"] = to_moments(row[1], row[2])
    item["archived_at"] = None if row[3] is None else to_moment(row[3])
    item["row_version"] = row[4]
    item["code"] = row[5]
    item["name"] = row[6]
    item["client_id"] = row[7]
    item["client_name"] = row[8]
    item["contract_ref"] = row[9]
    item["contract_value_cents"] = row[10]
    item["currency"] = row[11]
    item["start_date"] = to_date(row[12])
    item["end_date"] = to_date(row[13])
    item["status"] = _STATUSES[row[14]]
    item["delivery_lead"] = row[15]
    item["sales_owner"] = row[16]
    item["contracted_effort_hours"] = float(row[17])
    item["goodwill_budget_hours"] = float(row[18])
    item["language"] = _LANGUAGES[row[19]]
    item["summary_rrule"] = row[20]
    item["holiday_calendar"] = row[21]
    return frozen_record(ProjectItem, item)


def _client(row: Sequence[Any], contact_language: Language | None) -> ClientItem:
    created_at, updated_at = to_moments(row[23], row[24])
    return frozen_record(
        ClientItem,
        {
            "id": row[22],
            "created_at": created_at,
            "updated_at": updated_at,
            "archived_at": None if row[25] is None else to_moment(row[25]),
            "row_version": row[26],
            "name": row[8],
            "address": row[27],
            "industry": row[28],
            "notes": row[29],
            "country": row[30],
            "contact_language": contact_language,
        },
    )


def _record_fields(row: Sequence[Any], at: int) -> dict[str, Any]:
    """The fields every record has, from the five columns ``_RECORD`` selects starting at ``at``."""
    return {
        "id": row[at],
        "created_at": to_moment(row[at + 1]),
        "updated_at": to_moment(row[at + 2]),
        "archived_at": to_datetime(row[at + 3]),
        "row_version": row[at + 4],
    }


def _contact(row: Sequence[Any]) -> ContactItem:
    return frozen_record(
        ContactItem,
        {
            **_record_fields(row, 0),
            "client_id": row[5],
            "name": row[6],
            "title": row[7],
            "phone": row[8],
            "email": row[9],
            "role": _ROLES[row[10]],
            "can_sign": bool(row[11]),
            "language": to_optional_enum(Language, row[12]),
        },
    )


def project_item(r: Reader, project_id: str) -> ProjectItem | None:
    """The project (archived or not) with its client's name; None when there is no such project."""
    row = r.first(_PROJECT, {"project_id": project_id})
    return None if row is None else _project(row)


def project_client_contacts(
    r: Reader, project_id: str
) -> tuple[ProjectItem, ClientItem, tuple[ContactItem, ...]] | None:
    """The project, its client and every contact of the client (archived ones too: the Overview's
    list can show them), by name. The client's contact language is computed from the same rows, as
    ``services.records.clients`` does from its own query. None when there is no such project."""
    row = r.first(_PROJECT, {"project_id": project_id})
    if row is None:
        return None
    contacts = tuple(map(_contact, r.rows(_CONTACTS, {"client_id": row[7]})))
    language = None  # no live contacts: no language of theirs
    if contacts:  # a client without contacts (a new one) has nothing to gather
        live = [(c.language, c.can_sign) for c in contacts if c.archived_at is None]
        language = contacts_language(live) if live else None
    return _project(row), _client(row, language), contacts


def non_working_days_of(r: Reader, project_id: str) -> frozenset[date]:
    """The project's live extra non-working days (``interchange_queries.non_working_days`` for one)."""
    rows = r.rows(
        "SELECT day FROM non_working_day WHERE project_id = :project_id AND archived_at IS NULL",
        {"project_id": project_id},
    )
    return frozenset(to_day(day) for (day,) in rows)


# The health a milestone has whatever its slip: ``domain.metrics.milestone_health``'s questions before
# the slip, asked per row in SQL (the constants are the domain's): closed -> done; its date passed ->
# overdue; waiting on the client -> at risk; its date still its baseline (no slip) -> on track. NULL:
# the slip in working days under the project's calendar decides (``services.overview.health_of``), so
# those rows keep their facts; the others are counted per health. Dates compare in the database: ISO
# text on SQLite (ordered as the days are), DATE on a server.
_EFFECTIVE = "coalesce(actual_date, forecast_date, baseline_date)"
_HEALTH = f"""
CASE WHEN status IN ({quoted(*CLOSED_MILESTONE)}) THEN '{MilestoneHealth.DONE.value}'
     WHEN {_EFFECTIVE} < :today THEN '{MilestoneHealth.OVERDUE.value}'
     WHEN status = '{MilestoneStatus.WAITING_ON_CLIENT.value}' THEN '{MilestoneHealth.AT_RISK.value}'
     WHEN {_EFFECTIVE} = baseline_date THEN '{MilestoneHealth.ON_TRACK.value}'
END"""
_MILESTONE_HEALTH = f"""
SELECT health, CASE WHEN health IS NULL THEN status END, CASE WHEN health IS NULL THEN baseline_date END,
       CASE WHEN health IS NULL THEN forecast_date END, CASE WHEN health IS NULL THEN actual_date END,
       count(*)
FROM (SELECT {_HEALTH} AS health, status, baseline_date, forecast_date, actual_date
      FROM milestone WHERE project_id = :project_id AND archived_at IS NULL) m
GROUP BY 1, 2, 3, 4, 5 LIMIT {MILESTONE_COMBINATIONS_SHOWN}
"""


def milestone_health_tallies(
    r: Reader, project_id: str, today: date
) -> tuple[dict[MilestoneHealth, int], list[MilestoneTally]]:
    """The project's live milestones counted per health where the slip cannot change it, and how many
    share each (status, baseline, forecast, actual) of the rest (whose slip decides: not done, not
    late, not waiting on the client, moved from their baseline). At most
    ``MILESTONE_COMBINATIONS_SHOWN`` rows in all."""
    rows = r.rows(_MILESTONE_HEALTH, {"project_id": project_id, "today": r.day(today)})
    counted: dict[MilestoneHealth, int] = {}
    slipping: list[MilestoneTally] = []
    for health, status, baseline, forecast, actual, count in rows:
        if health is None:
            slipping.append(
                (_MILESTONES[status], to_day(baseline), to_date(forecast), to_date(actual), count)
            )
        else:
            counted[_HEALTHS[health]] = count
    return counted, slipping


def expectations_by_status(r: Reader, project_id: str) -> dict[ExpectationStatus, int]:
    """How many live expectations of the project per status."""
    rows = r.rows(
        "SELECT status, count(*) FROM expectation WHERE project_id = :project_id AND archived_at IS NULL"
        " GROUP BY status",
        {"project_id": project_id},
    )
    return {_EXPECTATIONS[status]: count for status, count in rows}


# Per decision: requests, hours, hours not in scope (NULL: none), triaged B, with work logged. The
# sums run in the index's order (ix_change_request_open), as adding the requests one by one would.
_REQUEST_GROUPS = f"""
SELECT cr.decision, count(*), sum(cr.effort_hours),
       sum(CASE WHEN cr.scope_check <> '{ScopeCheck.IN_SCOPE.value}' THEN cr.effort_hours END),
       sum(CASE WHEN cr.triage = '{Triage.B.value}' THEN 1 ELSE 0 END),
       sum(CASE WHEN EXISTS (SELECT 1 FROM log_entry le WHERE le.change_request_id = cr.id AND {WORK_LOGGED})
           THEN 1 ELSE 0 END)
FROM change_request cr WHERE cr.project_id = :project_id AND cr.archived_at IS NULL
GROUP BY cr.decision
"""


def request_groups(r: Reader, project_id: str) -> list[RequestGroup]:
    """The project's live change requests counted per decision: everything the Overview's tallies
    and the project's meters count (``domain.scope_guard.tally_request_groups``), in one query (the
    work logged comes from ``ix_log_entry_change_request_id``)."""
    rows = r.rows(_REQUEST_GROUPS, {"project_id": project_id})
    decisions = _DECISIONS
    return [(decisions[d], n, float(h), None if o is None else float(o), b, w) for d, n, h, o, b, w in rows]
