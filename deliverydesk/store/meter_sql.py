"""A project's scope-guard sums as SQL fragments (correlated on ``p.id``), shared by the project list
(``navigator_queries``) and Today's report (``attention_reads``) without the domain's records; and
which log entries count as work on a change request (Today, the Overview, the guard's meters)."""

from __future__ import annotations

from deliverydesk.domain.enums import Decision, LogKind, ScopeCheck
from deliverydesk.store.plain import quoted

LIVE_REQUEST = "cr.project_id = p.id AND cr.archived_at IS NULL"
# The scope guard's two sums, as ``domain.metrics.goodwill_hours_used`` / ``accepted_out_of_scope_hours``
# count them (live requests only); Today's report has the same sums in ``queries.meter_hours``.
GOODWILL_USED = (
    f"(SELECT coalesce(sum(cr.effort_hours), 0.0) FROM change_request cr WHERE {LIVE_REQUEST}"
    f" AND cr.decision = '{Decision.APPROVED_GOODWILL.value}')"
)
OUT_OF_SCOPE = (
    f"(SELECT coalesce(sum(cr.effort_hours), 0.0) FROM change_request cr WHERE {LIVE_REQUEST}"
    f" AND cr.decision IN ({quoted(Decision.APPROVED_BILLABLE, Decision.APPROVED_GOODWILL)})"
    f" AND cr.scope_check != '{ScopeCheck.IN_SCOPE.value}')"
)

# Work logged against a change request (``le``), for ``domain.scope_guard.done_without_decision``: its
# live entries, except decision entries: the guard logs one when a decision is held for a manager or
# refused, and a decision recorded is not work done.
WORK_LOGGED = (
    "le.change_request_id IS NOT NULL AND le.archived_at IS NULL AND le.voided_at IS NULL"
    f" AND le.kind != '{LogKind.DECISION.value}'"
)
