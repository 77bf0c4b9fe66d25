"""Progress summary (进度报告) for a period: status, goal, steps done, what is late (under its own
heading), difficulties (marking what waits on the client), next actions, milestones with a timeline
chart, the decisions that wait on the client and the change requests by decision."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Spacer

from deliverydesk.i18n import N_
from deliverydesk.reports.blocks import (
    FIT,
    Flowable,
    banner,
    bullets,
    data_table,
    para,
    paragraph,
    section,
    tagged,
)
from deliverydesk.reports.documents.data import OverallStatus, ProgressSummaryData
from deliverydesk.reports.documents.timeline import timeline_chart
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.labels import label
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.styles import GOOD, WARN, Kit, make_kit

TITLE = N_("Progress summary")
_STATUS_COLOURS = {
    OverallStatus.ON_TRACK: GOOD,
    OverallStatus.AT_RISK: WARN,
    OverallStatus.OFF_TRACK: "#9B1C1C",
}


def _status(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    line = kit.t("Overall status: {status}", status=label(kit.t, data.overall_status))
    note = [Spacer(1, 5), para(kit, data.status_note)] if data.status_note else []
    return [banner(kit, line, _STATUS_COLOURS[data.overall_status]), *note]


def _narrative(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    t = kit.t
    return [
        section(kit, t("Goal")),
        para(kit, data.goal),
        section(kit, t("Steps done")),
        *bullets(kit, data.steps_done),
        *_late(kit, data),
        section(kit, t("Current difficulties")),
        *_difficulties(kit, data),
    ]


def _late(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    """What is past its date, apart from the next actions."""
    if not data.late:
        return []
    t = kit.t
    header = (t("Item"), t("Owner"), t("Was due"))
    rows = [(item.text, item.owner, t.date(item.due)) for item in data.late]
    late = [("TEXTCOLOR", (2, 1), (2, -1), WARN)]
    return [section(kit, t("Late")), data_table(kit, header, rows, (0.7, 0.3, FIT), late)]


def _difficulties(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    if not data.difficulties:
        return [para(kit, kit.t("The late items above.") if data.late else kit.t("None."))]
    tag, style = kit.t("Waiting on you"), kit.styles.bullet
    return [
        tagged(item.text, style, tag, WARN, bullet="•")
        if item.waits_on_client
        else paragraph(item.text, style, bullet="•")
        for item in data.difficulties
    ]


def _next_actions(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    t = kit.t
    header = (t("Action"), t("Owner"), t("Date"))
    rows = [(action.text, action.owner, t.date(action.due)) for action in data.next_actions]
    return [section(kit, t("Next actions")), data_table(kit, header, rows, (0.7, 0.3, FIT))]


def _slip(days: int | None) -> str:
    if days is None:
        return "—"
    return f"+{days}" if days > 0 else str(days).replace("-", "−")


def _milestones(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    t = kit.t
    header = (
        t("Milestone"),
        t("Baseline"),
        t("Forecast"),
        t("Actual"),
        t("Slip (working days)"),
        t("Status"),
    )
    rows = [
        (
            m.name,
            t.date(m.baseline),
            t.date(m.forecast),
            t.date(m.actual),
            _slip(m.slip_days),
            label(t, m.status),
        )
        for m in data.milestones
    ]
    late = [
        ("TEXTCOLOR", (4, i), (4, i), WARN)
        for i, m in enumerate(data.milestones, 1)
        if (m.slip_days or 0) > 0
    ]
    extra = [("ALIGN", (4, 0), (4, -1), "RIGHT"), *late]
    table = data_table(kit, header, rows, (0.6, FIT, FIT, FIT, FIT, 0.4), extra)
    chart = timeline_chart(kit, data.milestones, data.meta.as_of)
    return [section(kit, t("Milestones")), *chart, Spacer(1, 8), table]


def _decisions_and_changes(kit: Kit, data: ProgressSummaryData) -> list[Flowable]:
    t = kit.t
    pending = [(item.text, t.date(item.needed_by)) for item in data.pending_decisions]
    tally = [(label(t, row.decision), str(row.count), t.hours(row.effort_hours)) for row in data.change_tally]
    if tally:
        count = sum(row.count for row in data.change_tally)
        hours = sum((row.effort_hours for row in data.change_tally), Decimal(0))
        tally.append((t("Total"), str(count), t.hours(hours)))
    extra = [("ALIGN", (1, 0), (2, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), document_fonts().bold, 8.5)]
    return [
        section(kit, t("Decisions we need from you")),
        data_table(kit, (t("Decision needed"), t("Needed by")), pending, (1.0, FIT)),
        section(kit, t("Change requests by decision")),
        data_table(
            kit,
            (t("Decision"), t("Requests"), t("Effort")),
            tally,
            (0.5, 0.2, 0.3),
            extra,
        ),
    ]


def build_story(data: ProgressSummaryData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    period = t("{start} – {end}", start=t.date(data.period_start), end=t.date(data.period_end))
    return [
        *document_head(kit, meta, t(TITLE), data.project, data.addressee, [(t("Period"), period)]),
        *_status(kit, data),
        *_narrative(kit, data),
        *_next_actions(kit, data),
        *_milestones(kit, data),
        *_decisions_and_changes(kit, data),
    ]
