"""Undo and Redo of the user's recent actions in this session (Edit ▸ Undo, Ctrl+Z; Redo, Ctrl+Shift+Z
or Ctrl+Y), as compensating changes the audit trail records (``services.records.undo``):

- archiving ↔ restoring a record (and a record just created is undone by archiving it);
- a field edit is reverted as a new edit, refused if the record changed since;
- a log entry written in the last minutes is voided with a reason (asked for), kept and shown voided.

Each step runs its service call on the task runner (one unit of work each). The Edit menu names what
Undo will undo ("Undo Archive S-3 Line 3 scanners"). Actions that cannot be taken back (issuing a
letter, a decision) are not recorded; undoing a step whose record changed since is refused in plain
words and the step is dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.services.context import ServiceContext

if TYPE_CHECKING:  # the records load with the first step (after the first paint)
    from deliverydesk.domain.models import RecordItem

Service = Callable[[ServiceContext, str], Any]
MAX_STEPS = 50


@cache
def archiving() -> dict[type[RecordItem], tuple[Service, Service]]:
    """Which service archives and restores each kind of record (the window's lists use the same ones).
    The services load with the first step, not with the window: the window's first paint does not
    wait for them."""
    from deliverydesk.domain.models import (
        ChangeRequestItem,
        CommitmentItem,
        ContactItem,
        ExclusionItem,
        ExpectationItem,
        HandoverEntry,
        IssueItem,
        MilestoneItem,
        ProjectItem,
        ReviewActionItem,
        ReviewItem,
        ScopeEntry,
    )
    from deliverydesk.services.records import (
        clients,
        commitments,
        expectations,
        handover,
        issues,
        milestones,
        projects,
        scope,
    )
    from deliverydesk.services.reviews import butterfly
    from deliverydesk.services.scope_guard import change_requests

    return {
        ProjectItem: (projects.archive_project, projects.restore_project),
        ContactItem: (clients.archive_contact, clients.restore_contact),
        ScopeEntry: (scope.archive_scope_item, scope.restore_scope_item),
        ExclusionItem: (scope.archive_exclusion, scope.restore_exclusion),
        MilestoneItem: (milestones.archive_milestone, milestones.restore_milestone),
        ExpectationItem: (expectations.archive_expectation, expectations.restore_expectation),
        ChangeRequestItem: (change_requests.archive_change_request, change_requests.restore_change_request),
        IssueItem: (issues.archive_issue, issues.restore_issue),
        ReviewItem: (butterfly.archive_review, butterfly.restore_review),
        ReviewActionItem: (butterfly.archive_review_action, butterfly.restore_review_action),
        HandoverEntry: (handover.archive_handover_entry, handover.restore_handover_entry),
        CommitmentItem: (commitments.archive_commitment, commitments.restore_commitment),
    }


_TEXT_FIELDS = ("code", "title", "name", "statement", "summary", "text", "description")


def describe(item: Any) -> str:
    """ "S-3 Line 3 scanners": a record's ref (or code) and its first text, one line, not too long."""
    ref = getattr(item, "ref", "") or ""
    text = next((str(getattr(item, name)) for name in _TEXT_FIELDS if getattr(item, name, "")), "")
    if getattr(item, "code", "") and getattr(item, "name", ""):
        text = f"{item.code} {item.name}"
    words = " ".join(part for part in (ref, text.splitlines()[0] if text else "") if part)
    return words if len(words) <= 60 else words[:59] + "…"


@dataclass
class UndoStep:
    """One action the user took, with how to take it back and do it again (both on a worker)."""

    text: str  # "Archive S-3 Line 3 scanners", in the UI language
    undo: Callable[[ServiceContext, str], Any]  # (ctx, reason) -> anything; the reason for a void
    redo: Callable[[ServiceContext, str], Any]
    record: Any = None  # the record it is about (the window reloads and selects it)
    asks_reason: bool = False  # undoing voids a log entry: the user says why


def archived_step(item: RecordItem, *, archived: bool) -> UndoStep | None:
    """The user archived (or restored) ``item``."""
    services = archiving().get(type(item))
    if services is None:
        return None
    archive, restore = services
    name = describe(item)
    if archived:
        return UndoStep(
            QCoreApplication.translate("UndoHistory", "Archive %1").replace("%1", name),
            lambda ctx, _r: restore(ctx, item.id),
            lambda ctx, _r: archive(ctx, item.id),
            item,
        )
    return UndoStep(
        QCoreApplication.translate("UndoHistory", "Restore %1").replace("%1", name),
        lambda ctx, _r: archive(ctx, item.id),
        lambda ctx, _r: restore(ctx, item.id),
        item,
    )


def created_step(item: RecordItem) -> UndoStep | None:
    """The user created ``item``: a log entry is voided, other records archived."""
    from deliverydesk.domain.models import LogEntryItem

    if isinstance(item, LogEntryItem):
        from deliverydesk.services.records import undo

        return UndoStep(
            QCoreApplication.translate("UndoHistory", "New log entry “%1”").replace("%1", describe(item)),
            lambda ctx, reason: undo.void_log_entry(ctx, item.id, reason),
            lambda ctx, _r: undo.reinstate_log_entry(ctx, item.id),
            item,
            asks_reason=True,
        )
    services = archiving().get(type(item))
    if services is None:
        return None
    archive, restore = services
    return UndoStep(
        QCoreApplication.translate("UndoHistory", "New %1").replace("%1", describe(item)),
        lambda ctx, _r: archive(ctx, item.id),
        lambda ctx, _r: restore(ctx, item.id),
        item,
    )


def edited_step(before: RecordItem, after: RecordItem) -> UndoStep | None:
    """The user edited ``before`` into ``after``: undone as an edit back, redone as the edit again."""
    from deliverydesk.services.records import undo

    if type(after) not in undo.EDITABLE or type(before) is not type(after):
        return None
    reversal = undo.reversal_of(before, after)
    if not reversal.changes:
        return None
    state = {"back": reversal}  # the change Undo applies next (with the row version it expects)
    undone, redone = (
        QCoreApplication.translate("UndoHistory", "Undone in DeliveryDesk (Ctrl+Z)"),
        QCoreApplication.translate("UndoHistory", "Redone in DeliveryDesk"),
    )

    def run_undo(ctx: ServiceContext, _reason: str) -> None:
        back = state["back"]
        state["forward"] = undo.forward_of(back, undo.revert_edit(ctx, back, reason=undone))

    def run_redo(ctx: ServiceContext, _reason: str) -> None:
        forward = state["forward"]
        state["back"] = undo.forward_of(forward, undo.revert_edit(ctx, forward, reason=redone))

    return UndoStep(
        QCoreApplication.translate("UndoHistory", "Edit %1").replace("%1", describe(after)),
        run_undo,
        run_redo,
        after,
    )


def step_for_save(before: Any, after: Any) -> UndoStep | None:
    """What a dialog's save did: a new record (a log entry and its correction are new entries) or an
    edit of ``before``; None for what cannot be undone (a decision, an approval)."""
    from deliverydesk.domain.models import LogEntryItem, RecordItem

    if not isinstance(after, RecordItem):
        return None
    if isinstance(after, LogEntryItem) or not isinstance(before, RecordItem) or before.id != after.id:
        return created_step(after)
    return edited_step(before, after)


class UndoHistory(QObject):
    """The session's undo and redo stacks. ``changed``: the Edit menu's texts follow; ``applied``: a step
    was undone or redone (the window reloads and shows its record); ``refused``: it could not be."""

    changed = Signal()
    applied = Signal(object, bool)  # the step, True = undone (False = redone)
    refused = Signal(object)  # DeliveryDeskError

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done: list[UndoStep] = []
        self._undone: list[UndoStep] = []
        self._running = False
        self.reason_dialog: Any = None

    def record(self, step: UndoStep | None) -> None:
        """The user just did ``step``'s action (None: nothing that can be undone)."""
        if step is None:
            return
        self._done.append(step)
        del self._done[:-MAX_STEPS]
        self._undone.clear()
        self.changed.emit()

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self._done) and not self._running

    def can_redo(self) -> bool:
        return bool(self._undone) and not self._running

    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def undo(self, ctx: ServiceContext, tasks: Any, parent: QWidget | None = None) -> None:
        if not self.can_undo():
            return
        step = self._done[-1]
        if step.asks_reason and parent is not None:
            from deliverydesk.gui.dialogs.records.void_reason import VoidReasonDialog  # loaded when asked

            self.reason_dialog = VoidReasonDialog(step.text, parent)
            self.reason_dialog.saved.connect(lambda reason: self._run(ctx, tasks, step, True, reason))
            self.reason_dialog.open()
            return
        self._run(
            ctx, tasks, step, True, QCoreApplication.translate("UndoHistory", "Written by mistake (undone)")
        )

    def redo(self, ctx: ServiceContext, tasks: Any) -> None:
        if self.can_redo():
            self._run(ctx, tasks, self._undone[-1], False, "")

    def _run(self, ctx: ServiceContext, tasks: Any, step: UndoStep, undoing: bool, reason: str) -> None:
        self._running = True
        self.changed.emit()
        action = step.undo if undoing else step.redo
        tasks.submit(
            lambda: action(ctx, reason),
            lambda _result: self._finished(step, undoing),
            lambda error: self._failed(step, undoing, error),
            owner=self,
        )

    def _finished(self, step: UndoStep, undoing: bool) -> None:
        self._running = False
        source, target = (self._done, self._undone) if undoing else (self._undone, self._done)
        if source and source[-1] is step:
            source.pop()
            target.append(step)
        self.changed.emit()
        self.applied.emit(step, undoing)

    def _failed(self, step: UndoStep, undoing: bool, error: DeliveryDeskError) -> None:
        """Refused (the record changed since, too late to void...): the step cannot be taken back."""
        self._running = False
        stack = self._done if undoing else self._undone
        if stack and stack[-1] is step:
            stack.pop()
        self.changed.emit()
        self.refused.emit(error)
