"""Microsoft Project XML out: checked against the published MSPDI structure (element order, required
elements, value formats), and round-tripped (export -> import into an empty project -> the same
milestones, dates, scope items and non-working days; back into the same project -> nothing changes)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element, fromstring

from deliverydesk.domain.drafts import MilestoneDraft, ScopeItemDraft
from deliverydesk.domain.enums import MilestoneStatus, OwnerSide, ScopeStatus
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.changes import Action, Kind
from deliverydesk.services.interchange.msproject import PlanChoices, import_plan, read_plan
from deliverydesk.services.interchange.msproject_export import export_msproject
from deliverydesk.services.records.milestones import create_milestone, list_milestones, move_milestone
from deliverydesk.services.records.scope import create_scope_item, list_scope_items
from deliverydesk.store.tables import NonWorkingDayRow
from tests.integration.interchange.conftest import Project

NS = "{http://schemas.microsoft.com/project}"

# The element sequences of the MSPDI schema (Project 2007 schema mspdi_pj12.xsd as Microsoft
# publishes it, with the Project 2010 additions such as task GUID, Active and Manual), in schema order;
# only the parts this exporter can write. Children must appear in this order.
PROJECT = [
    "SaveVersion",
    "UID",
    "Name",
    "GUID",
    "Title",
    "Subject",
    "Category",
    "Company",
    "Manager",
    "Author",
    "CreationDate",
    "Revision",
    "LastSaved",
    "ScheduleFromStart",
    "StartDate",
    "FinishDate",
    "FYStartDate",
    "CriticalSlackLimit",
    "CurrencyDigits",
    "CurrencySymbol",
    "CurrencyCode",
    "CurrencySymbolPosition",
    "CalendarUID",
    "DefaultStartTime",
    "DefaultFinishTime",
    "MinutesPerDay",
    "MinutesPerWeek",
    "DaysPerMonth",
    "DefaultTaskType",
    "DefaultFixedCostAccrual",
    "DefaultStandardRate",
    "DefaultOvertimeRate",
    "DurationFormat",
    "WorkFormat",
    "EditableActualCosts",
    "HonorConstraints",
    "EarnedValueMethod",
    "InsertedProjectsLikeSummary",
    "MultipleCriticalPaths",
    "NewTasksEffortDriven",
    "NewTasksEstimated",
    "SplitsInProgressTasks",
    "SpreadActualCost",
    "SpreadPercentComplete",
    "TaskUpdatesResource",
    "FiscalYearStart",
    "WeekStartDay",
    "MoveCompletedEndsBack",
    "MoveRemainingStartsBack",
    "MoveRemainingStartsForward",
    "MoveCompletedEndsForward",
    "BaselineForEarnedValue",
    "AutoAddNewResourcesAndTasks",
    "StatusDate",
    "CurrentDate",
    "MicrosoftProjectServerURL",
    "Autolink",
    "NewTaskStartDate",
    "DefaultTaskEVMethod",
    "ProjectExternallyEdited",
    "ExtendedCreationDate",
    "ActualsInSync",
    "RemoveFileProperties",
    "AdminProject",
    "OutlineCodes",
    "WBSMasks",
    "ExtendedAttributes",
    "Calendars",
    "Tasks",
    "Resources",
    "Assignments",
]
CALENDAR = [
    "UID",
    "GUID",
    "Name",
    "IsBaseCalendar",
    "IsBaselineCalendar",
    "BaseCalendarUID",
    "WeekDays",
    "Exceptions",
    "WorkWeeks",
]
WEEK_DAY = ["DayType", "DayWorking", "TimePeriod", "WorkingTimes"]
EXCEPTION = [
    "EnteredByOccurrences",
    "TimePeriod",
    "Occurrences",
    "Name",
    "Type",
    "Period",
    "DaysOfWeek",
    "MonthItem",
    "MonthPosition",
    "Month",
    "MonthDay",
    "DayWorking",
    "WorkingTimes",
]
TASK = [
    "UID",
    "GUID",
    "ID",
    "Name",
    "Active",
    "Manual",
    "Type",
    "IsNull",
    "CreateDate",
    "Contact",
    "WBS",
    "WBSLevel",
    "OutlineNumber",
    "OutlineLevel",
    "Priority",
    "Start",
    "Finish",
    "Duration",
    "DurationFormat",
    "Work",
    "Stop",
    "Resume",
    "ResumeValid",
    "EffortDriven",
    "Recurring",
    "OverAllocated",
    "Estimated",
    "Milestone",
    "Summary",
    "DisplayAsSummary",
    "Critical",
    "IsSubproject",
    "IsSubprojectReadOnly",
    "SubprojectName",
    "ExternalTask",
    "ExternalTaskProject",
    "EarlyStart",
    "EarlyFinish",
    "LateStart",
    "LateFinish",
    "StartVariance",
    "FinishVariance",
    "WorkVariance",
    "FreeSlack",
    "TotalSlack",
    "StartSlack",
    "FinishSlack",
    "FixedCost",
    "FixedCostAccrual",
    "PercentComplete",
    "PercentWorkComplete",
    "Cost",
    "OvertimeCost",
    "OvertimeWork",
    "ActualStart",
    "ActualFinish",
    "ActualDuration",
    "ActualCost",
    "ActualOvertimeCost",
    "ActualWork",
    "ActualOvertimeWork",
    "RegularWork",
    "RemainingDuration",
    "RemainingCost",
    "RemainingWork",
    "RemainingOvertimeCost",
    "RemainingOvertimeWork",
    "ACWP",
    "CV",
    "ConstraintType",
    "CalendarUID",
    "ConstraintDate",
    "Deadline",
    "LevelAssignments",
    "LevelingCanSplit",
    "LevelingDelay",
    "LevelingDelayFormat",
    "PreLeveledStart",
    "PreLeveledFinish",
    "Hyperlink",
    "HyperlinkAddress",
    "HyperlinkSubAddress",
    "IgnoreResourceCalendar",
    "Notes",
    "HideBar",
    "Rollup",
    "BCWS",
    "BCWP",
    "PhysicalPercentComplete",
    "EarnedValueMethod",
    "PredecessorLink",
    "ActualWorkProtected",
    "ActualOvertimeWorkProtected",
    "ExtendedAttribute",
    "Baseline",
    "OutlineCode",
]
BASELINE = [
    "TimephasedData",
    "Number",
    "Interim",
    "Start",
    "Finish",
    "Duration",
    "DurationFormat",
    "EstimatedDuration",
    "Work",
    "Cost",
    "BCWS",
    "BCWP",
    "FixedCost",
]
SEQUENCES = {
    "Project": (PROJECT, {"SaveVersion", "CurrencyCode"}),
    "Calendars": (["Calendar"], {"Calendar"}),
    "Calendar": (CALENDAR, {"UID"}),
    "WeekDays": (["WeekDay"], set()),
    "WeekDay": (WEEK_DAY, {"DayType"}),
    "Exceptions": (["Exception"], set()),
    "Exception": (EXCEPTION, set()),
    "TimePeriod": (["FromDate", "ToDate"], set()),
    "WorkingTimes": (["WorkingTime"], set()),
    "WorkingTime": (["FromTime", "ToTime"], set()),
    "Tasks": (["Task"], set()),
    "Task": (TASK, {"UID"}),
    "Baseline": (BASELINE, {"Number"}),
}
REPEATABLE = {"Calendar", "WeekDay", "Exception", "WorkingTime", "Task", "Baseline", "PredecessorLink"}
DATETIME = {"CreationDate", "StartDate", "FinishDate", "Start", "Finish", "ActualStart", "ActualFinish",
            "ConstraintDate", "FromDate", "ToDate"}  # fmt: skip
BOOLEAN = {"ScheduleFromStart", "IsBaseCalendar", "DayWorking", "EnteredByOccurrences", "Active", "Manual",
           "IsNull", "Milestone", "Summary"}  # fmt: skip
DURATION = re.compile(r"PT\d+H\d+M\d+S")


def check_structure(element: Element, problems: list[str]) -> None:
    name = element.tag.removeprefix(NS)
    if name in SEQUENCES:
        order, required = SEQUENCES[name]
        children = [child.tag.removeprefix(NS) for child in element]
        unknown = [child for child in children if child not in order]
        problems += [f"{name} has an element the schema does not define there: {c}" for c in unknown]
        positions = [order.index(child) for child in children if child in order]
        if positions != sorted(positions):
            problems.append(f"{name}: children out of schema order: {children}")
        repeated = {c for c in children if children.count(c) > 1 and c not in REPEATABLE}
        problems += [f"{name}: {c} appears more than once" for c in sorted(repeated)]
        problems += [f"{name} lacks the required {r}" for r in sorted(required - set(children))]
    text = (element.text or "").strip()
    if name in DATETIME:
        datetime.fromisoformat(text)  # raises on a malformed date
    if name in BOOLEAN and text not in ("0", "1"):
        problems.append(f"{name} is not a boolean: {text!r}")
    if name in ("Duration", "Work") and not DURATION.fullmatch(text):
        problems.append(f"{name} is not a duration: {text!r}")
    for child in element:
        check_structure(child, problems)


def _fill(ctx: ServiceContext, project: Project) -> None:
    create_milestone(
        ctx,
        MilestoneDraft(project_id=project.id, name="设计评审 Design review", baseline_date=date(2026, 3, 6)),
    )
    pilot = create_milestone(
        ctx, MilestoneDraft(project_id=project.id, name="Pilot live", baseline_date=date(2026, 4, 17))
    )
    move_milestone(ctx, pilot.id, date(2026, 4, 24), reason="client's network not ready")
    create_milestone(
        ctx,
        MilestoneDraft(
            project_id=project.id,
            name="Kick-off <&> done",
            baseline_date=date(2026, 2, 16),
            forecast_date=date(2026, 2, 20),
            actual_date=date(2026, 2, 23),
            status=MilestoneStatus.DONE,
            owner_side=OwnerSide.CLIENT,
        ),
    )
    create_scope_item(
        ctx,
        ScopeItemDraft(
            project_id=project.id,
            title="ERP interface",
            description="Work orders\nand issues",
            effort_hours=120.5,
        ),
    )
    create_scope_item(
        ctx,
        ScopeItemDraft(
            project_id=project.id, title="操作员培训", effort_hours=12, status=ScopeStatus.IN_PROGRESS
        ),
    )
    with ctx.db.unit_of_work() as session:
        session.add(NonWorkingDayRow(project_id=project.id, day=date(2026, 4, 21), name="Plant shutdown"))


def test_the_export_follows_the_published_mspdi_structure(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    _fill(ctx, project)
    result = export_msproject(ctx, project.code, tmp_path / "plan.xml")

    root = fromstring((tmp_path / "plan.xml").read_bytes())
    assert root.tag == f"{NS}Project"
    problems: list[str] = []
    check_structure(root, problems)
    assert problems == []
    assert (result.milestones, result.scope_items) == (3, 2)
    tasks = root.find(f"{NS}Tasks")
    assert tasks is not None
    names = [task.findtext(f"{NS}Name") for task in tasks]
    assert names[0] == "MES 二期上线 / MES phase 2"  # the project summary task (UID 0)
    assert "Kick-off <&> done" in names and "操作员培训" in names  # text escaped by the XML writer
    pilot = next(task for task in tasks if task.findtext(f"{NS}Name") == "Pilot live")
    assert pilot.findtext(f"{NS}Milestone") == "1" and pilot.findtext(f"{NS}ConstraintType") == "2"
    assert pilot.findtext(f"{NS}Start") == "2026-04-24T17:00:00"
    assert pilot.findtext(f"{NS}Baseline/{NS}Finish") == "2026-04-17T17:00:00"
    exceptions = root.findall(f"{NS}Calendars/{NS}Calendar/{NS}Exceptions/{NS}Exception")
    starts = [e.findtext(f"{NS}TimePeriod/{NS}FromDate") for e in exceptions]
    assert starts == sorted(starts)  # MS Project ignores unsorted exceptions
    assert "2026-04-21T00:00:00" in starts and "2026-10-01T00:00:00" in starts  # extra day, National Day
    working = [e for e in exceptions if e.findtext(f"{NS}DayWorking") == "1"]
    assert working and all(e.find(f"{NS}WorkingTimes") is not None for e in working)  # make-up days (调休)


def test_export_then_import_into_an_empty_project_gives_the_same_milestones_and_dates(
    ctx: ServiceContext, project: Project, empty_project: Project, tmp_path: Path
) -> None:
    _fill(ctx, project)
    export_msproject(ctx, project.code, tmp_path / "plan.xml")

    outcome = import_plan(
        ctx, empty_project.id, read_plan(tmp_path / "plan.xml"), PlanChoices(all_tasks_as_scope=True)
    )

    def milestones(project_id: str) -> set[tuple[object, ...]]:
        return {
            (m.name, m.baseline_date, m.forecast_date, m.actual_date, m.slip_days)
            for m in list_milestones(ctx, project_id).rows
        }

    def scope(project_id: str) -> set[tuple[object, ...]]:
        return {(s.title, s.description, s.effort_hours) for s in list_scope_items(ctx, project_id).rows}

    assert milestones(empty_project.id) == milestones(project.id)
    assert scope(empty_project.id) == scope(project.id)
    assert outcome.counts.errors == 0
    days = [line for line in outcome.lines if line.kind is Kind.NON_WORKING_DAY and line.action is Action.NEW]
    assert [line.key for line in days] == ["2026-04-21"]  # public holidays stay the calendar's


def test_a_plan_exported_from_a_project_finds_its_records_when_imported_back(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    _fill(ctx, project)
    export_msproject(ctx, project.code, tmp_path / "plan.xml")

    outcome = import_plan(
        ctx, project.id, read_plan(tmp_path / "plan.xml"), PlanChoices(all_tasks_as_scope=True)
    )

    writes = [line for line in outcome.lines if line.action in (Action.NEW, Action.UPDATE)]
    assert writes == []
    assert (
        len(list_milestones(ctx, project.id).rows) == 3 and len(list_scope_items(ctx, project.id).rows) == 2
    )
    # exported again, every task keeps its UID
    export_msproject(ctx, project.code, tmp_path / "again.xml")
    uids = [
        re.findall(r"<UID>(\d+)</UID>", (tmp_path / name).read_text(encoding="utf-8"))
        for name in ("plan.xml", "again.xml")
    ]
    assert uids[0] == uids[1]
