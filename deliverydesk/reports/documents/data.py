"""What the documents print: plain frozen dataclasses, filled in by the services.

Nothing here knows about the database or Qt. Every value is already decided (slip in working days,
the fingerprint, the "as of" date): the reports only lay it out. Text fields are user text and are
printed literally.

A field added after documents were issued is declared with ``added_field``: the snapshots of earlier documents
do not have it and still seal to the fingerprint they were issued with.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar, Protocol, TypeVar

from deliverydesk.domain.enums import (
    Channel,
    Decision,
    Language,
    MilestoneStatus,
    OwnerSide,
    PaperSize,
    RiskLevel,
    ScopeCheck,
    ScopeStatus,
    SignMethod,
    Triage,
)
from deliverydesk.domain.fingerprint import added_field


class OverallStatus(StrEnum):
    """The headline of a progress summary."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


@dataclass(frozen=True)
class LetterheadData:
    company_name: str
    address: str  # may hold several lines
    contact_line: str = ""  # phone, e-mail, web: one line under the address
    logo_png: bytes | None = None


@dataclass(frozen=True)
class DocumentMetaData:
    """What every page carries: who sends it, which document and version, and its fingerprint."""

    letterhead: LetterheadData
    reference: str
    version: int
    language: Language
    as_of: date
    paper: PaperSize = PaperSize.A4
    fingerprint: str = ""  # hex SHA-256 from the issuing service; empty = a draft, not issued
    qr_payload: str | None = None  # e.g. reference + fingerprint; printed as a QR code on page 1


