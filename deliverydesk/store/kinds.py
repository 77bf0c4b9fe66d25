"""The table behind each kind of record, named for the services: they say which kind of record
(``kinds.MILESTONE``), the store knows its table. A ``RowKind`` also carries the word the messages use
for the kind (``domain.record_kinds``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from deliverydesk.store.tables import (
    AttachmentRow,
    CategoryRow,
    ChangeRequestRow,
    ClientRow,
    CommitmentRow,
    ContactRow,
    ExclusionRow,
    ExpectationRow,
    HandoverItemRow,
    IssueRow,
    LetterRow,
    LogEntryRow,
    MilestoneRow,
    PersonRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
    ScopeItemRow,
)

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class RowKind(Generic[RowT]):
    """One kind of record: its table and its name in messages ("The milestone was not found")."""

    row_cls: type[RowT]
    what: str

    def new(self) -> RowT:
        """An empty row of this kind, to fill through ``store.mapping`` and insert."""
        return self.row_cls()


ATTACHMENT = RowKind(AttachmentRow, "attachment")
CATEGORY = RowKind(CategoryRow, "category")
CHANGE_REQUEST = RowKind(ChangeRequestRow, "change request")
CLIENT = RowKind(ClientRow, "client")
COMMITMENT = RowKind(CommitmentRow, "commitment")
CONTACT = RowKind(ContactRow, "contact")
EXCLUSION = RowKind(ExclusionRow, "exclusion")
EXPECTATION = RowKind(ExpectationRow, "expectation")
HANDOVER_ENTRY = RowKind(HandoverItemRow, "handover entry")
ISSUE = RowKind(IssueRow, "issue")
LETTER = RowKind(LetterRow, "letter")
LOG_ENTRY = RowKind(LogEntryRow, "log entry")
MILESTONE = RowKind(MilestoneRow, "milestone")
PERSON = RowKind(PersonRow, "person")
PROJECT = RowKind(ProjectRow, "project")
REVIEW = RowKind(ReviewRow, "review")
REVIEW_ACTION = RowKind(ReviewActionRow, "follow-up action")  # as its messages say
SCOPE_ITEM = RowKind(ScopeItemRow, "scope item")
