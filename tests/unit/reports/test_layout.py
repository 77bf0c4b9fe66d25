"""Layout behaviour: long tables split with repeated headers, the chart, empty sections."""

from __future__ import annotations

from dataclasses import replace

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import translator
from deliverydesk.reports.documents import progress_summary
from deliverydesk.reports.documents.timeline import MAX_ROWS, ChartFlowable
from deliverydesk.reports.render import render
from tests.samples import progress_summary as sample_summary

from .conftest import page_texts, squeeze


def test_a_long_milestone_table_splits_across_pages_with_its_header_repeated() -> None:
    for language in (Language.EN, Language.ZH_CN):
        t = translator(language)
        data = sample_summary(language, milestones=60)
        texts = page_texts(render(data))
        later_names = [squeeze(m.name) for m in data.milestones[MAX_ROWS:]]  # only in the table
        table_pages = [squeeze(text) for text in texts if any(name in squeeze(text) for name in later_names)]
        assert len(table_pages) >= 2
        for page in table_pages:
            assert squeeze(t("Baseline")) in page and squeeze(t("Slip (working days)")) in page
        everything = "".join(table_pages)
        assert all(name in everything for name in later_names)


def test_the_timeline_chart_is_drawn_and_says_when_it_leaves_milestones_out() -> None:
    t = translator(Language.EN)
    data = sample_summary(Language.EN, milestones=20)
    story = progress_summary.build_story(data)
    assert sum(isinstance(flowable, ChartFlowable) for flowable in story) == 1
    text = squeeze("".join(page_texts(render(data))))
    assert (
        squeeze(t("The chart shows the first {shown} of {total} milestones.", shown=MAX_ROWS, total=20))
        in text
    )
    assert squeeze(t("As of {date}", date=t.date(data.meta.as_of))) in text
    assert squeeze(t("Baseline")) in text


def test_short_summaries_have_no_chart_note_and_empty_sections_say_none() -> None:
    t = translator(Language.ZH_CN)
    data = sample_summary(Language.ZH_CN, milestones=3)
    empty = replace(
        data, steps_done=(), difficulties=(), next_actions=(), pending_decisions=(), change_tally=(), late=()
    )
    text = squeeze("".join(page_texts(render(empty))))
    assert text.count(squeeze(t("None."))) == 5
    assert "图中显示前" not in text


def test_waiting_on_the_client_is_marked() -> None:
    t = translator(Language.EN)
    data = sample_summary(Language.EN)
    text = squeeze("".join(page_texts(render(data))))
    waiting = [d for d in data.difficulties if d.waits_on_client]
    assert waiting
    for difficulty in waiting:
        assert squeeze(t("Waiting on you") + difficulty.text) in text
