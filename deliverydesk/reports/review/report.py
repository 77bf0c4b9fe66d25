"""Butterfly review report (蝴蝶检查法复盘报告), internal: what happened, the two sides over three
horizons with the question asked under each, the lessons, the follow-up actions, and where the same
problem was met at other clients. Not issued or signed, but fingerprinted on every page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Spacer, Table

from deliverydesk.domain.review_texts import ReviewSide, horizon_name, review_question, side_name
from deliverydesk.domain.revisits import Horizon, RevisitState, revisit_state
from deliverydesk.reports.blocks import FIT, Flowable, data_table, key_values, para, paragraph, section
from deliverydesk.reports.page import build_pdf
from deliverydesk.reports.parts import letterhead
from deliverydesk.reports.phrases import Phrases
from deliverydesk.reports.review.data import FollowUpData, ReviewedIssueData, ReviewReportData
from deliverydesk.reports.styles import GOOD, WARN, Kit, grid_style, make_kit

TITLE_KEY = "review.title"
GRID_FRACTIONS = (0.16, 0.42, 0.42)
HORIZON_FILL = colors.HexColor("#F6F8FA")  # lighter than the header: the row headings


def _head(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    t = kit.t
    project_line = "  ·  ".join(part for part in (data.project.code, data.project.name) if part)
    about = f"{data.issue.ref}  {data.issue.title}" if data.issue else t("review.whole_project")
    if data.title.strip():
        about = f"{data.title}\n{about}"
    rows = [
        (t("doc.reference"), data.meta.reference),
        (t("doc.date"), t.date(data.meta.as_of)),
        (t("review.client"), data.client),
        (t("review.about"), about),
        (t("review.held_on"), t.date(data.held_on)),
    ]
    if data.participants:
        rows.append((t("review.participants"), t("doc.list_separator").join(data.participants)))
    return [
        *letterhead(kit, data.meta.letterhead),
        paragraph(t(TITLE_KEY), kit.styles.title),
        para(kit, project_line, kit.styles.small),
        para(kit, t("review.internal"), kit.styles.small),
        Spacer(1, 8),
        key_values(kit, rows, 0.2),
    ]


def _issue(kit: Kit, issue: ReviewedIssueData) -> list[Flowable]:
    t = kit.t
    rows = [
        (t("review.category"), issue.category or "—"),
        (t("review.severity"), issue.severity or "—"),
        (t("review.reported_on"), t.date(issue.reported_on)),
        (t("review.resolved_on"), t.date(issue.resolved_on) if issue.resolved_on else t("review.unresolved")),
    ]
    story = [section(kit, t("review.issue")), key_values(kit, rows, 0.2)]
    for key, text in (("review.root_cause", issue.root_cause), ("review.resolution", issue.resolution)):
        if text.strip():
            story += [paragraph(t(key), kit.styles.subheading), para(kit, text)]
    return story


def _grid(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    """Three horizon rows by the two sides; each cell asks its question above the answer."""
    t, styles, language = kit.t, kit.styles, kit.t.language
    widths = [kit.width * fraction for fraction in GRID_FRACTIONS]
    rows: list[list[Flowable]] = [
        ["", *(paragraph(side_name(side, language), styles.cell_bold) for side in ReviewSide)]
    ]
    for horizon in Horizon:
        cells = [paragraph(horizon_name(horizon, language), styles.cell_bold)]
        for side in ReviewSide:
            field = f"{side.value}_{horizon.value}"
            answer = getattr(data.answers, field).strip()
            cells.append(
                [
                    paragraph(review_question(field, language).question, styles.small),
                    Spacer(1, 2),
                    paragraph(answer, styles.cell)
                    if answer
                    else paragraph(t("review.not_answered"), styles.small),
                ]
            )
        rows.append(cells)
    style = [*grid_style(), ("BACKGROUND", (0, 1), (0, -1), HORIZON_FILL)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT", style=style)
    return [section(kit, t("review.grid")), table]


STATUS_KEYS = {
    RevisitState.OVERDUE: "review.overdue",
    RevisitState.DUE: "review.due",
    RevisitState.SCHEDULED: "review.open",
    RevisitState.UNSCHEDULED: "review.open",
}
STATUS_COLOURS = {RevisitState.DONE: GOOD, RevisitState.OVERDUE: WARN, RevisitState.DUE: WARN}


def _actions(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    t = kit.t
    header = (t("review.col_action"), t("col.owner"), t("review.col_revisit"), t("col.status"))
    states = [revisit_state(a.revisit_on, a.done_on, data.meta.as_of) for a in data.actions]
    rows = [
        (a.description, a.owner, t.date(a.revisit_on), _status(t, a, state))
        for a, state in zip(data.actions, states, strict=True)
    ]
    colours = [
        ("TEXTCOLOR", (3, row), (3, row), STATUS_COLOURS[state])
        for row, state in enumerate(states, 1)
        if state in STATUS_COLOURS
    ]
    table = data_table(kit, header, rows, (0.62, 0.38, FIT, FIT), colours)
    return [section(kit, t("review.actions")), table]


def _status(t: Phrases, action: FollowUpData, state: RevisitState) -> str:
    if state is RevisitState.DONE:
        return t("review.done_on", date=t.date(action.done_on))
    return t(STATUS_KEYS[state])


def _recurrence(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    if not data.recurrence:
        return []
    t = kit.t
    intro = t("review.recurrence_intro", count=data.recurrence_clients)
    header = (
        t("review.col_client"),
        t("review.col_project"),
        t("review.col_issue"),
        t("col.date"),
        t("review.col_resolution"),
    )
    rows = [
        (r.client, r.project_code, f"{r.ref}  {r.title}", t.date(r.reported_on), r.resolution)
        for r in data.recurrence
    ]
    table = data_table(kit, header, rows, (0.22, FIT, 0.34, FIT, 0.44))
    return [section(kit, t("review.recurrence")), para(kit, intro), table]


def build_story(data: ReviewReportData) -> list[Flowable]:
    kit = make_kit(data.meta.language, data.meta.paper)
    t = kit.t
    lessons = [para(kit, data.lessons)] if data.lessons.strip() else [para(kit, t("doc.none"))]
    return [
        *_head(kit, data),
        *(_issue(kit, data.issue) if data.issue else []),
        *_grid(kit, data),
        section(kit, t("review.lessons")),
        *lessons,
        *_actions(kit, data),
        *_recurrence(kit, data),
    ]


def render_review_report(data: ReviewReportData) -> bytes:
    """The report as PDF bytes; the same data always gives the same bytes."""
    title = Phrases(data.meta.language)(TITLE_KEY)
    return build_pdf(build_story(data), data.meta, title)
