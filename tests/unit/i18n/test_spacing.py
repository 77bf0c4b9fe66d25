"""One spacing rule for the documents' Chinese, and one rule for lists in running text."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import translator
from deliverydesk.i18n.formats import spacing_problems

PO = (
    Path(__file__).resolve().parents[3] / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "deliverydesk.po"
)

# the values the Chinese texts are filled with, as they print (user text in Chinese)
SAMPLE_VALUES = {
    "name": "王堃",
    "title": "厂长",
    "organisation": "苏州精密",
    "subject": "交付内容",
    "status": "正常",
    "decision": "批准（计费）",
    "text": "报表",
    "label": "报表",
    "what": "记录 #3",
    "start": "2026年3月9日",
    "end": "2026年3月16日",
    "date": "2026年3月16日",
    "old": "2026年3月9日",
    "new": "2026年3月16日",
    "ref": "CR-3",
    "short": "3f9a2c71be04",
    "offset": "UTC+08:00",
    "side": "我方",
    "owner": "李喆",
    "to": "王堃",
    "refs": "CR-3, E-2",
    "when": "2026年3月16日 10:30",
    "names": "李喆、王堃",
    "letter": "A",
    "signer": "朱镕",
    "who": "朱镕",
    "field": "决定",
    "before": "待定",
    "after": "批准（计费）",
    "sha256": "9c1e4f0d",
    "entry": "2026-03-10 17:45  邮件确认",
    "entries": "#1、#2",
    "used": "12 小时",
    "budget": "24 小时",
    "left": "12 小时",
    "price": "¥4,800.00",
    "milestone": "三号线上线",
    "project": "三号线 MES 上线",
}


def _document_texts() -> list[tuple[str, str]]:
    with PO.open("rb") as file:
        catalog = read_po(file)
    return sorted(
        (str(m.id), str(m.string))
        for m in catalog
        if m.id
        and isinstance(m.string, str)
        and any(p.startswith("deliverydesk/reports/") for p, _ in m.locations)
    )


@pytest.mark.parametrize(("english", "chinese"), _document_texts())
def test_the_documents_chinese_keeps_the_one_spacing_rule(english: str, chinese: str) -> None:
    """One space between Chinese and Latin letters or digits (第 2 版, 截至 2026年3月16日)."""
    names = {name for _, name, _, _ in string.Formatter().parse(chinese) if name}
    values = {name: SAMPLE_VALUES.get(name, "3") for name in names}
    assert spacing_problems(chinese.format(**values)) == [], (english, chinese)


def test_the_spacing_rule_finds_what_it_looks_for() -> None:
    assert spacing_problems("已于2026年3月16日完成") == ["于D", "0完"]
    assert spacing_problems("已于 2026年3月16日 完成。第 2 版，6 小时") == []
    assert spacing_problems("共3项") == ["共3", "3项"]


def test_lists_use_the_list_mark_except_between_latin_names() -> None:
    zh, en = translator(Language.ZH_CN), translator(Language.EN)
    assert zh.join(["周明", "孙丽", "高峰"]) == "周明、孙丽、高峰"
    assert zh.join(["Zhou Ming", "Sun Li"]) == "Zhou Ming, Sun Li"
    assert zh.join(["Zhou Ming", "孙丽", "CR-3", "E-2"]) == "Zhou Ming、孙丽、CR-3, E-2"
    assert en.join(["Zhou Ming", "孙丽"]) == "Zhou Ming, 孙丽"
