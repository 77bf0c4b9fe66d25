"""fast_lines / fast_paragraph.draw_runs against reportlab's own line breaking and drawing."""

from __future__ import annotations

import io
import random
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.paragraph import _handleBulletWidth

from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.reports import blocks
from deliverydesk.reports.blocks import RunLines, SplitSafeParagraph, tagged
from deliverydesk.reports.fast_lines import one_run_lines, plain_run, plain_runs, run_lines
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import WARN, make_kit

TEXTS = (
    "Network ports at stations 5 and 6 are still missing.",
    "Barcode labels from the old printer scan poorly; we are testing new settings.",
    "A",
    "  leading and trailing spaces   inside  too  ",
    "Supercalifragilisticexpialidocious-and-then-some-more-words-joined-by-hyphens-without-any-space-at-all",
    "https://example.com/a/very/long/path/that/has/no/spaces/and/keeps/going/and/going/for/ever/and/ever",
    "旧打印机打印的条码识读率低，我方正在测试新的打印参数。",
    "5号和6号工位仍缺少网络端口。（注意：这是一个很长的句子，需要换行好几次才能放得下，所以我们多写一点。）",
    "项目Alpha交付 phase 2 完成，客户方IT（陈军）确认。English words inside 中文 text here and there.",
    "Launch 🚀 done ✅ — next: review 📋 with the client's team (Müller, Ødegaard, Çelik).",
    "שלום עולם and مرحبا بالعالم in one line, right to left inside left to right.",
    "a < b & c > d: markup characters, escaped before they become a paragraph <b>not bold</b>",
    "Tabs\tand\nline breaks\r\nand no-break\u00a0spaces and a soft\u00adhyphen",
    "「引号」、《书名》。！？……——这些标点不能出现在行首，、。",
    "word " * 60,
)
TAGS = {Language.EN: "Waiting on you", Language.ZH_CN: "等待贵方"}


def _kit(language: Language) -> Any:
    return make_kit(language, PaperSize.A4)


def _reportlab_lines(paragraph: Any, widths: list[float]) -> list[tuple[float, list[tuple[str, str]]]]:
    copy = Paragraph(None, paragraph.style, bulletText=paragraph.bulletText, frags=paragraph.frags)
    if paragraph.style.wordWrap == "CJK":
        lines = copy.breakLinesCJK(list(widths)).lines
    else:
        lines = copy.breakLines(list(widths)).lines
    return [(line.extraSpace, [(word.fontName, word.text) for word in line.words]) for line in lines]


def _fast_lines(paragraph: Any, widths: list[float]) -> list[tuple[float, list[tuple[str, str]]]] | None:
    widths = list(widths)
    _handleBulletWidth(paragraph.bulletText, paragraph.style, widths)
    lines = run_lines(paragraph, widths)
    if lines is None:
        return None
    frags = paragraph.frags
    return [(extra, [(frags[run].fontName, text) for run, text in pieces]) for extra, pieces in lines]


def _paragraphs(language: Language) -> list[Any]:
    kit = _kit(language)
    made = []
    for text in TEXTS:
        for style, bullet in ((kit.styles.bullet, "•"), (kit.styles.body, None)):
            made.append(tagged(text, style, TAGS[language], WARN, bullet=bullet))
    return made


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_the_lines_are_reportlabs(language: Language) -> None:
    """Every text, at many widths: the same lines, pieces, faces and unused widths, or a refusal."""
    compared = declined = 0
    rng = random.Random(16)
    widths = [8.0, 30.0, 61.5, 100.0, 150.0, 233.3, 400.0, 481.89] + [rng.uniform(20, 500) for _ in range(40)]
    for paragraph in _paragraphs(language):
        if not plain_runs(paragraph):
            continue
        for width in widths:
            left = paragraph.style.leftIndent
            line_widths = [width - left - paragraph.style.firstLineIndent, width - left]
            fast = _fast_lines(paragraph, line_widths)
            if fast is None:  # a word wider than the line, in two faces, or a squeezed line
                declined += 1
                if width >= 100 and any(text in paragraph.frags[-1].text for text in TEXTS[:2]):
                    squeezed = [e for e, _ in _reportlab_lines(paragraph, line_widths) if e < -1e-8]
                    assert squeezed, (paragraph.frags, width)
                continue
            assert fast == _reportlab_lines(paragraph, line_widths), (paragraph.frags, width)
            compared += 1
    assert compared > 500
    assert declined < compared


def test_random_words_break_as_reportlab_breaks_them() -> None:
    rng = random.Random(5)
    pool = [
        "a",
        "to",
        "the",
        "client",
        "milestone",
        "handover",
        "项目",
        "交付",
        "，",
        "。",
        "IT",
        "(陈军)",
        "99%",
    ]
    for language in (Language.EN, Language.ZH_CN):
        kit = _kit(language)
        for _ in range(300):
            text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
            paragraph = tagged(text, kit.styles.bullet, TAGS[language], WARN, bullet="•")
            if not plain_runs(paragraph):
                continue
            width = rng.uniform(40, 480)
            line_widths = [width - 12, width - 12]
            fast = _fast_lines(paragraph, line_widths)
            if fast is not None:
                assert fast == _reportlab_lines(paragraph, line_widths), (text, width)


def test_runs_it_cannot_break_are_left_to_reportlab() -> None:
    kit = _kit(Language.EN)
    style = kit.styles.body
    one_run = SplitSafeParagraph("plain text", style)
    assert not plain_runs(one_run)
    linked = SplitSafeParagraph('<a href="https://example.com">link</a> and text', style)
    assert not plain_runs(linked)
    underlined = SplitSafeParagraph("<u>under</u> and text", style)
    assert not plain_runs(underlined)
    sized = SplitSafeParagraph('<font size="14">big</font> and text', style)
    assert not plain_runs(sized)
    no_break = tagged("no-break\u00a0space", style, "Tag", WARN)
    assert not plain_runs(no_break)
    assert plain_runs(tagged("plain words", style, "Tag", WARN))


