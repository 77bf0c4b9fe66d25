"""The Overview's change-request tallies and the project's meters, counted per decision in SQL
(``overview_queries.request_groups``): every decision counted, hours summed under the scope guard's
rules, tombstoned (archived) requests left out, a decision whose requests are all in scope adding no
out-of-scope hours."""

from __future__ import annotations

from datetime import UTC, datetime

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision, ScopeCheck, Triage
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.overview import open_project
from deliverydesk.services.scope_guard import project_meters
from deliverydesk.services.scope_guard.change_requests import create_change_request
from deliverydesk.store.tables import ChangeRequestRow
from tests.integration.services.conftest import Setup, day

D, C = Decision, ScopeCheck
# decision, scope check, hours, triage
ASKS = [
    (D.APPROVED_GOODWILL, C.IN_SCOPE, 2.5, Triage.A),
    (D.APPROVED_GOODWILL, C.OUT_OF_SCOPE, 1.25, Triage.B),
    (D.APPROVED_BILLABLE, C.EXCLUDED, 4.0, Triage.C),
    (D.APPROVED_BILLABLE, C.IN_SCOPE, 3.0, Triage.A),
    (D.DEFERRED, C.IN_SCOPE, 6.0, Triage.B),  # every deferred one in scope: no out-of-scope hours
    (D.DEFERRED, C.IN_SCOPE, 1.0, Triage.C),
    (D.DECLINED, C.OUT_OF_SCOPE, 50.0, Triage.C),  # declined: counted, no hours
    (D.PENDING, C.UNCHECKED, 8.0, Triage.UNTRIAGED),
]


def ask(
    ctx: ServiceContext, project_id: str, decision: Decision, check: ScopeCheck, hours: float, triage: Triage
) -> str:
    draft = ChangeRequestDraft(
        project_id=project_id,
        title=f"{decision} {check} {hours}",
        requested_on=day(-1),
        decision=decision,
        effort_hours=hours,
        scope_check=check,
        triage=triage,
    )
    return create_change_request(ctx, draft).id


def tombstone(ctx: ServiceContext, request_id: str) -> None:
    """Archived as a sync pull of another laptop's deletion would leave it."""
    with ctx.db.unit_of_work() as session:
        row = session.get(ChangeRequestRow, request_id)
        assert row is not None
        row.archived_at = datetime.now(UTC)


def test_requests_are_counted_per_decision_and_archived_ones_left_out(
    ctx: ServiceContext, setup: Setup
) -> None:
    for decision, check, hours, triage in ASKS:
        ask(ctx, setup.project_id, decision, check, hours, triage)
    gone = ask(ctx, setup.project_id, D.APPROVED_GOODWILL, C.OUT_OF_SCOPE, 100.0, Triage.B)
    tombstone(ctx, gone)
    gone_b = ask(ctx, setup.project_id, D.DEFERRED, C.OUT_OF_SCOPE, 9.0, Triage.B)
    tombstone(ctx, gone_b)

    opened = open_project(ctx, setup.project_id)

    overview, meters = opened.overview, opened.meters
    assert overview.change_requests_by_decision == {
        D.APPROVED_GOODWILL: 2,
        D.APPROVED_BILLABLE: 2,
        D.DEFERRED: 2,
        D.DECLINED: 1,
        D.PENDING: 1,
    }
    assert overview.goodwill_hours_used == 3.75 == meters.goodwill.used
    assert overview.out_of_scope_hours_accepted == 5.25 == meters.scope_creep.used  # 1.25 + 4.0
    assert meters.deferred_b_items == 1 and meters.done_without_decision == 0
    assert meters == project_meters(ctx, setup.project_id)


def test_accepted_requests_all_in_scope_add_no_out_of_scope_hours(ctx: ServiceContext, setup: Setup) -> None:
    ask(ctx, setup.project_id, D.APPROVED_BILLABLE, C.IN_SCOPE, 3.0, Triage.A)
    ask(ctx, setup.project_id, D.APPROVED_GOODWILL, C.IN_SCOPE, 2.0, Triage.A)

    overview = open_project(ctx, setup.project_id).overview

    assert overview.goodwill_hours_used == 2.0
    assert repr(overview.out_of_scope_hours_accepted) == "0"  # none, as the rule's sum of none
    assert overview.scope_creep_ratio == 0.0
