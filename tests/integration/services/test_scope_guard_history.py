"""One scope-guard action is one change in the request's history: the scope check that closes an ask
as in scope and the B triage that defers it each add exactly one audit event (and one row version),
not one for the fields set before the engineer's name was read and another for the rest."""

from __future__ import annotations

from deliverydesk.domain.drafts import ScopeItemDraft, SettingsDraft
from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.services import scope_guard as guard
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import scope, settings
from deliverydesk.services.scope_guard import change_requests
from deliverydesk.store.audit import record_events
from tests.integration.services.conftest import Setup


def _events(ctx: ServiceContext, record_id: str) -> int:
    with ctx.db.unit_of_work() as session:
        return len(record_events(session, record_id))


def _ask(ctx: ServiceContext, setup: Setup) -> str:
    settings.update_settings(ctx, SettingsDraft(engineer_name="张浩"))
    return guard.capture_ask(
        ctx, guard.AskDraft(project_id=setup.project_id, what="报表导出 PDF 加公司水印")
    ).id


def test_a_scope_check_that_closes_an_ask_in_scope_is_one_change(ctx: ServiceContext, setup: Setup) -> None:
    item = scope.create_scope_item(ctx, ScopeItemDraft(project_id=setup.project_id, title="报表导出"))
    request_id = _ask(ctx, setup)
    before, version = (
        _events(ctx, request_id),
        change_requests.get_change_request(ctx, request_id).row_version,
    )
    checked = guard.check_scope(ctx, request_id, scope_item_id=item.id)
    assert checked.request.decision is Decision.WITHDRAWN and checked.request.decided_by == "张浩"
    assert _events(ctx, request_id) == before + 1
    assert checked.request.row_version == version + 1


def test_a_b_triage_that_defers_is_one_change(ctx: ServiceContext, setup: Setup) -> None:
    request_id = _ask(ctx, setup)
    guard.check_scope(ctx, request_id)  # out of scope
    before, version = (
        _events(ctx, request_id),
        change_requests.get_change_request(ctx, request_id).row_version,
    )
    triaged = guard.triage_change_request(ctx, request_id, Triage.B)
    assert triaged.request.decision is Decision.DEFERRED and triaged.request.decided_by == "张浩"
    assert _events(ctx, request_id) == before + 1
    assert triaged.request.row_version == version + 1
