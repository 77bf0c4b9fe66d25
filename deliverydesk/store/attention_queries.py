"""Read-side SQL through the ORM for the scope guard's deferred B-items across projects
(``meters.deferred_b_items_due_in``). Today's report reads the same in plain SQL
(``store.attention_reads``)."""

from __future__ import annotations

from sqlalchemy import exists, not_, select
from sqlalchemy.orm import Session

from deliverydesk.domain.enums import Decision, MilestoneStatus, ProjectStatus, Triage
from deliverydesk.store.tables import ChangeRequestRow, MilestoneRow, ProjectRow

WATCHED_PROJECTS = (ProjectStatus.PLANNING, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)


def projects_with_deferred_b_items(session: Session, limit: int) -> list[str]:
    """Live watched projects whose main goal is met (main milestones, every live one accepted) and that
    still hold live B-items deferred until then, by code: at most ``limit`` project ids. The main
    milestones are tested first, in ``ix_milestone_main``: few milestones are main ones."""
    main = (
        MilestoneRow.project_id == ProjectRow.id,
        MilestoneRow.archived_at.is_(None),
        MilestoneRow.is_main,
    )
    query = (
        select(ProjectRow.id)
        .where(
            ProjectRow.archived_at.is_(None),
            ProjectRow.status.in_(WATCHED_PROJECTS),
            exists().where(*main),
            not_(exists().where(*main, MilestoneRow.status != MilestoneStatus.ACCEPTED)),
            exists().where(
                ChangeRequestRow.project_id == ProjectRow.id,
                ChangeRequestRow.archived_at.is_(None),
                ChangeRequestRow.decision == Decision.DEFERRED,
                ChangeRequestRow.triage == Triage.B,
            ),
        )
        .order_by(ProjectRow.code)
        .limit(limit)
    )
    return list(session.scalars(query))
