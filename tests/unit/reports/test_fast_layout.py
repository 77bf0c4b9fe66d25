"""The layout shortcuts (issue 16) give exactly what reportlab's own road gives."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

import pytest
from reportlab.platypus import Paragraph

from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.reports.blocks import RunLines, SplitSafeParagraph, tagged
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import WARN, make_kit
from deliverydesk.reports.text import markup

TEXTS = (
    "Interface testing with the client's ERP team & the warehouse <script>alert(1)</script>",
    "接口联调已完成，等待客户确认（第二轮）。下周开始用户培训，培训材料已发送。" * 3,
    "Mixed 中文 and English: Müller-Lüdenscheid ✓ 𠮷 → done; pneumonoultramicroscopic" * 2,
    "averyveryverylongwordwithoutanyspacesthatmustbesplitacrossseverallinesofthecell" * 3,
)


def _lines(paragraph: Any) -> list[Any]:
    lines = paragraph.blPara.lines
    if isinstance(paragraph.blPara, RunLines):  # fast_lines: (unused width, [(run, text)...]) per line
        frags = paragraph.frags
        return [(extra, [(frags[run].fontName, text) for run, text in pieces]) for extra, pieces in lines]
    if paragraph.blPara.kind == 1:
        return [(line.extraSpace, [(f.fontName, f.text) for f in line.words]) for line in lines]
    return [(extra, list(words)) for extra, words in lines]


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
@pytest.mark.parametrize("text", TEXTS)
def test_a_paragraph_wrapped_again_gives_the_lines_reportlab_gives(language: Language, text: str) -> None:
    """The same questions in the same order to a SplitSafeParagraph and to reportlab's Paragraph
    (which breaks its lines on every call) give the same answers and lines."""
    style = make_kit(language, PaperSize.A4).styles.cell
    paragraph, plain = SplitSafeParagraph(markup(text), style), Paragraph(markup(text), style)
    for width, height in ((120.0, 1e6), (120.0, 30), (300.0, 1e6), (120.0, 5), (120.0, 1e6), (61.5, 1e6)):
        assert paragraph.wrap(width, height) == plain.wrap(width, height)
        assert _lines(paragraph) == _lines(plain)
        assert paragraph._wrapWidths == plain._wrapWidths


TAGGED_TEXTS = (
    *TEXTS,
    "  several   spaces\tand a tab  ",
    "one line\nand another",
    "a <b>bold</b> attempt & an &amp; entity",
    "",
    "   ",
    "✓ starts in another face",
)


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
@pytest.mark.parametrize("text", TAGGED_TEXTS)
@pytest.mark.parametrize("tag", ["Waiting on you", "等待贵方", "A & <b>"])
def test_a_tagged_paragraph_is_the_one_the_markup_parser_makes(
    language: Language, text: str, tag: str
) -> None:
    style = make_kit(language, PaperSize.A4).styles.bullet
    head = f'<font name="{document_fonts().bold}" color="#{WARN.hexval()[2:]}">{escape(tag)}</font>  '
    parsed = SplitSafeParagraph(head + markup(text), style, bulletText="•")
    made = tagged(text, style, tag, WARN, bullet="•")
    assert made.text == parsed.text
    assert [f.__dict__ for f in made.frags] == [f.__dict__ for f in parsed.frags]
    assert made.wrap(150, 1e6) == parsed.wrap(150, 1e6)
    assert _lines(made) == _lines(parsed)


def test_a_paragraph_whose_split_dropped_its_lines_breaks_them_again() -> None:
    style = make_kit(Language.EN, PaperSize.A4).styles.body
    paragraph = SplitSafeParagraph(markup(TEXTS[0] * 4), style)
    paragraph.wrap(200, 1e6)
    assert paragraph.split(200, 1) == []  # no room for two lines: reportlab drops blPara
    assert not hasattr(paragraph, "blPara")
    width, height = paragraph.wrap(200, 1e6)
    assert (width, height) == Paragraph(markup(TEXTS[0] * 4), style).wrap(200, 1e6)
    assert paragraph.blPara.lines


class _Document:
    """A stand-in for reportlab's PDF document: the key of a font's subset state."""


SPLIT_TEXTS = (
    "",
    "Plain ASCII, then again: Plain ASCII",
    "non\u00a0breaking space",
    "项目交付进度报告：接口联调、用户培训、上线切换。" * 20,  # more than 256 codes: several subsets
    "Müller ✓ → 𠮷",
    "\U0001f600 a character the face lacks",
)


def test_split_string_gives_reportlabs_answers_and_assigns_codes_the_same_way() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont

    from deliverydesk.reports.fonts import document_fonts

    font = getFont(document_fonts().regular)
    original = type(font).splitString.original
    chinese = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 600))
    fast, plain = _Document(), _Document()
    for text in (*SPLIT_TEXTS, chinese, *SPLIT_TEXTS, chinese[::-1], *SPLIT_TEXTS):
        assert font.splitString(text, fast) == original(font, text, plain)
        assert font.state[fast].assignments == font.state[plain].assignments
        assert font.state[fast].subsets == font.state[plain].subsets


def test_a_remembered_split_is_answered_again_unchanged() -> None:
    """Splits are remembered per document (tables repeat their texts); a caller changing the list it
    got does not change the next answer."""
    from reportlab.pdfbase.pdfmetrics import getFont

    from deliverydesk.reports.fonts import document_fonts

    font = getFont(document_fonts().regular)
    original = type(font).splitString.original
    fast, plain = _Document(), _Document()
    assert font.splitString("Done 完成", fast) == original(font, "Done 完成", plain)  # assigns the codes
    first = font.splitString("Done 完成", fast)
    assert first == original(font, "Done 完成", plain)
    first.clear()
    assert "Done 完成" in font.state[fast].__dict__["_accel_splits"]
    assert font.splitString("Done 完成", fast) == original(font, "Done 完成", plain) != []
    assert font.splitString("Done 完成", _Document()) == original(font, "Done 完成", _Document())


def test_remembered_widths_are_reportlabs_widths() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

    from deliverydesk.reports.fonts import document_fonts

    for name in (document_fonts().regular, document_fonts().bold):
        font = getFont(name)
        original = type(font).stringWidth.original
        for text in (*SPLIT_TEXTS, *SPLIT_TEXTS):
            for size in (8.5, 9.5, 8.5):
                assert stringWidth(text, name, size) == original(font, text, size)


def test_font_runs_are_a_new_list_each_time() -> None:
    from deliverydesk.reports.text import font_runs

    runs = font_runs("Müller ✓ 接口")
    runs.append(("x", "y"))
    assert font_runs("Müller ✓ 接口") == runs[:-1]


def test_font_subsets_are_made_as_reportlab_makes_them() -> None:
    """Subsets cut from the glyph table's window are reportlab's own, byte for byte (composite
    glyphs included: the Chinese faces have them)."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFontFile

    from deliverydesk.reports.fonts import document_fonts

    fonts = document_fonts()
    chinese = [*range(32, 127), *range(0x4E00, 0x4E00 + 160)]
    for name in (fonts.regular, fonts.bold, "DejaVuSans"):
        face = getFont(name).face
        windowed = face.makeSubset(chinese)
        TTFontFile.get_table, patched = TTFontFile.get_table.original, TTFontFile.get_table
        try:
            assert windowed == face.makeSubset(chinese)
        finally:
            TTFontFile.get_table = patched
    window = getFont(fonts.regular).face.get_table("glyf")
    assert window[10:20] == bytes(window)[10:20]
    assert (
        window[-5:] == bytes(window)[-5:] and window[7:3] == b"" and window[::2][:9] == bytes(window)[:18:2]
    )


