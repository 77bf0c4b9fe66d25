"""The main window frame: Today (Home) and Projects (navigator + workspace), menus, shortcuts.

Only what the first paint shows is built with the window (Today, menus, toolbar, status bar); the
project navigator and workspace (Projects), the recurring-problems page, the capture flow, the bundle
importer and every dialog are built (and their modules imported) on first use, so the window paints
sooner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.interchange.actions import InterchangeMenus
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.icons import app_icon, icon
from deliverydesk.gui.messages import show_error
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_DOCUMENTS, AREA_LOG
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.gui.screen_fit import place_main_window
from deliverydesk.gui.style import readable_selection
from deliverydesk.gui.team.controller import SyncController
from deliverydesk.gui.team.status import SyncStatusButton
from deliverydesk.gui.undo import created_step
from deliverydesk.gui.widgets.progress_panel import LongTaskPanel

if TYPE_CHECKING:
    from deliverydesk.domain.models import ProjectItem
    from deliverydesk.gui.bundle_import import BundleImporter
    from deliverydesk.gui.dialogs.records.capture import CaptureFlow
    from deliverydesk.gui.letter_copies import CopyKeeper
    from deliverydesk.gui.pages.navigator import ProjectNavigator
    from deliverydesk.gui.pages.recurring import RecurringPage
    from deliverydesk.gui.pages.search import SearchDialog
    from deliverydesk.gui.pages.workspace import ProjectWorkspace

STATE_KEY = "main_window"
FIRST_PAINT_LATEST_MS = 300  # a window not painted by then (hidden, minimised) reads Today's rows anyway
KEEP_COPIES_LATEST_MS = 5000  # the copy keeper waits for the first pages, but not longer than this
NAVIGATOR_MIN, NAVIGATOR_MAX = 300, 440  # the project list's first width: a third of the window, within these


def _fill(target: QMenu | QToolBar, *actions: QAction | None) -> None:
    """Add actions in order; None is a separator."""
    for action in actions:
        if action is None:
            target.addSeparator()
        else:
            target.addAction(action)


class WorkspaceFrame(QWidget):
    """The project workspace's place in the splitter, empty until the workspace is first needed. The
    window's helpers (File ▸ Import/Export, the capture flow) ask it for the open project: they hold
    the frame, not the window (no reference cycle)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceFrame")
        self.page: ProjectWorkspace | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def build(self, env: GuiEnv) -> ProjectWorkspace:
        if self.page is None:
            from deliverydesk.gui.pages.workspace import ProjectWorkspace

            self.page = ProjectWorkspace(env, self)
            layout = self.layout()
            if layout is not None:
                layout.addWidget(self.page)
        return self.page

    def project_id(self) -> str | None:
        return None if self.page is None else self.page.project_id

    def project_code(self) -> str | None:
        return None if self.page is None else self.page.project_code

    def refresh(self) -> None:
        if self.page is not None:
            self.page.refresh()


