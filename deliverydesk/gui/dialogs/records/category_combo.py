"""Pick a category of the shared taxonomy: the names in the UI language, typing filters the list.

Only existing categories can be chosen (a new one is added to the taxonomy, not typed per record), so
the same problem is counted as one category across clients."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from deliverydesk.domain.enums import Language
from deliverydesk.domain.models import CategoryItem, CategoryName
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import verbatim


class CategoryCombo(QComboBox):
    """Live categories sorted by their name in ``language``; a linked archived one stays shown."""

    def __init__(
        self,
        parent: QWidget,
        categories: Sequence[CategoryItem],
        language: Language,
        current_id: str | None,
        current: CategoryName | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._names: dict[str, str] = {}  # either name, case-folded -> id
        self.addItem("", None)
        collator = QCollator(QLocale(language.value))  # Chinese names in pinyin order
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        live = sorted(
            (c for c in categories if c.archived_at is None),
            key=lambda c: collator.sortKey(c.label(language)),
        )
        for category in live:
            self._add(category, category.id, language)
        if current_id is not None and self.findData(current_id) < 0 and current is not None:
            self._add(current, current_id, language)  # archived since it was linked: keep the link
        self.setCurrentIndex(max(0, self.findData(current_id)) if current_id else 0)
        completer, field = self.completer(), self.lineEdit()
        assert completer is not None and field is not None  # an editable combo box has both
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)  # completes in the field
        field.setPlaceholderText(self.tr("None: type to find a category"))
        placeholder = field.placeholderText()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(placeholder) + 48)  # arrow and frame

    def _add(self, category: CategoryName, category_id: str, language: Language) -> None:
        text = category.label(language)
        other = category.name_en if text == category.name_zh else category.name_zh
        self.addItem(text, category_id)
        if other and other != text:
            self.setItemData(self.count() - 1, other, Qt.ItemDataRole.ToolTipRole)
        for name in (category.name_en, category.name_zh, text):
            self._names.setdefault(name.casefold(), category_id)

    def category_id(self, field: str = "category_id") -> str | None:
        """The chosen category; text that names none raises ValidationError on ``field``."""
        text = self.currentText().strip()
        if not text:
            return None
        found = self._names.get(text.casefold())
        if found is None:
            raise ValidationError(
                {field: verbatim(self.tr("Pick a category from the list (or leave it empty)."))}
            )
        return found