def _document(language: Language, fast: bool) -> bytes:
    fonts = document_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, invariant=True, initialFontName=fonts.regular)
    story: list[Any] = [Spacer(1, 200)]
    for paragraph in [*_paragraphs(language), *_paragraphs(language), *_paragraphs(language)]:
        frags = [frag.clone() for frag in paragraph.frags]
        copy = _ReportlabParagraph(None, paragraph.style, paragraph.bulletText, frags=frags)
        story.append(paragraph if fast else copy)
    colour_change = tagged(
        "in a colour of its own", _kit(language).styles.body, "Tag", colors.HexColor("#123456")
    )
    story.append(
        colour_change if fast else _ReportlabParagraph(None, colour_change.style, frags=colour_change.frags)
    )
    document.build(story)
    return buffer.getvalue()


class _ReportlabParagraph(SplitSafeParagraph):  # type: ignore[misc]
    """SplitSafeParagraph on reportlab's own lines and drawing."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._reportlab_lines = True
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def draw(self) -> None:
        Paragraph.draw(self)


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_the_pdf_is_reportlabs_byte_for_byte(language: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of tagged paragraphs (bullets, several lines, splits over pages): the same bytes."""
    drawn = []
    original = RunLines.__init__

    def counted(self: RunLines, lines: list[Any]) -> None:
        drawn.append(len(lines))
        original(self, lines)

    monkeypatch.setattr(RunLines, "__init__", counted)
    fast = _document(language, fast=True)
    assert len(drawn) > 40 and max(drawn) > 3  # the fast way was taken, for long paragraphs too
    assert fast == _document(language, fast=False)


def _reportlab_one_run(paragraph: Any, widths: list[float]) -> Any:
    copy = Paragraph(None, paragraph.style, bulletText=paragraph.bulletText, frags=paragraph.frags)
    if paragraph.style.wordWrap == "CJK":
        return copy.breakLinesCJK(list(widths))
    return copy.breakLines(list(widths))


def _one_run_paragraphs(language: Language) -> list[Any]:
    kit = _kit(language)
    styles = (kit.styles.body, kit.styles.bullet, kit.styles.cell, kit.styles.heading)
    made = [
        blocks.paragraph(text, style, bullet="•" if style is kit.styles.bullet else None)
        for text in TEXTS
        for style in styles
    ]
    rng = random.Random(9)
    pool = ["a", "to", "the", "client", "milestone", "项目", "交付", "，", "。", "（注）", "IT", "99%", "—"]
    for _ in range(200):
        made.append(
            blocks.paragraph(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 50))), kit.styles.body)
        )
    return made


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_one_run_breaks_as_reportlab_breaks_it(language: Language) -> None:
    """One run of plain text (most paragraphs and wrapping table cells): reportlab's own result,
    attribute for attribute, or a refusal (a word wider than the line)."""
    compared = declined = 0
    rng = random.Random(3)
    for made in _one_run_paragraphs(language):
        if not plain_run(made):
            continue
        for width in (20.0, 61.5, 120.0, 233.3, 481.89, rng.uniform(20, 500)):
            line_widths = [width - made.style.leftIndent, width - made.style.leftIndent]
            adjusted = list(line_widths)
            _handleBulletWidth(made.bulletText, made.style, adjusted)  # as Paragraph.wrap's breakers do
            ours = one_run_lines(made, adjusted)
            if ours is None:
                declined += 1
                continue
            theirs = _reportlab_one_run(made, line_widths)
            assert ours.__dict__ == theirs.__dict__, (made.frags[0].text, width)
            compared += 1
    assert compared > 600
    assert declined < compared / 2


def test_one_run_is_only_plain_text() -> None:
    style = _kit(Language.EN).styles.body
    assert plain_run(blocks.paragraph("plain words", style))
    assert not plain_run(SplitSafeParagraph("<b>bold</b> and not", style))
    assert not plain_run(SplitSafeParagraph('<a href="https://example.com">a link</a>', style))
    assert not plain_run(blocks.paragraph("no-break\u00a0space", style))
    assert not plain_run(blocks.paragraph("   ", style))


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_a_paragraph_skips_cleaning_only_text_that_cleaning_leaves_alone(language: Language) -> None:
    """blocks.paragraph keeps cleanBlockQuotedText's text: the same source and fragments."""
    from reportlab.platypus.paragraph import cleanBlockQuotedText

    from deliverydesk.reports.text import markup

    style = _kit(language).styles.body
    texts = [*TEXTS, "", " ", "a  b", " a", "a ", "a\u200bb", "a\u3000b", "a\x1cb", "\u2028x", "tab\there"]
    for text in texts:
        made = blocks.paragraph(text, style)
        expected = SplitSafeParagraph(cleanBlockQuotedText(markup(text)), style)
        assert made.text == expected.text, text
        assert [(f.fontName, f.text) for f in made.frags] == [(f.fontName, f.text) for f in expected.frags]


def test_table_data_is_normalised_as_reportlab_does() -> None:
    from reportlab.platypus import Table

    from deliverydesk.reports.fast_table import FastTable

    for data in ([["a", None], [b"b", 3]], [["a", "b"], [Spacer(1, 1), 2.5]]):
        assert FastTable(data).normalizeData(data) == Table(data).normalizeData(data)
