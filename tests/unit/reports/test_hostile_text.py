"""User text is data: markup, emoji, RTL, huge fields and long words print literally and never
break the layout or the export."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from deliverydesk.domain.enums import Language
from deliverydesk.errors import ValidationError
from deliverydesk.reports.documents import expectation_letter
from deliverydesk.reports.documents.data import ExpectationLetterData, ExpectationRowData
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.render import render
from deliverydesk.reports.styles import make_kit
from tests.samples import expectation_letter as sample_letter
from tests.samples import progress_summary as sample_summary

from .conftest import page_texts, squeeze, story_texts

HOSTILE = (
    "a < b & c > d",
    "x <b>not bold</b> y",
    "<img src=/etc/passwd>",
    '<a href="http://evil.example">click</a>',
    "&amp; &lt; &#65; <br/> <para> </font>",
    "'; DROP TABLE letters; --",
    "{page} {total} %s %(name)s",
)


def _letter_with(language: Language, *texts: str) -> ExpectationLetterData:
    data = sample_letter(language)
    rows = tuple(ExpectationRowData(f"E-{n}", text, text) for n, text in enumerate(texts, 1))
    return replace(
        data,
        subject=texts[0],
        expectations=rows,
        exclusions=texts,
        addressee=replace(data.addressee, organisation=texts[-1], contact_name=texts[1]),
        supplier_signatory=replace(data.supplier_signatory, name=texts[2], title=texts[3]),
    )


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_markup_prints_literally(language: Language) -> None:
    pdf = render(_letter_with(language, *HOSTILE))
    everything = squeeze("".join(page_texts(pdf)))
    for text in HOSTILE:
        assert squeeze(text) in everything, text
    reader = PdfReader(io.BytesIO(pdf))
    sizes = {image.image.size for page in reader.pages for image in page.images}
    assert sizes == {(360, 120), (420, 140)}  # logo and signature only: no <img> was followed
    assert not any("/Annots" in page for page in reader.pages)  # no <a href> became a link


def test_story_holds_escaped_markup_only() -> None:
    story = expectation_letter.build_story(_letter_with(Language.EN, *HOSTILE))
    sources = "".join(story_texts(story, plain=False))  # what the Paragraph parser will read
    assert "&lt;b&gt;not bold&lt;/b&gt;" in sources and "&lt;img src=/etc/passwd&gt;" in sources
    assert "<b>not bold" not in sources and "<img src" not in sources and "<a href" not in sources


def test_emoji_and_rtl_text_never_vanish_silently() -> None:
    text = "Ship it 😀 now — שלום — مرحبا — abc\u202edef"
    pdf = render(_letter_with(Language.EN, text, text, text, text))
    extracted = "".join(page_texts(pdf))
    assert "\x00" not in extracted
    assert "Ship it [U+1F600] now" in extracted and "□" not in extracted
    assert "[U+05E9][U+05DC]" in extracted and "[U+0645][U+0631]" in extracted  # Hebrew, Arabic
    assert "abcdef" in extracted


def test_a_ten_thousand_character_field_exports_across_pages() -> None:
    words = " ".join(f"word{n:05d}" for n in range(1000))[:10_000]
    pdf = render(_letter_with(Language.EN, words, "b", "c", "d"))
    texts = page_texts(pdf)
    assert len(texts) > 3
    everything = squeeze("".join(texts))
    assert "word00000" in everything and "word00999"[:8] in everything


def _with_huge_field(where: str, text: str) -> ExpectationLetterData:
    data = sample_letter(Language.ZH_CN)
    if where == "table cell":
        return replace(data, expectations=(ExpectationRowData("E-1", text, "m"),))
    if where == "addressee":
        return replace(data, addressee=replace(data.addressee, contact_name=text))
    return replace(data, supplier_signatory=replace(data.supplier_signatory, name=text))


@pytest.mark.parametrize("where", ["table cell", "addressee", "signature block"])
def test_a_ten_thousand_character_field_splits_wherever_it_is(where: str) -> None:
    chinese = "验收标准" * 2500
    texts = page_texts(render(_with_huge_field(where, chinese)))
    assert len(texts) > 4
    assert squeeze("".join(texts)).count("验收标准") >= 2400  # page furniture interrupts a few


def test_long_unbroken_words_wrap_within_the_text_width() -> None:
    word = "W" * 700
    pdf = render(_letter_with(Language.EN, word, "b", "c", "d"))
    kit = make_kit(Language.EN, sample_letter(Language.EN).meta.paper)
    fits = kit.width / stringWidth("W", document_fonts().regular, 8.5)  # the smallest text that wraps
    lines = [line for text in page_texts(pdf) for line in text.splitlines()]
    runs = [len(run) for line in lines for run in line.split() if set(run) == {"W"}]
    assert sum(runs) >= 700 * 3  # the subject, the table cells and the exclusion all printed it whole
    assert max(runs) <= fits


def test_long_words_in_narrow_table_cells_wrap_to_the_column() -> None:
    word = "X" * 300
    data = _letter_with(Language.EN, "subject", "b", "c", "d")
    data = replace(data, expectations=(ExpectationRowData("E-1", "ok", word),))
    lines = [line for text in page_texts(render(data)) for line in text.splitlines()]
    runs = [len(run) for line in lines for run in line.split() if set(run) == {"X"}]
    assert sum(runs) == 300 and max(runs) < 60  # "how we will know" is about a third of the width


def test_hostile_milestone_names_print_in_table_and_chart() -> None:
    data = sample_summary(Language.EN, milestones=3)
    milestones = tuple(replace(m, name=HOSTILE[1]) for m in data.milestones)
    pdf = render(replace(data, milestones=milestones))
    assert squeeze(HOSTILE[1]) in squeeze("".join(page_texts(pdf)))


def test_an_unreadable_image_is_a_user_error_not_a_crash() -> None:
    data = sample_letter(Language.EN)
    broken = replace(data, supplier_signatory=replace(data.supplier_signatory, signature_png=b"not a png"))
    with pytest.raises(ValidationError) as raised:
        render(broken)
    assert "signature" in raised.value.fields


def test_a_huge_reference_is_cut_in_the_footer_but_the_fingerprint_stays() -> None:
    data = sample_letter(Language.EN)
    reference = "<b>R&D</b>" + "x" * 400
    pdf = render(replace(data, meta=replace(data.meta, reference=reference, fingerprint="ab" * 32)))
    texts = page_texts(pdf)
    for number, text in enumerate(texts, 1):
        assert "Fingerprint abababababab" in text and f"Page {number} / {len(texts)}" in text
    assert squeeze(reference) in squeeze(page_texts(pdf)[0])  # printed whole in the title block
