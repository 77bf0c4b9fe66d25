"""What every record dialog shares: the record being edited (None = new), its ref, read-only mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from deliverydesk.gui.dialogs.base import FormDialog, W
from deliverydesk.gui.dialogs.records.fields import ref_label, value_of
from deliverydesk.gui.env import GuiEnv


class RecordDialog(FormDialog):
    """Subclasses build their fields, then implement ``save()`` calling create_* or update_*."""

    def __init__(self, env: GuiEnv, project_id: str, item: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.project_id = project_id
        self.item = item
        self.setMinimumWidth(560)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not env.readonly)
        self.field_widgets: dict[str, QWidget] = {}

    @property
    def is_new(self) -> bool:
        return self.item is None

    @property
    def item_id(self) -> str | None:
        return None if self.item is None else str(self.item.id)

    def add_ref_row(self, next_ref: str) -> None:
        """Show the record's ref, or the one it will get (refs are assigned when saved)."""
        if self.item is not None:
            text = str(self.item.ref)
        else:
            text = self.tr("%1 (assigned when saved)").replace("%1", next_ref)
        self.ref_shown = ref_label(self, text)
        self.form.addRow(self.tr("Ref"), self.ref_shown)

    def add_field(self, name: str, label: str, widget: W) -> W:
        self.field_widgets[name] = widget
        return super().add_field(name, label, widget)

    def field_values(self) -> dict[str, Any]:
        """Every field's value by field name (the draft's names)."""
        return {name: value_of(widget) for name, widget in self.field_widgets.items()}
