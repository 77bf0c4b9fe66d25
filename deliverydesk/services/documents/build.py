"""The four client documents as report data, built from the database for one project.

``build_document(ctx, request)`` returns the ``*Data`` object the PDF is printed from: letterhead and
paper size from Settings, the project's document language (unless the request names another), the
"as of" date from ``ctx.today()``, and the version the document would get if issued now. A draft has
no fingerprint; ``services.documents.letters`` seals and issues it. One function per document kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from deliverydesk.domain.enums import (
    Decision,
    ExpectationStatus,
    Language,
    LetterKind,
    OwnerSide,
)
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.reports.documents.data import (
    ActionData,
    ChangeDecisionData,
    ClientAnalysisData,
    DifficultyData,
    DocumentMetaData,
    ExpectationLetterData,
    ExpectationRowData,
    ImpactData,
    MoneyData,
    OverallStatus,
    ProgressSummaryData,
    ReportData,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.parts import (
    DocumentFacts,
    SummaryNarrative,
    handover_report_data,
    load_facts,
    pick,
    progress_summary_data,
    rows_of,
    summary_period_for,
)
from deliverydesk.services.records.common import get_row
from deliverydesk.store.document_queries import letter_versions
from deliverydesk.store.records import Session
from deliverydesk.store.tables import (
    ChangeRequestRow,
    ContactRow,
    ExclusionRow,
    ExpectationRow,
    MilestoneRow,
    ScopeItemRow,
)

# The report types a caller needs to fill a summary narrative, re-exported so the window uses services only.
__all__ = [
    "ActionData",
    "DifficultyData",
    "DocumentRequest",
    "OverallStatus",
    "ProgressSummaryData",
    "SummaryNarrative",
    "build_document",
    "document_ref",
    "require_issuable",
]

UNDECIDED = (Decision.PENDING, Decision.PENDING_APPROVAL)
LETTER_STATUSES = tuple(s for s in ExpectationStatus if s is not ExpectationStatus.WITHDRAWN)


@dataclass(frozen=True)
class DocumentRequest:
    """Which document: ``change_request_id`` for a change decision, ``narrative`` for a summary."""

    project_id: str
    kind: LetterKind
    change_request_id: str | None = None
    language: Language | None = None  # None: the project's document language
    narrative: SummaryNarrative | None = None


def build_document(ctx: ServiceContext, request: DocumentRequest) -> ReportData:
    """The draft document (no fingerprint), numbered as the next version of its reference."""
    with ctx.db.unit_of_work() as session:
        return build_document_in(ctx, session, request)


def build_document_in(ctx: ServiceContext, session: Session, request: DocumentRequest) -> ReportData:
    facts = load_facts(ctx, session, request.project_id, request.language)
    ref = document_ref(session, facts, request)
    versions = letter_versions(session, request.project_id, ref)
    meta = facts.document_meta(ref, version=max((row.version for row in versions), default=0) + 1)
    if request.kind is LetterKind.EXPECTATION_CONFIRMATION:
        return expectation_letter_data(session, facts, meta)
    if request.kind is LetterKind.CHANGE_DECISION:
        return change_decision_data(session, facts, meta, _change_request(session, request).id)
    if request.kind is LetterKind.PROGRESS_SUMMARY:
        return progress_summary_data(session, facts, meta, request.narrative)
    return handover_report_data(session, facts, meta)


def document_ref(session: Session, facts: DocumentFacts, request: DocumentRequest) -> str:
    """DD-2026-014-EL, DD-2026-014-CR-3, DD-2026-014-PS-20260417 (period end), DD-2026-014-HO."""
    code = facts.project.code
    if request.kind is LetterKind.EXPECTATION_CONFIRMATION:
        return f"{code}-EL"
    if request.kind is LetterKind.CHANGE_DECISION:
        return f"{code}-{_change_request(session, request).ref}"
    if request.kind is LetterKind.PROGRESS_SUMMARY:
        _start, end = summary_period_for(session, facts, request.narrative)
        return f"{code}-PS-{end:%Y%m%d}"
    return f"{code}-HO"


def _change_request(session: Session, request: DocumentRequest) -> ChangeRequestRow:
    if request.change_request_id is None:
        raise ValidationError({"change_request_id": "Choose the change request the decision is about."})
    row = get_row(session, ChangeRequestRow, request.change_request_id, "change request")
    if row.project_id != request.project_id:
        raise ValidationError({"change_request_id": "This change request belongs to another project."})
    return row


# --- expectation confirmation letter -------------------------------------------------------------


def expectation_letter_data(
    session: Session, facts: DocumentFacts, meta: DocumentMetaData
) -> ExpectationLetterData:
    language = facts.language
    expectations = [r for r in rows_of(session, ExpectationRow, facts) if r.status in LETTER_STATUSES]
    client_side = [
        r
        for r in rows_of(session, MilestoneRow, facts, order=("baseline_date",))
        if r.owner_side is OwnerSide.CLIENT
    ]
    return ExpectationLetterData(
        meta=meta,
        project=facts.project_ref,
        addressee=facts.addressee,
        subject=pick(
            language, f"Agreed expectations: {facts.project.name}", f"{facts.project.name}：约定期望"
        ),
        expectations=tuple(
            ExpectationRowData(r.ref, r.statement, r.measure, r.due_date) for r in expectations
        ),
        exclusions=tuple(r.text for r in rows_of(session, ExclusionRow, facts)),
        dependencies=tuple(_dependency(language, r) for r in client_side),
        assumptions=(),
        supplier_signatory=facts.supplier_signatory,
        client_signatory=facts.client_signatory,
    )


def _dependency(language: Language, row: MilestoneRow) -> str:
    when = row.forecast_date or row.baseline_date
    return pick(language, f"{row.name} (by {when.isoformat()})", f"{row.name}（{when.isoformat()}前）")


# --- change decision -------------------------------------------------------------------------------


def change_decision_data(
    session: Session, facts: DocumentFacts, meta: DocumentMetaData, request_id: str
) -> ChangeDecisionData:
    row = get_row(session, ChangeRequestRow, request_id, "change request")
    requester = session.get(ContactRow, row.requested_by_id) if row.requested_by_id else None
    return ChangeDecisionData(
        meta=meta,
        project=facts.project_ref,
        addressee=facts.addressee,
        change_ref=row.ref,
        title=row.title,
        description=row.description,
        requested_by=requester.name if requester else row.requested_by_name,
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
        scope_item_ref=_checked_against(session, row),
        decided_by=row.decided_by,
        decided_on=row.decided_on,
        approved_by=row.approved_by,
    )


def _checked_against(session: Session, row: ChangeRequestRow) -> str:
    if row.scope_item_id:
        return get_row(session, ScopeItemRow, row.scope_item_id, "scope item").ref
    if row.exclusion_id:
        return get_row(session, ExclusionRow, row.exclusion_id, "exclusion").ref
    return ""


def require_issuable(data: ReportData) -> None:
    """What must be settled before a document can be issued (a preview is always possible)."""
    if isinstance(data, ChangeDecisionData) and data.decision in UNDECIDED:
        raise RuleError(
            f"{data.change_ref} has no decision yet.", "Decide the change request before issuing its letter."
        )
    if isinstance(data, ExpectationLetterData) and not data.expectations:
        raise RuleError("There are no expectations to confirm.", "Add the agreed expectations first.")
