"""User text becomes safe Paragraph markup; characters the fonts lack never vanish silently."""

from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape

import pytest

from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.text import clip, escape, markup, printable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a < b & c", "a &lt; b &amp; c"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("<img src=/etc/passwd>", "&lt;img src=/etc/passwd&gt;"),
        ('<a href="http://x">x</a>', '&lt;a href="http://x"&gt;x&lt;/a&gt;'),
        ("&amp;", "&amp;amp;"),
        ("line one\nline two", "line one<br/>line two"),
        ("crlf\r\nnext", "crlf<br/>next"),
    ],
)
def test_markup_escapes_everything_the_paragraph_parser_would_interpret(text: str, expected: str) -> None:
    assert markup(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "plain", "a < b & c > d", "&amp;&lt;&gt;", "<<&&>>", "\"quotes\" 'too'", "王 <b>粗</b> &nbsp;"],
)
def test_escape_is_the_standard_librarys(text: str) -> None:
    assert escape(text) == sax_escape(text)


def test_text_the_fonts_cover_is_unchanged() -> None:
    text = "王堃 李喆 朱镕 䶮 𠮷 Müller café ¥12,000.00 “quoted” — 第 1 / 2 页，变更决定书。≤ ℃ ✓ ✗ ① Ω Жж"
    assert printable(text) == text


def test_characters_no_font_has_print_as_their_code_point_never_as_a_box() -> None:
    assert printable("ok 😀!") == "ok [U+1F600]!"
    assert printable("שלום") == "[U+05E9][U+05DC][U+05D5][U+05DD]"  # Hebrew: not covered (no bidi)
    assert "□" not in printable("مرحبا ก")


def test_invisible_format_characters_are_dropped() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # joined by zero-width joiners
    assert printable(family) == "[U+1F468][U+1F469][U+1F467]"
    assert printable("\u2764\ufe0f") == "\u2764"  # a dingbat the fonts have; the variation selector goes
    assert printable("abc\u202edef") == "abcdef"  # right-to-left override: no reordering trick
    assert printable("a\x00b\x07c") == "abc"
    assert printable("tab\there") == "tab here"


def test_decomposed_accents_are_composed_to_glyphs_the_font_has() -> None:
    assert printable("cafe\u0301") == "café"


def test_rare_name_characters_are_in_the_fonts() -> None:
    assert {ord(c) for c in "堃喆镕䶮"} <= document_fonts().everything


def test_clip_cuts_long_lines_with_an_ellipsis() -> None:
    assert clip("short", 8, 200) == "short"
    clipped = clip("W" * 500, 8, 100)
    assert clipped.endswith("…") and 5 < len(clipped) < 30
