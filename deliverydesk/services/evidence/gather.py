"""The records of an evidence pack: which records concern the topic (``gather``), and the pack's data
made of them (``pack_records``), numbered in chronological order. Part of ``services.evidence.pack``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from deliverydesk.domain.enums import LetterKind, SignatureParty
from deliverydesk.domain.models import AttachmentItem, CommitmentItem, LetterItem, LogEntryItem, SignatureItem
from deliverydesk.reports.evidence.data import (
    EvidenceAttachmentData,
    EvidenceCommitmentData,
    EvidenceEntryData,
    EvidenceLetterData,
    EvidenceSignatureData,
)
from deliverydesk.store.evidence_queries import (
    attachments_of,
    commitments_recorded_by,
    correction_relatives,
    letter_versions,
    letters_by_id,
    letters_issued_between,
    letters_of_change_request,
    letters_of_kind,
    letters_signed_by,
    linked_refs,
    log_entries_between,
    log_entries_by_id,
    log_entries_linked,
)
from deliverydesk.store.records import Session

if TYPE_CHECKING:
    from deliverydesk.services.evidence.pack import EvidenceTopic

Bounds = tuple[datetime, datetime] | None


@dataclass
class Gathered:
    """The live records of one project that concern a topic (read inside one unit of work)."""

    entries: dict[str, LogEntryItem]
    letters: dict[str, LetterItem]
    commitments: list[CommitmentItem]
    attachments: list[AttachmentItem]
    request_ref: str = ""  # the change request's ref, when it is the topic


def gather(session: Session, topic: EvidenceTopic, bounds: Bounds, topic_ref: str) -> Gathered:
    """``topic_ref``: the ref of the change request or expectation the pack is about, else ""."""
    project_id = topic.project_id
    entries = _with_chains(session, project_id, _topic_entries(session, topic, bounds))
    commitments = commitments_recorded_by(session, project_id, entries)
    topic_letters = _topic_letters(session, (topic, topic_ref), bounds, entries, commitments)
    letters = {letter.id: letter for letter in topic_letters}
    pointed_at = [e.log_entry_id for letter in letters.values() for e in letter.signatures]
    pointed_at += [c.confirmation_log_entry_id for c in commitments] + [
        c.closed_log_entry_id for c in commitments
    ]
    missing = {entry_id for entry_id in pointed_at if entry_id and entry_id not in entries}
    entries.update(_with_chains(session, project_id, log_entries_by_id(session, project_id, missing)))
    attachments = attachments_of(
        session,
        project_id,
        entry_ids=entries,
        letter_ids=letters,
        change_request_id=topic.change_request_id,
    )
    request_ref = topic_ref if topic.change_request_id else ""
    return Gathered(entries, letters, commitments, attachments, request_ref)


def _topic_entries(session: Session, topic: EvidenceTopic, bounds: Bounds) -> list[LogEntryItem]:
    project_id = topic.project_id
    if topic.change_request_id:
        return log_entries_linked(session, project_id, change_request_id=topic.change_request_id)
    if topic.expectation_id:
        return log_entries_linked(session, project_id, expectation_id=topic.expectation_id)
    if bounds is not None:
        return log_entries_between(session, project_id, *bounds)
    return log_entries_by_id(session, project_id, topic.log_entry_ids)


def _with_chains(
    session: Session, project_id: str, entries: Sequence[LogEntryItem]
) -> dict[str, LogEntryItem]:
    """The entries and every entry of their correction chains, both ways, however long."""
    found = {entry.id: entry for entry in entries}
    frontier = list(entries)
    while frontier:
        relatives = correction_relatives(session, project_id, frontier)
        frontier = [entry for entry in relatives if entry.id not in found]
        found.update((entry.id, entry) for entry in frontier)
    return found


def _topic_letters(
    session: Session,
    about: tuple[EvidenceTopic, str],
    bounds: Bounds,
    entries: Iterable[str],
    commitments: Sequence[CommitmentItem],
) -> list[LetterItem]:
    topic, topic_ref = about
    project_id = topic.project_id
    letters = letters_signed_by(session, project_id, entries)
    letters += letters_by_id(session, project_id, [c.confirmation_letter_id or "" for c in commitments])
    if topic.change_request_id:
        letters += letters_of_change_request(session, project_id, topic.change_request_id)
    elif topic.expectation_id:
        candidates = letters_of_kind(session, project_id, LetterKind.EXPECTATION_CONFIRMATION)
        letters += [letter for letter in candidates if topic_ref in _printed_expectation_refs(letter)]
    elif bounds is not None:
        letters += letters_issued_between(session, project_id, *bounds)
    return letters


def _printed_expectation_refs(letter: LetterItem) -> set[str]:
    """The refs of the expectations an expectation letter printed (from its sealed snapshot)."""
    try:
        printed = json.loads(letter.content_json).get("expectations", [])
        return {str(item["ref"]) for item in printed}
    except (ValueError, TypeError, KeyError, AttributeError):
        return set()


# --- the pack's data ---------------------------------------------------------------------------


def _chronological(found: Iterable[LogEntryItem]) -> list[LogEntryItem]:
    """By when it happened; at the same moment an entry before its corrections, then as written."""
    entries = list(found)
    corrects = {row.id: row.correction_of_id for row in entries}

    def depth(entry_id: str | None) -> int:
        hops = 0
        while entry_id in corrects and hops <= len(corrects):  # bounded, even for a damaged cycle
            entry_id, hops = corrects[entry_id], hops + 1
        return hops

    return sorted(entries, key=lambda row: (row.occurred_at, depth(row.id), row.created_at, row.id))


def pack_records(
    session: Session, found: Gathered, zone: tzinfo
) -> tuple[
    tuple[EvidenceEntryData, ...],
    tuple[EvidenceLetterData, ...],
    tuple[EvidenceCommitmentData, ...],
    tuple[EvidenceAttachmentData, ...],
]:
    entries = _chronological(found.entries.values())
    number = {row.id: index for index, row in enumerate(entries, 1)}
    letters = sorted(found.letters.values(), key=lambda r: (r.issued_at or r.created_at, r.ref, r.version))
    return (
        tuple(_entries(linked_refs(session, entries), entries, number, zone)),
        tuple(_letter(letter, _client_event(letter.signatures), number, zone) for letter in letters),
        tuple(_commitments(session, found.commitments, number)),
        tuple(_attachments(found, number, {letter.id: letter for letter in letters})),
    )


def _entries(
    refs: dict[str, tuple[str, ...]], entries: Sequence[LogEntryItem], number: dict[str, int], zone: tzinfo
) -> list[EvidenceEntryData]:
    corrected_by: dict[str, int] = {}
    for row in sorted(entries, key=lambda r: (r.created_at, r.id)):  # the newest correction wins
        if row.correction_of_id in number:
            corrected_by[str(row.correction_of_id)] = number[row.id]
    return [
        EvidenceEntryData(
            number=number[row.id],
            occurred_at=row.occurred_at.astimezone(zone),
            recorded_at=row.created_at.astimezone(zone),
            kind=row.kind,
            summary=row.summary,
            participants=row.participants,
            details=row.details,
            links=refs[row.id],
            corrects=number.get(row.correction_of_id or ""),
            corrected_by=corrected_by.get(row.id),
        )
        for row in entries
    ]


def _client_event(events: Sequence[SignatureItem]) -> SignatureItem | None:
    """The client's newest signature event (the signature, or the refusal standing)."""
    client = [e for e in events if e.party is SignatureParty.CLIENT]
    return client[-1] if client else None


