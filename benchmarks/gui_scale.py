"""Issue 3, item 9: the window against a bare PySide6 window over raw sqlite3, on the same file.

    python -m benchmarks.gui_scale --db /tmp/large.db [--repeat 5] [--work DIR]

Measures in one run, repetitions interleaved (app, bare, app, bare...), medians reported:
  start      process spawn -> first paint of the first window (``deliverydesk-gui`` in a subprocess:
             its opening frame) vs a bare window that opens the file with sqlite3 and shows the first
             page of projects; then, without budget, the main window's first paint and Today's data;
             the app twice: the day's first start (daily backup due) and a later one
  switch     select another project in the navigator -> header and Overview filled
  filter     one character typed in the navigator's filter -> the new first page shown
  log page   the Log view asks for more -> the next 100 entries of the biggest project shown
and the peak memory: each start's peak RSS (VmHWM, reported by the process itself) and each in-window
operation's Python heap peak.
The database is copied into a work folder first (the app takes backups and a lock beside it).
Qt runs offscreen (QT_QPA_PLATFORM) unless a platform is set. Budgets: BUDGETS; see README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import raw_sql

ROOT = Path(__file__).resolve().parent.parent
BUDGETS = {"start": 2.0, "switch": 1.5, "filter": 1.5, "log page": 1.5}  # app median / bare median
REPORTED = ["start", "main window painted", "data shown", "switch", "filter", "log page"]
APP_FIRST, APP_LATER = "app", "app, later start"  # the day's first start takes the daily backup
# The app's own setting (gui.application.create_application: Qt paints on the GUI thread only), for
# every window here, the app's and the floors', in this process and the ones it starts.
SINGLE_THREADED_PAINT = ("QT_NO_GUI_THREADPOOL", "1")
QT_FLOOR = "qt floor"  # the switch: the bare list's row selected, as many labels and tables as the app shows
SWITCHES = 21  # rounds of the switch (app, floor) whatever --repeat says: each takes tens of ms
# One keystroke each: the prefix is already in the box, then the character is typed.
KEYSTROKES = [("华东", "精"), ("Acme Robo", "t"), ("DD-2023-0", "1"), ("数据", "迁"), ("trai", "n")]


@dataclass
class Sample:
    seconds: float
    peak_kib: float = 0.0


@dataclass
class Figures:
    """Timings per operation and side ("app" / "bare" / "app, later start")."""

    runs: dict[tuple[str, str], list[Sample]] = field(default_factory=dict)

    def add(self, operation: str, side: str, sample: Sample) -> None:
        self.runs.setdefault((operation, side), []).append(sample)

    def median(self, operation: str, side: str) -> float:
        return statistics.median(s.seconds for s in self.runs[(operation, side)])

    def peak(self, operation: str, side: str) -> float:
        return max(s.peak_kib for s in self.runs[(operation, side)])


# --- start-up (subprocesses) -----------------------------------------------------------------
def copy_database(source: Path, data_dir: Path) -> Path:
    """A consistent copy through SQLite's backup API (a WAL file's last commits are not lost)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / "deliverydesk.db"
    src, dst = sqlite3.connect(f"file:{source}?mode=ro", uri=True), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def run_until_painted(args: list[str], log: Path) -> dict[str, float]:
    """Spawn ``python -m args``; the lines it prints (painted/data/exit seconds) and its peak RSS."""
    marks = run_printing(args, log)
    if "painted" not in marks:
        raise RuntimeError(f"{args[0]} never painted; see {log}")
    return marks


def run_printing(args: list[str], log: Path) -> dict[str, float]:
    """Spawn ``python -m args``; the ``word value`` lines it prints, among them its own ``peak_kib``."""
    env = {**os.environ, "BENCH_T0": repr(time.time())}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with log.open("ab") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors
        )
        assert process.stdout is not None
        output = process.stdout.read().decode()
        process.wait()
    marks = {word: float(value) for word, value in (line.split() for line in output.splitlines() if line)}
    if process.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({process.returncode}); see {log}:\n{output}")
    if "peak_kib" not in marks:  # printed by the process itself at its exit (paint_probe.peak_rss_kib)
        raise RuntimeError(f"{args[0]} did not report its peak memory; see {log}:\n{output}")
    return marks


def start_app(data_dir: Path, log: Path, *, first_of_day: bool) -> dict[str, float]:
    if first_of_day:
        shutil.rmtree(data_dir / "backups", ignore_errors=True)  # the daily backup is due again
    return run_until_painted(["benchmarks.launch_app", "--data-dir", str(data_dir), "--lang", "en"], log)


