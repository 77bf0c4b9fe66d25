"""The review report built from the database: what it holds, its fingerprint, the PDF, the export."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from deliverydesk.domain.drafts import ReviewDraft
from deliverydesk.domain.enums import Language
from deliverydesk.domain.fingerprint import canonical_json, fingerprint
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import translator
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.reviews.butterfly import get_review, update_review
from deliverydesk.services.reviews.report import build_review_report, export_review_report, review_report_pdf

from .conftest import ReviewedIssue


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_data_holds_issue_answers_actions_and_recurrence(
    ctx: ServiceContext, reviewed: ReviewedIssue
) -> None:
    data = build_review_report(ctx, reviewed.review_id, Language.EN)
    assert data.meta.reference == "DD-2026-014-RV-I-1"
    assert data.issue is not None and data.issue.category == "Label printing"
    assert data.issue.severity == "High"
    assert data.answers.client_short == "客户当天得到修复计划"
    assert [(a.description, a.done_on is not None) for a in data.actions] == [
        ("Check the checklist", True),
        ("Rehearse the migration", False),
    ]
    assert {r.client for r in data.recurrence} == {"Pacific Foods Ltd.", "Nordwerk GmbH"}
    assert data.recurrence_clients == 2
    chinese = build_review_report(ctx, reviewed.review_id, Language.ZH_CN)
    assert chinese.issue is not None and chinese.issue.category == "标签打印"


def test_fingerprint_is_of_the_printed_content(ctx: ServiceContext, reviewed: ReviewedIssue) -> None:
    data = build_review_report(ctx, reviewed.review_id)
    bare = replace(data, meta=replace(data.meta, fingerprint=""))
    assert data.meta.fingerprint == fingerprint(canonical_json(bare))
    assert build_review_report(ctx, reviewed.review_id).meta.fingerprint == data.meta.fingerprint
    review = get_review(ctx, reviewed.review_id)
    fields = {
        name: getattr(review, name) for name in ReviewDraft.__dataclass_fields__ if hasattr(review, name)
    }
    update_review(ctx, ReviewDraft(**{**fields, "lessons": "Changed."}))
    assert build_review_report(ctx, reviewed.review_id).meta.fingerprint != data.meta.fingerprint


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_pdf_extracts_in_both_languages(
    ctx: ServiceContext, reviewed: ReviewedIssue, language: Language
) -> None:
    t = translator(language)
    pages = [
        p.extract_text()
        for p in PdfReader(io.BytesIO(review_report_pdf(ctx, reviewed.review_id, language))).pages
    ]
    whole = squeeze("".join(pages))
    for text in ("客户当天得到修复计划", "<b>checklist</b> & sample files", "Rehearse the migration", "李娜"):
        assert squeeze(text) in whole
    assert squeeze(t("The same problem at other clients")) in whole and "Pacific" not in whole  # "Client A"
    assert squeeze(t("Client {letter}", letter="A")) in whole
    assert squeeze(t("Page {page} / {total}", page=len(pages), total=len(pages))) in squeeze(pages[-1])
    named = review_report_pdf(ctx, reviewed.review_id, language, name_clients=True)
    assert "Pacific" in squeeze("".join(p.extract_text() for p in PdfReader(io.BytesIO(named)).pages))


def test_export_writes_the_file(ctx: ServiceContext, reviewed: ReviewedIssue, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    result = export_review_report(ctx, reviewed.review_id, out)
    assert out.read_bytes().startswith(b"%PDF") and result.size == out.stat().st_size


def test_unknown_review_is_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        build_review_report(ctx, "no-such-review")


def test_an_exported_review_report_keeps_a_copy_that_verify_checks(
    ctx: ServiceContext, reviewed: ReviewedIssue, tmp_path: Path
) -> None:
    from pypdf import PdfReader, PdfWriter

    from deliverydesk.services.documents.verify import Verdict, verify_pdf

    out = tmp_path / "review.pdf"
    export_review_report(ctx, reviewed.review_id, out)
    assert verify_pdf(ctx, out.read_bytes()).verdict is Verdict.EXACT
    writer = PdfWriter(clone_from=PdfReader(out))
    resaved = tmp_path / "resaved.pdf"
    writer.write(resaved)
    result = verify_pdf(ctx, resaved.read_bytes())
    assert result.verdict is Verdict.SAME_CONTENT and result.document.startswith(
        "review report DD-2026-014-RV-"
    )
