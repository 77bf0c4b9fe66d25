"""Shared facts of a project's documents, and the progress summary and handover report data.

Kept apart from ``documents`` so each module stays readable; only ``documents`` is the public face.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from deliverydesk.domain.cadence import summary_period
from deliverydesk.domain.enums import (
    Decision,
    HandoverKind,
    Language,
    LetterKind,
    MilestoneStatus,
    OwnerSide,
)
from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.domain.models import ChangeRequestItem, HandoverEntry, MilestoneItem
from deliverydesk.domain.validation import LONG_TEXT_MAX, Checker
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg, translator
from deliverydesk.reports.documents.data import (
    ActionData,
    ChangeTallyData,
    DifficultyData,
    DocumentMetaData,
    HandedDocumentData,
    HandoverReportData,
    MilestoneRowData,
    OpenItemData,
    OverallStatus,
    PendingDecisionData,
    ProgressSummaryData,
    RiskNoteData,
    ScopeAcceptanceData,
    TrainingData,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.facts import DocumentFacts as DocumentFacts  # where others find it
from deliverydesk.services.documents.facts import read_facts
from deliverydesk.store.document_queries import latest_issued
from deliverydesk.store.document_rows import project_milestones, project_records
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.plain import reader
from deliverydesk.store.project_tables import CHANGE_REQUESTS, HANDOVER_ENTRIES, SCOPE_ITEMS
from deliverydesk.store.records import Session

ALL_ROWS = 100_000  # documents print every live record of the project
WAITS_ON_CLIENT = Decision.PENDING  # PENDING_APPROVAL waits on our own manager: not the client's to decide
NEXT_ACTIONS = 6
CLOSED = (MilestoneStatus.DONE, MilestoneStatus.ACCEPTED)


@dataclass(frozen=True)
class SummaryNarrative:
    """What the engineer writes for a progress summary; ``None`` = the default drawn from the records.
    The issued summary keeps all of it in its snapshot."""

    period_start: date | None = None
    period_end: date | None = None
    overall_status: OverallStatus | None = None
    status_note: str | None = None
    goal: str | None = None
    steps_done: tuple[str, ...] | None = None
    difficulties: tuple[DifficultyData, ...] | None = None
    next_actions: tuple[ActionData, ...] | None = None


def load_facts(
    ctx: ServiceContext, session: Session, project_id: str, language: Language | None
) -> DocumentFacts:
    """The facts every document reads first (``facts.read_facts``), through the session's connection."""
    return read_facts(
        reader(session),
        project_id,
        language,
        ctx.today(),
        extra_days=extra_non_working_days(session, [project_id]).get(project_id, frozenset()),
    )


def change_requests_of(session: Session, facts: DocumentFacts) -> list[ChangeRequestItem]:
    """The project's live change requests, by ref."""
    return project_records(session, CHANGE_REQUESTS, facts.project.id, ("ref",), ALL_ROWS)


# --- progress summary ------------------------------------------------------------------------------


def summary_period_for(
    session: Session, facts: DocumentFacts, narrative: SummaryNarrative | None
) -> tuple[date, date]:
    """The narrative's period, else since the previous summary (``domain.cadence.summary_period``)."""
    last = latest_issued(session, facts.project.id, LetterKind.PROGRESS_SUMMARY)
    last_period = snapshot_period(last.content_json) if last is not None else None
    start = facts.project.start_date or facts.project.created_at.date()
    default_start, default_end = summary_period(start, last_period, facts.today)
    first = narrative.period_start if narrative and narrative.period_start else default_start
    end = narrative.period_end if narrative and narrative.period_end else default_end
    if end < first:
        raise ValidationError({"period_end": msg("The period cannot end before it starts.")})
    return first, end


def snapshot_period(content_json: str) -> tuple[date, date] | None:
    """The period an issued summary covered, from its snapshot."""
    try:
        content = json.loads(content_json)
        return date.fromisoformat(content["period_start"]), date.fromisoformat(content["period_end"])
    except (ValueError, KeyError, TypeError):
        return None


def _overall(milestones: Sequence[MilestoneItem]) -> OverallStatus:
    health = {milestone.health for milestone in milestones}
    if MilestoneHealth.OVERDUE in health:
        return OverallStatus.OFF_TRACK
    return OverallStatus.AT_RISK if MilestoneHealth.AT_RISK in health else OverallStatus.ON_TRACK


