"""The schema, defined once.

Alembic revisions in db/migrations are reviewed autogenerate output of this module.

Every row has a stable UUID (the primary key, for sync and bundles), created_at, updated_at and an
``archived_at`` tombstone: synced records are never hard-deleted, archiving hides them.
Human refs (S-3, E-2, CR-7, ...) are unique per project and assigned by the services.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; stored naive (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum_type(enum_class: type[enum.Enum]) -> Enum:
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {
        datetime: UTCDateTime(),
        date: Date(),
        str: Text(),
        float: Float(),
        bytes: LargeBinary(),
        **{
            cls: _enum_type(cls)
            for cls in (
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
        },
    }


class RecordMixin:
    """Identity, timestamps and tombstone shared by every table."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    # Incremented by the ORM on every UPDATE (and checked: an UPDATE that finds another row_version
    # raises StaleDataError). Bundles and sync compare it to tell a newer row from an older one.
    # (Not ``version``: a letter's version is its document version, v1, v2, ...)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


def _project_fk(*, index: bool = True) -> Mapped[str]:
    return mapped_column(String(36), ForeignKey("project.id", ondelete="RESTRICT"), index=index)


def _optional_fk(target: str, *, index: bool = False) -> Mapped[str | None]:
    return mapped_column(
        String(36), ForeignKey(f"{target}.id", ondelete="SET NULL"), default=None, index=index
    )


def _external_ref() -> Mapped[str]:
    """Where an imported record came from, so importing the same file again updates it: e.g.
    ``msproject:<plan GUID>:<task UID>``; "" for records made in DeliveryDesk."""
    return mapped_column(String(96), default="")


class PersonRow(RecordMixin, Base):
    """One person of the team roster (Settings ▸ People): an engineer decides within their authority
    limits, a manager also approves or refuses decisions held above them. Local to this machine until
    the team server owns the roster (the UUIDs let it take the rows over). Names are unique without
    case among live people (checked by the service): a decision and its approval name them.

    ``limits_set_by_id`` is the person who last set the role and limits (None: before the roster
    existed); set by the person themselves, the change shows on Home until a manager confirms it."""

    __tablename__ = "person"
    name: Mapped[str]
    role: Mapped[PersonRole] = mapped_column(default=PersonRole.ENGINEER)
    hours_per_change: Mapped[float] = mapped_column(default=8.0)
    cost_cents_per_change: Mapped[int] = mapped_column(Integer, default=500_00)
    goodwill_hours_per_project: Mapped[float] = mapped_column(default=16.0)
    cost_currency: Mapped[str] = mapped_column(String(3), default="CNY")  # of cost_cents_per_change
    limits_set_by_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("person.id", ondelete="SET NULL"), default=None
    )
    limits_set_at: Mapped[datetime | None] = mapped_column(default=None)


class SettingsRow(RecordMixin, Base):
    """One row: the company's and the engineer's settings. ``person_id`` is the roster's person who
    uses this machine ("you"): decisions are taken under their name and within their limits; their
    name is ``engineer_name`` (kept equal by the service)."""

    __tablename__ = "settings"
    company_name: Mapped[str] = mapped_column(default="")
    company_address: Mapped[str] = mapped_column(default="")
    logo_png: Mapped[bytes | None] = mapped_column(default=None)
    engineer_name: Mapped[str] = mapped_column(default="")
    engineer_title: Mapped[str] = mapped_column(default="")
    engineer_place: Mapped[str] = mapped_column(default="")  # where the vendor signs on screen
    person_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("person.id", ondelete="SET NULL"), default=None
    )
    default_language: Mapped[Language] = mapped_column(default=Language.EN)
    paper_size: Mapped[PaperSize] = mapped_column(default=PaperSize.A4)
    holiday_calendar: Mapped[str] = mapped_column(String(16), default="CN")
    ui_language: Mapped[str] = mapped_column(String(16), default="")  # "" = follow the system


class ClientRow(RecordMixin, Base):
    __tablename__ = "client"
    name: Mapped[str]
    address: Mapped[str] = mapped_column(default="")
    industry: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    # The spreadsheet columns last mapped when importing this client's scope lists (JSON; "" = none).
    import_columns: Mapped[str] = mapped_column(default="")
    # ISO 3166 alpha-2 ("DE", "CN"; "" = not known): the new project's document language and holidays.
    country: Mapped[str] = mapped_column(String(2), default="")


