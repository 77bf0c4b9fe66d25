"""A quick capture takes a category, and an ask captured from a log entry about an issue arose from
that issue."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.domain.drafts import ClientDraft, IssueDraft, LogEntryDraft, ProjectDraft
from deliverydesk.domain.enums import Language
from deliverydesk.services import scope_guard as guard
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import categories, clients, issues, log, projects


def test_an_ask_from_an_entry_about_an_issue_arose_from_it(ctx: ServiceContext) -> None:
    client = clients.create_client(ctx, ClientDraft(name="甲方")).id
    pid = projects.create_project(ctx, ProjectDraft(code="DD-1", name="P", client_id=client)).id
    issue = issues.create_issue(
        ctx, IssueDraft(project_id=pid, title="Reports slow", reported_on=ctx.today())
    )
    entry = log.add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=pid,
            occurred_at=ctx.now() - timedelta(hours=2),
            summary="王总:要一个新报表",
            issue_id=issue.id,
        ),
    )
    reports = next(c.id for c in categories.list_categories(ctx) if c.name_en == "Reports and dashboards")

    made = guard.capture_ask(
        ctx, guard.AskDraft(project_id=pid, from_log_entry_id=entry.id, category_id=reports)
    )
    plain = guard.capture_ask(ctx, guard.AskDraft(project_id=pid, what="Another screen"))

    assert (made.issue_id, made.category_id) == (issue.id, reports)
    assert made.category is not None and made.category.label(Language.ZH_CN) == "报表与看板"
    assert (plain.issue_id, plain.category_id) == (None, None)
