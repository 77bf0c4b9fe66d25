"""Characters no document font has are refused where they are typed, naming them."""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest

from deliverydesk.domain.drafts import ClientDraft, ExpectationDraft, LogEntryDraft, SettingsDraft
from deliverydesk.domain.enums import Language
from deliverydesk.domain.printing import (
    CONTROLS,
    CONTROLS_AND_DIRECTION,
    DIRECTION_CONTROLS,
    LINE_BREAKS_AND_TABS,
    can_print,
    check_printable,
    control_reason,
    describe,
    unprintable_characters,
    unprintable_reason,
)
from deliverydesk.domain.validation import validate_client, validate_expectation, validate_settings
from deliverydesk.errors import RuleError, ValidationError


def test_the_documents_repertoire_is_printable() -> None:
    text = "至少 19 次 ≤ 2 秒 ℃ √ ✓ ✗ ①⑳ 堃 喆 镕 䶮 𠮷 Ω µ ‰ Ελληνικά Кириллица ＡＢＣ\n\ttab"
    assert unprintable_characters(text) == []
    assert unprintable_reason(text) is None


@pytest.mark.parametrize("char", ["😀", "\u05e9", "\u0645", "\u0e01", "\u200d", "\u202e", "\x07"])
def test_emoji_uncovered_scripts_and_invisible_characters_are_not(char: str) -> None:
    assert not can_print(char)


def test_the_reason_names_each_character_once() -> None:
    assert describe("😀") == "“😀” (U+1F600 GRINNING FACE)"
    assert describe("\u200d") == "U+200D ZERO WIDTH JOINER"  # invisible: by its code only
    reason = str(unprintable_reason("ok 😀 😀 and ש"))
    assert "“😀” (U+1F600 GRINNING FACE)" in reason and "U+05E9" in reason
    assert reason.count("U+1F600") == 1 and "them" in reason
    many = unprintable_reason("😀😁😂🤣")
    assert many is not None and "and 1 more" in str(many)
    chinese = many.render(Language.ZH_CN)
    assert "另有 1 个" in chinese and "U+1F600" in chinese


def test_validation_refuses_them_in_printed_fields_only() -> None:
    with pytest.raises(ValidationError) as raised:
        validate_client(ClientDraft(name="Acme 😀", notes="notes may hold 😀: they never print"))
    assert set(raised.value.fields) == {"name"} and "U+1F600" in str(raised.value.fields["name"])
    with pytest.raises(ValidationError) as raised:
        validate_expectation(ExpectationDraft(project_id="p", statement="ok", measure="≤ 2 s 🙂"))
    assert "measure" in raised.value.fields
    with pytest.raises(ValidationError) as raised:
        validate_settings(SettingsDraft(company_name="Northwind", engineer_name="李\u202e喆"))
    assert "U+202E RIGHT-TO-LEFT OVERRIDE, at character 2" in str(raised.value.fields["engineer_name"])


def test_log_entries_are_checked_too() -> None:
    from datetime import UTC, datetime

    from deliverydesk.domain.validation import validate_log_entry

    now = datetime(2026, 3, 16, tzinfo=UTC)
    draft = LogEntryDraft(project_id="p", occurred_at=now, summary="Call 📞", details="ok")
    with pytest.raises(ValidationError) as raised:
        validate_log_entry(draft, now)
    assert "summary" in raised.value.fields


@dataclass(frozen=True)
class _Row:
    text: str
    due: date | None = None


@dataclass(frozen=True)
class _Document:
    title: str
    rows: tuple[_Row, ...]


def test_a_document_with_such_a_character_is_refused_quoting_the_text() -> None:
    check_printable(_Document("ok 𠮷", (_Row("fine ✓"),)))
    with pytest.raises(RuleError) as raised:
        check_printable(_Document("ok", (_Row("line one\nship it 🚀 now"),)))
    assert "U+1F680" in str(raised.value.message) and "ship it 🚀 now" in str(raised.value.hint)


@pytest.mark.parametrize(
    ("text", "named", "where"),
    [
        ("Line 4\x00 commissioning", "U+0000 NULL", "at character 7 (after “Line 4”)"),
        ("invoice\u202efdp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE", "at character 8 (after “invoice”)"),
        ("first line\nsecond \x1b[2J", "U+001B ESCAPE", "at character 19 (after “first line second ”)"),
        ("\u200fstarts", "U+200F RIGHT-TO-LEFT MARK", None),
    ],
)
def test_a_control_character_is_refused_as_one_saying_where(text: str, named: str, where: str | None) -> None:
    """Not "no document font has it": the text holds a control character, named, and where it is."""
    reason = unprintable_reason(text)
    assert reason is not None
    said = str(reason)
    assert named in said and "font" not in said
    assert where in said if where else said.startswith("The text starts with a control character")
    chinese = reason.render(Language.ZH_CN)
    assert "控制字符" in chinese and named in chinese


def test_the_control_patterns_are_unicode_s_control_characters_but_tab_and_line_breaks() -> None:
    """Every code point: the patterns find exactly category Cc less tab and the line breaks, and the
    second one the direction controls too."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        control = unicodedata.category(char) == "Cc" and char not in LINE_BREAKS_AND_TABS
        assert (CONTROLS.match(char) is not None) == control, hex(code)
        assert (CONTROLS_AND_DIRECTION.match(char) is not None) == (control or char in DIRECTION_CONTROLS)


def test_the_first_control_character_of_a_long_text_is_the_one_named() -> None:
    text = "notes " * 1000 + "\u202e" + "more " * 100 + "\x1b"
    said = str(control_reason(text))
    assert "U+202E" in said and "at character 6001" in said
    assert "U+001B" in str(control_reason(text, direction=False))
    assert control_reason("notes " * 1000) is None


def test_tabs_and_line_breaks_are_text() -> None:
    assert unprintable_reason("a\tb\r\nc\n") is None


def test_a_control_character_is_refused_in_notes_that_never_print_too() -> None:
    """A NUL is stored and synced even where nothing prints (SQLite's LIKE stops at it); a direction
    mark in such a note is kept (notes in a right-to-left script)."""
    with pytest.raises(ValidationError) as raised:
        validate_client(ClientDraft(name="Acme", notes="pasted\x00from a terminal"))
    assert set(raised.value.fields) == {"notes"} and "U+0000 NULL" in str(raised.value.fields["notes"])
    validate_client(ClientDraft(name="Acme", notes="\u200fشكرا"))


def test_right_to_left_letters_are_refused_for_the_fonts_they_lack() -> None:
    """Hebrew and Arabic letters are no control characters: the fonts have no glyph for them."""
    for text in ("שלום", "مرحبا"):
        reason = str(unprintable_reason(text))
        assert "no document font has them" in reason and "control" not in reason
