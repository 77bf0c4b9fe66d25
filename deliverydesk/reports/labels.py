"""The words the documents print for enum values (a decision, a status, a kind of log entry...).

Each label's catalogue context is its enum's class name (``NP_("OwnerSide", "Client")``), so one English
word can have two translations (the client as a side is 客户方, as a heading 客户). These are the
documents' words for the client; the window has its own, shorter ones (``gui/labels.py``)."""

from __future__ import annotations

from enum import Enum
from typing import Any, Final

from deliverydesk.domain.enums import (
    Channel,
    Decision,
    ExpectationStatus,
    LetterKind,
    LetterStatus,
    LogKind,
    MilestoneStatus,
    OwnerSide,
    RiskLevel,
    ScopeCheck,
    ScopeStatus,
    Severity,
    SignMethod,
    Triage,
)
from deliverydesk.i18n import NP_, Translator
from deliverydesk.reports.documents.data import OverallStatus

# one table per enum: members of two StrEnums with the same value compare equal as keys
LABELS: Final[dict[type[Enum], dict[Any, str]]] = {
    Severity: {
        Severity.LOW: NP_("Severity", "Low"),
        Severity.MEDIUM: NP_("Severity", "Medium"),
        Severity.HIGH: NP_("Severity", "High"),
        Severity.CRITICAL: NP_("Severity", "Critical"),
    },
    LogKind: {
        LogKind.MEETING: NP_("LogKind", "Meeting"),
        LogKind.CALL: NP_("LogKind", "Phone call"),
        LogKind.EMAIL: NP_("LogKind", "E-mail"),
        LogKind.SITE_VISIT: NP_("LogKind", "Site visit"),
        LogKind.MESSAGE: NP_("LogKind", "Message"),
        LogKind.DECISION: NP_("LogKind", "Decision"),
        LogKind.COMMITMENT: NP_("LogKind", "Commitment"),
    },
    LetterKind: {
        LetterKind.EXPECTATION_CONFIRMATION: NP_("LetterKind", "Expectation confirmation letter"),
        LetterKind.CHANGE_DECISION: NP_("LetterKind", "Change decision"),
        LetterKind.PROGRESS_SUMMARY: NP_("LetterKind", "Progress summary"),
        LetterKind.HANDOVER: NP_("LetterKind", "Handover report"),
    },
    LetterStatus: {
        LetterStatus.DRAFT: NP_("LetterStatus", "Draft"),
        LetterStatus.ISSUED: NP_("LetterStatus", "Issued, not signed"),
        LetterStatus.SIGNED: NP_("LetterStatus", "Signed"),
        LetterStatus.SUPERSEDED: NP_("LetterStatus", "Superseded by a newer version"),
    },
    SignMethod: {
        SignMethod.ON_SCREEN: NP_("SignMethod", "Signed on screen"),
        SignMethod.ON_PAPER: NP_("SignMethod", "Signed on paper"),
        SignMethod.BY_EMAIL: NP_("SignMethod", "Confirmed by e-mail"),
        SignMethod.REFUSED: NP_("SignMethod", "Refused to sign"),
    },
    ExpectationStatus: {
        ExpectationStatus.DRAFT: NP_("ExpectationStatus", "Draft"),
        ExpectationStatus.CONFIRMED: NP_("ExpectationStatus", "Confirmed"),
        ExpectationStatus.MET: NP_("ExpectationStatus", "Met"),
        ExpectationStatus.MISSED: NP_("ExpectationStatus", "Missed"),
        ExpectationStatus.WITHDRAWN: NP_("ExpectationStatus", "Withdrawn"),
    },
    Triage: {
        Triage.UNTRIAGED: NP_("Triage", "Not yet classified"),
        Triage.A: NP_("Triage", "A: blocks the agreed goal, handled now"),
        Triage.B: NP_("Triage", "B: small and related, deferred until the goal is met"),
        Triage.C: NP_("Triage", "C: large, a separate request or quote"),
    },
    ScopeCheck: {
        ScopeCheck.UNCHECKED: NP_("ScopeCheck", "Not yet checked"),
        ScopeCheck.IN_SCOPE: NP_("ScopeCheck", "In scope"),
        ScopeCheck.EXCLUDED: NP_("ScopeCheck", "Listed as an exclusion"),
        ScopeCheck.OUT_OF_SCOPE: NP_("ScopeCheck", "Out of scope"),
    },
    Decision: {
        Decision.PENDING: NP_("Decision", "Pending"),
        Decision.PENDING_APPROVAL: NP_("Decision", "Awaiting manager approval"),
        Decision.APPROVED_BILLABLE: NP_("Decision", "Approved, billable"),
        Decision.APPROVED_GOODWILL: NP_("Decision", "Approved as goodwill"),
        Decision.DEFERRED: NP_("Decision", "Deferred"),
        Decision.DECLINED: NP_("Decision", "Declined"),
        Decision.WITHDRAWN: NP_("Decision", "Withdrawn"),
    },
    RiskLevel: {
        RiskLevel.LOW: NP_("RiskLevel", "Low"),
        RiskLevel.MEDIUM: NP_("RiskLevel", "Medium"),
        RiskLevel.HIGH: NP_("RiskLevel", "High"),
    },
    Channel: {
        Channel.MEETING: NP_("Channel", "Meeting"),
        Channel.CALL: NP_("Channel", "Phone call"),
        Channel.EMAIL: NP_("Channel", "E-mail"),
        Channel.MESSAGE: NP_("Channel", "Message"),
        Channel.SITE_VISIT: NP_("Channel", "Site visit"),
        Channel.OTHER: NP_("Channel", "Other"),
    },
    ScopeStatus: {
        ScopeStatus.NOT_STARTED: NP_("ScopeStatus", "Not started"),
        ScopeStatus.IN_PROGRESS: NP_("ScopeStatus", "In progress"),
        ScopeStatus.DELIVERED: NP_("ScopeStatus", "Delivered, awaiting acceptance"),
        ScopeStatus.ACCEPTED: NP_("ScopeStatus", "Accepted"),
    },
    MilestoneStatus: {
        MilestoneStatus.PLANNED: NP_("MilestoneStatus", "Planned"),
        MilestoneStatus.IN_PROGRESS: NP_("MilestoneStatus", "In progress"),
        MilestoneStatus.WAITING_ON_CLIENT: NP_("MilestoneStatus", "Waiting on client"),
        MilestoneStatus.DONE: NP_("MilestoneStatus", "Done"),
        MilestoneStatus.ACCEPTED: NP_("MilestoneStatus", "Accepted"),
    },
    OwnerSide: {
        OwnerSide.VENDOR: NP_("OwnerSide", "Us"),
        OwnerSide.CLIENT: NP_("OwnerSide", "Client"),
    },
    OverallStatus: {
        OverallStatus.ON_TRACK: NP_("OverallStatus", "On track"),
        OverallStatus.AT_RISK: NP_("OverallStatus", "At risk"),
        OverallStatus.OFF_TRACK: NP_("OverallStatus", "Off track"),
    },
}


def label(t: Translator, member: Enum) -> str:
    """The document's word for ``member`` in ``t``'s language."""
    return t.pgettext(type(member).__name__, LABELS[type(member)][member])
