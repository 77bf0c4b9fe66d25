"""search_records on a migrated SQLite file: Chinese and English, every kind, kept in sync, scoped."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.domain.drafts import IssueDraft, LogEntryDraft
from deliverydesk.domain.search import SearchKind
from deliverydesk.services import search as service_search
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.issues import get_issue, update_issue
from deliverydesk.services.records.log import add_log_entry, correct_log_entry
from deliverydesk.services.records.projects import archive_project
from deliverydesk.services.scope_guard.change_requests import archive_change_request, restore_change_request
from deliverydesk.services.search import search_records
from deliverydesk.store import search as store_search
from deliverydesk.store.tables import ExpectationRow
from tests.integration.search.conftest import WHEN, Records


def found(ctx: ServiceContext, query: str, **options: object) -> set[str]:
    return {hit.record_id for hit in search_records(ctx, query, **options).rows}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "attribute"),
    [
        ("增加现场培训", "log_id"),  # Chinese, 3+ characters: the trigram index
        ("报表导出", "change_request_id"),
        ("超出合同范围", "change_request_id"),  # the decision's rationale is searched too
        ("看板实时", "expectation_id"),
        ("固件版本", "issue_id"),
        ("On-Site TRAINING", "log_id"),  # English, any case
        ("monthly yield", "change_request_id"),
        ("latency", "expectation_id"),
        ("barcode scanner", "issue_id"),
        ("李 Li Na", None),  # every term must match: 李 is nowhere
    ],
)
def test_each_kind_is_found_by_its_own_words(
    ctx: ServiceContext, records: Records, query: str, attribute: str | None
) -> None:
    expected = {getattr(records, attribute)} if attribute else set()
    assert found(ctx, query) == expected


def test_two_character_chinese_terms_are_found_without_the_index(
    ctx: ServiceContext, records: Records
) -> None:
    assert found(ctx, "合同") == {records.log_id, records.change_request_id}
    assert found(ctx, "合同 Excel") == {records.change_request_id}  # a short and a long term together
    assert found(ctx, "看板") == {records.expectation_id}


def test_a_hit_names_its_project_ref_title_and_marks_the_match(ctx: ServiceContext, records: Records) -> None:
    (hit,) = search_records(ctx, "固件").rows
    assert (hit.kind, hit.project_code, hit.ref, hit.title) == (
        SearchKind.ISSUE,
        "DD-2026-014",
        "I-1",
        "Barcode scanner drops reads",
    )
    assert hit.when == date(2026, 3, 12)
    assert [part.text for part in hit.snippet if part.matched] == ["固件"]
    (entry,) = search_records(ctx, "增加现场").rows
    assert entry.when == WHEN and entry.ref == "" and entry.title == "客户要求增加现场培训"


def test_scope_one_project_or_all(ctx: ServiceContext, records: Records) -> None:
    assert found(ctx, "现场培训") == {records.log_id, records.other_log_id}
    assert found(ctx, "现场培训", project_id=records.other_project_id) == {records.other_log_id}
    assert found(ctx, "培训", project_id=records.project_id) == {records.log_id}


def test_a_project_with_many_records_is_searched_through_the_index(
    ctx: ServiceContext, records: Records, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_search, "MAX_SCANNED_DOCS", 0)  # every project counts as big
    assert found(ctx, "现场培训", project_id=records.other_project_id) == {records.other_log_id}
    assert found(ctx, "合同 第三条", project_id=records.project_id) == {records.log_id}
    assert found(ctx, "培训", project_id=records.project_id) == {records.log_id}  # short: checked only


def test_the_count_stops_one_past_the_cap(
    ctx: ServiceContext, records: Records, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_search, "MAX_MATCHES", 1)
    draft = LogEntryDraft(project_id=records.project_id, occurred_at=WHEN, summary="第三次现场培训")
    newest = add_log_entry(ctx, draft)
    page = search_records(ctx, "现场培训")
    assert page.total == 2  # "more than 1": three match, the count stops at two
    assert page.rows[0].record_id == newest.id  # newest written first


def test_kinds_filter(ctx: ServiceContext, records: Records) -> None:
    assert found(ctx, "合同", kinds=[SearchKind.CHANGE_REQUEST]) == {records.change_request_id}
    assert found(ctx, "合同", kinds=[SearchKind.ISSUE, SearchKind.EXPECTATION]) == set()


def test_an_update_is_searchable_at_once_and_the_old_words_are_gone(
    ctx: ServiceContext, records: Records
) -> None:
    issue = get_issue(ctx, records.issue_id)
    draft_fields = {name: getattr(issue, name) for name in ("id", "project_id", "title", "reported_on")}
    update_issue(ctx, IssueDraft(**draft_fields, resolution="更换为新型号扫描器", root_cause=""))
    assert found(ctx, "新型号") == {records.issue_id}
    assert found(ctx, "固件版本") == set()


def test_archived_records_and_projects_only_when_asked(ctx: ServiceContext, records: Records) -> None:
    archive_change_request(ctx, records.change_request_id)
    assert found(ctx, "报表导出") == set()
    (hit,) = search_records(ctx, "报表导出", include_archived=True).rows
    assert hit.archived
    restore_change_request(ctx, records.change_request_id)
    assert found(ctx, "报表导出") == {records.change_request_id}
    archive_project(ctx, records.other_project_id)
    assert found(ctx, "现场培训") == {records.log_id}
    assert found(ctx, "现场培训", include_archived=True) == {records.log_id, records.other_log_id}


def test_a_deleted_row_leaves_the_index(ctx: ServiceContext, records: Records) -> None:
    with ctx.db.unit_of_work() as session:  # as a bundle import or a sync may do
        session.delete(session.get(ExpectationRow, records.expectation_id))
    assert found(ctx, "看板实时") == set()
    with ctx.db.engine.connect() as connection:
        connection.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")


def test_a_correction_and_its_original_are_both_found_and_marked(
    ctx: ServiceContext, records: Records
) -> None:
    draft = LogEntryDraft(
        project_id=records.project_id,
        occurred_at=WHEN,
        summary="客户要求增加两天现场培训",
        details="更正：两天",
    )
    correction = correct_log_entry(ctx, records.log_id, draft)
    hits = {hit.record_id: hit for hit in search_records(ctx, "增加").rows}
    assert set(hits) == {records.log_id, correction.id}
    assert hits[correction.id].is_correction and not hits[correction.id].corrected
    assert hits[records.log_id].corrected and not hits[records.log_id].is_correction


@pytest.mark.parametrize(
    "query",
    [
        'report "*" AND (x',
        "NOT OR AND NEAR(a b, 3)",
        "col:value ^x -y +z * ( ) {a b}",
        "'; DROP TABLE log_entry; --",
        "100% _done \\",
        "😀👍🏽",
        "合" * 10_000,
        '"',
        "\x00 \u202e",
    ],
)
def test_hostile_queries_find_nothing_and_raise_nothing(
    ctx: ServiceContext, records: Records, query: str
) -> None:
    assert found(ctx, query) == set()
    assert found(ctx, query, project_id=records.project_id) == set()


def test_operators_in_the_text_are_found_literally(ctx: ServiceContext, records: Records) -> None:
    draft = LogEntryDraft(
        project_id=records.project_id, occurred_at=WHEN, summary='He wrote "A AND (B OR C*)" 100%_done'
    )
    entry = add_log_entry(ctx, draft)
    assert found(ctx, '"A AND (B OR C*)"') == {entry.id}
    assert found(ctx, "OR C*)") == {entry.id}
    assert found(ctx, "%_") == {entry.id}  # LIKE wildcards are characters here (a short term)
    assert found(ctx, "%d") == set()
    assert found(ctx, "100%_done") == {entry.id}  # and in an indexed term
    assert found(ctx, "0_%don") == set()  # as wildcards it would match "00%_don"


def test_pages_and_total(ctx: ServiceContext, records: Records) -> None:
    first = search_records(ctx, "现场培训", limit=1)
    second = search_records(ctx, "现场培训", offset=1, limit=1)
    assert (first.total, second.total) == (2, 2)
    assert first.has_more and not second.has_more
    assert {first.rows[0].record_id, second.rows[0].record_id} == {records.log_id, records.other_log_id}
    assert search_records(ctx, "现场培训", offset=5).total == 2
    assert search_records(ctx, "   ").total == 0


@pytest.mark.parametrize("typed", ["\x00", "\x00\x00", "\x07", "\x1b[2J"])
def test_control_characters_are_stripped_so_a_lone_nul_matches_nothing(
    ctx: ServiceContext, records: Records, typed: str
) -> None:
    """A lone NUL used to match every record (SQLite's LIKE pattern ends at a NUL)."""
    assert found(ctx, typed) == (set() if typed != "\x1b[2J" else found(ctx, "[2J"))
    assert found(ctx, "固\x00件") == found(ctx, "固件") != set()
