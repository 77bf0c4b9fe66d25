"""The store's side (``RecordTable``) of the kinds of project record the services keep with
``ProjectRecords``: scope items, exclusions, issues, expectations, commitments, handover entries,
reviews and their follow-up actions. The links each checks and the rules an edit keeps on its row are
here, next to the rows; validation of the drafts is the domain's, called by the services."""

from __future__ import annotations

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    CommitmentDraft,
    ExpectationDraft,
    HandoverEntryDraft,
    IssueDraft,
    ReviewActionDraft,
    ReviewDraft,
)
from deliverydesk.domain.enums import ExpectationStatus, HandoverKind, LetterKind, LetterStatus
from deliverydesk.domain.models import ChangeRequestItem, ExpectationItem, HandoverEntry, IssueItem
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.write_once import DECISION_FIELDS  # the same list bundles respect
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds, mapping
from deliverydesk.store.category_queries import category_names, check_category_link
from deliverydesk.store.record_rows import check_contact_link, check_same_project, find_row
from deliverydesk.store.record_tables import RecordTable, mapped
from deliverydesk.store.records import Session, contact_names, list_rows
from deliverydesk.store.tables import (
    ChangeRequestRow,
    ExpectationRow,
    HandoverItemRow,
    IssueRow,
    LetterRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
)

MAX_ROWS = 1000

SCOPE_ITEMS = RecordTable(
    kinds.SCOPE_ITEM,
    write=mapping.write_scope_item,
    to_items=mapped(mapping.scope_entry),
    ref_prefix=RefPrefix.SCOPE_ITEM,
)
EXCLUSIONS = RecordTable(
    kinds.EXCLUSION,
    write=mapping.write_exclusion,
    to_items=mapped(mapping.exclusion_item),
    ref_prefix=RefPrefix.EXCLUSION,
)


# --- issues --------------------------------------------------------------------------------------
def _issue_links(session: Session, draft: IssueDraft, _project: ProjectRow, row: IssueRow | None) -> None:
    check_category_link(session, draft.category_id, row.category_id if row else None)


def _issue_items(session: Session, rows: list[IssueRow]) -> list[IssueItem]:
    names = category_names(session, [row.category_id for row in rows])
    return [mapping.issue_item(row, category=names.get(row.category_id or "")) for row in rows]


ISSUES = RecordTable(
    kinds.ISSUE,
    write=mapping.write_issue,
    to_items=_issue_items,
    ref_prefix=RefPrefix.ISSUE,
    check_links=_issue_links,
)


# --- expectations --------------------------------------------------------------------------------
def _expectation_items(session: Session, rows: list[ExpectationRow]) -> list[ExpectationItem]:
    names = contact_names(session, [r.agreed_with_id for r in rows if r.agreed_with_id])
    return [mapping.expectation_item(r, agreed_with_name=names.get(r.agreed_with_id or "", "")) for r in rows]


def _expectation_links(
    session: Session, draft: ExpectationDraft, project: ProjectRow, row: ExpectationRow | None
) -> None:
    """``agreed_with_id`` must be a current contact of the project's client (checked when it changes)."""
    if row is None or draft.agreed_with_id != row.agreed_with_id:
        check_contact_link(session, "agreed_with_id", draft.agreed_with_id, project)


def _expectation_update(_session: Session, row: ExpectationRow, draft: ExpectationDraft) -> None:
    confirmed_wording = _wording(row) if row.status is ExpectationStatus.CONFIRMED else None
    mapping.write_expectation(row, draft)
    if confirmed_wording is not None and _wording(row) != confirmed_wording:
        row.status = ExpectationStatus.DRAFT  # the client confirmed other words: confirm again
        row.confirmed_by_letter_id = None


def _wording(row: ExpectationRow) -> tuple[object, ...]:
    """What the client confirmed; changing any of it voids the confirmation (a new letter is due)."""
    return (row.statement, row.measure, row.due_date, row.agreed_with_id)


EXPECTATIONS = RecordTable(
    kinds.EXPECTATION,
    write=mapping.write_expectation,
    to_items=_expectation_items,
    ref_prefix=RefPrefix.EXPECTATION,
    check_links=_expectation_links,
    apply_update=_expectation_update,
)


# --- commitments ---------------------------------------------------------------------------------
def _commitment_links(session: Session, draft: CommitmentDraft, project: ProjectRow, _row: object) -> None:
    check_same_project(session, "log_entry_id", kinds.LOG_ENTRY, draft.log_entry_id, project.id)


COMMITMENTS = RecordTable(
    kinds.COMMITMENT,
    write=mapping.write_commitment,
    to_items=mapped(mapping.commitment_item),
    order_by=("due_date", "created_at", "id"),
    check_links=_commitment_links,
)


