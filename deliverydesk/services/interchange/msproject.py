"""Microsoft Project XML in: preview what a plan changes, then import it in one transaction.

Milestone tasks become milestones: the baseline from the plan's baseline when it has one (else its
finish), the forecast from its finish, the actual date from its actual finish. Other tasks become
scope items when chosen. The project calendar's non-working exceptions become the project's extra
non-working days (those its holiday calendar already has are left out). A record remembers the task
it came from (``external_ref``), so importing the same plan again updates it instead of adding a copy;
each moved date goes into the milestone's history with "imported from FILE" as the reason. Tasks a
DeliveryDesk export wrote carry the record's UUID as their GUID and find their record by it.
Nothing issued is touched: letters are snapshots and an import changes no letter.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from deliverydesk.domain.drafts import MilestoneDraft, ScopeItemDraft
from deliverydesk.domain.enums import MilestoneStatus, OwnerSide, ScopeStatus
from deliverydesk.domain.models import MilestoneItem, ProjectItem, ScopeEntry
from deliverydesk.domain.validation import validate_milestone, validate_scope_item
from deliverydesk.domain.workdays import calendar_for
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import NP_, Message, joined, msg, msg_p
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.changes import (
    Action,
    ImportOutcome,
    Kind,
    Line,
    advanced_milestone_status,
    advanced_scope_status,
)
from deliverydesk.services.interchange.mspdi import MAX_PLAN_BYTES, Plan, PlanTask, parse_plan
from deliverydesk.services.interchange.source import ImportSource, read_source
from deliverydesk.services.records.milestones import add_milestone
from deliverydesk.services.records.projects import get_project_by_code_in
from deliverydesk.services.records.scope import SCOPE_ITEMS
from deliverydesk.store import interchange_rows, milestone_rows
from deliverydesk.store.audit import finish_import, record_import
from deliverydesk.store.records import Session

FORMAT = "Microsoft Project XML"
ItemT = TypeVar("ItemT", MilestoneItem, ScopeEntry)
# a status as the import's change lines name it ("status: planned → done")
STATUS_WORDS = frozenset(
    {
        NP_("status", "planned"),
        NP_("status", "not_started"),
        NP_("status", "in_progress"),
        NP_("status", "waiting_on_client"),
        NP_("status", "delivered"),
        NP_("status", "done"),
        NP_("status", "accepted"),
    }
)


def status_word(status: MilestoneStatus | ScopeStatus) -> Message:
    return msg_p("status", status.value)


@dataclass(frozen=True)
class PlanFile:
    """A plan read from a file, with what names it (file name and SHA-256)."""

    source: ImportSource
    plan: Plan


@dataclass(frozen=True)
class PlanChoices:
    """What the user chose in the preview: the UIDs of plan tasks to import as scope items."""

    scope_task_uids: frozenset[int] = frozenset()
    all_tasks_as_scope: bool = False

    def chosen(self, uid: int) -> bool:
        return self.all_tasks_as_scope or uid in self.scope_task_uids


def read_plan(path: Path) -> PlanFile:
    """Read and parse a plan (bounded in size, hostile XML refused); no database is touched."""
    source = read_source(path, MAX_PLAN_BYTES, msg("a plan"))
    return PlanFile(source, parse_plan(source))


def preview_plan_import(
    ctx: ServiceContext, project_id: str, plan: PlanFile, choices: PlanChoices
) -> ImportOutcome:
    """What importing the plan would do, changing nothing."""
    with ctx.db.unit_of_work() as session:
        project = interchange_rows.project_of(session, project_id)
        lines = tuple(_Planner(ctx, session, project, plan, choices).lines())
    return ImportOutcome(plan.source.name, plan.source.sha256, project.code, lines, plan.plan.notes)


def import_plan(ctx: ServiceContext, project_id: str, plan: PlanFile, choices: PlanChoices) -> ImportOutcome:
    """Import the plan in one transaction, audited as an import of the file; returns what it did."""
    with ctx.db.unit_of_work() as session:
        project = interchange_rows.live_project_of(session, project_id)
        record_import(
            session, project_id=project_id, source=plan.source.name, sha256=plan.source.sha256, kind=FORMAT
        )
        lines = tuple(_Planner(ctx, session, project, plan, choices, write=True).lines())
        outcome = ImportOutcome(plan.source.name, plan.source.sha256, project.code, lines, plan.plan.notes)
        finish_import(session, ctx.now(), outcome.counts.as_audit())
    return outcome


def project_id_for_code(ctx: ServiceContext, code: str) -> str:
    with ctx.db.unit_of_work() as session:
        return get_project_by_code_in(session, code).id


def external_ref(plan: Plan, uid: int) -> str:
    return f"msproject:{plan.guid}:{uid}"


# --- planning ----------------------------------------------------------------------------------


class _Planner:
    """Works out each line against the project's records; with ``write`` it also applies them."""

    def __init__(
        self,
        ctx: ServiceContext,
        session: Session,
        project: ProjectItem,
        plan: PlanFile,
        choices: PlanChoices,
        *,
        write: bool = False,
    ) -> None:
        self.ctx, self.session, self.project, self.file, self.choices = ctx, session, project, plan, choices
        self.write = write
        self.reason = f"imported from {plan.source.name}"
        self.milestones = _Index(interchange_rows.milestones_of(session, project.id, ctx.today()))
        self.scope_items = _Index(interchange_rows.scope_items_of(session, project.id))

    def lines(self) -> Iterator[Line]:
        for task in self.file.plan.tasks:
            yield self._task_line(task)
        yield from self._day_lines()

    def _task_line(self, task: PlanTask) -> Line:
        ref = external_ref(self.file.plan, task.uid)
        if task.summary:
            return Line(
                str(task.uid),
                Kind.SUMMARY,
                task.name,
                Action.SKIPPED,
                message=msg("A summary task: not imported."),
            )
        if task.milestone:
            return self._milestone(task, self.milestones.find(task.guid, ref), ref)
        if not self.choices.chosen(task.uid):
            message = msg("A task: choose it to import it as a scope item.")
            return Line(str(task.uid), Kind.TASK, task.name, Action.SKIPPED, message=message, choosable=True)
        line = self._scope_item(task, self.scope_items.find(task.guid, ref), ref)
        return replace(line, choosable=True, chosen=True)

    # milestones

    def _milestone(self, task: PlanTask, row: MilestoneItem | None, ref: str) -> Line:
        baseline = task.baseline_finish or task.finish or task.start
        line = Line(str(task.uid), Kind.MILESTONE, task.name, Action.NEW)
        if baseline is None:
            return replace(line, action=Action.ERROR, message=msg("The milestone has no date in the plan."))
        if row is not None and row.archived_at is not None:
            return _archived(line, row.ref)
        draft = self._milestone_draft(task, row, baseline)
        try:
            draft = validate_milestone(draft, self.ctx.today())
        except ValidationError as exc:
            return replace(line, action=Action.ERROR, message=_problems(exc))
        line = replace(
            line,
            first_date=draft.baseline_date,
            second_date=draft.forecast_date,
            third_date=draft.actual_date,
        )
        if row is None:
            if self.write:
                line = replace(line, ref=add_milestone(self.ctx, self.session, draft, external_ref=ref).ref)
            return line
        changes = _milestone_changes(row, draft)
        action = Action.UPDATE if changes else Action.UNCHANGED
        if self.write:
            # saved with the changes, or alone (a record exported from here)
            interchange_rows.mark_milestone_imported(self.session, row.id, ref)
            if changes:
                milestone_rows.save_milestone(self.ctx.now(), self.session, draft, reason=self.reason)
        return replace(line, action=action, ref=row.ref, changes=changes)

    def _milestone_draft(self, task: PlanTask, row: MilestoneItem | None, baseline: date) -> MilestoneDraft:
        finish = task.finish or baseline
        keep_empty = finish == baseline and (row is None or row.forecast_date is None)
        actual = (
            task.actual_finish if task.actual_finish is not None or task.percent_complete == 100 else None
        )
        if actual is None and task.percent_complete == 100:
            actual = finish
        status = (
            MilestoneStatus.DONE
            if actual
            else (MilestoneStatus.IN_PROGRESS if task.percent_complete else MilestoneStatus.PLANNED)
        )
        current = row.status if row is not None else MilestoneStatus.PLANNED
        return MilestoneDraft(
            id=row.id if row is not None else None,
            project_id=self.project.id,
            name=task.name,
            baseline_date=baseline,
            forecast_date=None if keep_empty else finish,
            actual_date=actual if actual is not None else (row.actual_date if row is not None else None),
            owner_side=row.owner_side if row is not None else OwnerSide.VENDOR,
            status=advanced_milestone_status(current, status),
            is_main=row.is_main if row is not None else False,
        )

    # scope items

    def _scope_item(self, task: PlanTask, row: ScopeEntry | None, ref: str) -> Line:
        line = Line(str(task.uid), Kind.SCOPE_ITEM, task.name, Action.NEW)
        if row is not None and row.archived_at is not None:
            return _archived(line, row.ref)
        from_plan = (
            ScopeStatus.DELIVERED
            if task.percent_complete == 100
            else (ScopeStatus.IN_PROGRESS if task.percent_complete else ScopeStatus.NOT_STARTED)
        )
        draft = ScopeItemDraft(
            id=row.id if row is not None else None,
            project_id=self.project.id,
            title=task.name,
            description=task.notes or (row.description if row is not None else ""),
            acceptance_criteria=row.acceptance_criteria if row is not None else "",
            effort_hours=round(task.work_hours, 2)
            if task.work_hours
            else (row.effort_hours if row is not None else 0.0),
            status=advanced_scope_status(
                row.status if row is not None else ScopeStatus.NOT_STARTED, from_plan
            ),
        )
        try:
            draft = validate_scope_item(draft)
        except ValidationError as exc:
            return replace(line, action=Action.ERROR, message=_problems(exc))
        if row is None:
            if self.write:
                line = replace(line, ref=SCOPE_ITEMS.add(self.ctx, self.session, draft, external_ref=ref).ref)
            return line
        changes = _scope_changes(row, draft)
        if self.write:
            interchange_rows.mark_scope_item_imported(self.session, row.id, ref)
            if changes:
                SCOPE_ITEMS.change(self.ctx, self.session, draft)
        return replace(
            line, action=Action.UPDATE if changes else Action.UNCHANGED, ref=row.ref, changes=changes
        )

    # calendar

    def _day_lines(self) -> Iterator[Line]:
        days = self.file.plan.non_working_days
        if not days:
            return
        stored = interchange_rows.non_working_days_of(self.session, self.project.id)
        holidays = calendar_for(self.project.holiday_calendar, days[0].day.year, days[-1].day.year).holidays
        for day in days:
            line = Line(day.day.isoformat(), Kind.NON_WORKING_DAY, day.name, Action.NEW)  # the key is the day
            known = stored.get(day.day)
            if known is not None:
                archived = known.archived
                message = msg("Removed in DeliveryDesk; left as it is.") if archived else None
                yield replace(line, action=Action.SKIPPED if archived else Action.UNCHANGED, message=message)
            elif day.day in holidays:
                yield replace(
                    line,
                    action=Action.SKIPPED,
                    message=msg("Already a public holiday of the project's calendar."),
                )
            else:
                if self.write:
                    self._add_day(day.day, day.name)
                yield line

    def _add_day(self, day: date, name: str) -> None:
        interchange_rows.add_non_working_day(
            self.ctx.now(), self.session, self.project.id, day, name, f"msproject:{self.file.plan.guid}"
        )