def _letter(
    row: LetterItem, event: SignatureItem | None, number: dict[str, int], zone: tzinfo
) -> EvidenceLetterData:
    signature = None
    if event is not None:
        signature = EvidenceSignatureData(
            method=event.method,
            signer_name=event.signer_name,
            signer_title=event.signer_title,
            signed_at=event.recorded_at.astimezone(zone),
            signed_on=event.signed_on,
            place=event.place,
            note=event.note,
            confirmed_in_entry=number.get(event.log_entry_id or ""),
        )
    return EvidenceLetterData(
        reference=row.ref,
        version=row.version,
        kind=row.kind,
        status=row.status,
        issued_at=row.issued_at.astimezone(zone) if row.issued_at else None,
        fingerprint=row.fingerprint,
        pdf_sha256=row.pdf_sha256,
        signed_pdf_sha256=row.signed_pdf_sha256,
        signature=signature,
    )


def _commitments(
    session: Session, rows: Sequence[CommitmentItem], number: dict[str, int]
) -> list[EvidenceCommitmentData]:
    ordered = sorted(rows, key=lambda r: (number.get(r.log_entry_id or "", 0), r.due_date, r.created_at))
    versions = letter_versions(
        session, [row.confirmation_letter_id for row in rows if row.confirmation_letter_id]
    )
    items = []
    for row in ordered:
        letter = versions.get(row.confirmation_letter_id or "")
        items.append(
            EvidenceCommitmentData(
                owner_side=row.owner_side,
                owner_name=row.owner_name,
                owed_to=row.owed_to,
                description=row.description,
                due=row.due_date,
                recorded_in=number.get(row.log_entry_id or ""),
                confirm_in_writing=row.confirm_in_writing,
                confirmed_in_entry=number.get(row.confirmation_log_entry_id or ""),
                confirmed_by_letter=f"{letter[0]} v{letter[1]}" if letter else "",
                closed_on=row.closed_on,
                closed_note=row.closed_note,
                closed_in_entry=number.get(row.closed_log_entry_id or ""),
            )
        )
    return items


def _attachments(
    found: Gathered, number: dict[str, int], letters: dict[str, LetterItem]
) -> list[EvidenceAttachmentData]:
    """Entries' attachments in the order of the entries, then the letters', then the request's."""
    letter_order = {letter_id: index for index, letter_id in enumerate(letters)}

    def owner(row: AttachmentItem) -> tuple[int, int, str]:
        if row.log_entry_id in number:
            return 0, number[str(row.log_entry_id)], f"#{number[str(row.log_entry_id)]}"
        if row.letter_id in letters:
            letter = letters[str(row.letter_id)]
            return 1, letter_order[letter.id], f"{letter.ref} v{letter.version}"
        return 2, 0, found.request_ref

    keyed = sorted(
        ((owner(row), row) for row in found.attachments), key=lambda pair: (pair[0][:2], pair[1].filename)
    )
    return [
        EvidenceAttachmentData(
            filename=row.filename,
            size=row.size,
            media_type=row.media_type,
            sha256=row.sha256,
            belongs_to=label,
        )
        for (_group, _order, label), row in keyed
    ]
