"""The demo's other projects: handed over (with handover items and a butterfly review), on hold,
planning, and two smaller active ones, in English and Chinese."""

from __future__ import annotations

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ExpectationDraft,
    IssueDraft,
    LogEntryDraft,
    MilestoneDraft,
)
from deliverydesk.domain.enums import (
    Channel,
    ExpectationStatus,
    Language,
    LogKind,
    MilestoneStatus,
    OwnerSide,
    ProjectStatus,
    ScopeCheck,
    ScopeStatus,
    Severity,
    Triage,
)
from deliverydesk.services.demo.handover import create_handed_over
from deliverydesk.services.demo.support import (
    DATA_MIGRATION,
    REPORTS,
    Demo,
    DemoClient,
    make_project,
    make_scope,
)
from deliverydesk.services.records.expectations import EXPECTATIONS
from deliverydesk.services.records.issues import ISSUES
from deliverydesk.services.records.log import add_log_entry_in
from deliverydesk.services.records.milestones import create_milestone_in, move_milestone_in
from deliverydesk.services.scope_guard.change_requests import CHANGE_REQUESTS


def create_other_projects(demo: Demo, clients: dict[str, DemoClient]) -> None:
    create_handed_over(demo, clients["nordwerk"])
    _on_hold(demo, clients["pacific"])
    _planning(demo, clients["ruifeng"])
    _small_active(demo, clients["jiangnan"], clients["pacific"])


COLD_CHAIN_SCOPE = [
    ("Temperature logger integration", "Every pallet scan shows the last logged temperature.", 120.0),
    ("Lot data migration from the old WMS", "All open lots migrated; counts match per location.", 60.0),
]


def _on_hold(demo: Demo, client: DemoClient) -> None:
    project = make_project(
        demo,
        client,
        "DD-2026-021",
        "Cold-chain WMS integration",
        -45,
        60,
        status=ProjectStatus.ON_HOLD,
        currency="USD",
        contract_value_cents=96_500_00,
        language=Language.EN,
        holiday_calendar="US",
        contracted_effort_hours=260.0,
        goodwill_budget_hours=12.0,
        delivery_lead="Zhang Hao",
    )
    make_scope(
        demo,
        project,
        [(*item, ScopeStatus.IN_PROGRESS) for item in COLD_CHAIN_SCOPE],
        ["Replacing the temperature loggers.", "Changes to the corporate ERP."],
    )
    create_milestone_in(
        demo.ctx,
        demo.session,
        MilestoneDraft(
            project_id=project,
            name="Design sign-off",
            baseline_date=demo.day(-30),
            actual_date=demo.day(-28),
            status=MilestoneStatus.ACCEPTED,
        ),
    )
    test_env = create_milestone_in(
        demo.ctx,
        demo.session,
        MilestoneDraft(
            project_id=project,
            name="Test environment provided by client IT",
            baseline_date=demo.day(-10),
            owner_side=OwnerSide.CLIENT,
            status=MilestoneStatus.WAITING_ON_CLIENT,
        ),
    ).id
    move_milestone_in(
        demo.ctx,
        demo.session,
        test_env,
        demo.day(14),
        reason="Corporate IT change freeze until the quarter closes.",
    )
    _on_hold_records(demo, project)


def _on_hold_records(demo: Demo, project: str) -> None:
    ISSUES.create_in(
        demo.ctx,
        demo.session,
        IssueDraft(
            project_id=project,
            title="Lot codes truncated to 10 characters in the migration extract",
            category_id=demo.category(DATA_MIGRATION),
            severity=Severity.HIGH,
            reported_on=demo.day(-12),
            symptoms="3% of lots could not be matched to their temperature history.",
        ),
    )
    add_log_entry_in(
        demo.ctx,
        demo.session,
        LogEntryDraft(
            project_id=project,
            occurred_at=demo.at(-11, hour=17),
            kind=LogKind.EMAIL,
            participants="Sarah Mitchell, Tom Reyes, Zhang Hao",
            summary=(
                "Client put the project on hold until the IT freeze ends; "
                "we confirmed in writing that dates move with it."
            ),
        ),
    )


