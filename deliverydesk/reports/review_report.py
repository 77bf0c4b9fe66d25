"""Butterfly review report (蝴蝶检查法复盘报告), internal: what happened, the two sides over three
horizons with the question asked under each, the lessons, the follow-up actions, and where the same
problem was met at other clients. Not issued or signed, but fingerprinted on every page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Spacer, Table

from deliverydesk.reports.blocks import FIT, Flowable, data_table, key_values, para, paragraph, section
from deliverydesk.reports.page import build_pdf
from deliverydesk.reports.parts import letterhead
from deliverydesk.reports.phrases import Phrases
from deliverydesk.reports.review_data import FollowUpData, ReviewedIssueData, ReviewReportData
from deliverydesk.reports.styles import GOOD, WARN, Kit, grid_style, make_kit

TITLE_KEY = "review.title"
SIDES = ("client", "company")
HORIZONS = ("short", "mid", "long")
GRID_FRACTIONS = (0.24, 0.38, 0.38)
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
    """Three horizon rows (heading with its question) by the two sides."""
    t, styles = kit.t, kit.styles
    widths = [kit.width * fraction for fraction in GRID_FRACTIONS]
    header = ["", paragraph(t("review.client_side"), styles.cell_bold)]
    header.append(paragraph(t("review.company_side"), styles.cell_bold))
    rows: list[list[Flowable]] = [header]
    for horizon in HORIZONS:
        question = [
            paragraph(t(f"review.{horizon}"), styles.cell_bold),
            paragraph(t(f"review.{horizon}_question"), styles.small),
        ]
        answers = [getattr(data.answers, f"{side}_{horizon}").strip() for side in SIDES]
        rows.append([question, *(_answer(kit, answer) for answer in answers)])
    style = [*grid_style(), ("BACKGROUND", (0, 1), (0, -1), HORIZON_FILL)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT", style=style)
    return [section(kit, t("review.grid")), table]


def _answer(kit: Kit, text: str) -> Flowable:
    if text:
        return paragraph(text, kit.styles.cell)
    return paragraph(kit.t("review.not_answered"), kit.styles.small)


def _status(t: Phrases, action: FollowUpData, data: ReviewReportData) -> str:
    if action.done:
        return t("review.done")
    overdue = action.revisit_on is not None and action.revisit_on < data.meta.as_of
    return t("review.overdue") if overdue else t("review.open")


def _actions(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    t = kit.t
    header = (t("review.col_action"), t("col.owner"), t("review.col_revisit"), t("col.status"))
    statuses = [_status(t, action, data) for action in data.actions]
    rows = [
        (a.description, a.owner, t.date(a.revisit_on), status)
        for a, status in zip(data.actions, statuses, strict=True)
    ]
    colours = [
        ("TEXTCOLOR", (3, row), (3, row), GOOD if action.done else WARN)
        for row, (action, status) in enumerate(zip(data.actions, statuses, strict=True), 1)
        if action.done or status == t("review.overdue")
    ]
    table = data_table(kit, header, rows, (0.62, 0.38, FIT, FIT), colours)
    return [section(kit, t("review.actions")), table]


def _recurrence(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    if not data.recurrence:
        return []
    t = kit.t
    category = data.issue.category if data.issue else ""
    intro = t("review.recurrence_intro", category=category, count=data.recurrence_clients)
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
