"""Input side: what the user edits, one ``*Draft`` per entity.

``id=None`` means "new"; otherwise the draft replaces the editable fields of that record. Field names
are the schema's column names. Refs (S-n, M-n, ...) are never in a draft: the app assigns them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from deliverydesk.domain.enums import (
    Channel,
    ContactRole,
    Decision,
    ExpectationStatus,
    HandoverKind,
    Language,
    LogKind,
    MilestoneStatus,
    OwnerSide,
    PaperSize,
    PersonRole,
    ProjectStatus,
    RiskLevel,
    ScopeCheck,
    ScopeStatus,
    Severity,
    Triage,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

DraftT = TypeVar("DraftT", bound="DataclassInstance")


def draft_from(draft_cls: type[DraftT], record: object, **changes: Any) -> DraftT:
    """A draft holding a record's current values, with ``changes`` applied (the way to edit a record).

    ``record`` is the matching ``*Item`` (e.g. ``draft_from(ProjectDraft, project, name="New")``): an
    item has every field of its draft (``tests/integration/storage/test_mapping.py`` checks it)."""
    values = {f.name: getattr(record, f.name) for f in fields(draft_cls) if f.name not in changes}
    return draft_cls(**values, **changes)


@dataclass(frozen=True, kw_only=True)
class ClientDraft:
    id: str | None = None
    name: str
    address: str = ""
    industry: str = ""
    notes: str = ""
    country: str = ""  # ISO 3166 alpha-2 ("DE", "CN"); "" = not known


@dataclass(frozen=True, kw_only=True)
class ContactDraft:
    id: str | None = None
    client_id: str
    name: str
    title: str = ""
    phone: str = ""
    email: str = ""
    role: ContactRole = ContactRole.OTHER
    can_sign: bool = False
    language: Language | None = None


@dataclass(frozen=True, kw_only=True)
class ProjectDraft:
    id: str | None = None
    code: str  # e.g. DD-2026-014: letters, digits, dashes; stored upper-case
    name: str
    client_id: str
    contract_ref: str = ""
    contract_value_cents: int = 0
    currency: str = "CNY"  # ISO 4217
    start_date: date | None = None
    end_date: date | None = None
    status: ProjectStatus = ProjectStatus.PLANNING
    delivery_lead: str = ""
    sales_owner: str = ""
    contracted_effort_hours: float = 0.0
    goodwill_budget_hours: float = 0.0
    language: Language = Language.EN
    summary_rrule: str = ""  # RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=FR
    holiday_calendar: str = "CN"  # ISO 3166 country code; "" = weekends only


@dataclass(frozen=True, kw_only=True)
class ScopeItemDraft:
    id: str | None = None
    project_id: str
    title: str
    description: str = ""
    acceptance_criteria: str = ""
    effort_hours: float = 0.0
    status: ScopeStatus = ScopeStatus.NOT_STARTED


@dataclass(frozen=True, kw_only=True)
class ExclusionDraft:
    id: str | None = None
    project_id: str
    text: str


@dataclass(frozen=True, kw_only=True)
class MilestoneDraft:
    id: str | None = None
    project_id: str
    name: str
    baseline_date: date
    forecast_date: date | None = None
    actual_date: date | None = None
    owner_side: OwnerSide = OwnerSide.VENDOR
    status: MilestoneStatus = MilestoneStatus.PLANNED
    is_main: bool = False


@dataclass(frozen=True, kw_only=True)
class ExpectationDraft:
    id: str | None = None
    project_id: str
    statement: str
    measure: str = ""
    due_date: date | None = None
    agreed_with_id: str | None = None  # a contact of the project's client
    status: ExpectationStatus = ExpectationStatus.DRAFT


@dataclass(frozen=True, kw_only=True)
class ChangeRequestDraft:
    id: str | None = None
    project_id: str
    title: str
    requested_on: date
    description: str = ""
    category_id: str | None = None  # a live category of the shared taxonomy
    issue_id: str | None = None  # the issue (same project) that gave rise to this request
    requested_by_id: str | None = None  # a contact of the project's client
    requested_by_name: str = ""  # free text when the asker is not a contact
    channel: Channel = Channel.MEETING
    triage: Triage = Triage.UNTRIAGED
    scope_check: ScopeCheck = ScopeCheck.UNCHECKED
    scope_item_id: str | None = None
    exclusion_id: str | None = None
    effort_hours: float = 0.0
    cost_cents: int = 0
    schedule_days: int = 0
    risk: RiskLevel = RiskLevel.LOW
    client_benefit: str = ""
    client_cost: str = ""
    risks: str = ""
    alternatives: str = ""
    recommendation: str = ""
    decision: Decision = Decision.PENDING
    decided_by: str = ""
    decided_on: date | None = None
    rationale: str = ""
    escalation_needed: bool = False
    approved_by: str = ""
    approved_on: date | None = None
    approval_note: str = ""


@dataclass(frozen=True, kw_only=True)
class LogEntryDraft:
    """A new log entry (the log is append-only: there is no id to edit)."""

    project_id: str
    occurred_at: datetime  # timezone-aware
    summary: str
    kind: LogKind = LogKind.MEETING
    participants: str = ""
    details: str = ""
    change_request_id: str | None = None
    expectation_id: str | None = None
    milestone_id: str | None = None
    issue_id: str | None = None
    letter_id: str | None = None  # an automatic entry: the letter it records


@dataclass(frozen=True, kw_only=True)
class CommitmentDraft:
    """What a commitment says; closing and confirming are separate actions of the service."""

    id: str | None = None
    project_id: str
    description: str
    due_date: date
    owner_side: OwnerSide = OwnerSide.VENDOR
    owner_name: str = ""
    owed_to: str = ""
    confirm_in_writing: bool = False
    log_entry_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class IssueDraft:
    id: str | None = None
    project_id: str
    title: str
    reported_on: date
    category_id: str | None = None  # a live category of the shared taxonomy
    severity: Severity = Severity.MEDIUM
    resolved_on: date | None = None
    symptoms: str = ""
    root_cause: str = ""
    resolution: str = ""


@dataclass(frozen=True, kw_only=True)
class ReviewDraft:
    id: str | None = None
    project_id: str
    held_on: date
    issue_id: str | None = None  # a review of a major issue; else of the project
    title: str = ""
    client_short: str = ""
    client_mid: str = ""
    client_long: str = ""
    company_short: str = ""
    company_mid: str = ""
    company_long: str = ""
    lessons: str = ""
    follow_up: str = ""


@dataclass(frozen=True, kw_only=True)
class ReviewActionDraft:
    """What a follow-up action says; completing and reopening are separate actions of the service."""

    id: str | None = None
    project_id: str
    review_id: str
    description: str
    revisit_on: date
    owner: str = ""


@dataclass(frozen=True, kw_only=True)
class CategoryDraft:
    """A category of the shared taxonomy: both names are required."""

    id: str | None = None
    name_en: str
    name_zh: str
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class HandoverEntryDraft:
    id: str | None = None
    project_id: str
    kind: HandoverKind
    title: str
    details: str = ""
    item_date: date | None = None
    attendees: str = ""
    recommendation: str = ""
    training_id: str | None = None  # a document: the training it was handed over for
    scope_item_id: str | None = None  # an open item: the scope item it leaves open
    owner: str = ""  # an open item: who owns it (its date: ``item_date``)
    issue_id: str | None = None  # a risk or caution: the issue it warns about


@dataclass(frozen=True, kw_only=True)
class AttachmentDraft:
    """A new file for a project; the bytes are stored once per SHA-256."""

    project_id: str
    filename: str
    data: bytes
    media_type: str = "application/octet-stream"
    log_entry_id: str | None = None
    letter_id: str | None = None
    change_request_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class PersonDraft:
    """A person of the team roster with their authority limits (Settings ▸ People)."""

    id: str | None = None
    name: str
    role: PersonRole = PersonRole.ENGINEER
    hours_per_change: float = 8.0
    cost_cents_per_change: int = 500_00
    goodwill_hours_per_project: float = 16.0
    cost_currency: str = "CNY"  # ISO 4217: what cost_cents_per_change is in


@dataclass(frozen=True, kw_only=True)
class SettingsDraft:
    company_name: str = ""
    company_address: str = ""
    logo_png: bytes | None = None
    engineer_name: str = ""
    engineer_title: str = ""
    engineer_place: str = ""  # where you sign on screen (the vendor's block)
    default_language: Language = Language.EN
    paper_size: PaperSize = PaperSize.A4
    holiday_calendar: str = "CN"
    ui_language: str = ""
