"""The real app for the start-up measurement: ``deliverydesk.app.main`` with paint probes attached.

``python -m benchmarks.launch_app --data-dir DIR`` (any ``deliverydesk-gui`` arguments). Reports the
first paint of the app's first window (the opening frame), the main window's first paint, and the
moment the Today page's rows are painted, then quits (see paint_probe). The hooks are set on the light
``gui.application`` module only, so the measured process imports what the real one imports, and in
the same order: the app's first modules before PySide6, as ``main.py`` loads them. The probes reach
what they watch without work the real process never does (``paint_probe.viewport_of``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.paint_probe import PaintProbe


def main(argv: list[str]) -> int:
    # PySide6 (the probe's) after the app's first modules: PySide6's import hook questions every
    # module imported after it, the app's too, until deliverydesk.gui lightens it.
    from deliverydesk import app

    # isort: split
    from benchmarks.paint_probe import PaintProbe, RowsPaintedProbe, started_at
    from deliverydesk.gui import application

    t0 = started_at()

    probes: list[PaintProbe] = []
    opening_init, show = application.OpeningWindow.__init__, application.WindowHost.show

    def opening_with_probe(self: application.OpeningWindow, *args: Any, **kwargs: Any) -> None:
        opening_init(self, *args, **kwargs)
        PaintProbe(self, t0, word="first")

    def show_with_probe(self: application.WindowHost, workspace: Any) -> Any:
        window = show(self, workspace)
        probe = PaintProbe(window, t0, wait_for_data=True)
        rows = RowsPaintedProbe(window.home.view, probe)
        window.home.model.modelReset.connect(rows.arm)  # the Today report arrived: its rows paint next
        probes.append(probe)
        return window

    application.OpeningWindow.__init__ = opening_with_probe  # type: ignore[method-assign]
    application.WindowHost.show = show_with_probe  # type: ignore[method-assign]
    code = app.main(argv)
    for probe in probes[:1]:
        probe.report_exit()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
