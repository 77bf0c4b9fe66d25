"""New project and Edit project show the same fields; a new project's document language and holiday
calendar come from its client (a German client gets English letters and German holidays), until the
engineer chooses."""

from __future__ import annotations

from deliverydesk.domain.drafts import ClientDraft, ContactDraft
from deliverydesk.domain.enums import Language
from deliverydesk.gui.dialogs.new_project import NewProjectDialog
from deliverydesk.gui.dialogs.project_form import ProjectDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.records.clients import create_client, create_contact, get_client
from deliverydesk.services.records.projects import get_project


def _new(qtbot, env: GuiEnv) -> NewProjectDialog:
    clients = [
        create_client(env.ctx, ClientDraft(name="Nordwerk Maschinenbau GmbH", country="DE")),
        create_client(env.ctx, ClientDraft(name="华东精密制造有限公司", country="CN")),
    ]
    reader = create_contact(
        env.ctx, ContactDraft(client_id=clients[1].id, name="Li Na", can_sign=True, language=Language.EN)
    )
    assert reader.language is Language.EN
    clients = [get_client(env.ctx, c.id) for c in clients]
    dialog = NewProjectDialog(env, clients, env.ctx.today(), Language.ZH_CN, holiday_calendar="CN")
    qtbot.addWidget(dialog)
    return dialog


def test_a_german_clients_project_defaults_to_english_and_german_holidays(qtbot, env: GuiEnv) -> None:
    dialog = _new(qtbot, env)
    dialog.client.setCurrentText("Nordwerk Maschinenbau GmbH")
    assert dialog.language.currentData() is Language.EN, "not the engineer's Chinese default"
    assert dialog.holiday_calendar.code() == "DE"
    assert not dialog.country.isEnabled() and dialog.country.code() == "DE"


def test_a_contact_who_signs_decides_the_language(qtbot, env: GuiEnv) -> None:
    dialog = _new(qtbot, env)
    dialog.client.setCurrentText("华东精密制造有限公司")
    assert dialog.language.currentData() is Language.EN  # Li Na signs and reads English
    assert dialog.holiday_calendar.code() == "CN"


def test_a_new_clients_country_sets_the_defaults_until_the_engineer_chooses(qtbot, env: GuiEnv) -> None:
    dialog = _new(qtbot, env)
    dialog.client.setCurrentText("Pacific Foods Ltd.")
    assert dialog.country.isEnabled()
    dialog.country.set_code("SG")
    assert (dialog.language.currentData(), dialog.holiday_calendar.code()) == (Language.EN, "SG")
    dialog.language.set_value(Language.ZH_CN)
    dialog.language.activated.emit(dialog.language.currentIndex())  # what a pick by the user sends
    dialog.country.set_code("CN")
    assert dialog.language.currentData() is Language.ZH_CN, "a choice is never overwritten"
    dialog.code.setText("DD-2026-200")
    dialog.name.setText("Cold store")
    dialog.accept()
    project = dialog.result_value
    assert project is not None, dialog.message_bar.text()
    assert (project.language, project.holiday_calendar) == (Language.ZH_CN, "CN")
    assert get_client(env.ctx, project.client_id).country == "CN"


def test_new_and_edit_show_the_same_fields(qtbot, env: GuiEnv) -> None:
    new = _new(qtbot, env)
    new.client.setCurrentText("Nordwerk Maschinenbau GmbH")
    new.code.setText("DD-2026-201")
    new.name.setText("Press line")
    new.accept()
    project = get_project(env.ctx, new.result_value.id)
    edit = ProjectDialog(env, project, None, get_client(env.ctx, project.client_id))
    qtbot.addWidget(edit)
    assert list(new._fields) == list(edit._fields), "the same fields, in the same order"
    assert edit.holiday_calendar.code() == "DE" and edit.country.code() == "DE"
    edit.show()
    assert not edit.has_unsaved_changes(), "opening is not a change"
    edit.name.setText("Press line 2")
    assert edit.has_unsaved_changes()