class Sealable(Protocol):
    """A document's data: a dataclass with its ``meta``."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def meta(self) -> DocumentMetaData: ...


SealableT = TypeVar("SealableT", bound=Sealable)


def with_seal(data: SealableT, digest: str, *, qr: bool = False) -> SealableT:
    """``data`` carrying the fingerprint ``digest`` ("": no seal, a draft); with ``qr``, also a QR code
    on page 1 that reads "DeliveryDesk <reference> v<version> <fingerprint>" (the letters')."""
    meta = data.meta
    payload = f"DeliveryDesk {meta.reference} v{meta.version} {digest}" if qr and digest else None
    return replace(data, meta=replace(meta, fingerprint=digest, qr_payload=payload))


@dataclass(frozen=True)
class MoneyData:
    amount: Decimal
    currency: str = "CNY"


@dataclass(frozen=True)
class PartyData:
    """The addressee: the client organisation and the person the document is for."""

    organisation: str
    address: str = ""
    contact_name: str = ""
    contact_title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ProjectRefData:
    code: str
    name: str
    contract_reference: str = ""


@dataclass(frozen=True)
class SignatoryData:
    """One signature block. ``signed_on`` and ``signature_png`` stay empty until someone signs."""

    organisation: str
    name: str = ""
    title: str = ""
    signed_on: date | None = None
    place: str = ""
    signature_png: bytes | None = None


@dataclass(frozen=True)
class ExpectationRowData:
    ref: str
    statement: str  # what the client will see
    measure: str  # how we will know
    due: date | None = None


@dataclass(frozen=True)
class DeliverableData:
    """A contracted deliverable (scope item) and how its acceptance is judged."""

    ref: str
    title: str
    acceptance_criteria: str = ""


@dataclass(frozen=True)
class ExpectationLetterData:
    REPORT: ClassVar[str] = "expectation_letter"  # the module of reports.documents that prints it

    meta: DocumentMetaData
    project: ProjectRefData
    addressee: PartyData
    subject: str
    expectations: tuple[ExpectationRowData, ...]
    exclusions: tuple[str, ...]
    dependencies: tuple[str, ...]  # what the client provides
    assumptions: tuple[str, ...]  # the engineer's list; the section is left out when empty
    supplier_signatory: SignatoryData
    client_signatory: SignatoryData
    opening: str = ""  # empty: the standard opening paragraph
    change_procedure_note: str = ""  # added after the standard change-request procedure
    deliverables: tuple[DeliverableData, ...] = added_field(())


@dataclass(frozen=True)
class ImpactData:
    effort_hours: Decimal
    cost: MoneyData | None
    schedule_days: int  # working days the agreed dates move
    risk: RiskLevel
    risk_note: str = ""


@dataclass(frozen=True)
class ClientAnalysisData:
    """The client-perspective analysis (客户视角分析)."""

    benefit: str
    client_cost: str  # cost and effort the change implies for the client
    risks: str
    alternatives: str
    recommendation: str


@dataclass(frozen=True)
class ContractValueData:
    """The contract value before this change and after it (the same when it adds no price). While
    the decision waits for a manager's approval (``held``), "after" is what approving it would make."""

    before: MoneyData
    after: MoneyData
    held: bool = False


@dataclass(frozen=True)
class GoodwillData:
    """The project's goodwill budget in hours: used before this change, by it, and what is left.
    While the decision waits for a manager's approval (``held``), this change's hours are what
    approving it as goodwill would use: not used yet."""

    budget_hours: Decimal
    used_before_hours: Decimal
    this_change_hours: Decimal = Decimal(0)
    held: bool = False

    @property
    def used_after_hours(self) -> Decimal:
        return self.used_before_hours + self.this_change_hours

    @property
    def left_hours(self) -> Decimal:
        return self.budget_hours - self.used_after_hours


@dataclass(frozen=True)
class MilestoneMoveData:
    """A milestone date this change moved."""

    name: str
    old: date | None
    new: date | None


@dataclass(frozen=True)
class ChangeDecisionData:
    REPORT: ClassVar[str] = "change_decision"  # the module of reports.documents that prints it

    meta: DocumentMetaData
    project: ProjectRefData
    addressee: PartyData
    change_ref: str
    title: str
    description: str  # the ask, in the client's words where possible
    requested_by: str
    requested_on: date
    channel: Channel
    triage: Triage
    scope_check: ScopeCheck
    impact: ImpactData
    analysis: ClientAnalysisData
    decision: Decision
    rationale: str
    supplier_signatory: SignatoryData
    client_signatory: SignatoryData
    scope_item_ref: str = ""  # the scope item or exclusion the ask was checked against
    decided_by: str = ""
    decided_on: date | None = None
    approved_by: str = ""  # the manager, when the decision was above the engineer's authority
    contract_value: ContractValueData | None = added_field(None)
    goodwill: GoodwillData | None = added_field(None)
    milestone_moves: tuple[MilestoneMoveData, ...] = added_field(())
    answer_by: date | None = added_field(None)  # when the client is asked to answer (sign) by
    proposed_decision: Decision | None = added_field(None)  # what a decision held for approval proposes


@dataclass(frozen=True)
class DifficultyData:
    text: str
    waits_on_client: bool = False


@dataclass(frozen=True)
class ActionData:
    text: str
    owner: str
    due: date | None = None


@dataclass(frozen=True)
class MilestoneRowData:
    name: str
    baseline: date
    forecast: date | None = None
    actual: date | None = None
    slip_days: int | None = None  # working days, computed by the domain
    owner_side: OwnerSide = OwnerSide.VENDOR
    status: MilestoneStatus = MilestoneStatus.PLANNED


@dataclass(frozen=True)
class PendingDecisionData:
    text: str
    needed_by: date | None = None


@dataclass(frozen=True)
class ChangeTallyData:
    decision: Decision
    count: int
    effort_hours: Decimal = Decimal(0)


@dataclass(frozen=True)
class ProgressSummaryData:
    REPORT: ClassVar[str] = "progress_summary"  # the module of reports.documents that prints it

    meta: DocumentMetaData
    project: ProjectRefData
    addressee: PartyData
    period_start: date
    period_end: date
    overall_status: OverallStatus
    status_note: str
    goal: str
    steps_done: tuple[str, ...]
    difficulties: tuple[DifficultyData, ...]
    next_actions: tuple[ActionData, ...]
    milestones: tuple[MilestoneRowData, ...]
    pending_decisions: tuple[PendingDecisionData, ...]  # what waits on the client's decision only
    change_tally: tuple[ChangeTallyData, ...]
    late: tuple[ActionData, ...] = added_field(())  # past their date: under their own heading


@dataclass(frozen=True)
class ScopeAcceptanceData:
    ref: str
    title: str
    status: ScopeStatus
    note: str = ""


@dataclass(frozen=True)
class HandedDocumentData:
    title: str
    identifier: str = ""  # document number / version / format
    handed_to: str = ""
    handed_on: date | None = None


@dataclass(frozen=True)
class TrainingData:
    held_on: date
    topic: str
    attendees: tuple[str, ...]
    material_left: bool


@dataclass(frozen=True)
class RiskNoteData:
    text: str
    level: RiskLevel = RiskLevel.MEDIUM


@dataclass(frozen=True)
class OpenItemData:
    ref: str
    text: str
    recommendation: str
    owner: str = ""
    due: date | None = None
    deferred: bool = False  # a deferred change request rather than an open item


@dataclass(frozen=True)
class HandoverReportData:
    REPORT: ClassVar[str] = "handover_report"  # the module of reports.documents that prints it

    meta: DocumentMetaData
    project: ProjectRefData
    addressee: PartyData
    summary: str
    scope_items: tuple[ScopeAcceptanceData, ...]
    documents: tuple[HandedDocumentData, ...]
    trainings: tuple[TrainingData, ...]
    risks: tuple[RiskNoteData, ...]
    open_items: tuple[OpenItemData, ...]
    supplier_signatory: SignatoryData
    client_signatory: SignatoryData


# Every client document's data; each names the module that prints it (``REPORT``), the services'
# registry of document kinds (``services.documents.build.DOCUMENT_KINDS``) names the data class.
ReportData = ExpectationLetterData | ChangeDecisionData | ProgressSummaryData | HandoverReportData


@dataclass(frozen=True)
class IssueEventData:
    """Who issued a document, when, and on which machine."""

    issued_at: datetime
    issued_by: str = ""
    machine: str = ""


@dataclass(frozen=True)
class SignatureEventData:
    """One signature (or refusal) as recorded: who signed, in which role, how, when they signed
    and when and by whom it was recorded, and the evidence it rests on."""

    signer: str
    method: SignMethod
    role: str = ""  # the signer's title, or their role for the client
    organisation: str = ""
    signed_on: date | None = None  # when the client signed (for paper and e-mail: as entered)
    recorded_at: datetime | None = None  # when it was entered in DeliveryDesk
    recorded_by: str = ""
    place: str = ""
    evidence: str = ""  # the e-mail log entry, "SHA-256 …" of the scan; empty on screen
    note: str = ""


@dataclass(frozen=True)
class CertificateData:
    """The completion certificate that ends a signed letter's PDF (as e-signature services give)."""

    reference: str
    version: int
    fingerprint: str
    issue: IssueEventData
    signatures: tuple[SignatureEventData, ...]
    issued_pdf_sha256: str = ""
    utc_offset: str = ""  # "UTC+08:00": the zone of every time printed