class _Index(Generic[ItemT]):
    """Records of one kind found by the GUID an export gave their task, or by an earlier import."""

    def __init__(self, records: Collection[tuple[ItemT, str]]) -> None:
        """``records``: each record with the plan task it came from ("" if none)."""
        self.by_id: dict[str, ItemT] = {item.id: item for item, _ref in records}
        self.by_ref: dict[str, ItemT] = {ref: item for item, ref in records if ref}

    def find(self, guid: str, ref: str) -> ItemT | None:
        return self.by_id.get(guid) if guid in self.by_id else self.by_ref.get(ref)


def _archived(line: Line, ref: str) -> Line:
    """A record the user archived stays archived and as it is: an import never brings it back."""
    return replace(
        line,
        action=Action.SKIPPED,
        ref=ref,
        message=msg("{ref} is archived in DeliveryDesk; left as it is.", ref=ref),
    )


def _problems(exc: ValidationError) -> Message:
    return joined(exc.fields.values())


def _milestone_changes(row: MilestoneItem, draft: MilestoneDraft) -> tuple[Message, ...]:
    changes: list[Message] = []
    if row.name != draft.name:
        changes.append(msg("name: {before} → {after}", before=row.name, after=draft.name))
    for field, label in (("baseline", "baseline"), ("forecast", "forecast"), ("actual", "actual")):
        old, new = getattr(row, f"{field}_date"), getattr(draft, f"{field}_date")
        if old != new:
            changes.append(_date_change(label, old, new))
    if row.status != draft.status:
        changes.append(
            msg("status: {before} → {after}", before=status_word(row.status), after=status_word(draft.status))
        )
    return tuple(changes)


def _date_change(label: str, old: date | None, new: date | None) -> Message:
    before, after = old.isoformat() if old else "—", new.isoformat() if new else "—"
    if label == "baseline":
        return msg("baseline: {before} → {after}", before=before, after=after)
    if label == "forecast":
        return msg("forecast: {before} → {after}", before=before, after=after)
    return msg("actual: {before} → {after}", before=before, after=after)


def _scope_changes(row: ScopeEntry, draft: ScopeItemDraft) -> tuple[Message, ...]:
    changes: list[Message] = []
    if row.title != draft.title:
        changes.append(msg("title: {before} → {after}", before=row.title, after=draft.title))
    if row.description != draft.description:
        changes.append(msg("description changed"))
    if row.effort_hours != draft.effort_hours:
        changes.append(
            msg(
                "effort: {before:g} h → {after:g} h",
                before=row.effort_hours,
                after=draft.effort_hours,
            )
        )
    if row.status != draft.status:
        changes.append(
            msg("status: {before} → {after}", before=status_word(row.status), after=status_word(draft.status))
        )
    return tuple(changes)
