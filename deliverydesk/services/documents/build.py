"""The four client documents as report data, built from the database for one project.

``build_document(ctx, request)`` returns the ``*Data`` object the PDF is printed from: letterhead and
paper size from Settings, the project's document language (unless the request names another), the
"as of" date from ``ctx.today()``, and the version the document would get if issued now. A draft has
no fingerprint; ``services.documents.letters`` seals and issues it.

``DOCUMENT_KINDS`` (at the end) is the registry of document kinds: for each, its data class, reference,
gather function, what must be settled before it is issued and whether the client signs it. Nothing
else in the package asks which kind a document is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal
from typing import Any, Generic, TypeVar

from deliverydesk.domain.enums import (
    Decision,
    Language,
    LetterKind,
)
from deliverydesk.domain.handover import check_handover
from deliverydesk.domain.models import ChangeRequestItem, LetterItem
from deliverydesk.domain.printing import check_printable
from deliverydesk.domain.scope_guard import decision_order
from deliverydesk.domain.validation import Checker
from deliverydesk.domain.workdays import WorkCalendar, add_working_days, calendar_covering, with_extra_days
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import Message, msg
from deliverydesk.reports.documents.data import (
    ActionData,
    ChangeDecisionData,
    ClientAnalysisData,
    ContractValueData,
    DifficultyData,
    DocumentMetaData,
    ExpectationLetterData,
    GoodwillData,
    HandoverReportData,
    ImpactData,
    MilestoneMoveData,
    MoneyData,
    OverallStatus,
    ProgressSummaryData,
    ReportData,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import facts as facts_module
from deliverydesk.services.documents.confirmations import confirm_expectations
from deliverydesk.services.documents.facts import next_version_meta
from deliverydesk.services.documents.parts import (
    DocumentFacts,
    SummaryNarrative,
    change_requests_of,
    check_narrative,
    handover_report_data,
    load_facts,
    progress_summary_data,
    snapshot_period,
    summary_period_for,
)
from deliverydesk.store.document_rows import handover_facts, milestone_moves
from deliverydesk.store.plain import reader
from deliverydesk.store.records import Session, contact_names
from deliverydesk.store.request_rows import get_request, linked_ref

# The report types a caller needs to fill a summary narrative, re-exported so the window uses services only.
__all__ = [
    "DOCUMENT_KINDS",
    "ActionData",
    "ChangeDecisionData",
    "DifficultyData",
    "DocumentKind",
    "DocumentRequest",
    "ExpectationLetterData",
    "HandoverReportData",
    "OverallStatus",
    "ProgressSummaryData",
    "SummaryNarrative",
    "build_document",
    "check_narrative",
    "document_kind",
    "document_ref",
    "kind_of",
    "require_issuable",
]

DataT = TypeVar("DataT")
UNDECIDED = (Decision.PENDING, Decision.PENDING_APPROVAL)
ANSWER_WITHIN_WORKING_DAYS = 5  # the change decision asks the client to answer (sign) within a week
ASSUMPTION_MAX = 2000


@dataclass(frozen=True)
class DocumentRequest:
    """Which document: ``change_request_id`` for a change decision, ``narrative`` for a summary,
    ``assumptions`` for an expectation letter (None: those of the last issued letter)."""

    project_id: str
    kind: LetterKind
    change_request_id: str | None = None
    language: Language | None = None  # None: the project's document language
    narrative: SummaryNarrative | None = None
    assumptions: tuple[str, ...] | None = None


def build_document(ctx: ServiceContext, request: DocumentRequest) -> ReportData:
    """The draft document (no fingerprint), numbered as the next version of its reference."""
    with ctx.db.unit_of_work() as session:
        return build_document_in(ctx, session, request)


def build_document_in(ctx: ServiceContext, session: Session, request: DocumentRequest) -> ReportData:
    kind = document_kind(request.kind)
    facts = load_facts(ctx, session, request.project_id, request.language)
    meta = next_version_meta(reader(session), facts, kind.reference(session, facts, request))
    data: ReportData = kind.gather(session, facts, meta, request)
    check_printable(data)  # a character typed before the input rules refused it never prints as a box
    return data


def document_ref(session: Session, facts: DocumentFacts, request: DocumentRequest) -> str:
    """DD-2026-014-EL, DD-2026-014-CR-3, DD-2026-014-PS-20260417 (period end), DD-2026-014-HO."""
    return document_kind(request.kind).reference(session, facts, request)


def _change_request(session: Session, request: DocumentRequest) -> ChangeRequestItem:
    if request.change_request_id is None:
        raise ValidationError({"change_request_id": msg("Choose the change request the decision is about.")})
    item = get_request(session, request.change_request_id)
    if item.project_id != request.project_id:
        raise ValidationError({"change_request_id": msg("This change request belongs to another project.")})
    return item


# --- expectation confirmation letter -------------------------------------------------------------


def expectation_letter_data(
    session: Session, facts: DocumentFacts, meta: DocumentMetaData, request: DocumentRequest
) -> ExpectationLetterData:
    """Read as the command line's draft export reads it (``facts.PLAIN_KINDS``); the assumptions the
    engineer wrote for this letter, when the request has them, instead of the last letter's."""
    data = facts_module.expectation_letter_data(reader(session), facts, meta)
    if request.assumptions is None:
        return data
    return replace(data, assumptions=letter_assumptions(request.assumptions))


