"""Evidence pack: one PDF with the chronological record of a topic, to settle a dispute.

A topic is a change request, an expectation, a date range or a hand-picked set of log entries (a
search result), always within one project. The pack gathers:

* the topic's log entries with their whole correction chains (original and correction both, marked),
  plus the entries its commitments and letters point at (the e-mail that confirmed, the entry that
  closed a commitment), so every "see #7" in the pack is in the pack;
* the letters that concern the topic (change decisions of the request, expectation letters listing
  the expectation, letters issued in the range, letters confirmed or linked by its entries), every
  version, with fingerprint, PDF SHA-256, status and signature;
* the commitments its entries recorded, and how they were met;
* the attachments of those entries, letters and the change request, with their SHA-256;
* a change request's impact, decision, approval or refusal (each change from the audit trail), the
  milestone dates it moved, and the entries logged before it was decided, marked;
* a date range's asks, including those captured without a log entry.

The pack's own fingerprint is the SHA-256 of the canonical JSON of what it prints (without the
fingerprint itself), printed on every page like the letters'. Archived records are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TypeVar

from deliverydesk.domain.enums import Language
from deliverydesk.domain.fingerprint import seal
from deliverydesk.domain.metrics import OPEN_DECISIONS
from deliverydesk.domain.models import ChangeRequestItem, ExpectationItem
from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import NotFoundError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.i18n.formats import utc_offset_text
from deliverydesk.reports.documents.data import with_seal
from deliverydesk.reports.evidence.data import (
    EvidenceAskData,
    EvidenceEntryData,
    EvidencePackData,
    EvidenceTopicData,
    EvidenceTopicKind,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.export import ExportResult, change_request_id_by_ref_in
from deliverydesk.services.documents.parts import DocumentFacts, load_facts
from deliverydesk.services.documents.verify import keep_exported_copy_in
from deliverydesk.services.evidence.gather import Gathered, gather, pack_records
from deliverydesk.services.evidence.request import asks_in_period, change_request_topic
from deliverydesk.services.files import write_file_atomically
from deliverydesk.store.project_tables import CHANGE_REQUESTS, EXPECTATIONS
from deliverydesk.store.records import Session

__all__ = [
    "EvidenceExport",
    "EvidenceTopic",
    "build_evidence_pack",
    "evidence_pdf",
    "export_evidence_pack",
    "topic_by_ref",
]

TopicT = TypeVar("TopicT", ChangeRequestItem, ExpectationItem)
MAX_SELECTED = 20_000  # log entries picked by hand or by a search


@dataclass(frozen=True)
class EvidenceTopic:
    """Exactly one of: a change request, an expectation, explicit log entries, or a date range."""

    project_id: str
    change_request_id: str | None = None
    expectation_id: str | None = None
    log_entry_ids: tuple[str, ...] = ()
    period_start: date | None = None
    period_end: date | None = None
    label: str = ""  # a selection picked by hand: what it was, in the user's words
    search_text: str = ""  # a selection found by searching: the words searched for

    @property
    def kind(self) -> EvidenceTopicKind:
        given = [
            kind
            for kind, value in (
                (EvidenceTopicKind.CHANGE_REQUEST, self.change_request_id),
                (EvidenceTopicKind.EXPECTATION, self.expectation_id),
                (EvidenceTopicKind.SELECTION, self.log_entry_ids),
                (EvidenceTopicKind.PERIOD, self.period_start or self.period_end),
            )
            if value
        ]
        if len(given) != 1:
            raise ValidationError(
                {
                    "topic": msg(
                        "Choose one topic: a change request, an expectation, log entries or a date range."
                    )
                }
            )
        return given[0]


@dataclass(frozen=True)
class EvidenceExport(ExportResult):
    """The written file, and what the pack holds (for the command line's one-line answer)."""

    reference: str = ""
    fingerprint: str = ""
    entries: int = 0
    letters: int = 0
    commitments: int = 0
    attachments: int = 0


def topic_by_ref(
    ctx: ServiceContext,
    project_id: str,
    *,
    change_request: str | None = None,
    expectation: str | None = None,
    period: tuple[date, date] | None = None,
) -> EvidenceTopic:
    """The topic named the way people name it: CR-3, E-2, or a range of days."""
    if not (change_request or expectation):
        start, end = period or (None, None)
        return EvidenceTopic(project_id, period_start=start, period_end=end)
    with ctx.db.unit_of_work() as session:
        if change_request:
            request_id = change_request_id_by_ref_in(session, project_id, change_request)
            return EvidenceTopic(project_id, change_request_id=request_id)
        assert expectation is not None
        found, _total = EXPECTATIONS.page(
            session,
            {"project_id": project_id, "ref": expectation.strip().upper()},
            include_archived=False,
            offset=0,
            limit=1,
        )
    if not found:
        raise NotFoundError(
            msg("This project has no expectation {ref!r}.", ref=expectation.strip()),
            msg("Refs look like E-2."),
        )
    return EvidenceTopic(project_id, expectation_id=found[0].id)


def _check(topic: EvidenceTopic) -> EvidenceTopicKind:
    kind = topic.kind
    if kind is EvidenceTopicKind.PERIOD:
        if topic.period_start is None or topic.period_end is None:
            raise ValidationError({"period": msg("Give both the first and the last day of the range.")})
        if topic.period_end < topic.period_start:
            raise ValidationError({"period_end": msg("The range cannot end before it starts.")})
    if len(topic.log_entry_ids) > MAX_SELECTED:
        raise ValidationError(
            {
                "log_entry_ids": msg(
                    "A pack holds at most {max_selected:,} selected entries.", max_selected=MAX_SELECTED
                )
            }
        )
    return kind


def local_zone(ctx: ServiceContext) -> tzinfo:
    """The zone of every time in the pack: the computer's offset now, one offset for the whole pack."""
    zone = ctx.now().astimezone().tzinfo
    assert zone is not None
    return zone


def period_bounds(topic: EvidenceTopic, zone: tzinfo) -> tuple[datetime, datetime]:
    """[first day 00:00, the day after the last 00:00) in ``zone``."""
    assert topic.period_start is not None and topic.period_end is not None
    since = datetime.combine(topic.period_start, time.min, tzinfo=zone)
    return since, datetime.combine(topic.period_end + timedelta(days=1), time.min, tzinfo=zone)


def build_evidence_pack(
    ctx: ServiceContext, topic: EvidenceTopic, language: Language | None = None
) -> EvidencePackData:
    """The pack's data, sealed: its fingerprint is filled in."""
    with ctx.db.unit_of_work() as session:
        return build_evidence_pack_in(ctx, session, topic, language)


def build_evidence_pack_in(
    ctx: ServiceContext, session: Session, topic: EvidenceTopic, language: Language | None = None
) -> EvidencePackData:
    kind = _check(topic)
    zone = local_zone(ctx)
    facts = load_facts(ctx, session, topic.project_id, language)
    topic_data = _topic_data(session, facts, topic, kind, zone)
    bounds = period_bounds(topic, zone) if kind is EvidenceTopicKind.PERIOD else None
    found = gather(session, topic, bounds, topic_data.ref)
    data = _pack(ctx, facts, topic_data, found, zone, session)
    return seal(data, with_seal)[2]


def _pack(
    ctx: ServiceContext,
    facts: DocumentFacts,
    topic: EvidenceTopicData,
    found: Gathered,
    zone: tzinfo,
    session: Session,
) -> EvidencePackData:
    generated_at = ctx.now().astimezone(zone)
    entries, letters, commitments, attachments = pack_records(session, found, zone)
    asks: tuple[EvidenceAskData, ...] = ()
    if topic.kind is EvidenceTopicKind.PERIOD and topic.period_start and topic.period_end:
        asks = asks_in_period(session, facts.project.id, topic.period_start, topic.period_end)
    return EvidencePackData(
        meta=facts.document_meta(_reference(facts, topic)),  # a pack is never versioned
        project=facts.project_ref,
        client=facts.client.name,
        topic=topic,
        generated_at=generated_at,
        utc_offset=utc_offset_text(generated_at),
        entries=_marked_before_decision(topic, entries),
        letters=letters,
        commitments=commitments,
        attachments=attachments,
        asks=asks,
    )


def _marked_before_decision(
    topic: EvidenceTopicData, entries: tuple[EvidenceEntryData, ...]
) -> tuple[EvidenceEntryData, ...]:
    """A change request's pack: the entries logged while it was still undecided (work done, or asked
    for, before anyone decided) are marked."""
    if topic.kind is not EvidenceTopicKind.CHANGE_REQUEST:
        return entries
    undecided = topic.decision in OPEN_DECISIONS or topic.decided_on is None
    return tuple(
        replace(entry, before_decision=undecided or entry.occurred_at.date() < (topic.decided_on or date.max))
        for entry in entries
    )


def _reference(facts: DocumentFacts, topic: EvidenceTopicData) -> str:
    """DD-2026-014-EP-CR-3, DD-2026-014-EP-E-2, DD-2026-014-EP-20260301-20260316, DD-2026-014-EP-20260316."""
    code = facts.project.code
    if topic.ref:
        return f"{code}-EP-{topic.ref}"
    if topic.period_start and topic.period_end:
        return f"{code}-EP-{topic.period_start:%Y%m%d}-{topic.period_end:%Y%m%d}"
    return f"{code}-EP-{facts.today:%Y%m%d}"


def _topic_data(
    session: Session, facts: DocumentFacts, topic: EvidenceTopic, kind: EvidenceTopicKind, zone: tzinfo
) -> EvidenceTopicData:
    if kind is EvidenceTopicKind.CHANGE_REQUEST:
        assert topic.change_request_id is not None
        request = _in_project(
            CHANGE_REQUESTS.get(session, topic.change_request_id), facts, CHANGE_REQUESTS.what
        )
        return change_request_topic(session, request, facts.project.currency, zone)
    if kind is EvidenceTopicKind.EXPECTATION:
        assert topic.expectation_id is not None
        expectation = _in_project(EXPECTATIONS.get(session, topic.expectation_id), facts, EXPECTATIONS.what)
        return EvidenceTopicData(
            kind,
            ref=expectation.ref,
            title=expectation.statement,
            description=expectation.measure,
            expectation_status=expectation.status,
            due=expectation.due_date,
        )
    if kind is EvidenceTopicKind.PERIOD:
        return EvidenceTopicData(kind, period_start=topic.period_start, period_end=topic.period_end)
    return EvidenceTopicData(kind, title=topic.label, search_text=topic.search_text)


def _in_project(record: TopicT, facts: DocumentFacts, what: str) -> TopicT:
    if record.project_id != facts.project.id:
        raise ValidationError(
            {"topic": msg("This {what} belongs to another project.", what=record_kind(what))}
        )
    return record


def evidence_pdf(ctx: ServiceContext, topic: EvidenceTopic, language: Language | None = None) -> bytes:
    from deliverydesk.reports.evidence.pack import render_evidence_pack  # reportlab loads here

    with ctx.db.unit_of_work() as session:
        data = build_evidence_pack_in(ctx, session, topic, language)
    return render_evidence_pack(data)


def export_evidence_pack(
    ctx: ServiceContext,
    topic: EvidenceTopic,
    out: Path,
    language: Language | None = None,
    progress: Progress = NO_PROGRESS,
) -> EvidenceExport:
    """Write the pack atomically (a failed export leaves any older file of that name as it was) and keep
    a copy for ``deliverydesk verify``: one unit of work. Steps: gather the records, print, write
    (stoppable before each, and before the rename: stopped, nothing is written or kept)."""
    from deliverydesk.reports.evidence.pack import render_evidence_pack

    with ctx.db.unit_of_work() as session:
        progress.step(0, 3, "gather")
        data = build_evidence_pack_in(ctx, session, topic, language)
        progress.step(1, 3, "print")
        pdf = render_evidence_pack(data)
        progress.step(2, 3, "write")
        write_file_atomically(out, pdf, progress)
        keep_exported_copy_in(
            ctx,
            session,
            project_id=topic.project_id,
            kind="evidence_pack",
            reference=data.meta.reference,
            fingerprint=data.meta.fingerprint,
            pdf=pdf,
        )
    return EvidenceExport(
        out,
        len(pdf),
        reference=data.meta.reference,
        fingerprint=data.meta.fingerprint,
        entries=len(data.entries),
        letters=len(data.letters),
        commitments=len(data.commitments),
        attachments=len(data.attachments),
    )
