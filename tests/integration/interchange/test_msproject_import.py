"""Microsoft Project XML in: hand-written plans in the shapes MS Project, GanttProject and ProjectLibre
save; re-import updates by task UID; moved dates are recorded; the audit names the file; hostile XML
is refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from deliverydesk.domain.enums import MilestoneStatus, ScopeStatus
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import ImportFileError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.changes import Action, Kind
from deliverydesk.services.interchange.msproject import (
    PlanChoices,
    import_plan,
    preview_plan_import,
    read_plan,
)
from deliverydesk.services.records.history import record_history
from deliverydesk.services.records.milestones import list_milestone_changes, list_milestones
from deliverydesk.services.records.scope import list_scope_items
from deliverydesk.store.tables import LetterRow, NonWorkingDayRow
from tests.integration.interchange.conftest import DATA, Project, data_file

ERP_TASK = 5  # "ERP interface (work orders, material issue)" in msproject_plan.xml


def _import(ctx: ServiceContext, project: Project, path: Path, *uids: int):  # type: ignore[no-untyped-def]
    return import_plan(ctx, project.id, read_plan(path), PlanChoices(frozenset(uids)))


def _milestones(
    ctx: ServiceContext, project: Project
) -> dict[str, tuple[date, date | None, date | None, str]]:
    return {
        m.name: (m.baseline_date, m.forecast_date, m.actual_date, m.status.value)
        for m in list_milestones(ctx, project.id).rows
    }


def _days(ctx: ServiceContext, project_id: str) -> dict[date, str]:
    with ctx.db.unit_of_work() as session:
        rows = session.scalars(select(NonWorkingDayRow).where(NonWorkingDayRow.project_id == project_id))
        return {row.day: row.name for row in rows}


def test_a_microsoft_project_plan_becomes_milestones_scope_items_and_non_working_days(
    ctx: ServiceContext, project: Project
) -> None:
    outcome = _import(ctx, project, DATA / "msproject_plan.xml", ERP_TASK)

    assert _milestones(ctx, project) == {
        # baseline from the plan's baseline, forecast from its finish, actual from its actual finish
        "Design signed off": (date(2026, 3, 6), date(2026, 3, 13), date(2026, 3, 12), "done"),
        "Pilot line live": (date(2026, 5, 8), date(2026, 5, 15), None, "planned"),
        "Go-live and handover": (date(2026, 6, 30), None, None, "planned"),  # no baseline: on its date
    }
    [erp] = list_scope_items(ctx, project.id).rows
    assert (erp.title, erp.effort_hours, erp.status) == (
        "ERP interface (work orders, material issue)",
        320.5,
        ScopeStatus.IN_PROGRESS,
    )
    by_key = {line.key: line for line in outcome.lines}
    assert (by_key["1"].kind, by_key["1"].action) == (Kind.SUMMARY, Action.SKIPPED)  # summary task
    assert (by_key["2"].kind, by_key["2"].action, by_key["2"].choosable) == (Kind.TASK, Action.SKIPPED, True)
    assert "0" not in by_key and "7" not in by_key  # the project summary task, a blank row
    # the plant shutdown (3 days) and the audit Fridays (every 4 weeks, twice); Labour Day is a CN
    # public holiday already, the resource calendar's leave is not the project's
    assert _days(ctx, project.id) == {
        date(2026, 4, 20): "Plant shutdown (annual maintenance)",
        date(2026, 4, 21): "Plant shutdown (annual maintenance)",
        date(2026, 4, 22): "Plant shutdown (annual maintenance)",
        date(2026, 5, 29): "Client audit Friday",
        date(2026, 6, 26): "Client audit Friday",
    }
    assert by_key["2026-05-01"].action is Action.SKIPPED
    assert tuple(map(str, outcome.notes)) == (
        "The working-day exception “Make-up working Saturday” was not imported.",
    )
    assert (outcome.counts.new, outcome.counts.errors) == (9, 0)


def test_the_plan_s_non_working_days_count_in_slip(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    # the pilot moves from Friday 04-17 to Friday 04-24: 5 working days, less the 3-day plant shutdown
    plan = data_file(
        tmp_path,
        "msproject_plan.xml",
        replace=(
            (
                "<Start>2026-05-15T17:00:00</Start><Finish>2026-05-15T17:00:00</Finish>",
                "<Start>2026-04-24T17:00:00</Start><Finish>2026-04-24T17:00:00</Finish>",
            ),
            (
                "<Start>2026-05-08T17:00:00</Start><Finish>2026-05-08T17:00:00</Finish>",
                "<Start>2026-04-17T17:00:00</Start><Finish>2026-04-17T17:00:00</Finish>",
            ),
        ),
    )
    _import(ctx, project, plan)
    pilot = next(m for m in list_milestones(ctx, project.id).rows if m.name == "Pilot line live")
    assert (pilot.baseline_date, pilot.forecast_date, pilot.slip_days) == (
        date(2026, 4, 17),
        date(2026, 4, 24),
        2,
    )


def test_a_preview_writes_nothing(ctx: ServiceContext, project: Project) -> None:
    plan = read_plan(DATA / "msproject_plan.xml")
    preview = preview_plan_import(ctx, project.id, plan, PlanChoices(all_tasks_as_scope=True))
    assert preview.counts.new == 10 and not list_milestones(ctx, project.id).rows
    assert not list_scope_items(ctx, project.id).rows and not _days(ctx, project.id)


def test_importing_again_updates_by_task_uid_and_records_moved_dates(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    _import(ctx, project, DATA / "msproject_plan.xml", ERP_TASK)
    again = _import(ctx, project, DATA / "msproject_plan.xml", ERP_TASK)
    assert {line.action for line in again.lines if line.kind is Kind.MILESTONE} == {Action.UNCHANGED}
    assert len(list_milestones(ctx, project.id).rows) == 3

    moved = data_file(
        tmp_path,
        "msproject_plan.xml",
        rename="plan v2.xml",
        replace=(
            (
                "<Start>2026-05-15T17:00:00</Start><Finish>2026-05-15T17:00:00</Finish>",
                "<Start>2026-05-22T17:00:00</Start><Finish>2026-05-22T17:00:00</Finish>",
            ),
            ("<Name>Pilot line live</Name>", "<Name>Pilot line 1 live</Name>"),
            ("<Work>PT320H30M0S</Work>", "<Work>PT360H0M0S</Work>"),
        ),
    )
    outcome = _import(ctx, project, moved, ERP_TASK)

    milestones = {m.name: m for m in list_milestones(ctx, project.id).rows}
    assert len(milestones) == 3 and milestones["Pilot line 1 live"].forecast_date == date(2026, 5, 22)
    [history] = list_milestone_changes(ctx, milestones["Pilot line 1 live"].id)
    assert (history.field, history.old_date, history.new_date, history.reason) == (
        "forecast",
        date(2026, 5, 15),
        date(2026, 5, 22),
        "imported from plan v2.xml",
    )
    pilot_line = next(line for line in outcome.lines if line.key == "6")
    assert pilot_line.action is Action.UPDATE and pilot_line.ref == milestones["Pilot line 1 live"].ref
    assert "forecast: 2026-05-15 → 2026-05-22" in map(str, pilot_line.changes)
    [erp] = list_scope_items(ctx, project.id).rows
    assert erp.effort_hours == 360.0


def test_an_import_is_one_audited_event_naming_the_file_and_its_sha256(
    ctx: ServiceContext, project: Project
) -> None:
    _import(ctx, project, DATA / "msproject_plan.xml")
    history = record_history(ctx, project.id)
    [imported] = [event for event in history.events if event.action == "import"]
    changes = {change.field: change.after for change in imported.changes}
    assert changes["file"] == "msproject_plan.xml"
    assert changes["sha256"] == sha256_hex((DATA / "msproject_plan.xml").read_bytes())
    assert (changes["format"], changes["new"]) == ("Microsoft Project XML", 8)
    milestone = list_milestones(ctx, project.id).rows[0]
    [created] = record_history(ctx, milestone.id).events
    assert created.actor.endswith("(import of msproject_plan.xml)")


def test_an_import_never_touches_an_issued_letter(other_ctx: ServiceContext) -> None:
    from tests.integration.bundle.conftest import add_sample_project

    sample = add_sample_project(other_ctx)

    def letters() -> list[tuple[object, ...]]:
        with other_ctx.db.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(select(LetterRow.__table__))]

    before = letters()
    assert before and any(row[LetterRow.__table__.c.keys().index("status")] == "signed" for row in before)
    import_plan(
        other_ctx,
        sample.project_id,
        read_plan(DATA / "msproject_plan.xml"),
        PlanChoices(all_tasks_as_scope=True),
    )
    assert letters() == before


def test_a_ganttproject_export(ctx: ServiceContext, project: Project) -> None:
    outcome = _import(ctx, project, DATA / "ganttproject_export.xml", 1)
    assert _milestones(ctx, project) == {
        "Sensors installed": (date(2026, 3, 20), None, None, "planned"),
        "System acceptance": (date(2026, 6, 12), None, None, "planned"),
    }  # the inactive task ("Dropped idea") is not part of the plan
    [sensors] = list_scope_items(ctx, project.id).rows
    assert (sensors.effort_hours, sensors.description, sensors.status) == (
        96.0,
        "48 probes in three warehouses",
        ScopeStatus.IN_PROGRESS,
    )
    assert list(_days(ctx, project.id)) == [date(2026, 4, 3), date(2026, 5, 25), date(2026, 5, 26)]
    assert outcome.counts.errors == 0


def test_a_projectlibre_export(ctx: ServiceContext, project: Project) -> None:
    outcome = _import(ctx, project, DATA / "projectlibre_export.xml", 1)
    assert _milestones(ctx, project) == {
        "Factory acceptance test": (date(2026, 2, 6), None, date(2026, 2, 9), "done"),
        "Site acceptance test": (date(2026, 3, 20), date(2026, 3, 27), None, "planned"),
    }
    [cabling] = list_scope_items(ctx, project.id).rows
    assert cabling.status is ScopeStatus.DELIVERED
    # pre-2007 exceptions, the non-working ones (not the working Saturday morning): 16-17 February 2026
    # fall in the Spring Festival, already public holidays of this project's calendar (CN)
    days = {line.key: line for line in outcome.lines if line.kind is Kind.NON_WORKING_DAY}
    assert list(days) == ["2026-02-16", "2026-02-17"]
    assert {(line.action, str(line.message or "")) for line in days.values()} == {
        (Action.SKIPPED, "Already a public holiday of the project's calendar.")
    }
    assert not _days(ctx, project.id)
    assert cabling.effort_hours == 40.0 and MilestoneStatus.DONE.value == "done"


HOSTILE = {
    "billion laughs": """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol3;</Name></Project>""",
    "external entity": """<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&secret;</Name></Project>""",
    "external DTD": """<?xml version="1.0"?>
