"""Evidence pack…: the chronological record of a change request, an expectation or a date range as
one PDF. A small dialog (language, the range when there is one, the file), then the pack is made on
the task runner, written atomically, and the user is offered to open it.

Pages call ``add_evidence_action`` (the action on a record panel) or ``open_evidence_dialog``; the
Search view can pass an ``EvidenceTopic`` of chosen log entries the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from deliverydesk.domain.enums import Language
from deliverydesk.domain.progress import Progress
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.documents.output import ask_export_path, export_in_background, with_suffix
from deliverydesk.gui.dialogs.records.fields import date_edit
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import from_qdate
from deliverydesk.gui.widgets.date_field import DateField
from deliverydesk.i18n import parse_language, verbatim
from deliverydesk.services.evidence.pack import EvidenceTopic, export_evidence_pack

RANGE_DAYS = 30  # a new range starts this many days before today


class EvidenceDialog(FormDialog):
    """``topic`` None: the user picks a date range of the project. ``save()`` starts the export and
    returns the path it writes."""

    def __init__(
        self, env: GuiEnv, project_id: str, topic: EvidenceTopic | None, topic_text: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.env, self.project_id, self.topic, self.page = env, project_id, topic, parent
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(self.tr("Evidence pack"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "One PDF with the chronological record: log entries with their corrections, "
                "letters with fingerprints and signatures, commitments, and the attachments "
                "with their SHA-256."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.content_layout.insertWidget(0, intro)  # above the form: a form row would clip the wrapped text
        if topic is not None:
            self.add_field("topic", self.tr("Topic"), QLabel(topic_text, self))
        self.first_day: DateField | None = None
        self.last_day: DateField | None = None
        if topic is None:
            self.first_day, self.last_day = self._range_fields()
        self.language = self.add_field("language", self.tr("Language"), QComboBox(self))
        self.language.addItem(self.tr("The project's document language"), None)
        self.language.addItem("English", Language.EN)
        self.language.addItem("简体中文", Language.ZH_CN)
        self.path = self._path_field(self._suggested_name(topic_text))
        for edit in (self.first_day, self.last_day):
            if edit is not None:
                edit.dateChanged.connect(self._name_after_range)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Export"))

    def _range_fields(self) -> tuple[DateField, DateField]:
        today = self.env.ctx.today()
        edits = []
        for name, label, day in (
            ("period_start", self.tr("First day"), today - timedelta(days=RANGE_DAYS)),
            ("period_end", self.tr("Last day"), today),
        ):
            edit = date_edit(self, day, today)
            edits.append(self.add_field(name, label, edit))
        return edits[0], edits[1]

    def _path_field(self, name: str) -> QLineEdit:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        path = QLineEdit(str(Path.home() / name), row)
        browse = QPushButton(self.tr("Choose…"), row)
        browse.clicked.connect(self._choose_file)
        layout.addWidget(path, 1)
        layout.addWidget(browse)
        self.add_field("path", self.tr("Save as"), row)
        return path

    def _suggested_name(self, topic_text: str) -> str:
        """ "Evidence pack CR-3.pdf", or the range: "Evidence pack 2026-03-01 2026-03-16.pdf"."""
        if self.first_day is not None and self.last_day is not None:
            first, last = from_qdate(self.first_day.date()), from_qdate(self.last_day.date())
            return f"{self.tr('Evidence pack')} {first.isoformat()} {last.isoformat()}.pdf"
        ref = topic_text.split(maxsplit=1)[0] if topic_text else ""
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in ref)
        return f"{self.tr('Evidence pack')} {safe}.pdf".replace(" .pdf", ".pdf")

    def _name_after_range(self) -> None:
        """Follow the dates in the suggested name, unless the user chose another name."""
        current = Path(self.path.text())
        if current.name.startswith(self.tr("Evidence pack")):
            self.path.setText(str(current.with_name(self._suggested_name(""))))

    def _choose_file(self) -> None:
        chosen = ask_export_path(self, self.path.text(), self.tr("Save the evidence pack"))
        if chosen is not None:
            self.path.setText(str(chosen))

    def chosen_topic(self) -> EvidenceTopic:
        if self.topic is not None:
            return self.topic
        assert self.first_day is not None and self.last_day is not None
        first, last = from_qdate(self.first_day.date()), from_qdate(self.last_day.date())
        if last < first:
            raise ValidationError({"period_end": verbatim(self.tr("The range cannot end before it starts."))})
        return EvidenceTopic(self.project_id, period_start=first, period_end=last)

    def save(self) -> Path:
        topic = self.chosen_topic()
        text = self.path.text().strip()
        if not text:
            raise ValidationError({"path": verbatim(self.tr("Choose where to save the PDF."))})
        path = with_suffix(Path(text).expanduser(), ".pdf")
        language, ctx = parse_language(self.language.currentData()), self.env.ctx  # Qt hands back a str

        def job(target: Path, progress: Progress) -> Any:
            return export_evidence_pack(ctx, topic, target, language, progress)

        export_in_background(self.env, self.page, job, path, lambda: None)
        return path


def open_evidence_dialog(
    page: QWidget, env: GuiEnv, project_id: str, topic: EvidenceTopic | None = None, topic_text: str = ""
) -> EvidenceDialog:
    """Window-modal, non-blocking; the caller keeps the dialog (tests drive it)."""
    dialog = EvidenceDialog(env, project_id, topic, topic_text, page)
    dialog.open()
    return dialog


def add_evidence_action(
    page: Any, make_topic: Callable[[Any], tuple[EvidenceTopic, str]], tooltip: str
) -> QAction:
    """ "Evidence pack…" on ``page.panel`` for its selected record: ``make_topic(record)`` gives the
    topic and how to name it. Enabled for any selected record, on a read-only database too."""
    action = QAction(QCoreApplication.translate("EvidenceDialog", "Evidence pack…"), page)
    action.setToolTip(tooltip)

    def run() -> None:
        item = page.panel.current_item()
        if item is not None and page.project_id is not None:
            topic, text = make_topic(item)
            page.dialog = open_evidence_dialog(page, page.env, page.project_id, topic, text)

    def keep_enabled() -> None:
        """The panel enables its page actions for live records of a writable database only; the
        pack only reads, so it stays available for any selected record (archived, read-only)."""
        wanted = page.panel.current_item() is not None
        if action.isEnabled() != wanted:
            action.setEnabled(wanted)  # emits changed once more, then nothing is left to do

    action.triggered.connect(run)
    page.panel.add_extra_action(action)
    action.changed.connect(keep_enabled)
    page.panel.selected.connect(lambda _item: keep_enabled())
    keep_enabled()
    return action
