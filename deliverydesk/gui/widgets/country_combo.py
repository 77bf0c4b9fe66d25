"""Country codes in a combo box: a client's country and a project's (or the default) holiday calendar.

Common codes are offered with their names in the UI language ("DE — Germany"); any other ISO 3166
two-letter code can be typed. ``code()`` reads what is chosen or typed (upper-cased)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

COUNTRIES = (
    ("CN", QT_TRANSLATE_NOOP("CountryCombo", "China (mainland)")),
    ("HK", QT_TRANSLATE_NOOP("CountryCombo", "Hong Kong")),
    ("TW", QT_TRANSLATE_NOOP("CountryCombo", "Taiwan")),
    ("SG", QT_TRANSLATE_NOOP("CountryCombo", "Singapore")),
    ("JP", QT_TRANSLATE_NOOP("CountryCombo", "Japan")),
    ("KR", QT_TRANSLATE_NOOP("CountryCombo", "South Korea")),
    ("US", QT_TRANSLATE_NOOP("CountryCombo", "United States")),
    ("GB", QT_TRANSLATE_NOOP("CountryCombo", "United Kingdom")),
    ("DE", QT_TRANSLATE_NOOP("CountryCombo", "Germany")),
    ("FR", QT_TRANSLATE_NOOP("CountryCombo", "France")),
)


class CountryCombo(QComboBox):
    """``none_text``: the first choice, meaning no code ("Not known", "Weekends only")."""

    def __init__(self, parent: QWidget | None, none_text: str, current: str = "") -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.addItem(none_text, "")
        for code, name in COUNTRIES:
            self.addItem(f"{code} — {QCoreApplication.translate('CountryCombo', str(name))}", code)
        self.setToolTip(
            QCoreApplication.translate("CountryCombo", "A country code, e.g. CN for mainland China")
        )
        self.set_code(current)
        self._fit_widest_choice()

    def _fit_widest_choice(self) -> None:
        """An editable combo box sizes itself for a few Latin letters, which cut off a Chinese name
        ("CN — 中国（大陆）" lost its first letter in Settings): make room for the widest choice."""
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count()))
        self.setMinimumWidth(widest + 3 * metrics.height())  # frame, text margins, drop-down arrow

    def code(self) -> str:
        index, text = self.currentIndex(), self.currentText().strip()
        if index >= 0 and self.itemText(index) == text:
            return str(self.itemData(index))
        return text.split("—")[0].strip().upper()

    def set_code(self, code: str) -> None:
        index = self.findData(code.upper())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)
