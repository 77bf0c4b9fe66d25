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


def health_count(health: MilestoneHealth, count: int) -> str:
    """``count`` milestones of a health as one phrase ("3 at risk", "3 个有风险"): the number and its
    word are ordered and joined by the translation, not by the code (Chinese needs a measure word)."""
    return _COUNTS[health](count)


_COUNTS = {  # written out so that lupdate finds each text
    MilestoneHealth.ON_TRACK: lambda n: QCoreApplication.translate("Health", "%n on track", "", n),
    MilestoneHealth.AT_RISK: lambda n: QCoreApplication.translate("Health", "%n at risk", "", n),
    MilestoneHealth.OVERDUE: lambda n: QCoreApplication.translate("Health", "%n overdue", "", n),
    MilestoneHealth.DONE: lambda n: QCoreApplication.translate("Health", "%n done", "", n),
}