def start_bare(db_path: Path, log: Path) -> dict[str, float]:
    return run_until_painted(["benchmarks.bare_window", str(db_path)], log)


def measure_start(figures: Figures, data_dir: Path, repeat: int, log: Path) -> None:
    """Interleaved: the day's first start (backup due), the bare window, a later start."""
    db_path = data_dir / "deliverydesk.db"
    for _ in range(repeat):
        add_start(figures, APP_FIRST, start_app(data_dir, log, first_of_day=True))
        add_start(figures, "bare", start_bare(db_path, log))
        add_start(figures, APP_LATER, start_app(data_dir, log, first_of_day=False))


def measure_used(figures: Figures, data_dir: Path, rounds: int, log: Path) -> None:
    """Peak memory after use (``used_window``): the real app and the bare window, each in its own
    process used the same way, interleaved; operation ``used``, its peak in KiB."""
    db_path = data_dir / "deliverydesk.db"
    for _ in range(rounds):
        app = run_printing(["benchmarks.used_window", "app", str(data_dir)], log)
        bare = run_printing(["benchmarks.used_window", "bare", str(db_path)], log)
        figures.add("used", "app", Sample(0.0, app["peak_kib"]))
        figures.add("used", "bare", Sample(0.0, bare["peak_kib"]))


def add_start(figures: Figures, side: str, marks: dict[str, float]) -> None:
    """``start``: the first window painted (the app's opening frame); then the main window; then data.
    The bare window's first paint already shows its data, so it counts for all three."""
    painted = marks["painted"]
    figures.add("start", side, Sample(marks.get("first", painted), marks["peak_kib"]))
    figures.add("main window painted", side, Sample(painted))
    figures.add("data shown", side, Sample(marks.get("data", painted)))


# --- in-window operations (this process) -----------------------------------------------------
def measure_operations(figures: Figures, data_dir: Path, repeat: int) -> None:
    from benchmarks import scale_ops

    db_path = data_dir / "deliverydesk.db"
    app, bare = scale_ops.AppSide(data_dir), scale_ops.BareSide(db_path)
    try:
        ids = app.project_ids()
        app.switch(0)  # untimed: the workspace as a switch leaves it, for the Qt floor's shape
        bare.match(*app.shown_widgets())
        for n in range(repeat):  # interleaved on the same keystroke; who goes first alternates
            prefix, char = KEYSTROKES[n % len(KEYSTROKES)]
            for side in ("app", "bare") if n % 2 == 0 else ("bare", "app"):
                if side == "app":
                    figures.add("filter", side, Sample(app.type_filter(prefix, char)))
                else:
                    figures.add("filter", side, Sample(bare.type_filter(prefix, char)))
        app.set_filter("")  # the whole list again, so row ``row`` is project ids[row] on both sides
        bare.set_filter("")
        measure_switches(figures, app, bare, ids, max(SWITCHES, repeat))
        measure_python_peaks(figures, app, bare, ids)
        measure_log_paging(figures, app, bare, db_path, repeat)
    finally:
        app.close()
        bare.close()


def measure_switches(figures: Figures, app: Any, bare: Any, ids: list[str], rounds: int) -> None:
    """The app's switch and its Qt floor interleaved, each from the project the round before left
    shown; then, apart, the bare window's six-label switch (gui_scale's own "bare" figure).

    Until 2026-12-07 the six-label switch ran just before the Qt floor in each round, on the same
    project and the same six labels: the floor then found those labels already showing its texts
    (``QLabel.setText`` of the shown text does nothing: no new size, no layout, no repaint) and its
    SQL just run, and came out ~0.3-0.5 ms (7-10 %) faster than a switch from another project."""
    for n in range(rounds):  # a switch is short and its Qt floor swings: many rounds
        row = switch_row(n, len(ids))
        for side in ("app", QT_FLOOR) if n % 2 == 0 else (QT_FLOOR, "app"):
            if side == "app":
                figures.add("switch", side, Sample(app.switch(row)))
            else:
                figures.add("switch", side, Sample(bare.switch_like(ids[row], row)))
    for n in range(rounds):
        figures.add("switch", "bare", Sample(bare.switch(ids[switch_row(n, len(ids))])))


def switch_row(n: int, listed: int) -> int:
    """The navigator row switch round ``n`` opens: every seventh, cycling over the list, never row 0
    (shown already) when there is another."""
    return 1 + (n * 7) % (listed - 1) if listed > 1 else 0


