"""Asking where to save an export: PDF by default, CSV for tables; the suffix is added, never swapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from deliverydesk.gui.dialogs.documents import output
from deliverydesk.gui.pages.recurring import ask_csv_path


def _answering(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[tuple[str, str, str]]:
    calls: list[tuple[str, str, str]] = []

    def fake(_parent: QWidget, title: str, start: str, file_filter: str) -> tuple[str, str]:
        calls.append((title, start, file_filter))
        return answer, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return calls


def test_a_pdf_export_starts_in_the_home_folder_and_ends_in_pdf(qtbot, monkeypatch) -> None:
    calls = _answering(monkeypatch, "/tmp/out/pack v1.2")
    assert output.ask_export_path(QWidget(), "DD-2026-014-EL-v1.pdf") == Path("/tmp/out/pack v1.2.pdf")
    title, start, file_filter = calls[0]
    assert (title, start, file_filter) == (
        "Export PDF",
        str(Path.home() / "DD-2026-014-EL-v1.pdf"),
        "PDF files (*.pdf)",
    )


def test_a_csv_export_asks_for_csv(qtbot, monkeypatch) -> None:
    calls = _answering(monkeypatch, "/tmp/out/register.CSV")
    assert ask_csv_path(QWidget(), "issue-register.csv") == Path("/tmp/out/register.CSV")
    assert calls[0][0] == "Export CSV" and calls[0][2] == "CSV files (*.csv)"
    _answering(monkeypatch, "/tmp/out/register")
    assert ask_csv_path(QWidget(), "issue-register.csv") == Path("/tmp/out/register.csv")


def test_cancelling_chooses_nothing(qtbot, monkeypatch) -> None:
    _answering(monkeypatch, "")
    assert output.ask_export_path(QWidget(), "x.pdf") is None
