"""The command line in-process: every command, options before or after it, one-line errors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from deliverydesk import __version__
from deliverydesk.cli import handlers
from deliverydesk.services.storage import OpenOptions, open_workspace
from tests.integration.cli.conftest import Run, assert_one_clear_line

CODE_LINE = re.compile(r"^DD-\d{4}-\d{3}  ")
COMMANDS = (
    "demo",
    "check",
    "backup",
    "backups",
    "restore",
    "list-projects",
    "export-bundle",
    "import-bundle",
)


def test_help_lists_every_command_and_the_exit_codes(run: Run) -> None:
    result = run("--help")
    assert result.code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\b", result.out, re.MULTILINE), name
    for code in ("0", "1", "2", "3", "4"):
        assert re.search(rf"^\s+{code}\s+\w", result.out, re.MULTILINE), code


def test_each_command_has_help(run: Run) -> None:
    for name in COMMANDS:
        result = run(name, "--help")
        assert (result.code, result.err) == (0, ""), name
        assert "--data-dir" in result.out


def test_demo_then_list_projects(run: Run, tmp_path: Path) -> None:
    demo = run("demo", "--data-dir", tmp_path)
    assert demo.code == 0, demo.err
    assert (tmp_path / "deliverydesk.db").is_file()

    listed = run("list-projects", "--data-dir", tmp_path)
    assert listed.code == 0
    assert len(listed.out_lines) >= 5
    assert all(CODE_LINE.match(line) for line in listed.out_lines), listed.out
    assert "DD-2026-014" in listed.out and "华东精密制造有限公司" in listed.out  # bilingual, shown as is


def test_demo_refuses_a_database_that_has_projects(run: Run, demo_dir: Path) -> None:
    before = run("list-projects", "--data-dir", demo_dir).out
    assert_one_clear_line(run("demo", "--data-dir", demo_dir), "already has")
    assert run("list-projects", "--data-dir", demo_dir).out == before


def test_list_projects_json_for_scripts(run: Run, demo_dir: Path) -> None:
    lines = run("list-projects", "--data-dir", demo_dir).out_lines
    result = run("list-projects", "--json", "--data-dir", demo_dir)
    assert result.code == 0
    projects = json.loads(result.out)
    assert [p["code"] for p in projects] == [line.split()[0] for line in lines]
    assert {"id", "code", "name", "client_name", "status"} <= set(projects[0])


def test_list_projects_filters(run: Run, demo_dir: Path) -> None:
    active = run("list-projects", "--status", "active", "--data-dir", demo_dir).out_lines
    assert active and all("  active  " in line for line in active)
    assert (
        run("list-projects", "--text", "MES", "--data-dir", demo_dir).out_lines[0].startswith("DD-2026-014")
    )


def test_storage_options_go_before_or_after_the_command(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    before = run("--data-dir", demo_dir, "list-projects")
    after = run("list-projects", "--data-dir", demo_dir)
    assert before.code == after.code == 0
    assert before.out == after.out != ""
    url = f"sqlite:///{demo_dir / 'deliverydesk.db'}"
    elsewhere = tmp_path / "elsewhere"
    assert run("--db-url", url, "--data-dir", elsewhere, "list-projects").out == before.out
    assert run("list-projects", "--db-url", url, "--data-dir", elsewhere).out == before.out


def test_db_url_from_the_environment(run: Run, demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DELIVERYDESK_DB_URL", f"sqlite:///{demo_dir / 'deliverydesk.db'}")
    assert run("list-projects", "--data-dir", demo_dir / "other").out_lines[0].startswith("DD-")


def test_check_a_healthy_database(run: Run, demo_dir: Path) -> None:
    result = run("check", "--data-dir", demo_dir)
    assert result.code == 0, result.out
    assert "integrity: ok" in result.out and "foreign keys: ok" in result.out


def test_check_a_relative_data_folder_with_backups(
    run: Run, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``deliverydesk --data-dir d1 check`` after a backup: a relative backup path cannot be a file
    URI, and the check ended in "unexpected ValueError (a bug)" (exit 4) instead of its report."""
    monkeypatch.chdir(demo_dir.parent)
    relative = Path(demo_dir.name)
    assert run("backup", "--data-dir", relative).code == 0
    result = run("check", "--data-dir", relative)
    assert result.code == 0, result.err
    assert "integrity: ok" in result.out and "Traceback" not in result.err