def _state(xobject: Any) -> dict[str, Any]:
    state = dict(xobject.__dict__)
    if state.get("_smask") is not None:
        state["_smask"] = _state(state["_smask"])
    return state


def test_a_kept_image_stream_is_the_one_reportlab_makes() -> None:
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    from deliverydesk.reports import accel
    from deliverydesk.reports.fonts import document_fonts

    document_fonts()  # installs the shortcuts
    for mode in ("RGB", "RGBA"):
        png = io.BytesIO()
        Image.new(mode, (40, 30), (200, 30, 60, 128)[: len(mode)]).save(png, "PNG")
        kept = ImageReader(io.BytesIO(png.getvalue()))
        kept.getRGBData()
        accel.keep_stream(kept)
        plain = ImageReader(io.BytesIO(png.getvalue()))
        for _ in range(3):
            made = PDFImageXObject("x", kept, mask="auto")
            expected = PDFImageXObject("x", plain, mask="auto")
            assert _state(made) == _state(expected)
        assert "_accel_stream" in kept.__dict__ and "_accel_stream" not in plain.__dict__


def test_a_kept_image_is_named_once_and_drawn_as_reportlab_draws_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """drawImage names an image after the MD5 of its pixels and its transparency's: a kept image's
    name is remembered, and documents drawing it are the same bytes as with a plain reader."""
    import hashlib
    import io

    from PIL import Image
    from reportlab.lib import utils
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from deliverydesk.reports import accel
    from deliverydesk.reports.fonts import document_fonts

    document_fonts()  # installs the shortcuts

    def page(reader: ImageReader) -> bytes:
        out = io.BytesIO()
        drawing = canvas.Canvas(out, invariant=True)
        drawing.drawImage(reader, 10, 10, 40, 30, mask="auto")
        drawing.drawImage(reader, 60, 10, 40, 30, mask=None)
        drawing.save()
        return out.getvalue()

    hashed: list[int] = []

    def counted_md5(data: bytes, **kwargs: object) -> object:
        hashed.append(len(data))
        return hashlib.md5(data, **kwargs)  # type: ignore[arg-type]

    for mode in ("RGB", "RGBA"):
        png = io.BytesIO()
        Image.new(mode, (40, 30), (200, 30, 60, 128)[: len(mode)]).save(png, "PNG")
        plain = page(ImageReader(io.BytesIO(png.getvalue())))
        kept = ImageReader(io.BytesIO(png.getvalue()))
        kept.getRGBData()
        accel.keep_stream(kept)
        assert page(kept) == plain
        monkeypatch.setattr(utils, "md5", counted_md5)
        assert [page(kept) for _ in range(3)] == [plain] * 3
        monkeypatch.undo()
    assert hashed == [], "a kept image's names are remembered"
