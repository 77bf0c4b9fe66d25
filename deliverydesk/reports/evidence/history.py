"""The parts of an evidence pack about change requests: how one request was decided (every recorded
change to its decision, proposal and approval), the milestone dates it moved and the work logged
before the decision; and a date range's asks, those captured without a log entry too. Part of
``reports.evidence.pack``."""

from __future__ import annotations

from deliverydesk.domain.enums import Decision
from deliverydesk.i18n import N_, Translator
from deliverydesk.reports.blocks import FIT, Flowable, data_table, para
from deliverydesk.reports.evidence.data import EvidenceDecisionEventData, EvidencePackData
from deliverydesk.reports.evidence.sections import table_heading, timestamp
from deliverydesk.reports.labels import label
from deliverydesk.reports.styles import WARN, Kit

FIELD_KEYS = {
    "decision": N_("Decision"),
    "proposed_decision": N_("Proposed decision"),
    "decided_by": N_("Decided by"),
    "decided_on": N_("Decided on"),
    "approved_by": N_("Approved by (manager)"),
    "approved_on": N_("Approved on"),
    "approval_note": N_("Approval note"),
}
DECISION_FIELDS = ("decision", "proposed_decision")
DATE_KEYS = {
    "baseline": N_("Baseline"),
    "forecast": N_("Forecast"),
    "actual": N_("Actual"),
}


def _value(t: Translator, field: str, value: str) -> str:
    if not value:
        return "—"
    if field in DECISION_FIELDS and value in Decision._value2member_map_:
        return label(t, Decision(value))
    return value


def _changes(t: Translator, event: EvidenceDecisionEventData) -> str:
    return "\n".join(
        t(
            "{field}: {before} → {after}",
            field=t(FIELD_KEYS.get(change.field, N_("Other"))),
            before=_value(t, change.field, change.before),
            after=_value(t, change.field, change.after),
        )
        for change in event.changes
    )


def request_history(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    """How the request was decided, the dates it moved, and the entries logged before the decision."""
    t, topic = kit.t, data.topic
    story: list[Flowable] = []
    if topic.rationale.strip():
        story += [para(kit, t("Rationale"), kit.styles.subheading), para(kit, topic.rationale)]
    if topic.history:
        header = (t("When"), t("Recorded by"), t("What changed"))
        rows = [(timestamp(t, e.when), e.who, _changes(t, e)) for e in topic.history]
        story += [
            *table_heading(kit, t("How it was decided")),
            data_table(kit, header, rows, (FIT, 0.3, 0.7)),
        ]
    if topic.milestone_moves:
        moves_header = (
            t("When"),
            t("Milestone"),
            t("Date moved"),
            t("Why"),
        )
        moves = [
            (
                timestamp(t, m.when),
                m.milestone,
                t(
                    "{name}: {old} → {new}",
                    name=t(DATE_KEYS.get(m.field, N_("Other"))),
                    old=t.date(m.old),
                    new=t.date(m.new),
                ),
                m.reason or "—",
            )
            for m in topic.milestone_moves
        ]
        story += [
            *table_heading(kit, t("Milestone dates it moved")),
            data_table(kit, moves_header, moves, (FIT, 0.3, 0.4, 0.3)),
        ]
    before = [f"#{entry.number}" for entry in data.entries if entry.before_decision]
    line = (
        t("Work logged before the decision: entries {entries}.", entries=t.join(before))
        if before
        else t("No work was logged before the decision.")
    )
    return [*story, para(kit, line, kit.styles.strong)]


def asks_section(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    """A date range's asks: the record of what was asked even when no log entry says so."""
    if not data.asks and data.topic.kind.value != "period":
        return []
    t = kit.t
    heading = table_heading(kit, t("Asks captured in this period"))
    if not data.asks:
        return [*heading, para(kit, t("None."))]
    header = (
        t("Ref"),
        t("Ask, who and how"),
        t("Requested on"),
        t("Decision"),
        t("In the log"),
    )
    rows = [
        (
            ask.ref,
            f"{ask.title}\n{ask.requested_by}  ·  {label(t, ask.channel)}" if ask.requested_by else ask.title,
            t.date(ask.requested_on),
            label(t, ask.decision),
            t("Yes") if ask.logged else t("No entry"),
        )
        for ask in data.asks
    ]
    unlogged = [("TEXTCOLOR", (4, i), (4, i), WARN) for i, ask in enumerate(data.asks, 1) if not ask.logged]
    return [
        *heading,
        para(kit, t("Every change request asked for in the period, including those no log entry records.")),
        data_table(kit, header, rows, (FIT, 0.7, FIT, 0.3, FIT), unlogged),
    ]
