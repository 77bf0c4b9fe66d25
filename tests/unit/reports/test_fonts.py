"""The fallback chain of document fonts: coverage, extraction, embedding, compressed punctuation."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from deliverydesk.domain.enums import Language
from deliverydesk.domain.glyph_ranges import PRINTABLE_RANGES
from deliverydesk.domain.printing import can_print
from deliverydesk.reports.fonts import EXT_B, HALF, REGULAR, SYMBOLS, document_fonts, ext_b_face
from deliverydesk.reports.render import render
from deliverydesk.reports.text import compressed_marks, font_runs
from tests.samples import expectation_letter as sample_letter

from .conftest import page_texts, squeeze

SYMBOLS_TEXT = "≤ ≥ ± × ÷ ≠ ≈ √ ℃ ° µ Ω ‰ ✓ ✗ → " + "".join(chr(c) for c in range(0x2460, 0x2474))
RARE_NAMES = "堃 喆 镕 䶮 𠮷"
SCRIPTS = "Ελληνικά Кириллица Tiếng Việt Łódź ＡＢＣ１２３！"
ALL = f"{SYMBOLS_TEXT} {RARE_NAMES} {SCRIPTS}"


def test_the_input_rules_allow_exactly_what_the_fonts_print() -> None:
    """domain/glyph_ranges.py is generated from the fonts: run tools/font_coverage.py after a change."""
    fonts = document_fonts()
    covered = fonts.everything | ext_b_face().covers
    listed = {code for low, high in PRINTABLE_RANGES for code in range(low, high + 1)}
    assert listed == covered


def test_the_issue_repertoire_is_covered() -> None:
    for char in ALL.replace(" ", ""):
        assert can_print(char), f"U+{ord(char):04X}"
    assert all(can_print(chr(code)) for code in range(0x3400, 0x4DB6))  # Extension A (Unicode 3.0)
    assert sum(can_print(chr(code)) for code in range(0x20000, 0x2A6D7)) == 0x2A6D7 - 0x20000  # Ext B


def test_each_character_prints_in_the_first_face_that_has_it() -> None:
    faces = dict((text, name) for name, text in font_runs("abc Ω ✗ 𠮷 汉字"))
    assert faces["abc "] == REGULAR and faces["Ω"] == SYMBOLS and faces["✗"] == SYMBOLS
    assert faces["𠮷"] == EXT_B and faces[" 汉字"] == REGULAR


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_every_character_extracts_as_typed(language: Language) -> None:
    data = sample_letter(language)
    lines = (SYMBOLS_TEXT, RARE_NAMES, SCRIPTS)
    data = replace(data, subject=ALL, exclusions=lines, dependencies=(f"吉田 𠮷 {SYMBOLS_TEXT}",))
    data = replace(data, client_signatory=replace(data.client_signatory, name="𠮷野 ✓", title="Ωmega ℃"))
    text = "".join(page_texts(render(data)))
    assert "\x00" not in text and "□" not in text and "[U+" not in text
    flat = squeeze(text)
    for line in (*lines, ALL, f"吉田 𠮷 {SYMBOLS_TEXT}", "𠮷野 ✓", "Ωmega ℃"):
        assert squeeze(line) in flat, line


def test_characters_beyond_the_basic_plane_extract_from_the_to_unicode_map() -> None:
    """reportlab writes 𠮷 as <20BB7> in the ToUnicode map; the fonts module makes it UTF-16."""
    data = replace(sample_letter(Language.ZH_CN), subject="𠮷")
    pdf = render(data)
    assert b"<20BB7>" not in pdf
    assert "𠮷" in "".join(page_texts(pdf))


def test_every_face_used_is_embedded() -> None:
    data = replace(sample_letter(Language.EN), subject=ALL, exclusions=(ALL,))
    reader = PdfReader(io.BytesIO(render(data)))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/FontDescriptor"]
    assert {"NotoSansSC-Regular", "NotoSansSC-Bold", "DejaVuSans", "DejaVuSans-Bold", "HanaMinB"} <= names


def test_consecutive_full_width_punctuation_is_compressed() -> None:
    assert compressed_marks("（见附件），另") == {4}  # the closing bracket before the comma
    assert compressed_marks("，（") == {0}
    assert compressed_marks("说：「好」。") == {1, 4}  # ：「 -> the colon; 」。 -> the closing bracket
    assert compressed_marks("（「") == {1}  # two opening marks: the second
    assert compressed_marks("（）") == set()  # nothing blank between them
    runs = font_runs("报告（草稿），请审阅")
    assert (HALF, "）") in runs
    pdf = render(replace(sample_letter(Language.ZH_CN), subject="报告（草稿），请审阅"))
    assert "报告（草稿），请审阅" in squeeze("".join(page_texts(pdf)))