class ContactRow(RecordMixin, Base):
    __tablename__ = "contact"
    client_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("client.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str]
    title: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(default="")
    email: Mapped[str] = mapped_column(default="")
    role: Mapped[ContactRole] = mapped_column(default=ContactRole.OTHER)
    can_sign: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[Language | None] = mapped_column(default=None)  # the letters they read; None = not known


class ProjectRow(RecordMixin, Base):
    __tablename__ = "project"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str]
    client_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("client.id", ondelete="RESTRICT"), index=True
    )
    contract_ref: Mapped[str] = mapped_column(default="")
    contract_value_cents: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    start_date: Mapped[date | None] = mapped_column(default=None)
    end_date: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[ProjectStatus] = mapped_column(default=ProjectStatus.PLANNING)
    delivery_lead: Mapped[str] = mapped_column(default="")
    sales_owner: Mapped[str] = mapped_column(default="")
    contracted_effort_hours: Mapped[float] = mapped_column(default=0.0)
    goodwill_budget_hours: Mapped[float] = mapped_column(default=0.0)
    language: Mapped[Language] = mapped_column(default=Language.EN)
    summary_rrule: Mapped[str] = mapped_column(default="")  # RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=FR
    holiday_calendar: Mapped[str] = mapped_column(String(16), default="CN")


class ScopeItemRow(RecordMixin, Base):
    __tablename__ = "scope_item"
    __table_args__ = (UniqueConstraint("project_id", "ref"),)
    project_id: Mapped[str] = _project_fk()
    ref: Mapped[str] = mapped_column(String(16))
    title: Mapped[str]
    description: Mapped[str] = mapped_column(default="")
    acceptance_criteria: Mapped[str] = mapped_column(default="")
    effort_hours: Mapped[float] = mapped_column(default=0.0)
    status: Mapped[ScopeStatus] = mapped_column(default=ScopeStatus.NOT_STARTED)
    external_ref: Mapped[str] = _external_ref()


class ExclusionRow(RecordMixin, Base):
    """An explicit out-of-scope line: what this engagement does not include."""

    __tablename__ = "exclusion"
    __table_args__ = (UniqueConstraint("project_id", "ref"),)
    project_id: Mapped[str] = _project_fk()
    ref: Mapped[str] = mapped_column(String(16))
    text: Mapped[str]


class MilestoneRow(RecordMixin, Base):
    __tablename__ = "milestone"
    __table_args__ = (
        UniqueConstraint("project_id", "ref"),
        # Covers the navigator's "next open milestone" and "overdue" subqueries (index-only).
        Index(
            "ix_milestone_open",
            "project_id",
            "archived_at",
            "status",
            "actual_date",
            "forecast_date",
            "baseline_date",
        ),
    )
    project_id: Mapped[str] = _project_fk(index=False)  # led by both indexes above
    ref: Mapped[str] = mapped_column(String(16))
    name: Mapped[str]
    baseline_date: Mapped[date]
    forecast_date: Mapped[date | None] = mapped_column(default=None)
    actual_date: Mapped[date | None] = mapped_column(default=None)
    owner_side: Mapped[OwnerSide] = mapped_column(default=OwnerSide.VENDOR)
    status: Mapped[MilestoneStatus] = mapped_column(default=MilestoneStatus.PLANNED)
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)  # B-items wait for this one
    external_ref: Mapped[str] = _external_ref()


# Home's overdue and at-risk milestones: read in date order (the date a milestone is judged by, as
# ``queries.MILESTONE_DATE`` writes it), the first page and no more; the open/at-risk tests in the index.
Index(
    "ix_milestone_due",
    func.coalesce(MilestoneRow.actual_date, MilestoneRow.forecast_date, MilestoneRow.baseline_date),
    MilestoneRow.archived_at,
    MilestoneRow.status,
    MilestoneRow.forecast_date,
    MilestoneRow.baseline_date,
    MilestoneRow.project_id,
)
# Home's deferred B-items wait for a project's main milestones: found without reading every milestone.
Index(
    "ix_milestone_main",
    MilestoneRow.is_main,
    MilestoneRow.project_id,
    MilestoneRow.archived_at,
    MilestoneRow.status,
)


