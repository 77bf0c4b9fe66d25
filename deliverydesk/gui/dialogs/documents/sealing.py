"""Before a document is issued: what will be sealed (reference, version, language, what it holds), and
the question whether to issue it; and the expectation letter's assumptions, a list the engineer edits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from deliverydesk.domain.enums import Language, LetterKind
from deliverydesk.domain.printing import unprintable_reason
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.formatting import format_date, format_number
from deliverydesk.gui.labels import label
from deliverydesk.gui.widgets.rows_editor import Column, RowsEditor
from deliverydesk.services.documents.build import (
    ChangeDecisionData,
    ExpectationLetterData,
    HandoverReportData,
    ProgressSummaryData,
    kind_of,
)


def _refs(refs: Sequence[str]) -> str:
    shown = ", ".join(refs[:6])
    return shown + (", …" if len(refs) > 6 else "")


def _short(text: str, limit: int = 60) -> str:
    """A title on one line of the question (the document itself prints it whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _letter_lines(data: ExpectationLetterData) -> list[str]:
    return [
        QCoreApplication.translate("SealSummary", "Expectations: %1 (%2)")
        .replace("%1", str(len(data.expectations)))
        .replace("%2", _refs([e.ref for e in data.expectations])),
        QCoreApplication.translate("SealSummary", "Contracted deliverables: %1").replace(
            "%1", str(len(data.deliverables))
        ),
        QCoreApplication.translate(
            "SealSummary", "Exclusions: %1 · client dependencies: %2 · assumptions: %3"
        )
        .replace("%1", str(len(data.exclusions)))
        .replace("%2", str(len(data.dependencies)))
        .replace("%3", str(len(data.assumptions))),
    ]


def _change_lines(data: ChangeDecisionData) -> list[str]:
    return [
        f"{data.change_ref}  {_short(data.title)}",
        QCoreApplication.translate("SealSummary", "Decision: %1").replace("%1", label(data.decision)),
        QCoreApplication.translate("SealSummary", "Effort (h): %1 · schedule impact (working days): %2")
        .replace("%1", format_number(float(data.impact.effort_hours)))
        .replace("%2", str(data.impact.schedule_days)),
    ]


def _summary_lines(data: ProgressSummaryData) -> list[str]:
    period = f"{format_date(data.period_start)} – {format_date(data.period_end)}"
    return [
        QCoreApplication.translate("SealSummary", "Period %1").replace("%1", period),
        QCoreApplication.translate(
            "SealSummary", "Steps done: %1 · difficulties: %2 · next actions: %3 · late items: %4"
        )
        .replace("%1", str(len(data.steps_done)))
        .replace("%2", str(len(data.difficulties)))
        .replace("%3", str(len(data.next_actions)))
        .replace("%4", str(len(data.late))),
        QCoreApplication.translate("SealSummary", "Milestones: %1 · decisions waiting on the client: %2")
        .replace("%1", str(len(data.milestones)))
        .replace("%2", str(len(data.pending_decisions))),
    ]


def _handover_lines(data: HandoverReportData) -> list[str]:
    accepted = sum(1 for item in data.scope_items if item.status.value == "accepted")
    return [
        QCoreApplication.translate("SealSummary", "Scope items: %1 · accepted: %2")
        .replace("%1", str(len(data.scope_items)))
        .replace("%2", str(accepted)),
        QCoreApplication.translate(
            "SealSummary", "Documents handed over: %1 · trainings: %2 · risks: %3 · open items: %4"
        )
        .replace("%1", str(len(data.documents)))
        .replace("%2", str(len(data.trainings)))
        .replace("%3", str(len(data.risks)))
        .replace("%4", str(len(data.open_items))),
    ]


def seal_lines(data: Any) -> list[str]:
    """What issuing ``data`` will seal, in a few lines of the UI language."""
    meta = data.meta
    language = (
        QCoreApplication.translate("SealSummary", "English")
        if meta.language is Language.EN
        else QCoreApplication.translate("SealSummary", "Simplified Chinese")
    )
    head = (
        QCoreApplication.translate("SealSummary", "%1 version %2, in %3")
        .replace("%1", meta.reference)
        .replace("%2", str(meta.version))
    )
    return [head.replace("%3", language), *_CONTENT_LINES[kind_of(data).kind](data)]


# what each kind of document holds, in the UI's words (the registry says which kind ``data`` is)
_CONTENT_LINES: dict[LetterKind, Callable[[Any], list[str]]] = {
    LetterKind.EXPECTATION_CONFIRMATION: _letter_lines,
    LetterKind.CHANGE_DECISION: _change_lines,
    LetterKind.PROGRESS_SUMMARY: _summary_lines,
    LetterKind.HANDOVER: _handover_lines,
}


def issue_question(parent: QWidget, lines: Sequence[str]) -> tuple[QMessageBox, QAbstractButton]:
    """The question before sealing, with its Issue button (Cancel is the default)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("SealSummary", "Issue this document?"),
        "",
        parent=parent,
    )
    intro = QCoreApplication.translate(
        "SealSummary",
        "Issuing seals this content with a fingerprint and a digital seal: it can never change afterwards.",
    )
    # each line unbroken (the box widens to the longest, up to its limit), the intro wraps under them
    items = "".join(f'<li style="white-space:nowrap">{escape(line)}</li>' for line in lines)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<p>{escape(intro)}</p><ul>{items}</ul>")
    issue = box.addButton(
        QCoreApplication.translate("SealSummary", "Issue"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, issue


def confirm_issue(parent: QWidget, lines: Sequence[str]) -> bool:
    """Ask before sealing: issued content never changes. Tests replace this function."""
    box, issue = issue_question(parent, lines)
    box.exec()
    return box.clickedButton() is issue


class AssumptionsDialog(FormDialog):
    """The expectation letter's assumptions, one row each (the last letter's, to start with);
    ``save()`` returns the list, the page then previews the letter with it."""

    def __init__(self, assumptions: Sequence[str], today: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assumptionsDialog")
        self.setWindowTitle(self.tr("Expectation letter: assumptions"))
        self.resize(620, 420)
        self.rows = RowsEditor([Column(self.tr("This letter assumes that…"))], today, self)
        self.rows.set_rows([(text,) for text in assumptions])
        self.add_field("assumptions", self.tr("Assumptions (left out when empty)"), self.rows)

    def save(self) -> tuple[str, ...]:
        assumptions = tuple(text for (text,) in self.rows.rows())
        reason = unprintable_reason(assumptions)  # they print: a character the fonts lack is named here
        if reason:
            raise ValidationError({"assumptions": reason})
        return assumptions
