"""What needs attention today, across projects (the Home page): records and pure rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from deliverydesk.domain.cadence import next_due
from deliverydesk.domain.enums import OwnerSide
from deliverydesk.domain.handover import Blocker
from deliverydesk.domain.metrics import Meter
from deliverydesk.domain.scope_guard import AuthorityLimits

COMMITMENT_LOOKAHEAD_DAYS = 3  # open commitments show on Home this many days before they fall due


class AttentionKind(StrEnum):
    OVERDUE_MILESTONE = "overdue_milestone"  # open, its date has passed
    AT_RISK_MILESTONE = "at_risk_milestone"  # forecast slips past baseline, or waiting on the client
    DECISION_PENDING = "decision_pending"  # change request awaiting the engineer's decision
    APPROVAL_PENDING = "approval_pending"  # change request awaiting a manager's approval
    DEFERRED_B_DUE = "deferred_b_due"  # deferred B-item whose main milestone is now accepted
    WORK_WITHOUT_DECISION = "work_without_decision"  # work logged against an undecided change request
    LETTER_UNSIGNED = "letter_unsigned"  # issued, not yet signed by the client
    LETTER_REFUSED = "letter_refused"  # issued, and the client refused to sign it: talk to them
    EXPECTATION_LETTER_OUTDATED = "expectation_letter_outdated"  # expectations changed since it was issued
    SUMMARY_DUE = "summary_due"  # progress summary due by the project's cadence
    COMMITMENT_DUE = "commitment_due"  # open commitment due soon or overdue (either side)
    CONFIRM_IN_WRITING = "confirm_in_writing"  # verbal commitment with no written confirmation yet
    SCOPE_METER_WARNING = "scope_meter_warning"  # goodwill budget or scope creep at 80 % or beyond
    REVIEW_FOLLOW_UP_DUE = "review_follow_up_due"  # a review's follow-up action whose revisit date has come
    HANDOVER_BLOCKED = "handover_blocked"  # due for handover; one thing in the way of issuing the report
    OWN_LIMITS_SET = "own_limits_set"  # a person set their own authority limits; a manager should confirm


@dataclass(frozen=True, kw_only=True)
class AttentionItem:
    """One line of the Home page; ``record_id`` opens the record (None: the project itself). A person's
    own limits belong to no project (``project_id`` "", ``record_id`` the person)."""

    kind: AttentionKind
    project_id: str
    project_code: str
    project_name: str
    record_id: str | None
    ref: str
    title: str
    due: date | None  # milestone date, request date, issue date, summary or commitment due date
    slip_days: int | None = None  # milestones: working days behind baseline
    days_late: int | None = None  # overdue milestones: working days since their date passed
    owner_side: OwnerSide | None = None  # commitments: which side owes it (``ref`` names who)
    logged: int | None = None  # work without a decision: log entries against the request
    goodwill: Meter | None = None  # scope meter warnings: the project's goodwill budget reading
    scope_creep: Meter | None = None  # scope meter warnings: its scope-creep reading
    blocker: Blocker | None = None  # a blocked handover: what stands in the way (``record_id`` opens it)
    limits: AuthorityLimits | None = None  # own limits set: the limits the person set (``ref``: their name)


@dataclass(frozen=True)
class AttentionReport:
    """At most ``limit`` items per kind (most urgent first); ``totals`` counts all of each kind."""

    items: tuple[AttentionItem, ...]
    totals: Mapping[AttentionKind, int] = field(default_factory=dict)
    today: date | None = None
    projects: int | None = None  # live projects in the database (0: a first start, Home says what to do)

    def of_kind(self, kind: AttentionKind) -> tuple[AttentionItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)


def summary_due_date(rule: str, start: date, last_summary: date | None, today: date) -> date | None:
    """The date the next progress summary is (or was) due, when that is today or earlier.

    The rule itself lives in ``domain.cadence``: counted from the project start, the first
    occurrence after the last issued summary is due; None when it is still in the future, the rule
    is empty or the rule cannot be read (a bad rule must not break the Home page)."""
    due = next_due(rule, start, last_summary)
    return due if due is not None and due <= today else None
