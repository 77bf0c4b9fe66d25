"""The demo's "eight extra asks in one meeting": most are deferred or declined with the client's own
interest as the reason, one is done as goodwill, one becomes a billable change; then a withdrawn, a
pending and a pending-approval request."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from deliverydesk.domain.drafts import ChangeRequestDraft, LogEntryDraft
from deliverydesk.domain.enums import Channel, Decision, LogKind, RiskLevel, ScopeCheck, Triage
from deliverydesk.services.demo.support import DATA_MIGRATION, REPORTS, Demo, DemoClient
from deliverydesk.services.records.log import add_log_entry_in
from deliverydesk.services.scope_guard import DecisionRequest, decide_change_request_in
from deliverydesk.services.scope_guard.change_requests import CHANGE_REQUESTS

ENGINEER = "张浩"
GOODWILL_NOTE = "本次为友情支持,不作为先例。"


# key, title, triage, decision, effort, rationale (the client's own interest first), analysis
ASKS = [
    (
        "daily_report",
        "增加班组长绩效日报",
        Triage.B,
        Decision.DEFERRED,
        16.0,
        "先保证上线目标:现在做会占用贵方关键用户的测试时间。上线稳定后作为第一项优化,届时数据也更完整。",
    ),
    (
        "old_erp",
        "对接旧 ERP 采购模块",
        Triage.C,
        Decision.DECLINED,
        120.0,
        "旧 ERP 明年替换,现在对接会让贵方为同一功能付两次接口费用并多维护一年。建议纳入新 ERP 项目统一规划。",
    ),
    (
        "weather",
        "车间大屏增加天气显示",
        Triage.B,
        Decision.DECLINED,
        4.0,
        "与生产目标无关,还会挤占大屏上 OEE 的显示空间;车间主任同意保持大屏只显示生产信息。",
    ),
    (
        "scanner_fw",
        "40 台扫码枪固件升级",
        Triage.A,
        Decision.APPROVED_GOODWILL,
        6.0,
        "旧固件无法识别新的二维码格式,阻碍报工上线目标,立即处理并已告知客户。" + GOODWILL_NOTE,
    ),
    (
        "second_plant",
        "新增二厂 2 条产线建模",
        Triage.C,
        Decision.APPROVED_BILLABLE,
        80.0,
        "二厂产线纳入同一系统对贵方有长期价值;另行报价并签变更,数据迁移里程碑顺延 5 个工作日。",
    ),
    (
        "mobile_app",
        "手机端审批 App",
        Triage.C,
        Decision.DEFERRED,
        200.0,
        "建议一期稳定运行三个月后再评估;现在开发会推迟上线,贵方的收益也随之推迟。",
    ),
    (
        "pdf_watermark",
        "报表导出 PDF 加公司水印",
        Triage.B,
        Decision.DEFERRED,
        6.0,
        "上线后与报表优化一起做,避免在验收前改动已确认的报表格式。",
    ),
    (
        "ten_years",
        "迁移全部 10 年历史数据",
        Triage.C,
        Decision.DECLINED,
        160.0,
        "全部迁移将使上线推迟约 6 周,而贵方日常只查询近两年数据;建议旧库只读归档,需要时可查。",
    ),
]

# The taxonomy's category of some asks; more reports recur at other clients too (a product gap).
ASK_CATEGORIES = {
    "daily_report": REPORTS,
    "weather": REPORTS,
    "pdf_watermark": REPORTS,
    "old_erp": "Integration interfaces",
    "ten_years": DATA_MIGRATION,
}


def create_asks(demo: Demo, project_id: str, client: DemoClient) -> dict[str, str]:
    """Eight asks from one meeting: most deferred or declined in the client's interest."""
    made: dict[str, str] = {}
    meeting_day = demo.day(-20)
    for key, title, triage, decision, hours, rationale in ASKS:
        billable = decision is Decision.APPROVED_BILLABLE
        draft = ChangeRequestDraft(
            project_id=project_id,
            title=title,
            requested_on=meeting_day,
            requested_by_id=client.contacts["wang"],
            channel=Channel.MEETING,
            category_id=demo.category(ASK_CATEGORIES[key]) if key in ASK_CATEGORIES else None,
            triage=triage,
            scope_check=ScopeCheck.EXCLUDED if key == "ten_years" else ScopeCheck.OUT_OF_SCOPE,
            effort_hours=hours,
            cost_cents=int(hours * 900_00) if billable else 0,
            schedule_days=5 if billable else 0,
            risk=RiskLevel.MEDIUM if hours > 40 else RiskLevel.LOW,
            client_benefit=f"{title}:对贵方日常工作有帮助。",
            client_cost="需要贵方关键用户参与确认与测试" + (",并支付变更费用。" if billable else "。"),
            recommendation=rationale.split("。")[0] + "。",
            decision=decision,
            decided_by=ENGINEER,
            decided_on=meeting_day + timedelta(days=2),
            rationale=rationale,
        )
        made[key] = CHANGE_REQUESTS.create_in(demo.ctx, demo.session, draft).id
    _later_asks(demo, project_id, client, made)
    return made