class NonWorkingDayRow(RecordMixin, Base):
    """A day the project does not work on beyond its holiday calendar's (a site shutdown, a client's
    own holiday), e.g. a calendar exception of an imported Microsoft Project plan. Counted in slip."""

    __tablename__ = "non_working_day"
    __table_args__ = (UniqueConstraint("project_id", "day"),)
    project_id: Mapped[str] = _project_fk(index=False)  # led by the unique constraint
    day: Mapped[date]
    name: Mapped[str] = mapped_column(default="")
    external_ref: Mapped[str] = _external_ref()


class MilestoneChangeRow(RecordMixin, Base):
    """History of a milestone's dates: old, new, why, and the change request that caused it."""

    __tablename__ = "milestone_change"
    milestone_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("milestone.id", ondelete="RESTRICT"), index=True
    )
    field: Mapped[str] = mapped_column(String(16))  # baseline | forecast | actual
    old_date: Mapped[date | None]
    new_date: Mapped[date | None]
    reason: Mapped[str] = mapped_column(default="")
    change_request_id: Mapped[str | None] = _optional_fk("change_request")


class ExpectationRow(RecordMixin, Base):
    __tablename__ = "expectation"
    __table_args__ = (UniqueConstraint("project_id", "ref"),)
    project_id: Mapped[str] = _project_fk()
    ref: Mapped[str] = mapped_column(String(16))
    statement: Mapped[str]  # what the client will see
    measure: Mapped[str] = mapped_column(default="")  # how we will know
    due_date: Mapped[date | None] = mapped_column(default=None)
    agreed_with_id: Mapped[str | None] = _optional_fk("contact")
    status: Mapped[ExpectationStatus] = mapped_column(default=ExpectationStatus.DRAFT)
    confirmed_by_letter_id: Mapped[str | None] = _optional_fk("letter")  # the signed letter version


class ChangeRequestRow(RecordMixin, Base):
    __tablename__ = "change_request"
    __table_args__ = (
        UniqueConstraint("project_id", "ref"),
        # Pending decisions, and the meters' sums of hours (navigator, Home, Overview) without the table.
        Index(
            "ix_change_request_open", "project_id", "archived_at", "decision", "scope_check", "effort_hours"
        ),
        # Home's oldest requests awaiting a decision: read in date order, the first page and no more.
        Index("ix_change_request_waiting", "decision", "archived_at", "requested_on", "project_id"),
    )
    project_id: Mapped[str] = _project_fk(index=False)  # led by both indexes above
    ref: Mapped[str] = mapped_column(String(16))
    title: Mapped[str]
    description: Mapped[str] = mapped_column(default="")
    category_id: Mapped[str | None] = _optional_fk("category", index=True)
    issue_id: Mapped[str | None] = _optional_fk("issue", index=True)  # the issue that gave rise to it
    requested_by_id: Mapped[str | None] = _optional_fk("contact")
    requested_by_name: Mapped[str] = mapped_column(default="")
    requested_on: Mapped[date]
    channel: Mapped[Channel] = mapped_column(default=Channel.MEETING)
    triage: Mapped[Triage] = mapped_column(default=Triage.UNTRIAGED)
    scope_check: Mapped[ScopeCheck] = mapped_column(default=ScopeCheck.UNCHECKED)
    scope_item_id: Mapped[str | None] = _optional_fk("scope_item")
    exclusion_id: Mapped[str | None] = _optional_fk("exclusion")
    effort_hours: Mapped[float] = mapped_column(default=0.0)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    schedule_days: Mapped[int] = mapped_column(Integer, default=0)
    risk: Mapped[RiskLevel] = mapped_column(default=RiskLevel.LOW)
    # client-perspective analysis
    client_benefit: Mapped[str] = mapped_column(default="")
    client_cost: Mapped[str] = mapped_column(default="")
    risks: Mapped[str] = mapped_column(default="")
    alternatives: Mapped[str] = mapped_column(default="")
    recommendation: Mapped[str] = mapped_column(default="")
    # decision
    decision: Mapped[Decision] = mapped_column(default=Decision.PENDING)
    proposed_decision: Mapped[Decision | None] = mapped_column(default=None)  # what a held decision proposes
    decided_by: Mapped[str] = mapped_column(default="")
    decided_on: Mapped[date | None] = mapped_column(default=None)
    rationale: Mapped[str] = mapped_column(default="")
    escalation_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by: Mapped[str] = mapped_column(default="")
    approved_on: Mapped[date | None] = mapped_column(default=None)
    approval_note: Mapped[str] = mapped_column(default="")
    # the last refusal of a held decision by a manager (the request went back to pending)
    refused_by: Mapped[str] = mapped_column(default="")
    refused_on: Mapped[date | None] = mapped_column(default=None)
    refusal_reason: Mapped[str] = mapped_column(default="")