def letter_assumptions(given: tuple[str, ...]) -> tuple[str, ...]:
    """The engineer's list, blank lines dropped, each within the limit."""
    items = tuple(item.strip() for item in given if item.strip())
    check = Checker()
    for item in items:
        check.long_text("assumptions", item, limit=ASSUMPTION_MAX)
    check.done()
    return items


# --- change decision -------------------------------------------------------------------------------


def change_decision_data(
    session: Session, facts: DocumentFacts, meta: DocumentMetaData, request: DocumentRequest
) -> ChangeDecisionData:
    row = _change_request(session, request)
    requester = contact_names(session, [row.requested_by_id]) if row.requested_by_id else {}
    budgets = facts.project.contract_value_cents or facts.project.goodwill_budget_hours
    others = change_requests_of(session, facts) if budgets else []  # what was decided before it
    return ChangeDecisionData(
        meta=meta,
        project=facts.project_ref,
        addressee=facts.addressee,
        change_ref=row.ref,
        title=row.title,
        description=row.description,
        requested_by=requester.get(row.requested_by_id or "", row.requested_by_name),
        requested_on=row.requested_on,
        channel=row.channel,
        triage=row.triage,
        scope_check=row.scope_check,
        impact=ImpactData(
            effort_hours=Decimal(str(row.effort_hours)),
            cost=MoneyData(Decimal(row.cost_cents) / 100, facts.project.currency) if row.cost_cents else None,
            schedule_days=row.schedule_days,
            risk=row.risk,
        ),
        analysis=ClientAnalysisData(
            row.client_benefit, row.client_cost, row.risks, row.alternatives, row.recommendation
        ),
        decision=row.decision,
        rationale=row.rationale,
        supplier_signatory=facts.supplier_signatory,
        client_signatory=facts.client_signatory,
        scope_item_ref=linked_ref(session, row.scope_item_id, row.exclusion_id),
        decided_by=row.decided_by,
        decided_on=row.decided_on,
        approved_by=row.approved_by,
        contract_value=_contract_value(facts, row, others),
        goodwill=_goodwill(facts, row, others),
        milestone_moves=_milestone_moves(session, row),
        answer_by=add_working_days(facts.today, ANSWER_WITHIN_WORKING_DAYS, _calendar(facts)),
        proposed_decision=row.proposed_decision if _held(row) else None,
    )


def _decided_before(row: ChangeRequestItem, other: ChangeRequestItem) -> bool:
    """Whether ``other`` was decided before ``row`` (the same day: the lower ref first)."""
    return decision_order(other) < decision_order(row)


