"""Every speed budget of issue 16 in one run: one JSON line per measure, then a table.

    python -m benchmarks all [--quick] [--db FILE] [--work DIR] [--only NAME,...]

Each measure compares the app with a floor built in the same run, the two interleaved (app, floor,
app, floor...; medians of the per-round figures). In-process work is timed in CPU time (single-threaded
work: CPU time leaves out the waits other programs on a loaded machine cause); whole processes and
window operations (several threads) in wall-clock time. A JSON line holds ``measure``, ``value`` (the
app), ``floor``, ``ratio`` (value / floor), ``budget`` (the largest ratio allowed, or for a measure
without a floor the largest value), ``met`` (null when it cannot be judged here) and ``unit``,
``clock`` and ``note`` (what the floor is, and what it leaves out).

Databases: ``--db`` (a file from ``generate_large_db.py``; copied first, never changed) for the
window, the services, search and Today's report; without it one is generated at ``--scale`` into
``--work`` and kept there for the next run. Today's growth is measured on two generated files, one
twice the other (``--quick``: scale 0.1 and 0.2; otherwise 0.5 and 1).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ATTENTION_BUDGET_MS = 100.0
LINEAR = 2.0  # twice the data may take at most twice the time
FILTER_TEXTS = ("华东", "Acme Robo", "DD-2023-0", "数据", "trai")
SEARCH_TERMS = ("migration", "接口联调", "WO-000123")


@dataclass
class Result:
    measure: str
    value: float
    floor: float | None
    ratio: float | None
    budget: float
    met: bool | None
    unit: str
    clock: str
    note: str = ""

    @property
    def budget_is_value(self) -> bool:
        """A budget for the value itself (no floor: Today's report under 100 ms), not for a ratio."""
        return self.floor is None and self.met is not None


def result(
    measure: str, value: float, floor: float | None, budget: float, unit: str, clock: str, note: str
) -> Result:
    """A measure against a floor (``budget`` a ratio), or without one (``budget`` a value)."""
    if floor is None:
        return Result(measure, round(value, 2), None, None, budget, value <= budget, unit, clock, note)
    ratio = value / floor if floor > 0 else float("inf")
    return Result(
        measure, round(value, 2), round(floor, 2), round(ratio, 3), budget, ratio <= budget, unit, clock, note
    )


def unjudged(measure: str, value: float, budget: float, unit: str, clock: str, note: str) -> Result:
    return Result(measure, round(value, 2), None, None, budget, None, unit, clock, note)


# --- timing ----------------------------------------------------------------------------------------
def cpu_ms(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


# A round of a measure is one call of each side. A call far shorter than a millisecond (a project
# switch's services, ~0.1 ms) is at the mercy of caches and timer granularity: three such rounds gave
# per-measure ratios of 1.3-1.8 on one quiet machine, and three of Today's report (~10 ms) 1.7-2.0.
# Every measure takes as many rounds as fill about SAMPLED_MS of the app's time (at least the rounds
# asked for, at most MAX_ROUNDS): each round still times one call of each side, as before.
SAMPLED_MS = 50.0
MAX_ROUNDS = 201


def rounds_for(call_ms: float, repeat: int) -> int:
    """``repeat`` rounds, or more for a call so short that a few rounds would measure noise."""
    wanted = int(SAMPLED_MS / call_ms) + 1 if call_ms > 0 else MAX_ROUNDS
    return max(repeat, min(MAX_ROUNDS, wanted))


def interleaved(
    app: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Medians of app and floor CPU ms and the median of the per-round ratios; who goes first alternates
    (``rounds_for``: at least ``repeat`` rounds)."""
    warm = cpu_ms(app)  # warm: imports, caches, the file's pages in memory
    floor()
    apps, floors, ratios = [], [], []
    for n in range(rounds_for(warm, repeat)):
        if n % 2 == 0:
            a, f = cpu_ms(app), cpu_ms(floor)
        else:
            f, a = cpu_ms(floor), cpu_ms(app)
        apps.append(a)
        floors.append(f)
        ratios.append(a / f if f > 0 else float("inf"))
    return statistics.median(apps), statistics.median(floors), statistics.median(ratios)


def compared(
    measure: str,
    app: Callable[[], object],
    floor: Callable[[], object],
    repeat: int,
    budget: float,
    note: str,
) -> Result:
    a, f, ratio = interleaved(app, floor, repeat)
    return Result(
        measure, round(a, 2), round(f, 2), round(ratio, 3), budget, ratio <= budget, "ms", "cpu", note
    )


# --- databases -------------------------------------------------------------------------------------
def generated(work: Path, scale: float) -> Path:
    """A generated database at ``scale``, made once and kept in ``work``."""
    from benchmarks.generate_large_db import generate

    path = work / f"generated-{scale:g}.db"
    if not path.exists():
        partial = work / f"generated-{scale:g}.partial.db"
        for leftover in work.glob(f"{partial.name}*"):
            leftover.unlink()
        generate(partial, scale)
        partial.rename(path)
    return path


def data_copy(source: Path, folder: Path) -> Path:
    """A data folder holding a copy of ``source`` upgraded to the current schema (opened once)."""
    from benchmarks.gui_scale import copy_database
    from deliverydesk.services.storage import OpenOptions, open_workspace

    shutil.rmtree(folder, ignore_errors=True)
    copy_database(source, folder)
    open_workspace(OpenOptions(data_dir=folder, defer_daily_backup=True)).close()  # upgraded, no backup
    return folder


@contextmanager
def workspace(data_dir: Path) -> Iterator[Any]:
    from deliverydesk.services.storage import OpenOptions, open_workspace

    opened = open_workspace(OpenOptions(data_dir=data_dir, readonly=True))
    try:
        yield opened
    finally:
        opened.close()


# --- services against their own SQL ------------------------------------------------------------------
OWN_SQL = (
    "the app's own SQL replayed through raw sqlite3 (benchmarks/own_sql.py): leaves out SQLAlchemy,"
    " the services' Python and their dataclasses"
)


def service_measures(data_dir: Path, repeat: int) -> Iterator[Result]:
    """Project list, filter keystroke, project switch (its services) and search, each against the very
    statements it sent, replayed through sqlite3."""
    from benchmarks import own_sql
    from deliverydesk.services.overview import open_project
    from deliverydesk.services.records.projects import list_projects
    from deliverydesk.services.search import search_records

    with workspace(data_dir) as opened:
        ctx = opened.ctx
        raw = own_sql.connect(str(opened.paths.database))
        projects = list_projects(ctx, limit=200).rows

        def switch(project_id: str) -> None:
            open_project(ctx, project_id)  # everything the workspace shows after a switch

        cases: list[tuple[str, Callable[[], object], float]] = [
            ("list", lambda: list_projects(ctx, limit=200), 1.5),
            *[
                (f"filter {text}", (lambda t=text: list_projects(ctx, text=t, limit=200)), 1.5)
                for text in FILTER_TEXTS
            ],
            *[(f"switch {n}", (lambda p=p.id: switch(p)), 1.5) for n, p in enumerate(projects[1:40:13])],
            *[(f"search {term}", (lambda t=term: search_records(ctx, t)), 1.5) for term in SEARCH_TERMS],
        ]
        groups: dict[str, list[tuple[float, float, float]]] = {}
        for name, action, _budget in cases:
            statements = own_sql.record(ctx.db, action)
            groups.setdefault(name.split(" ")[0], []).append(
                interleaved(action, partial(own_sql.replay, raw, statements), repeat)
            )
        raw.close()
    for group, figures in groups.items():
        app = statistics.median(f[0] for f in figures)
        floor = statistics.median(f[1] for f in figures)
        ratio = statistics.median(f[2] for f in figures)
        note = f"{len(figures)} case(s), median of their medians; floor: {OWN_SQL}"
        yield Result(
            f"{group} (services)",
            round(app, 2),
            round(floor, 2),
            round(ratio, 3),
            1.5,
            ratio <= 1.5,
            "ms",
            "cpu",
            note,
        )


# --- Today's report -------------------------------------------------------------------------------
def attention_ms(data_dir: Path, repeat: int) -> float:
    from deliverydesk.services.attention import get_attention

    with workspace(data_dir) as opened:
        get_attention(opened.ctx)
        return statistics.median(cpu_ms(lambda: get_attention(opened.ctx)) for _ in range(repeat))


def attention_measures(data_dir: Path, small: Path, double: Path, repeat: int) -> Iterator[Result]:
    yield result(
        "today's report",
        attention_ms(data_dir, repeat),
        None,
        ATTENTION_BUDGET_MS,
        "ms",
        "cpu",
        f"get_attention on {_size(data_dir)}; budget: under 100 ms",
    )
    twice, once, ratio = attention_growth(small, double, repeat)
    yield Result(
        "today's report, twice the data",
        round(twice, 2),
        round(once, 2),
        round(ratio, 3),
        LINEAR,
        ratio <= LINEAR,
        "ms",
        "cpu",
        "floor: the same report on half the data, interleaved (median of the per-round ratios); linear"
        " growth is a ratio of at most 2",
    )


def attention_growth(small: Path, double: Path, repeat: int) -> tuple[float, float, float]:
    """Today's report on twice the data and on the data, interleaved (``interleaved``). Until
    2026-12-07 each side was timed in a run of its own, so a change of the machine's speed between
    the two runs went into the ratio (1.71-1.96x in three runs of the same code)."""
    from deliverydesk.services.attention import get_attention

    with workspace(small) as once, workspace(double) as twice:
        return interleaved(lambda: get_attention(twice.ctx), lambda: get_attention(once.ctx), repeat)


def _size(data_dir: Path) -> str:
    import sqlite3

    db = sqlite3.connect(f"file:{data_dir / 'deliverydesk.db'}?mode=ro", uri=True)
    try:
        projects = db.execute("SELECT count(*) FROM project").fetchone()[0]
    finally:
        db.close()
    return f"{projects:,} projects"


# --- the window ------------------------------------------------------------------------------------
BARE = "the bare PySide6 window over raw sqlite3 (benchmarks/bare_window.py)"
QT_SWITCH = (
    "the bare window's project list with the same row selected, and as many labels and tables as the"
    " app's workspace shows after a switch, filled from raw SQL and repainted"
    " (bare_window.show_overview_like): leaves out formatting and translating each value, the page and"
    " task machinery"
)


USED_ROUNDS = 2  # each side's process used twice (the peak is the larger); memory barely moves


def window_measures(db: Path, work: Path, repeat: int) -> Iterator[Result]:
    """Start, switch, filter and log page of the real window against the bare window (gui_scale)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks import gui_scale, used_window

    os.environ.setdefault(*gui_scale.SINGLE_THREADED_PAINT)  # before the first QApplication paints
    from PySide6.QtWidgets import QApplication

    from benchmarks.bare_window import add_cjk_fallback

    app = QApplication.instance() or QApplication(sys.argv[:1])
    add_cjk_fallback()  # both sides: the app's create_application adds it
    figures = gui_scale.run(db, work / "window", repeat)
    rows = [
        ("start, first window", "start", gui_scale.APP_LATER, 2.0, "the app's opening frame"),
        (
            "start, main window",
            "main window painted",
            gui_scale.APP_LATER,
            2.0,
            "main window painted: menus, toolbar and Today (its rows follow: 'Today shown'); a later start,"
            " the day's first start also backs up",
        ),
        ("start, Today shown", "data shown", gui_scale.APP_LATER, 2.0, "the Today page's rows painted"),
        ("switch (window)", "switch", "app", 1.5, "the Overview and the header filled"),
        (
            "filter (window)",
            "filter",
            "app",
            1.5,
            "floor: the bare window's own LIKE query into a bare model",
        ),
        (
            "log page (window)",
            "log page",
            "app",
            1.5,
            "floor: the same page read by raw SQL into a bare model",
        ),
    ]
    for name, operation, side, budget, note in rows:
        value, floor = figures.median(operation, side) * 1000, figures.median(operation, "bare") * 1000
        if operation == "switch":
            floor = figures.median(operation, gui_scale.QT_FLOOR) * 1000
            note += f"; floor: {QT_SWITCH}"
        else:
            note += f"; floor: {BARE}"
        yield result(name, value, floor, budget, "ms", "wall", note)
    gui_scale.measure_used(figures, work / "window" / "data", USED_ROUNDS, work / "window" / "used.log")
    used, bare_used = figures.peak("used", "app"), figures.peak("used", "bare")
    yield result(
        "window peak memory",
        used / 1024,
        bare_used / 1024,
        2.0,
        "MiB",
        "rss",
        f"peak RSS after use (benchmarks/used_window.py: the real app's start, {len(gui_scale.KEYSTROKES)}"
        f" filter keystrokes, {gui_scale.SWITCHES} projects opened, the biggest log paged"
        f" {used_window.LOG_PAGES} times; the bare window the same); floor: {BARE}",
    )
    peak, bare_peak = figures.peak("start", gui_scale.APP_LATER), figures.peak("start", "bare")
    yield result(
        "window peak memory, start",
        peak / 1024,
        bare_peak / 1024,
        2.0,
        "MiB",
        "rss",
        f"peak RSS of a start, the process quitting as Today's rows are painted; floor: {BARE}",
    )
    del app


# --- documents -------------------------------------------------------------------------------------
CANVAS = (
    "reportlab's raw canvas drawing the same marks (benchmarks/pdf_export.py: the same text in the same"
    " embedded faces, bold text in bold, as many line segments and rectangles, the same images): leaves"
    " out layout (wrapping, measuring tables, page breaks), styles, sizes and colours, and one text"
    " object per paragraph or cell (one per line of one face here)"
)


def document_measures(repeat: int, cli_repeat: int, work: Path) -> Iterator[Result]:
    from benchmarks import pdf_export
    from deliverydesk.domain.enums import Language

    for language in Language:
        documents: tuple[tuple[str, Callable[[], Any], float], ...] = (
            (
                "letter",
                partial(pdf_export.measure_render, "letter", pdf_export.letter_data(language), repeat),
                1.5,
            ),
            ("30-page summary", partial(pdf_export.measure_summary, language, repeat), 2.0),
        )
        for name, compare, budget in documents:
            c = compare()
            yield result(
                f"{name} {language.value}",
                statistics.median(c.app_cpu) * 1000,
                statistics.median(c.floor_cpu) * 1000,
                budget,
                "ms",
                "cpu",
                f"{c.pages} pages; floor: {CANVAS}",
            )
    data_dir = pdf_export.demo_data_dir(_empty(work / "demo"))
    office = pdf_export.libreoffice()
    runs = pdf_export.measure_cli(data_dir, cli_repeat, office)
    export = statistics.median(runs[pdf_export.EXPORT]) * 1000
    platypus = statistics.median(runs["python -c 'import reportlab.platypus'"]) * 1000
    note = (
        f"whole process; python -c 'import reportlab.platypus' takes {platypus:.0f} ms; floor: LibreOffice"
        " converting the same letter from Word, cold (a fresh profile each run; the .docx holds the text"
        " of the app's PDF as paragraphs: no tables, rules, QR code or watermark)"
    )
    ratio = pdf_export.export_ratio(runs)
    if office is None or ratio is None:
        yield unjudged(
            "command-line export", export, 0.4, "ms", "wall", f"{note}: not installed here, so not judged"
        )
        return
    office_ms = statistics.median(runs[pdf_export.LIBREOFFICE]) * 1000
    yield Result(
        "command-line export",
        round(export, 2),
        round(office_ms, 2),
        round(ratio, 3),
        0.4,
        ratio <= 0.4,
        "ms",
        "wall",
        f"{note}; ratio: the median of the per-round ratios",
    )


def _empty(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


# --- the run ---------------------------------------------------------------------------------------
def machine() -> str:
    load = (
        ", load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else ""
    )
    system = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    return f"{system}{load}, Python {platform.python_version()}"


def table(results: list[Result]) -> list[str]:
    lines = [f"{'measure':<34}{'value':>11}{'floor':>11}{'ratio':>8}{'budget':>9}  {'met':<4} clock"]
    for r in results:
        floor = "" if r.floor is None else _figure(r.floor, r.unit)
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
        budget = f"{r.budget:g}{r.unit[:2]}" if r.budget_is_value else f"{r.budget:g}x"
        met = {True: "yes", False: "NO", None: "—"}[r.met]
        value = _figure(r.value, r.unit)
        lines.append(f"{r.measure:<34}{value}{floor:>11}{ratio:>8}{budget:>9}  {met:<4} {r.clock}")
    return lines


def _figure(value: float, unit: str) -> str:
    """A value in the table's column: two decimals under 1 (a switch's services, ~0.08 ms), else one."""
    return f"{value:>9.2f}{unit[:2]:<2}" if abs(value) < 1 else f"{value:>9.1f}{unit[:2]:<2}"


SECTIONS = ("today", "services", "window", "documents")


def compile_sources() -> None:
    """Bytecode for DeliveryDesk and the benchmarks, as an installed app has it: with
    PYTHONDONTWRITEBYTECODE set (as on the shared machine) every measured process would otherwise
    compile the app and its dependencies from source (~0.25 s of CPU per start for the app alone),
    while the floors import only packages that have their bytecode."""
    import compileall
    import sysconfig

    for folder in ("deliverydesk", "benchmarks"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    # The dependencies too: pip and the bundle install them compiled, but uv (tools/dev) does not, and
    # the app would then compile SQLAlchemy, httpx, holidays... on every start (seen: 5.7 s instead of
    # ~2 s to the main window), while the floor's PySide6 and sqlite3 have no Python to compile.
    compileall.compile_dir(sysconfig.get_paths()["purelib"], quiet=2)


def run(
    db: Path | None,
    work: Path,
    quick: bool,
    only: tuple[str, ...] = SECTIONS,
    scale: float | None = None,
    growth: float | None = None,
) -> list[Result]:
    repeat, cli_repeat = (3, 2) if quick else (7, 5)
    work.mkdir(parents=True, exist_ok=True)
    compile_sources()
    started = time.perf_counter()
    print(f"# DeliveryDesk benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}", flush=True)
    scale = scale or (0.2 if quick else 1.0)
    source = db or generated(work, scale)
    results: list[Result] = []

    def emit(found: Iterator[Result]) -> None:
        for r in found:
            results.append(r)
            print(json.dumps(asdict(r), ensure_ascii=False), flush=True)

    main = data_copy(source, work / "main")  # at the current schema: no start below pays for an upgrade
    if "today" in only:
        small = growth or (0.1 if quick else 0.5)
        double = 2 * small
        emit(
            attention_measures(
                main,
                data_copy(generated(work, small), work / "small"),
                data_copy(generated(work, double), work / "double"),
                repeat,
            )
        )
    if "services" in only:
        emit(service_measures(main, repeat))
    if "window" in only:
        emit(window_measures(main / "deliverydesk.db", work, repeat))
    if "documents" in only:
        emit(document_measures(repeat, cli_repeat, work))
    print(
        f"# {len(results)} measures in {time.perf_counter() - started:.0f} s, database {source} "
        f"({source.stat().st_size / 1e6:.0f} MB); {machine()}"
    )
    print("\n".join(table(results)))
    return results
