"""History… on the Overview: the project, its client and the selected contact, each with its changes."""

from __future__ import annotations

from deliverydesk.domain.drafts import ClientDraft, ContactDraft, ProjectDraft, draft_from
from deliverydesk.gui.dialogs.history import AFTER, BEFORE, HistoryDialog
from deliverydesk.gui.pages.base import AREA_OVERVIEW
from deliverydesk.gui.pages.project.overview import OverviewPage
from deliverydesk.services.records import clients, projects
from tests.gui.project.conftest import Workbench


def _values(dialog: HistoryDialog) -> set[object]:
    model = dialog.model
    return {model.index(r, c).data() for r in range(model.rowCount()) for c in (BEFORE, AFTER)}


def _overview(bench: Workbench) -> OverviewPage:
    """The Overview, reloaded (it was shown, and loaded, when the bench opened the project)."""
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    page.refresh()
    bench.idle()
    return page


def test_the_project_and_client_histories_show_their_edits(bench: Workbench) -> None:
    ctx = bench.env.ctx
    project = projects.get_project(ctx, bench.project_id)
    projects.update_project(ctx, draft_from(ProjectDraft, project, delivery_lead="王工 & Co"))
    client = clients.get_client(ctx, project.client_id)
    clients.update_client(ctx, draft_from(ClientDraft, client, industry="食品加工"))
    page = _overview(bench)
    history = page.history
    assert history.button.isEnabled()

    history.act_project.trigger()
    bench.idle()
    assert history.dialog is not None and "王工 & Co" in _values(history.dialog)
    history.dialog.close()
    history.update_menu()
    assert history.act_client.text() == "Of the client: Acme Foods"
    history.act_client.trigger()
    bench.idle()
    assert "食品加工" in _values(history.dialog)


def test_the_contact_entry_needs_a_selected_contact(bench: Workbench) -> None:
    ctx = bench.env.ctx
    client_id = projects.get_project(ctx, bench.project_id).client_id
    made = clients.create_contact(ctx, ContactDraft(client_id=client_id, name="李娜 & 张浩"))
    clients.update_contact(ctx, draft_from(ContactDraft, made, phone="138 0000 0000"))
    page = _overview(bench)
    history = page.history
    page.contacts.view.clearSelection()
    history.update_menu()
    assert not history.act_contact.isEnabled()
    page.contacts.select_record(made.id)
    history.update_menu()
    assert history.act_contact.isEnabled()
    assert history.act_contact.text() == "Of the contact: 李娜 && 张浩"  # shown as "李娜 & 张浩"
    history.act_contact.trigger()
    bench.idle()
    dialog = page.contacts.history_dialog
    assert dialog.isVisible() and "138 0000 0000" in _values(dialog)
