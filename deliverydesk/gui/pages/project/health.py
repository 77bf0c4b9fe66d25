"""Display names for milestone health (computed, not a stored enum, so not in ``gui.labels``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.gui.translate_noop import QT_TRANSLATE_NOOP

_NAMES = {
    MilestoneHealth.ON_TRACK: QT_TRANSLATE_NOOP("Health", "On track"),
    MilestoneHealth.AT_RISK: QT_TRANSLATE_NOOP("Health", "At risk"),
    MilestoneHealth.OVERDUE: QT_TRANSLATE_NOOP("Health", "Overdue"),
    MilestoneHealth.DONE: QT_TRANSLATE_NOOP("Health", "Done"),
}


def health_label(health: MilestoneHealth) -> str:
    return QCoreApplication.translate("Health", _NAMES[health])