def test_check_a_garbage_file(run: Run, tmp_path: Path) -> None:
    (tmp_path / "deliverydesk.db").write_bytes(b"this is not a database " * 100)
    result = run("check", "--data-dir", tmp_path)
    assert result.code == 3
    assert "not a DeliveryDesk database" in result.out
    assert (tmp_path / "deliverydesk.db").read_bytes() == b"this is not a database " * 100


def test_commands_on_a_garbage_file_give_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "deliverydesk.db").write_bytes(b"\x00garbage" * 100)
    for argv in (["list-projects"], ["demo"], ["backup"], ["export-bundle", "--project", "X", "--out", "x"]):
        assert_one_clear_line(run(*argv, "--data-dir", tmp_path), "not a DeliveryDesk database")


@pytest.mark.parametrize(
    "url", ["nonsense", "nosuchdriver://x/y", "postgresql+nosuchdbapi://user:secret@host/db"]
)
def test_an_unusable_db_url_gives_one_line_without_echoing_it(run: Run, tmp_path: Path, url: str) -> None:
    result = run("list-projects", "--data-dir", tmp_path, "--db-url", url)
    assert result.code == 1
    assert_one_clear_line(result, "database URL cannot be used")
    assert "secret" not in result.err


def test_a_missing_database_is_named(run: Run, tmp_path: Path) -> None:
    assert_one_clear_line(run("list-projects", "--data-dir", tmp_path), "no DeliveryDesk database")