def _earlier(
    row: ChangeRequestItem, others: Sequence[ChangeRequestItem], decision: Decision
) -> list[ChangeRequestItem]:
    return [
        other
        for other in others
        if other.id != row.id and other.decision is decision and _decided_before(row, other)
    ]


def _contract_value(
    facts: DocumentFacts, row: ChangeRequestItem, others: Sequence[ChangeRequestItem]
) -> ContractValueData | None:
    """The contract value with the billable changes decided before this one, and with this one."""
    project = facts.project
    if not project.contract_value_cents:
        return None
    earlier = sum(r.cost_cents for r in _earlier(row, others, Decision.APPROVED_BILLABLE))
    this = row.cost_cents if _outcome(row) is Decision.APPROVED_BILLABLE else 0
    before = project.contract_value_cents + earlier

    def money(cents: int) -> MoneyData:
        return MoneyData(Decimal(cents) / 100, project.currency)

    return ContractValueData(money(before), money(before + this), held=_held(row))


def _goodwill(
    facts: DocumentFacts, row: ChangeRequestItem, others: Sequence[ChangeRequestItem]
) -> GoodwillData | None:
    """The goodwill budget: used by the goodwill decided before this change, and by this one."""
    budget = Decimal(str(facts.project.goodwill_budget_hours))
    if not budget:
        return None
    earlier = _earlier(row, others, Decision.APPROVED_GOODWILL)
    used = sum((Decimal(str(r.effort_hours)) for r in earlier), Decimal(0))
    goodwill = _outcome(row) is Decision.APPROVED_GOODWILL
    this = Decimal(str(row.effort_hours)) if goodwill else Decimal(0)
    return GoodwillData(budget, used, this, held=_held(row))


def _held(row: ChangeRequestItem) -> bool:
    return row.decision is Decision.PENDING_APPROVAL


def _outcome(row: ChangeRequestItem) -> Decision:
    """The decision as it counts in money and hours: a held one as the outcome it proposes (the
    letter then says "if approved"), so a draft shows what approving it would commit us to."""
    return (row.proposed_decision or row.decision) if _held(row) else row.decision


def _milestone_moves(session: Session, row: ChangeRequestItem) -> tuple[MilestoneMoveData, ...]:
    return tuple(
        MilestoneMoveData(move.milestone_name, move.old_date, move.new_date)
        for move in milestone_moves(session, row.id)
        if move.field in ("baseline", "forecast")
    )


def _calendar(facts: DocumentFacts) -> WorkCalendar:
    calendar = calendar_covering(
        facts.project.holiday_calendar, facts.today, facts.today + timedelta(days=60)
    )
    return with_extra_days(calendar, facts.extra_days)


def require_issuable(data: ReportData) -> None:
    """What must be settled before a document can be issued (a preview is always possible)."""
    kind_of(data).issuable(data)


def _decided(data: ChangeDecisionData) -> None:
    if data.decision in UNDECIDED:
        raise RuleError(
            msg("{change_ref} has no decision yet.", change_ref=data.change_ref),
            msg("Decide the change request before issuing its letter."),
        )


def _has_expectations(data: ExpectationLetterData) -> None:
    if not data.expectations:
        raise RuleError(
            msg("There are no expectations to confirm."), msg("Add the agreed expectations first.")
        )


def _settled(_data: object) -> None:
    """Nothing to settle before issuing."""


def _open(_session: Session, _request: DocumentRequest) -> None:
    """Nothing in the project stands in the way of issuing."""


# what signing a letter also does, given the letter and its data as printed: (refs confirmed, warnings)
Confirmed = tuple[tuple[str, ...], tuple[Message, ...]]
OnSigned = Callable[[ServiceContext, Session, LetterItem, ReportData], Confirmed]


def _nothing_more(
    _ctx: ServiceContext, _session: Session, _letter: LetterItem, _printed: ReportData
) -> Confirmed:
    """Signing records the signature and nothing more."""
    return (), ()


