"""A document in a second language is a translation of the same version (both verify), not a new
version; a new version in either language then supersedes the version and its translation."""

from __future__ import annotations

import io
import json
from datetime import timedelta

from pypdf import PdfReader

from deliverydesk.domain.drafts import ScopeItemDraft
from deliverydesk.domain.enums import Language, LetterKind, LetterStatus, ScopeStatus
from deliverydesk.reports.documents.data import ExpectationLetterData, HandoverReportData, ProgressSummaryData
from deliverydesk.reports.render import render
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest, SummaryNarrative, build_document
from deliverydesk.services.documents.letters import VerifyOutcome
from deliverydesk.services.records import scope

from .conftest import TODAY, Project


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_summary_in_the_other_language_is_a_translation_of_the_same_version(
    ctx: ServiceContext, project: Project
) -> None:
    english = DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY, language=Language.EN)
    first = letters.issue_document(ctx, english)
    chinese = DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY, language=Language.ZH_CN)
    assert letters.draft_document(ctx, chinese).meta.version == first.letter.version  # the preview says so
    second = letters.issue_document(ctx, chinese)

    original, translation = first.letter, second.letter
    assert (translation.ref, translation.version) == (original.ref, original.version)
    assert translation.language is Language.ZH_CN and translation.translation_of_id == original.id
    period = [json.loads(item.content_json)["period_start"] for item in (original, translation)]
    assert period[0] == period[1], "the same period, not a one-day one"
    statuses = {item.language: item.status for item in letters.list_letters(ctx, project.id)}
    assert statuses == {Language.EN: LetterStatus.ISSUED, Language.ZH_CN: LetterStatus.ISSUED}
    verified = [letters.verify_pdf(ctx, issued.pdf) for issued in (first, second)]
    assert [result.outcome for result in verified] == [VerifyOutcome.ISSUED, VerifyOutcome.ISSUED]
    assert [result.letter.id for result in verified if result.letter] == [original.id, translation.id]
    assert verified[1].document == f"{original.ref} version {original.version} (zh_CN translation)"
    assert original.fingerprint != translation.fingerprint
    assert "进度报告" in _text(second.pdf) and "草稿" not in _text(second.pdf)


def test_a_new_version_supersedes_the_version_and_its_translation(
    ctx: ServiceContext, project: Project
) -> None:
    narrative = SummaryNarrative(period_end=TODAY)
    english = DocumentRequest(
        project.id, LetterKind.PROGRESS_SUMMARY, language=Language.EN, narrative=narrative
    )
    letters.issue_document(ctx, english)
    letters.issue_document(
        ctx, DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY, language=Language.ZH_CN)
    )
    again = letters.issue_document(ctx, english).letter  # the same language again: version 2
    assert again.version == 2 and again.translation_of_id is None
    old = [item for item in letters.list_letters(ctx, project.id) if item.version == 1]
    assert len(old) == 2 and {item.status for item in old} == {LetterStatus.SUPERSEDED}


def test_the_expectation_letter_and_finding_a_version_by_language(
    ctx: ServiceContext, project: Project
) -> None:
    request = DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION, language=Language.EN)
    original = letters.issue_document(ctx, request).letter
    translation = letters.issue_document(
        ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION, language=Language.ZH_CN)
    ).letter
    assert translation.version == original.version == 1
    assert letters.find_letter(ctx, project.id, original.ref).id == original.id  # the version itself
    assert letters.find_letter(ctx, project.id, original.ref, 1, Language.ZH_CN).id == translation.id
    assert original.issued_by and original.issued_host  # who issued it, on which machine


def test_home_lists_letters_to_sign_but_never_a_progress_summary(
    ctx: ServiceContext, project: Project
) -> None:
    from deliverydesk.domain.attention import AttentionKind
    from deliverydesk.services.attention import get_attention

    summary = letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY)).letter
    letter = letters.issue_document(
        ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION)
    ).letter
    unsigned = {
        item.record_id for item in get_attention(ctx).items if item.kind is AttentionKind.LETTER_UNSIGNED
    }
    assert letter.id in unsigned and summary.id not in unsigned


def test_the_written_out_goal_and_dependencies_give_their_dates_as_the_language_writes_them(
    ctx: ServiceContext, project: Project
) -> None:
    """The summary's suggested goal and the letter's client dependencies put a milestone's date in a
    sentence; they printed it as 2026-03-26 amid "26 Mar 2026" and "2026年3月26日" everywhere else."""
    sat, network = TODAY + timedelta(days=10), TODAY + timedelta(days=3)  # the fixture's milestones
    written = {
        Language.EN: (f"SAT by {sat.day} Mar 2026", f"Network ready (by {network.day} Mar 2026)"),
        Language.ZH_CN: (f"2026年3月{sat.day}日前完成SAT", f"Network ready（2026年3月{network.day}日前）"),
    }
    for language, (goal, dependency) in written.items():
        summary = build_document(
            ctx, DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY, language=language)
        )
        letter = build_document(
            ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION, language=language)
        )
        assert isinstance(summary, ProgressSummaryData) and isinstance(letter, ExpectationLetterData)
        assert summary.goal == goal
        assert letter.dependencies == (dependency,)


def test_the_chinese_handover_report_counts_scope_items_as_a_fraction(
    ctx: ServiceContext, project: Project
) -> None:
    """ "范围条目已验收 1/2 项", not the literal "2项范围条目中已验收1项"."""
    scope.create_scope_item(
        ctx, ScopeItemDraft(project_id=project.id, title="报表", status=ScopeStatus.DELIVERED)
    )
    request = DocumentRequest(project.id, LetterKind.HANDOVER, language=Language.ZH_CN)
    data = build_document(ctx, request)
    assert isinstance(data, HandoverReportData)
    assert data.summary.endswith("：范围条目已验收 1/2 项。")
    assert "范围条目已验收 1/2 项。" in _text(render(data)).replace("\n", "")


def test_the_english_handover_report_counts_one_scope_item_in_the_singular(
    ctx: ServiceContext, project: Project
) -> None:
    """ "1 of 1 scope item accepted", not "1 of 1 scope items"; two items take the plural."""
    request = DocumentRequest(project.id, LetterKind.HANDOVER, language=Language.EN)
    one = build_document(ctx, request)
    assert isinstance(one, HandoverReportData)
    assert one.summary.endswith(": 1 of 1 scope item accepted.")
    scope.create_scope_item(ctx, ScopeItemDraft(project_id=project.id, title="Reports"))
    two = build_document(ctx, request)
    assert isinstance(two, HandoverReportData)
    assert two.summary.endswith(": 1 of 2 scope items accepted.")
