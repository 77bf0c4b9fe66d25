"""The handover gate (``domain.handover``) over a project's records: what stands in the way of issuing
its handover report, for the Handover page, Home, and issuing itself (``letters.issue_document``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from deliverydesk.domain.enums import ProjectStatus
from deliverydesk.domain.handover import Blocker, handover_blockers
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.attention_queries import handover_blocked_projects
from deliverydesk.store.document_rows import handover_facts
from deliverydesk.store.records import Session

HANDOVER_NEAR_DAYS = 14  # Home names the blockers of projects this close to their contracted end
NEAR_HANDOVER = (ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD, ProjectStatus.PLANNING)


def project_handover_blockers(ctx: ServiceContext, project_id: str) -> tuple[Blocker, ...]:
    """What stands in the way of issuing the project's handover report (empty: it may be issued)."""
    with ctx.db.unit_of_work() as session:
        return handover_blockers(handover_facts(session, project_id))


@dataclass(frozen=True)
class BlockedHandover:
    """A project due for handover whose handover report cannot be issued yet (Home)."""

    project_id: str
    project_code: str
    project_name: str
    due: date | None  # the contracted end date
    blockers: tuple[Blocker, ...]


def blocked_handovers(session: Session, today: date, limit: int) -> tuple[list[BlockedHandover], int]:
    """Projects marked handed over, or within two weeks of their contracted end (or past it), with no
    handover report issued and something in the way, by end date: at most ``limit`` (with their
    blockers) and how many there are."""
    ends_by = today + timedelta(days=HANDOVER_NEAR_DAYS)
    rows, total = handover_blocked_projects(session, NEAR_HANDOVER, ends_by, limit)
    found = [
        BlockedHandover(
            row["project_id"],
            row["project_code"],
            row["project_name"],
            row["due"],
            handover_blockers(handover_facts(session, row["project_id"])),
        )
        for row in rows
    ]
    return found, total
