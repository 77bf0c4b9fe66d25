"""A record's audit history, for the window's History dialog."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from deliverydesk.domain.audit import AuditAction, AuditEvent, AuditEventItem, RecordHistory, parse_changes
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.audit import link_labels, record_events, trail_start

HISTORY_LIMIT = 1000  # events shown for one record; a record edited more often shows its newest


def _action(stored: str) -> AuditAction | str:
    try:
        return AuditAction(stored)
    except ValueError:  # written by a newer DeliveryDesk, or by hand: shown as it is
        return stored


def _item(event: AuditEvent) -> AuditEventItem:
    return AuditEventItem(
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor=event.actor,
        entity=event.entity,
        record_id=event.record_id,
        action=_action(str(event.action)),
        changes=parse_changes(event.changes),
    )


def record_history(ctx: ServiceContext, record_id: str) -> RecordHistory:
    """Every recorded change of the record (archived or not), newest first, with old and new values;
    ``links`` names the records its link fields pointed at (by ref, code or name)."""
    with ctx.db.unit_of_work() as session:
        events = record_events(session, record_id, limit=HISTORY_LIMIT + 1)
        started = trail_start(session)
        links = link_labels(session, events[:HISTORY_LIMIT])
    items = tuple(_item(event) for event in events[:HISTORY_LIMIT])
    truncated = len(events) > HISTORY_LIMIT
    return RecordHistory(
        events=items, trail_started_at=_start(started, items), truncated=truncated, links=links
    )


def _start(started: datetime | None, items: Sequence[AuditEventItem]) -> datetime | None:
    """When the trail began, or the oldest event shown if that is older: the first event is written
    when the file is made (on the real clock) and later events may carry an earlier time (the demo's
    fixed day, a teammate's clock that runs behind); "History starts on" must not follow them."""
    if started is None:
        return None
    return min([started, *(item.occurred_at for item in items)])