<!DOCTYPE Project SYSTEM "http://127.0.0.1:9/evil.dtd">
<Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name></Project>""",
    "parameter entity": """<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x"> %remote;]>
<Project/>""",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_xml_is_refused_before_anything_is_expanded_or_fetched(
    ctx: ServiceContext, project: Project, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "plan.xml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    with pytest.raises(ImportFileError, match="DTD or entities") as caught:
        read_plan(path)
    assert str(caught.value.hint) == "Nothing was imported."
    assert not list_milestones(ctx, project.id).rows


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("not xml at all", "not well-formed XML"),
        ('<?xml version="1.0"?><Workbook/>', "not a Microsoft Project XML file"),
        (
            "<Project><Tasks><Task><UID>1</UID></Task><Task><UID>1</UID></Task></Tasks></Project>",
            "two tasks with UID 1",
        ),
        ("<Project><Tasks><Task><UID>x</UID></Task></Tasks></Project>", "without a valid UID"),
    ],
)
def test_files_that_are_not_plans_are_refused_in_words(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "plan.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError, match=match):
        read_plan(path)


def test_the_plan_file_is_bounded_in_size_and_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deliverydesk.services.interchange import mspdi, msproject

    monkeypatch.setattr(msproject, "MAX_PLAN_BYTES", 1000)
    big = tmp_path / "big.xml"
    big.write_text("<Project>" + " " * 2000 + "</Project>", encoding="utf-8")
    with pytest.raises(ImportFileError, match="larger than"):
        read_plan(big)
    monkeypatch.setattr(mspdi, "MAX_TASKS", 2)
    many = tmp_path / "many.xml"
    many.write_text(
        "<Project><Tasks>" + "<Task><UID>1</UID></Task>" * 3 + "</Tasks></Project>", encoding="utf-8"
    )
    with pytest.raises(ImportFileError, match="at most 2"):
        read_plan(many)


def test_a_milestone_the_user_archived_is_left_alone(ctx: ServiceContext, project: Project) -> None:
    from deliverydesk.services.records.milestones import archive_milestone

    _import(ctx, project, DATA / "msproject_plan.xml")
    pilot = next(m for m in list_milestones(ctx, project.id).rows if m.name == "Pilot line live")
    archive_milestone(ctx, pilot.id)
    outcome = _import(ctx, project, DATA / "msproject_plan.xml")
    line = next(line for line in outcome.lines if line.key == "6")
    assert (line.action, str(line.message)) == (
        Action.SKIPPED,
        f"{pilot.ref} is archived in DeliveryDesk; left as it is.",
    )
    assert len(list_milestones(ctx, project.id, include_archived=True).rows) == 3
    assert json.dumps(str(line.message))  # plain text
