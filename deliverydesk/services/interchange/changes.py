"""What an import will do, line by line: shared by the plan and the spreadsheet imports.

A preview and the import itself compute the same ``Line``s (the import recomputes them inside its
transaction, so it does exactly what a fresh preview would show)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from deliverydesk.domain.enums import MilestoneStatus, ScopeStatus
from deliverydesk.i18n import Message


class Action(enum.StrEnum):
    NEW = "new"  # a record will be added
    UPDATE = "update"  # an earlier import's record will change
    UNCHANGED = "unchanged"  # already as the file says
    SKIPPED = "skipped"  # read, not imported (a summary task, a task not chosen, an archived record)
    ERROR = "error"  # cannot be imported as it is (the message says why)

    @property
    def writes(self) -> bool:
        return self in (Action.NEW, Action.UPDATE)


class Kind(enum.StrEnum):
    MILESTONE = "milestone"
    SCOPE_ITEM = "scope item"
    EXCLUSION = "exclusion"
    SUMMARY = "summary task"
    TASK = "task"  # a plan task not chosen as a scope item
    NON_WORKING_DAY = "non-working day"


@dataclass(frozen=True)
class Line:
    """One row of a preview: what the file holds and what importing it does."""

    key: str  # the task UID, the spreadsheet row number or the day
    kind: Kind
    name: str
    action: Action
    ref: str = ""  # the DeliveryDesk record it updates (M-3), or its new ref once imported
    message: Message | None = None  # the verdict in words: errors, why it is skipped
    changes: tuple[Message, ...] = ()  # what changes, one clause each ("forecast: … → …")
    choosable: bool = False  # a plan task that may become a scope item
    chosen: bool = False
    first_date: date | None = None  # baseline (milestones), the day (non-working days)
    second_date: date | None = None  # forecast
    third_date: date | None = None  # actual


@dataclass(frozen=True)
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: int = 0

    @classmethod
    def of(cls, lines: tuple[Line, ...]) -> Counts:
        actions = [line.action for line in lines]
        return cls(
            new=actions.count(Action.NEW),
            updated=actions.count(Action.UPDATE),
            unchanged=actions.count(Action.UNCHANGED),
            skipped=actions.count(Action.SKIPPED),
            errors=actions.count(Action.ERROR),
        )

    def as_audit(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: the file (name, SHA-256), the project, and every line."""

    file_name: str
    sha256: str
    project_code: str
    lines: tuple[Line, ...]
    notes: tuple[Message, ...] = field(default=())

    @property
    def counts(self) -> Counts:
        return Counts.of(self.lines)


_SCOPE_ORDER = list(ScopeStatus)
_MILESTONE_ORDER = [
    MilestoneStatus.PLANNED,
    MilestoneStatus.IN_PROGRESS,
    MilestoneStatus.WAITING_ON_CLIENT,
    MilestoneStatus.DONE,
    MilestoneStatus.ACCEPTED,
]


def advanced_scope_status(current: ScopeStatus, from_file: ScopeStatus) -> ScopeStatus:
    """A file moves a status forward, never back (100 % in a plan does not undo "accepted")."""
    return max(current, from_file, key=_SCOPE_ORDER.index)


def advanced_milestone_status(current: MilestoneStatus, from_file: MilestoneStatus) -> MilestoneStatus:
    return max(current, from_file, key=_MILESTONE_ORDER.index)
