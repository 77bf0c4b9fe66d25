"""The closed vocabularies of the domain.

Values are stored in the database and in bundles: never rename a value.

Code that runs per row on a path users feel (a project switch's tallies) reads the members it tests
from module constants (``_GOODWILL = Decision.APPROVED_GOODWILL``), not through the class: in Python
3.11 ``EnumType`` defines ``__getattr__``, so every ``Decision.X`` takes the slow attribute path
(~0.2 µs, about fifteen times a global's; measured in session 7)."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    ZH_CN = "zh_CN"


class PaperSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class ProjectStatus(StrEnum):
    PLANNING = "planning"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    HANDED_OVER = "handed_over"
    CLOSED = "closed"


class ContactRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    COORDINATOR = "coordinator"
    END_USER = "end_user"
    OTHER = "other"


class ScopeStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    ACCEPTED = "accepted"


class OwnerSide(StrEnum):
    VENDOR = "vendor"
    CLIENT = "client"


class MilestoneStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    WAITING_ON_CLIENT = "waiting_on_client"
    DONE = "done"
    ACCEPTED = "accepted"


class ExpectationStatus(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    MET = "met"
    MISSED = "missed"
    WITHDRAWN = "withdrawn"


# What an expectation confirmation letter lists: every status but withdrawn.
LETTER_STATUSES = tuple(s for s in ExpectationStatus if s is not ExpectationStatus.WITHDRAWN)


class LetterKind(StrEnum):
    EXPECTATION_CONFIRMATION = "expectation_confirmation"
    CHANGE_DECISION = "change_decision"
    PROGRESS_SUMMARY = "progress_summary"
    HANDOVER = "handover"


class LetterStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    SIGNED = "signed"
    SUPERSEDED = "superseded"


class SignMethod(StrEnum):
    ON_SCREEN = "on_screen"
    ON_PAPER = "on_paper"
    BY_EMAIL = "by_email"
    REFUSED = "refused"


class SignatureParty(StrEnum):
    """Whose signature block a signature event fills."""

    CLIENT = "client"
    VENDOR = "vendor"


class PersonRole(StrEnum):
    """A person of the team roster: an engineer decides within limits, a manager also approves."""

    ENGINEER = "engineer"
    MANAGER = "manager"


class Channel(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"
    SITE_VISIT = "site_visit"
    OTHER = "other"


class Triage(StrEnum):
    UNTRIAGED = "untriaged"
    A = "A"  # blocks the agreed goal: do it now and tell the client
    B = "B"  # small and related: defer until the main goal is met
    C = "C"  # large: a separate request or quote


class ScopeCheck(StrEnum):
    UNCHECKED = "unchecked"
    IN_SCOPE = "in_scope"
    EXCLUDED = "excluded"  # matches an explicit exclusion
    OUT_OF_SCOPE = "out_of_scope"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Decision(StrEnum):
    PENDING = "pending"
    PENDING_APPROVAL = "pending_approval"
    APPROVED_BILLABLE = "approved_billable"
    APPROVED_GOODWILL = "approved_goodwill"
    DEFERRED = "deferred"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class LogKind(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    SITE_VISIT = "site_visit"
    MESSAGE = "message"
    DECISION = "decision"
    COMMITMENT = "commitment"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class HandoverKind(StrEnum):
    DOCUMENT = "document"
    TRAINING = "training"
    RISK = "risk"
    OPEN_ITEM = "open_item"
