"""A scope meter's reading with its level named (the navigator's column, the Overview, the decision
dialog), without the scope guard's services: the project list paints without loading them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from deliverydesk.domain.metrics import MeterLevel


def with_level(text: str, rule_level: MeterLevel) -> str:
    """The reading with its level named when it warns: amber at 80 %, red at 100 %."""
    suffix = {
        MeterLevel.WARNING: QCoreApplication.translate("ScopeMeters", "amber: nearly used up"),
        MeterLevel.LIMIT: QCoreApplication.translate("ScopeMeters", "red: used up"),
    }.get(rule_level)
    return f"{text} · {suffix}" if suffix else text