def _late(facts: DocumentFacts, milestone: MilestoneItem) -> bool:
    """Past its date and not done: it goes under "Late", not "Next actions"."""
    due = milestone.forecast_date or milestone.baseline_date
    return milestone.status not in CLOSED and due < facts.today


def _owner(facts: DocumentFacts, milestone: MilestoneItem) -> str:
    return facts.client.name if milestone.owner_side is OwnerSide.CLIENT else facts.settings.company_name


def _defaults(
    facts: DocumentFacts, milestones: Sequence[MilestoneItem], period: tuple[date, date]
) -> SummaryNarrative:
    main = next((m for m in milestones if m.is_main), None)
    goal = facts.project.name
    if main is not None:
        t = translator(facts.language)
        goal = t("{milestone} by {date}", milestone=main.name, date=t.date(main.baseline_date))
    done = [m.name for m in milestones if m.actual_date and period[0] <= m.actual_date <= period[1]]
    waiting = [
        DifficultyData(m.name, True) for m in milestones if m.status is MilestoneStatus.WAITING_ON_CLIENT
    ]
    open_ones = sorted(
        (m for m in milestones if m.status not in CLOSED and not _late(facts, m)),
        key=lambda m: m.forecast_date or m.baseline_date,
    )
    actions = tuple(
        ActionData(m.name, _owner(facts, m), m.forecast_date or m.baseline_date)
        for m in open_ones[:NEXT_ACTIONS]
    )
    return SummaryNarrative(
        goal=goal, steps_done=tuple(done), difficulties=tuple(waiting), next_actions=actions
    )


def _late_items(
    facts: DocumentFacts, milestones: Sequence[MilestoneItem], actions: Sequence[ActionData]
) -> tuple[ActionData, ...]:
    """Milestones past their date and not done, and next actions written with a past date."""
    late = [
        ActionData(m.name, _owner(facts, m), m.forecast_date or m.baseline_date)
        for m in milestones
        if _late(facts, m)
    ]
    late += [a for a in actions if a.due is not None and a.due < facts.today]
    return tuple(sorted(late, key=lambda a: a.due or facts.today))


def progress_summary_data(
    session: Session, facts: DocumentFacts, meta: DocumentMetaData, narrative: SummaryNarrative | None
) -> ProgressSummaryData:
    given = narrative or SummaryNarrative()
    check_narrative(given)
    period = summary_period_for(session, facts, narrative)
    milestones = project_milestones(session, facts.project.id, facts.today, facts.extra_days, ALL_ROWS)
    defaults = _defaults(facts, milestones, period)
    requests = change_requests_of(session, facts)
    actions = _given(given.next_actions, defaults.next_actions or ())
    return ProgressSummaryData(
        meta=meta,
        project=facts.project_ref,
        addressee=facts.addressee,
        period_start=period[0],
        period_end=period[1],
        overall_status=given.overall_status or _overall(milestones),
        status_note=_given(given.status_note, ""),
        goal=_given(given.goal, defaults.goal or ""),
        steps_done=_given(given.steps_done, defaults.steps_done or ()),
        difficulties=_given(given.difficulties, defaults.difficulties or ()),
        next_actions=tuple(a for a in actions if a.due is None or a.due >= facts.today),
        milestones=tuple(
            MilestoneRowData(
                m.name, m.baseline_date, m.forecast_date, m.actual_date, m.slip_days, m.owner_side, m.status
            )
            for m in milestones
        ),
        pending_decisions=tuple(
            PendingDecisionData(f"{r.ref} {r.title}") for r in requests if r.decision is WAITS_ON_CLIENT
        ),
        change_tally=_tally(requests),
        late=_late_items(facts, milestones, actions),
    )


def check_narrative(narrative: SummaryNarrative) -> None:
    """What the engineer wrote prints: the same input rules as every printed field."""
    check = Checker()
    check.text("status_note", narrative.status_note or "", limit=LONG_TEXT_MAX)
    check.long_text("goal", narrative.goal or "")
    check.printable("steps_done", *(narrative.steps_done or ()))
    check.printable("difficulties", *(d.text for d in narrative.difficulties or ()))
    check.printable("next_actions", *(f"{a.text} {a.owner}" for a in narrative.next_actions or ()))
    check.done()


