"""Read side: frozen records shaped for screens and documents (``*Item``, ``*Summary``, ``Page``).

Services build them inside a unit of work; they never carry a database session. Field names follow the
schema's column names so a record maps one-to-one; computed fields (slip, names of linked records,
counts) are documented where they appear. Money is in cents, efforts in hours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from deliverydesk.domain.enums import (
    Channel,
    ContactRole,
    Decision,
    ExpectationStatus,
    HandoverKind,
    Language,
    LetterKind,
    LetterStatus,
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
    SignatureParty,
    SignMethod,
    Triage,
)
from deliverydesk.domain.metrics import Meter, MeterLevel, MilestoneHealth

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: ``rows`` from ``offset``; ``total`` counts every match."""

    rows: tuple[T, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True, kw_only=True)
class RecordItem:
    """Identity and timestamps every record shares; ``archived_at`` set = archived (hidden).
    ``row_version`` counts the record's writes: the copy read here is that version of it."""

    id: str
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None = None
    row_version: int = 1

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


@dataclass(frozen=True, kw_only=True)
class ClientItem(RecordItem):
    name: str
    address: str
    industry: str
    notes: str
    country: str = ""  # ISO 3166 alpha-2; "" = not known
    contact_language: Language | None = None  # computed: the language its contacts read (signers first)


@dataclass(frozen=True, kw_only=True)
class ContactItem(RecordItem):
    client_id: str
    name: str
    title: str
    phone: str
    email: str
    role: ContactRole
    can_sign: bool
    language: Language | None = None  # the language of the letters they read; None = not known


@dataclass(frozen=True, kw_only=True)
class ProjectItem(RecordItem):
    code: str
    name: str
    client_id: str
    client_name: str  # computed: the client's name
    contract_ref: str
    contract_value_cents: int
    currency: str
    start_date: date | None
    end_date: date | None
    status: ProjectStatus
    delivery_lead: str
    sales_owner: str
    contracted_effort_hours: float
    goodwill_budget_hours: float
    language: Language
    summary_rrule: str
    holiday_calendar: str


NO_READING = Meter(0.0, 0.0, None, MeterLevel.NOT_APPLICABLE)  # frozen: safe as a shared default


@dataclass(frozen=True, kw_only=True)
class ProjectSummary:
    """One row of the project navigator, built by one query (next milestone and markers included)."""

    id: str
    code: str
    name: str
    client_id: str
    client_name: str
    status: ProjectStatus
    language: Language
    start_date: date | None
    end_date: date | None
    next_milestone_name: str | None  # the open milestone due first
    next_milestone_date: date | None  # its forecast, else baseline
    slip_days: int | None  # the next milestone's slip in working days; None without one
    overdue_milestones: int  # open milestones whose date has passed
    waiting_on_client: int  # open milestones waiting on the client
    pending_decisions: int  # change requests pending or pending approval
    archived_at: datetime | None = None
    goodwill: Meter = NO_READING  # goodwill hours given away of the budget
    scope_creep: Meter = NO_READING  # accepted out-of-scope hours of the contracted effort

    @property
    def needs_attention(self) -> bool:
        return bool(self.overdue_milestones or self.pending_decisions or (self.slip_days or 0) > 0)


@dataclass(frozen=True, kw_only=True)
class ScopeEntry(RecordItem):
    """A contracted deliverable (ScopeItem)."""

    project_id: str
    ref: str
    title: str
    description: str
    acceptance_criteria: str
    effort_hours: float
    status: ScopeStatus


@dataclass(frozen=True, kw_only=True)
class ExclusionItem(RecordItem):
    project_id: str
    ref: str
    text: str


@dataclass(frozen=True, kw_only=True)
class MilestoneItem(RecordItem):
    project_id: str
    ref: str
    name: str
    baseline_date: date
    forecast_date: date | None
    actual_date: date | None
    owner_side: OwnerSide
    status: MilestoneStatus
    is_main: bool
    slip_days: int  # computed: (actual, else forecast) − baseline in working days; < 0 = ahead
    health: MilestoneHealth  # computed against today

    @property
    def effective_date(self) -> date:
        return self.actual_date or self.forecast_date or self.baseline_date


@dataclass(frozen=True, kw_only=True)
class MilestoneChangeItem(RecordItem):
    milestone_id: str
    field: str  # baseline | forecast | actual
    old_date: date | None
    new_date: date | None
    reason: str
    change_request_id: str | None
    change_request_ref: str | None  # computed: CR-n of the cause, if any


@dataclass(frozen=True, kw_only=True)
class ExpectationItem(RecordItem):
    project_id: str
    ref: str
    statement: str
    measure: str
    due_date: date | None
    agreed_with_id: str | None
    agreed_with_name: str  # computed: the contact's name, "" when none
    status: ExpectationStatus
    confirmed_by_letter_id: str | None = None  # the signed letter version that confirmed it


