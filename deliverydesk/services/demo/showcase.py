"""The demo's showcase project (DD-2026-014, Chinese): milestones that slipped with their history, the
"eight extra asks in one meeting" scenario, a corrected log entry and a data-migration issue."""

from __future__ import annotations

from deliverydesk.domain.drafts import (
    ExclusionDraft,
    ExpectationDraft,
    IssueDraft,
    LogEntryDraft,
    MilestoneDraft,
    ProjectDraft,
    ScopeItemDraft,
)
from deliverydesk.domain.enums import (
    ExpectationStatus,
    Language,
    LogKind,
    MilestoneStatus,
    OwnerSide,
    ProjectStatus,
    ScopeStatus,
    Severity,
)
from deliverydesk.services.demo.asks import create_asks
from deliverydesk.services.demo.commitments import CommitmentEntries, create_commitments
from deliverydesk.services.demo.support import DATA_MIGRATION, Demo, DemoClient
from deliverydesk.services.records import scope
from deliverydesk.services.records.expectations import EXPECTATIONS
from deliverydesk.services.records.issues import ISSUES
from deliverydesk.services.records.log import add_log_entry_in, correct_log_entry_in
from deliverydesk.services.records.milestones import (
    create_milestone_in,
    move_milestone_in,
    update_milestone_in,
)
from deliverydesk.services.records.projects import create_project_in


def create_showcase(demo: Demo, client: DemoClient) -> None:
    project = create_project_in(
        demo.ctx,
        demo.session,
        ProjectDraft(
            code="DD-2026-014",
            name="MES 二期上线 / MES phase 2 rollout",
            client_id=client.id,
            contract_ref="HDPM-2025-MES-02",
            contract_value_cents=1_280_000_00,
            currency="CNY",
            start_date=demo.day(-60),
            end_date=demo.day(75),
            status=ProjectStatus.ACTIVE,
            delivery_lead="张浩",
            sales_owner="周婷",
            contracted_effort_hours=480.0,
            goodwill_budget_hours=24.0,
            language=Language.ZH_CN,
            summary_rrule="FREQ=WEEKLY;BYDAY=FR",
            holiday_calendar="CN",
        ),
    )
    _scope(demo, project.id)
    requests = create_asks(demo, project.id, client)
    _milestones(demo, project.id, requests["second_plant"])
    _expectations(demo, project.id, client)
    issue = _migration_issue(demo, project.id)
    _log(demo, project.id, client, requests, issue)


def _migration_issue(demo: Demo, project_id: str) -> str:
    """The data-migration problem this client shares with two others (a recurring problem)."""
    return ISSUES.create_in(
        demo.ctx,
        demo.session,
        IssueDraft(
            project_id=project_id,
            title="历史工单迁移后工序字段错位 / work-order history imported into the wrong fields",
            category_id=demo.category(DATA_MIGRATION),
            severity=Severity.HIGH,
            reported_on=demo.day(-12),
            resolved_on=demo.day(-8),
            symptoms="迁移后的 2023 年工单中,工序号出现在备注栏;车间无法按工序查询。",
            root_cause="客户导出模板比约定版本多一列,映射脚本未校验列头。",
            resolution="映射脚本按列名而非列序读取;重新导入并由李娜抽查 50 张工单确认。",
        ),
    ).id


SCOPE = [
    (
        "工单管理与报工",
        "扫码报工、工单派工、完工入库。",
        "二车间 3 条产线连续 5 个工作日扫码报工,无需纸质补录。",
        160.0,
        ScopeStatus.DELIVERED,
    ),
    (
        "质量追溯",
        "按批次追溯原料、工序与检验结果。",
        "任选 10 个成品批次,2 分钟内查到原料批次和检验记录。",
        120.0,
        ScopeStatus.IN_PROGRESS,
    ),
    (
        "设备 OEE 看板",
        "车间大屏显示设备状态与 OEE。",
        "3 条产线 OEE 与设备状态每分钟刷新,和人工记录偏差 ≤ 3%。",
        80.0,
        ScopeStatus.IN_PROGRESS,
    ),
    (
        "近两年数据迁移",
        "迁移 2024 年以来的工单、物料与检验数据。",
        "抽查 50 张工单,字段与旧系统一致。",
        80.0,
        ScopeStatus.IN_PROGRESS,
    ),
    (
        "关键用户培训",
        "两次现场培训与操作手册。",
        "每位关键用户独立完成一次报工与追溯查询。",
        40.0,
        ScopeStatus.NOT_STARTED,
    ),
]
EXCLUSIONS = [
    "ERP 系统本身的修改或升级不在本项目范围内。/ Changes to the ERP itself.",
    "2024 年以前的历史数据迁移。/ Migrating data older than 2024.",
    "网络布线、服务器与扫码枪等硬件的采购和安装。/ Buying or installing network, servers or scanners.",
]


def _scope(demo: Demo, project_id: str) -> None:
    for title, description, criteria, hours, status in SCOPE:
        draft = ScopeItemDraft(
            project_id=project_id,
            title=title,
            description=description,
            acceptance_criteria=criteria,
            effort_hours=hours,
            status=status,
        )
        scope.SCOPE_ITEMS.create_in(demo.ctx, demo.session, draft)
    for text in EXCLUSIONS:
        scope.EXCLUSIONS.create_in(demo.ctx, demo.session, ExclusionDraft(project_id=project_id, text=text))


