"""CSV for spreadsheet programs: UTF-8 with BOM (Chinese opens correctly), CRLF, a header in the chosen
language, formula cells neutralised; written atomically, also from the command line."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from deliverydesk import cli
from deliverydesk.domain.enums import Language, Severity
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.learning.csv_export import csv_bytes, issue_register_csv, recurrence_csv, write_csv
from deliverydesk.services.learning.recurrence import recurring_problems
from deliverydesk.store.database import Database
from tests.integration.recurrence.conftest import category, client, issue, project

HOSTILE = '=HYPERLINK("http://evil.example","点我")'


def _table(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_bytes_start_with_the_bom_and_round_trip_chinese_with_crlf() -> None:
    data = csv_bytes(["标题", "Count"], [["数据迁移后客户编码重复", 3], ["line\nbreak, comma", None]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").startswith("标题,Count\r\n")
    assert _table(data) == [["标题", "Count"], ["数据迁移后客户编码重复", "3"], ["line\nbreak, comma", ""]]


def test_formula_cells_are_neutralised_and_numbers_are_left_alone() -> None:
    cells = [HOSTILE, "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "a = b", -5, 1.5]
    [row] = _table(csv_bytes(["x"] * len(cells), [cells]))[1:]
    assert row == [
        "'" + HOSTILE,
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(A1:A2)",
        "'\t=1",
        "a = b",
        "-5",
        "1.5",
    ]


def test_issue_register_in_chinese_with_every_column(ctx: ServiceContext) -> None:
    migration = category(ctx, "Data migration", "数据迁移")
    here = project(ctx, client(ctx, "华东精密"), "DD-1")
    for n in range(1, 11):  # I-1 .. I-10: number order, not text order
        issue(ctx, here, f"问题 {n}", on=date(2026, 3, 1))
    issue(
        ctx,
        project(ctx, client(ctx, "Other"), "DD-2"),
        HOSTILE,
        on=date(2026, 3, 2),
        category_id=migration,
        severity=Severity.HIGH,
        symptoms="客户编码重复",
        resolved_on=date(2026, 3, 5),
    )
    table = _table(issue_register_csv(ctx, language=Language.ZH_CN))
    assert table[0][:4] == ["项目编号", "项目名称", "客户", "编号"] and table[0][6] == "严重程度"
    assert [row[3] for row in table[1:11]] == [f"I-{n}" for n in range(1, 11)]
    last = table[-1]
    assert last[:5] == ["DD-2", "Project DD-2", "Other", "I-1", "'" + HOSTILE]
    assert last[5:10] == ["数据迁移", "高", "2026-03-02", "2026-03-05", "客户编码重复"]
    one_project = _table(issue_register_csv(ctx, project_id=here, language=Language.EN))
    assert one_project[0][0] == "Project code" and len(one_project) == 11


def test_recurrence_table_in_both_languages(ctx: ServiceContext) -> None:
    migration = category(ctx, "Data migration", "数据迁移")
    for n, name in enumerate(("甲公司", "乙公司", "丙公司")):
        issue(
            ctx,
            project(ctx, client(ctx, name), f"DD-{n}"),
            "编码重复",
            on=date(2026, 3, 1),
            category_id=migration,
        )
    rows = recurring_problems(ctx, kind="issues", since=date(2026, 1, 1), until=date(2026, 3, 16))
    chinese = _table(recurrence_csv(rows, Language.ZH_CN))
    assert chinese[0][:2] == ["类别", "客户数"]
    assert chinese[1][:3] == ["数据迁移", "3", "丙公司；乙公司；甲公司"]
    assert chinese[1][-1] == "上升"  # all three in the second half
    english = _table(recurrence_csv(rows, Language.EN))
    assert english[1][0] == "Data migration" and english[1][-1] == "Rising"


def test_write_csv_replaces_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    out.write_bytes(b"old")
    write_csv(out, csv_bytes(["a"], [["中文"]]))
    assert out.read_bytes().decode("utf-8-sig") == "a\r\n中文\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["register.csv"]  # no temp file left


def test_command_line_writes_both_exports(ctx: ServiceContext, migrated_db: Database, tmp_path: Path) -> None:
    migration = category(ctx, "Data migration", "数据迁移")
    for name in ("A", "B", "C"):
        issue(
            ctx,
            project(ctx, client(ctx, name), f"DD-{name}"),
            "Codes",
            on=date(2026, 3, 1),
            category_id=migration,
        )
    url, out = migrated_db.url, tmp_path / "out.csv"
    assert cli.main(["export-csv", "--issues", "--project", "DD-A", "--db-url", url, "--out", str(out)]) == 0
    assert [row[0] for row in _table(out.read_bytes())] == ["Project code", "DD-A"]
    argv = [
        "export-csv",
        "--recurrence",
        "--since",
        "2026-01-01",
        "--until",
        "2026-03-16",
        "--min-clients",
        "3",
    ]
    assert cli.main([*argv, "--lang", "zh_CN", "--db-url", url, "--out", str(out)]) == 0
    assert _table(out.read_bytes())[1][:2] == ["数据迁移", "3"]
    assert (
        cli.main(["export-csv", "--issues", "--since", "2026-01-01", "--db-url", url, "--out", str(out)]) == 2
    )
    assert (
        cli.main(["export-csv", "--recurrence", "--min-clients", "0", "--db-url", url, "--out", str(out)])
        == 2
    )