class LetterRow(RecordMixin, Base):
    """An issued document. Issued content never changes: a new version supersedes it. How it was
    signed (or refused) is in its ``signature`` events. A translation is the same version in another
    language (``translation_of_id``: the version it translates)."""

    __tablename__ = "letter"
    __table_args__ = (UniqueConstraint("project_id", "ref", "version", "language"),)
    project_id: Mapped[str] = _project_fk()
    kind: Mapped[LetterKind]
    ref: Mapped[str] = mapped_column(String(48))
    version: Mapped[int] = mapped_column(Integer, default=1)
    language: Mapped[Language] = mapped_column(default=Language.EN)
    change_request_id: Mapped[str | None] = _optional_fk("change_request")
    content_json: Mapped[str] = mapped_column(default="")  # canonical snapshot of what was printed
    fingerprint: Mapped[str] = mapped_column(String(64), default="")  # SHA-256 of content_json
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    status: Mapped[LetterStatus] = mapped_column(default=LetterStatus.DRAFT)
    issued_at: Mapped[datetime | None] = mapped_column(default=None)
    issued_by: Mapped[str] = mapped_column(default="")  # who issued it (the audit trail's name)
    issued_host: Mapped[str] = mapped_column(default="")  # on which machine
    translation_of_id: Mapped[str | None] = _optional_fk("letter")
    signed_pdf_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)


