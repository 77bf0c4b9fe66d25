"""Change requests' rows for the scope guard: a request as the domain's item with its project, the
facts its transition rules and budgets read, and saving the state an action leaves it in (triage,
scope check, impact, analysis, decision, approval, refusal). The rules are the domain's
(``domain.scope_guard``), applied by ``services.scope_guard``; here the item goes back onto its row."""

from __future__ import annotations

from datetime import datetime

from deliverydesk.domain.metrics import ChangeEffort
from deliverydesk.domain.models import ChangeRequestItem, ProjectItem
from deliverydesk.domain.scope_guard import ProjectFrame, RequestFacts
from deliverydesk.store import kinds, mapping
from deliverydesk.store.category_queries import category_name_of
from deliverydesk.store.project_tables import MAX_ROWS, change_decision_letter_issued
from deliverydesk.store.queries import change_efforts
from deliverydesk.store.record_rows import get_editable, get_row, live_project, project_item, save_changes
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import ChangeRequestRow, MilestoneRow


def request_item(row: ChangeRequestRow) -> ChangeRequestItem:
    return mapping.change_request_item(row, category=category_name_of(row))


def get_request(session: Session, request_id: str) -> ChangeRequestItem:
    """The change request (archived or not), or NotFoundError."""
    return request_item(get_row(session, kinds.CHANGE_REQUEST, request_id))


def editable_request(session: Session, request_id: str) -> tuple[ChangeRequestItem, ProjectItem]:
    """A request that may change (not archived) with its project (not archived either)."""
    row = get_editable(session, kinds.CHANGE_REQUEST, request_id)
    return request_item(row), project_item(session, live_project(session, row.project_id))


def request_facts(session: Session, request: ChangeRequestItem) -> RequestFacts:
    """What the transition rules need to know about the request."""
    issued = change_decision_letter_issued(session, request.id)
    return RequestFacts(request.ref, request.decision, request.scope_check, issued)


def project_frame(session: Session, project: ProjectItem, without: ChangeRequestItem) -> ProjectFrame:
    """The project's budgets and its live change requests' efforts, without ``without``."""
    efforts = [ChangeEffort(*row) for row in change_efforts(session, project.id)]
    if without.archived_at is None:
        efforts.remove(ChangeEffort(without.decision, without.scope_check, without.effort_hours))
    return ProjectFrame(
        project.goodwill_budget_hours, project.contracted_effort_hours, tuple(efforts), project.currency
    )


def main_milestone_names(session: Session, project_id: str) -> list[str]:
    """The names of the project's live main milestones, first made first."""
    rows, _ = list_rows(
        session, MilestoneRow, where={"project_id": project_id, "is_main": True}, limit=MAX_ROWS
    )
    return [row.name for row in rows]


def linked_ref(session: Session, scope_item_id: str | None, exclusion_id: str | None) -> str:
    """The ref of the scope item (else the exclusion) a scope check links, or ""."""
    if scope_item_id is not None:
        return get_row(session, kinds.SCOPE_ITEM, scope_item_id).ref
    if exclusion_id is not None:
        return get_row(session, kinds.EXCLUSION, exclusion_id).ref
    return ""


def save_request(now: datetime, session: Session, request: ChangeRequestItem) -> ChangeRequestItem:
    """Save the state an action of the scope guard leaves ``request`` in; what it does not change
    stays as it is (the same values). Returns the request as saved."""
    row = get_row(session, kinds.CHANGE_REQUEST, request.id)
    row.triage, row.scope_check = request.triage, request.scope_check
    row.scope_item_id, row.exclusion_id = request.scope_item_id, request.exclusion_id
    row.effort_hours, row.cost_cents = request.effort_hours, request.cost_cents
    row.schedule_days, row.risk = request.schedule_days, request.risk
    row.client_benefit, row.client_cost, row.risks = (
        request.client_benefit,
        request.client_cost,
        request.risks,
    )
    row.alternatives, row.recommendation = request.alternatives, request.recommendation
    row.decision, row.proposed_decision = request.decision, request.proposed_decision
    row.decided_by, row.decided_on, row.rationale = request.decided_by, request.decided_on, request.rationale
    row.escalation_needed = request.escalation_needed
    row.approved_by, row.approved_on = request.approved_by, request.approved_on
    row.approval_note = request.approval_note
    row.refused_by, row.refused_on = request.refused_by, request.refused_on
    row.refusal_reason = request.refusal_reason
    save_changes(now, session, row)
    return request_item(row)
