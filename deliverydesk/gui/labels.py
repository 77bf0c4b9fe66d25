"""Translated display names for the domain's enums (stored values never change; labels do).

Every page uses ``label(value)``, so a status reads the same everywhere and is translated once."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from deliverydesk.domain import enums as e
from deliverydesk.gui.translate_noop import QT_TRANSLATE_NOOP

_SOURCE: dict[Enum, str] = {
    e.Language.EN: QT_TRANSLATE_NOOP("Labels", "English"),
    e.Language.ZH_CN: QT_TRANSLATE_NOOP("Labels", "Simplified Chinese"),
    e.PaperSize.A4: QT_TRANSLATE_NOOP("Labels", "A4"),
    e.PaperSize.LETTER: QT_TRANSLATE_NOOP("Labels", "Letter"),
    e.ProjectStatus.PLANNING: QT_TRANSLATE_NOOP("Labels", "Planning"),
    e.ProjectStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    e.ProjectStatus.ON_HOLD: QT_TRANSLATE_NOOP("Labels", "On hold"),
    e.ProjectStatus.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "Handed over"),
    e.ProjectStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    e.ContactRole.DECISION_MAKER: QT_TRANSLATE_NOOP("Labels", "Decision maker"),
    e.ContactRole.COORDINATOR: QT_TRANSLATE_NOOP("Labels", "Coordinator"),
    e.ContactRole.END_USER: QT_TRANSLATE_NOOP("Labels", "End user"),
    e.ContactRole.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    e.ScopeStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Labels", "Not started"),
    e.ScopeStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    e.ScopeStatus.DELIVERED: QT_TRANSLATE_NOOP("Labels", "Delivered"),
    e.ScopeStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "Accepted"),
    e.OwnerSide.VENDOR: QT_TRANSLATE_NOOP("Labels", "Our side"),
    e.OwnerSide.CLIENT: QT_TRANSLATE_NOOP("Labels", "Client side"),
    e.MilestoneStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planned"),
    e.MilestoneStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    e.MilestoneStatus.WAITING_ON_CLIENT: QT_TRANSLATE_NOOP("Labels", "Waiting on the client"),
    e.MilestoneStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    e.MilestoneStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "Accepted"),
    e.ExpectationStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    e.ExpectationStatus.CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    e.ExpectationStatus.MET: QT_TRANSLATE_NOOP("Labels", "Met"),
    e.ExpectationStatus.MISSED: QT_TRANSLATE_NOOP("Labels", "Missed"),
    e.ExpectationStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    e.LetterKind.EXPECTATION_CONFIRMATION: QT_TRANSLATE_NOOP("Labels", "Expectation confirmation letter"),
    e.LetterKind.CHANGE_DECISION: QT_TRANSLATE_NOOP("Labels", "Change decision"),
    e.LetterKind.PROGRESS_SUMMARY: QT_TRANSLATE_NOOP("Labels", "Progress summary"),
    e.LetterKind.HANDOVER: QT_TRANSLATE_NOOP("Labels", "Handover report"),
    e.LetterStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    e.LetterStatus.ISSUED: QT_TRANSLATE_NOOP("Labels", "Issued"),
    e.LetterStatus.SIGNED: QT_TRANSLATE_NOOP("Labels", "Signed"),
    e.LetterStatus.SUPERSEDED: QT_TRANSLATE_NOOP("Labels", "Superseded"),
    e.SignMethod.ON_SCREEN: QT_TRANSLATE_NOOP("Labels", "Signed on screen"),
    e.SignMethod.ON_PAPER: QT_TRANSLATE_NOOP("Labels", "Signed on paper"),
    e.SignMethod.BY_EMAIL: QT_TRANSLATE_NOOP("Labels", "Confirmed by email"),
    e.SignMethod.REFUSED: QT_TRANSLATE_NOOP("Labels", "Signature refused"),
    e.Channel.MEETING: QT_TRANSLATE_NOOP("Labels", "Meeting"),
    e.Channel.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
    e.Channel.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    e.Channel.MESSAGE: QT_TRANSLATE_NOOP("Labels", "Message"),
    e.Channel.SITE_VISIT: QT_TRANSLATE_NOOP("Labels", "Site visit"),
    e.Channel.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    e.Triage.UNTRIAGED: QT_TRANSLATE_NOOP("Labels", "Not triaged"),
    e.Triage.A: QT_TRANSLATE_NOOP("Labels", "A (blocks the goal; do now)"),
    e.Triage.B: QT_TRANSLATE_NOOP("Labels", "B (small, related; deferred)"),
    e.Triage.C: QT_TRANSLATE_NOOP("Labels", "C (large; separate request)"),
    e.ScopeCheck.UNCHECKED: QT_TRANSLATE_NOOP("Labels", "Not checked"),
    e.ScopeCheck.IN_SCOPE: QT_TRANSLATE_NOOP("Labels", "In scope"),
    e.ScopeCheck.EXCLUDED: QT_TRANSLATE_NOOP("Labels", "Explicitly excluded"),
    e.ScopeCheck.OUT_OF_SCOPE: QT_TRANSLATE_NOOP("Labels", "Out of scope"),
    e.RiskLevel.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    e.RiskLevel.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
    e.RiskLevel.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    e.Decision.PENDING: QT_TRANSLATE_NOOP("Labels", "Awaiting decision"),
    e.Decision.PENDING_APPROVAL: QT_TRANSLATE_NOOP("Labels", "Awaiting manager approval"),
    e.Decision.APPROVED_BILLABLE: QT_TRANSLATE_NOOP("Labels", "Approved, billable"),
    e.Decision.APPROVED_GOODWILL: QT_TRANSLATE_NOOP("Labels", "Approved as goodwill"),
    e.Decision.DEFERRED: QT_TRANSLATE_NOOP("Labels", "Deferred"),
    e.Decision.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined"),
    e.Decision.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    e.LogKind.MEETING: QT_TRANSLATE_NOOP("Labels", "Meeting"),
    e.LogKind.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
    e.LogKind.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    e.LogKind.SITE_VISIT: QT_TRANSLATE_NOOP("Labels", "Site visit"),
    e.LogKind.MESSAGE: QT_TRANSLATE_NOOP("Labels", "Message"),
    e.LogKind.DECISION: QT_TRANSLATE_NOOP("Labels", "Decision"),
    e.LogKind.COMMITMENT: QT_TRANSLATE_NOOP("Labels", "Commitment"),
    e.Severity.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    e.Severity.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
    e.Severity.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    e.Severity.CRITICAL: QT_TRANSLATE_NOOP("Labels", "Critical"),
    e.HandoverKind.DOCUMENT: QT_TRANSLATE_NOOP("Labels", "Document handed over"),
    e.HandoverKind.TRAINING: QT_TRANSLATE_NOOP("Labels", "Training"),
    e.HandoverKind.RISK: QT_TRANSLATE_NOOP("Labels", "Risk or caution"),
    e.HandoverKind.OPEN_ITEM: QT_TRANSLATE_NOOP("Labels", "Open item"),
    e.PersonRole.ENGINEER: QT_TRANSLATE_NOOP("Labels", "Engineer"),
    e.PersonRole.MANAGER: QT_TRANSLATE_NOOP("Labels", "Manager"),
    e.SignatureParty.CLIENT: QT_TRANSLATE_NOOP("Labels", "Client"),
    e.SignatureParty.VENDOR: QT_TRANSLATE_NOOP("Labels", "Our side"),
}


def label(value: Enum) -> str:
    """The translated display name of an enum member (its raw value if none is defined)."""
    source = _SOURCE.get(value)
    return QCoreApplication.translate("Labels", source) if source else str(value.value)


def choices(enum_class: type[Enum]) -> list[tuple[str, Enum]]:
    """(label, member) pairs in declaration order, for combo boxes."""
    return [(label(member), member) for member in enum_class]


def labelled(name: str, text: str) -> str:
    """ "Client · 王芳: send the plan" / "客户方 · 王芳：发送计划": a label and its text, punctuated for the
    UI language (Chinese takes a full-width colon)."""
    return QCoreApplication.translate("Punctuation", "%1: %2").replace("%2", text).replace("%1", name)


def with_note(text: str, note: str) -> str:
    """ "Overdue milestones (3)" / "已逾期的里程碑（3）": a text with a short note in brackets."""
    return QCoreApplication.translate("Punctuation", "%1 (%2)").replace("%2", note).replace("%1", text)
