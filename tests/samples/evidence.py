"""Sample evidence pack: a change request argued over, with a corrected entry, a superseded and a
signed letter, a refused signature, commitments met and open, and attachments."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from deliverydesk.domain.enums import (
    Decision,
    Language,
    LetterKind,
    LetterStatus,
    LogKind,
    OwnerSide,
    PaperSize,
    RiskLevel,
    SignMethod,
)
from deliverydesk.reports.evidence.data import (
    EvidenceAttachmentData,
    EvidenceCommitmentData,
    EvidenceDecisionEventData,
    EvidenceEntryData,
    EvidenceFieldChangeData,
    EvidenceLetterData,
    EvidenceMilestoneMoveData,
    EvidencePackData,
    EvidenceSignatureData,
    EvidenceTopicData,
    EvidenceTopicKind,
)
from tests.samples.common import FINGERPRINT, client, meta, pick, project

CHINA = timezone(timedelta(hours=8))


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=CHINA)


def _hash(seed: str) -> str:
    from hashlib import sha256

    return sha256(seed.encode()).hexdigest()


def _entries(language: Language) -> tuple[EvidenceEntryData, ...]:
    texts = (
        (
            LogKind.MEETING,
            "王堃, 朱镕, Li Zhe",
            ("Client asks for a shift scrap report by line", "客户要求按产线出具班次报废报表"),
            (
                "Wang Kun wants the scrap report split by line and shift, e-mailed at 07:00 every day."
                " Not in the contracted scope (S-2 covers the live board only).",
                "王堃希望报废报表按产线和班次拆分，每天 07:00 邮件发送。"
                "不在合同范围内（S-2 仅包含实时看板）。",
            ),
        ),
        (
            LogKind.CALL,
            "王堃",
            ("Effort estimate given: 6 hours, billable", "已告知工作量估算：6 小时，计费"),
            ("Told Wang Kun the report takes 5 hours.", "电话告知王堃该报表需 5 小时。"),
        ),
        (
            LogKind.CALL,
            "王堃",
            ("Effort estimate given: 6 hours, billable", "已告知工作量估算：6 小时，计费"),
            (
                "Correction: the estimate given on the phone was 6 hours, not 5 (see the estimate sheet).",
                "更正：电话中告知的估算为 6 小时，而非 5 小时（见估算表）。",
            ),
        ),
        (
            LogKind.EMAIL,
            "朱镕",
            ("Change decision CR-3 sent for signature", "变更决定书 CR-3 已发送签署"),
            ("", ""),
        ),
        (
            LogKind.MEETING,
            "朱镕, Li Zhe",
            ("Operations Director refuses to sign version 1", "运营总监拒绝签署第 1 版"),
            (
                "Zhu Rong will not sign while the report runs at 07:00: the night shift closes at 07:30.",
                "朱镕表示报表在 07:00 生成时不签署：夜班 07:30 才结束。",
            ),
        ),
        (
            LogKind.EMAIL,
            "朱镕",
            ("Version 2 confirmed by e-mail", "第 2 版已通过邮件确认"),
            ("Report time moved to 08:00; signed copy attached.", "报表时间改为 08:00；附签署件。"),
        ),
    )
    days = (_at(3, 10), _at(4, 15, 20), _at(4, 15, 20), _at(6, 9, 5), _at(9, 14), _at(11, 17, 45))
    entries = []
    for number, ((kind, people, summary, details), when) in enumerate(zip(texts, days, strict=True), 1):
        entries.append(
            EvidenceEntryData(
                number=number,
                occurred_at=when,
                recorded_at=when + timedelta(minutes=25 if number != 3 else 60 * 24 * 2),
                kind=kind,
                summary=pick(language, *summary),
                participants=people,
                details=pick(language, *details),
                links=("CR-3", "S-2") if number == 1 else ("CR-3",),
            )
        )
    entries[1] = replace(entries[1], corrected_by=3)
    entries[2] = replace(entries[2], corrects=2)
    return tuple(entries)


def _letters(language: Language) -> tuple[EvidenceLetterData, ...]:
    refused = EvidenceSignatureData(
        SignMethod.REFUSED,
        pick(language, "Zhu Rong (朱镕)", "朱镕"),
        pick(language, "Operations Director", "运营总监"),
        _at(9, 14, 30),
        note=pick(language, "Report time must follow the night shift.", "报表时间须在夜班结束之后。"),
    )
    signed = EvidenceSignatureData(
        SignMethod.BY_EMAIL,
        pick(language, "Zhu Rong (朱镕)", "朱镕"),
        pick(language, "Operations Director", "运营总监"),
        _at(11, 17, 50),
        place=pick(language, "Suzhou", "苏州"),
        confirmed_in_entry=6,
    )
    first = EvidenceLetterData(
        "DD-2026-014-CR-3", 1, LetterKind.CHANGE_DECISION, LetterStatus.SUPERSEDED, _at(6, 9),
        _hash("v1"), _hash("pdf1"), signature=refused,
    )  # fmt: skip
    second = EvidenceLetterData(
        "DD-2026-014-CR-3", 2, LetterKind.CHANGE_DECISION, LetterStatus.SIGNED, _at(10, 11),
        _hash("v2"), _hash("pdf2"), signature=signed,
    )  # fmt: skip
    return first, second


def _commitments(language: Language) -> tuple[EvidenceCommitmentData, ...]:
    return (
        EvidenceCommitmentData(
            OwnerSide.VENDOR,
            pick(language, "Li Zhe", "李喆"),
            pick(language, "Wang Kun", "王堃"),
            pick(language, "Send the estimate sheet for the scrap report", "发送报废报表的估算表"),
            date(2026, 3, 5),
            recorded_in=3,
            confirm_in_writing=True,
            confirmed_in_entry=4,
            closed_on=date(2026, 3, 5),
            closed_note=pick(language, "Sent with the change decision.", "随变更决定书一并发送。"),
            closed_in_entry=4,
        ),
        EvidenceCommitmentData(
            OwnerSide.CLIENT,
            pick(language, "Zhu Rong", "朱镕"),
            pick(language, "Li Zhe", "李喆"),
            pick(language, "Confirm when the night shift closes", "确认夜班结束时间"),
            date(2026, 3, 12),
            recorded_in=5,
            confirm_in_writing=True,
        ),
    )


def evidence_pack(language: Language, paper: PaperSize = PaperSize.A4) -> EvidencePackData:
    attachments = (
        EvidenceAttachmentData("whiteboard-2026-03-03.jpg", 1_482_113, "image/jpeg", _hash("a"), "#1"),
        EvidenceAttachmentData(
            pick(language, "estimate sheet CR-3.xlsx", "CR-3 估算表.xlsx"),
            18_944,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _hash("b"),
            "#3",
        ),
        EvidenceAttachmentData(
            "signed-CR-3-v2.pdf", 402_330, "application/pdf", _hash("c"), "DD-2026-014-CR-3 v2"
        ),
    )
    topic = EvidenceTopicData(
        EvidenceTopicKind.CHANGE_REQUEST,
        ref="CR-3",
        title=pick(language, "Shift scrap report by line", "按产线的班次报废报表"),
        description=pick(
            language,
            "A daily report of scrap by line and shift, e-mailed to the plant manager every morning.",
            "每天早上向厂长发送按产线和班次统计的报废报表。",
        ),
        requested_by=client(language).contact_name,
        requested_on=date(2026, 3, 3),
        decision=Decision.APPROVED_BILLABLE,
        decided_by=pick(language, "Li Zhe (李喆)", "李喆"),
        decided_on=date(2026, 3, 6),
        effort_hours=Decimal("16"),
        cost=Decimal("14400"),
        currency="CNY",
        schedule_days=2,
        risk=RiskLevel.LOW,
        rationale=pick(language, "Billable: above the goodwill budget.", "计费：超出友情支持额度。"),
        approved_by=pick(language, "Zhao Min (manager)", "赵敏（经理）"),
        approved_on=date(2026, 3, 6),
        approval_note=pick(language, "Price checked with sales.", "价格已与销售核对。"),
        history=(
            EvidenceDecisionEventData(
                datetime(2026, 3, 5, 16, 20, tzinfo=CHINA),
                pick(language, "Li Zhe", "李喆"),
                (
                    EvidenceFieldChangeData("decision", "pending", "pending_approval"),
                    EvidenceFieldChangeData("proposed_decision", "", "approved_billable"),
                ),
            ),
            EvidenceDecisionEventData(
                datetime(2026, 3, 6, 9, 5, tzinfo=CHINA),
                pick(language, "Zhao Min", "赵敏"),
                (
                    EvidenceFieldChangeData("decision", "pending_approval", "approved_billable"),
                    EvidenceFieldChangeData(
                        "approved_by", "", pick(language, "Zhao Min (manager)", "赵敏（经理）")
                    ),
                ),
            ),
        ),
        milestone_moves=(
            EvidenceMilestoneMoveData(
                pick(language, "Traceability test", "追溯测试"),
                "forecast",
                date(2026, 4, 10),
                date(2026, 4, 14),
                datetime(2026, 3, 6, 9, 10, tzinfo=CHINA),
                "CR-3",
            ),
        ),
    )
    return EvidencePackData(
        meta=replace(meta(language, "DD-2026-014-EP-CR-3", paper), version=1, qr_payload=None),
        project=project(language),
        client=client(language).organisation,
        topic=topic,
        generated_at=datetime(2026, 3, 16, 1, 30, tzinfo=UTC).astimezone(CHINA),
        utc_offset="UTC+08:00",
        entries=tuple(
            replace(entry, before_decision=entry.occurred_at.date() < date(2026, 3, 6))
            for entry in _entries(language)
        ),
        letters=_letters(language),
        commitments=_commitments(language),
        attachments=attachments,
    )


__all__ = ["FINGERPRINT", "evidence_pack"]
