"""A small world for learning across clients: clients, their projects, categories, issues and asks,
all created through the services on a migrated database."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.drafts import (
    CategoryDraft,
    ChangeRequestDraft,
    ClientDraft,
    IssueDraft,
    ProjectDraft,
)
from deliverydesk.domain.enums import Language, ProjectStatus
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.categories import create_category, list_categories
from deliverydesk.services.records.clients import create_client
from deliverydesk.services.records.issues import create_issue
from deliverydesk.services.records.projects import create_project
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()  # 2026-03-16


def client(ctx: ServiceContext, name: str) -> str:
    return create_client(ctx, ClientDraft(name=name)).id


def project(
    ctx: ServiceContext,
    client_id: str,
    code: str,
    language: Language = Language.EN,
    status: ProjectStatus = ProjectStatus.ACTIVE,
) -> str:
    draft = ProjectDraft(
        code=code, name=f"Project {code}", client_id=client_id, status=status, language=language
    )
    return create_project(ctx, draft).id


def category(ctx: ServiceContext, name_en: str, name_zh: str) -> str:
    """The category of that name (the migration seeds a default taxonomy), created when missing."""
    for known in list_categories(ctx):
        if known.name_en == name_en:
            return known.id
    return create_category(ctx, CategoryDraft(name_en=name_en, name_zh=name_zh)).id


def issue(
    ctx: ServiceContext,
    project_id: str,
    title: str,
    *,
    on: date = TODAY,
    category_id: str | None = None,
    **extra: object,
) -> str:
    draft = IssueDraft(project_id=project_id, title=title, reported_on=on, category_id=category_id, **extra)  # type: ignore[arg-type]
    return create_issue(ctx, draft).id


def ask(ctx: ServiceContext, project_id: str, title: str, *, on: date, category_id: str) -> str:
    draft = ChangeRequestDraft(project_id=project_id, title=title, requested_on=on, category_id=category_id)
    return create_change_request(ctx, draft).id
