"""A paragraph laid out with CJK wrapping (every Chinese document) that splits over pages prints
every character of its text once, with its spaces, and no space it did not have."""

from __future__ import annotations

import re
from dataclasses import replace

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import translator
from deliverydesk.reports.documents.data import OpenItemData
from deliverydesk.reports.render import render
from tests.samples import change_decision as sample_change
from tests.samples import handover_report as sample_handover

from .conftest import page_texts, squeeze

WORDS = 1_500  # about three pages of description
PAGE = re.compile(r"第 \d+ / \d+ 页")


def _chinese_decision_pages(description: str) -> list[str]:
    """The text of each page without its footer and running header (drawn last on each page)."""
    data = replace(sample_change(Language.ZH_CN), description=description)
    furniture = {data.meta.letterhead.company_name, translator(Language.ZH_CN)("Change decision")}
    return [
        "\n".join(
            line
            for line in page.splitlines()
            if line not in furniture and not line.startswith(data.meta.reference) and not PAGE.fullmatch(line)
        )
        for page in page_texts(render(data))
    ]


def test_a_long_english_paragraph_keeps_its_spaces_across_pages() -> None:
    words = [f"word{n:05d}" for n in range(WORDS)]
    pages = _chinese_decision_pages(" ".join(words))
    printed = re.findall(r"word\d{5}(?:word\d{5})*", "\n".join(pages))  # glued words stay one match
    description_pages = [page for page in pages if "word" in page]
    assert len(description_pages) >= 3
    assert printed == words


def test_long_chinese_paragraphs_gain_no_spaces_across_pages() -> None:
    sentence = "三号线的操作员在终端上记录每一批次，班组长实时查看产量和报废率。"
    lines = [f"{sentence * 3}{n:04d}" for n in range(60)]  # several runs: one per line
    pages = _chinese_decision_pages("\n".join(lines))
    text = "\n".join(pages)
    assert len([page for page in pages if sentence[:6] in page]) >= 3
    printed = text[text.index(lines[0][:10]) : text.rindex(lines[-1][-10:]) + 10]
    assert " " not in printed  # reportlab added one at the end of each wrapped line
    assert squeeze(printed) == squeeze("".join(lines))


def test_english_words_inside_a_long_chinese_paragraph_keep_their_spaces() -> None:
    words = [f"word{n:05d}" for n in range(WORDS)]
    mixed = "".join(f"{word} 交付延期 " if n % 9 == 0 else f"{word} " for n, word in enumerate(words))
    text = "\n".join(_chinese_decision_pages(mixed))
    assert re.findall(r"(?<=\s)word\d{5}(?=\s)", text) == words  # a space (or a line end) either side
    assert squeeze(mixed) in squeeze(text)


def test_a_long_english_table_cell_keeps_its_spaces_across_pages() -> None:
    """A row of a table split over pages splits its cells' paragraphs (reportlab gave up here)."""
    words = [f"word{n:05d}" for n in range(600)]
    data = sample_handover(Language.ZH_CN)
    data = replace(data, open_items=(OpenItemData("", " ".join(words), "下一阶段"), *data.open_items))
    pages = page_texts(render(data))
    assert len([page for page in pages if "word" in page]) >= 3
    assert re.findall(r"word\d{5}(?:word\d{5})*", "\n".join(pages)) == words