def _later_asks(demo: Demo, project_id: str, client: DemoClient, made: dict[str, str]) -> None:
    base = ChangeRequestDraft(
        project_id=project_id, title="", requested_on=demo.day(-9), requested_by_id=client.contacts["li"]
    )
    made["withdrawn"] = CHANGE_REQUESTS.create_in(
        demo.ctx,
        demo.session,
        replace(
            base,
            title="质检单增加英文翻译",
            triage=Triage.B,
            effort_hours=8.0,
            scope_check=ScopeCheck.OUT_OF_SCOPE,
            decision=Decision.WITHDRAWN,
            decided_by="李娜",
            decided_on=demo.day(-7),
            rationale="客户确认外审只需要中文质检单,撤回请求。",
        ),
    ).id
    made["pending"] = CHANGE_REQUESTS.create_in(
        demo.ctx,
        demo.session,
        replace(
            base,
            title="仓库条码标签改用新模板",
            requested_on=demo.day(-2),
            channel=Channel.MESSAGE,
            description="李娜微信提出:仓库希望标签加大字号。待确认是否属于范围条目 S-1。",
        ),
    ).id
    held = CHANGE_REQUESTS.create_in(
        demo.ctx,
        demo.session,
        replace(
            base,
            title="夜班临时驻场支持一周",
            requested_by_id=client.contacts["chen"],
            triage=Triage.A,
            scope_check=ScopeCheck.OUT_OF_SCOPE,
            effort_hours=20.0,
            risk=RiskLevel.MEDIUM,
            client_benefit="夜班首次使用新系统时有人现场解决问题。",
            client_cost="无额外费用,但需安排夜班联系人。",
            risks="驻场一周占用二期数据迁移的人手,迁移可能推迟两天。",
            alternatives="远程值守加一份夜班操作速查卡。",
            recommendation="作为友情支持,但超出工程师授权额度,需上级审批。",
        ),
    ).id
    rationale = (
        "夜班是二期上线后最容易出错的班次,首周有人在现场能避免停线。\n"
        "20 小时超出本人每项变更 8 小时的授权额度,也超出本项目剩余的友情支持额度,提交上级审批。"
    )
    decision = DecisionRequest(request_id=held, outcome=Decision.APPROVED_GOODWILL, rationale=rationale)
    made["pending_approval"] = decide_change_request_in(
        demo.ctx, demo.session, decision
    ).request.id  # held: above you
    # An A-item is done at once: the first night on site is logged before the manager has decided,
    # which Today and the Overview flag as work done without a decision.
    night = LogEntryDraft(
        project_id=base.project_id,
        occurred_at=demo.at(-1, 22),
        kind=LogKind.SITE_VISIT,
        participants="陈磊, 张浩",
        summary="夜班驻场第一晚:现场处理两次扫码报错,夜班正常生产。",
        change_request_id=held,
    )
    add_log_entry_in(demo.ctx, demo.session, night)
