"""The completion certificate of a signed letter, from its record: the issue event (who, when, on which
machine: the letter's ``issued_by`` / ``issued_host``, else the audit trail's name for its creation)
and every signature event (``store.tables.SignatureRow``: the client's, the vendor's, a refusal before
them), each with its signer and role, method, the day signed, when and by whom it was recorded, and
the evidence (the e-mail's log entry, the scan's SHA-256, or "on screen"). Times print in the zone of
this computer, named on the certificate."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from deliverydesk.domain.audit import AuditAction
from deliverydesk.domain.enums import SignatureParty, SignMethod
from deliverydesk.i18n.formats import utc_offset_text
from deliverydesk.reports.documents.data import CertificateData, IssueEventData, SignatureEventData
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.audit import record_events
from deliverydesk.store.document_queries import (
    attachment_hashes,
    client_name_of,
    letter_signatures,
    log_entry_brief,
    seal_identity,
)
from deliverydesk.store.records import Session

HISTORY_LIMIT = 200  # audit events of one letter read at most


def _issued_by(session: Session, row: Any) -> str:
    """Who issued the letter: recorded on it, else who the audit trail says created it."""
    if row.issued_by:
        return str(row.issued_by)
    created = [e for e in record_events(session, row.id, HISTORY_LIMIT) if e.action == AuditAction.CREATE]
    return created[-1].actor if created else ""


def _evidence(session: Session, event: Any, scans: dict[str, str], zone: tzinfo) -> str:
    """What the signature rests on (a signature event): the e-mail's log entry, or the SHA-256 of the
    scan."""
    if event.method is SignMethod.BY_EMAIL and event.log_entry_id:
        entry = log_entry_brief(session, event.log_entry_id)
        if entry is not None:
            occurred_at, summary = entry
            return f"{occurred_at.astimezone(zone):%Y-%m-%d %H:%M}  {summary}"
    if event.method is SignMethod.ON_PAPER and event.attachment_id:
        return scans.get(event.attachment_id, "")
    return ""


def _organisations(session: Session, row: Any) -> dict[SignatureParty, str]:
    return {
        SignatureParty.CLIENT: client_name_of(session, row.project_id),
        SignatureParty.VENDOR: seal_identity(session)[1],
    }


def certificate_for(ctx: ServiceContext, session: Session, row: Any) -> CertificateData:
    """The certificate of a signed letter (its row), from its signature events as recorded (a
    signature being recorded is flushed first: ask before changing the letter, so its changes flush
    once)."""
    zone = ctx.now().astimezone().tzinfo
    assert zone is not None
    events = letter_signatures(session, [row.id])[row.id]
    scans = attachment_hashes(session, [e.attachment_id for e in events if e.attachment_id])
    organisations = _organisations(session, row)
    signatures = tuple(
        SignatureEventData(
            signer=event.signer_name,
            method=event.method,
            role=event.signer_title,
            organisation=organisations[event.party],
            signed_on=event.signed_on,
            recorded_at=event.recorded_at.astimezone(zone),
            recorded_by=event.recorded_by,
            place=event.place,
            evidence=_evidence(session, event, scans, zone),
            note=event.note,
        )
        for event in events
    )
    issued_at = (row.issued_at or ctx.now()).astimezone(zone)
    return CertificateData(
        reference=row.ref,
        version=row.version,
        fingerprint=row.fingerprint,
        issue=IssueEventData(issued_at, _issued_by(session, row), row.issued_host),
        signatures=signatures,
        issued_pdf_sha256=row.pdf_sha256,
        utc_offset=utc_offset_text(issued_at),
    )
