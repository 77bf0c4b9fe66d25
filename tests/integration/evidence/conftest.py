"""A project whose change request CR-1 was argued over, created through the services: entries written
out of order, a corrected entry, an entry of another request, an unrelated and an archived entry, a
commitment met and one open, a change decision signed by e-mail, attachments, and hostile text."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from deliverydesk.domain.drafts import (
    AttachmentDraft,
    ChangeRequestDraft,
    CommitmentDraft,
    ExpectationDraft,
    LogEntryDraft,
)
from deliverydesk.domain.enums import Decision, ExpectationStatus, LetterKind, LogKind, OwnerSide, SignMethod
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.letters import SignRequest, issue_document, sign_letter
from deliverydesk.services.records.attachments import add_attachment
from deliverydesk.services.records.commitments import close_commitment, confirm_in_writing, record_commitment
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.log import add_log_entry, correct_log_entry
from deliverydesk.services.scope_guard.change_requests import create_change_request
from deliverydesk.store.tables import LogEntryRow
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import (  # noqa: F401 (fixtures: a copy of one migrated database per test)
    make_client,
    make_project,
    migrated_db,
    migrated_template,
)

HOSTILE = "<b>not bold</b> & <img src=/etc/passwd> 𠮷 Ωμέγα ✓ {page} %s"
LONG_WORDS = " ".join(f"word{n:05d}" for n in range(1000))[:10_000]


def at(day: int, hour: int) -> datetime:
    """Around noon UTC: the same calendar day in any time zone the tests may run in."""
    return datetime(2026, 3, day, hour, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Scenario:
    project_id: str
    request_id: str  # CR-1, the topic
    other_request_id: str  # CR-2
    expectation_id: str  # E-1
    entries: dict[str, str]  # name -> log entry id
    letter_fingerprint: str
    attachment_sha256: str
    other_attachment_sha256: str


def _entry(ctx: ServiceContext, project_id: str, when: datetime, summary: str, **extra: object) -> str:
    draft = LogEntryDraft(project_id=project_id, occurred_at=when, summary=summary, **extra)  # type: ignore[arg-type]
    return add_log_entry(ctx, draft).id


def _requests(ctx: ServiceContext, project_id: str, signer_id: str) -> tuple[str, str, str]:
    request = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=project_id,
            title="Shift scrap report",
            description="Scrap by line and shift, e-mailed every morning.",
            requested_on=date(2026, 3, 2),
            requested_by_id=signer_id,
            effort_hours=6,
            decision=Decision.APPROVED_BILLABLE,
            decided_by="张浩",
            decided_on=date(2026, 3, 6),
            rationale="Out of scope; billed.",
        ),
    )
    other = create_change_request(
        ctx, ChangeRequestDraft(project_id=project_id, title="Another ask", requested_on=date(2026, 3, 5))
    )
    expectation = create_expectation(
        ctx,
        ExpectationDraft(
            project_id=project_id,
            statement="扫码报工 2 秒内完成",
            measure="20 次中 19 次 ≤ 2 秒",
            status=ExpectationStatus.CONFIRMED,
        ),
    )
    return request.id, other.id, expectation.id


def _log(
    ctx: ServiceContext, project_id: str, request_id: str, other_id: str, expectation_id: str
) -> dict[str, str]:
    """Written out of order on purpose: the pack orders by when things happened."""
    entries = {
        "quote": _entry(
            ctx, project_id, at(4, 12), "Quoted 5 hours", kind=LogKind.CALL, change_request_id=request_id
        )
    }
    entries["ask"] = _entry(
        ctx, project_id, at(2, 12), "Client asks for the scrap report", participants="王建国, Li Na",
        details="Wants it by line and shift.", change_request_id=request_id,
    )  # fmt: skip
    correction = LogEntryDraft(
        project_id=project_id, occurred_at=at(4, 12), summary="Quoted 6 hours, not 5", kind=LogKind.CALL,
        change_request_id=request_id,
    )  # fmt: skip
    entries["correction"] = correct_log_entry(ctx, entries["quote"], correction).id
    entries["other"] = _entry(
        ctx, project_id, at(5, 12), "Talked about another ask", change_request_id=other_id
    )
    entries["unrelated"] = _entry(ctx, project_id, at(3, 11), "Coffee with the IT team")
    entries["archived"] = _entry(
        ctx, project_id, at(3, 13), "Archived note on the report", change_request_id=request_id
    )
    entries["hostile"] = _entry(
        ctx, project_id, at(8, 12), HOSTILE, details=f"{HOSTILE}\n{LONG_WORDS}", change_request_id=request_id
    )
    entries["email"] = _entry(
        ctx,
        project_id,
        at(10, 12),
        "Client confirmed the decision by e-mail",
        kind=LogKind.EMAIL,
        participants="王建国",
        change_request_id=request_id,
    )
    entries["expectation"] = _entry(
        ctx, project_id, at(9, 12), "Measured scan time: 1.4 s", expectation_id=expectation_id
    )
    with ctx.db.unit_of_work() as session:  # no service archives a log entry: a sync or an import could
        archived = session.get(LogEntryRow, entries["archived"])
        assert archived is not None
        archived.archived_at = FIXED_NOW
    return entries


def _commitments(ctx: ServiceContext, project_id: str, entries: dict[str, str]) -> None:
    met = record_commitment(
        ctx,
        CommitmentDraft(
            project_id=project_id, description="Send the estimate sheet", due_date=date(2026, 3, 5),
            owner_name="张浩", owed_to="王建国", confirm_in_writing=True, log_entry_id=entries["ask"],
        ),
    )  # fmt: skip
    confirm_in_writing(ctx, met.id, log_entry_id=entries["email"])
    close_commitment(ctx, met.id, date(2026, 3, 10), "Sent with the decision letter", entries["email"])
    record_commitment(
        ctx,
        CommitmentDraft(
            project_id=project_id, description="Confirm when the night shift closes",
            due_date=date(2026, 3, 12), owner_side=OwnerSide.CLIENT, owner_name="王建国",
            log_entry_id=entries["hostile"],
        ),
    )  # fmt: skip
    record_commitment(
        ctx,
        CommitmentDraft(
            project_id=project_id, description="Commitment of the other ask", due_date=date(2026, 3, 20),
            log_entry_id=entries["other"],
        ),
    )  # fmt: skip


def _letter(ctx: ServiceContext, project_id: str, request_id: str, email_entry: str) -> str:
    issued = issue_document(
        ctx, DocumentRequest(project_id, LetterKind.CHANGE_DECISION, change_request_id=request_id)
    )
    sign_letter(
        ctx,
        SignRequest(
            issued.letter.id,
            SignMethod.BY_EMAIL,
            "王建国",
            "厂长",
            log_entry_id=email_entry,
            signed_on=FIXED_NOW.date(),  # the e-mail entry is dated before the letter was issued
        ),
    )
    return issued.letter.fingerprint


def _attach(ctx: ServiceContext, project_id: str, entry_id: str, name: str, data: bytes) -> str:
    draft = AttachmentDraft(
        project_id=project_id, filename=name, data=data, media_type="text/plain", log_entry_id=entry_id
    )
    return add_attachment(ctx, draft).sha256


@pytest.fixture
def scenario(ctx: ServiceContext) -> Scenario:
    client_id, signer_id, _coordinator = make_client(ctx)
    project_id = make_project(ctx, client_id)
    request_id, other_id, expectation_id = _requests(ctx, project_id, signer_id)
    entries = _log(ctx, project_id, request_id, other_id, expectation_id)
    _commitments(ctx, project_id, entries)
    fingerprint = _letter(ctx, project_id, request_id, entries["email"])
    sha = _attach(
        ctx, project_id, entries["ask"], "estimate sheet.txt", b"6 hours: 2 query, 3 layout, 1 test"
    )
    other_sha = _attach(ctx, project_id, entries["other"], "other.txt", b"not about CR-1")
    request = AttachmentDraft(
        project_id=project_id, filename="the ask.txt", data=b"by line, by shift", change_request_id=request_id
    )
    add_attachment(ctx, request)
    return Scenario(project_id, request_id, other_id, expectation_id, entries, fingerprint, sha, other_sha)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squeeze(text: str) -> str:
    """Without whitespace: compare across line and cell breaks."""
    return "".join(text.split())
