"""What an evidence pack prints: plain frozen dataclasses, filled in by ``services.evidence.pack``.

Log entries carry their number in the pack (#1, #2... in chronological order); corrections,
commitments and attachments refer to entries by that number, so the printed record cross-references
itself. Times are already in the zone the pack names (``utc_offset``). Text is user text, printed
literally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from deliverydesk.domain.enums import (
    Channel,
    Decision,
    ExpectationStatus,
    LetterKind,
    LetterStatus,
    LogKind,
    OwnerSide,
    RiskLevel,
    SignMethod,
)
from deliverydesk.reports.documents.data import DocumentMetaData, ProjectRefData


class EvidenceTopicKind(StrEnum):
    CHANGE_REQUEST = "change_request"
    EXPECTATION = "expectation"
    PERIOD = "period"  # the log entries of a date range
    SELECTION = "selection"  # entries chosen by hand or by a search


@dataclass(frozen=True)
class EvidenceFieldChangeData:
    """One field of a recorded change: its name in the record, and the values as kept."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class EvidenceDecisionEventData:
    """A change to a request's decision, proposal or approval, from the audit trail."""

    when: datetime
    who: str
    changes: tuple[EvidenceFieldChangeData, ...]


@dataclass(frozen=True)
class EvidenceMilestoneMoveData:
    """A milestone date the request moved."""

    milestone: str
    field: str  # baseline | forecast | actual
    old: date | None
    new: date | None
    when: datetime | None = None
    reason: str = ""


@dataclass(frozen=True)
class EvidenceTopicData:
    """What the pack is about; only the fields of its kind are filled in."""

    kind: EvidenceTopicKind
    ref: str = ""  # CR-3, E-2
    title: str = ""  # the ask, the expectation's statement, or what the selection was (a search)
    description: str = ""  # the ask in full, or how the expectation is measured
    requested_by: str = ""
    requested_on: date | None = None
    decision: Decision | None = None
    decided_by: str = ""
    decided_on: date | None = None
    expectation_status: ExpectationStatus | None = None
    due: date | None = None
    period_start: date | None = None  # the range asked for (period), else None
    period_end: date | None = None
    search_text: str = ""  # a selection found by searching: the words searched for
    # a change request's impact, decision and approval
    effort_hours: Decimal | None = None
    cost: Decimal | None = None
    currency: str = ""
    schedule_days: int = 0
    risk: RiskLevel | None = None
    rationale: str = ""
    approved_by: str = ""
    approved_on: date | None = None
    approval_note: str = ""
    history: tuple[EvidenceDecisionEventData, ...] = ()  # decision, proposal, approval or refusal
    milestone_moves: tuple[EvidenceMilestoneMoveData, ...] = ()


@dataclass(frozen=True)
class EvidenceEntryData:
    number: int  # in the pack, chronological
    occurred_at: datetime
    recorded_at: datetime  # when it was written down
    kind: LogKind
    summary: str
    participants: str = ""
    details: str = ""
    links: tuple[str, ...] = ()  # refs of linked records: CR-3, E-2, M-1, I-4
    corrects: int | None = None  # the number of the entry this one corrects
    corrected_by: int | None = None  # the number of the entry correcting this one
    before_decision: bool = False  # a change request's pack: logged while it was still undecided


@dataclass(frozen=True)
class EvidenceSignatureData:
    method: SignMethod
    signer_name: str
    signer_title: str = ""
    signed_at: datetime | None = None  # when it was recorded
    place: str = ""
    note: str = ""  # the reason given for a refusal, or any note
    confirmed_in_entry: int | None = None  # by e-mail: the entry holding the e-mail
    signed_on: date | None = None  # when the client signed (or refused); printed rather than signed_at


@dataclass(frozen=True)
class EvidenceLetterData:
    reference: str
    version: int
    kind: LetterKind
    status: LetterStatus
    issued_at: datetime | None
    fingerprint: str
    pdf_sha256: str
    signed_pdf_sha256: str = ""
    signature: EvidenceSignatureData | None = None  # signed, or the refusal


@dataclass(frozen=True)
class EvidenceCommitmentData:
    owner_side: OwnerSide
    owner_name: str
    owed_to: str
    description: str
    due: date
    recorded_in: int | None = None  # entry number
    confirm_in_writing: bool = False
    confirmed_in_entry: int | None = None
    confirmed_by_letter: str = ""  # "DD-2026-014-EL v2"
    closed_on: date | None = None
    closed_note: str = ""  # how it was met
    closed_in_entry: int | None = None


@dataclass(frozen=True)
class EvidenceAttachmentData:
    filename: str
    size: int
    media_type: str
    sha256: str
    belongs_to: str  # "#4", "DD-2026-014-CR-3 v1", "CR-3"


@dataclass(frozen=True)
class EvidenceAskData:
    """A change request captured in a date range's pack, with or without a log entry about it."""

    ref: str
    title: str
    requested_on: date
    requested_by: str
    channel: Channel
    decision: Decision
    logged: bool  # some live log entry is about it


@dataclass(frozen=True)
class EvidencePackData:
    meta: DocumentMetaData
    project: ProjectRefData
    client: str
    topic: EvidenceTopicData
    generated_at: datetime
    utc_offset: str  # "UTC+08:00": the zone of every time printed
    entries: tuple[EvidenceEntryData, ...]
    letters: tuple[EvidenceLetterData, ...]
    commitments: tuple[EvidenceCommitmentData, ...]
    attachments: tuple[EvidenceAttachmentData, ...]
    asks: tuple[EvidenceAskData, ...] = ()  # a date range's pack: every ask captured in the range

    @property
    def period_covered(self) -> tuple[date | None, date | None]:
        """The range asked for, else the dates of the first and the last entry."""
        if self.topic.period_start or self.topic.period_end:
            return self.topic.period_start, self.topic.period_end
        if not self.entries:
            return None, None
        return self.entries[0].occurred_at.date(), self.entries[-1].occurred_at.date()
