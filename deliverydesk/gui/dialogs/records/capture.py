"""Capture an extra ask in seconds, then check it against the scope and triage it A / B / C.

``CaptureAskDialog`` records the ask (a new pending change request); ``AskFollowUpDialog`` offers the
scope items and exclusions that read like it and the triage with its consequence. Triage A drafts a
notice to the client, saved to the communication log only when the engineer confirms it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMessageBox, QPushButton, QWidget

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import Channel, Triage
from deliverydesk.domain.models import ChangeRequestItem, ContactItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.records.decision import plain_label
from deliverydesk.gui.dialogs.records.expectation import contact_options
from deliverydesk.gui.dialogs.records.fields import area, date_edit, happened, line, link_combo, ref_label
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import from_qdate
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.labels import with_note
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.undo import created_step
from deliverydesk.gui.widgets.enum_combo import EnumCombo, enum_combo
from deliverydesk.services import scope_guard as guard
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.projects import get_project


class CaptureAskDialog(FormDialog):
    """What was asked, who asked, when and how: saved as a new change request."""

    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        contacts: Sequence[ContactItem] = (),
        from_log_entry_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env, self.project_id, self.from_log_entry_id = env, project_id, from_log_entry_id
        self.setObjectName("captureAskDialog")
        self.setWindowTitle(self.tr("Capture an extra ask"))
        self.setMinimumWidth(480)
        hint = self.tr("Left empty, these come from the log entry") if from_log_entry_id else ""
        self.what = self.add_field("title", self.tr("What was asked"), line(self, placeholder=hint))
        self.asked_by = self.add_field(
            "requested_by_id",
            self.tr("Who asked"),
            link_combo(self, self.tr("Someone else (type the name below)"), contact_options(contacts), None),
        )
        self.asked_by_name = self.add_field("requested_by_name", self.tr("Name if not a contact"), line(self))
        self.asked_on = self.add_field(
            "requested_on",
            self.tr("When"),
            date_edit(self, env.ctx.today(), env.ctx.today(), happened(env.ctx.today())),
        )
        self.channel = self.add_field(
            "channel", self.tr("Channel"), enum_combo(self, Channel, Channel.MEETING)
        )
        self.details = self.add_field("description", self.tr("Details"), area(self, "", 2))
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(not env.readonly)
        self.what.setFocus()

    def save(self) -> ChangeRequestItem:
        return guard.capture_ask(
            self.env.ctx,
            guard.AskDraft(
                project_id=self.project_id,
                what=self.what.text(),
                asked_by_id=self.asked_by.currentData(),
                asked_by_name=self.asked_by_name.text(),
                asked_on=None if self.from_log_entry_id else from_qdate(self.asked_on.date()),
                channel=None if self.from_log_entry_id else self.channel.currentData(),
                details=self.details.toPlainText(),
                from_log_entry_id=self.from_log_entry_id,
            ),
        )


def confirm_notice(parent: QWidget, notice: LogEntryDraft) -> bool:
    """Ask before the drafted client notice goes into the log (replaced in tests)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("AskFollowUpDialog", "Tell the client"),
        notice.summary,
        parent=parent,
    )
    box.setInformativeText(notice.details)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
    return box.exec() == QMessageBox.StandardButton.Save


