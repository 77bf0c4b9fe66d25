"""The handover gate: what must be settled before a handover report can be issued. Pure: no I/O.

A handover report is the record of what the client received. It cannot be issued while any of these
stands (each is named in words on the Handover page, on Home, and in the refusal):

* a training with no written material (no document handed over is linked to it);
* a scope item neither accepted nor listed as an open item with an owner and a date;
* a high-severity (high or critical) issue with no risk or caution noted for it.

A draft can always be previewed: the gate only holds issuing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from deliverydesk.domain.enums import ProjectStatus, ScopeStatus, Severity
from deliverydesk.errors import RuleError
from deliverydesk.i18n import Message, listed, msg, msg_n

SEVERE = (Severity.HIGH, Severity.CRITICAL)
HANDOVER_NEAR_DAYS = 14  # Home names the blockers of projects this close to their contracted end
NEAR_HANDOVER = (ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD, ProjectStatus.PLANNING)


class BlockerKind(StrEnum):
    TRAINING_WITHOUT_MATERIAL = "training_without_material"
    SCOPE_ITEM_OPEN = "scope_item_open"  # neither accepted nor an open item with owner and date
    ISSUE_WITHOUT_CAUTION = "issue_without_caution"  # high-severity, no risk or caution noted


@dataclass(frozen=True)
class Blocker:
    """One thing that stands in the way of issuing the handover report (``record_id`` opens it)."""

    kind: BlockerKind
    record_id: str
    ref: str  # S-3, I-2; "" for a training
    title: str
    severity: Severity | None = None  # an issue's

    @property
    def sentence(self) -> Message:
        """The blocker in words (the window words it in its own Qt strings; the refusal carries this)."""
        if self.kind is BlockerKind.TRAINING_WITHOUT_MATERIAL:
            return msg(
                "Training “{title}” has no written material: link the documents handed over for it.",
                title=self.title,
            )
        if self.kind is BlockerKind.SCOPE_ITEM_OPEN:
            return msg(
                "{ref} “{title}” is neither accepted nor listed as an open item with an owner and a date.",
                ref=self.ref,
                title=self.title,
            )
        if (self.severity or Severity.HIGH) is Severity.CRITICAL:
            return msg(
                "{ref} “{title}” is a critical-severity issue with no risk or caution noted.",
                ref=self.ref,
                title=self.title,
            )
        return msg(
            "{ref} “{title}” is a high-severity issue with no risk or caution noted.",
            ref=self.ref,
            title=self.title,
        )


@dataclass(frozen=True)
class ScopeFact:
    id: str
    ref: str
    title: str
    status: ScopeStatus


@dataclass(frozen=True)
class IssueFact:
    id: str
    ref: str
    title: str
    severity: Severity


@dataclass(frozen=True)
class OpenItemFact:
    scope_item_id: str | None
    owner: str
    due: date | None


@dataclass(frozen=True)
class HandoverFacts:
    """A project's live records that the gate reads."""

    scope_items: Sequence[ScopeFact] = ()
    trainings: Sequence[tuple[str, str]] = ()  # (id, title)
    documents_for: Sequence[str | None] = ()  # each live document's training_id
    open_items: Sequence[OpenItemFact] = ()
    issues: Sequence[IssueFact] = ()
    cautioned_issue_ids: Sequence[str | None] = ()  # each live risk's issue_id


def handover_blockers(facts: HandoverFacts) -> tuple[Blocker, ...]:
    """Everything that stands in the way, trainings first, then scope items, then issues."""
    with_material = set(facts.documents_for)
    owned = {o.scope_item_id for o in facts.open_items if o.scope_item_id and o.owner.strip() and o.due}
    cautioned = set(facts.cautioned_issue_ids)
    blockers = [
        Blocker(BlockerKind.TRAINING_WITHOUT_MATERIAL, training_id, "", title)
        for training_id, title in facts.trainings
        if training_id not in with_material
    ]
    blockers += [
        Blocker(BlockerKind.SCOPE_ITEM_OPEN, s.id, s.ref, s.title)
        for s in facts.scope_items
        if s.status is not ScopeStatus.ACCEPTED and s.id not in owned
    ]
    blockers += [
        Blocker(BlockerKind.ISSUE_WITHOUT_CAUTION, i.id, i.ref, i.title, i.severity)
        for i in facts.issues
        if i.severity in SEVERE and i.id not in cautioned
    ]
    return tuple(blockers)


class HandoverBlocked(RuleError):
    """Issuing a handover report was refused: ``blockers`` says why, each in words."""

    def __init__(self, blockers: Sequence[Blocker]) -> None:
        self.blockers = tuple(blockers)
        super().__init__(
            msg_n(
                "The handover report cannot be issued while {count} thing stands in the way:\n{blockers}",
                "The handover report cannot be issued while {count} things stand in the way:\n{blockers}",
                len(self.blockers),
                blockers=listed(b.sentence for b in self.blockers),
            ),
            msg("Settle them on the Handover page (a draft can still be previewed)."),
        )


def check_handover(facts: HandoverFacts) -> None:
    blockers = handover_blockers(facts)
    if blockers:
        raise HandoverBlocked(blockers)
