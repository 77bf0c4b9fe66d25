"""Evidence pack (证据包): the chronological record of one topic, to settle a dispute.

Cover (what, when, how much, how to verify), the topic itself, the log entries in the order things
happened (a correction and the entry it corrects both shown and cross-referenced), the letters with
their fingerprints and signatures, the commitments and how they were met, and an appendix of the
attachments with their full SHA-256. Page furniture (reference, pack fingerprint, "x / y") as on
every document.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from deliverydesk.i18n import N_, Translator, translator
from deliverydesk.reports.blocks import (
    FIT,
    Flowable,
    key_values,
    para,
    paragraph,
    section,
    split_table,
    widths,
)
from deliverydesk.reports.evidence.data import (
    EvidenceEntryData,
    EvidencePackData,
    EvidenceTopicKind,
)
from deliverydesk.reports.evidence.history import asks_section, request_history
from deliverydesk.reports.evidence.sections import (
    attachments_section,
    commitments_section,
    letters_section,
    literal_paragraphs,
    small_styles,
    table_heading,
    text_chunks,
    timestamp,
)
from deliverydesk.reports.labels import label
from deliverydesk.reports.page import build_pdf
from deliverydesk.reports.parts import letterhead
from deliverydesk.reports.styles import (
    HEADER_FILL,
    RULE,
    Kit,
    grid_style,
    make_kit,
)

TITLE = N_("Evidence pack")


# --- cover -----------------------------------------------------------------------------------------


def _topic_line(t: Translator, data: EvidencePackData) -> str:
    topic = data.topic
    if topic.kind is EvidenceTopicKind.CHANGE_REQUEST:
        return t("Change request {ref}: {title}", ref=topic.ref, title=topic.title)
    if topic.kind is EvidenceTopicKind.EXPECTATION:
        return t("Expectation {ref}: {title}", ref=topic.ref, title=topic.title)
    if topic.kind is EvidenceTopicKind.PERIOD:
        return t(
            "Log entries from {start} to {end}",
            start=t.date(topic.period_start),
            end=t.date(topic.period_end),
        )
    if topic.search_text:
        return t("Log entries found by searching “{text}”", text=topic.search_text)
    return t("Selected log entries: {label}", label=topic.title) if topic.title else t("Selected log entries")


def _contents_line(t: Translator, data: EvidencePackData) -> str:
    corrections = sum(1 for entry in data.entries if entry.corrects is not None)
    return t(
        "Log entries: {entries} ({corrections} corrections)  ·  Letters: {letters}  ·"
        "  Commitments: {commitments}  ·  Attachments: {attachments}",
        entries=len(data.entries),
        corrections=corrections,
        letters=len(data.letters),
        commitments=len(data.commitments),
        attachments=len(data.attachments),
    )


def _cover(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    t, meta = kit.t, data.meta
    first, last = data.period_covered
    project_line = "  ·  ".join(part for part in (data.project.code, data.project.name) if part)
    rows = [
        (t("Topic"), _topic_line(t, data)),
        (t("Project"), project_line),
        (t("Client"), data.client),
        *([(t("Contract"), data.project.contract_reference)] if data.project.contract_reference else []),
        (t("Period covered"), t("{start} – {end}", start=t.date(first), end=t.date(last))),
        (t("Generated"), f"{timestamp(t, data.generated_at)} ({data.utc_offset})"),
        (t("Contents"), _contents_line(t, data)),
        (t("Reference"), meta.reference),
        (t("Fingerprint of this pack"), meta.fingerprint or t("Draft, not issued")),
    ]
    return [
        *letterhead(kit, meta.letterhead),
        paragraph(t(TITLE), kit.styles.title),
        para(kit, project_line, kit.styles.small),
        Spacer(1, 10),
        key_values(kit, rows, label_fraction=0.22),
        Spacer(1, 8),
        para(
            kit,
            t(
                "This pack reproduces the record kept for the topic above, in the order things happened."
                " The log is append-only: a correction is a new entry, and the entry it corrects is shown"
                " as it was first written, so the two can be compared. Each letter is identified by its"
                " fingerprint (the SHA-256 of its content) and the SHA-256 of its PDF; any copy of a"
                " letter can be checked with “deliverydesk verify”. The appendix lists every attachment"
                " with the SHA-256 of its bytes. All times are {offset}.",
                offset=data.utc_offset,
            ),
        ),
    ]


def _change_rows(t: Translator, data: EvidencePackData) -> list[tuple[str, str]]:
    topic = data.topic
    rows = [
        (t("Change request"), f"{topic.ref}  {topic.title}"),
        (t("Requested by"), topic.requested_by or "—"),
        (t("Requested on"), t.date(topic.requested_on)),
        (t("Effort"), t.hours(topic.effort_hours) if topic.effort_hours is not None else "—"),
        (t("Cost"), t.money(topic.cost, topic.currency) if topic.cost else "—"),
        (t("Schedule"), _schedule(t, topic.schedule_days)),
        (t("Risk"), label(t, topic.risk) if topic.risk else "—"),
        (t("Decision"), label(t, topic.decision) if topic.decision else "—"),
        (t("Decided by"), topic.decided_by or "—"),
        (t("Decided on"), t.date(topic.decided_on)),
    ]
    if topic.approved_by:
        rows.append((t("Approved by (manager)"), f"{topic.approved_by}  {t.date(topic.approved_on)}"))
    if topic.approval_note.strip():
        rows.append((t("Approval note"), topic.approval_note))
    return rows


def _schedule(t: Translator, days: int) -> str:
    return t("{days} working days later", days=days) if days else t("No change to the agreed dates")


def _topic_rows(t: Translator, data: EvidencePackData) -> list[tuple[str, str]]:
    topic = data.topic
    if topic.kind is EvidenceTopicKind.CHANGE_REQUEST:
        return _change_rows(t, data)
    return [
        (t("Ref"), topic.ref),
        (t("What you will see"), topic.title),
        (t("How we will know"), topic.description or "—"),
        (t("Due"), t.date(topic.due)),
        (t("Status"), label(t, topic.expectation_status) if topic.expectation_status else "—"),
    ]


def _topic(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    """The change request or the expectation itself (a range or a selection has nothing more)."""
    t, topic = kit.t, data.topic
    if topic.kind not in (EvidenceTopicKind.CHANGE_REQUEST, EvidenceTopicKind.EXPECTATION):
        return []
    change = topic.kind is EvidenceTopicKind.CHANGE_REQUEST
    heading = t("The request") if change else t("The expectation")
    described = [Spacer(1, 4), para(kit, topic.description)] if change and topic.description.strip() else []
    story = [section(kit, heading), key_values(kit, _topic_rows(t, data), label_fraction=0.22), *described]
    return story + (request_history(kit, data) if change else [])


# --- chronological record --------------------------------------------------------------------------


def _entry_parts(kit: Kit, entry: EvidenceEntryData) -> list[list[Flowable]]:
    """The record cell of an entry, in pieces that each fit well on a page: marks and summary with
    the start of the details, then the rest of long details, then who, links and when written."""
    t, small = kit.t, small_styles(kit.t.language)
    head: list[Flowable] = []
    if entry.before_decision:
        head.append(paragraph(t("Before the decision"), small["before"]))
    if entry.corrected_by is not None:
        head.append(
            paragraph(
                t("Corrected by #{number}: shown as first written", number=entry.corrected_by),
                small["corrected"],
            )
        )
    if entry.corrects is not None:
        head.append(paragraph(t("Correction of #{number}", number=entry.corrects), small["correction"]))
    head.append(paragraph(entry.summary, kit.styles.cell_bold))
    chunks = text_chunks(entry.details) if entry.details.strip() else [""]
    parts = [head + literal_paragraphs(chunks[0], kit.styles.cell) if chunks[0] else head]
    parts += [literal_paragraphs(chunk, kit.styles.cell) for chunk in chunks[1:]]
    notes = []
    if entry.participants.strip():
        notes.append(t("Participants: {names}", names=entry.participants))
    if entry.links:
        notes.append(t("Linked to {refs}", refs=t.join(entry.links)))
    notes.append(t("Recorded {when}", when=timestamp(t, entry.recorded_at)))
    parts[-1] = [*parts[-1], paragraph("  ·  ".join(notes), small["note"])]
    return parts


def _entry_rows(kit: Kit, entry: EvidenceEntryData, first: list[Flowable]) -> list[list[Flowable]]:
    parts = _entry_parts(kit, entry)
    return [[*first, parts[0]], *(["", "", "", part] for part in parts[1:])]


def _record_style(spans: list[tuple[int, int, bool]]) -> list[tuple[object, ...]]:
    """Hairlines between entries only; the rows of one entry read as one (no gap, one tint)."""
    style = [c for c in grid_style() if not (c[0] == "LINEBELOW" and c[1] == (0, 1))]
    for first, last, tinted in spans:
        style.append(("LINEBELOW", (0, last), (-1, last), 0.3, RULE))
        if tinted:
            style.append(("BACKGROUND", (0, first), (-1, last), HEADER_FILL))
        if last > first:
            style += [
                ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                ("TOPPADDING", (0, first + 1), (-1, last), 0),
            ]
    return style


def _record(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    """One row per entry (long ones run on in more rows: a row never splits over pages)."""
    t = kit.t
    heading = table_heading(kit, t("Chronological record"))
    if not data.entries:
        return [*heading, para(kit, t("No log entries concern this topic."))]
    header = [
        t("#"),
        t("When"),
        t("Kind"),
        t("Record"),
    ]
    days = [t.date(e.occurred_at.date()) for e in data.entries]
    kinds = [label(t, e.kind) for e in data.entries]
    texts = [[f"#{e.number}" for e in data.entries], days, kinds, [""]]
    column_widths = widths(kit, (FIT, FIT, FIT, 1.0), [[h, *c] for h, c in zip(header, texts, strict=True)])
    rows: list[list[Flowable]] = [header]
    spans = []
    for entry, day, kind in zip(data.entries, days, kinds, strict=True):
        when = paragraph(f"{day}\n{entry.occurred_at:%H:%M}", kit.styles.cell)
        entry_rows = _entry_rows(kit, entry, [f"#{entry.number}", when, kind])
        spans.append((len(rows), len(rows) + len(entry_rows) - 1, entry.corrected_by is not None))
        rows += entry_rows
    style = _record_style(spans)
    table = split_table(rows, column_widths, style, repeat_rows=1, split_in_row=False)
    return [*heading, table]


def build_story(data: EvidencePackData) -> list[Flowable]:
    kit = make_kit(data.meta.language, data.meta.paper)
    return [
        *_cover(kit, data),
        *_topic(kit, data),
        *_record(kit, data),
        *asks_section(kit, data),
        *letters_section(kit, data),
        *commitments_section(kit, data),
        *attachments_section(kit, data),
    ]


def render_evidence_pack(data: EvidencePackData) -> bytes:
    """The pack as PDF bytes; the same data always gives the same bytes."""
    title = translator(data.meta.language)(TITLE)
    return build_pdf(build_story(data), data.meta, title)
