"""The country combo box reads a chosen country or a typed code.

Its width (room for the widest choice) is checked by looking: the clipping it fixes showed only with
the fonts under Xvfb (docs/screenshots/settings_zh_CN.png), not offscreen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from deliverydesk.gui.widgets.country_combo import CountryCombo


def test_the_code_reads_a_choice_or_a_typed_code(qtbot: QtBot) -> None:
    combo = CountryCombo(None, "Weekends only", "de")
    qtbot.addWidget(combo)
    assert combo.code() == "DE"
    combo.setEditText("at")
    assert combo.code() == "AT"
    combo.setCurrentIndex(0)
    assert combo.code() == ""
