"""The File menu's Import and Export entries for the tools clients and offices use: Microsoft Project in
and out, scope from a spreadsheet, a calendar file. The window adds the two submenus; the entries act
on the open project (asking to pick one first when none is open)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import show_error

# The dialogs, the file chooser and the exporters load when used, not with the window (~0.2 s).
if TYPE_CHECKING:
    from deliverydesk.gui.dialogs.interchange.plan_import import PlanImportDialog
    from deliverydesk.gui.dialogs.interchange.scope_import import ScopeImportDialog


class InterchangeMenus(QObject):
    """``project_code()`` / ``project_id()`` say which project is open (None: none). Signals:
    ``project_wanted`` (none is open: let the user pick one), ``imported`` (the window refreshes).
    The window is only the Qt parent: no Python reference to it, so no reference cycle through it
    (a cycle of Qt objects collected on a worker thread would delete widgets off the GUI thread)."""

    imported = Signal()
    project_wanted = Signal()

    def __init__(
        self,
        env: GuiEnv,
        project_id: Callable[[], str | None],
        project_code: Callable[[], str | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.env = env
        self.project_id, self.project_code = project_id, project_code
        self.dialog: QWidget | None = None
        self.act_import_plan = self._action(self.tr("&Microsoft Project…"), self.import_plan)
        self.act_import_scope = self._action(self.tr("&Scope from a spreadsheet…"), self.import_scope)
        self.act_export_plan = self._action(self.tr("&Microsoft Project…"), self.export_plan)
        self.act_export_calendar = self._action(self.tr("&Calendar file (iCalendar)…"), self.export_calendar)
        for action in (self.act_import_plan, self.act_import_scope):
            action.setEnabled(not env.readonly)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def fill(self, file_menu: QMenu) -> None:
        imports = file_menu.addMenu(self.tr("&Import"))
        imports.setObjectName("importMenu")
        imports.addActions([self.act_import_plan, self.act_import_scope])
        exports = file_menu.addMenu(self.tr("E&xport"))
        exports.setObjectName("exportMenu")
        exports.addActions([self.act_export_plan, self.act_export_calendar])

    # --- imports -----------------------------------------------------------------------------------
    def import_plan(self) -> None:
        from deliverydesk.gui.dialogs.interchange.plan_import import PlanImportDialog

        self._open(PlanImportDialog)

    def import_scope(self) -> None:
        from deliverydesk.gui.dialogs.interchange.scope_import import ScopeImportDialog

        self._open(ScopeImportDialog)

    def _open(self, dialog_class: type[PlanImportDialog] | type[ScopeImportDialog]) -> None:
        project_id = self.project_id()
        if project_id is None:
            self.project_wanted.emit()
            return
        dialog = dialog_class(self.env, project_id, self._window())
        dialog.imported.connect(self._imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _imported(self, _outcome: object) -> None:
        self.imported.emit()

    def _window(self) -> QWidget:
        window = self.parent()
        assert isinstance(window, QWidget)
        return window

    # --- exports -----------------------------------------------------------------------------------
    def export_plan(self) -> None:
        from deliverydesk.gui.dialogs.documents.output import ask_export_path

        code = self.project_code()
        if code is None:
            self.project_wanted.emit()
            return
        chosen = ask_export_path(
            self._window(),
            f"{code}.xml",
            self.tr("Export a Microsoft Project plan"),
            self.tr("Microsoft Project XML (*.xml)"),
            ".xml",
        )
        if chosen is not None:
            ctx = self.env.ctx
            from deliverydesk.services.interchange.msproject_export import export_msproject

            self._export(lambda: export_msproject(ctx, code, chosen), chosen)

    def export_calendar(self) -> None:
        from deliverydesk.gui.dialogs.interchange.calendar_export import CalendarExportDialog

        dialog = CalendarExportDialog(self.project_code(), self._window())
        dialog.saved.connect(self._export_calendar)
        self.dialog = dialog
        dialog.open()

    def _export_calendar(self, target: tuple[list[str] | None, Path]) -> None:
        codes, path = target
        ctx = self.env.ctx
        from deliverydesk.services.interchange.calendar_file import export_calendar

        self._export(lambda: export_calendar(ctx, codes, path), path)

    def _export(self, job: Callable[[], object], path: Path) -> None:
        def done(_result: object) -> None:
            self.last_box = saved_box(self._window(), path)

        def failed(error: DeliveryDeskError) -> None:
            self.last_box = show_error(self._window(), error)

        self.env.tasks.submit(job, done, failed, owner=self)


def saved_box(parent: QWidget, path: Path) -> QMessageBox:
    """Non-blocking: "Saved to …" with Open folder / Close."""
    title = QCoreApplication.translate("InterchangeMenus", "Export finished")
    box = QMessageBox(QMessageBox.Icon.Information, title, "", parent=parent)
    box.setObjectName("interchangeExported")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate("InterchangeMenus", "Saved to %1.").replace("%1", str(path)))
    folder = box.addButton(
        QCoreApplication.translate("InterchangeMenus", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.buttonClicked.connect(
        lambda button: (
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))) if button is folder else None
        )
    )
    box.open()
    return box
