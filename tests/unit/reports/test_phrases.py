"""The phrase catalogue is complete in both languages, and dates and money print per language."""

from __future__ import annotations

import re
import string
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path

import pytest

from deliverydesk.domain import enums
from deliverydesk.domain.enums import Language
from deliverydesk.reports.documents.data import OverallStatus
from deliverydesk.reports.phrases import CATALOGUE, Phrases, format_date, format_money, format_number

REPORTS_DIR = Path(__file__).resolve().parents[3] / "deliverydesk" / "reports"
LABELLED_ENUMS: tuple[type[Enum], ...] = (
    enums.Triage,
    enums.ScopeCheck,
    enums.Decision,
    enums.RiskLevel,
    enums.Channel,
    enums.ScopeStatus,
    enums.MilestoneStatus,
    enums.OwnerSide,
    OverallStatus,
)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_phrase_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    english, chinese = CATALOGUE[key]
    assert english.strip() and chinese.strip()
    assert _placeholders(english) == _placeholders(chinese)


def test_chinese_phrases_use_full_width_punctuation() -> None:
    for key, (_, chinese) in CATALOGUE.items():
        assert not re.search(r"[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]", chinese), key


@pytest.mark.parametrize("enum", LABELLED_ENUMS, ids=lambda enum: enum.__name__)
def test_every_enum_value_the_documents_print_has_a_label(enum: type[Enum]) -> None:
    for language in Language:
        phrases = Phrases(language)
        for member in enum:
            assert phrases.label(member)


def _keys_used_in_code() -> set[str]:
    used: set[str] = set()
    for source in REPORTS_DIR.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        if source.name == "phrases.py":
            text = text[text.index("_MONTHS_EN") :]  # the code after the catalogue
        used |= set(re.findall(r"[\"']([a-z]+\.[a-z_]+)[\"']", text))
    return used


def test_every_phrase_key_used_in_the_reports_exists() -> None:
    """Any "section.name" string literal in the report code is a phrase key: it must be catalogued."""
    used = _keys_used_in_code()
    assert len(used) > 60  # the scan does find the keys
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_no_phrase_is_dead() -> None:
    enum_labels = {key for key in CATALOGUE if key[0].isupper()}
    assert set(CATALOGUE) - enum_labels <= _keys_used_in_code()


def test_glossary_terms_are_used() -> None:
    chinese = {key: pair[1] for key, pair in CATALOGUE.items()}
    assert chinese["letter.title"] == "期望确认函"
    assert chinese["change.title"] == "变更决定书"
    assert chinese["summary.title"] == "进度报告"
    assert chinese["handover.title"] == "交接报告"
    assert chinese["letter.exclusions"] == "不包含事项"
    assert chinese["change.analysis"] == "客户视角分析"
    assert (
        "本次为友情支持" in chinese["change.goodwill_note"]
        and "不作为先例" in chinese["change.goodwill_note"]
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [(Language.EN, "16 Mar 2026"), (Language.ZH_CN, "2026年3月16日")],
)
def test_dates_print_per_language(language: Language, expected: str) -> None:
    assert format_date(date(2026, 3, 16), language) == expected
    assert format_date(None, language) == "—"


def test_money_prints_per_language() -> None:
    assert format_money(Decimal("12000"), "CNY", Language.EN) == "CNY 12,000.00"
    assert format_money(Decimal("12000"), "CNY", Language.ZH_CN) == "¥12,000.00"
    assert format_money(Decimal("1234.5"), "usd", Language.ZH_CN) == "USD 1,234.50"
    assert format_money(Decimal("-80"), "EUR", Language.EN) == "−EUR 80.00"


def test_numbers_keep_only_informative_decimals() -> None:
    assert format_number(Decimal("12.50")) == "12.5"
    assert format_number(Decimal("8")) == "8"
    assert format_number(Decimal("1200")) == "1,200"
    assert format_number(Decimal("0")) == "0"
    assert Phrases(Language.ZH_CN).hours(Decimal("6")) == "6 小时"