def _given(value: Any, default: Any) -> Any:
    return default if value is None else value


def _tally(requests: Sequence[ChangeRequestItem]) -> tuple[ChangeTallyData, ...]:
    tally: list[ChangeTallyData] = []
    for decision in Decision:
        matching = [r for r in requests if r.decision is decision]
        if matching:
            effort = sum((Decimal(str(r.effort_hours)) for r in matching), Decimal(0))
            tally.append(ChangeTallyData(decision, len(matching), effort))
    return tuple(tally)


# --- handover report -------------------------------------------------------------------------------


def handover_report_data(
    session: Session, facts: DocumentFacts, meta: DocumentMetaData
) -> HandoverReportData:
    project_id = facts.project.id
    scope = project_records(session, SCOPE_ITEMS, project_id, ("ref",), ALL_ROWS)
    entries = project_records(session, HANDOVER_ENTRIES, project_id, ("item_date", "created_at"), ALL_ROWS)
    deferred = project_records(
        session, CHANGE_REQUESTS, project_id, ("ref",), ALL_ROWS, decision=Decision.DEFERRED
    )
    accepted = sum(1 for r in scope if r.status.value == "accepted")

    def of(kind: HandoverKind) -> list[HandoverEntry]:
        return [e for e in entries if e.kind is kind]

    with_material = {d.training_id for d in of(HandoverKind.DOCUMENT)}  # a training's written material
    t = translator(facts.language)
    return HandoverReportData(
        meta=meta,
        project=facts.project_ref,
        addressee=facts.addressee,
        summary=t.ngettext(
            "{project}: {accepted} of {total} scope item accepted.",
            "{project}: {accepted} of {total} scope items accepted.",
            len(scope),
            project=facts.project.name,
            accepted=accepted,
            total=len(scope),
        ),
        scope_items=tuple(ScopeAcceptanceData(r.ref, r.title, r.status) for r in scope),
        documents=tuple(
            HandedDocumentData(e.title, e.details, "", e.item_date) for e in of(HandoverKind.DOCUMENT)
        ),
        trainings=tuple(
            TrainingData(e.item_date or facts.today, e.title, _names(e.attendees), e.id in with_material)
            for e in of(HandoverKind.TRAINING)
        ),
        risks=tuple(RiskNoteData(_joined(e.title, e.details)) for e in of(HandoverKind.RISK)),
        open_items=_open_items(of(HandoverKind.OPEN_ITEM), deferred),
        supplier_signatory=facts.supplier_signatory,
        client_signatory=facts.client_signatory,
    )


def _mentions(entry: HandoverEntry, ref: str) -> bool:
    pattern = rf"(?<![\w-]){re.escape(ref)}(?![\w-])"  # CR-1, not CR-10
    return re.search(pattern, f"{entry.title}\n{entry.details}") is not None


def _open_items(
    entries: Sequence[HandoverEntry], deferred: Sequence[ChangeRequestItem]
) -> tuple[OpenItemData, ...]:
    """Open items, then the deferred change requests ("now is the time" to take them up), each
    once: an open item written about a deferred request (it names its ref) stands for it."""
    covered: dict[str, str] = {}  # open item id -> the deferred request's ref it names
    for request in deferred:
        entry = next((e for e in entries if e.id not in covered and _mentions(e, request.ref)), None)
        if entry is not None:
            covered[entry.id] = request.ref
    items = [
        OpenItemData(
            covered.get(e.id, ""),
            _joined(e.title, e.details),
            e.recommendation,
            owner=e.owner,
            due=e.item_date,
            deferred=e.id in covered,
        )
        for e in entries
    ]
    named = set(covered.values())
    items += [
        OpenItemData(r.ref, r.title, r.recommendation, deferred=True) for r in deferred if r.ref not in named
    ]
    return tuple(items)


def _names(attendees: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in re.split(r"[,;\n、，；]", attendees) if name.strip())


def _joined(title: str, details: str) -> str:
    return f"{title}: {details}" if details.strip() else title
