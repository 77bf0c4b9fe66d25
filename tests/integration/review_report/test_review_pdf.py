"""The review report PDF, in both languages: grid texts, actions and page "x / y" extract correctly."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.domain.review_texts import ReviewSide, review_question, side_name
from deliverydesk.i18n import translator
from deliverydesk.reports.review.data import ButterflyData, FollowUpData
from deliverydesk.reports.review.report import render_review_report
from tests.samples.review import review_report

LANGUAGES = (Language.EN, Language.ZH_CN)
CELLS = ("client_short", "client_mid", "client_long", "company_short", "company_mid")


def squeeze(text: str) -> str:
    return "".join(text.split())


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("language", LANGUAGES)
def test_grid_actions_and_questions_extract(language: Language) -> None:
    data = review_report(language)
    t = translator(language)
    texts = pages(render_review_report(data))
    whole = squeeze("".join(texts))
    answers = [getattr(data.answers, name) for name in CELLS]
    questions = [review_question(name, language).question for name in (*CELLS, "company_long")]
    sides = [side_name(side, language) for side in ReviewSide] + [t("Not answered.")]
    actions = [text for a in data.actions for text in (a.description, a.owner, t.date(a.revisit_on))]
    recurrence = [t("Client {letter}", letter=letter) for letter in "ABC"]
    for expected in (*answers, *questions, *sides, *actions, *recurrence, data.lessons):
        assert squeeze(expected) in whole, expected
    assert "\x00" not in whole  # no character missing from the fonts
    for number, text in enumerate(texts, 1):
        assert squeeze(t("Page {page} / {total}", page=number, total=len(texts))) in squeeze(text)
        assert data.meta.fingerprint[:12] in text and data.meta.reference in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_internal_on_every_page_no_letterhead_and_other_clients_named_only_when_chosen(
    language: Language,
) -> None:
    data = review_report(language)
    t = translator(language)
    pdf = render_review_report(data)
    texts = pages(pdf)
    assert len(texts) >= 2
    for text in texts:
        assert squeeze(t("INTERNAL · not for the client")) in squeeze(text)
    reader = PdfReader(io.BytesIO(pdf))
    assert not [image for page in reader.pages for image in page.images], "no letterhead logo"
    address = data.meta.letterhead.address
    assert squeeze(address) not in squeeze("".join(texts)), "no letterhead address"
    anonymous = squeeze("".join(texts))
    named = squeeze("".join(pages(render_review_report(replace(data, name_other_clients=True)))))
    for row in data.recurrence:
        assert squeeze(row.client) not in anonymous and squeeze(row.client) in named
    assert squeeze(t("Client {letter}", letter="A")) in anonymous


@pytest.mark.parametrize("language", LANGUAGES)
def test_action_status_done_overdue_open(language: Language) -> None:
    t = translator(language)
    data = review_report(language)
    whole = squeeze("".join(pages(render_review_report(data))))
    assert squeeze(t("Done {date}", date=t.date(data.actions[0].done_on))) in whole
    assert squeeze(t("Open, overdue")) in whole  # revisit date before the "as of" date


def test_whole_project_review_without_actions_or_recurrence() -> None:
    data = replace(
        review_report(Language.EN), issue=None, actions=(), recurrence=(), answers=ButterflyData(), lessons=""
    )
    whole = squeeze("".join(pages(render_review_report(data))))
    assert squeeze("The whole project") in whole
    assert squeeze("The same problem at other clients") not in whole
    assert whole.count(squeeze("Not answered.")) == 6


def test_hostile_text_prints_literally_and_letter_paper() -> None:
    hostile = "<b>x</b> & <img src='/etc/passwd'/> 😀 \u202eRTL " + "长" * 800
    data = replace(
        review_report(Language.ZH_CN),
        answers=ButterflyData(client_short=hostile),
        actions=(FollowUpData(hostile, "<i>o</i>"),),
        meta=replace(review_report(Language.ZH_CN).meta, paper=PaperSize.LETTER),
    )
    pdf = render_review_report(data)
    whole = squeeze("".join(pages(pdf)))
    assert squeeze("<b>x</b>&<img") in whole and "<i>o</i>" in whole
    assert abs(float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width) - 612) < 1


def test_same_data_same_bytes_and_fonts_embedded(tmp_path: Path) -> None:
    data = review_report(Language.ZH_CN)
    pdf = render_review_report(data)
    assert pdf == render_review_report(data)
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    fonts = listing.stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)
