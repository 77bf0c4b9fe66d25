"""The real app for the start-up measurement: ``deliverydesk.app.main`` with a paint probe attached.

``python -m benchmarks.launch_app --data-dir DIR`` (any ``deliverydesk-gui`` arguments). Reports the
main window's first paint and the moment the Today page shows data, then quits (see paint_probe).
"""

from __future__ import annotations

import sys
from typing import Any

from benchmarks.paint_probe import PaintProbe, started_at


def main(argv: list[str]) -> int:
    t0 = started_at()
    from deliverydesk import app
    from deliverydesk.gui.main_window import MainWindow
    from deliverydesk.gui.pages.home import HomePage

    probes: list[PaintProbe] = []
    window_init, show_report = MainWindow.__init__, HomePage.show_report

    def init_with_probe(self: MainWindow, *args: Any, **kwargs: Any) -> None:
        window_init(self, *args, **kwargs)
        probes.append(PaintProbe(self, t0, wait_for_data=True))

    def show_report_and_tell(self: HomePage, report: Any) -> None:
        show_report(self, report)
        for probe in probes:
            probe.data_shown()

    MainWindow.__init__ = init_with_probe  # type: ignore[method-assign]
    HomePage.show_report = show_report_and_tell  # type: ignore[method-assign]
    code = app.main(argv)
    for probe in probes[:1]:
        probe.report_exit()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
