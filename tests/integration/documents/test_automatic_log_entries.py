"""Issuing, signing, refusing, deciding and approving write a log entry linked to the record, in the
project's document language, in the same transaction as the action (both or neither)."""

from __future__ import annotations

import pytest

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    PersonDraft,
    ProjectDraft,
    SettingsDraft,
    draft_from,
)
from deliverydesk.domain.enums import Decision, Language, LetterKind, LogKind, PersonRole, SignMethod
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.signing import SignRequest
from deliverydesk.services.records import auto_log
from deliverydesk.services.records.log import list_log_entries
from deliverydesk.services.records.people import save_person
from deliverydesk.services.records.projects import get_project, update_project
from deliverydesk.services.records.settings import update_settings
from deliverydesk.services.scope_guard import approve_change_request, decide_change_request
from deliverydesk.services.scope_guard.capture import DecisionRequest
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.integration.documents.conftest import TODAY, Project


def _entries(ctx: ServiceContext, project: Project) -> list:
    return [e for e in list_log_entries(ctx, project.id).rows if e.id != project.log_entry_id]


def _issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))


def test_issuing_and_signing_on_paper_are_logged_with_the_letter(
    ctx: ServiceContext, project: Project
) -> None:
    issued = _issue(ctx, project)
    (entry,) = _entries(ctx, project)
    assert entry.letter_id == issued.letter.id and entry.kind is LogKind.MESSAGE
    assert entry.summary == f"Expectation letter {issued.letter.ref} v1 issued"
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_PAPER,
        "王建国",
        signed_on=TODAY,
        scan=b"%PDF-1.4 scan",
        scan_filename="s.pdf",
    )
    letters.sign_letter(ctx, request)
    signed = next(e for e in _entries(ctx, project) if e.id != entry.id)
    assert signed.letter_id == issued.letter.id and signed.kind is LogKind.DECISION
    assert signed.summary == f"Client signed Expectation letter {issued.letter.ref} v1 on paper (王建国)"


def test_a_refusal_is_logged_with_its_reason(ctx: ServiceContext, project: Project) -> None:
    issued = _issue(ctx, project)
    request = SignRequest(issued.letter.id, SignMethod.REFUSED, "王建国", note="Wants E-1 reworded first.")
    letters.sign_letter(ctx, request)
    refused = next(e for e in _entries(ctx, project) if e.summary.startswith("Client refused"))
    assert refused.letter_id == issued.letter.id and refused.details == "Wants E-1 reworded first."


def test_entries_follow_the_projects_document_language(ctx: ServiceContext, project: Project) -> None:
    update_project(ctx, draft_from(ProjectDraft, get_project(ctx, project.id), language=Language.ZH_CN))
    issued = _issue(ctx, project)
    (entry,) = _entries(ctx, project)
    assert entry.summary == f"期望确认函 {issued.letter.ref} 第1版已签发"


def test_a_translation_is_logged_as_a_translation_not_as_the_version_sent_again(
    ctx: ServiceContext, project: Project
) -> None:
    first = _issue(ctx, project)  # the project's documents are in English
    chinese = DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION, language=Language.ZH_CN)
    second = letters.issue_document(ctx, chinese)
    assert second.letter.translation_of_id == first.letter.id
    summaries = sorted(entry.summary for entry in _entries(ctx, project))
    ref = first.letter.ref
    assert summaries == [
        f"Expectation letter {ref} v1 issued",
        f"Expectation letter {ref} v1 issued in Simplified Chinese",
    ]


def test_deciding_and_approving_are_logged_with_the_change_request(
    ctx: ServiceContext, project: Project
) -> None:
    update_settings(ctx, SettingsDraft(engineer_name="张浩"))  # default limits: 8 hours a change
    manager = save_person(ctx, PersonDraft(name="Manager Wu", role=PersonRole.MANAGER))
    ask = create_change_request(
        ctx,
        ChangeRequestDraft(project_id=project.id, title="Night shift", requested_on=TODAY, effort_hours=12),
    )
    held = decide_change_request(
        ctx,
        DecisionRequest(
            request_id=ask.id,
            outcome=Decision.APPROVED_BILLABLE,
            rationale="Out of scope; billed.",
        ),
    )
    assert held.request.decision is Decision.PENDING_APPROVAL
    (decided,) = _entries(ctx, project)
    assert decided.change_request_id == ask.id and decided.kind is LogKind.DECISION
    assert "held for a manager's approval (proposed: approved, billable)" in decided.summary
    assert decided.details == "Out of scope; billed."
    assert "replaces" not in decided.summary, "nothing was held before"
    approve_change_request(ctx, ask.id, manager_id=manager.id)
    approved = next(e for e in _entries(ctx, project) if e.id != decided.id)
    assert approved.summary.endswith("approved, billable, approved by Manager Wu")
    assert approved.change_request_id == ask.id
    assert approved.summary.startswith(f"{ask.ref} Night shift: ")


def test_the_entry_and_the_action_are_one_transaction(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuleError(msg("the log could not be written"))

    monkeypatch.setattr(letters, "log_letter_issued", fail)
    with pytest.raises(RuleError):
        _issue(ctx, project)
    assert letters.list_letters(ctx, project.id) == (), "no letter without its log entry"
    monkeypatch.undo()
    assert auto_log.log_letter_issued is letters.log_letter_issued
    _issue(ctx, project)
    assert len(letters.list_letters(ctx, project.id)) == 1 and len(_entries(ctx, project)) == 1


def test_deciding_again_while_held_logs_the_held_decision_it_replaces(
    ctx: ServiceContext, project: Project
) -> None:
    update_settings(ctx, SettingsDraft(engineer_name="张浩"))  # default limits: 8 hours a change
    ask = create_change_request(
        ctx,
        ChangeRequestDraft(project_id=project.id, title="Night shift", requested_on=TODAY, effort_hours=12),
    )
    for outcome in (Decision.APPROVED_GOODWILL, Decision.DEFERRED):
        decide_change_request(ctx, DecisionRequest(request_id=ask.id, outcome=outcome, rationale="Why."))
    held, deferred = sorted(_entries(ctx, project), key=lambda e: "replaces" in e.summary)
    assert (
        held.summary
        == f"{ask.ref} Night shift: held for a manager's approval (proposed: approved as goodwill)"
    )
    assert deferred.summary == (
        f"{ask.ref} Night shift: deferred; replaces the decision held for approval (approved as goodwill)"
    )
