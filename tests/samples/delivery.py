"""Sample progress summary and handover report."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from deliverydesk.domain.enums import (
    Decision,
    Language,
    MilestoneStatus,
    OwnerSide,
    RiskLevel,
    ScopeStatus,
)
from deliverydesk.reports.documents.data import (
    ActionData,
    ChangeTallyData,
    DifficultyData,
    HandedDocumentData,
    HandoverReportData,
    MilestoneRowData,
    OpenItemData,
    OverallStatus,
    PendingDecisionData,
    ProgressSummaryData,
    RiskNoteData,
    ScopeAcceptanceData,
    TrainingData,
)
from tests.samples.common import AS_OF, client, meta, pick, project, signatories


def _milestones(language: Language, count: int) -> tuple[MilestoneRowData, ...]:
    names = (
        ("Kick-off and site survey", "项目启动与现场调研"),
        ("Master data imported", "主数据导入"),
        ("Station terminals installed", "工位终端安装"),
        ("Key-user training", "关键用户培训"),
        ("Pilot on shift A", "A班试运行"),
        ("All shifts live", "全部班次上线"),
        ("Traceability test", "追溯测试"),
        ("Acceptance and handover", "验收与交接"),
    )
    rows = []
    for n in range(count):
        en, zh = names[n % len(names)]
        baseline = date(2026, 2, 9) + timedelta(days=9 * n)
        slip = (0, 0, 2, 3, 5, 5, 4, 4)[n % 8]
        done = baseline + timedelta(days=slip) < AS_OF
        side = OwnerSide.CLIENT if n % 8 == 2 else OwnerSide.VENDOR
        status = MilestoneStatus.DONE if done else MilestoneStatus.PLANNED
        if side is OwnerSide.CLIENT and not done:
            status = MilestoneStatus.WAITING_ON_CLIENT
        suffix = f" ({n // 8 + 1})" if count > 8 else ""
        forecast = baseline + timedelta(days=slip + 2 * (slip // 3))
        rows.append(
            MilestoneRowData(
                name=pick(language, en, zh) + suffix,
                baseline=baseline,
                forecast=None if done else forecast,
                actual=forecast if done else None,
                slip_days=slip,
                owner_side=side,
                status=status,
            )
        )
    return tuple(rows)


def progress_summary(language: Language, milestones: int = 8, repeat: int = 1) -> ProgressSummaryData:
    """``repeat`` > 1 multiplies the lists to make a long, multi-page summary."""
    steps = (
        pick(
            language,
            "Terminals installed and tested at all six line 3 stations.",
            "三号线六个工位的终端已安装并测试完毕。",
        ),
        pick(
            language,
            "Master data imported: 412 parts, 57 routings.",
            "主数据已导入：412个零件，57条工艺路线。",
        ),
        pick(
            language,
            "Shift A ran the pilot for five days with no paper travellers.",
            "A班完成五天试运行，全程无纸质流转单。",
        ),
    )
    difficulties = (
        DifficultyData(
            pick(
                language,
                "Network ports at stations 5 and 6 are still missing.",
                "5号和6号工位仍缺少网络端口。",
            ),
            True,
        ),
        DifficultyData(
            pick(
                language,
                "Barcode labels from the old printer scan poorly; we are testing new settings.",
                "旧打印机打印的条码识读率低，我方正在测试新的打印参数。",
            )
        ),
    )
    actions = (
        ActionData(
            pick(language, "Install network ports at stations 5 and 6", "为5号和6号工位安装网络端口"),
            pick(language, "Client IT (Chen Jun)", "客户方IT（陈军）"),
            date(2026, 3, 20),
        ),
        ActionData(
            pick(language, "Train shift B and C key users", "培训B班和C班关键用户"),
            pick(language, "Li Zhe", "李喆"),
            date(2026, 3, 24),
        ),
        ActionData(
            pick(language, "Agree the list of scrap reasons (CR-3)", "确认报废原因列表（CR-3）"),
            pick(language, "Quality (Wang Kun)", "质量部（王堃）"),
            date(2026, 3, 19),
        ),
    )
    pending = (
        PendingDecisionData(
            pick(
                language,
                "Go-live date for shifts B and C: 30 March or 6 April?",
                "B班和C班上线日期：3月30日还是4月6日？",
            ),
            date(2026, 3, 20),
        ),
    )
    tally = (
        ChangeTallyData(Decision.APPROVED_BILLABLE, 1, Decimal("16")),
        ChangeTallyData(Decision.APPROVED_GOODWILL, 2, Decimal("6")),
        ChangeTallyData(Decision.DEFERRED, 1, Decimal("12")),
        ChangeTallyData(Decision.PENDING, 1, Decimal("0")),
    )
    return ProgressSummaryData(
        meta=meta(language, "DD-2026-014-PS-06"),
        project=project(language),
        addressee=client(language),
        period_start=date(2026, 3, 9),
        period_end=date(2026, 3, 13),
        overall_status=OverallStatus.AT_RISK,
        status_note=pick(
            language,
            "The pilot went well. Going live on all shifts depends on the network ports at stations 5 and 6.",
            "试运行顺利。全部班次上线取决于5号和6号工位的网络端口。",
        ),
        goal=pick(
            language,
            "Line 3 runs on the MES on all shifts, without paper, by 30 April.",
            "4月30日前三号线所有班次均使用MES系统，实现无纸化。",
        ),
        steps_done=steps * repeat,
        difficulties=difficulties * repeat,
        next_actions=actions * repeat,
        milestones=_milestones(language, milestones),
        pending_decisions=pending * repeat,
        change_tally=tally,
        late=(
            ActionData(
                pick(language, "Network ports at stations 5 and 6", "5号和6号工位网络端口"),
                pick(language, "Client IT (Chen Jun)", "客户方IT（陈军）"),
                date(2026, 3, 13),
            ),
        ),
    )


def handover_report(language: Language) -> HandoverReportData:
    supplier, customer = signatories(language, signed=False)
    scope = (
        ScopeAcceptanceData(
            "S-1",
            pick(language, "Batch recording at line 3 stations", "三号线工位批次记录"),
            ScopeStatus.ACCEPTED,
        ),
        ScopeAcceptanceData(
            "S-2", pick(language, "Live output and scrap board", "实时产量与报废看板"), ScopeStatus.ACCEPTED
        ),
        ScopeAcceptanceData(
            "S-3",
            pick(language, "Part traceability report", "零件追溯报表"),
            ScopeStatus.DELIVERED,
            pick(language, "Acceptance test on 18 May", "5月18日验收测试"),
        ),
    )
    documents = (
        HandedDocumentData(
            pick(language, "Operator guide", "操作员手册"),
            "OG-014 v1.2 (PDF, print)",
            pick(language, "Wang Kun", "王堃"),
            date(2026, 5, 11),
        ),
        HandedDocumentData(
            pick(language, "Administrator guide", "管理员手册"),
            "AG-014 v1.0 (PDF)",
            pick(language, "Chen Jun", "陈军"),
            date(2026, 5, 11),
        ),
        HandedDocumentData(
            pick(language, "Network and backup plan", "网络与备份方案"),
            "NB-014 v1.1",
            pick(language, "Chen Jun", "陈军"),
            date(2026, 5, 12),
        ),
    )
    trainings = (
        TrainingData(
            date(2026, 3, 24),
            pick(language, "Key users: batch recording and corrections", "关键用户：批次记录与更正"),
            (
                pick(language, "Zhou Ming", "周明"),
                pick(language, "Sun Li", "孙丽"),
                pick(language, "Gao Feng", "高峰"),
            ),
            True,
        ),
        TrainingData(
            date(2026, 5, 8),
            pick(language, "IT: backup, restore and user accounts", "IT：备份、恢复与用户账号"),
            (pick(language, "Chen Jun", "陈军"),),
            False,
        ),
    )
    risks = (
        RiskNoteData(
            pick(
                language,
                "Restore the nightly backup to the test server once a month;"
                " an untested backup is not a backup.",
                "每月将夜间备份恢复到测试服务器一次；未经验证的备份不可依赖。",
            ),
            RiskLevel.HIGH,
        ),
        RiskNoteData(
            pick(
                language,
                "Stations 5 and 6 share one switch: if it fails, record batches on paper"
                " and enter them afterwards.",
                "5号和6号工位共用一台交换机：若其故障，请先纸质记录，恢复后补录。",
            ),
            RiskLevel.MEDIUM,
        ),
    )
    open_items = (
        OpenItemData(
            "S-3",
            pick(language, "Traceability acceptance test", "追溯功能验收测试"),
            pick(language, "Run with Quality on 18 May", "5月18日与质量部共同进行"),
            pick(language, "Li Zhe", "李喆"),
            date(2026, 5, 18),
        ),
        OpenItemData(
            "CR-5",
            pick(language, "Shift report by e-mail", "班报邮件推送"),
            pick(
                language, "Now is the time: quote as a small follow-up", "现在正是时机：作为小型后续项目报价"
            ),
            pick(language, "Sales", "销售"),
            None,
            deferred=True,
        ),
    )
    return HandoverReportData(
        meta=meta(language, "DD-2026-014-HO", as_of=date(2026, 5, 12)),
        project=project(language),
        addressee=client(language),
        summary=pick(
            language,
            "Line 3 has run on the MES on all shifts since 6 April. Two of three deliverables"
            " are accepted; the traceability test is scheduled for 18 May.",
            "自4月6日起三号线所有班次均已使用MES系统。三项交付物中两项已验收，追溯测试定于5月18日进行。",
        ),
        scope_items=scope,
        documents=documents,
        trainings=trainings,
        risks=risks,
        open_items=open_items,
        supplier_signatory=supplier,
        client_signatory=customer,
    )
