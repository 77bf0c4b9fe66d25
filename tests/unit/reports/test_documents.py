"""Every document, in both languages: what it says, what every page carries, how it is built."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from deliverydesk.domain.enums import Decision, Language, PaperSize, Triage
from deliverydesk.i18n import Translator, translator
from deliverydesk.reports.documents import (
    change_decision,
    expectation_letter,
    handover_report,
    progress_summary,
)
from deliverydesk.reports.documents.data import (
    ChangeDecisionData,
    ExpectationLetterData,
    HandoverReportData,
    ProgressSummaryData,
    ReportData,
)
from deliverydesk.reports.labels import label
from deliverydesk.reports.render import render
from tests.samples import FINGERPRINT, png_bytes
from tests.samples import change_decision as sample_change
from tests.samples import expectation_letter as sample_letter

from .conftest import DOCUMENTS, LANGUAGES, page_texts, sample, squeeze, story_texts

Rendered = Callable[[str, Language], bytes]
MODULES = {
    "letter": expectation_letter,
    "change": change_decision,
    "summary": progress_summary,
    "handover": handover_report,
}


def _signatures(data: Any) -> list[str]:
    return [data.supplier_signatory.name, data.client_signatory.name]


def _letter_texts(t: Translator, data: ExpectationLetterData) -> list[str]:
    headings = [
        "Agreed expectations",
        "What this engagement does not include",
        "Client dependencies and assumptions",
        "How further requests are handled",
    ]
    headings += ["Contracted deliverables"]
    rows = [
        text for row in data.expectations for text in (row.ref, row.statement, row.measure, t.date(row.due))
    ]
    rows += [text for item in data.deliverables for text in (item.ref, item.title, item.acceptance_criteria)]
    return [
        *map(t, headings),
        *rows,
        *data.exclusions,
        *data.dependencies,
        *data.assumptions,
        *_signatures(data),
    ]


def _change_texts(t: Translator, data: ChangeDecisionData) -> list[str]:
    analysis = data.analysis
    headings = ["The request", "Triage and scope check", "Client-perspective analysis", "Decision"]
    values = [
        data.description,
        data.requested_by,
        label(t, data.triage),
        label(t, data.decision),
        data.rationale,
    ]
    values += [
        analysis.benefit,
        analysis.client_cost,
        analysis.risks,
        analysis.alternatives,
        analysis.recommendation,
    ]
    return [*map(t, headings), *values, t("Granted as goodwill, not a precedent."), *_signatures(data)]


def _summary_texts(t: Translator, data: ProgressSummaryData) -> list[str]:
    headings = ["Goal", "Steps done", "Current difficulties", "Next actions"]
    headings += ["Late"]
    headings += ["Milestones", "Decisions we need from you", "Change requests by decision"]
    milestones = [text for m in data.milestones for text in (m.name, t.date(m.baseline))]
    actions = [text for a in (*data.next_actions, *data.late) for text in (a.text, a.owner, t.date(a.due))]
    return [
        *map(t, headings),
        data.goal,
        label(t, data.overall_status),
        *data.steps_done,
        *milestones,
        *actions,
    ]


def _handover_texts(t: Translator, data: HandoverReportData) -> list[str]:
    headings = ["Scope and acceptance", "Documents handed over", "Training", "Risks and operating cautions"]
    headings += ["Open items and deferred requests", "Acceptance"]
    rows = [item.title for item in data.scope_items] + [doc.title for doc in data.documents]
    rows += [session.topic for session in data.trainings] + [risk.text for risk in data.risks]
    rows += [item.recommendation for item in data.open_items]
    return [*map(t, headings), *rows, *_signatures(data)]


def expected_texts(data: ReportData) -> list[str]:
    t = translator(data.meta.language)
    common = [data.meta.reference, data.addressee.organisation, data.meta.letterhead.company_name]
    if isinstance(data, ExpectationLetterData):
        return common + _letter_texts(t, data)
    if isinstance(data, ChangeDecisionData):
        return common + _change_texts(t, data)
    if isinstance(data, ProgressSummaryData):
        return common + _summary_texts(t, data)
    assert isinstance(data, HandoverReportData)
    return common + _handover_texts(t, data)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_pdf_says_what_the_data_says(name: str, language: Language, rendered: Rendered) -> None:
    data = sample(name, language)
    texts = page_texts(rendered(name, language))
    everything = squeeze("".join(texts))
    assert squeeze(translator(language)(MODULES[name].TITLE)) in squeeze(texts[0])
    missing = [text for text in expected_texts(data) if squeeze(text) not in everything]
    assert not missing
    assert "\x00" not in "".join(texts) and "\ufffd" not in "".join(texts)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_page_carries_page_x_of_y_reference_and_short_fingerprint(
    name: str, language: Language, rendered: Rendered
) -> None:
    t = translator(language)
    texts = page_texts(rendered(name, language))
    reference = sample(name, language).meta.reference
    for number, text in enumerate(texts, 1):
        assert squeeze(t("Page {page} / {total}", page=number, total=len(texts))) in squeeze(text)
        assert FINGERPRINT[:12] in text and FINGERPRINT[:13] not in text
        assert reference in text


def test_chinese_documents_extract_as_chinese(rendered: Rendered) -> None:
    text = "".join(page_texts(rendered("letter", Language.ZH_CN)))
    for phrase in ("期望确认函", "已约定的期望", "不包含事项", "王堃", "李喆", "朱镕", "2026年3月16日"):
        assert phrase in text


def _resolved(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _fonts(resources: Any) -> Iterator[DictionaryObject]:
    """Every font dictionary reachable from a page's resources, including inside form XObjects."""
    resources = _resolved(resources) or {}
    yield from (font.get_object() for font in (_resolved(resources.get("/Font")) or {}).values())
    for xobject in (_resolved(resources.get("/XObject")) or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_font_is_embedded(name: str, language: Language, rendered: Rendered) -> None:
    reader = PdfReader(io.BytesIO(rendered(name, language)))
    fonts = [font for page in reader.pages for font in _fonts(page.get("/Resources"))]
    assert fonts
    for font in fonts:
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
        assert "NotoSansSC" in font["/BaseFont"]


def test_same_data_gives_the_same_bytes() -> None:
    data = sample("summary", Language.ZH_CN)
    assert render(data) == render(data)
    other = replace(data, meta=replace(data.meta, fingerprint="0" * 64))
    assert render(other) != render(data)


def _page_size(pdf: bytes) -> tuple[int, int]:
    width, height = PdfReader(io.BytesIO(pdf)).pages[0].mediabox.upper_right
    return round(float(width)), round(float(height))


def test_letter_paper_is_honoured() -> None:
    assert _page_size(render(sample_letter(Language.EN, PaperSize.LETTER))) == (612, 792)
    assert _page_size(render(sample_letter(Language.EN))) == (595, 842)


def test_a_draft_says_so_instead_of_a_fingerprint() -> None:
    data = sample_letter(Language.ZH_CN)
    draft = replace(data, meta=replace(data.meta, fingerprint="", qr_payload=None))
    for text in page_texts(render(draft)):
        assert "草稿（未签发）" in text


def test_the_signature_png_lands_in_the_pdf_as_an_image() -> None:
    signed = sample_letter(Language.EN)  # the supplier has signed on screen
    assert signed.supplier_signatory.signature_png == png_bytes("signature")
    reader = PdfReader(io.BytesIO(render(signed)))
    sizes = [image.image.size for page in reader.pages for image in page.images]
    assert (420, 140) in sizes  # the captured signature, at its own pixel size
    unsigned = replace(signed, supplier_signatory=replace(signed.supplier_signatory, signature_png=None))
    unsigned_sizes = [i.image.size for p in PdfReader(io.BytesIO(render(unsigned))).pages for i in p.images]
    assert (420, 140) not in unsigned_sizes


@pytest.mark.parametrize(
    ("triage", "decision", "present", "absent"),
    [
        (
            Triage.B,
            Decision.APPROVED_GOODWILL,
            ["Granted as goodwill, not a precedent."],
            ["It can be raised again as a separate request or quote."],
        ),
        (
            Triage.C,
            Decision.DECLINED,
            ["It can be raised again as a separate request or quote."],
            ["Granted as goodwill, not a precedent."],
        ),
        (
            Triage.B,
            Decision.DEFERRED,
            ["Recorded and taken up again once the agreed goal is met; it will be reviewed at handover."],
            ["Granted as goodwill, not a precedent."],
        ),
        (
            Triage.A,
            Decision.APPROVED_BILLABLE,
            [],
            [
                "Granted as goodwill, not a precedent.",
                "It can be raised again as a separate request or quote.",
            ],
        ),
    ],
)
def test_change_decision_notes_follow_triage_and_decision(
    triage: Triage, decision: Decision, present: list[str], absent: list[str]
) -> None:
    for language in LANGUAGES:
        t = translator(language)
        data = replace(sample_change(language, decision), triage=triage)
        texts = list(story_texts(change_decision.build_story(data)))
        joined = squeeze("".join(texts))
        assert all(squeeze(t(key)) in joined for key in present)
        assert not any(squeeze(t(key)) in joined for key in absent)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_story_opens_with_the_letterhead_and_title(name: str) -> None:
    data = sample(name, Language.ZH_CN)
    story = MODULES[name].build_story(data)
    texts = list(story_texts(story[:6]))
    assert any(data.meta.letterhead.company_name in text for text in texts)
    assert any(translator(Language.ZH_CN)(MODULES[name].TITLE) in text for text in texts)


def test_the_qr_code_carries_the_payload(tmp_path: Path) -> None:
    """Decoded from the rendered page (needs poppler's pdftoppm and zbar's zbarimg)."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("pdftoppm and zbarimg (apt: poppler-utils, zbar-tools) are needed to decode")
    data = sample_letter(Language.ZH_CN)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(render(data))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, tmp_path / "p"],
        check=True,
    )
    decoded = subprocess.run(["zbarimg", "-q", "--raw", tmp_path / "p.png"], capture_output=True, text=True)
    assert decoded.stdout.strip() == data.meta.qr_payload


def test_no_qr_code_without_a_payload() -> None:
    data = sample_letter(Language.EN)

    def qr_codes(story: list[Any]) -> int:
        return sum(type(flowable).__name__ == "_QrCode" for flowable in _walk(story))

    assert qr_codes(expectation_letter.build_story(data)) == 1
    assert (
        qr_codes(expectation_letter.build_story(replace(data, meta=replace(data.meta, qr_payload=None)))) == 0
    )


def _walk(flowables: Any) -> Iterator[Any]:
    if isinstance(flowables, list | tuple):
        for item in flowables:
            yield from _walk(item)
    elif hasattr(flowables, "_cellvalues"):
        yield from _walk(flowables._cellvalues)
    elif hasattr(flowables, "_content"):
        yield from _walk(flowables._content)
    else:
        yield flowables


def test_the_pdf_metadata_names_the_document_and_its_seal() -> None:
    data = sample_letter(Language.ZH_CN)
    info = PdfReader(io.BytesIO(render(data))).metadata
    assert info is not None
    assert info["/Title"] == f"期望确认函 {data.meta.reference}"
    assert info["/Keywords"] == f"DeliveryDesk version=2 fingerprint={FINGERPRINT}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_draft_says_draft_across_every_page_and_an_issued_document_does_not(
    name: str, language: Language, rendered: Rendered
) -> None:
    word = translator(language).pgettext("watermark", "DRAFT")
    assert word == ("DRAFT" if language is Language.EN else "草稿")
    issued = page_texts(rendered(name, language))
    data = sample(name, language)
    draft = page_texts(render(replace(data, meta=replace(data.meta, fingerprint="", qr_payload=None))))
    assert len(draft) == len(issued)
    assert all(word in text for text in draft)
    assert not any(word in text for text in issued)