class SignatureRow(RecordMixin, Base):
    """One signature event on a letter: who signed which block (client or vendor), how, on which day
    (``signed_on``: when they signed, entered for paper and e-mail), when and by whom it was recorded,
    and the evidence (the e-mail's log entry, the scan's attachment, the pad's image). A refusal is an
    event too (method ``refused``): it signs nothing. Events are never changed, only added."""

    __tablename__ = "signature"
    project_id: Mapped[str] = _project_fk()
    letter_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("letter.id", ondelete="RESTRICT"), index=True
    )
    party: Mapped[SignatureParty] = mapped_column(default=SignatureParty.CLIENT)
    method: Mapped[SignMethod]
    signer_name: Mapped[str]
    signer_title: Mapped[str] = mapped_column(default="")
    contact_id: Mapped[str | None] = _optional_fk("contact")  # the client's signer (entitled to sign)
    signed_on: Mapped[date]
    place: Mapped[str] = mapped_column(default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")  # a refusal: what happened
    log_entry_id: Mapped[str | None] = _optional_fk("log_entry")  # by e-mail: the entry with the e-mail
    attachment_id: Mapped[str | None] = _optional_fk("attachment")  # on paper: the scan
    signature_png: Mapped[bytes | None] = mapped_column(default=None)  # on screen: the pad's image


class LogEntryRow(RecordMixin, Base):
    """Append-only: a correction is a new entry pointing at the original (correction_of_id); an entry
    written by mistake is voided with a reason (``voided_at``), never deleted."""

    __tablename__ = "log_entry"
    __table_args__ = (
        # a log page, newest first, and its count: index-only on the project's live entries
        Index(
            "ix_log_entry_project_occurred", "project_id", "archived_at", "occurred_at", "created_at", "id"
        ),
        Index("ix_log_entry_correction_of_id", "correction_of_id"),  # a log page looks up its corrections
        Index("ix_log_entry_change_request_id", "change_request_id"),  # work logged against an ask
    )
    project_id: Mapped[str] = mapped_column(String(36), ForeignKey("project.id", ondelete="RESTRICT"))
    occurred_at: Mapped[datetime]
    kind: Mapped[LogKind] = mapped_column(default=LogKind.MEETING)
    participants: Mapped[str] = mapped_column(default="")
    summary: Mapped[str]
    details: Mapped[str] = mapped_column(default="")
    change_request_id: Mapped[str | None] = _optional_fk("change_request")
    expectation_id: Mapped[str | None] = _optional_fk("expectation")
    milestone_id: Mapped[str | None] = _optional_fk("milestone")
    issue_id: Mapped[str | None] = _optional_fk("issue")
    correction_of_id: Mapped[str | None] = _optional_fk("log_entry")
    # The letter an automatic entry records (issued, signed, refused). Not a foreign key: letters point
    # at log entries (sign_log_entry_id), and a key back would be a cycle bundles and sync cannot order.
    letter_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # Voided (undone within minutes of being written, with the reason): kept and shown struck through,
    # never deleted; a voided entry counts for nothing (no evidence, no summary).
    voided_at: Mapped[datetime | None] = mapped_column(default=None)
    void_reason: Mapped[str] = mapped_column(default="")


class CommitmentRow(RecordMixin, Base):
    """Who owes what to whom by when (either side), usually recorded by a log entry.

    Open while ``closed_on`` is empty; closed with a note on how it was met. A verbal commitment
    flagged ``confirm_in_writing`` waits until an email log entry or a letter confirming it is linked."""

    __tablename__ = "commitment"
    __table_args__ = (
        Index("ix_commitment_open_due", "closed_on", "due_date"),  # Home: open ones, soonest first
        Index("ix_commitment_log_entry_id", "log_entry_id"),  # a log page shows an entry's commitments
    )
    project_id: Mapped[str] = _project_fk()
    log_entry_id: Mapped[str | None] = _optional_fk("log_entry")  # the entry that recorded it
    owner_side: Mapped[OwnerSide] = mapped_column(default=OwnerSide.VENDOR)
    owner_name: Mapped[str] = mapped_column(default="")  # who owes
    owed_to: Mapped[str] = mapped_column(default="")
    description: Mapped[str]
    due_date: Mapped[date]
    confirm_in_writing: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmation_log_entry_id: Mapped[str | None] = _optional_fk("log_entry")  # an email entry
    confirmation_letter_id: Mapped[str | None] = _optional_fk("letter")
    closed_on: Mapped[date | None] = mapped_column(default=None)
    closed_note: Mapped[str] = mapped_column(default="")  # how it was met
    closed_log_entry_id: Mapped[str | None] = _optional_fk("log_entry")


class IssueRow(RecordMixin, Base):
    __tablename__ = "issue"
    __table_args__ = (
        UniqueConstraint("project_id", "ref"),
        # similar issues (newest candidates first) and recurrence over a period
        Index("ix_issue_reported_on", "reported_on", "created_at"),
        # Home's blocked handovers: a project's live high-severity issues, without reading the table
        Index("ix_issue_severity", "project_id", "archived_at", "severity"),
    )
    project_id: Mapped[str] = _project_fk()
    ref: Mapped[str] = mapped_column(String(16))
    title: Mapped[str]
    category_id: Mapped[str | None] = _optional_fk("category", index=True)
    severity: Mapped[Severity] = mapped_column(default=Severity.MEDIUM)
    reported_on: Mapped[date]
    resolved_on: Mapped[date | None] = mapped_column(default=None)
    symptoms: Mapped[str] = mapped_column(default="")
    root_cause: Mapped[str] = mapped_column(default="")
    resolution: Mapped[str] = mapped_column(default="")


class CategoryRow(RecordMixin, Base):
    """One shared, bilingual taxonomy of issues and change requests across all projects: the same
    category at several clients shows a recurring problem (issues) or a product gap (extra asks).
    Names are unique without case among live categories (checked by the service)."""

    __tablename__ = "category"
    name_en: Mapped[str]
    name_zh: Mapped[str]
    description: Mapped[str] = mapped_column(default="")


class ReviewRow(RecordMixin, Base):
    """Butterfly review: two sides (client, company) by three horizons (short, mid, long)."""

    __tablename__ = "review"
    project_id: Mapped[str] = _project_fk()
    issue_id: Mapped[str | None] = _optional_fk("issue")  # a review of a major issue; else the project
    title: Mapped[str] = mapped_column(default="")
    held_on: Mapped[date]
    client_short: Mapped[str] = mapped_column(default="")
    client_mid: Mapped[str] = mapped_column(default="")
    client_long: Mapped[str] = mapped_column(default="")
    company_short: Mapped[str] = mapped_column(default="")
    company_mid: Mapped[str] = mapped_column(default="")
    company_long: Mapped[str] = mapped_column(default="")
    lessons: Mapped[str] = mapped_column(default="")
    follow_up: Mapped[str] = mapped_column(default="")


class ReviewActionRow(RecordMixin, Base):
    """A follow-up action of a butterfly review: who does what, revisited on a date until done."""

    __tablename__ = "review_action"
    __table_args__ = (Index("ix_review_action_due", "done_on", "revisit_on"),)  # Home: open ones due
    project_id: Mapped[str] = _project_fk()
    review_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("review.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str]
    owner: Mapped[str] = mapped_column(default="")
    revisit_on: Mapped[date]
    done_on: Mapped[date | None] = mapped_column(default=None)
    outcome: Mapped[str] = mapped_column(default="")


class HandoverItemRow(RecordMixin, Base):
    """What the handover report lists: a document handed over, a training session (its written
    material: the documents handed over for it), a risk or caution, an open item. The handover gate
    (``services.documents.handover_gate``) reads the links."""

    __tablename__ = "handover_item"
    project_id: Mapped[str] = _project_fk()
    kind: Mapped[HandoverKind]
    title: Mapped[str]
    details: Mapped[str] = mapped_column(default="")
    item_date: Mapped[date | None] = mapped_column(default=None)
    attendees: Mapped[str] = mapped_column(default="")  # training sessions
    recommendation: Mapped[str] = mapped_column(default="")  # open items, risks
    # a document: the training it was handed over for (a training's written material)
    training_id: Mapped[str | None] = _optional_fk("handover_item")
    # an open item: the scope item it leaves open, who owns it (its date is ``item_date``)
    scope_item_id: Mapped[str | None] = _optional_fk("scope_item")
    owner: Mapped[str] = mapped_column(default="")
    # a risk or caution: the issue it warns about
    issue_id: Mapped[str | None] = _optional_fk("issue")


class BlobRow(Base):
    """Attachment bytes and the issued (and signed) PDFs of letters (named by ``letter.pdf_sha256`` /
    ``signed_pdf_sha256``), stored once per content hash."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes]


class AttachmentRow(RecordMixin, Base):
    """A file attached to a project record (photo, scan of a paper-signed letter, ...)."""

    __tablename__ = "attachment"
    project_id: Mapped[str] = _project_fk()
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("blob.sha256", ondelete="RESTRICT"), index=True
    )
    filename: Mapped[str]
    media_type: Mapped[str] = mapped_column(String(127), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    # a log page, a letter and a change request list their files
    log_entry_id: Mapped[str | None] = _optional_fk("log_entry", index=True)
    letter_id: Mapped[str | None] = _optional_fk("letter", index=True)
    change_request_id: Mapped[str | None] = _optional_fk("change_request", index=True)


# The audit trail's tables (written by every unit of work) register on Base.metadata with this module.
# The team's (store/sync_tables.py) register only where they are used: store/schema.py has them all.
from deliverydesk.store import audit_tables  # noqa: E402, F401


class ExportedDocumentRow(RecordMixin, Base):
    """A copy kept of an exported evidence pack or review report (not issued, not signed): the exact
    PDF in the blob store, so ``deliverydesk verify`` can check a copy someone shows later."""

    __tablename__ = "exported_document"
    project_id: Mapped[str] = _project_fk()
    kind: Mapped[str] = mapped_column(String(32))  # evidence_pack | review_report
    reference: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)  # of its content, printed on it
    pdf_sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("blob.sha256", ondelete="RESTRICT"), index=True
    )
    exported_at: Mapped[datetime]
