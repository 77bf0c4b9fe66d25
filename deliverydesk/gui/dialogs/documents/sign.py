"""Record how an issued letter was signed: on the pad, on paper (scan), by e-mail (log entry), or refused.

Only a contact of the client entitled to sign is offered (a typed name is refused with the reason when
it is not one); the day the client signed is entered for paper, e-mail and a refusal (on screen: today)
and kept apart from when it is recorded (now, by you). Signed on screen, our signature block is filled
with your name, title and place from Settings."""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import LogKind, SignMethod
from deliverydesk.domain.models import ContactItem, LetterItem, LogEntryItem
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.records.fields import date_edit, ref_label
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_datetime, from_qdate, to_qdate
from deliverydesk.gui.labels import label
from deliverydesk.gui.signing_identity import forget_password, signing_context
from deliverydesk.gui.widgets.elided import ElidedLabel
from deliverydesk.gui.widgets.signature_pad import SignaturePad
from deliverydesk.i18n import verbatim
from deliverydesk.services.documents.letters import SignResult, sign_letter
from deliverydesk.services.documents.signing import SignRequest

SCAN_MAX_BYTES = 25 * 1024 * 1024


class SignDialog(FormDialog):
    """``save()`` records the signature and returns the ``SignResult`` (warnings included)."""

    def __init__(
        self,
        env: GuiEnv,
        letter: LetterItem,
        contacts: Sequence[ContactItem],
        log_entries: Sequence[LogEntryItem],
        parent: QWidget | None = None,
        change_request: str = "",
    ) -> None:
        """``change_request``: the request a change decision decides ("CR-3  Extra report")."""
        super().__init__(parent)
        self.env, self.letter = env, letter
        self.scan: tuple[str, bytes, str] | None = None  # file name, bytes, media type
        self.setObjectName("signDialog")
        self.setWindowTitle(
            self.tr("Sign %1 version %2").replace("%1", letter.ref).replace("%2", str(letter.version))
        )
        self.resize(680, 600)
        self._add_document_row(change_request)
        self.save_button = self.buttons.button(self.buttons.StandardButton.Save)
        self.method = self.add_field("method", self.tr("How"), QComboBox(self))
        for method, text in (
            (SignMethod.ON_SCREEN, self.tr("Signed on screen")),
            (SignMethod.ON_PAPER, self.tr("Signed on paper (attach the scan)")),
            (SignMethod.BY_EMAIL, self.tr("Confirmed by e-mail (link the log entry)")),
            (SignMethod.REFUSED, self.tr("Refused to sign")),
        ):
            self.method.addItem(text, method)
        self._add_signer_fields(contacts)
        self._add_method_pages(log_entries)
        self.signed_on = self.add_field("signed_on", self.tr("Signed on"), date_edit(self, env.ctx.today()))
        self.signed_on.setToolTip(
            self.tr("The day the client signed (or refused), not today's date if later")
        )
        self.today_note = ref_label(
            self, self.tr("Today: signed on screen now. Our block gets your name and place.")
        )
        self.form.addRow("", self.today_note)
        self.note = self.add_field("note", self.tr("Note"), QPlainTextEdit(self))
        self.note.setTabChangesFocus(True)
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.log_entry.currentIndexChanged.connect(lambda _i: self._entry_chosen())
        self._method_chosen(self.method.currentIndex())

    def _add_document_row(self, change_request: str) -> None:
        """Which letter is signed, as its footer names it: the title bar alone is easy to miss."""
        letter = self.letter
        text = (
            self.tr("%1 %2, version %3")
            .replace("%1", label(letter.kind))
            .replace("%2", letter.ref)
            .replace("%3", str(letter.version))
        )
        if letter.translation_of_id:
            text = self.tr("%1 (%2 translation)").replace("%1", text).replace("%2", label(letter.language))
        self.document = ElidedLabel(text, self)  # one line each, the whole text in its tooltip
        self.document.setObjectName("signedDocument")
        font = self.document.font()
        font.setBold(True)
        self.document.setFont(font)
        self.form.addRow(self.tr("Document"), self.document)
        self.change_request = ElidedLabel(change_request, self)
        for shown in (self.document, self.change_request):  # a form row grows only an Expanding field
            shown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if change_request:
            self.form.addRow(self.tr("Change request"), self.change_request)

    def _add_signer_fields(self, contacts: Sequence[ContactItem]) -> None:
        self.signer = self.add_field("signer_name", self.tr("Signed by"), QComboBox(self))
        self.signer.setEditable(True)
        self.signer.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )  # room for its error
        self.signer.setToolTip(self.tr("A contact of the client who may sign; anyone else is refused"))
        self.signers = [c for c in contacts if c.can_sign and not c.archived]
        for contact in self.signers:
            self.signer.addItem(contact.name, contact.id)
        self.signer_title = self.add_field("signer_title", self.tr("Title"), QLineEdit(self))
        self.place = self.add_field("place", self.tr("Place"), QLineEdit(self))
        self.signer.currentIndexChanged.connect(self._contact_chosen)
        self._contact_chosen(self.signer.currentIndex())

    def _add_method_pages(self, log_entries: Sequence[LogEntryItem]) -> None:
        """One page per method, shown as the method is chosen: pad, scan, log entry, refusal."""
        self.pages = QStackedWidget(self)
        self.pad = SignaturePad(self)
        self.pages.addWidget(self._pad_page())
        self.pages.addWidget(self._scan_page())
        self.log_entry = QComboBox(self)
        self.entries = {
            e.id: e for e in log_entries if e.kind is LogKind.EMAIL
        }  # an e-mail, naming the signer
        for entry in self.entries.values():
            who = f" · {entry.participants[:40]}" if entry.participants else ""
            self.log_entry.addItem(
                f"{format_datetime(entry.occurred_at)}  {entry.summary[:80]}{who}", entry.id
            )
        self.pages.addWidget(self.log_entry)
        self.pages.addWidget(QLabel(self.tr("Say in the note what happened and why."), self))
        self.add_field("signature_png", self.tr("Signature"), self.pages)

    def _pad_page(self) -> QWidget:
        page = QWidget(self)
        undo, clear = QPushButton(self.tr("Undo"), page), QPushButton(self.tr("Clear"), page)
        undo.clicked.connect(self.pad.undo)
        clear.clicked.connect(self.pad.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(undo)
        buttons.addWidget(clear)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        return page

    def _scan_page(self) -> QWidget:
        page = QWidget(self)
        self.scan_label = QLabel(self.tr("No scan chosen."), page)
        choose = QPushButton(self.tr("Choose scan…"), page)
        choose.clicked.connect(self._choose_scan)
        layout = QHBoxLayout(page)
        layout.addWidget(self.scan_label, 1)
        layout.addWidget(choose)
        return page

    def _method_chosen(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        method = SignMethod(self.method.currentData())
        on_screen = method is SignMethod.ON_SCREEN
        refused = method is SignMethod.REFUSED
        self.save_button.setText(self.tr("Record the refusal") if refused else self.tr("Record signature"))
        cell = self.signed_on.parentWidget()
        assert cell is not None  # the field's cell (FormDialog.add_field)
        self.form.setRowVisible(cell, not on_screen)
        self.form.setRowVisible(self.today_note, on_screen)
        if SignMethod(self.method.currentData()) is SignMethod.BY_EMAIL:
            self._entry_chosen()

    def _entry_chosen(self) -> None:
        """By e-mail: the day the client signed is the e-mail's day, unless changed."""
        entry = self.entries.get(self.log_entry.currentData() or "")
        if entry is not None:
            self.signed_on.setDate(to_qdate(entry.occurred_at.astimezone().date()))

    def _contact_chosen(self, index: int) -> None:
        if 0 <= index < len(self.signers):
            self.signer_title.setText(self.signers[index].title)

    def _choose_scan(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Scan of the signed letter"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg)")
        )
        if name:
            self.set_scan(Path(name))

    def set_scan(self, path: Path) -> None:
        data = path.read_bytes()[: SCAN_MAX_BYTES + 1]
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.scan = (path.name, data, media_type)
        self.scan_label.setText(path.name)

    def _contact_id(self) -> str | None:
        text = self.signer.currentText().strip()
        index = self.signer.currentIndex()
        if 0 <= index < len(self.signers) and self.signers[index].name == text:
            return self.signers[index].id
        return None

    def save(self) -> SignResult:
        method = SignMethod(self.method.currentData())
        if method is SignMethod.ON_SCREEN and self.pad.is_empty():
            raise ValidationError({"signature_png": verbatim(self.tr("Sign on the pad first."))})
        name, data, media = self.scan or ("", None, "")
        request = SignRequest(
            self.letter.id,
            method,
            self.signer.currentText(),
            signer_title=self.signer_title.text(),
            place=self.place.text(),
            contact_id=self._contact_id(),
            signed_on=None if method is SignMethod.ON_SCREEN else from_qdate(self.signed_on.date()),
            signature_png=self.pad.to_png() if method is SignMethod.ON_SCREEN else None,
            scan=data if method is SignMethod.ON_PAPER else None,
            scan_filename=name,
            scan_media_type=media,
            log_entry_id=self.log_entry.currentData() if method is SignMethod.BY_EMAIL else None,
            note=self.note.toPlainText(),
        )
        ctx = signing_context(self.env, self) if method is SignMethod.ON_SCREEN else self.env.ctx
        if ctx is None:  # the certificate's password was not given
            raise ValidationError(
                {"signature_png": verbatim(self.tr("The signed PDF needs the certificate's password."))}
            )
        try:
            return sign_letter(ctx, request)
        except RuleError:
            forget_password(self.env)
            raise
        except ValidationError as exc:  # the service names "scan"/"log_entry_id": show them by the method
            moved = {"scan": "signature_png", "log_entry_id": "signature_png", "contact_id": "signer_name"}
            fields = {moved.get(k, k): v for k, v in exc.fields.items()}
            raise ValidationError(fields) from None
