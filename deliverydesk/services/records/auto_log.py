"""The entries DeliveryDesk adds to a project's log when a letter is issued, signed or refused and when
a change request is decided or approved: one helper per event, called inside that action's unit of
work, so the log shows that a letter went to the client as surely as the letter itself.

Each entry links its record (``letter_id``, ``change_request_id``) and is written in the project's
document language (``domain.log_texts``). The helpers read the action's rows through the few fields
they need from the domain's records (``LetterItem``, ``SignatureItem``, ``ChangeRequestItem``)."""

from __future__ import annotations

from deliverydesk.domain import log_texts
from deliverydesk.domain.enums import Decision, Language, LogKind
from deliverydesk.domain.models import ChangeRequestItem, LetterItem, SignatureItem
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.log import record_in_log
from deliverydesk.store.records import Session, project_language


def _language(session: Session, project_id: str) -> Language:
    language = project_language(session, project_id)
    if language is None:
        raise NotFoundError(
            msg(
                "The {what} was not found; it may have been removed by a sync or an import.",
                what=record_kind("project"),
            )
        )
    return language


def log_letter_issued(ctx: ServiceContext, session: Session, letter: LetterItem) -> None:
    into = letter.language if letter.translation_of_id is not None else None
    summary = log_texts.letter_issued(
        letter.kind, letter.ref, letter.version, _language(session, letter.project_id), into
    )
    record_in_log(
        ctx,
        session,
        project_id=letter.project_id,
        kind=LogKind.MESSAGE,
        summary=summary,
        change_request_id=letter.change_request_id,
        letter_id=letter.id,
    )


def log_letter_signed(
    ctx: ServiceContext, session: Session, letter: LetterItem, event: SignatureItem
) -> None:
    """The client's signature event (or refusal) on ``letter``: its method, signer and note."""
    language = _language(session, letter.project_id)
    summary = log_texts.letter_signed(
        letter.kind, letter.ref, letter.version, event.method, event.signer_name or "", language
    )
    record_in_log(
        ctx,
        session,
        project_id=letter.project_id,
        kind=LogKind.DECISION,
        summary=summary,
        details=event.note or "",
        change_request_id=letter.change_request_id,
        letter_id=letter.id,
    )


def log_request_decided(
    ctx: ServiceContext,
    session: Session,
    request: ChangeRequestItem,
    replaced: Decision | None = None,
) -> None:
    """``replaced``: the proposed outcome of a decision that was held for approval when this one was
    taken (it is no longer waiting for a manager)."""
    language = _language(session, request.project_id)
    held = request.decision is Decision.PENDING_APPROVAL
    summary = log_texts.request_decided(
        request.ref,
        request.title,
        request.decision,
        language,
        request.proposed_decision if held else None,
        replaced,
    )
    record_in_log(
        ctx,
        session,
        project_id=request.project_id,
        kind=LogKind.DECISION,
        summary=summary,
        details=request.rationale or "",
        change_request_id=request.id,
    )


def log_request_approved(ctx: ServiceContext, session: Session, request: ChangeRequestItem) -> None:
    language = _language(session, request.project_id)
    summary = log_texts.request_approved(
        request.ref, request.title, request.decision, request.approved_by or "", language
    )
    record_in_log(
        ctx,
        session,
        project_id=request.project_id,
        kind=LogKind.DECISION,
        summary=summary,
        details=request.approval_note or "",
        change_request_id=request.id,
    )