def _as_issued(request: DocumentRequest, _content_json: str) -> DocumentRequest:
    """A translation is built from the same request as the version it translates."""
    return request


def _same_period(request: DocumentRequest, content_json: str) -> DocumentRequest:
    """A summary's translation covers the period its version covered (not one ending today)."""
    period = snapshot_period(content_json)
    if period is None:
        return request
    narrative = replace(request.narrative or SummaryNarrative(), period_start=period[0], period_end=period[1])
    return replace(request, narrative=narrative)


def _handover_gate(session: Session, request: DocumentRequest) -> None:
    """A handover report is refused while anything stands in the way (``domain.handover``)."""
    check_handover(handover_facts(session, request.project_id))


# --- the registry of document kinds ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class DocumentKind(Generic[DataT]):
    """One kind of client document. Adding a kind is a report module (``reports/documents``, named by
    its data class's ``REPORT``), a gather function here or in ``parts`` and an entry in
    ``DOCUMENT_KINDS``; nothing else asks which kind a document is."""

    kind: LetterKind
    data_type: type[DataT]  # what the report prints: the issued snapshot is read back into it
    reference: Callable[[Session, DocumentFacts, DocumentRequest], str]  # its reference, e.g. DD-2026-014-EL
    gather: Callable[[Session, DocumentFacts, DocumentMetaData, DocumentRequest], DataT]  # from the database
    issuable: Callable[[DataT], None] = _settled  # raises RuleError while something must be settled first
    gate: Callable[[Session, DocumentRequest], None] = _open  # RuleError while the project is not ready
    signature_block: bool = True  # the client signs it (on screen, on paper, by e-mail)
    on_signed: OnSigned = _nothing_more  # what signing it also does: (refs confirmed, warnings)
    about_change_request: bool = False  # the request names its change request (``change_request_id``)
    # the request that builds the translation of an issued version (its snapshot's canonical JSON)
    translation: Callable[[DocumentRequest, str], DocumentRequest] = _as_issued


def _summary_ref(session: Session, facts: DocumentFacts, request: DocumentRequest) -> str:
    _start, end = summary_period_for(session, facts, request.narrative)
    return f"{facts.project.code}-PS-{end:%Y%m%d}"


DOCUMENT_KINDS: dict[LetterKind, DocumentKind[Any]] = {
    entry.kind: entry
    for entry in (
        DocumentKind(
            kind=LetterKind.EXPECTATION_CONFIRMATION,
            data_type=ExpectationLetterData,
            reference=lambda _session, facts, _request: facts_module.expectation_letter_ref(facts),
            gather=expectation_letter_data,
            issuable=_has_expectations,
            on_signed=confirm_expectations,
        ),
        DocumentKind(
            kind=LetterKind.CHANGE_DECISION,
            data_type=ChangeDecisionData,
            reference=lambda session, facts, request: (
                f"{facts.project.code}-{_change_request(session, request).ref}"
            ),
            gather=change_decision_data,
            issuable=_decided,
            about_change_request=True,
        ),
        DocumentKind(
            kind=LetterKind.PROGRESS_SUMMARY,
            data_type=ProgressSummaryData,
            reference=_summary_ref,
            gather=lambda session, facts, meta, request: progress_summary_data(
                session, facts, meta, request.narrative
            ),
            signature_block=False,
            translation=_same_period,
        ),
        DocumentKind(
            kind=LetterKind.HANDOVER,
            data_type=HandoverReportData,
            reference=lambda _session, facts, _request: f"{facts.project.code}-HO",
            gather=lambda session, facts, meta, _request: handover_report_data(session, facts, meta),
            gate=_handover_gate,
        ),
    )
}


def document_kind(kind: LetterKind) -> DocumentKind[Any]:
    return DOCUMENT_KINDS[kind]


def kind_of(data: ReportData) -> DocumentKind[Any]:
    """The registry entry of the document ``data`` describes."""
    return next(entry for entry in DOCUMENT_KINDS.values() if isinstance(data, entry.data_type))