class MainWindow(QMainWindow):
    started = Signal()  # after the first paint (or FIRST_PAINT_LATEST_MS): Today's rows are being read
    settings_saved = Signal()
    restore_requested = Signal(object)  # the backup to restore: the window host closes and reopens

    def __init__(self, env: GuiEnv, db_location: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        if env.undo.parent() is None:  # owned on the Qt side, deleted on the GUI thread with the runner
            env.undo.setParent(env.tasks)
        self.db_location = db_location
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no desktop there
        self.setObjectName("mainWindow")
        QApplication.setPalette(readable_selection(QApplication.palette()))  # selections read at 4.5:1
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("DeliveryDesk"))
        self.home = HomePage(env, self)
        self._navigator: ProjectNavigator | None = None  # Projects' list: built when first needed
        self.workspace_frame = WorkspaceFrame(self)  # the workspace is built on first use
        self.splitter = QSplitter(self)  # the navigator goes first, when built
        self.splitter.setObjectName("projectsSplitter")
        self.splitter.addWidget(self.workspace_frame)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.splitter)
        self._recurring: RecurringPage | None = None  # across every project and client; on first use
        self.setCentralWidget(self.stack)
        self._capture_flow: CaptureFlow | None = None
        self._bundle_importer: BundleImporter | None = None
        self.search_dialog: SearchDialog | None = None  # made on first use, then kept (its query too)
        self.sync = SyncController(env, env.team_transport, self)  # the team server, in the background
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._connect()
        place_main_window(self, env.ui_state.restore_geometry(STATE_KEY, self))
        self._first_width = self.width()  # the list's first width is a share of this (_place_navigator)
        self.act_today.setChecked(True)
        self.stack.setCurrentWidget(self.home)  # Today's rows are read from its first show (showEvent)
        self.copy_keeper: CopyKeeper | None = None  # copies of letters issued before they were kept
        self._painted = self._started = self._today_asked = False
        QTimer.singleShot(FIRST_PAINT_LATEST_MS, self, self._after_first_paint)  # never painted: anyway

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._read_today()  # its worker reads while the window is laid out and painted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)  # once the paint has reached the screen

    @property
    def has_started(self) -> bool:
        """Today's first rows have been asked for (``started`` was emitted)."""
        return self._started

    @property
    def today_pending(self) -> bool:
        """Today's first rows were asked for and are not on screen yet (``home.rows_shown`` follows):
        what waits for the first pages waits for them."""
        return self._today_asked and not self.home.has_shown_rows

    def _read_today(self) -> None:
        """Today's rows, read once: from the first show (the worker loads the report's services and
        reads while the GUI thread lays the window out and paints it), or after the first paint."""
        if not self._today_asked and self.stack.currentWidget() is self.home:
            self._today_asked = True
            self.home.refresh()

    def _after_first_paint(self) -> None:
        """What the window shows after its frame: Today's rows (asked for when it was shown, or now),
        then, once the first pages have loaded, the copy keeper."""
        if self._started:
            return
        self._started = True
        self._read_today()
        self._keep_copies_when_idle()
        self.started.emit()

    # --- parts built on first use --------------------------------------------------------------
    @property
    def navigator(self) -> ProjectNavigator:
        """The project list (Projects' left side): built the first time Projects is shown or a
        project is looked for; Today does not show it (its module and widgets: ~25 ms of a start)."""
        if self._navigator is None:
            from deliverydesk.gui.pages.navigator import ProjectNavigator

            self._navigator = ProjectNavigator(self.env, self)
            self._navigator.project_selected.connect(self._project_selected)
            self._place_navigator(self._navigator)
        return self._navigator

    def _place_navigator(self, navigator: ProjectNavigator) -> None:
        splitter = self.splitter
        splitter.insertWidget(0, navigator)
        splitter.setStretchFactor(0, 0)  # the list keeps its width when the window or a page changes
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        if not self.env.ui_state.restore_splitter(STATE_KEY, splitter):
            width = self._first_width  # as the window was placed: the same list as when built with it
            list_width = min(max(int(width * 0.3), NAVIGATOR_MIN), NAVIGATOR_MAX)
            splitter.setSizes([list_width, max(width - list_width, 1)])

    def _refresh_navigator(self) -> None:
        """A list not built yet has nothing to refresh: it reads its rows when first shown."""
        if self._navigator is not None:
            self._navigator.refresh()

    @property
    def workspace(self) -> ProjectWorkspace:
        """The open project's pages (every area's page): built the first time Projects is shown or a
        project is opened."""
        frame = self.workspace_frame
        if frame.page is None:
            frame.build(self.env).records_changed.connect(self._records_changed)
        assert frame.page is not None
        return frame.page

    @property
    def project_id(self) -> str | None:
        """The open project, if any (without building the workspace)."""
        return self.workspace_frame.project_id()

    @property
    def recurring(self) -> RecurringPage:
        if self._recurring is None:
            from deliverydesk.gui.pages.recurring import RecurringPage

            self._recurring = RecurringPage(self.env, self)
            self._recurring.record_opened.connect(self.open_record)
            self.stack.addWidget(self._recurring)
        return self._recurring

    @property
    def capture_flow(self) -> CaptureFlow:
        if self._capture_flow is None:
            from deliverydesk.gui.dialogs.records.capture import CaptureFlow

            self._capture_flow = CaptureFlow(self.env, self, self.workspace_frame.refresh)
            self._capture_flow.request_saved.connect(self._request_captured)
        return self._capture_flow

    @property
    def bundle_importer(self) -> BundleImporter:
        if self._bundle_importer is None:
            from deliverydesk.gui.bundle_import import BundleImporter

            self._bundle_importer = BundleImporter(self.env, self)
            self._bundle_importer.imported.connect(self._bundle_imported)
        return self._bundle_importer

    def _keep_copies_when_idle(self) -> None:
        """Start the copy keeper once the first pages have loaded (Today's rows are on screen and the
        task runner is idle: its module and its query would otherwise come before Today's rows), at the
        latest after KEEP_COPIES_LATEST_MS."""
        self.env.tasks.busy_changed.connect(self._keep_copies_if_idle)
        self.home.rows_shown.connect(self._keep_copies_if_idle)
        QTimer.singleShot(KEEP_COPIES_LATEST_MS, self, lambda: self._keep_copies_now(latest=True))
        self._keep_copies_if_idle()

    def _keep_copies_if_idle(self, busy: bool = False) -> None:
        # Looked at one event-loop pass later: the runner says it is idle just before it hands the
        # last result (Today's rows) to its page, and the keeper's modules would come first.
        if not busy and self.copy_keeper is None:
            QTimer.singleShot(0, self, self._keep_copies_now)

    def _keep_copies_now(self, latest: bool = False) -> None:
        waiting = self.env.tasks.is_busy or self.today_pending
        if self.copy_keeper is not None or (waiting and not latest):
            return
        self.env.tasks.busy_changed.disconnect(self._keep_copies_if_idle)
        self.home.rows_shown.disconnect(self._keep_copies_if_idle)
        self._keep_copies()

    def _keep_copies(self) -> None:
        from deliverydesk.gui.letter_copies import CopyKeeper

        self.copy_keeper = CopyKeeper(self.env, self)

    # --- actions -------------------------------------------------------------------------------
    def _action(
        self,
        icon_name: str | None,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_today = self._action("today", self.tr("&Today"), self.show_home, "Ctrl+1")
        self.act_projects = self._action("projects", self.tr("&Projects"), self.show_projects, "Ctrl+2")
        group = QActionGroup(self)
        self.act_recurring = self._action(
            "warning", self.tr("Rec&urring problems"), self.show_recurring, "Ctrl+3"
        )
        self.act_categories = self._action(None, self.tr("C&ategories…"), self.open_categories)
        for action in (self.act_today, self.act_projects, self.act_recurring):
            action.setCheckable(True)
            group.addAction(action)
        self.act_new = self._action("new", self.tr("&New project…"), self.new_project, keys.New)
        self.act_find = self._action("search", self.tr("&Find project"), self.find_project, keys.Find)
        self.act_search = self._action(
            "search", self.tr("Search &records…"), self.search_records, "Ctrl+Shift+F"
        )
        self.act_close = self._action("close", self.tr("&Close project"), self.close_project, keys.Close)
        self.act_refresh = self._action("refresh", self.tr("&Refresh"), self.refresh, keys.Refresh)
        self.act_documents = self._action(
            "letter", self.tr("&Documents and export…"), self.show_documents, "Ctrl+E"
        )
        self.act_settings = self._action("settings", self.tr("&Settings…"), self.open_settings)
        self.act_backups = self._action("backup", self.tr("&Backups…"), self.open_backups)
        self.act_backups.setToolTip(self.tr("List, take and restore the database's backups"))
        preferences = QKeySequence.keyBindings(keys.Preferences) or [QKeySequence("Ctrl+,")]
        self.act_settings.setShortcuts(preferences)
        self.act_quit = self._action(None, self.tr("&Quit"), self.close, keys.Quit)
        if not QKeySequence.keyBindings(keys.Quit):
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_data_folder = self._action("folder", self.tr("Open the &data folder"), self.open_data_folder)
        self.act_log = self._action("log", self.tr("Open the &log file"), self.open_log)
        self.act_about = self._action("about", self.tr("&About DeliveryDesk"), self.show_about)
        self.act_capture = self._action(
            "change", self.tr("&Capture an extra ask…"), self.capture_ask, "Ctrl+Shift+A"
        )
        self.act_undo = self._action("undo", self.tr("&Undo"), self.undo, keys.Undo)
        self.act_redo = self._action("redo", self.tr("&Redo"), self.redo, keys.Redo)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_log_entry = self._action("log", self.tr("&Log an entry"), self.log_entry, "Ctrl+L")
        self.act_log_entry.setToolTip(self.tr("Go to the project's log, ready to type what happened"))
        self.act_import_bundle = self._action(None, self.tr("Project &bundle…"), self.import_bundle)
        self.act_import_bundle.setEnabled(not self.env.readonly)
        frame = self.workspace_frame  # the accessors hold the frame, not the window (no cycle)
        self.interchange = InterchangeMenus(self.env, frame.project_id, frame.project_code, self)
        self.act_sync = self._action("refresh", self.tr("&Sync now"), self.sync.sync_now, "F9")
        self.act_conflicts = self._action("warning", self.tr("Sync &conflicts…"), self.open_conflicts)
        self.act_approvals = self._action(None, self.tr("&Approval inbox…"), self.open_approvals)
        self.act_team_server = self._action(None, self.tr("&Team server…"), self.open_team_server)
        self.act_sync.setEnabled(False)
        self.act_new.setEnabled(not self.env.readonly)
        self.act_capture.setEnabled(not self.env.readonly)
        self.act_log_entry.setEnabled(not self.env.readonly)

    def _make_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        _fill(file_menu, self.act_new, self.act_close, None, self.act_documents, None)
        self.interchange.fill(file_menu)  # Import ▸ and Export ▸ (Microsoft Project, spreadsheets, calendars)
        imports = file_menu.findChild(QMenu, "importMenu")
        if imports is not None:
            if imports.actions():
                imports.insertAction(imports.actions()[0], self.act_import_bundle)
            else:
                imports.addAction(self.act_import_bundle)
        _fill(file_menu, None, self.act_backups, self.act_settings, None, self.act_quit)
        _fill(
            menus.addMenu(self.tr("&Edit")),
            self.act_undo,
            self.act_redo,
            None,
            self.act_find,
            self.act_search,
            None,
            self.act_log_entry,
            self.act_capture,
            None,
            self.act_categories,
        )
        view = menus.addMenu(self.tr("&View"))
        _fill(view, self.act_today, self.act_projects, self.act_recurring, None, self.act_refresh)
        _fill(
            menus.addMenu(self.tr("T&eam")),
            self.act_sync,
            self.act_conflicts,
            self.act_approvals,
            None,
            self.act_team_server,
        )
        _fill(menus.addMenu(self.tr("&Help")), self.act_data_folder, self.act_log, None, self.act_about)

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        _fill(
            bar,
            self.act_today,
            self.act_projects,
            self.act_recurring,
            self.act_search,
            None,
            self.act_new,
            None,
            self.act_settings,
        )
        self.addToolBar(bar)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.busy_label = QLabel(self.tr("Working…"), self)
        self.busy_label.hide()
        status.addPermanentWidget(self.busy_label)
        self.long_tasks = LongTaskPanel(self.env.tasks, self)  # exports, imports, backups: with Cancel
        status.addPermanentWidget(self.long_tasks)
        self.sync_status = SyncStatusButton(self.sync, self)
        self.sync_status.act_conflicts.triggered.connect(self.open_conflicts)
        status.addPermanentWidget(self.sync_status)
        if self.env.readonly:
            readonly = QLabel(self.tr("Read-only: changes cannot be saved"), self)
            readonly.setObjectName("readonlyBadge")
            readonly.setStyleSheet("color: #b4591b; font-weight: bold;")
            status.addPermanentWidget(readonly)

    def _connect(self) -> None:
        self.env.tasks.busy_changed.connect(self.busy_label.setVisible)
        self.home.record_opened.connect(self.open_record)
        self.home.people_opened.connect(self.open_people)
        self.settings_saved.connect(self._settings_changed)

        self.home.new_project_wanted.connect(self.new_project)
        self.home.import_wanted.connect(self.import_bundle)
        self.home.demo_wanted.connect(self.add_demo)
        self.sync.synced.connect(self._synced)
        self.sync.status_changed.connect(lambda status: self.act_sync.setEnabled(status.joined))
        self.sync.status_changed.connect(self.home.show_team_status)
        self.home.team.approvals_requested.connect(self.open_approvals)
        self.sync.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.interchange.imported.connect(self.refresh)
        self.interchange.project_wanted.connect(self.find_project)
        self.env.undo.changed.connect(self._show_undo_state)
        self.env.undo.applied.connect(self._undo_applied)
        self.env.undo.refused.connect(self._show_refusal)
        self._show_undo_state()

    # --- navigation ----------------------------------------------------------------------------
    def show_home(self) -> None:
        self.act_today.setChecked(True)
        self.stack.setCurrentWidget(self.home)
        self.home.refresh()

    def show_projects(self) -> None:
        self.act_projects.setChecked(True)
        self.workspace  # noqa: B018  (built now: the right side of Projects)
        first_time = self.navigator.model.rowCount() == 0
        self.stack.setCurrentWidget(self.splitter)
        if first_time:
            self.navigator.refresh()

    def show_recurring(self) -> None:
        """Categories met at several clients, across every project (loaded each time it is shown)."""
        self.act_recurring.setChecked(True)
        self.stack.setCurrentWidget(self.recurring)
        self.recurring.refresh()

    def open_categories(self) -> None:
        from deliverydesk.gui.dialogs.categories import CategoriesDialog

        dialog = CategoriesDialog(self.env, self)
        dialog.open()
        self.last_dialog: object = dialog  # the dialog (or its opener) the user last opened

    def open_record(self, project_id: str, area: str, record_id: str) -> None:
        """Open a project's record (from Home): switch to Projects, select it, show the area."""
        self.show_projects()
        self.navigator.select_project(project_id)
        if self.workspace.project_id != project_id:
            self.workspace.set_project(project_id)
        self.workspace.open_record(area, record_id)

    def show_documents(self) -> None:
        """The open project's Documents page (preview, issue, export, print); else pick a project."""
        project_id = self.project_id
        if project_id is None:
            self.find_project()
            return
        self.open_record(project_id, AREA_DOCUMENTS, "")
        self.workspace.focus_page()

    def find_project(self) -> None:
        self.show_projects()
        self.navigator.focus_filter()

    def search_records(self) -> None:
        """Search the log, change requests, expectations and issues (the open project, or all)."""
        if self.search_dialog is None:
            from deliverydesk.gui.pages.search import SearchDialog

            self.search_dialog = SearchDialog(self.env, self)
            self.search_dialog.record_opened.connect(self.open_record)
        self.search_dialog.set_project(self.project_id)
        self.search_dialog.start()

    def close_project(self) -> None:
        if self.workspace_frame.page is not None:
            self.workspace_frame.page.set_project(None)

    def _project_selected(self, project_id: str) -> None:
        self.workspace.set_project(project_id)

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.home:
            self.home.refresh()
        elif self._recurring is not None and self.stack.currentWidget() is self._recurring:
            self._recurring.refresh()
        else:
            self._refresh_navigator()
            self.workspace_frame.refresh()

    def _settings_changed(self) -> None:
        if self.stack.currentWidget() is self.home:  # e.g. someone's authority limits: on Home
            self.home.refresh()

    def _records_changed(self) -> None:
        self._refresh_navigator()

    # --- the team server -----------------------------------------------------------------------
    def start_sync(self) -> None:
        """Sync once now (when this computer has joined a team server), then every few minutes."""
        self.sync.start()

    def _synced(self, report: object) -> None:
        notices = list(getattr(report, "notices", []))
        if notices:
            self.statusBar().showMessage(shown(notices[-1]), 15_000)
        if getattr(report, "pulled", 0) or getattr(report, "conflicts", 0):
            self.refresh()
            self._refresh_navigator()

    def open_conflicts(self) -> None:
        from deliverydesk.gui.team.conflicts import SyncConflictsDialog

        dialog = SyncConflictsDialog(self.env, self, self.env.team_transport)
        dialog.resolved.connect(self.sync.sync_now)
        dialog.resolved.connect(self.refresh)
        self.last_dialog = dialog
        dialog.open()

    def open_approvals(self) -> None:
        from deliverydesk.gui.team.approvals import ApprovalInboxDialog

        dialog = ApprovalInboxDialog(self.env, self)
        dialog.decided.connect(self.sync.sync_now)
        dialog.decided.connect(self.refresh)
        self.last_dialog = dialog
        dialog.open()

    def open_team_server(self) -> None:
        """Settings ▸ Team server (address, token, Test connection, the roster from the server)."""
        from deliverydesk.gui.dialogs.settings import TEAM_TAB
        from deliverydesk.gui.window_dialogs import open_settings_dialog

        self.last_dialog = open_settings_dialog(self.env, self, self.settings_saved.emit, TEAM_TAB)

    def team_joined(self) -> None:
        self.sync.start()

    # --- dialogs and help ----------------------------------------------------------------------
    def new_project(self) -> None:
        from deliverydesk.gui.window_dialogs import open_new_project_dialog

        self.last_dialog = open_new_project_dialog(self.env, self, self._new_project_saved)

    def _new_project_saved(self, project: ProjectItem) -> None:
        self.env.undo.record(created_step(project))
        self._project_created(project.id)

    # --- undo ----------------------------------------------------------------------------------
    def undo(self) -> None:
        self.env.undo.undo(self.env.ctx, self.env.tasks, self)

    def redo(self) -> None:
        self.env.undo.redo(self.env.ctx, self.env.tasks)

    def _show_undo_state(self) -> None:
        """The Edit menu names what Undo and Redo would do ("Undo Archive S-3 Line 3 scanners")."""
        history, writable = self.env.undo, not self.env.readonly
        undo_text, redo_text = history.undo_text(), history.redo_text()
        self.act_undo.setText(self.tr("&Undo %1").replace("%1", undo_text) if undo_text else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo %1").replace("%1", redo_text) if redo_text else self.tr("&Redo"))
        self.act_undo.setEnabled(writable and history.can_undo())
        self.act_redo.setEnabled(writable and history.can_redo())
        self.act_undo.setToolTip(self.act_undo.text().replace("&", ""))
        self.act_redo.setToolTip(self.act_redo.text().replace("&", ""))

    def _undo_applied(self, step: object, undone: bool) -> None:
        text = getattr(step, "text", "")
        message = self.tr("Undone: %1") if undone else self.tr("Redone: %1")
        self.statusBar().showMessage(message.replace("%1", text), 8000)
        self.workspace_frame.refresh()
        self._refresh_navigator()
        if self.stack.currentWidget() is self.home:
            self.home.refresh()

    def _request_captured(self, project_id: str, request_id: str, text: str) -> None:
        """A captured ask: open the new change request, with a short confirmation."""
        self.open_record(project_id, AREA_CHANGE_REQUESTS, request_id)
        self.statusBar().showMessage(text, 10000)

    def import_bundle(self) -> None:
        self.bundle_importer.start()

    def _bundle_imported(self, project_code: str, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        self.show_projects()
        self.navigator.filter_edit.setText(project_code)
        self.refresh()

    def add_demo(self) -> None:
        """First run: the demo projects in this (empty) database, to look around in."""
        from deliverydesk.services.demo.build import create_demo

        ctx = self.env.ctx

        def done(_result: object) -> None:
            self.statusBar().showMessage(self.tr("The demo projects were added."), 10000)
            self.home.refresh()
            self._refresh_navigator()

        self.env.tasks.submit_long(
            lambda _progress: create_demo(ctx),
            done,
            self._show_refusal,  # the same plain-words box
            title=self.tr("Adding the demo projects"),
            cancellable=False,
            owner=self,
        )

    def _show_refusal(self, error: DeliveryDeskError) -> None:
        self.last_dialog = show_error(self, error)

    def _project_created(self, project_id: str) -> None:
        self.show_projects()
        self.navigator.select_project(project_id)
        self.navigator.refresh()
        self.workspace.set_project(project_id)

    def capture_ask(self) -> None:
        """Capture an extra ask on the open project (else pick one first), then check and triage it."""
        project_id = self.project_id
        if project_id is None:
            self.find_project()
            return
        self.capture_flow.start(project_id)

    def log_entry(self) -> None:
        """Ctrl+L: the open project's Log with the quick-add line focused (else pick a project first)."""
        project_id = self.project_id
        if project_id is None:
            self.find_project()
            return
        self.open_record(project_id, AREA_LOG, "")
        page = self.workspace.page_for(AREA_LOG)
        if page is not None and hasattr(page, "focus_quick_add"):
            page.focus_quick_add()

    def open_settings(self) -> None:
        from deliverydesk.gui.window_dialogs import open_settings_dialog

        self.last_dialog = open_settings_dialog(self.env, self, self.settings_saved.emit)

    def open_people(self, person_id: str = "") -> None:
        """Settings ▸ People with the person selected (from Home: they set their own authority limits)."""
        from deliverydesk.gui.dialogs.settings import PEOPLE_TAB
        from deliverydesk.gui.window_dialogs import open_settings_dialog

        self.last_dialog = open_settings_dialog(
            self.env, self, self.settings_saved.emit, PEOPLE_TAB, select=person_id
        )

    def open_backups(self) -> None:
        """File ▸ Backups…: list, take, restore (the host restores: the database must be closed)."""
        from deliverydesk.gui.dialogs.backups import BackupsDialog
        from deliverydesk.services.storage import Workspace

        url = self.env.ctx.db.url
        workspace = Workspace(ctx=self.env.ctx, paths=self.env.paths, db_url=url, readonly=self.env.readonly)
        dialog = BackupsDialog(self.env, workspace, self)
        dialog.restore_wanted.connect(self.restore_requested.emit)
        self.last_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        from deliverydesk.gui.window_dialogs import about_box

        box = about_box(self, self.env, self.db_location)
        box.open()
        self.last_dialog = box

    def open_data_folder(self) -> bool:
        return self.open_url(QUrl.fromLocalFile(str(self.env.paths.root)))

    def open_log(self) -> bool:
        return self.open_url(QUrl.fromLocalFile(str(self.env.paths.log_file)))

    # --- state ---------------------------------------------------------------------------------
    def save_state(self) -> None:
        self.env.ui_state.save_geometry(STATE_KEY, self)
        if self._navigator is not None:  # else what was saved stays (Projects not shown this time)
            self.env.ui_state.save_splitter(STATE_KEY, self.splitter)
            self._navigator.save_state()
        self.env.ui_state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.save_state()
        self.env.tasks.shutdown()
        super().closeEvent(event)
