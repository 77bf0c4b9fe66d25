"""Text typed into every field that prints comes back out of the PDFs exactly as typed (the symbols,
rare name characters, Greek and Cyrillic included), and a character no document font has is refused
where it is typed, with a message naming it."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from pypdf import PdfReader

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ClientDraft,
    CommitmentDraft,
    ContactDraft,
    ExclusionDraft,
    ExpectationDraft,
    HandoverEntryDraft,
    IssueDraft,
    LogEntryDraft,
    MilestoneDraft,
    ProjectDraft,
    ReviewActionDraft,
    ReviewDraft,
    ScopeItemDraft,
    SettingsDraft,
)
from deliverydesk.domain.enums import (
    ContactRole,
    Decision,
    HandoverKind,
    Language,
    LetterKind,
    LogKind,
    OwnerSide,
    ProjectStatus,
    ScopeStatus,
    SignMethod,
    Triage,
)
from deliverydesk.errors import ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import (
    ActionData,
    DifficultyData,
    DocumentRequest,
    SummaryNarrative,
)
from deliverydesk.services.documents.signing import SignRequest
from deliverydesk.services.evidence.pack import EvidenceTopic, evidence_pdf
from deliverydesk.services.records.clients import create_client, create_contact
from deliverydesk.services.records.commitments import record_commitment
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.handover import create_handover_entry
from deliverydesk.services.records.issues import create_issue
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.milestones import create_milestone
from deliverydesk.services.records.projects import create_project
from deliverydesk.services.records.scope import create_exclusion, create_scope_item
from deliverydesk.services.records.settings import update_settings
from deliverydesk.services.reviews.butterfly import create_review, create_review_action
from deliverydesk.services.reviews.report import review_report_pdf
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()
RICH = "至少 19 次 ≤ 2 秒 ≥ ± × ÷ ≠ ≈ √ ℃ ° µ Ω ‰ ✓ ✗ → ①⑳ ＡＢＣ１２３ 堃 喆 镕 䶮 𠮷 Ελληνικά Кириллица"


class Typed:
    """Hands out field texts, each unique (F01, F02...) and rich; remembers what was typed."""

    def __init__(self) -> None:
        self.numbers = count(1)
        self.typed: list[str] = []

    def __call__(self, short: bool = False) -> str:
        text = f"F{next(self.numbers):02d} " + (RICH[:14] + " 𠮷 ✓" if short else RICH)
        self.typed.append(text)
        return text


def squeeze(text: str) -> str:
    return "".join(text.split())


def extracted(pdf: bytes) -> str:
    return squeeze("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _project(ctx: ServiceContext, typed: Typed) -> dict[str, str]:
    update_settings(
        ctx,
        SettingsDraft(
            company_name=typed(True),
            company_address=typed(),
            engineer_name=typed(True),
            engineer_title=typed(True),
        ),
    )
    client = create_client(ctx, ClientDraft(name=typed(True), address=typed()))
    signer = create_contact(
        ctx,
        ContactDraft(
            client_id=client.id,
            name=typed(True),
            title=typed(True),
            role=ContactRole.DECISION_MAKER,
            can_sign=True,
        ),
    )
    project = create_project(
        ctx,
        ProjectDraft(
            code="DD-2026-077",
            name=typed(True),
            client_id=client.id,
            contract_ref=typed(True),
            contract_value_cents=100_000_00,
            start_date=TODAY - timedelta(days=20),
            status=ProjectStatus.ACTIVE,
            goodwill_budget_hours=16.0,
            language=Language.ZH_CN,
        ),
    ).id
    return {"project": project, "signer": signer.id, "signer_name": signer.name, "client": client.id}


def _records(ctx: ServiceContext, ids: dict[str, str], typed: Typed) -> None:
    project = ids["project"]
    create_scope_item(
        ctx,
        ScopeItemDraft(
            project_id=project, title=typed(True), acceptance_criteria=typed(), status=ScopeStatus.ACCEPTED
        ),
    )
    create_exclusion(ctx, ExclusionDraft(project_id=project, text=typed()))
    create_expectation(ctx, ExpectationDraft(project_id=project, statement=typed(), measure=typed()))
    create_milestone(
        ctx,
        MilestoneDraft(
            project_id=project,
            name=typed(True),
            baseline_date=TODAY + timedelta(days=9),
            owner_side=OwnerSide.CLIENT,
        ),
    )
    ids["request"] = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=project,
            title=typed(True),
            requested_on=TODAY - timedelta(days=3),
            description=typed(),
            requested_by_name=typed(True),
            triage=Triage.B,
            effort_hours=4,
            client_benefit=typed(),
            client_cost=typed(),
            risks=typed(),
            alternatives=typed(),
            recommendation=typed(),
            decision=Decision.APPROVED_GOODWILL,
            decided_by=typed(True),
            decided_on=TODAY - timedelta(days=1),
            rationale=typed(),
        ),
    ).id
    entry = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=project,
            occurred_at=FIXED_NOW - timedelta(days=2),
            summary=typed(True),
            participants=typed(True),
            details=typed(),
            change_request_id=ids["request"],
        ),
    )
    ids["entry"] = entry.id
    ids["email"] = add_log_entry(  # the client's signature by e-mail: it names the signer
        ctx,
        LogEntryDraft(
            project_id=project,
            occurred_at=FIXED_NOW,
            kind=LogKind.EMAIL,
            summary=typed(True),
            participants=ids["signer_name"],
        ),
    ).id
    record_commitment(
        ctx,
        CommitmentDraft(
            project_id=project,
            description=typed(),
            due_date=TODAY + timedelta(days=3),
            owner_name=typed(True),
            owed_to=typed(True),
            log_entry_id=entry.id,
        ),
    )
    training = create_handover_entry(
        ctx,
        HandoverEntryDraft(
            project_id=project,
            kind=HandoverKind.TRAINING,
            title=typed(True),
            item_date=TODAY,
            attendees=typed(True),  # a training prints its topic and attendees
        ),
    )
    for kind in (HandoverKind.DOCUMENT, HandoverKind.RISK, HandoverKind.OPEN_ITEM):
        create_handover_entry(
            ctx,
            HandoverEntryDraft(
                project_id=project,
                kind=kind,
                title=typed(True),
                details=typed(True),
                item_date=TODAY,
                recommendation=typed(True) if kind is HandoverKind.OPEN_ITEM else "",
                owner=typed(True) if kind is HandoverKind.OPEN_ITEM else "",
                training_id=training.id if kind is HandoverKind.DOCUMENT else None,  # its written material
            ),
        )


def _review(ctx: ServiceContext, ids: dict[str, str], typed: Typed) -> str:
    project = ids["project"]
    issue = create_issue(
        ctx,
        IssueDraft(
            project_id=project,
            title=typed(True),
            reported_on=TODAY - timedelta(days=5),
            root_cause=typed(),
            resolution=typed(),
        ),
    )
    review = create_review(
        ctx,
        ReviewDraft(
            project_id=project,
            held_on=TODAY,
            issue_id=issue.id,
            title=typed(True),
            client_short=typed(),
            client_mid=typed(),
            client_long=typed(),
            company_short=typed(),
            company_mid=typed(),
            company_long=typed(),
            lessons=typed(),
        ),
    )
    create_review_action(
        ctx,
        ReviewActionDraft(
            project_id=project,
            review_id=review.id,
            description=typed(),
            revisit_on=TODAY + timedelta(days=30),
            owner=typed(True),
        ),
    )
    return review.id


@pytest.fixture
def typed_project(ctx: ServiceContext) -> Iterator[tuple[dict[str, str], Typed]]:
    typed = Typed()
    ids = _project(ctx, typed)
    _records(ctx, ids, typed)
    ids["review"] = _review(ctx, ids, typed)
    yield ids, typed


def _documents(ctx: ServiceContext, ids: dict[str, str], typed: Typed) -> str:
    project = ids["project"]
    narrative = SummaryNarrative(
        status_note=typed(),
        goal=typed(),
        steps_done=(typed(),),
        difficulties=(DifficultyData(typed(), waits_on_client=True),),
        next_actions=(ActionData(typed(True), typed(True), TODAY + timedelta(days=5)),),
    )
    requests = [
        DocumentRequest(project, LetterKind.EXPECTATION_CONFIRMATION, assumptions=(typed(),)),
        DocumentRequest(project, LetterKind.CHANGE_DECISION, change_request_id=ids["request"]),
        DocumentRequest(project, LetterKind.PROGRESS_SUMMARY, narrative=narrative),
        DocumentRequest(project, LetterKind.HANDOVER),
    ]
    issued = [letters.issue_document(ctx, request) for request in requests]
    sign = SignRequest(
        issued[0].letter.id,
        SignMethod.BY_EMAIL,
        contact_id=ids["signer"],  # the contact entitled to sign, named by the e-mail's entry
        signer_title=typed(True),
        place=typed(True),
        log_entry_id=ids["email"],
        note=typed(),
    )
    signed = letters.sign_letter(ctx, sign).signed_pdf
    assert signed is not None
    pdfs = [signed, *(document.pdf for document in issued[1:])]
    pdfs.append(evidence_pdf(ctx, EvidenceTopic(project, change_request_id=ids["request"])))
    pdfs.append(review_report_pdf(ctx, ids["review"], name_clients=True))
    return "".join(extracted(pdf) for pdf in pdfs)


def test_every_printed_field_extracts_exactly_as_typed(
    ctx: ServiceContext, typed_project: tuple[dict[str, str], Typed]
) -> None:
    ids, typed = typed_project
    everything = _documents(ctx, ids, typed)
    assert "\x00" not in everything and "□" not in everything and "[U+" not in everything
    missing = [text for text in typed.typed if squeeze(text) not in everything]
    assert missing == []
    assert len(typed.typed) > 60


FIELDS: dict[str, Callable[[ServiceContext, dict[str, str], str], object]] = {
    "client name": lambda ctx, ids, text: create_client(ctx, ClientDraft(name=text)),
    "scope item criteria": lambda ctx, ids, text: create_scope_item(
        ctx, ScopeItemDraft(project_id=ids["project"], title="ok", acceptance_criteria=text)
    ),
    "exclusion": lambda ctx, ids, text: create_exclusion(
        ctx, ExclusionDraft(project_id=ids["project"], text=text)
    ),
    "expectation": lambda ctx, ids, text: create_expectation(
        ctx, ExpectationDraft(project_id=ids["project"], statement=text)
    ),
    "milestone": lambda ctx, ids, text: create_milestone(
        ctx, MilestoneDraft(project_id=ids["project"], name=text, baseline_date=TODAY)
    ),
    "change request analysis": lambda ctx, ids, text: create_change_request(
        ctx, ChangeRequestDraft(project_id=ids["project"], title="ok", requested_on=TODAY, risks=text)
    ),
    "log entry": lambda ctx, ids, text: add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=ids["project"], occurred_at=datetime.now(UTC) - timedelta(days=1), summary=text
        ),
    ),
    "handover entry": lambda ctx, ids, text: create_handover_entry(
        ctx, HandoverEntryDraft(project_id=ids["project"], kind=HandoverKind.RISK, title=text)
    ),
    "settings": lambda ctx, ids, text: update_settings(ctx, SettingsDraft(company_name=text)),
    "letter assumptions": lambda ctx, ids, text: letters.preview_document(
        ctx, DocumentRequest(ids["project"], LetterKind.EXPECTATION_CONFIRMATION, assumptions=(text,))
    ),
    "summary narrative": lambda ctx, ids, text: letters.preview_document(
        ctx,
        DocumentRequest(ids["project"], LetterKind.PROGRESS_SUMMARY, narrative=SummaryNarrative(goal=text)),
    ),
    "signer": lambda ctx, ids, text: letters.sign_letter(
        ctx, SignRequest("no-such-letter", SignMethod.REFUSED, text, note="x")
    ),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("text", ["Ship it 🚀 now", "שלום", "abc\u202edef"])
def test_a_character_no_font_has_is_refused_where_it_is_typed_naming_it(
    ctx: ServiceContext, typed_project: tuple[dict[str, str], Typed], field: str, text: str
) -> None:
    ids, _typed = typed_project
    with pytest.raises(ValidationError) as refused:
        FIELDS[field](ctx, ids, text)
    message = " ".join(str(text) for text in refused.value.fields.values())
    control = "The text holds a control character, U+202E RIGHT-TO-LEFT OVERRIDE, at character 4"
    assert {"abc\u202edef": control}.get(text, "Documents cannot print") in message  # the right reason
    assert {"Ship it 🚀 now": "U+1F680", "שלום": "U+05E9", "abc\u202edef": "U+202E"}[text] in message