@dataclass(frozen=True, kw_only=True)
class ChangeRequestItem(RecordItem):
    project_id: str
    ref: str
    title: str
    description: str
    category_id: str | None
    category: CategoryName | None = None  # computed: the linked category's names
    issue_id: str | None  # the issue that gave rise to this request
    requested_by_id: str | None
    requested_by_name: str
    requested_on: date
    channel: Channel
    triage: Triage
    scope_check: ScopeCheck
    scope_item_id: str | None
    exclusion_id: str | None
    effort_hours: float
    cost_cents: int
    schedule_days: int
    risk: RiskLevel
    client_benefit: str
    client_cost: str
    risks: str
    alternatives: str
    recommendation: str
    decision: Decision
    proposed_decision: Decision | None = None  # the outcome a decision held for approval proposes
    decided_by: str
    decided_on: date | None
    rationale: str
    escalation_needed: bool
    approved_by: str
    approved_on: date | None
    approval_note: str
    refused_by: str = ""  # the last refusal of a held decision by a manager
    refused_on: date | None = None
    refusal_reason: str = ""


@dataclass(frozen=True, kw_only=True)
class LogEntryItem(RecordItem):
    project_id: str
    occurred_at: datetime
    kind: LogKind
    participants: str
    summary: str
    details: str
    change_request_id: str | None
    expectation_id: str | None
    milestone_id: str | None
    issue_id: str | None
    correction_of_id: str | None  # this entry corrects that one
    corrected_by_id: str | None  # computed: the newest entry correcting this one, if any
    letter_id: str | None = None  # the letter an automatic entry records (issued, signed, refused)
    voided_at: datetime | None = None  # voided: written by mistake, kept and shown struck through
    void_reason: str = ""

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


@dataclass(frozen=True, kw_only=True)
class CommitmentItem(RecordItem):
    """Who owes what to whom by when; open until ``closed_on`` (see ``services.records.commitments``)."""

    project_id: str
    log_entry_id: str | None  # the entry that recorded it
    owner_side: OwnerSide
    owner_name: str  # who owes
    owed_to: str
    description: str
    due_date: date
    confirm_in_writing: bool  # verbal: waits for an email log entry or a letter
    confirmation_log_entry_id: str | None
    confirmation_letter_id: str | None
    closed_on: date | None
    closed_note: str  # how it was met
    closed_log_entry_id: str | None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def awaiting_confirmation(self) -> bool:
        """Flagged "confirm in writing" and nothing written linked yet."""
        confirmed = self.confirmation_log_entry_id or self.confirmation_letter_id
        return self.confirm_in_writing and not confirmed


@dataclass(frozen=True, kw_only=True)
class CategoryName:
    """The two names of a category of the shared taxonomy; ``label`` picks the one to show."""

    name_en: str
    name_zh: str

    def label(self, language: Language) -> str:
        """The name in ``language``, else the other one."""
        preferred, other = (
            (self.name_zh, self.name_en) if language is Language.ZH_CN else (self.name_en, self.name_zh)
        )
        return preferred or other


@dataclass(frozen=True, kw_only=True)
class CategoryItem(RecordItem, CategoryName):
    """A category of issues and change requests, shared by all projects (``services.records.categories``)."""

    description: str


@dataclass(frozen=True, kw_only=True)
class CategoryUsage:
    """How much one category is used: live issues and change requests of live projects."""

    category_id: str
    issue_count: int
    change_request_count: int

    @property
    def in_use(self) -> bool:
        return bool(self.issue_count or self.change_request_count)


@dataclass(frozen=True, kw_only=True)
class IssueItem(RecordItem):
    project_id: str
    ref: str
    title: str
    category_id: str | None
    category: CategoryName | None = None  # computed: the linked category's names
    severity: Severity
    reported_on: date
    resolved_on: date | None
    symptoms: str
    root_cause: str
    resolution: str


@dataclass(frozen=True, kw_only=True)
class LinkedRecord:
    """A record linked to an issue, as its links list shows it (read-only)."""

    id: str
    ref: str  # CR-n; "" for a log entry
    text: str  # the request's title or the entry's summary
    on: date  # requested on / occurred on
    archived: bool


@dataclass(frozen=True, kw_only=True)
class IssueLinks:
    """What an issue is linked from: log entries about it, change requests that arose from it."""

    log_entries: tuple[LinkedRecord, ...]
    change_requests: tuple[LinkedRecord, ...]


@dataclass(frozen=True, kw_only=True)
class IssueCategoryItem:
    """An issue category across all clients; ``systemic`` when it recurs at several clients."""

    category_id: str
    category: CategoryName
    issue_count: int
    client_count: int
    systemic: bool


@dataclass(frozen=True, kw_only=True)
class ReviewItem(RecordItem):
    """Butterfly review: client and company side, short / mid / long term."""

    project_id: str
    issue_id: str | None  # a review of a major issue; else of the project
    title: str
    held_on: date
    client_short: str
    client_mid: str
    client_long: str
    company_short: str
    company_mid: str
    company_long: str
    lessons: str
    follow_up: str


@dataclass(frozen=True, kw_only=True)
class ReviewActionItem(RecordItem):
    """A follow-up action of a review, revisited on ``revisit_on`` until it is done."""

    project_id: str
    review_id: str
    description: str
    owner: str
    revisit_on: date
    done_on: date | None
    outcome: str

    @property
    def is_open(self) -> bool:
        return self.done_on is None


