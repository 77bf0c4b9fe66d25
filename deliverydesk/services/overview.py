"""The Overview page of a project: milestone health, expectation and decision tallies, meters."""

from __future__ import annotations

from collections import Counter

from deliverydesk.domain.metrics import (
    ChangeEffort,
    accepted_out_of_scope_hours,
    goodwill_hours_used,
    goodwill_ratio,
    scope_creep_ratio,
)
from deliverydesk.domain.models import ProjectOverview
from deliverydesk.services.common import get_row
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.milestones import milestone_item
from deliverydesk.services.projects import project_item
from deliverydesk.store.queries import change_efforts, count_by
from deliverydesk.store.records import list_rows
from deliverydesk.store.tables import ExpectationRow, MilestoneRow, ProjectRow

MAX_MILESTONES = 1000  # a project has tens; the bound keeps a damaged database from stalling the page


def get_project_overview(ctx: ServiceContext, project_id: str) -> ProjectOverview:
    with ctx.db.unit_of_work() as session:
        project = project_item(session, get_row(session, ProjectRow, project_id, "project"))
        milestones, _ = list_rows(
            session, MilestoneRow, where={"project_id": project_id}, limit=MAX_MILESTONES
        )
        health = Counter(milestone_item(session, m, ctx.today()).health for m in milestones)
        expectations = count_by(session, ExpectationRow, "status", project_id)
        changes = [ChangeEffort(*row) for row in change_efforts(session, project_id)]
    decisions = Counter(c.decision for c in changes)
    used = goodwill_hours_used(changes)
    out_of_scope = accepted_out_of_scope_hours(changes)
    return ProjectOverview(
        project=project,
        milestones_by_health=dict(health),
        expectations_by_status=expectations,
        change_requests_by_decision=dict(decisions),
        goodwill_hours_used=used,
        goodwill_budget_hours=project.goodwill_budget_hours,
        goodwill_ratio=goodwill_ratio(used, project.goodwill_budget_hours),
        out_of_scope_hours_accepted=out_of_scope,
        contracted_effort_hours=project.contracted_effort_hours,
        scope_creep_ratio=scope_creep_ratio(out_of_scope, project.contracted_effort_hours),
    )
