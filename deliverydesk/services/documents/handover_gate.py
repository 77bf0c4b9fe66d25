"""The handover gate (``domain.handover``) over a project's records: what stands in the way of issuing
its handover report, for the Handover page, Home, and issuing itself (``letters.issue_document``)."""

from __future__ import annotations

from deliverydesk.domain.handover import HANDOVER_NEAR_DAYS, NEAR_HANDOVER, Blocker, handover_blockers
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.document_rows import handover_facts

__all__ = ["HANDOVER_NEAR_DAYS", "NEAR_HANDOVER", "project_handover_blockers"]


def project_handover_blockers(ctx: ServiceContext, project_id: str) -> tuple[Blocker, ...]:
    """What stands in the way of issuing the project's handover report (empty: it may be issued)."""
    with ctx.db.unit_of_work() as session:
        return handover_blockers(handover_facts(session, project_id))
