"""A project switch (``open_project``) on the demo database at known days: the counts and meters the
workspace shows, recorded from the code before the one-pass tally (``domain.scope_guard.tally_requests``,
2026-12-05); the same records as the services that read them one by one."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from deliverydesk.services.context import ServiceContext
from deliverydesk.services.overview import OpenedProject, get_project_overview, open_project
from deliverydesk.services.records.projects import list_projects
from deliverydesk.services.scope_guard import project_meters, project_meters_many
from tests.conftest import fixed_clock

# days after the fixed clock's: digest of every demo project's switch (by code)
KNOWN = {0: "b8a7f56baee5290e", 60: "7fb92d268839f0ad", 400: "9dbb0928505c9547"}


def shown(opened: OpenedProject) -> tuple[Any, ...]:
    """What the header and the Overview show, without the records' ids (new on every demo build)."""
    o, m = opened.overview, opened.meters
    return (
        o.project.code,
        sorted((h.value, n) for h, n in o.milestones_by_health.items()),
        list(o.expectations_by_status.items()),
        list(o.change_requests_by_decision.items()),
        (o.goodwill_hours_used, o.goodwill_budget_hours, o.goodwill_ratio),
        (o.out_of_scope_hours_accepted, o.contracted_effort_hours, o.scope_creep_ratio),
        (m.goodwill, m.scope_creep, m.done_without_decision, m.deferred_b_items),
        (opened.client.name, opened.client.contact_language, [c.name for c in opened.contacts]),
    )


def digest(ctx: ServiceContext) -> str:
    projects = list_projects(ctx, include_archived=True, limit=200).rows
    lines = [repr(shown(open_project(ctx, p.id))) for p in sorted(projects, key=lambda p: p.code)]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


@pytest.mark.parametrize("days", sorted(KNOWN))
def test_a_switch_shows_what_it_showed_before(demo_ctx: ServiceContext, days: int) -> None:
    ctx = replace(demo_ctx, clock=lambda: fixed_clock() + timedelta(days=days))
    assert digest(ctx) == KNOWN[days]


def test_the_overview_and_the_meters_agree_with_their_own_services(demo_ctx: ServiceContext) -> None:
    projects = list_projects(demo_ctx, include_archived=True, limit=200).rows
    many = project_meters_many(demo_ctx, [p.id for p in projects])
    flagged = 0
    for summary in projects:
        opened = open_project(demo_ctx, summary.id)
        assert opened.overview == get_project_overview(demo_ctx, summary.id)
        assert opened.meters == project_meters(demo_ctx, summary.id) == many[summary.id]
        flagged += opened.meters.done_without_decision + opened.meters.deferred_b_items
    assert flagged, "the demo has requests worked on without a decision or deferred B-items"