@dataclass(frozen=True, kw_only=True)
class HandoverEntry(RecordItem):
    """A HandoverItem: document handed over, training session, risk note or open item."""

    project_id: str
    kind: HandoverKind
    title: str
    details: str
    item_date: date | None
    attendees: str
    recommendation: str
    training_id: str | None = None  # a document: the training it was handed over for
    scope_item_id: str | None = None  # an open item: the scope item it leaves open
    owner: str = ""  # an open item: who owns it
    issue_id: str | None = None  # a risk or caution: the issue it warns about
    material: tuple[str, ...] = ()  # computed, a training: titles of the documents handed over for it


@dataclass(frozen=True, kw_only=True)
class AttachmentItem(RecordItem):
    project_id: str
    sha256: str
    filename: str
    media_type: str
    size: int
    log_entry_id: str | None
    letter_id: str | None
    change_request_id: str | None


@dataclass(frozen=True, kw_only=True)
class SettingsItem(RecordItem):
    company_name: str
    company_address: str
    logo_png: bytes | None
    engineer_name: str
    engineer_title: str
    engineer_place: str
    person_id: str | None  # the roster's person who uses this machine ("you")
    default_language: Language
    paper_size: PaperSize
    holiday_calendar: str
    ui_language: str


@dataclass(frozen=True, kw_only=True)
class PersonItem(RecordItem):
    """A person of the team roster (Settings ▸ People) with their authority limits."""

    name: str
    role: PersonRole
    hours_per_change: float
    cost_cents_per_change: int
    goodwill_hours_per_project: float
    cost_currency: str  # what cost_cents_per_change is in
    limits_set_by_id: str | None  # who last set the role and limits (None: before the roster)
    limits_set_at: datetime | None
    is_you: bool = False  # computed: the person who uses this machine

    @property
    def set_own_limits(self) -> bool:
        """The role and limits stand as the person set them themselves (a manager has not confirmed)."""
        return self.limits_set_by_id == self.id


@dataclass(frozen=True, kw_only=True)
class SignatureItem(RecordItem):
    """One signature event on a letter (``store.tables.SignatureRow``); a refusal signs nothing."""

    project_id: str
    letter_id: str
    party: SignatureParty
    method: SignMethod
    signer_name: str
    signer_title: str
    contact_id: str | None
    signed_on: date  # when they signed (or refused)
    place: str
    recorded_at: datetime  # when it was recorded here
    recorded_by: str
    note: str
    log_entry_id: str | None  # by e-mail: the log entry with the e-mail
    attachment_id: str | None  # on paper: the attached scan
    scan_sha256: str = ""  # computed: the scan's SHA-256 (on paper)
    signature_png: bytes | None = None

    @property
    def refused(self) -> bool:
        return self.method is SignMethod.REFUSED


@dataclass(frozen=True, kw_only=True)
class LetterItem(RecordItem):
    project_id: str
    kind: LetterKind
    ref: str
    version: int
    language: Language
    change_request_id: str | None
    content_json: str
    fingerprint: str
    pdf_sha256: str
    status: LetterStatus
    issued_at: datetime | None
    issued_by: str = ""
    issued_host: str = ""
    translation_of_id: str | None = None  # a translation: the letter (same version) it translates
    signed_pdf_sha256: str
    signatures: tuple[SignatureItem, ...] = ()  # computed: every signature event, as recorded

    @property
    def client_signature(self) -> SignatureItem | None:
        """The client's signature that signed the letter (None while unsigned)."""
        signed = [s for s in self.signatures if s.party is SignatureParty.CLIENT and not s.refused]
        return signed[-1] if signed else None

    @property
    def vendor_signature(self) -> SignatureItem | None:
        signed = [s for s in self.signatures if s.party is SignatureParty.VENDOR and not s.refused]
        return signed[-1] if signed else None

    @property
    def refusal(self) -> SignatureItem | None:
        """The client's refusal while the letter stands refused (no signature recorded after it)."""
        client = [s for s in self.signatures if s.party is SignatureParty.CLIENT]
        return client[-1] if client and client[-1].refused else None


@dataclass(frozen=True, kw_only=True)
class ProjectOverview:
    """Counts and meters for a project's Overview page."""

    project: ProjectItem
    milestones_by_health: Mapping[MilestoneHealth, int] = field(default_factory=dict)
    expectations_by_status: Mapping[ExpectationStatus, int] = field(default_factory=dict)
    change_requests_by_decision: Mapping[Decision, int] = field(default_factory=dict)
    goodwill_hours_used: float = 0.0
    goodwill_budget_hours: float = 0.0
    goodwill_ratio: float | None = None  # used / budget; None when the budget is 0
    out_of_scope_hours_accepted: float = 0.0
    contracted_effort_hours: float = 0.0
    scope_creep_ratio: float | None = None  # accepted out-of-scope / contracted; None when 0

    def milestones(self, health: MilestoneHealth) -> int:
        return self.milestones_by_health.get(health, 0)
