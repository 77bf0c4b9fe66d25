"""Projects: records, the navigator list, lookups by code."""

from __future__ import annotations

from dataclasses import replace

from deliverydesk.domain.drafts import ClientDraft, ProjectDraft
from deliverydesk.domain.enums import ProjectStatus
from deliverydesk.domain.models import Page, ProjectItem, ProjectSummary
from deliverydesk.domain.validation import check_code_free, validate_project
from deliverydesk.errors import NotFoundError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import create_client_in
from deliverydesk.services.records.common import check_page, page_of, require_id
from deliverydesk.store import kinds, project_records, record_rows
from deliverydesk.store.navigator_queries import SUMMARY_SORTS, ProjectFilter, project_summaries
from deliverydesk.store.records import Session, project_code_taken, project_id_by_code

PROJECT_SORTS = SUMMARY_SORTS


def create_project(
    ctx: ServiceContext, draft: ProjectDraft, *, new_client: ClientDraft | None = None
) -> ProjectItem:
    """A new project; with ``new_client``, for a client created with it (both or neither are saved)."""
    with ctx.db.unit_of_work() as session:
        if new_client is not None:
            draft = replace(draft, client_id=create_client_in(ctx, session, new_client).id)
        return create_project_in(ctx, session, draft)


def create_project_in(ctx: ServiceContext, session: Session, draft: ProjectDraft) -> ProjectItem:
    draft = validate_project(draft)
    check_code_free(draft.code, project_code_taken(session, draft.code, exclude_id=None))
    return project_records.add_project(ctx.now(), session, draft)


def update_project(ctx: ServiceContext, draft: ProjectDraft) -> ProjectItem:
    project_id = require_id(draft.id, "project")
    draft = validate_project(draft)
    with ctx.db.unit_of_work() as session:
        record_rows.get_editable(session, kinds.PROJECT, project_id)  # missing or archived: refused first
        check_code_free(draft.code, project_code_taken(session, draft.code, exclude_id=project_id))
        return project_records.save_project(ctx.now(), session, project_id, draft)


def get_project(ctx: ServiceContext, project_id: str) -> ProjectItem:
    with ctx.db.unit_of_work() as session:
        return get_project_in(session, project_id)


def get_project_in(session: Session, project_id: str) -> ProjectItem:
    return record_rows.get_project(session, project_id)


def get_project_by_code(ctx: ServiceContext, code: str) -> ProjectItem:
    """The project with this code (case-insensitive), archived or not."""
    with ctx.db.unit_of_work() as session:
        return get_project_by_code_in(session, code)


def get_project_by_code_in(session: Session, code: str) -> ProjectItem:
    project_id = project_id_by_code(session, code.strip())
    if project_id is None:
        raise NotFoundError(
            msg("No project has the code {code!r}.", code=code.strip()),
            msg("Check the code with list-projects."),
        )
    return record_rows.get_project(session, project_id)


def archive_project(ctx: ServiceContext, project_id: str) -> ProjectItem:
    with ctx.db.unit_of_work() as session:
        return project_records.set_project_archived(ctx.now(), session, project_id, archived=True)


def restore_project(ctx: ServiceContext, project_id: str) -> ProjectItem:
    with ctx.db.unit_of_work() as session:
        return project_records.set_project_archived(ctx.now(), session, project_id, archived=False)


def list_projects(
    ctx: ServiceContext,
    *,
    text: str = "",
    status: ProjectStatus | None = None,
    client_id: str | None = None,
    include_archived: bool = False,
    sort: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> Page[ProjectSummary]:
    """One page of the navigator. ``text`` matches code, name or client name literally (any language).

    ``sort`` is one of PROJECT_SORTS; filtering, sorting and paging happen in the database."""
    if sort not in SUMMARY_SORTS:
        raise ValidationError(
            {"sort": msg("Sort by one of: {project_sorts}.", project_sorts=", ".join(PROJECT_SORTS))}
        )
    limit = check_page(offset, limit)
    where = ProjectFilter(text=text, status=status, client_id=client_id, include_archived=include_archived)
    with ctx.db.reading() as r:
        rows, total = project_summaries(
            r, where, sort=sort, descending=descending, offset=offset, limit=limit, today=ctx.today()
        )
    return page_of(rows, total, offset, limit)
