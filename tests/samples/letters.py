"""Sample expectation letter and change decision."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from deliverydesk.domain.enums import (
    Channel,
    Decision,
    Language,
    PaperSize,
    RiskLevel,
    ScopeCheck,
    SignMethod,
    Triage,
)
from deliverydesk.reports.documents.data import (
    CertificateData,
    ChangeDecisionData,
    ClientAnalysisData,
    ContractValueData,
    DeliverableData,
    ExpectationLetterData,
    ExpectationRowData,
    GoodwillData,
    ImpactData,
    IssueEventData,
    MilestoneMoveData,
    MoneyData,
    SignatureEventData,
)
from tests.samples.common import client, meta, pick, project, signatories


def expectation_letter(language: Language, paper: PaperSize = PaperSize.A4) -> ExpectationLetterData:
    rows = (
        (
            "Operators record every batch on the line 3 terminals instead of paper travellers.",
            "操作员在三号线终端上记录每一批次，不再使用纸质流转单。",
            "Five consecutive production days with no paper traveller on line 3.",
            "三号线连续五个生产日无纸质流转单。",
            date(2026, 4, 17),
        ),
        (
            "Shift leaders see the live output and scrap rate of line 3 on the supervisor screen.",
            "班组长可在监控屏上实时查看三号线的产量和报废率。",
            "Figures on screen match the end-of-shift count within 1 %.",
            "屏幕数据与班末盘点的偏差不超过1%。",
            date(2026, 4, 30),
        ),
        (
            "Quality can trace any finished part back to its batch and material lot in under a minute.",
            "质量部门可在一分钟内将任一成品追溯到其批次和原材料批号。",
            "Ten random parts traced during the acceptance test.",
            "验收测试中随机抽取十个零件完成追溯。",
            date(2026, 5, 15),
        ),
    )
    expectations = tuple(
        ExpectationRowData(f"E-{n}", pick(language, s_en, s_zh), pick(language, m_en, m_zh), due)
        for n, (s_en, s_zh, m_en, m_zh, due) in enumerate(rows, 1)
    )
    supplier, customer = signatories(language, signed=True)
    return ExpectationLetterData(
        meta=meta(language, "DD-2026-014-EL", paper),
        project=project(language),
        addressee=client(language),
        subject=pick(language, "What the line 3 MES rollout will deliver", "三号线MES系统上线的交付内容"),
        expectations=expectations,
        exclusions=(
            pick(
                language,
                "Integration with the SAP ERP system (planned for phase 2).",
                "与SAP ERP系统的集成（计划在二期实施）。",
            ),
            pick(language, "Lines 1, 2 and 4, and the paint shop.", "一、二、四号线及喷涂车间。"),
            pick(
                language,
                "Hardware purchase, cabling and network changes on the shop floor.",
                "车间硬件采购、布线及网络改造。",
            ),
        ),
        dependencies=(
            pick(
                language,
                "A network port and power at each of the six line 3 stations by 23 March.",
                "3月23日前在三号线六个工位提供网络端口和电源。",
            ),
            pick(
                language,
                "One key user per shift for testing and training (about 4 hours a week).",
                "每班指定一名关键用户参与测试和培训（每周约4小时）。",
            ),
        ),
        assumptions=(
            pick(
                language,
                "Line 3 keeps its current product mix during the rollout.",
                "上线期间三号线的产品结构保持不变。",
            ),
            pick(
                language,
                "Master data (parts, routings) is exported from ERP once, by 20 March.",
                "主数据（零件、工艺路线）于3月20日前从ERP一次性导出。",
            ),
        ),
        supplier_signatory=supplier,
        client_signatory=customer,
        deliverables=(
            DeliverableData(
                "S-1",
                pick(language, "Batch recording at the six line 3 stations", "三号线六个工位的批次记录"),
                pick(
                    language,
                    "Every batch of a shift recorded at its station; at least 19 of 20 scans ≤ 2 s.",
                    "每班每一批次在工位完成记录；20 次扫码中至少 19 次 ≤ 2 秒。",
                ),
            ),
            DeliverableData(
                "S-2",
                pick(language, "Live output and scrap board", "实时产量与报废看板"),
                pick(language, "Matches the end-of-shift count within 1 %.", "与班末盘点的偏差不超过1%。"),
            ),
            DeliverableData(
                "S-3",
                pick(language, "Part traceability report", "零件追溯报表"),
                pick(
                    language,
                    "Ten random parts traced in under a minute each.",
                    "随机抽取十个零件，每个在一分钟内完成追溯。",
                ),
            ),
        ),
    )


def change_decision(
    language: Language, decision: Decision = Decision.APPROVED_GOODWILL
) -> ChangeDecisionData:
    supplier, customer = signatories(language, signed=False)
    return ChangeDecisionData(
        meta=meta(language, "DD-2026-014-CR-3"),
        project=project(language),
        addressee=client(language),
        change_ref="CR-3",
        title=pick(language, "Scrap reasons as a drop-down list", "报废原因改为下拉选择"),
        description=pick(
            language,
            "Operators asked to pick the scrap reason from a fixed list instead of typing it, so that the"
            " weekly scrap report groups reasons reliably.",
            "操作员希望从固定列表中选择报废原因，而不是手工输入，以便周报能准确地按原因汇总。",
        ),
        requested_by=pick(language, "Zhou Ming, shift leader", "周明（班组长）"),
        requested_on=date(2026, 3, 9),
        channel=Channel.SITE_VISIT,
        triage=Triage.B,
        scope_check=ScopeCheck.OUT_OF_SCOPE,
        scope_item_ref="S-2",
        impact=ImpactData(Decimal("6"), MoneyData(Decimal("4800"), "CNY"), 2, RiskLevel.LOW),
        analysis=ClientAnalysisData(
            benefit=pick(
                language,
                "Cleaner scrap statistics from week one; less typing at the station.",
                "从第一周起报废统计更准确；工位录入更省事。",
            ),
            client_cost=pick(
                language,
                "Quality must agree the list of reasons (about one hour).",
                "质量部门需确认原因列表（约一小时）。",
            ),
            risks=pick(
                language,
                "A list that is too short pushes operators to pick “Other”.",
                "列表过短会导致操作员频繁选择“其他”。",
            ),
            alternatives=pick(
                language,
                "Keep free text and clean the report by hand each week.",
                "保留手工输入，每周人工整理报表。",
            ),
            recommendation=pick(
                language, "Do it now, with a list reviewed by Quality.", "现在实施，列表由质量部门审核。"
            ),
        ),
        decision=decision,
        rationale=pick(
            language,
            "Small, related to the agreed goal and within this project's goodwill budget"
            " (6 of 24 hours used).",
            "工作量小，与约定目标相关，且在本项目友情支持额度内（已用6/24小时）。",
        ),
        supplier_signatory=supplier,
        client_signatory=customer,
        decided_by=pick(language, "Li Zhe", "李喆"),
        decided_on=date(2026, 3, 12),
        contract_value=ContractValueData(
            MoneyData(Decimal("386000"), "CNY"),
            MoneyData(
                Decimal("390800") if decision is Decision.APPROVED_BILLABLE else Decimal("386000"), "CNY"
            ),
        ),
        goodwill=GoodwillData(
            Decimal("24"),
            Decimal("6"),
            Decimal("6") if decision is Decision.APPROVED_GOODWILL else Decimal(0),
        ),
        milestone_moves=(
            MilestoneMoveData(
                pick(language, "Key-user training", "关键用户培训"), date(2026, 3, 24), date(2026, 3, 26)
            ),
        ),
        answer_by=date(2026, 3, 23),
    )


def signed_letter(language: Language) -> tuple[ExpectationLetterData, CertificateData]:
    """The sample letter signed on paper by the client, with its completion certificate."""
    data = expectation_letter(language)
    signed = replace(
        data,
        client_signatory=replace(
            data.client_signatory, signed_on=date(2026, 3, 18), place=pick(language, "Suzhou", "苏州")
        ),
    )
    zone = timezone(timedelta(hours=8))
    certificate = CertificateData(
        reference=data.meta.reference,
        version=data.meta.version,
        fingerprint=data.meta.fingerprint,
        issue=IssueEventData(
            datetime(2026, 3, 16, 10, 5, tzinfo=zone), pick(language, "Li Zhe", "李喆"), "NW-LAPTOP-07"
        ),
        signatures=(
            SignatureEventData(
                signer=data.client_signatory.name,
                method=SignMethod.ON_PAPER,
                role=data.client_signatory.title,
                organisation=data.client_signatory.organisation,
                signed_on=date(2026, 3, 18),
                recorded_at=datetime(2026, 3, 19, 9, 12, tzinfo=zone),
                recorded_by=pick(language, "Li Zhe", "李喆"),
                place=pick(language, "Suzhou", "苏州"),
                evidence="9c1e4f0d2b7a8e6c5d3f1a0b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
            ),
        ),
        issued_pdf_sha256="4ec55065d7cedfc297f99f3637c15d23d33c94204ee05a9cabfade500ae3b702",
        utc_offset="UTC+08:00",
    )
    return signed, certificate
