"""A window used, then its peak memory: the measure "window peak memory after use" (issue 16).

    python -m benchmarks.used_window app DATA_DIR     # the real app, deliverydesk.app.main
    python -m benchmarks.used_window bare DB_FILE     # the bare table window over raw sqlite3

Each side runs in its own process and is used the same way: gui_scale's filter keystrokes, the whole
list again, ``SWITCHES`` projects opened one after another over the list (the same rows), then the
biggest project's log opened and paged on ``LOG_PAGES`` times (as far as it goes). At the end the
process prints ``peak_kib`` (its own peak resident set, ``paint_probe.peak_rss_kib``) and quits.
What the app keeps after use (its pages, models, caches, the full open's ORM) is in its figure, as
the user's laptop holds it; the bare window keeps its one table, six labels and its log model.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

LOG_PAGES = 5


def run_app(data_dir: Path) -> int:
    """The real app (``deliverydesk.app.main``, as ``launch_app`` runs it: the app's first modules
    before PySide6, the calendar cache and everything its composition root sets up), used as soon as
    its window is shown, then quit."""
    from deliverydesk import app

    # isort: split
    from PySide6.QtCore import QTimer

    from deliverydesk.gui import application

    show = application.WindowHost.show

    def show_then_use(host: application.WindowHost, workspace: Any) -> Any:
        window = show(host, workspace)
        QTimer.singleShot(0, lambda: use_app_and_quit(host, window, data_dir))
        return window

    application.WindowHost.show = show_then_use  # type: ignore[method-assign,assignment]
    return app.main(["--data-dir", str(data_dir), "--lang", "en"])


def use_app_and_quit(host: Any, window: Any, data_dir: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from benchmarks import scale_ops

    try:
        app = scale_ops.AppSide.of(host, window)
        use(app, app.project_ids, lambda _ids, row: app.switch(row), data_dir / "deliverydesk.db")
        app.idle()
        report_peak()
    except BaseException:  # the app's crash handler would keep it running: say why and end
        traceback.print_exc()
        QApplication.exit(1)
    else:
        QApplication.exit(0)


def report_peak() -> None:
    from benchmarks.paint_probe import peak_rss_kib

    sys.stdout.write(f"peak_kib {peak_rss_kib()}\n")
    sys.stdout.flush()


def use_bare(db_path: Path) -> Any:
    from benchmarks import scale_ops

    bare = scale_ops.BareSide(db_path)

    def ids_listed() -> list[str]:  # its list, in the same (code) order as the navigator's
        return [row[0] for row in bare.window.projects.rows]

    use(bare, ids_listed, lambda ids, row: bare.switch(ids[row]), db_path)
    return bare


def use(
    side: Any,
    ids_listed: Callable[[], list[str]],
    open_row: Callable[[list[str], int], object],
    db_path: Path,
) -> None:
    """The same use on either side: the filter keystrokes, the whole list again, ``SWITCHES``
    projects opened (gui_scale's rows), the biggest log opened and paged on (``LOG_PAGES`` at most)."""
    from benchmarks import gui_scale, scale_ops

    for prefix, char in gui_scale.KEYSTROKES:
        side.type_filter(prefix, char)
    side.set_filter("")
    ids = ids_listed()
    for n in range(gui_scale.SWITCHES):
        open_row(ids, gui_scale.switch_row(n, len(ids)))
    project_id, entries = scale_ops.biggest_log(db_path)
    side.open_log(project_id)
    for _ in range(max(0, min(LOG_PAGES, gui_scale.log_pages_after_first(entries)))):
        side.next_log_page()


def main(argv: list[str]) -> int:
    side, path = argv[0], Path(argv[1])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if side == "app":
        return run_app(path)
    from benchmarks import gui_scale

    os.environ.setdefault(*gui_scale.SINGLE_THREADED_PAINT)  # the app's own setting (create_application)
    from PySide6.QtWidgets import QApplication

    from benchmarks.bare_window import add_cjk_fallback

    application = QApplication(sys.argv[:1])
    add_cjk_fallback()
    bare = use_bare(path)
    report_peak()
    bare.close()
    del application
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
