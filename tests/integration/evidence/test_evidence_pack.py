"""The evidence pack of a topic holds the right records, in the order things happened, in both
languages; hostile text prints literally; every page carries "x / y" and the pack's fingerprint."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.domain.drafts import CommitmentDraft
from deliverydesk.domain.enums import Language, LetterKind
from deliverydesk.domain.fingerprint import canonical_json, fingerprint
from deliverydesk.errors import NotFoundError, ValidationError
from deliverydesk.reports.evidence.pack import render_evidence_pack
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.letters import issue_document, list_letters
from deliverydesk.services.evidence.pack import EvidenceTopic, build_evidence_pack, evidence_pdf, topic_by_ref
from deliverydesk.services.records.commitments import confirm_in_writing, record_commitment
from tests.integration.services.conftest import make_client, make_project

from .conftest import LONG_WORDS, Scenario, page_texts, squeeze

IN_ORDER = (
    "Client asks for the scrap report",  # 2 Mar
    "Quoted 5 hours",  # 4 Mar, written first
    "Quoted 6 hours, not 5",  # its correction, same time, written later
    "<b>not bold</b> & <img src=/etc/passwd>",  # 8 Mar (its rare characters print as typed)
    "Client confirmed the decision by e-mail",  # 10 Mar
)
ABSENT = ("Talked about another ask", "Coffee with the IT team", "Archived note", "Measured scan time")


def _positions(text: str, needles: tuple[str, ...]) -> list[int]:
    return [text.find(squeeze(needle)) for needle in needles]


@pytest.fixture
def english(ctx: ServiceContext, scenario: Scenario) -> str:
    return squeeze(
        "".join(page_texts(evidence_pdf(ctx, EvidenceTopic(scenario.project_id, scenario.request_id))))
    )


def test_a_change_request_pack_holds_its_entries_in_chronological_order(english: str) -> None:
    positions = _positions(english, IN_ORDER)
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    for summary in ABSENT:
        assert squeeze(summary) not in english, summary


def test_a_correction_and_its_original_are_both_shown_and_marked(english: str) -> None:
    assert "Correctedby#3:shownasfirstwritten" in english and "Correctionof#2" in english
    marker, original, correction = (
        english.index(s) for s in ("Correctedby#3", "Quoted5hours", "Quoted6hours")
    )
    assert marker < original < english.index("Correctionof#2") < correction


def test_letters_commitments_and_attachments_of_the_topic(english: str, scenario: Scenario) -> None:
    assert scenario.letter_fingerprint in english  # in full
    assert "Signed" in english and squeeze("Confirmed by e-mail, 王建国, 厂长") in english
    assert "Sendtheestimatesheet" in english
    assert squeeze("Met on 10 Mar 2026") in english and "Sentwiththedecisionletter" in english
    assert squeeze("Confirmed in writing: entry #5") in english  # the e-mail is entry #5
    assert squeeze("Confirm when the night shift closes") in english and "Open" in english
    assert "Commitmentoftheotherask" not in english
    assert scenario.attachment_sha256 in english and "estimatesheet.txt" in english
    assert scenario.other_attachment_sha256 not in english


def test_the_pack_in_chinese(ctx: ServiceContext, scenario: Scenario) -> None:
    topic = EvidenceTopic(scenario.project_id, scenario.request_id)
    pages = page_texts(evidence_pdf(ctx, topic, Language.ZH_CN))
    text = squeeze("".join(pages))
    assert "\x00" not in text  # no character vanished
    for phrase in (
        "证据包",
        "时间顺序记录",
        "已被#3更正（此处为原始记录）",
        "更正#2",
        "相关函件",
        "邮件确认",
        "已签署",
    ):
        assert phrase in text, phrase
    assert "承诺事项" in text and "附录：附件" in text and "已书面确认：记录#5" in text
    positions = _positions(text, IN_ORDER)
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert scenario.letter_fingerprint in text and scenario.attachment_sha256 in text
    assert "Talkedaboutanotherask" not in text
    long_text = "".join(pages)  # English in a Chinese pack keeps its spaces, also where it runs over pages
    assert "word00450" in long_text and not re.search(r"word\d{5}word", long_text)


@pytest.mark.parametrize(
    ("language", "page_label"), [(Language.EN, "Page {} / {}"), (Language.ZH_CN, "第 {} / {} 页")]
)
def test_every_page_carries_page_x_of_y_and_the_pack_fingerprint(
    ctx: ServiceContext, scenario: Scenario, language: Language, page_label: str
) -> None:
    data = build_evidence_pack(ctx, EvidenceTopic(scenario.project_id, scenario.request_id), language)
    pages = page_texts(render_evidence_pack(data))
    assert len(pages) >= 3  # the 10,000-character entry runs over a page
    for number, text in enumerate(pages, 1):
        assert page_label.format(number, len(pages)) in text
        assert data.meta.fingerprint[:12] in text and data.meta.reference in text


def test_hostile_text_prints_literally_and_whole(english: str) -> None:
    assert squeeze("<b>not bold</b> & <img src=/etc/passwd>") in english
    assert "{page}%s" in english
    assert "word00000" in english and LONG_WORDS.split()[-1] in english  # the last word of 10,000 characters


def test_the_fingerprint_is_the_sha256_of_the_canonical_content(
    ctx: ServiceContext, scenario: Scenario
) -> None:
    topic = EvidenceTopic(scenario.project_id, scenario.request_id)
    data = build_evidence_pack(ctx, topic)
    bare = replace(data, meta=replace(data.meta, fingerprint=""))
    assert data.meta.fingerprint == fingerprint(canonical_json(bare))
    assert render_evidence_pack(data) == evidence_pdf(ctx, topic)  # same records, same bytes
    changed = replace(bare, entries=data.entries[1:])
    assert fingerprint(canonical_json(changed)) != data.meta.fingerprint


def test_attachments_say_what_they_belong_to(ctx: ServiceContext, scenario: Scenario) -> None:
    data = build_evidence_pack(ctx, EvidenceTopic(scenario.project_id, scenario.request_id))
    attachments = [(a.filename, a.belongs_to, a.sha256) for a in data.attachments]
    assert attachments[0] == ("estimate sheet.txt", "#1", scenario.attachment_sha256)  # of entry #1
    assert attachments[1][:2] == ("the ask.txt", "CR-1") and len(attachments) == 2


def test_entries_name_what_they_link_to_and_a_commitment_the_letter_that_confirmed_it(
    ctx: ServiceContext, scenario: Scenario
) -> None:
    topic = EvidenceTopic(scenario.project_id, scenario.request_id)
    (letter,) = list_letters(ctx, scenario.project_id)
    draft = CommitmentDraft(
        project_id=scenario.project_id,
        description="Countersign the decision",
        due_date=date(2026, 3, 11),
        log_entry_id=scenario.entries["email"],
    )
    confirm_in_writing(ctx, record_commitment(ctx, draft).id, letter_id=letter.id)
    data = build_evidence_pack(ctx, topic)
    assert {entry.links for entry in data.entries} == {("CR-1",)}  # every entry is about CR-1
    by_description = {c.description: c.confirmed_by_letter for c in data.commitments}
    assert by_description["Countersign the decision"] == f"{letter.ref} v{letter.version}"
    assert by_description["Send the estimate sheet"] == ""  # confirmed by e-mail, not by a letter
    selection = build_evidence_pack(
        ctx, EvidenceTopic(scenario.project_id, log_entry_ids=(scenario.entries["expectation"],))
    )
    assert [entry.links for entry in selection.entries] == [("E-1",)]


def test_an_expectation_pack(ctx: ServiceContext, scenario: Scenario) -> None:
    data = build_evidence_pack(ctx, topic_by_ref(ctx, scenario.project_id, expectation="e-1"))
    assert [e.summary for e in data.entries] == ["Measured scan time: 1.4 s"]
    assert data.topic.ref == "E-1" and data.meta.reference.endswith("-EP-E-1")
    assert data.letters == () and data.commitments == ()
    request = DocumentRequest(scenario.project_id, LetterKind.EXPECTATION_CONFIRMATION)
    letter = issue_document(ctx, request).letter  # it lists E-1: it concerns the expectation
    data = build_evidence_pack(ctx, topic_by_ref(ctx, scenario.project_id, expectation="E-1"))
    assert [(x.reference, x.fingerprint) for x in data.letters] == [(letter.ref, letter.fingerprint)]
    assert data.letters[0].signature is None


def test_a_date_range_pack_holds_what_happened_in_it(ctx: ServiceContext, scenario: Scenario) -> None:
    topic = topic_by_ref(ctx, scenario.project_id, period=(date(2026, 3, 3), date(2026, 3, 5)))
    data = build_evidence_pack(ctx, topic)
    summaries = [e.summary for e in data.entries]
    assert summaries == [
        "Coffee with the IT team",
        "Quoted 5 hours",
        "Quoted 6 hours, not 5",
        "Talked about another ask",
    ]
    assert data.letters == ()  # the decision letter was issued on 16 Mar
    assert data.period_covered == (date(2026, 3, 3), date(2026, 3, 5))
    whole = build_evidence_pack(
        ctx, topic_by_ref(ctx, scenario.project_id, period=(date(2026, 3, 1), date(2026, 3, 16)))
    )
    assert len(whole.letters) == 1 and whole.letters[0].fingerprint == scenario.letter_fingerprint


def test_selected_entries_bring_their_correction_chain(ctx: ServiceContext, scenario: Scenario) -> None:
    topic = EvidenceTopic(
        scenario.project_id, log_entry_ids=(scenario.entries["correction"],), label="Search: hours"
    )
    data = build_evidence_pack(ctx, topic)
    assert [(e.number, e.summary, e.corrects, e.corrected_by) for e in data.entries] == [
        (1, "Quoted 5 hours", None, 2),
        (2, "Quoted 6 hours, not 5", 1, None),
    ]
    assert data.topic.title == "Search: hours"


@pytest.mark.parametrize(
    ("language", "expected"),
    [(Language.EN, "Log entries found by searching “hours”"), (Language.ZH_CN, "搜索“hours”找到的沟通记录")],
)
def test_a_search_selection_says_what_was_searched_in_the_pack_language(
    ctx: ServiceContext, scenario: Scenario, language: Language, expected: str
) -> None:
    topic = EvidenceTopic(
        scenario.project_id, log_entry_ids=(scenario.entries["correction"],), search_text="hours"
    )
    assert squeeze(expected) in squeeze(page_texts(evidence_pdf(ctx, topic, language))[0])


def test_a_topic_is_exactly_one_thing_of_this_project(ctx: ServiceContext, scenario: Scenario) -> None:
    with pytest.raises(ValidationError):
        build_evidence_pack(ctx, EvidenceTopic(scenario.project_id))
    with pytest.raises(ValidationError):
        build_evidence_pack(
            ctx, EvidenceTopic(scenario.project_id, scenario.request_id, scenario.expectation_id)
        )
    with pytest.raises(ValidationError):
        build_evidence_pack(
            ctx,
            EvidenceTopic(scenario.project_id, period_start=date(2026, 3, 5), period_end=date(2026, 3, 1)),
        )
    with pytest.raises(NotFoundError):
        topic_by_ref(ctx, scenario.project_id, change_request="CR-99")
    elsewhere = make_project(ctx, make_client(ctx, "Other client")[0], code="DD-2026-099")
    with pytest.raises(ValidationError, match="topic"):
        build_evidence_pack(ctx, EvidenceTopic(elsewhere, scenario.request_id))


def test_an_exported_pack_keeps_a_copy_that_verify_checks(
    ctx: ServiceContext, scenario: Scenario, tmp_path: Path
) -> None:
    """Evidence packs are not issued, but a copy shown later can still be checked: exact, re-saved
    (same content) or edited (modified)."""
    import pikepdf

    from deliverydesk.services.documents.verify import Verdict, verify_pdf
    from deliverydesk.services.evidence.pack import export_evidence_pack

    out = tmp_path / "pack.pdf"
    result = export_evidence_pack(ctx, EvidenceTopic(scenario.project_id, scenario.request_id), out)
    pdf = out.read_bytes()
    exact = verify_pdf(ctx, pdf)
    assert exact.verdict is Verdict.EXACT and exact.document == f"evidence pack {result.reference}"
    with pikepdf.open(out) as document:
        resaved = tmp_path / "resaved.pdf"
        document.save(resaved, compress_streams=True)
    assert verify_pdf(ctx, resaved.read_bytes()).verdict is Verdict.SAME_CONTENT