def log_pages_after_first(entries: int) -> int:
    """How many more pages a log of ``entries`` has after the first one shown."""
    return -(-entries // raw_sql.LOG_PAGE) - 1


def measure_log_paging(figures: Figures, app: object, bare: object, db_path: Path, repeat: int) -> None:
    """Page on through the biggest log; the last page available is read under tracemalloc."""
    from benchmarks import scale_ops

    assert isinstance(app, scale_ops.AppSide) and isinstance(bare, scale_ops.BareSide)
    project_id, entries = scale_ops.biggest_log(db_path)
    pages_left = log_pages_after_first(entries)
    if pages_left < 2:
        raise ValueError(f"the biggest log has {entries} entries: too few to page through")
    app.open_log(project_id)
    bare.open_log(project_id)
    for n in range(min(repeat, pages_left - 1)):  # each side reads the same pages
        for side in ("app", "bare") if n % 2 == 0 else ("bare", "app"):
            figures.add("log page", side, Sample((app if side == "app" else bare).next_log_page()))
    peak = scale_ops.peak_python_kib
    figures.runs[("log page", "app")][0].peak_kib = peak(app.next_log_page)
    figures.runs[("log page", "bare")][0].peak_kib = peak(bare.next_log_page)


def measure_python_peaks(figures: Figures, app: object, bare: object, ids: list[str]) -> None:
    """One more untimed switch and keystroke under tracemalloc: the Python heap each side needs."""
    from benchmarks import scale_ops

    assert isinstance(app, scale_ops.AppSide) and isinstance(bare, scale_ops.BareSide)
    peak = scale_ops.peak_python_kib
    app.set_filter("")
    bare.set_filter("")
    figures.runs[("switch", "app")][0].peak_kib = peak(lambda: app.switch(0))
    figures.runs[("switch", "bare")][0].peak_kib = peak(lambda: bare.switch(ids[0]))
    figures.runs[("filter", "app")][0].peak_kib = peak(lambda: app.type_filter("", "D"))
    figures.runs[("filter", "bare")][0].peak_kib = peak(lambda: bare.type_filter("", "D"))


# --- report --------------------------------------------------------------------------------
def report_lines(figures: Figures) -> list[str]:
    lines = [f"{'operation':<20}{'side':<18}{'median':>10}{'runs':>6}{'peak':>14}{'ratio':>8}  budget"]
    for operation in [name for name in REPORTED if (name, "bare") in figures.runs]:
        bare, budget = figures.median(operation, "bare"), BUDGETS.get(operation)
        for side in (APP_FIRST, APP_LATER, "bare", QT_FLOOR):
            if (operation, side) in figures.runs:
                floor_side = side in ("bare", QT_FLOOR)
                lines.append(_line(figures, operation, side, bare, None if floor_side else budget))
    return lines


def _line(figures: Figures, operation: str, side: str, bare: float, budget: float | None) -> str:
    median = figures.median(operation, side)
    ratio = median / bare if bare > 0 else float("nan")
    peak = figures.peak(operation, side)
    peak_text = (
        "" if not peak else f"{peak / 1024:.0f} MiB RSS" if operation == "start" else f"{peak:.0f} KiB py"
    )
    verdict = "" if budget is None else _verdict(ratio, budget)
    runs = len(figures.runs[(operation, side)])
    return (
        f"{operation:<20}{side:<18}{median * 1000:>8.1f}ms{runs:>6}{peak_text:>14}{ratio:>7.2f}x  {verdict}"
    )


def _verdict(ratio: float, budget: float) -> str:
    return f"{'ok' if ratio <= budget else 'OVER'} (<= {budget:.1f}x)"


def machine() -> str:
    system = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{system}{load}, Python {platform.python_version()}"


def run(db: Path, work: Path, repeat: int, *, with_start: bool = True) -> Figures:
    """Copy ``db`` into ``work`` and measure everything; the figures (also used by the smoke test)."""
    data_dir = work / "data"
    copy_database(db, data_dir)
    figures = Figures()
    if with_start:
        measure_start(figures, data_dir, repeat, work / "children.log")
    measure_operations(figures, data_dir, repeat)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="a database from generate_large_db.py")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of each measurement")
    parser.add_argument("--work", type=Path, help="folder for the copy (default: a temporary folder)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault(*SINGLE_THREADED_PAINT)
    from PySide6.QtWidgets import QApplication

    from benchmarks.bare_window import add_cjk_fallback

    app = QApplication.instance() or QApplication(sys.argv[:1])
    add_cjk_fallback()  # both sides: the app's create_application adds it
    work = args.work or Path(tempfile.mkdtemp(prefix="dd-bench-"))
    figures = run(args.db, work, args.repeat)
    print(f"DeliveryDesk GUI scale benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}")
    print(f"database: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB), {args.repeat} interleaved runs")
    print("\n".join(report_lines(figures)))
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
