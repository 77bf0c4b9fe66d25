"""SQL for issued letters whose PDF (or signed PDF) has no copy in the blob store yet: letters issued
before DeliveryDesk kept a copy of every issued PDF (databases upgraded from revision 0001)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from deliverydesk.store.document_queries import ISSUED_STATES
from deliverydesk.store.tables import BlobRow, LetterRow


def _missing(hash_column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    return and_(hash_column != "", ~exists().where(BlobRow.sha256 == hash_column))


_WITHOUT_COPY = and_(
    LetterRow.status.in_(ISSUED_STATES),
    or_(_missing(LetterRow.pdf_sha256), _missing(LetterRow.signed_pdf_sha256)),
)


def any_letter_without_copy(session: Session) -> bool:
    """The cheap question asked after every open: is there anything to keep?"""
    return session.scalar(select(select(LetterRow.id).where(_WITHOUT_COPY).exists())) is True


def letters_without_copy(session: Session) -> list[str]:
    """Their ids (every project, archived included), oldest issue first."""
    query = select(LetterRow.id).where(_WITHOUT_COPY)
    return list(session.scalars(query.order_by(LetterRow.issued_at, LetterRow.ref, LetterRow.version)))


def count_issued_letters(session: Session) -> int:
    return session.scalar(select(func.count()).where(LetterRow.status.in_(ISSUED_STATES))) or 0
