"""The Handover page's checklist: deferred B-items, waiting until the main goal is met, then due."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.drafts import ChangeRequestDraft, MilestoneDraft
from deliverydesk.domain.enums import Decision, MilestoneStatus, Triage
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_HANDOVER
from deliverydesk.gui.pages.project.handover import HandoverPage
from deliverydesk.services.records.milestones import create_milestone
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.gui.project.conftest import Workbench


def test_deferred_b_items_are_listed_and_open_their_request(qtbot, bench: Workbench) -> None:
    ctx = bench.env.ctx
    page = bench.page(AREA_HANDOVER)
    assert isinstance(page, HandoverPage)
    assert page.deferred_box.isHidden(), "no deferred B-item: no reminder"
    request = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=bench.project_id,
            title="<b>Export to Excel</b>",
            requested_on=date(2026, 3, 2),
            triage=Triage.B,
            decision=Decision.DEFERRED,
            rationale="After go-live",
        ),
    )
    page.refresh()
    bench.idle()
    assert not page.deferred_box.isHidden()
    assert "waiting" in page.deferred_box.title()
    (shown,) = [page.deferred_list.item(row) for row in range(page.deferred_list.count())]
    assert shown.text() == f"{request.ref}  <b>Export to Excel</b>"
    with qtbot.waitSignal(page.record_opened) as opened:
        page.deferred_list.itemActivated.emit(shown)
    assert opened.args == [AREA_CHANGE_REQUESTS, request.id]

    main = MilestoneDraft(
        project_id=bench.project_id,
        name="Go-live",
        baseline_date=date(2026, 3, 1),
        actual_date=date(2026, 3, 1),
        status=MilestoneStatus.ACCEPTED,
        is_main=True,
    )
    create_milestone(ctx, main)
    page.refresh()
    bench.idle()
    assert "now is the time" in page.deferred_box.title()
