"""The gettext catalogue (documents, service messages, errors): complete for zh_CN, current with the
code, placeholders kept, Chinese punctuation, the glossary's terms, and a label for every enum value
the documents print."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from types import ModuleType

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import translator
from deliverydesk.i18n.catalogue import locale_dir
from deliverydesk.reports.labels import LABELS, label
from tests.conftest import load_tool

ROOT = Path(__file__).resolve().parents[3]


def _gettext_tool() -> ModuleType:
    return load_tool("i18n_gettext")


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _gettext_tool()


def test_every_text_is_translated_and_the_committed_catalogue_is_current(tool: ModuleType) -> None:
    outcome = tool.check()
    assert outcome.missing == [], "translate these in the .po (tools/update_translations.py lists them)"
    assert outcome.mismatched == [], "a translation must use exactly the placeholders of its English"
    assert outcome.stale == [], "run tools/update_translations.py: the committed .po/.mo are out of date"


def test_the_catalogue_is_big_enough_to_be_the_real_one(tool: ModuleType) -> None:
    assert len(tool.extract()) > 340  # documents and domain texts (and, below, the errors) extracted


def test_the_app_finds_the_compiled_catalogue() -> None:
    assert (locale_dir() / "zh_CN" / "LC_MESSAGES" / "deliverydesk.mo").is_file()
    assert translator(Language.ZH_CN)("Page {page} / {total}", page=1, total=2) == "第 1 / 2 页"


def test_no_text_hides_from_the_extractor(tool: ModuleType) -> None:
    """``f"{t('Open')}"`` and ``translator(language)("Open")`` are invisible to the extractor."""
    assert tool.unextracted() == []


HALF_WIDTH_BY_CHINESE = re.compile(r"[\u4e00-\u9fff][,:;()?!]|[,:;()?!][\u4e00-\u9fff]")


def test_chinese_uses_full_width_punctuation_next_to_chinese(tool: ModuleType) -> None:
    catalog = tool.updated("zh_CN", tool.extract())
    wrong = [m.id for m in catalog if m.id and HALF_WIDTH_BY_CHINESE.search(str(m.string))]
    assert wrong == []


@pytest.mark.parametrize("enum", list(LABELS), ids=lambda enum: enum.__name__)
def test_every_enum_value_the_documents_print_has_a_label_in_both_languages(enum: type[Enum]) -> None:
    assert set(LABELS[enum]) == set(enum)
    chinese = translator(Language.ZH_CN)
    for member in enum:
        english = label(translator(Language.EN), member)
        assert english and label(chinese, member) != english, member


def test_one_english_word_two_translations_by_context() -> None:
    from deliverydesk.domain.enums import OwnerSide

    t = translator(Language.ZH_CN)
    assert t("Client") == "客户" and label(t, OwnerSide.CLIENT) == "客户方"


def test_glossary_terms_are_used() -> None:
    t = translator(Language.ZH_CN)
    assert t("Expectation confirmation letter") == "期望确认函"
    assert t("Change decision") == "变更决定书"
    assert t("Progress summary") == "进度报告"
    assert t("Handover report") == "交接报告"
    assert t("What this engagement does not include") == "不包含事项"
    assert t("Client-perspective analysis") == "客户视角分析"
    assert t("Evidence pack") == "证据包"
    goodwill = t("Granted as goodwill, not a precedent.")
    assert "本次为友情支持" in goodwill and "不作为先例" in goodwill


@pytest.mark.parametrize(
    "source",
    ['title = translator(language)("Open")', "label = f\"{t('Open')}: {x}\""],
    ids=["nameless translator", "f-string"],
)
def test_the_extractor_guard_sees_hidden_texts(tool: ModuleType, source: str) -> None:
    import ast

    assert any(tool._hidden(node) for node in ast.walk(ast.parse(source)))
    assert not any(tool._hidden(node) for node in ast.walk(ast.parse('t = translator(language)\nt("Open")')))
