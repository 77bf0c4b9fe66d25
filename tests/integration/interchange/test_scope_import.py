"""Scope from spreadsheets: hand-written CSV (UTF-8 with BOM, UTF-8, GBK) and XLSX lists in English and
Chinese, with bad rows; verdicts in words; all or nothing; the mapping remembered per client."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from deliverydesk.errors import ImportFileError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.changes import Action, Kind
from deliverydesk.services.interchange.scope_import import (
    ScopeRequest,
    import_scope,
    mapping_for,
    preview_scope_import,
    read_spreadsheet,
    remembered_mapping,
)
from deliverydesk.services.records.history import record_history
from deliverydesk.services.records.milestones import list_milestone_changes, list_milestones
from deliverydesk.services.records.scope import list_exclusions, list_scope_items
from tests.integration.interchange.conftest import DATA, Project
from tests.integration.services.conftest import make_project


def _request(
    ctx: ServiceContext, project: Project, path: Path, sheet: str | None = None, **given: str
) -> ScopeRequest:
    table = read_spreadsheet(path, sheet)
    return ScopeRequest(project.id, table, mapping_for(ctx, project.id, table, given))


def _nothing_in(ctx: ServiceContext, project: Project) -> bool:
    return not (
        list_scope_items(ctx, project.id).rows
        or list_exclusions(ctx, project.id).rows
        or list_milestones(ctx, project.id).rows
    )


def test_an_english_csv_with_a_byte_order_mark_and_bad_rows(ctx: ServiceContext, project: Project) -> None:
    request = _request(ctx, project, DATA / "scope_en_bom.csv")
    assert request.table.encoding == "UTF-8 with BOM"
    assert request.mapping == {
        "kind": "Type",
        "title": "Deliverable",
        "description": "Description",
        "acceptance": "Acceptance criteria",
        "effort": "Effort (h)",
        "due": "Due date",
    }

    preview = preview_scope_import(ctx, request)

    errors = {line.key: str(line.message) for line in preview.lines if line.action is Action.ERROR}
    assert errors == {
        "6": "row 6: the due date 31/02 does not exist",
        "7": "row 7: the title is empty",
        "8": "row 8: the effort “abc” is not a number of hours",
        "9": "row 9: the same title as row 2",
        "10": "row 10: the kind “Deliverables” is not scope, exclusion or milestone",
        "11": "row 11: the due date 03/31/2026 does not exist (dates are read day first: 31/03/2026)",
    }
    kinds = {line.key: line.kind for line in preview.lines if line.action is Action.NEW}
    assert kinds == {"2": Kind.SCOPE_ITEM, "3": Kind.SCOPE_ITEM, "4": Kind.EXCLUSION, "5": Kind.MILESTONE}
    with pytest.raises(ImportFileError, match="6 rows cannot be imported, the first: row 6") as caught:
        import_scope(ctx, request)
    assert str(caught.value.hint) == "Nothing was imported."
    assert _nothing_in(ctx, project)  # all or nothing


def test_a_chinese_gbk_csv_is_detected_and_its_bad_rows_named(ctx: ServiceContext, project: Project) -> None:
    request = _request(ctx, project, DATA / "scope_zh_gbk.csv")
    assert request.table.encoding == "GBK"
    assert request.mapping["title"] == "交付物" and request.mapping["effort"] == "工时(小时)"

    preview = preview_scope_import(ctx, request)

    lines = {line.key: line for line in preview.lines}
    assert (lines["3"].action, lines["3"].name) == (Action.NEW, "操作员培训")  # "12 小时" is 12 hours
    assert lines["5"].first_date == date(2026, 5, 15)  # 2026年5月15日
    assert str(lines["6"].message) == "row 6: the due date 2026/13/01 does not exist"
    assert str(lines["7"].message) == "row 7: the effort “-5” cannot be negative"


def test_a_clean_list_imports_in_one_audited_transaction(ctx: ServiceContext, project: Project) -> None:
    outcome = import_scope(ctx, _request(ctx, project, DATA / "scope_zh_utf8.csv"))

    [item] = list_scope_items(ctx, project.id).rows
    assert (item.title, item.description, item.acceptance_criteria, item.effort_hours) == (
        "条码追溯模块",
        "批次条码贯穿投料到成品",
        "抽查 50 个批次可完整追溯",
        80.0,
    )
    assert [x.text for x in list_exclusions(ctx, project.id).rows] == ["网络布线（由客户负责）"]
    [milestone] = list_milestones(ctx, project.id).rows
    assert (milestone.name, milestone.baseline_date) == ("试运行", date(2026, 5, 15))
    assert [line.ref for line in outcome.lines] == [item.ref, "X-1", milestone.ref]
    [event] = [e for e in record_history(ctx, project.id).events if e.action == "import"]
    changes = {change.field: change.after for change in event.changes}
    assert (changes["file"], changes["format"], changes["new"]) == ("scope_zh_utf8.csv", "CSV (UTF-8)", 3)


def test_importing_again_updates_instead_of_duplicating(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    import_scope(ctx, _request(ctx, project, DATA / "scope_en_good.csv"))
    again = import_scope(ctx, _request(ctx, project, DATA / "scope_en_good.csv"))
    assert {line.action for line in again.lines} == {Action.UNCHANGED}

    changed = tmp_path / "scope v2.csv"
    text = (DATA / "scope_en_good.csv").read_text(encoding="utf-8")
    changed.write_text(text.replace("15/05/2026", "22/05/2026").replace(",16,", ",20,"), encoding="utf-8")
    outcome = import_scope(ctx, _request(ctx, project, changed))

    assert (
        len(list_scope_items(ctx, project.id).rows) == 2 and len(list_milestones(ctx, project.id).rows) == 2
    )
    updated = {
        line.name: tuple(map(str, line.changes)) for line in outcome.lines if line.action is Action.UPDATE
    }
    assert updated == {
        "Operator training (2 sessions)": ("effort changed",),
        "Pilot line live": ("baseline: 2026-05-15 → 2026-05-22",),
    }
    pilot = next(m for m in list_milestones(ctx, project.id).rows if m.name == "Pilot line live")
    [change] = list_milestone_changes(ctx, pilot.id)
    assert (change.field, change.reason) == ("baseline", "imported from scope v2.csv")


def test_an_xlsx_sheet_is_chosen_and_its_mapping_remembered_for_the_client(
    ctx: ServiceContext, project: Project
) -> None:
    cover = read_spreadsheet(DATA / "scope_lists.xlsx")
    assert cover.sheets == ("Cover", "Scope EN", "范围 中文") and cover.sheet == "Cover"

    english = preview_scope_import(ctx, _request(ctx, project, DATA / "scope_lists.xlsx", "Scope EN"))
    errors = {line.key: str(line.message) for line in english.lines if line.action is Action.ERROR}
    assert errors == {
        "5": "row 5: the due date 30/02/2026 does not exist",
        "6": "row 6: the effort “ten” is not a number of hours",
    }
    assert next(line for line in english.lines if line.key == "3").first_date == date(
        2026, 4, 17
    )  # a date cell

    mapping = {"kind": "类型", "title": "交付物", "description": "说明", "effort": "工时", "due": "截止日期"}
    import_scope(ctx, _request(ctx, project, DATA / "scope_lists.xlsx", "范围 中文", **mapping))
    assert remembered_mapping(ctx, project.id) == mapping
    # the client's next project maps itself from what was remembered (not from a guess)
    other = Project(
        make_project(ctx, project.client_id, code="DD-2026-021"), "DD-2026-021", project.client_id
    )
    table = read_spreadsheet(DATA / "scope_lists.xlsx", "范围 中文")
    assert mapping_for(ctx, other.id, table, {}) == mapping


def test_a_mapping_without_a_title_column_is_refused(ctx: ServiceContext, project: Project) -> None:
    request = _request(ctx, project, DATA / "scope_en_good.csv", due="Due date")
    with pytest.raises(ValidationError, match="Choose the column that holds the title"):
        preview_scope_import(ctx, request)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"\xff\xfe\x00\x00binary", "not text in UTF-8 or GBK"),
        (b"PK\x03\x04 not really a zip", "not a readable XLSX workbook"),
        (b"\n\n", "is empty"),
    ],
)
def test_unreadable_files_are_refused_in_words(tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match=match):
        read_spreadsheet(path)


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from deliverydesk.services.interchange import sheets

    monkeypatch.setattr(sheets, "MAX_UNZIPPED_BYTES", 10_000)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)
    assert path.stat().st_size < 10_000
    with pytest.raises(ImportFileError, match="unpacks to more than"):
        read_spreadsheet(path)
