"""Documents: the project's issued and signed letters; new ones previewed and issued (after saying what
will be sealed); translations of an issued version; sign, export, print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import Language, LetterKind, LetterStatus
from deliverydesk.domain.handover import HandoverBlocked
from deliverydesk.domain.models import LetterItem
from deliverydesk.domain.scope_guard import decision_order
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.blockers import refusal_text
from deliverydesk.gui.dialogs.base import MessageBar
from deliverydesk.gui.dialogs.documents import sealing
from deliverydesk.gui.dialogs.documents.output import ask_export_path, export_in_background, print_with_dialog
from deliverydesk.gui.dialogs.documents.preview import PreviewDialog
from deliverydesk.gui.dialogs.documents.sealing import AssumptionsDialog
from deliverydesk.gui.dialogs.documents.sign import SignDialog
from deliverydesk.gui.dialogs.documents.summary import SummaryDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.messages import error_text, show_error
from deliverydesk.gui.pages.base import AREA_DOCUMENTS, ProjectPage
from deliverydesk.gui.pages.project.documents_model import (
    DocumentsData,
    LetterModel,
    kind_label,
    load_documents,
)
from deliverydesk.gui.pages.project.table import fit_headers
from deliverydesk.gui.signing_identity import forget_password, signing_context
from deliverydesk.gui.team.controller import TransportFactory, team_transports
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest, SummaryNarrative, build_document
from deliverydesk.services.documents.export import export_letter
from deliverydesk.services.documents.parts import snapshot_period
from deliverydesk.services.records.log import list_log_entries


class DocumentsPage(ProjectPage):
    area = AREA_DOCUMENTS
    icon_name = "letter"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.data: DocumentsData | None = None
        self.dialog: Any = None  # the dialog last opened (tests drive it)
        self._select_after: str | None = None
        self.message_bar = MessageBar(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("documentsNotice")
        self.notice.setWordWrap(True)
        self.model = LetterModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.preview_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.notice)
        layout.addLayout(self._row(self._new_buttons()))
        layout.addWidget(self.table, 1)
        layout.addLayout(self._row(self._letter_buttons()))
        self._update_buttons()

    def _row(self, buttons: list[QPushButton]) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _new_buttons(self) -> list[QPushButton]:
        self.new_letter = QPushButton(self.tr("New expectation letter"), self)
        self.new_change = QPushButton(self.tr("Change decision…"), self)
        self.new_summary = QPushButton(self.tr("Progress summary…"), self)
        self.new_handover = QPushButton(self.tr("Handover report"), self)
        self.new_letter.clicked.connect(lambda: self.write_letter())
        self.new_change.clicked.connect(self.choose_change_request)
        self.new_summary.clicked.connect(self.write_summary)
        self.new_handover.clicked.connect(lambda: self.new_document(LetterKind.HANDOVER))
        return [self.new_letter, self.new_change, self.new_summary, self.new_handover]

    def _letter_buttons(self) -> list[QPushButton]:
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.translate_button = QPushButton(self.tr("Translation…"), self)
        self.translate_button.setToolTip(
            self.tr("Issue this version in the other language: the same version, its own fingerprint")
        )
        self.sign_button = QPushButton(self.tr("Sign…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.preview_button.clicked.connect(self.preview_selected)
        self.translate_button.clicked.connect(self.translate_selected)
        self.sign_button.clicked.connect(self.sign_selected)
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.print_button.clicked.connect(self.print_selected)
        return [
            self.preview_button,
            self.translate_button,
            self.sign_button,
            self.export_button,
            self.print_button,
        ]

    def title(self) -> str:
        return self.tr("Documents")

    # --- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, project_id = self.env.ctx, self.project_id
        if project_id is None:
            return
        self.env.tasks.submit(
            lambda: load_documents(ctx, project_id),
            lambda data: self._loaded(project_id, data),
            self._failed,
            key="page-documents",
        )

    def _loaded(self, project_id: str, data: DocumentsData) -> None:
        if project_id != self.project_id:
            return
        self.data = data
        self.message_bar.show_message("")
        self.model.set_rows(data.letters)
        self.table.resizeColumnsToContents()  # short columns: refs, versions, fingerprints, dates
        fit_headers(self.table)  # and never narrower than their (Chinese or bold) headers
        self.notice.setText("\n".join(self._notices(data)))
        self.notice.setVisible(bool(self.notice.text()))
        self.new_change.setEnabled(bool(data.decided) and not self.env.readonly)
        if self._select_after:
            self.show_record(self._select_after)
            self._select_after = None
        self._update_buttons()

    def _notices(self, data: DocumentsData) -> list[str]:
        notices = []
        if data.expectation_letter_outdated:
            notices.append(
                self.tr("Expectation letter out of date: an expectation changed since it was issued.")
            )
        if data.schedule.is_due and data.schedule.next_due is not None:
            notices.append(
                self.tr("Progress summary due since %1.").replace("%1", format_date(data.schedule.next_due))
            )
        return notices

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))

    def selected(self) -> LetterItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        letter = self.selected()
        for button in (self.preview_button, self.export_button, self.print_button):
            button.setEnabled(letter is not None)
        self.sign_button.setEnabled(
            letter is not None and letter.status is LetterStatus.ISSUED and not self.env.readonly
        )
        current = letter is not None and letter.status in (LetterStatus.ISSUED, LetterStatus.SIGNED)
        self.translate_button.setEnabled(current and not self.env.readonly)
        for button in (self.new_letter, self.new_summary, self.new_handover):
            button.setEnabled(not self.env.readonly)

    def show_record(self, record_id: str) -> None:
        """Select the letter; when the list is still loading (opened from Home), once it has loaded."""
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._select_after = record_id

    # --- new documents -------------------------------------------------------------------------------
    def request(self, kind: LetterKind, **extra: Any) -> DocumentRequest:
        assert self.project_id is not None
        return DocumentRequest(self.project_id, kind, **extra)

    def new_document(self, kind: LetterKind, **extra: Any) -> None:
        """Preview the draft in the background, then show it with an Issue button."""
        request, ctx = self.request(kind, **extra), self.env.ctx
        self.env.tasks.submit(
            lambda: letters.preview_draft(ctx, request),
            lambda draft: self._show_draft(request, draft),
            lambda error: show_error(self, error),
        )

    def _show_draft(self, request: DocumentRequest, draft: letters.DraftPreview) -> None:
        draft_word = self.tr("Draft")
        name = f"{draft_word} {kind_label(request.kind)}.pdf"
        title = kind_label(request.kind)
        dialog = PreviewDialog(self.env, title, draft.pdf, name, can_issue=True, parent=self)
        dialog.issue_wanted.connect(lambda: self.issue(request, dialog, draft.data))
        self._open(dialog)

    def issue(self, request: DocumentRequest, dialog: PreviewDialog, data: Any) -> None:
        """Say what will be sealed and ask; then issue in the background."""
        if not sealing.confirm_issue(self, sealing.seal_lines(data)):
            return
        ctx = signing_context(self.env, dialog)  # the company certificate's password, once per session
        if ctx is None:
            return
        if dialog.issue_button is not None:
            dialog.issue_button.setEnabled(False)

        def issued(result: letters.IssuedDocument) -> None:
            dialog.accept()
            self._changed(result.letter.id)

        def refused(error: DeliveryDeskError) -> None:
            forget_password(self.env)  # a wrong certificate password is asked again
            if isinstance(error, HandoverBlocked):  # each blocker named in words, in the UI language
                dialog.status.setTextFormat(Qt.TextFormat.PlainText)  # user text: data, never markup
                dialog.status.setWordWrap(True)
                dialog.status.setStyleSheet("color: #b00020;")
                dialog.status.setText(refusal_text(error.blockers))
            else:
                dialog.status.setText(error_text(error))

        factory = team_transports(self.env)
        self.env.tasks.submit(lambda: _issue(ctx, factory, request), issued, refused, owner=self)

    def write_letter(self, language: Language | None = None) -> None:
        """The expectation letter: first its assumptions (the last letter's, to edit), then the draft."""
        request, ctx = self.request(LetterKind.EXPECTATION_CONFIRMATION, language=language), self.env.ctx
        self.env.tasks.submit(
            lambda: build_document(ctx, request),
            lambda data: self._ask_assumptions(data, language),
            lambda error: show_error(self, error),
        )

    def _ask_assumptions(self, data: Any, language: Language | None) -> None:
        dialog = AssumptionsDialog(data.assumptions, self.env.ctx.today(), self)
        dialog.saved.connect(
            lambda assumptions: self.new_document(
                LetterKind.EXPECTATION_CONFIRMATION, language=language, assumptions=assumptions
            )
        )
        self._open(dialog)

    def choose_change_request(self) -> None:
        decided = self.data.decided if self.data else ()
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Change decision"))
        dialog.setLabelText(self.tr("Which decided change request?"))
        choices = {f"{r.ref}  {r.title}": r.id for r in decided}
        dialog.setComboBoxItems(list(choices))
        if decided:  # the decision just taken is the one whose letter is wanted, not CR-1's
            newest = max(decided, key=decision_order)
            dialog.setTextValue(f"{newest.ref}  {newest.title}")
        dialog.textValueSelected.connect(
            lambda text: self.new_document(LetterKind.CHANGE_DECISION, change_request_id=choices[text])
        )
        self._open(dialog)

    def write_summary(
        self, narrative: SummaryNarrative | None = None, language: Language | None = None
    ) -> None:
        """The summary's narrative first (pre-filled: since the previous summary), then the draft."""
        kind = LetterKind.PROGRESS_SUMMARY
        request, ctx = self.request(kind, narrative=narrative, language=language), self.env.ctx
        self.env.tasks.submit(
            lambda: build_document(ctx, request),
            lambda defaults: self._summary_defaults(defaults, language),
            lambda e: show_error(self, e),
        )

    def _summary_defaults(self, defaults: Any, language: Language | None = None) -> None:
        dialog = SummaryDialog(defaults, self)
        dialog.saved.connect(lambda narrative: self._summary_written(narrative, language))
        self._open(dialog)

    def _summary_written(self, narrative: SummaryNarrative, language: Language | None = None) -> None:
        self.new_document(LetterKind.PROGRESS_SUMMARY, narrative=narrative, language=language)

    def translate_selected(self) -> None:
        """The selected version in the other language: written (summary narrative, letter
        assumptions) where the document has words of the engineer's, then previewed and issued."""
        letter = self.selected()
        if letter is None:
            return
        other = Language.ZH_CN if letter.language is Language.EN else Language.EN
        translators: dict[LetterKind, Callable[[LetterItem, Language], None]] = {
            LetterKind.PROGRESS_SUMMARY: self._translate_summary,  # its narrative, for the same period
            LetterKind.EXPECTATION_CONFIRMATION: lambda _letter, language: self.write_letter(language),
        }
        translators.get(letter.kind, self._translate_as_is)(letter, other)

    def _translate_summary(self, letter: LetterItem, language: Language) -> None:
        period = snapshot_period(letter.content_json)
        start, end = period if period else (None, None)
        self.write_summary(SummaryNarrative(period_start=start, period_end=end), language)

    def _translate_as_is(self, letter: LetterItem, language: Language) -> None:
        self.new_document(letter.kind, language=language, change_request_id=letter.change_request_id)

    # --- issued letters ------------------------------------------------------------------------------
    def preview_selected(self) -> None:
        letter = self.selected()
        if letter is None:
            return
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: letters.letter_pdf(ctx, letter.id),
            lambda pdf: self._show_issued(letter, pdf),
            lambda error: show_error(self, error),
        )

    def _show_issued(self, letter: LetterItem, pdf: bytes) -> None:
        name = f"{letter.ref}-v{letter.version}.pdf"
        self._open(PreviewDialog(self.env, name, pdf, name, can_issue=False, parent=self))

    def print_selected(self) -> None:
        """Print the issued PDF itself (page images through the system print dialog)."""
        letter, ctx = self.selected(), self.env.ctx
        if letter is not None:
            self.env.tasks.submit(
                lambda: letters.letter_pdf(ctx, letter.id),
                lambda pdf: print_with_dialog(self, self.env.tasks, pdf),
                lambda error: show_error(self, error),
            )

    def export_selected(self, path: Path | None = None) -> None:
        letter, ctx = self.selected(), self.env.ctx
        if letter is None:
            return
        path = path or ask_export_path(self, f"{letter.ref}-v{letter.version}.pdf")
        if path is not None:
            self.export_button.setEnabled(False)
            job = lambda target, progress: export_letter(ctx, letter.id, target, progress=progress)  # noqa: E731
            export_in_background(self.env, self, job, path, self._update_buttons)

    def sign_selected(self) -> None:
        letter, ctx = self.selected(), self.env.ctx
        if letter is None or self.data is None:
            return
        contacts = self.data.contacts
        self.env.tasks.submit(
            lambda: list_log_entries(ctx, letter.project_id, limit=100).rows,
            lambda entries: self._open_sign(letter, contacts, entries),
            lambda error: show_error(self, error),
        )

    def _open_sign(self, letter: LetterItem, contacts: Any, entries: Any) -> None:
        decided = self.data.decided if self.data is not None else ()
        request = next((r for r in decided if r.id == letter.change_request_id), None)
        about = f"{request.ref}  {request.title}" if request is not None else ""
        dialog = SignDialog(self.env, letter, contacts, entries, self, change_request=about)
        dialog.saved.connect(self._signed)
        self._open(dialog)

    def _signed(self, result: letters.SignResult) -> None:
        self._changed(result.letter.id)
        lines = [shown(w) for w in result.warnings]
        if result.confirmed:
            confirmed = self.tr("Confirmed in writing by this signature: %1").replace(
                "%1", ", ".join(result.confirmed)
            )
            lines.insert(0, confirmed)
        if lines:
            title = self.tr("Signed, with a note") if result.warnings else self.tr("Signed")
            box = QMessageBox(QMessageBox.Icon.Information, title, "\n".join(lines), parent=self)
            box.setObjectName("signedBox")
            self.dialog = box
            box.open()

    # --- helpers -------------------------------------------------------------------------------------
    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.open()

    def _changed(self, letter_id: str) -> None:
        self.refresh()
        self._select_after = letter_id
        self.records_changed.emit()


def _issue(
    ctx: ServiceContext, transports: TransportFactory, request: DocumentRequest
) -> letters.IssuedDocument:
    """Worker side: in a team, through the team server (sync, reserve the number, issue, push);
    otherwise on this computer alone."""
    transport = transports()
    if transport is None:
        return letters.issue_document(ctx, request)
    from deliverydesk.services.sync.client import issue_in_team  # sync's modules: in a team only

    try:
        return issue_in_team(ctx, transport, request)
    finally:
        transport.close()