def test_backup_backups_and_restore_latest(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    assert run("backups", "--data-dir", demo_dir).out.startswith("No backups yet")
    taken = run("backup", "--data-dir", demo_dir)
    assert taken.code == 0, taken.err
    listed = run("backups", "--data-dir", demo_dir).out_lines
    assert listed[-1].startswith(
        "To copy the database elsewhere while DeliveryDesk runs, use 'deliverydesk backup'"
    )
    listed = listed[:-1]
    assert len(listed) == 1 and listed[0].endswith(".db") and str(demo_dir / "backups") in listed[0]
    original = run("list-projects", "--json", "--data-dir", demo_dir).out

    bundle = tmp_path / "p.json"  # change the data: re-import the project under another name
    assert run("export-bundle", "--project", "DD-2026-014", "--out", bundle, "--data-dir", demo_dir).code == 0
    edited = json.loads(bundle.read_text(encoding="utf-8"))
    edited["records"]["project"][0]["name"] = "Renamed after the backup"
    edited["records"]["project"][0]["row_version"] += 1  # a newer version, as its source would write
    bundle.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    assert " 1 updated " in run("import-bundle", bundle, "--data-dir", demo_dir).out
    assert "Renamed after the backup" in run("list-projects", "--data-dir", demo_dir).out

    restored = run("restore", "--latest", "--data-dir", demo_dir)
    assert restored.code == 0, restored.err
    assert run("list-projects", "--json", "--data-dir", demo_dir).out == original
    assert (
        len(run("backups", "--data-dir", demo_dir).out_lines) == 3
    )  # plus the safety copy of the replaced file, and the note on copying


def test_restore_needs_latest_or_a_file(run: Run, demo_dir: Path) -> None:
    for argv in (["restore"], ["restore", "--latest", "x.db"]):
        result = run(*argv, "--data-dir", demo_dir)
        assert result.code == 2 and len(result.err_lines) == 1


def test_restore_latest_without_backups(run: Run, demo_dir: Path) -> None:
    assert_one_clear_line(run("restore", "--latest", "--data-dir", demo_dir), "no backups")


def test_export_import_round_trip(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    first, second, fresh = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "fresh"
    exported = run("export-bundle", "--project", "DD-2026-014", "--out", first, "--data-dir", demo_dir)
    assert exported.code == 0 and exported.out.startswith("Exported DD-2026-014:")

    imported = run("import-bundle", first, "--data-dir", fresh)  # a new data folder: created
    assert imported.code == 0, imported.err
    assert "Imported DD-2026-014" in imported.out and "new database" in imported.out
    again = run("import-bundle", first, "--data-dir", fresh)
    assert " 0 new and 0 updated records" in again.out

    assert run("export-bundle", "--project", "DD-2026-014", "--out", second, "--data-dir", fresh).code == 0
    strip = re.compile(r'"exported_at": "[^"]*"')
    assert strip.sub("", first.read_text(encoding="utf-8")) == strip.sub(
        "", second.read_text(encoding="utf-8")
    )
    assert [line.split()[0] for line in run("list-projects", "--data-dir", fresh).out_lines] == [
        "DD-2026-014"
    ]


def test_an_unknown_project_code_gives_one_clear_line(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    result = run(
        "export-bundle", "--project", "DD-1999-404", "--out", tmp_path / "b.json", "--data-dir", demo_dir
    )
    assert_one_clear_line(result, "DD-1999-404")
    assert result.code == 1 and result.out == ""
    assert not (tmp_path / "b.json").exists()


def test_a_hostile_bundle_gives_one_clear_line(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    before = run("list-projects", "--json", "--data-dir", demo_dir).out
    (tmp_path / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    assert_one_clear_line(
        run("import-bundle", tmp_path / "deep.json", "--data-dir", demo_dir), "Nothing was imported"
    )
    assert_one_clear_line(
        run("import-bundle", tmp_path / "missing.json", "--data-dir", demo_dir), "Cannot read"
    )
    assert run("list-projects", "--json", "--data-dir", demo_dir).out == before


def test_a_refused_bundle_creates_no_database(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"format": "zip"}', encoding="utf-8")
    result = run("import-bundle", tmp_path / "bad.json", "--data-dir", tmp_path / "new")
    assert_one_clear_line(result, "not a DeliveryDesk bundle")
    assert not (tmp_path / "new" / "deliverydesk.db").exists()


def test_usage_errors_exit_2_with_one_line(run: Run) -> None:
    for argv in (
        [],
        ["no-such-command"],
        ["export-bundle", "--project", "X"],
        ["list-projects", "--status", "x"],
    ):
        result = run(*argv)
        assert result.code == 2, argv
        assert len(result.err_lines) == 1 and result.err.startswith("deliverydesk: error: "), result.err


def test_a_bug_is_logged_with_its_traceback_and_shown_in_one_line(
    run: Run, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug 在这里")

    monkeypatch.setattr(handlers, "list_projects", broken)
    result = run("list-projects", "--data-dir", demo_dir)
    log_file = demo_dir / "logs" / "deliverydesk.log"
    assert_one_clear_line(result, "RuntimeError", str(log_file))
    assert result.code == 4
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "simulated bug 在这里" in logged


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.code == 0 and result.out.strip() == f"DeliveryDesk {__version__}"


def test_a_log_that_cannot_be_written_does_not_hide_the_error(
    run: Run, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (demo_dir / "logs").write_text("a file where the logs folder should be", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(handlers, "list_projects", broken)
    result = run("list-projects", "--data-dir", demo_dir)
    assert_one_clear_line(result, "RuntimeError", "the log file could not be written")
    assert result.code == 4


def test_results_worth_keeping_are_logged(run: Run, demo_dir: Path, tmp_path: Path) -> None:
    run("export-bundle", "--project", "DD-2026-014", "--out", tmp_path / "b.json", "--data-dir", demo_dir)
    logged = (demo_dir / "logs" / "deliverydesk.log").read_text(encoding="utf-8")
    assert "Exported DD-2026-014" in logged


def test_reading_commands_work_while_the_window_holds_the_database(
    run: Run, demo_dir: Path, tmp_path: Path
) -> None:
    holder = open_workspace(OpenOptions(data_dir=demo_dir))  # as the window does
    try:
        assert run("list-projects", "--data-dir", demo_dir).out_lines[0].startswith("DD-")
        assert (
            run(
                "export-bundle",
                "--project",
                "DD-2026-014",
                "--out",
                tmp_path / "b.json",
                "--data-dir",
                demo_dir,
            ).code
            == 0
        )
        assert run("backup", "--data-dir", demo_dir).code == 0
        refused = run("import-bundle", tmp_path / "b.json", "--data-dir", demo_dir)
        assert_one_clear_line(refused, "already open for writing", f"process {os.getpid()}")
    finally:
        holder.close()
    assert run("import-bundle", tmp_path / "b.json", "--data-dir", demo_dir).code == 0
