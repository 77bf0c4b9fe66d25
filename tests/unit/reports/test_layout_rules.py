"""Every document kind, with short and with long data, in both languages, read back from the PDF:
headings keep with what follows, the signature blocks keep with the text above them, list items and
table rows split cleanly, and no page but the last is more than 40 % empty."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from deliverydesk.domain.enums import Language, ScopeStatus
from deliverydesk.i18n import translator
from deliverydesk.reports.documents.data import (
    DeliverableData,
    ExpectationRowData,
    MilestoneMoveData,
    OpenItemData,
    ScopeAcceptanceData,
)
from deliverydesk.reports.evidence.pack import render_evidence_pack
from deliverydesk.reports.render import render
from deliverydesk.reports.review.data import FollowUpData
from deliverydesk.reports.review.report import render_review_report
from tests.samples import change_decision, expectation_letter, handover_report, progress_summary
from tests.samples.evidence import evidence_pack
from tests.samples.letters import signed_letter
from tests.samples.review import review_report

from .layout_check import (
    all_problems,
    emptiness_problems,
    heading_problems,
    read_layout,
    signature_problems,
    split_problems,
    tokens,
)

LANGUAGES = (Language.EN, Language.ZH_CN)
DAY = date(2026, 4, 1)


def _lengths(count: int, shortest: int = 4, longest: int = 60) -> list[int]:
    """Words per item: a spread of one-line to six-line items, the same every run."""
    return [shortest + (item * 37) % (longest - shortest) for item in range(count)]


def long_letter(language: Language) -> Any:
    data = expectation_letter(language)
    rows = tuple(
        ExpectationRowData(f"E-{n}", tokens(n, words), tokens(n, words // 2), DAY)
        for n, words in enumerate(_lengths(30, 6, 40))
    )
    deliverables = tuple(
        DeliverableData(f"S-{n}", f"Deliverable {n}", tokens(100 + n, words))
        for n, words in enumerate(_lengths(40, 4, 30))
    )
    exclusions = tuple(tokens(200 + n, words) for n, words in enumerate(_lengths(25)))
    assumptions = tuple(tokens(300 + n, words) for n, words in enumerate(_lengths(12)))
    return replace(
        data, expectations=rows, deliverables=deliverables, exclusions=exclusions, assumptions=assumptions
    )


def long_change(language: Language) -> Any:
    data = change_decision(language)
    analysis = replace(
        data.analysis,
        benefit=tokens(1, 120),
        client_cost=tokens(2, 90),
        risks=tokens(3, 150),
        alternatives=tokens(4, 80),
    )
    moves = tuple(MilestoneMoveData(f"Milestone {n}", DAY, DAY + timedelta(days=n)) for n in range(8))
    return replace(
        data, description=tokens(5, 200), analysis=analysis, rationale=tokens(6, 160), milestone_moves=moves
    )


def long_summary(language: Language) -> Any:
    data = progress_summary(language, milestones=40, repeat=4)
    steps = tuple(tokens(n, words) for n, words in enumerate(_lengths(30)))
    return replace(data, steps_done=steps)


def long_handover(language: Language) -> Any:
    data = handover_report(language)
    scope = tuple(
        ScopeAcceptanceData(f"S-{n}", tokens(n, words), ScopeStatus.ACCEPTED)
        for n, words in enumerate(_lengths(200, 2, 18))
    )
    items = tuple(
        OpenItemData(f"O-{n}", tokens(300 + n, words), "Take it up", "Li Zhe", DAY)
        for n, words in enumerate(_lengths(30, 4, 40))
    )
    return replace(data, scope_items=scope, open_items=items)


def long_review(language: Language) -> Any:
    data = review_report(language)
    actions = tuple(FollowUpData(tokens(n, words), "Li Zhe", DAY) for n, words in enumerate(_lengths(25)))
    answers = replace(data.answers, client_short=tokens(90, 120), company_mid=tokens(91, 160))
    return replace(data, actions=actions, answers=answers, lessons=tokens(92, 200))


def long_evidence(language: Language) -> Any:
    data = evidence_pack(language)
    entries = tuple(
        replace(entry, number=n + 1, summary=tokens(n, 6), details=tokens(100 + n, words))
        for n, (entry, words) in enumerate(zip(data.entries * 10, _lengths(60, 10, 180), strict=False))
    )
    return replace(data, entries=entries)


Kind = tuple[Callable[[Language], Any], Callable[[Language], Any], Callable[[Any], bytes], str | None]
KINDS: dict[str, Kind] = {
    "letter": (expectation_letter, long_letter, render, "Name"),
    "change": (change_decision, long_change, render, "Name"),
    "summary": (lambda lang: progress_summary(lang, milestones=6), long_summary, render, None),
    "handover": (handover_report, long_handover, render, "Name"),
    "review": (review_report, long_review, render_review_report, None),
    "evidence": (evidence_pack, long_evidence, render_evidence_pack, None),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", ["short", "long"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_layout_rules(kind: str, size: str, language: Language) -> None:
    short, long, print_pdf, signature_label = KINDS[kind]
    data = (short if size == "short" else long)(language)
    layout = read_layout(print_pdf(data))
    checks = [heading_problems(layout), emptiness_problems(layout), split_problems(layout)]
    if signature_label:
        checks.append(signature_problems(layout, translator(language)(signature_label)))
    assert all_problems(layout, checks) == []
    if size == "long":
        assert len(layout.pages) >= 3  # the long data does run over pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_signed_letter_keeps_the_rules_and_its_certificate_starts_a_page(language: Language) -> None:
    data, certificate = signed_letter(language)
    layout = read_layout(render(data, certificate))
    t = translator(language)
    last = layout.pages[-1]
    assert max(last, key=lambda run: run.y).text.strip() == t("Completion certificate")
    checks = [heading_problems(layout), emptiness_problems(layout, last_page=len(layout.pages) - 2)]
    checks.append(signature_problems(layout, t("Name")))
    assert all_problems(layout, checks) == []


def test_the_checks_find_what_they_look_for() -> None:
    """A page that ends with a heading, a page left half empty, an item split one line from the rest."""
    data = expectation_letter(Language.EN)
    layout = read_layout(render(replace(data, exclusions=(tokens(1, 50),) * 2)))
    assert heading_problems(layout) == []
    broken = replace(layout, pages=((*layout.pages[0][:3],), *layout.pages[1:]))
    assert emptiness_problems(broken)  # page 1 cut short
    assert heading_problems(replace(layout, pages=((*layout.pages[0], _heading_at_foot(layout)),)))
    split = replace(
        layout, pages=(layout.pages[0][:1] + _token_run(layout, 0, 500), _token_run(layout, 1, 400))
    )
    assert split_problems(split)


def _heading_at_foot(layout: Any) -> Any:
    heading = next(run for run in layout.pages[0] if run.is_heading)
    return replace(heading, y=layout.frame[0] + 1)


def _token_run(layout: Any, page: int, y: float) -> tuple[Any, ...]:
    run = layout.pages[0][0]
    return (replace(run, page=page, y=y, text="i77w01 i77w02"),)
