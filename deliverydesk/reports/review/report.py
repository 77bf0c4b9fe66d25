"""Butterfly review report (蝴蝶检查法复盘报告), internal: what happened, the two sides over three
horizons with the question asked under each, the lessons, the follow-up actions, and where the same
problem was met at other clients. Not issued or signed, but fingerprinted on every page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Spacer

from deliverydesk.domain.review_texts import ReviewSide, horizon_name, review_question, side_name
from deliverydesk.domain.revisits import Horizon, RevisitState, revisit_state
from deliverydesk.i18n import N_, Translator, translator
from deliverydesk.reports.blocks import (
    FIT,
    Flowable,
    banner,
    data_table,
    key_values,
    para,
    paragraph,
    section,
    split_table,
)
from deliverydesk.reports.page import Marking, build_pdf
from deliverydesk.reports.review.data import FollowUpData, ReviewedIssueData, ReviewReportData
from deliverydesk.reports.styles import GOOD, WARN, Kit, grid_style, make_kit

TITLE = N_("Butterfly review report")
GRID_FRACTIONS = (0.16, 0.42, 0.42)
HORIZON_FILL = colors.HexColor("#F6F8FA")  # lighter than the header: the row headings


def _head(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    t = kit.t
    project_line = "  ·  ".join(part for part in (data.project.code, data.project.name) if part)
    about = f"{data.issue.ref}  {data.issue.title}" if data.issue else t("The whole project")
    if data.title.strip():
        about = f"{data.title}\n{about}"
    rows = [
        (t("Reference"), data.meta.reference),
        (t("Date"), t.date(data.meta.as_of)),
        (t("Client"), data.client),
        (t("About"), about),
        (t("Held on"), t.date(data.held_on)),
    ]
    if data.participants:
        rows.append((t("Participants"), t.join(data.participants)))
    return [  # no letterhead: nothing about it should look like a document for the client
        para(kit, data.meta.letterhead.company_name, kit.styles.small),
        paragraph(t(TITLE), kit.styles.title),
        para(kit, project_line, kit.styles.small),
        Spacer(1, 6),
        banner(kit, t("INTERNAL: not for the client. Fingerprinted, not issued or signed."), WARN),
        Spacer(1, 8),
        key_values(kit, rows, 0.2),
    ]


def _issue(kit: Kit, issue: ReviewedIssueData) -> list[Flowable]:
    t = kit.t
    rows = [
        (t("Category"), issue.category or "—"),
        (t("Severity"), issue.severity or "—"),
        (t("Reported on"), t.date(issue.reported_on)),
        (t("Resolved on"), t.date(issue.resolved_on) if issue.resolved_on else t("Not yet resolved")),
    ]
    story = [section(kit, t("The issue")), key_values(kit, rows, 0.2)]
    for key, text in ((N_("Root cause"), issue.root_cause), (N_("Resolution"), issue.resolution)):
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
                    paragraph(answer, styles.cell) if answer else paragraph(t("Not answered."), styles.small),
                ]
            )
        rows.append(cells)
    style = [*grid_style(), ("BACKGROUND", (0, 1), (0, -1), HORIZON_FILL)]
    table = split_table(rows, widths, style, repeat_rows=1)
    return [section(kit, t("Butterfly review")), table]


STATUS_KEYS = {
    RevisitState.OVERDUE: N_("Open, overdue"),
    RevisitState.DUE: N_("Due today"),
    RevisitState.SCHEDULED: N_("Open"),
    RevisitState.UNSCHEDULED: N_("Open"),
}
STATUS_COLOURS = {RevisitState.DONE: GOOD, RevisitState.OVERDUE: WARN, RevisitState.DUE: WARN}


def _actions(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    t = kit.t
    header = (t.pgettext("review", "Action"), t("Owner"), t("Revisit on"), t("Status"))
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
    return [section(kit, t("Follow-up actions")), table]


def _status(t: Translator, action: FollowUpData, state: RevisitState) -> str:
    if state is RevisitState.DONE:
        return t("Done {date}", date=t.date(action.done_on))
    return t(STATUS_KEYS[state])


def _other_clients(kit: Kit, data: ReviewReportData) -> list[str]:
    """The client of each recurrence row: its name when the user chose to name other clients, else
    "Client A", "Client B"... (the same letter for the same client)."""
    if data.name_other_clients:
        return [r.client for r in data.recurrence]
    letters: dict[str, str] = {}
    for row in data.recurrence:
        letters.setdefault(row.client, _letter(len(letters)))
    return [kit.t("Client {letter}", letter=letters[r.client]) for r in data.recurrence]


def _letter(index: int) -> str:
    """A, B, ... Z, AA, AB, ..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _recurrence(kit: Kit, data: ReviewReportData) -> list[Flowable]:
    if not data.recurrence:
        return []
    t = kit.t
    intro = t(
        "Similar issues were met at {count} other clients. A problem that recurs across clients is a"
        " fault the company should fix once, not at every site.",
        count=data.recurrence_clients,
    )
    header = (
        t("Client"),
        t("Project"),
        t("Issue"),
        t("Date"),
        t("Resolution there"),
    )
    rows = [
        (client, r.project_code, f"{r.ref}  {r.title}", t.date(r.reported_on), r.resolution)
        for client, r in zip(_other_clients(kit, data), data.recurrence, strict=True)
    ]
    table = data_table(kit, header, rows, (0.22, FIT, 0.34, FIT, 0.44))
    return [section(kit, t("The same problem at other clients")), para(kit, intro), table]


def build_story(data: ReviewReportData) -> list[Flowable]:
    kit = make_kit(data.meta.language, data.meta.paper)
    t = kit.t
    lessons = [para(kit, data.lessons)] if data.lessons.strip() else [para(kit, t("None."))]
    return [
        *_head(kit, data),
        *(_issue(kit, data.issue) if data.issue else []),
        *_grid(kit, data),
        section(kit, t("Lessons")),
        *lessons,
        *_actions(kit, data),
        *_recurrence(kit, data),
    ]


def render_review_report(data: ReviewReportData) -> bytes:
    """The report as PDF bytes, INTERNAL at the top of every page; the same data, the same bytes."""
    t = translator(data.meta.language)
    return build_pdf(build_story(data), data.meta, t(TITLE), Marking(band=t("INTERNAL · not for the client")))