def _milestones(demo: Demo, project_id: str, second_plant_cr: str) -> None:
    def make(name: str, baseline: int, **extra: object) -> str:
        draft = MilestoneDraft(project_id=project_id, name=name, baseline_date=demo.day(baseline), **extra)  # type: ignore[arg-type]
        return create_milestone_in(demo.ctx, demo.session, draft).id

    make("项目启动 / kick-off", -60, actual_date=demo.day(-60), status=MilestoneStatus.ACCEPTED)
    fat = make("工厂验收 FAT / factory acceptance", -30)
    move_milestone_in(demo.ctx, demo.session, fat, demo.day(-26), reason="服务器到货延迟 4 天(客户采购)。")
    fat_item = MilestoneDraft(
        id=fat,
        project_id=project_id,
        name="工厂验收 FAT / factory acceptance",
        baseline_date=demo.day(-30),
        forecast_date=demo.day(-26),
        actual_date=demo.day(-26),
        status=MilestoneStatus.ACCEPTED,
    )
    update_milestone_in(demo.ctx, demo.session, fat_item, reason="FAT 通过,王建国签字确认。")
    migration = make("数据迁移完成 / data migration complete", -5, status=MilestoneStatus.IN_PROGRESS)
    move_milestone_in(demo.ctx, demo.session, migration, demo.day(2), reason="客户主数据清洗比计划晚一周。")
    move_milestone_in(
        demo.ctx,
        demo.session,
        migration,
        demo.day(9),
        reason="二厂两条产线纳入迁移范围(已批准的变更)。",
        change_request_id=second_plant_cr,
    )
    make(
        "现场验收 SAT / site acceptance",
        20,
        forecast_date=demo.day(27),
        owner_side=OwnerSide.CLIENT,
        status=MilestoneStatus.WAITING_ON_CLIENT,
    )
    make("正式上线 / go-live", 40, forecast_date=demo.day(47), is_main=True)


def _expectations(demo: Demo, project_id: str, client: DemoClient) -> None:
    items = [
        (
            "上线后扫码报工在 2 秒内完成。",
            "随机抽 20 次扫码报工,至少 19 次 ≤ 2 秒。",
            40,
            "wang",
            ExpectationStatus.CONFIRMED,
        ),
        (
            "任一成品批次可追溯到原料批次和检验结果。",
            "任选 10 个批次,每个 2 分钟内查到。",
            20,
            "wang",
            ExpectationStatus.MET,
        ),
        (
            "车间大屏显示 OEE,每分钟刷新。",
            "与人工记录对比一周,偏差 ≤ 3%。",
            30,
            "chen",
            ExpectationStatus.CONFIRMED,
        ),
        (
            "班组长可自行维护工艺路线,无需供应商支持。",
            "培训后班组长独立新建一条工艺路线。",
            45,
            "li",
            ExpectationStatus.DRAFT,
        ),
    ]
    for statement, measure, due, who, status in items:
        draft = ExpectationDraft(
            project_id=project_id,
            statement=statement,
            measure=measure,
            due_date=demo.day(due),
            agreed_with_id=client.contacts[who],
            status=status,
        )
        EXPECTATIONS.create_in(demo.ctx, demo.session, draft)


def _log(demo: Demo, project_id: str, client: DemoClient, requests: dict[str, str], issue: str) -> None:
    def add(day: int, kind: LogKind, summary: str, details: str = "", **links: str) -> str:
        draft = LogEntryDraft(
            project_id=project_id,
            occurred_at=demo.at(day),
            kind=kind,
            summary=summary,
            participants="王建国, 李娜, 张浩",
            details=details,
            **links,
        )
        return add_log_entry_in(demo.ctx, demo.session, draft).id

    add(-60, LogKind.MEETING, "项目启动会:确认范围、里程碑与每周五进度报告。")
    weekly = add(
        -20,
        LogKind.MEETING,
        "王总在周例会上提出 8 项新需求,逐项记录为 CR-1 至 CR-8。",
        "逐项说明了对上线目标的影响;客户同意两天内给出决定。",
    )
    decision = add(
        -18,
        LogKind.DECISION,
        "CR-5 二厂建模:按变更另行报价,客户同意。",
        change_request_id=requests["second_plant"],
    )
    call = add(-15, LogKind.CALL, "与李娜电话确认主数据清洗进度:预计下周三完成。")
    correction = LogEntryDraft(
        project_id=project_id,
        occurred_at=demo.at(-15),
        kind=LogKind.CALL,
        participants="李娜, 张浩",
        summary="与李娜电话确认主数据清洗进度:预计下周五完成(更正:原记录误写为周三)。",
    )
    call = correct_log_entry_in(demo.ctx, demo.session, call, correction).id
    add(-10, LogKind.EMAIL, "发送数据迁移字段映射表给李娜确认。", issue_id=issue)
    promise = add(-3, LogKind.COMMITMENT, "我方承诺:两天内提交二厂数据迁移方案。")
    create_commitments(demo, project_id, CommitmentEntries(weekly, decision, call, promise))
