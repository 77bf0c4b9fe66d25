"""Main window (placeholder until the workspace lands)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def run(argv: list[str] | None = None) -> int:
    app = QApplication(sys.argv if argv is None else ["deliverydesk", *argv])
    window = QMainWindow()
    window.setWindowTitle("DeliveryDesk")
    window.show()
    return app.exec()
