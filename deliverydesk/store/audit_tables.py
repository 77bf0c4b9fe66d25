"""The audit trail's tables: hash-chained events of every change to every record (issue 6).

Not ``RecordMixin`` tables: events are numbered (``seq``, the chain's order), never updated, never
archived, and never travel in bundles (an import writes its own events in the importing database).
The rules (canonical form, hash, verification) are in ``domain/audit.py``; the writing in
``store/audit.py``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from deliverydesk.store.tables import Base


class AuditEventRow(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_record", "record_id", "seq"),)  # one record's history

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # 1, 2, 3...
    occurred_at: Mapped[datetime]
    actor: Mapped[str]
    entity: Mapped[str] = mapped_column(String(64))  # the record's table
    record_id: Mapped[str] = mapped_column(String(64))
    project_id: Mapped[str | None] = mapped_column(String(36))  # no foreign key: events outlive rows
    action: Mapped[str] = mapped_column(String(16))  # domain.audit.AuditAction
    changes: Mapped[str] = mapped_column(Text)  # canonical JSON {field: [old, new]}
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """One row (id 1): the newest event's number and hash, so removing the newest events shows."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


AUDIT_HEAD_ID = 1
