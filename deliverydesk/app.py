"""Composition root of the window: arguments, logging, QApplication, translator, database, MainWindow."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from deliverydesk.gui.main_window import run  # Qt is imported only when the window is wanted

    return run(argv)
