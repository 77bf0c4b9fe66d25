"""The interchange commands: import-msproject, export-msproject, export-ical, import-scope."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from tests.integration.cli.conftest import Run

DATA = Path(__file__).resolve().parents[2] / "data" / "interchange"


def test_import_msproject_then_again_then_export(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    plan = DATA / "msproject_plan.xml"
    dry = run(
        "import-msproject",
        plan,
        "--project",
        "dd-2026-014",
        "--scope-task",
        "5",
        "--dry-run",
        "--data-dir",
        demo_dir,
    )
    assert dry.code == 0 and dry.out_lines[-1].endswith(
        "9 new, 0 updated, 0 unchanged, 4 skipped; nothing was written."
    )
    first = run(
        "import-msproject", plan, "--project", "DD-2026-014", "--scope-task", "5", "--data-dir", demo_dir
    )
    assert first.code == 0, first.err
    assert any("new        milestone M-" in line and "Pilot line live" in line for line in first.out_lines)
    again = run(
        "import-msproject", plan, "--project", "DD-2026-014", "--scope-task", "5", "--data-dir", demo_dir
    )
    assert again.out_lines[-1].endswith("0 new, 0 updated, 9 unchanged, 4 skipped.")

    out = tmp_path / "plan.xml"
    exported = run("export-msproject", "--project", "DD-2026-014", "--out", out, "--data-dir", demo_dir)
    assert exported.code == 0 and out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"')
    assert "Pilot line live" in out.read_text(encoding="utf-8")


def test_import_msproject_refusals(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "plan.xml"
    hostile.write_text('<!DOCTYPE x [<!ENTITY a "b">]><Project>&a;</Project>', encoding="utf-8")
    refused = run("import-msproject", hostile, "--project", "DD-2026-014", "--data-dir", demo_dir)
    assert refused.code == 1 and "DTD or entities" in refused.err and "Nothing was imported." in refused.err
    unknown = run(
        "import-msproject", DATA / "msproject_plan.xml", "--project", "NOPE-1", "--data-dir", demo_dir
    )
    assert unknown.code == 1 and "No project has the code 'NOPE-1'" in unknown.err
    bad_uid = run(
        "import-msproject", DATA / "msproject_plan.xml", "--project", "DD-2026-014", "--scope-task", "x"
    )
    assert bad_uid.code == 2


def test_export_ical_one_or_all(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    one = run(
        "export-ical", "--project", "DD-2026-014", "--out", tmp_path / "one.ics", "--data-dir", demo_dir
    )
    every = run("export-ical", "--all", "--out", tmp_path / "all.ics", "--data-dir", demo_dir)
    assert one.code == every.code == 0
    events = [
        list(Calendar.from_ical((tmp_path / n).read_bytes()).walk("VEVENT")) for n in ("one.ics", "all.ics")
    ]
    assert 0 < len(events[0]) < len(events[1])
    assert (
        run("export-ical", "--out", tmp_path / "x.ics", "--data-dir", demo_dir).code == 2
    )  # --project or --all


def test_import_scope_all_or_nothing_and_with_a_map(run: Run, demo_dir: Path) -> None:
    bad = run("import-scope", DATA / "scope_en_bom.csv", "--project", "DD-2026-014", "--data-dir", demo_dir)
    assert bad.code == 1 and "6 row(s) cannot be imported; nothing was imported." in bad.err
    assert any("row 6: the due date 31/02 does not exist" in line for line in bad.out_lines)

    mapped = run(
        "import-scope",
        DATA / "scope_lists.xlsx",
        "--sheet",
        "范围 中文",
        "--project",
        "DD-2026-014",
        "--map",
        "title=交付物",
        "--map",
        "kind=类型",
        "--map",
        "due=截止日期",
        "--data-dir",
        demo_dir,
    )
    assert mapped.code == 0, mapped.err
    assert mapped.out_lines[-1].startswith("Imported scope_lists.xlsx") and "3 new" in mapped.out_lines[-1]
    wrong = run(
        "import-scope",
        DATA / "scope_en_good.csv",
        "--project",
        "DD-2026-014",
        "--map",
        "title",
        "--data-dir",
        demo_dir,
    )
    assert wrong.code == 2 and "FIELD=COLUMN" in wrong.err
