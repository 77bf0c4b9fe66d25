"""What stands in the way of issuing a handover report (``domain.handover``), in the UI language: the
Handover page, Home and the refusal on the Documents page word it the same way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from deliverydesk.domain.handover import Blocker, BlockerKind
from deliverydesk.gui.labels import label


def blocker_text(blocker: Blocker) -> str:
    if blocker.kind is BlockerKind.TRAINING_WITHOUT_MATERIAL:
        text = QCoreApplication.translate(
            "HandoverGate", "Training “%1” has no written material: link the documents handed over for it."
        )
        return text.replace("%1", blocker.title)
    if blocker.kind is BlockerKind.SCOPE_ITEM_OPEN:
        text = QCoreApplication.translate(
            "HandoverGate",
            "%1 “%2” is neither accepted nor listed as an open item with an owner and a date.",
        )
        return text.replace("%1", blocker.ref).replace("%2", blocker.title)
    text = QCoreApplication.translate(
        "HandoverGate", "%1 “%2” is a %3-severity issue with no risk or caution noted."
    )
    severity = label(blocker.severity).lower() if blocker.severity is not None else ""
    return text.replace("%1", blocker.ref).replace("%2", blocker.title).replace("%3", severity)


def refusal_text(blockers: Sequence[Blocker]) -> str:
    """The refusal to issue: a heading, then one line per blocker."""
    heading = QCoreApplication.translate(
        "HandoverGate", "The handover report cannot be issued while these stand in the way:"
    )
    return "\n".join([heading, *(f"• {blocker_text(b)}" for b in blockers)])
