"""Scope from spreadsheets: scope items, exclusions and milestones from a CSV or XLSX list.

Choose the sheet, map its columns (remembered per client: the next list from the same client maps
itself), preview a verdict per row, then import all of it or nothing: a single row with a problem
refuses the whole import. A row whose title matches a live record of the same kind updates that
record (a milestone's moved date is recorded as "imported from FILE") rather than adding a copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from deliverydesk.domain.drafts import ExclusionDraft, MilestoneDraft, ScopeItemDraft
from deliverydesk.domain.enums import ScopeStatus
from deliverydesk.domain.models import ExclusionItem, MilestoneItem, ProjectItem, ScopeEntry
from deliverydesk.domain.validation import validate_exclusion, validate_milestone, validate_scope_item
from deliverydesk.errors import ImportFileError, ValidationError
from deliverydesk.i18n import Message, joined, msg, msg_n
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.changes import Action, ImportOutcome, Kind, Line
from deliverydesk.services.interchange.msproject import project_id_for_code
from deliverydesk.services.interchange.scope_rows import (
    RowKind,
    RowValues,
    guess_mapping,
    mapping_from_json,
    mapping_json,
    mapping_problems,
    read_rows,
    same_title,
    usable_mapping,
)
from deliverydesk.services.interchange.sheets import MAX_SHEET_BYTES, Table, read_table
from deliverydesk.services.interchange.source import NOTHING_IMPORTED, read_source
from deliverydesk.services.records.milestones import add_milestone
from deliverydesk.services.records.scope import EXCLUSIONS, SCOPE_ITEMS
from deliverydesk.store import interchange_rows, milestone_rows
from deliverydesk.store.audit import finish_import, record_import
from deliverydesk.store.records import Session

__all__ = [
    "ScopeRequest",
    "import_scope",
    "mapping_for",
    "preview_scope_import",
    "project_id_for_code",
    "read_spreadsheet",
]

RecordT = TypeVar("RecordT", ScopeEntry, ExclusionItem, MilestoneItem)
DraftT = TypeVar("DraftT", ScopeItemDraft, ExclusionDraft, MilestoneDraft)

_KINDS = {
    RowKind.SCOPE: Kind.SCOPE_ITEM,
    RowKind.EXCLUSION: Kind.EXCLUSION,
    RowKind.MILESTONE: Kind.MILESTONE,
}


@dataclass(frozen=True)
class ScopeRequest:
    project_id: str
    table: Table
    mapping: Mapping[str, str]  # field -> column header
    default_kind: str = RowKind.SCOPE.value  # what a row is when no kind column says


def read_spreadsheet(path: Path, sheet: str | None = None) -> Table:
    """Read one sheet of a workbook (the first unless named) or a CSV file; no database is touched."""
    return read_table(read_source(path, MAX_SHEET_BYTES, msg("a spreadsheet")), sheet)


def remembered_mapping(ctx: ServiceContext, project_id: str) -> dict[str, str]:
    """The columns last mapped for this project's client ({} when none)."""
    with ctx.db.unit_of_work() as session:
        return _remembered(session, project_id)


def _remembered(session: Session, project_id: str) -> dict[str, str]:
    columns = interchange_rows.import_columns_of(session, project_id)
    return mapping_from_json(columns) if columns is not None else {}


def mapping_for(
    ctx: ServiceContext, project_id: str, table: Table, given: Mapping[str, str]
) -> dict[str, str]:
    """The mapping to use: the columns given, else the client's remembered ones this sheet has, else
    the columns whose headers name a field."""
    if given:
        return dict(given)
    with ctx.db.unit_of_work() as session:
        remembered = usable_mapping(_remembered(session, project_id), table.header)
    return remembered if remembered.get("title") else guess_mapping(table.header)


def preview_scope_import(ctx: ServiceContext, request: ScopeRequest) -> ImportOutcome:
    """A verdict per row, changing nothing."""
    with ctx.db.unit_of_work() as session:
        project = interchange_rows.live_project_of(session, request.project_id)
        lines = tuple(_Rows(ctx, session, project, request).lines())
    return _outcome(request, project, lines)


def import_scope(ctx: ServiceContext, request: ScopeRequest) -> ImportOutcome:
    """All rows or none, in one transaction audited as an import of the file; the mapping is then
    remembered for the project's client."""
    with ctx.db.unit_of_work() as session:
        project = interchange_rows.live_project_of(session, request.project_id)
        source = request.table.source
        record_import(
            session,
            project_id=project.id,
            source=source.name,
            sha256=source.sha256,
            kind=_format(request.table),
        )
        lines = tuple(_Rows(ctx, session, project, request, write=True).lines())
        errors = [line.message for line in lines if line.action is Action.ERROR and line.message]
        if errors:
            raise ImportFileError(
                msg_n(
                    "{count} row cannot be imported: {first}",
                    "{count} rows cannot be imported, the first: {first}",
                    len(errors),
                    first=errors[0],
                ),
                hint=NOTHING_IMPORTED,
            )
        interchange_rows.remember_import_columns(
            ctx.now(), session, project.id, mapping_json(request.mapping)
        )
        outcome = _outcome(request, project, lines)
        finish_import(session, ctx.now(), outcome.counts.as_audit())
    return outcome


def _format(table: Table) -> str:
    return "XLSX" if table.encoding == "XLSX" else f"CSV ({table.encoding})"


def _outcome(request: ScopeRequest, project: ProjectItem, lines: tuple[Line, ...]) -> ImportOutcome:
    source = request.table.source
    return ImportOutcome(source.name, source.sha256, project.code, lines)


