"""What the scope guard's read side shows: a project's meters, its deferred B-items and the change
requests worked on without a decision. Records only; the rules are in ``domain.scope_guard``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from deliverydesk.domain.enums import Decision
from deliverydesk.domain.metrics import Meter


@dataclass(frozen=True, kw_only=True)
class ProjectMeters:
    """Goodwill budget (hours used / allowed) and scope-creep ratio (accepted out-of-scope hours /
    contracted hours), each with its threshold level; plus the counts the Overview flags."""

    project_id: str
    goodwill: Meter
    scope_creep: Meter
    done_without_decision: int  # undecided requests with work logged against them
    deferred_b_items: int  # B-items waiting for the main milestone


@dataclass(frozen=True, kw_only=True)
class DeferredItem:
    request_id: str
    ref: str
    title: str
    requested_on: date
    decided_on: date | None
    rationale: str
    effort_hours: float


@dataclass(frozen=True, kw_only=True)
class DeferredBItems:
    """A project's deferred B-items and whether their time has come (main milestone accepted)."""

    project_id: str
    project_code: str
    project_name: str
    main_milestones: tuple[str, ...]  # names of the project's main milestones ("" none marked)
    main_goal_met: bool
    items: tuple[DeferredItem, ...]

    @property
    def due(self) -> bool:
        """Now is the time: the main goal is met and B-items are waiting."""
        return self.main_goal_met and bool(self.items)


@dataclass(frozen=True, kw_only=True)
class UndecidedWork:
    """A change request with log entries against it but no (approved) decision yet."""

    request_id: str
    ref: str
    title: str
    decision: Decision
    log_entries: int
    last_logged_at: datetime  # when the newest linked entry happened