class AskFollowUpDialog(FormDialog):
    """Scope check (suggestions by text) and triage with its consequence, for a captured ask."""

    def __init__(self, env: GuiEnv, request: ChangeRequestItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.request = env, request
        self.setObjectName("askFollowUpDialog")
        self.setWindowTitle(self.tr("Check and triage %1").replace("%1", f"{request.ref} {request.title}"))
        self.setMinimumWidth(560)
        self.form.addRow(self.tr("Ask"), ref_label(self, f"{request.ref} {request.title}"))
        self.matches = QListWidget(self)
        self.matches.setObjectName("scopeMatches")
        self.matches.setMaximumHeight(120)
        self.form.addRow(self.tr("Scope check"), self.matches)
        self.check_button = QPushButton(self.tr("Check against the selected line"), self)
        self.check_button.clicked.connect(self.check_scope)
        self.form.addRow("", self.check_button)
        self.triage = self.add_field("triage", self.tr("Triage"), self._triage_combo())
        # Under the form, the whole width: a wrapped label in a form row is cut off at its first line.
        self.verdict = plain_label(self.content)
        self.verdict.setObjectName("scopeVerdict")
        self.add_content(self.verdict)
        self.consequence = plain_label(self.content)
        self.consequence.setObjectName("triageConsequence")
        self.add_content(self.consequence)
        self.triage.currentIndexChanged.connect(lambda _i: self._show_consequence())
        self._show_consequence()
        self.triage_result: guard.TriageResult | None = None
        ctx, text = env.ctx, f"{request.title}\n{request.description}"
        env.tasks.submit(
            lambda: guard.suggest_scope_matches(ctx, request.project_id, text),
            self._show_matches,
            self._failed,
        )

    def _triage_combo(self) -> EnumCombo:
        """Starts at "not triaged": a captured ask presumes no triage and no decision."""
        combo = EnumCombo(self, Triage)
        combo.set_value(Triage.UNTRIAGED)
        return combo

    def _show_matches(self, matches: Sequence[guard.ScopeMatch]) -> None:
        for match in matches:
            kind = self.tr("in scope") if match.kind is guard.MatchKind.SCOPE_ITEM else self.tr("excluded")
            entry = QListWidgetItem(with_note(f"{match.ref} {match.text}", kind), self.matches)
            entry.setData(Qt.ItemDataRole.UserRole, match)
        none = QListWidgetItem(self.tr("None of these: out of scope"), self.matches)
        none.setData(Qt.ItemDataRole.UserRole, None)
        self.matches.setCurrentRow(0)

    def check_scope(self) -> None:
        entry = self.matches.currentItem()
        match = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
        kind = match.kind if match is not None else None
        try:
            result = guard.check_scope(
                self.env.ctx,
                self.request.id,
                scope_item_id=match.id if kind is guard.MatchKind.SCOPE_ITEM else None,
                exclusion_id=match.id if kind is guard.MatchKind.EXCLUSION else None,
            )
        except DeliveryDeskError as exc:
            self._failed(exc)
            return
        self.request = result.request
        if result.needs_change_request:
            self.verdict.setText(shown(result.message))
        else:
            text = self.tr("No change request needed: part of %1.").replace("%1", match.ref)
            self.verdict.setText(f"{text}\n{shown(result.message)}")
        self.triage.setEnabled(result.needs_change_request)

    def _show_consequence(self) -> None:
        texts = {
            Triage.UNTRIAGED: self.tr("Not triaged yet: the ask stays pending, with no decision."),
            Triage.A: self.tr(
                "A blocks the goal: do it now and tell the client in writing; "
                "then decide it (billable or goodwill) like any other request."
            ),
            Triage.B: self.tr(
                "B is small and related: deferred now, back when the main milestone is accepted."
            ),
            Triage.C: self.tr("C is large: a separate change request or a quote."),
        }
        self.consequence.setText(texts.get(self.triage.currentData(), ""))

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))

    def save(self) -> ChangeRequestItem:
        if not self.triage.isEnabled() or self.triage.currentData() is Triage.UNTRIAGED:
            return self.request  # in scope, or left for later: nothing to triage
        result = guard.triage_change_request(self.env.ctx, self.request.id, self.triage.currentData())
        self.triage_result = result
        notice = result.client_notice
        if notice is not None and confirm_notice(self, notice):
            add_log_entry(self.env.ctx, notice)
        return result.request


class CaptureFlow(QObject):
    """Capture, then check and triage: the two dialogs in a row (``dialog`` is the one open). When the
    second closes (saved or not: the ask is saved already), ``request_saved`` says which change request
    to open, with a short confirmation for the status bar."""

    request_saved = Signal(str, str, str)  # project id, change request id, confirmation

    def __init__(self, env: GuiEnv, parent: QWidget, on_changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.env, self.on_changed = env, on_changed
        self.dialog: FormDialog | None = None

    def start(self, project_id: str, from_log_entry_id: str | None = None) -> None:
        ctx = self.env.ctx

        def contacts() -> tuple[ContactItem, ...]:
            return list_contacts(ctx, get_project(ctx, project_id).client_id).rows

        self.env.tasks.submit(
            contacts, lambda found: self._open_capture(project_id, found, from_log_entry_id), owner=self
        )

    def _open_capture(
        self, project_id: str, contacts: Sequence[ContactItem], log_entry_id: str | None
    ) -> None:
        dialog = CaptureAskDialog(self.env, project_id, contacts, log_entry_id, self._parent_widget())
        self._show(dialog, self._captured)

    def _captured(self, request: ChangeRequestItem) -> None:
        self.env.undo.record(created_step(request))
        self.on_changed()
        follow_up = AskFollowUpDialog(self.env, request, self._parent_widget())
        self._show(follow_up, lambda _r: self.on_changed())
        follow_up.finished.connect(lambda _code: self._finished(follow_up))

    def _finished(self, follow_up: AskFollowUpDialog) -> None:
        request = follow_up.result_value if follow_up.result_value is not None else follow_up.request
        text = self.tr("Saved %1 %2").replace("%1", request.ref).replace("%2", request.title)
        if follow_up.result_value is not None and follow_up.triage.isEnabled():
            text += " · " + self.tr("triage %1").replace("%1", str(request.triage.value).upper())
        self.request_saved.emit(request.project_id, request.id, text)

    def _parent_widget(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def _show(self, dialog: FormDialog, on_saved: Callable[[ChangeRequestItem], None]) -> None:
        dialog.saved.connect(on_saved)
        self.dialog = dialog
        dialog.open()