class _Rows:
    def __init__(
        self,
        ctx: ServiceContext,
        session: Session,
        project: ProjectItem,
        request: ScopeRequest,
        *,
        write: bool = False,
    ) -> None:
        self.ctx, self.session, self.project, self.request, self.write = ctx, session, project, request, write
        self.reason = f"imported from {request.table.source.name}"
        self.scope_items = [
            item
            for item, _ref in interchange_rows.scope_items_of(session, project.id)
            if item.archived_at is None
        ]
        self.exclusions = [
            item for item in interchange_rows.exclusions_of(session, project.id) if item.archived_at is None
        ]
        self.milestones = [
            item
            for item, _ref in interchange_rows.milestones_of(session, project.id, ctx.today())
            if item.archived_at is None
        ]

    def lines(self) -> Iterator[Line]:
        problems = mapping_problems(self.request.mapping, self.request.table.header)
        if problems:
            raise ValidationError({"mapping": problems[0]})
        kind = RowKind(self.request.default_kind)
        for row in read_rows(self.request.table, self.request.mapping, kind, self.ctx.today()):
            yield self._line(row)

    def _line(self, row: RowValues) -> Line:
        line = Line(str(row.number), _KINDS[row.kind], row.title, Action.NEW, first_date=row.due)
        if row.problems:
            return replace(line, action=Action.ERROR, message=joined(row.problems))
        try:
            if row.kind is RowKind.MILESTONE:
                return self._milestone(row, line, _same_title(self.milestones, row.title, lambda r: r.name))
            if row.kind is RowKind.EXCLUSION:
                return self._exclusion(row, line, _same_title(self.exclusions, row.title, lambda r: r.text))
            return self._scope_item(row, line, _same_title(self.scope_items, row.title, lambda r: r.title))
        except ValidationError as exc:
            return replace(
                line,
                action=Action.ERROR,
                message=msg(
                    "row {number}: {problem}", number=row.number, problem=joined(exc.fields.values())
                ),
            )

    def _scope_item(self, row: RowValues, line: Line, match: ScopeEntry | None) -> Line:
        draft = validate_scope_item(
            ScopeItemDraft(
                id=match.id if match else None,
                project_id=self.project.id,
                title=row.title,
                description=row.description or (match.description if match else ""),
                acceptance_criteria=row.acceptance or (match.acceptance_criteria if match else ""),
                effort_hours=row.effort or (match.effort_hours if match else 0.0),
                status=match.status if match else ScopeStatus.NOT_STARTED,
            )
        )
        if match is None:
            return self._added(line, SCOPE_ITEMS.add, draft)
        changes = _changed(match, draft, ("description", "acceptance_criteria", "effort_hours"))
        if changes and self.write:
            SCOPE_ITEMS.change(self.ctx, self.session, draft)
        return replace(
            line, action=Action.UPDATE if changes else Action.UNCHANGED, ref=match.ref, changes=changes
        )

    def _exclusion(self, row: RowValues, line: Line, match: ExclusionItem | None) -> Line:
        if match is not None:
            return replace(line, action=Action.UNCHANGED, ref=match.ref)
        draft = validate_exclusion(ExclusionDraft(project_id=self.project.id, text=row.title))
        return self._added(line, EXCLUSIONS.add, draft)

    def _milestone(self, row: RowValues, line: Line, match: MilestoneItem | None) -> Line:
        assert row.due is not None
        if match is None:
            draft = validate_milestone(
                MilestoneDraft(project_id=self.project.id, name=row.title, baseline_date=row.due),
                self.ctx.today(),
            )
            return self._added(line, add_milestone, draft)
        if match.baseline_date == row.due:
            return replace(line, action=Action.UNCHANGED, ref=match.ref)
        draft = MilestoneDraft(
            **{**{f: getattr(match, f) for f in _MILESTONE_FIELDS}, "baseline_date": row.due}
        )
        draft = validate_milestone(draft, self.ctx.today())
        change = msg(
            "baseline: {before} → {after}",
            before=match.baseline_date.isoformat(),
            after=row.due.isoformat(),
        )
        if self.write:
            milestone_rows.save_milestone(self.ctx.now(), self.session, draft, reason=self.reason)
        return replace(line, action=Action.UPDATE, ref=match.ref, changes=(change,))

    def _added(
        self, line: Line, add: Callable[[ServiceContext, Session, DraftT], RecordT], draft: DraftT
    ) -> Line:
        if not self.write:
            return line
        return replace(line, ref=add(self.ctx, self.session, draft).ref)


_MILESTONE_FIELDS = (
    "id",
    "project_id",
    "name",
    "baseline_date",
    "forecast_date",
    "actual_date",
    "owner_side",
    "status",
    "is_main",
)


def _same_title(records: list[RecordT], title: str, title_of: Callable[[RecordT], str]) -> RecordT | None:
    """The first live record of a kind whose title is the row's (compared as ``same_title`` does)."""
    return next((record for record in records if same_title(title_of(record), title)), None)


def _changed(row: ScopeEntry, draft: ScopeItemDraft, names: tuple[str, ...]) -> tuple[Message, ...]:
    labels = {
        "description": "description",
        "acceptance_criteria": "acceptance criteria",
        "effort_hours": "effort",
    }
    changes = []
    for name in names:
        if getattr(row, name) != getattr(draft, name):
            changes.append(_change_words(labels[name]))
    return tuple(changes)


def _change_words(label: str) -> Message:
    if label == "description":
        return msg("description changed")
    if label == "acceptance criteria":
        return msg("acceptance criteria changed")
    return msg("effort changed")