# --- handover entries ----------------------------------------------------------------------------
def _handover_items(session: Session, rows: list[HandoverItemRow]) -> list[HandoverEntry]:
    """Items with each training's written material (the titles of the live documents linked to it)."""
    trainings = [r.id for r in rows if r.kind is HandoverKind.TRAINING]
    material: dict[str, list[str]] = {t: [] for t in trainings}
    if trainings:
        project_ids = {r.project_id for r in rows}
        for project_id in project_ids:
            documents, _ = list_rows(
                session,
                HandoverItemRow,
                where={"project_id": project_id, "kind": HandoverKind.DOCUMENT},
                order_by=("item_date", "created_at"),
                limit=MAX_ROWS,
            )
            for document in documents:
                if document.training_id in material:
                    material[document.training_id].append(document.title)
    return [mapping.handover_entry(r, material=tuple(material.get(r.id, ()))) for r in rows]


def _handover_links(
    session: Session, draft: HandoverEntryDraft, project: ProjectRow, _row: HandoverItemRow | None
) -> None:
    check_same_project(session, "scope_item_id", kinds.SCOPE_ITEM, draft.scope_item_id, project.id)
    check_same_project(session, "issue_id", kinds.ISSUE, draft.issue_id, project.id)
    if draft.training_id is not None:
        training = find_row(session, kinds.HANDOVER_ENTRY, draft.training_id)
        if (
            training is None
            or training.project_id != project.id
            or training.kind is not HandoverKind.TRAINING
        ):
            raise ValidationError({"training_id": msg("Choose a training session of this project.")})


HANDOVER_ENTRIES = RecordTable(
    kinds.HANDOVER_ENTRY,
    write=mapping.write_handover_entry,
    to_items=_handover_items,
    order_by=("kind", "item_date", "created_at", "id"),  # by kind, then date, then when written
    check_links=_handover_links,
)


# --- reviews and their follow-up actions ---------------------------------------------------------
def _review_links(session: Session, draft: ReviewDraft, project: ProjectRow, _row: ReviewRow | None) -> None:
    check_same_project(session, "issue_id", kinds.ISSUE, draft.issue_id, project.id)


REVIEWS = RecordTable(
    kinds.REVIEW,
    write=mapping.write_review,
    to_items=mapped(mapping.review_item),
    order_by=("held_on", "created_at"),
    descending=True,  # newest review first
    check_links=_review_links,
)


def _action_links(
    session: Session, draft: ReviewActionDraft, project: ProjectRow, row: ReviewActionRow | None
) -> None:
    """An action belongs to a live review of its project and stays with it."""
    if row is not None and row.review_id != draft.review_id:
        raise ValidationError({"review_id": msg("A follow-up action cannot move to another review.")})
    check_same_project(session, "review_id", kinds.REVIEW, draft.review_id, project.id)
    review = find_row(session, kinds.REVIEW, draft.review_id)
    if review is not None and review.archived_at is not None:
        raise RuleError(
            msg("This review is archived."), msg("Restore the review before changing its actions.")
        )


REVIEW_ACTIONS = RecordTable(
    kinds.REVIEW_ACTION,
    write=mapping.write_review_action,
    to_items=mapped(mapping.review_action_item),
    order_by=("revisit_on", "created_at", "id"),
    check_links=_action_links,
)


# --- change requests -----------------------------------------------------------------------------
def change_decision_letter_issued(session: Session, request_id: str) -> bool:
    """Whether a live (issued or signed, not superseded) change-decision letter exists for it."""
    rows, _ = list_rows(
        session,
        LetterRow,
        where={"change_request_id": request_id, "kind": LetterKind.CHANGE_DECISION},
        limit=MAX_ROWS,
    )
    return any(row.status in (LetterStatus.ISSUED, LetterStatus.SIGNED) for row in rows)


def _request_links(
    session: Session, draft: ChangeRequestDraft, project: ProjectRow, row: ChangeRequestRow | None
) -> None:
    check_contact_link(session, "requested_by_id", draft.requested_by_id, project)
    check_same_project(session, "scope_item_id", kinds.SCOPE_ITEM, draft.scope_item_id, project.id)
    check_same_project(session, "exclusion_id", kinds.EXCLUSION, draft.exclusion_id, project.id)
    check_same_project(session, "issue_id", kinds.ISSUE, draft.issue_id, project.id)
    check_category_link(session, draft.category_id, row.category_id if row else None)


def _request_update(session: Session, row: ChangeRequestRow, draft: ChangeRequestDraft) -> None:
    """The decision of a request whose change-decision letter is issued can no longer change."""
    changed = any(getattr(row, name) != getattr(draft, name) for name in DECISION_FIELDS)
    if changed and change_decision_letter_issued(session, row.id):
        raise RuleError(
            msg(
                "The change decision letter of {ref} is issued: its decision can no longer change.",
                ref=row.ref,
            ),
            msg("Supersede the letter first, then change the decision and issue a new version."),
        )
    mapping.write_change_request(row, draft)


def change_request_items(session: Session, rows: list[ChangeRequestRow]) -> list[ChangeRequestItem]:
    """Items of a batch of change requests, with their categories' names looked up once."""
    names = category_names(session, [row.category_id for row in rows])
    return [mapping.change_request_item(row, category=names.get(row.category_id or "")) for row in rows]


CHANGE_REQUESTS = RecordTable(
    kinds.CHANGE_REQUEST,
    write=mapping.write_change_request,
    to_items=change_request_items,
    ref_prefix=RefPrefix.CHANGE_REQUEST,
    check_links=_request_links,
    apply_update=_request_update,
)