def _planning(demo: Demo, client: DemoClient) -> None:
    project = make_project(
        demo,
        client,
        "DD-2026-027",
        "SMT 产线数据采集 / SMT line data acquisition",
        10,
        100,
        contracted_effort_hours=200.0,
        goodwill_budget_hours=8.0,
        language=Language.ZH_CN,
        contract_value_cents=420_000_00,
        delivery_lead="张浩",
    )
    make_scope(
        demo,
        project,
        [
            ("贴片机数据采集", "6 台贴片机的抛料率每 5 分钟采集一次。", 120.0, ScopeStatus.NOT_STARTED),
            ("抛料率日报", "每天 8 点自动发送前一日报表。", 40.0, ScopeStatus.NOT_STARTED),
        ],
        ["贴片机程序的优化。"],
    )
    for name, day, main in (("需求确认", 15, False), ("采集上线", 60, False), ("验收", 95, True)):
        create_milestone_in(
            demo.ctx,
            demo.session,
            MilestoneDraft(project_id=project, name=name, baseline_date=demo.day(day), is_main=main),
        )
    EXPECTATIONS.create_in(
        demo.ctx,
        demo.session,
        ExpectationDraft(
            project_id=project,
            statement="管理层每天早上看到各线抛料率。",
            measure="连续 10 个工作日 8:00 前收到日报。",
            due_date=demo.day(90),
            agreed_with_id=client.contacts["liu"],
            status=ExpectationStatus.DRAFT,
        ),
    )


def _small_active(demo: Demo, jiangnan: DemoClient, pacific: DemoClient) -> None:
    gsp = make_project(
        demo,
        jiangnan,
        "DD-2026-018",
        "GSP 温湿度监控系统 / GSP climate monitoring",
        -30,
        40,
        status=ProjectStatus.ACTIVE,
        contracted_effort_hours=150.0,
        goodwill_budget_hours=8.0,
        language=Language.ZH_CN,
        delivery_lead="张浩",
        contract_value_cents=260_000_00,
    )
    make_scope(
        demo,
        gsp,
        [("库区温湿度监控与报警", "超限 1 分钟内短信通知值班人员。", 150.0, ScopeStatus.IN_PROGRESS)],
        [],
    )
    create_milestone_in(
        demo.ctx,
        demo.session,
        MilestoneDraft(
            project_id=gsp,
            name="传感器安装完成",
            baseline_date=demo.day(-3),  # no new forecast yet: shows as overdue
            status=MilestoneStatus.IN_PROGRESS,
        ),
    )
    ISSUES.create_in(
        demo.ctx,
        demo.session,
        IssueDraft(
            project_id=gsp,
            title="2 号库区传感器无线信号时断时续 / zone 2 sensors drop off the network",
            category_id=demo.category("Site network"),
            severity=Severity.MEDIUM,
            reported_on=demo.day(-6),
            resolved_on=demo.day(-4),
            root_cause="货架满载后金属遮挡了无线网关。",
            resolution="网关移到通道上方,并增加一个中继;连续 48 小时无掉线。",
        ),
    )
    _gsp_ask(demo, gsp, jiangnan)
    _oee(demo, pacific)


def _gsp_ask(demo: Demo, gsp: str, jiangnan: DemoClient) -> None:
    CHANGE_REQUESTS.create_in(
        demo.ctx,
        demo.session,
        ChangeRequestDraft(
            project_id=gsp,
            title="冷库门磁报警",
            requested_on=demo.day(-5),
            requested_by_id=jiangnan.contacts["sun"],
            channel=Channel.SITE_VISIT,
            triage=Triage.B,
            scope_check=ScopeCheck.OUT_OF_SCOPE,
            effort_hours=12.0,
        ),
    )


def _oee(demo: Demo, pacific: DemoClient) -> None:
    """Time and material: no contracted effort, so no scope-creep ratio."""
    oee = make_project(
        demo,
        pacific,
        "DD-2026-030",
        "Packaging line OEE dashboard",
        -14,
        50,
        status=ProjectStatus.ACTIVE,
        currency="USD",
        language=Language.EN,
        holiday_calendar="US",
        contracted_effort_hours=0.0,
        delivery_lead="Zhang Hao",
    )
    create_milestone_in(
        demo.ctx,
        demo.session,
        MilestoneDraft(project_id=oee, name="Dashboard pilot on line 1", baseline_date=demo.day(20)),
    )
    ask = ChangeRequestDraft(
        project_id=oee,
        title="Shift OEE report e-mailed to supervisors every morning",
        requested_on=demo.day(-3),
        channel=Channel.EMAIL,
        category_id=demo.category(REPORTS),  # more reports: the third client asking
    )
    CHANGE_REQUESTS.create_in(demo.ctx, demo.session, ask)
