"""Sample butterfly review report: an issue that recurred at three other clients."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.reports.review.data import (
    ButterflyData,
    FollowUpData,
    RecurrenceData,
    ReviewedIssueData,
    ReviewReportData,
)
from tests.samples.common import AS_OF, client, meta, pick, project


def _issue(language: Language) -> ReviewedIssueData:
    return ReviewedIssueData(
        ref="I-4",
        title=pick(
            language,
            "Barcode labels unreadable after the printer driver update",
            "打印机驱动更新后条码标签无法识读",
        ),
        category=pick(language, "Label printing", "标签打印"),
        severity=pick(language, "High", "高"),
        reported_on=date(2026, 2, 23),
        resolved_on=date(2026, 2, 25),
        root_cause=pick(
            language,
            "The plant's IT pushed a new driver that changed the default print density; nobody on our"
            " side knew the label layout depended on it.",
            "客户IT部门推送了新版驱动，默认打印浓度随之改变；我方无人知道标签版式依赖该设置。",
        ),
        resolution=pick(
            language,
            "Density fixed in the label template itself; the driver version is now on the site checklist.",
            "在标签模板中固定打印浓度；驱动版本已列入现场检查清单。",
        ),
    )


def _answers(language: Language) -> ButterflyData:
    return ButterflyData(
        client_short=pick(
            language,
            "Line 3 printed by hand for a day and a half. Fixed within 48 hours, but for the first"
            " day the client did not know when it would be fixed.",
            "三号线手工贴标一天半。48小时内解决，但第一天客户不知道何时能恢复。",
        ),
        client_mid=pick(
            language,
            "We owe them a written explanation and a check of every printer on the other two lines."
            " Offer two hours of on-site refresher for the shift leads as compensation.",
            "我们应提交书面说明，并检查另外两条线的所有打印机。作为补偿方案，为班组长提供两小时现场复训。",
        ),
        client_long=pick(
            language,
            "The client's IT changes things without telling production: they need a change calendar"
            " more than a new label system.",
            "客户IT在未通知生产部门的情况下变更设置：他们更需要变更日历，而不是新的标签系统。",
        ),
        company_short=pick(
            language,
            "Our engineer found the cause quickly but had no rollback procedure to hand.",
            "我方工程师很快找到原因，但手头没有回退方案。",
        ),
        company_mid=pick(
            language,
            "The site checklist did not cover printer drivers. The label template had no fixed density.",
            "现场检查清单未涵盖打印机驱动；标签模板未固定打印浓度。",
        ),
        company_long="",
    )


def _actions(language: Language) -> tuple[FollowUpData, ...]:
    return (
        FollowUpData(
            pick(
                language,
                "Add the printer driver version to the site checklist",
                "将打印机驱动版本加入现场检查清单",
            ),
            pick(language, "Li Zhe (李喆)", "李喆"),
            date(2026, 3, 2),
            done_on=date(2026, 3, 2),
        ),
        FollowUpData(
            pick(
                language,
                "Fix print density in every label template we ship",
                "在所有出厂标签模板中固定打印浓度",
            ),
            pick(language, "Product team", "产品组"),
            date(2026, 3, 10),
        ),
        FollowUpData(
            pick(
                language,
                "Ask the client's IT for a change calendar shared with production",
                "请客户IT建立与生产共享的变更日历",
            ),
            pick(language, "Wang Kun (王堃)", "王堃"),
            date(2026, 5, 24),
        ),
        FollowUpData(
            pick(
                language,
                "Revisit: any label incident at the other sites?",
                "复查：其他现场是否再发生标签问题？",
            ),
            pick(language, "Delivery manager", "交付经理"),
            date(2027, 2, 25),
        ),
    )


def _recurrence(language: Language) -> tuple[RecurrenceData, ...]:
    return (
        RecurrenceData(
            pick(language, "Wuxi Fine Castings", "无锡精铸"),
            "DD-2025-031",
            "I-2",
            pick(language, "Labels too faint on the new printers", "新打印机标签颜色过浅"),
            date(2025, 11, 4),
            pick(language, "Printer density raised on site by hand.", "现场手动调高打印浓度。"),
        ),
        RecurrenceData(
            pick(language, "Kunshan Motor Works", "昆山电机"),
            "DD-2025-044",
            "I-7",
            pick(language, "Scanner rejects labels after IT update", "IT更新后扫描枪拒读标签"),
            date(2026, 1, 12),
            pick(language, "Old driver reinstalled.", "重新安装旧版驱动。"),
        ),
        RecurrenceData(
            pick(language, "Changzhou Valve Co.", "常州阀门"),
            "DD-2026-003",
            "I-1",
            pick(language, "Label barcodes fail grading", "标签条码质量等级不合格"),
            date(2026, 2, 2),
            "",
        ),
    )


def review_report(language: Language, paper: PaperSize = PaperSize.A4) -> ReviewReportData:
    return ReviewReportData(
        meta=replace(meta(language, "DD-2026-014-RV-I-4", paper, AS_OF), version=1, qr_payload=None),
        project=project(language),
        client=client(language).organisation,
        held_on=date(2026, 3, 12),
        answers=_answers(language),
        issue=_issue(language),
        participants=(
            pick(language, "Li Zhe (李喆)", "李喆"),
            pick(language, "Wang Kun (王堃)", "王堃"),
            pick(language, "Chen Yu", "陈宇"),
        ),
        lessons=pick(
            language,
            "A fix at one site is not a fix: the same label fault had been met at three other clients"
            " and fixed by hand each time.\nPut environment dependencies (drivers, density, fonts) into"
            " the template, not into someone's memory.",
            "在一个现场修好并不等于问题已解决：同样的标签问题此前已在另外三家客户处出现，每次都是手工处理。\n"
            "应把环境依赖（驱动、浓度、字体）写进模板，而不是留在个人记忆里。",
        ),
        actions=_actions(language),
        recurrence=_recurrence(language),
        recurrence_clients=3,
    )
