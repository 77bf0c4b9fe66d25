"""The scale benchmark still measures (benchmarks/gui_scale.py) on a small generated database.

No timing thresholds: only that each figure exists, is positive and finite, and that the report
prints them; the budgets are judged by running the benchmark itself (see benchmarks/README.md)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import gui_scale
from benchmarks.generate_large_db import generate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "small.db"
    generate(path, scale=0.005)  # 25 projects, 1,500 log entries (one project has a few pages)
    return path


def sane(seconds: float) -> bool:
    return math.isfinite(seconds) and 0 < seconds < 120


def test_start_is_measured_for_the_app_and_the_bare_window(small_db: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    gui_scale.copy_database(small_db, data_dir)
    figures = gui_scale.Figures()

    gui_scale.measure_start(figures, data_dir, repeat=1, log=tmp_path / "children.log")

    for side in (gui_scale.APP_FIRST, gui_scale.APP_LATER, "bare"):
        times = [
            figures.median(operation, side) for operation in ("start", "main window painted", "data shown")
        ]
        assert all(sane(seconds) for seconds in times), (side, times)
        assert times == sorted(times), "the first window comes first, the data last"
        assert figures.peak("start", side) > 10 * 1024, "peak RSS in KiB: a Qt process holds > 10 MiB"
    report = "\n".join(gui_scale.report_lines(figures))
    assert "main window painted" in report and "(<= 2.0x)" in report


def test_a_measured_process_reports_its_own_peak_memory_not_its_parents() -> None:
    # On Linux a spawned child's ru_maxrss (wait4, getrusage) keeps the parent's high-water mark from
    # before exec: the window measures read the benchmark's own RSS for the app and the floor alike.
    ballast = bytearray(256 * 1024 * 1024)
    ballast[::4096] = b"\x01" * len(ballast[::4096])  # resident, not just reserved
    code = "from benchmarks.paint_probe import peak_rss_kib; print(peak_rss_kib())"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert 10 * 1024 < int(done.stdout) < 200 * 1024, "a Qt import's own peak, without the parent's 256 MiB"
    del ballast


def test_peak_memory_after_use_is_measured_for_the_app_and_the_bare_window(
    small_db: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    gui_scale.copy_database(small_db, data_dir)
    figures = gui_scale.Figures()

    gui_scale.measure_used(figures, data_dir, rounds=1, log=tmp_path / "used.log")

    app, bare = figures.peak("used", "app"), figures.peak("used", "bare")
    assert 10 * 1024 < bare < app, "the real app, used, holds more than the bare window"


def test_window_operations_are_measured_for_the_app_and_the_bare_window(
    qapp: object, small_db: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    gui_scale.copy_database(small_db, data_dir)
    figures = gui_scale.Figures()

    gui_scale.measure_operations(figures, data_dir, repeat=1)

    for operation in ("switch", "filter", "log page"):
        for side in ("app", "bare"):
            assert sane(figures.median(operation, side)), (operation, side)
            assert figures.peak(operation, side) > 0, "tracemalloc saw the operation allocate"
    report = "\n".join(gui_scale.report_lines(figures))
    assert all(f"{operation:<20}app" in report for operation in ("switch", "filter", "log page"))


def test_the_measured_app_loads_its_first_modules_before_pyside6() -> None:
    """As ``main.py``: ``benchmarks.launch_app`` loads PySide6 (its paint probes) only once the app's
    first modules have loaded, which PySide6's import hook would otherwise question one by one."""
    probe = "import sys, benchmarks.launch_app; print('PySide6' in sys.modules)"
    command = [sys.executable, "-c", probe]
    found = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    assert found.stdout.split() == ["False"]


def test_today_shown_is_when_the_rows_are_painted_not_when_the_model_is_reset(qtbot) -> None:
    """'Today shown' waits for the rows on screen: expanding the tree and fitting its columns follow
    the model's reset on the GUI thread (the reset was ~100 ms before the rows on the large database)."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTreeView

    from benchmarks.paint_probe import RowsPaintedProbe

    class Probe:
        shown = 0

        def data_shown(self) -> None:
            self.shown += 1

    model = QStandardItemModel()
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    probe = Probe()
    rows = RowsPaintedProbe(view, probe)  # type: ignore[arg-type]
    rows.arm()
    assert probe.shown == 1, "nothing to paint: shown at once"
    model.appendRow(QStandardItem("a row"))
    rows.arm()
    assert probe.shown == 1, "not yet painted"
    view.show()
    qtbot.waitUntil(lambda: probe.shown == 2, timeout=5000)


def test_the_rows_probe_watches_the_view_s_viewport(qtbot) -> None:
    """The probe finds the viewport among the view's children (not through ``viewport()``, whose type
    resolution costs the measured process ~28 ms the app never spends): the same widget."""
    from PySide6.QtWidgets import QTreeView, QWidget

    from benchmarks.paint_probe import viewport_of

    view = QTreeView()
    qtbot.addWidget(view)
    found = viewport_of(view)
    assert found is view.viewport()
    own = QWidget()
    view.setViewport(own)  # a viewport of one's own has no name from Qt: still found
    assert viewport_of(view) is own


def test_the_bare_window_draws_chinese_with_the_app_s_font(qapp) -> None:
    """Half the generated data is Chinese: a floor without a CJK font drew empty boxes (less work, less
    memory) where the app draws glyphs with its bundled font."""
    from PySide6.QtGui import QFont, QFontDatabase

    from benchmarks.bare_window import CJK_FONT_FILE, add_cjk_fallback
    from deliverydesk.gui.i18n import FONT_FILE

    assert CJK_FONT_FILE == FONT_FILE
    before = QFont(qapp.font())
    try:
        add_cjk_fallback()
        app_family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT_FILE)))
        assert app_family and app_family[0] in qapp.font().families()
    finally:
        qapp.setFont(before)


def test_the_switch_s_qt_floor_starts_from_another_project_as_the_app_s_switch_does() -> None:
    """The six-label bare switch once ran just before the Qt floor on the same project: the floor
    found its labels already showing their texts. Each side's switch must follow one of another
    project on that side."""
    calls: list[tuple[str, str]] = []

    class Side:
        def switch(self, target: int | str) -> float:  # the app's takes a row, the bare's a project
            if isinstance(target, int):
                calls.append(("app", ids[target]))
            else:
                calls.append(("bare", target))
            return 0.001

        def switch_like(self, project_id: str, row: int) -> float:
            assert ids[row] == project_id
            calls.append(("qt floor", project_id))
            return 0.001

    ids = [f"p{n}" for n in range(30)]
    figures = gui_scale.Figures()
    gui_scale.measure_switches(figures, Side(), Side(), ids, rounds=6)

    for side in ("app", "qt floor", "bare"):
        assert len(figures.runs[("switch", side)]) == 6
    previous_of_window: dict[str, str] = {}  # the bare six labels and the Qt floor share one window
    for side, project in calls:
        window = "app" if side == "app" else "bare window"
        assert previous_of_window.get(window) != project, (side, project, calls)
        previous_of_window[window] = project
