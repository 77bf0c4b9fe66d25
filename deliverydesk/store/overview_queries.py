"""What the workspace shows after a project switch, in plain SQL (``store.plain``): the project with
its client, the client's contacts, milestone date tallies, expectation counts and the facts the
scope guard's meters count. Six short statements; the rows become the domain's dataclasses here."""

from __future__ import annotations

from collections.abc import Sequence
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
from deliverydesk.domain.models import ClientItem, ContactItem, ProjectItem
from deliverydesk.domain.scope_guard import RequestMeterFacts
from deliverydesk.store.meter_sql import WORK_LOGGED
from deliverydesk.store.plain import (
    Members,
    Reader,
    to_date,
    to_datetime,
    to_day,
    to_moment,
    to_optional_enum,
)

# (status, baseline, forecast, actual, milestones): the dates as ISO text (YYYY-MM-DD), which orders and
# compares as the dates do; the health rule parses only the few it needs (``services.overview``).
MilestoneTally = tuple[MilestoneStatus, str, str | None, str | None, int]
_STATUSES, _LANGUAGES, _ROLES = Members(ProjectStatus), Members(Language), Members(ContactRole)
_MILESTONES, _EXPECTATIONS = Members(MilestoneStatus), Members(ExpectationStatus)
_DECISIONS, _CHECKS, _TRIAGES = Members(Decision), Members(ScopeCheck), Members(Triage)
CONTACTS_SHOWN = 200  # a client has a handful; the bound guards against damage

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


def _project(row: Sequence[Any]) -> ProjectItem:
    # One dict display for every field (as ``_client``): the record's five shared fields through a
    # helper and ``**`` cost ~4k instructions more a record, on every switch.
    archived_at = row[3]
    return frozen_record(
        ProjectItem,
        {
            "id": row[0],
            "created_at": to_moment(row[1]),
            "updated_at": to_moment(row[2]),
            "archived_at": None if archived_at is None else to_moment(archived_at),
            "row_version": row[4],
            "code": row[5],
            "name": row[6],
            "client_id": row[7],
            "client_name": row[8],
            "contract_ref": row[9],
            "contract_value_cents": row[10],
            "currency": row[11],
            "start_date": to_date(row[12]),
            "end_date": to_date(row[13]),
            "status": _STATUSES[row[14]],
            "delivery_lead": row[15],
            "sales_owner": row[16],
            "contracted_effort_hours": float(row[17]),
            "goodwill_budget_hours": float(row[18]),
            "language": _LANGUAGES[row[19]],
            "summary_rrule": row[20],
            "holiday_calendar": row[21],
        },
    )


def _client(row: Sequence[Any], contact_language: Language | None) -> ClientItem:
    archived_at = row[25]
    return frozen_record(
        ClientItem,
        {
            "id": row[22],
            "created_at": to_moment(row[23]),
            "updated_at": to_moment(row[24]),
            "archived_at": None if archived_at is None else to_moment(archived_at),
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


def milestone_date_tallies(r: Reader, project_id: str, *, limit: int) -> list[MilestoneTally]:
    """How many live milestones of the project share each (status, baseline, forecast, actual): what
    milestone health needs, without a row per milestone. At most ``limit`` combinations."""
    rows = r.rows(
        "SELECT status, baseline_date, forecast_date, actual_date, count(*) FROM milestone"
        " WHERE project_id = :project_id AND archived_at IS NULL"
        " GROUP BY status, baseline_date, forecast_date, actual_date LIMIT :limit",
        {"project_id": project_id, "limit": limit},
    )
    statuses = _MILESTONES
    if r.sqlite:  # the ISO text SQLite stores (SQLAlchemy's DATE), as it is: 25 dates parsed cost ~20k
        return [(statuses[s], b, f, a, n) for s, b, f, a, n in rows]  # instructions a switch
    iso = date.isoformat
    return [(statuses[s], iso(b), f and iso(f), a and iso(a), n) for s, b, f, a, n in rows]


def expectations_by_status(r: Reader, project_id: str) -> dict[ExpectationStatus, int]:
    """How many live expectations of the project per status."""
    rows = r.rows(
        "SELECT status, count(*) FROM expectation WHERE project_id = :project_id AND archived_at IS NULL"
        " GROUP BY status",
        {"project_id": project_id},
    )
    return {_EXPECTATIONS[status]: count for status, count in rows}


def request_meter_facts(r: Reader, project_id: str) -> list[RequestMeterFacts]:
    """Each live change request of the project once: decision, scope check, effort, triage and how many
    entries of work (``meter_sql.WORK_LOGGED``) point at it: everything the Overview's tallies and the
    project's meters count, in one query (the count comes from ``ix_log_entry_change_request_id``)."""
    rows = r.rows(
        "SELECT cr.decision, cr.scope_check, cr.effort_hours, cr.triage,"
        f" (SELECT count(*) FROM log_entry le WHERE le.change_request_id = cr.id AND {WORK_LOGGED})"
        " FROM change_request cr WHERE cr.project_id = :project_id AND cr.archived_at IS NULL",
        {"project_id": project_id},
    )
    decisions, checks, triages = _DECISIONS, _CHECKS, _TRIAGES
    return [(decisions[d], checks[c], float(h), triages[t], n) for d, c, h, t, n in rows]
