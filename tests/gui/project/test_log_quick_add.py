"""Logging takes seconds: Ctrl+L from anywhere in the project lands on the quick-add line, the kind
last used is the default (quick add and the dialog), and participants are picked from the client's
contacts or typed freely."""

from __future__ import annotations

from PySide6.QtCore import Qt

from deliverydesk.domain.drafts import ContactDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.gui.dialogs.records.log_entry import LogEntryDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_LOG, AREA_MILESTONES
from deliverydesk.gui.pages.project.log import LogPage
from deliverydesk.services.records.clients import create_contact
from deliverydesk.services.records.projects import get_project
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import Workbench, create_project_through_dialog, type_text


def _log_page(bench: Workbench) -> LogPage:
    page = bench.page(AREA_LOG)
    assert isinstance(page, LogPage)
    return page


def test_ctrl_l_goes_to_the_quick_add_line_from_another_page(qtbot, env: GuiEnv) -> None:
    project_id = create_project_through_dialog(qtbot, env)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    window.show_projects()
    window.workspace.set_project(project_id)
    window.workspace.open_record(AREA_MILESTONES, "")
    wait_idle(qtbot, env.tasks)
    assert window.act_log_entry.shortcut().toString() == "Ctrl+L"
    window.act_log_entry.trigger()
    wait_idle(qtbot, env.tasks)
    page = window.workspace.page_for(AREA_LOG)
    assert isinstance(page, LogPage) and window.workspace.current_page() is page
    assert page.quick_text.hasFocus()


def test_the_kind_last_used_is_the_next_default(bench: Workbench) -> None:
    page = _log_page(bench)
    page.quick_kind.set_value(LogKind.CALL)
    type_text(page.quick_text, "Called about the delivery date")
    bench.qtbot.keyClick(page.quick_text, Qt.Key.Key_Return)
    bench.idle()
    assert page.panel.model.row_item(0).kind is LogKind.CALL
    page.edit_entry(None)
    dialog = page.dialog
    assert isinstance(dialog, LogEntryDialog) and dialog.kind.currentData() is LogKind.CALL
    dialog.kind.set_value(LogKind.EMAIL)
    bench.qtbot.keyClicks(dialog.summary, "Sent the minutes")
    dialog.accept()
    bench.idle()
    fresh = LogPage(bench.env)  # a page built later (the next start) opens with the same kind
    bench.qtbot.addWidget(fresh)
    assert fresh.quick_kind.currentData() is LogKind.EMAIL


def test_participants_come_from_the_contacts_and_free_names(bench: Workbench) -> None:
    client_id = get_project(bench.env.ctx, bench.project_id).client_id
    for name in ("王建国", "Li Na"):
        create_contact(bench.env.ctx, ContactDraft(client_id=client_id, name=name))
    page = _log_page(bench)
    page.refresh()
    bench.idle()
    people = page.quick_people
    assert [a.text() for a in people.pick.menu().actions()] == ["Li Na", "王建国"]
    type_text(people.edit, "张工")
    next(a for a in people.pick.menu().actions() if a.text() == "王建国").trigger()
    assert people.text() == "张工, 王建国"
    next(a for a in people.pick.menu().actions() if a.text() == "王建国").trigger()  # picked again: removed
    assert people.names() == ["张工"]
    type_text(page.quick_text, "现场确认")
    bench.qtbot.keyClick(page.quick_text, Qt.Key.Key_Return)
    bench.idle()
    assert page.panel.model.row_item(0).participants == "张工"
    assert people.text() == "" and page.quick_text.text() == ""


def test_tab_goes_kind_who_text_then_into_the_log(bench: Workbench) -> None:
    """The quick-add row in the order it shows, then the log's own list: Tab from the text left the
    page (to the project filter) after passing the names field a second time."""
    from PySide6.QtWidgets import QWidget

    page = _log_page(bench)
    people = page.quick_people

    def tab_stop(widget: QWidget) -> bool:
        return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)

    chain: list[QWidget] = [page.quick_kind]
    while len(chain) < 60 and not (page.panel.isAncestorOf(chain[-1]) and tab_stop(chain[-1])):
        chain.append(chain[-1].nextInFocusChain())
    tabbed = [w for w in chain if tab_stop(w)]
    assert tabbed[:4] == [page.quick_kind, people.edit, people.pick, page.quick_text]
    assert page.panel.isAncestorOf(tabbed[4]), "the next Tab stop is the log's own panel"
