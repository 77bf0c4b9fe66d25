"""Rows to the domain's records and back, field by field: typed code written by
``tools/write_mappings.py`` (edit that script's tables, not this file, and run it again).

``<record>_item(row, **computed)`` is the read side's frozen ``*Item`` of a row; the fields an item
computes (a linked record's name, slip in working days...) are the keyword arguments.
``write_<record>(row, draft)`` copies a ``*Draft``'s fields (all but ``id``) onto a row. Why a record
has three shapes (``*Draft``, ``*Item``, ``*Row``): docs/architecture.md, "Records".
"""

from __future__ import annotations

from deliverydesk.domain.drafts import (
    CategoryDraft,
    ChangeRequestDraft,
    ClientDraft,
    CommitmentDraft,
    ContactDraft,
    ExclusionDraft,
    ExpectationDraft,
    HandoverEntryDraft,
    IssueDraft,
    LogEntryDraft,
    MilestoneDraft,
    ProjectDraft,
    ReviewActionDraft,
    ReviewDraft,
    ScopeItemDraft,
    SettingsDraft,
)
from deliverydesk.domain.enums import (
    Language,
)
from deliverydesk.domain.metrics import (
    MilestoneHealth,
)
from deliverydesk.domain.models import (
    AttachmentItem,
    CategoryItem,
    CategoryName,
    ChangeRequestItem,
    ClientItem,
    CommitmentItem,
    ContactItem,
    ExclusionItem,
    ExpectationItem,
    HandoverEntry,
    IssueItem,
    LetterItem,
    LogEntryItem,
    MilestoneChangeItem,
    MilestoneItem,
    PersonItem,
    ProjectItem,
    ReviewActionItem,
    ReviewItem,
    ScopeEntry,
    SettingsItem,
    SignatureItem,
)
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
    MilestoneChangeRow,
    MilestoneRow,
    PersonRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
    ScopeItemRow,
    SettingsRow,
    SignatureRow,
)

# --- rows to items --------------------------------------------------------------------------------


def client_item(row: ClientRow, *, contact_language: Language | None) -> ClientItem:
    return ClientItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        name=row.name,
        address=row.address,
        industry=row.industry,
        notes=row.notes,
        country=row.country,
        contact_language=contact_language,
    )


def contact_item(row: ContactRow) -> ContactItem:
    return ContactItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        client_id=row.client_id,
        name=row.name,
        title=row.title,
        phone=row.phone,
        email=row.email,
        role=row.role,
        can_sign=row.can_sign,
        language=row.language,
    )


def project_item(row: ProjectRow, *, client_name: str) -> ProjectItem:
    return ProjectItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        code=row.code,
        name=row.name,
        client_id=row.client_id,
        client_name=client_name,
        contract_ref=row.contract_ref,
        contract_value_cents=row.contract_value_cents,
        currency=row.currency,
        start_date=row.start_date,
        end_date=row.end_date,
        status=row.status,
        delivery_lead=row.delivery_lead,
        sales_owner=row.sales_owner,
        contracted_effort_hours=row.contracted_effort_hours,
        goodwill_budget_hours=row.goodwill_budget_hours,
        language=row.language,
        summary_rrule=row.summary_rrule,
        holiday_calendar=row.holiday_calendar,
    )


def scope_entry(row: ScopeItemRow) -> ScopeEntry:
    return ScopeEntry(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        ref=row.ref,
        title=row.title,
        description=row.description,
        acceptance_criteria=row.acceptance_criteria,
        effort_hours=row.effort_hours,
        status=row.status,
    )


def exclusion_item(row: ExclusionRow) -> ExclusionItem:
    return ExclusionItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        ref=row.ref,
        text=row.text,
    )


def milestone_item(row: MilestoneRow, *, slip_days: int, health: MilestoneHealth) -> MilestoneItem:
    return MilestoneItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        ref=row.ref,
        name=row.name,
        baseline_date=row.baseline_date,
        forecast_date=row.forecast_date,
        actual_date=row.actual_date,
        owner_side=row.owner_side,
        status=row.status,
        is_main=row.is_main,
        slip_days=slip_days,
        health=health,
    )


def milestone_change_item(row: MilestoneChangeRow, *, change_request_ref: str | None) -> MilestoneChangeItem:
    return MilestoneChangeItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        milestone_id=row.milestone_id,
        field=row.field,
        old_date=row.old_date,
        new_date=row.new_date,
        reason=row.reason,
        change_request_id=row.change_request_id,
        change_request_ref=change_request_ref,
    )


def expectation_item(row: ExpectationRow, *, agreed_with_name: str) -> ExpectationItem:
    return ExpectationItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        ref=row.ref,
        statement=row.statement,
        measure=row.measure,
        due_date=row.due_date,
        agreed_with_id=row.agreed_with_id,
        agreed_with_name=agreed_with_name,
        status=row.status,
        confirmed_by_letter_id=row.confirmed_by_letter_id,
    )


def change_request_item(row: ChangeRequestRow, *, category: CategoryName | None) -> ChangeRequestItem:
    return ChangeRequestItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        ref=row.ref,
        title=row.title,
        description=row.description,
        category_id=row.category_id,
        category=category,
        issue_id=row.issue_id,
        requested_by_id=row.requested_by_id,
        requested_by_name=row.requested_by_name,
        requested_on=row.requested_on,
        channel=row.channel,
        triage=row.triage,
        scope_check=row.scope_check,
        scope_item_id=row.scope_item_id,
        exclusion_id=row.exclusion_id,
        effort_hours=row.effort_hours,
        cost_cents=row.cost_cents,
        schedule_days=row.schedule_days,
        risk=row.risk,
        client_benefit=row.client_benefit,
        client_cost=row.client_cost,
        risks=row.risks,
        alternatives=row.alternatives,
        recommendation=row.recommendation,
        decision=row.decision,
        proposed_decision=row.proposed_decision,
        decided_by=row.decided_by,
        decided_on=row.decided_on,
        rationale=row.rationale,
        escalation_needed=row.escalation_needed,
        approved_by=row.approved_by,
        approved_on=row.approved_on,
        approval_note=row.approval_note,
        refused_by=row.refused_by,
        refused_on=row.refused_on,
        refusal_reason=row.refusal_reason,
    )


def letter_item(row: LetterRow, *, signatures: tuple[SignatureItem, ...]) -> LetterItem:
    return LetterItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        kind=row.kind,
        ref=row.ref,
        version=row.version,
        language=row.language,
        change_request_id=row.change_request_id,
        content_json=row.content_json,
        fingerprint=row.fingerprint,
        pdf_sha256=row.pdf_sha256,
        status=row.status,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
        issued_host=row.issued_host,
        translation_of_id=row.translation_of_id,
        signed_pdf_sha256=row.signed_pdf_sha256,
        signatures=signatures,
    )


def log_entry_item(row: LogEntryRow, *, corrected_by_id: str | None) -> LogEntryItem:
    return LogEntryItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        occurred_at=row.occurred_at,
        kind=row.kind,
        participants=row.participants,
        summary=row.summary,
        details=row.details,
        change_request_id=row.change_request_id,
        expectation_id=row.expectation_id,
        milestone_id=row.milestone_id,
        issue_id=row.issue_id,
        correction_of_id=row.correction_of_id,
        corrected_by_id=corrected_by_id,
        letter_id=row.letter_id,
        voided_at=row.voided_at,
        void_reason=row.void_reason,
    )


def commitment_item(row: CommitmentRow) -> CommitmentItem:
    return CommitmentItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        log_entry_id=row.log_entry_id,
        owner_side=row.owner_side,
        owner_name=row.owner_name,
        owed_to=row.owed_to,
        description=row.description,
        due_date=row.due_date,
        confirm_in_writing=row.confirm_in_writing,
        confirmation_log_entry_id=row.confirmation_log_entry_id,
        confirmation_letter_id=row.confirmation_letter_id,
        closed_on=row.closed_on,
        closed_note=row.closed_note,
        closed_log_entry_id=row.closed_log_entry_id,
    )


def issue_item(row: IssueRow, *, category: CategoryName | None) -> IssueItem:
    return IssueItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        ref=row.ref,
        title=row.title,
        category_id=row.category_id,
        category=category,
        severity=row.severity,
        reported_on=row.reported_on,
        resolved_on=row.resolved_on,
        symptoms=row.symptoms,
        root_cause=row.root_cause,
        resolution=row.resolution,
    )


def category_item(row: CategoryRow) -> CategoryItem:
    return CategoryItem(
        name_en=row.name_en,
        name_zh=row.name_zh,
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        description=row.description,
    )


def review_item(row: ReviewRow) -> ReviewItem:
    return ReviewItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        issue_id=row.issue_id,
        title=row.title,
        held_on=row.held_on,
        client_short=row.client_short,
        client_mid=row.client_mid,
        client_long=row.client_long,
        company_short=row.company_short,
        company_mid=row.company_mid,
        company_long=row.company_long,
        lessons=row.lessons,
        follow_up=row.follow_up,
    )


def review_action_item(row: ReviewActionRow) -> ReviewActionItem:
    return ReviewActionItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        review_id=row.review_id,
        description=row.description,
        owner=row.owner,
        revisit_on=row.revisit_on,
        done_on=row.done_on,
        outcome=row.outcome,
    )


def handover_entry(row: HandoverItemRow, *, material: tuple[str, ...]) -> HandoverEntry:
    return HandoverEntry(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        kind=row.kind,
        title=row.title,
        details=row.details,
        item_date=row.item_date,
        attendees=row.attendees,
        recommendation=row.recommendation,
        training_id=row.training_id,
        scope_item_id=row.scope_item_id,
        owner=row.owner,
        issue_id=row.issue_id,
        material=material,
    )


def attachment_item(row: AttachmentRow) -> AttachmentItem:
    return AttachmentItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        sha256=row.sha256,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        log_entry_id=row.log_entry_id,
        letter_id=row.letter_id,
        change_request_id=row.change_request_id,
    )


def settings_item(row: SettingsRow) -> SettingsItem:
    return SettingsItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        company_name=row.company_name,
        company_address=row.company_address,
        logo_png=row.logo_png,
        engineer_name=row.engineer_name,
        engineer_title=row.engineer_title,
        engineer_place=row.engineer_place,
        person_id=row.person_id,
        default_language=row.default_language,
        paper_size=row.paper_size,
        holiday_calendar=row.holiday_calendar,
        ui_language=row.ui_language,
    )


def signature_item(row: SignatureRow, *, scan_sha256: str) -> SignatureItem:
    return SignatureItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        project_id=row.project_id,
        letter_id=row.letter_id,
        party=row.party,
        method=row.method,
        signer_name=row.signer_name,
        signer_title=row.signer_title,
        contact_id=row.contact_id,
        signed_on=row.signed_on,
        place=row.place,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        note=row.note,
        log_entry_id=row.log_entry_id,
        attachment_id=row.attachment_id,
        scan_sha256=scan_sha256,
        signature_png=row.signature_png,
    )


def person_item(row: PersonRow, *, is_you: bool) -> PersonItem:
    return PersonItem(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        row_version=row.row_version,
        name=row.name,
        role=row.role,
        hours_per_change=row.hours_per_change,
        cost_cents_per_change=row.cost_cents_per_change,
        goodwill_hours_per_project=row.goodwill_hours_per_project,
        cost_currency=row.cost_currency,
        limits_set_by_id=row.limits_set_by_id,
        limits_set_at=row.limits_set_at,
        is_you=is_you,
    )


# --- drafts onto rows ----------------------------------------------------------------------------


def write_client(row: ClientRow, draft: ClientDraft) -> None:
    row.name = draft.name
    row.address = draft.address
    row.industry = draft.industry
    row.notes = draft.notes
    row.country = draft.country


def write_contact(row: ContactRow, draft: ContactDraft) -> None:
    row.client_id = draft.client_id
    row.name = draft.name
    row.title = draft.title
    row.phone = draft.phone
    row.email = draft.email
    row.role = draft.role
    row.can_sign = draft.can_sign
    row.language = draft.language


def write_project(row: ProjectRow, draft: ProjectDraft) -> None:
    row.code = draft.code
    row.name = draft.name
    row.client_id = draft.client_id
    row.contract_ref = draft.contract_ref
    row.contract_value_cents = draft.contract_value_cents
    row.currency = draft.currency
    row.start_date = draft.start_date
    row.end_date = draft.end_date
    row.status = draft.status
    row.delivery_lead = draft.delivery_lead
    row.sales_owner = draft.sales_owner
    row.contracted_effort_hours = draft.contracted_effort_hours
    row.goodwill_budget_hours = draft.goodwill_budget_hours
    row.language = draft.language
    row.summary_rrule = draft.summary_rrule
    row.holiday_calendar = draft.holiday_calendar


def write_scope_item(row: ScopeItemRow, draft: ScopeItemDraft) -> None:
    row.project_id = draft.project_id
    row.title = draft.title
    row.description = draft.description
    row.acceptance_criteria = draft.acceptance_criteria
    row.effort_hours = draft.effort_hours
    row.status = draft.status


def write_exclusion(row: ExclusionRow, draft: ExclusionDraft) -> None:
    row.project_id = draft.project_id
    row.text = draft.text


def write_milestone(row: MilestoneRow, draft: MilestoneDraft) -> None:
    row.project_id = draft.project_id
    row.name = draft.name
    row.baseline_date = draft.baseline_date
    row.forecast_date = draft.forecast_date
    row.actual_date = draft.actual_date
    row.owner_side = draft.owner_side
    row.status = draft.status
    row.is_main = draft.is_main


def write_expectation(row: ExpectationRow, draft: ExpectationDraft) -> None:
    row.project_id = draft.project_id
    row.statement = draft.statement
    row.measure = draft.measure
    row.due_date = draft.due_date
    row.agreed_with_id = draft.agreed_with_id
    row.status = draft.status


def write_change_request(row: ChangeRequestRow, draft: ChangeRequestDraft) -> None:
    row.project_id = draft.project_id
    row.title = draft.title
    row.requested_on = draft.requested_on
    row.description = draft.description
    row.category_id = draft.category_id
    row.issue_id = draft.issue_id
    row.requested_by_id = draft.requested_by_id
    row.requested_by_name = draft.requested_by_name
    row.channel = draft.channel
    row.triage = draft.triage
    row.scope_check = draft.scope_check
    row.scope_item_id = draft.scope_item_id
    row.exclusion_id = draft.exclusion_id
    row.effort_hours = draft.effort_hours
    row.cost_cents = draft.cost_cents
    row.schedule_days = draft.schedule_days
    row.risk = draft.risk
    row.client_benefit = draft.client_benefit
    row.client_cost = draft.client_cost
    row.risks = draft.risks
    row.alternatives = draft.alternatives
    row.recommendation = draft.recommendation
    row.decision = draft.decision
    row.decided_by = draft.decided_by
    row.decided_on = draft.decided_on
    row.rationale = draft.rationale
    row.escalation_needed = draft.escalation_needed
    row.approved_by = draft.approved_by
    row.approved_on = draft.approved_on
    row.approval_note = draft.approval_note


def write_log_entry(row: LogEntryRow, draft: LogEntryDraft) -> None:
    row.project_id = draft.project_id
    row.occurred_at = draft.occurred_at
    row.summary = draft.summary
    row.kind = draft.kind
    row.participants = draft.participants
    row.details = draft.details
    row.change_request_id = draft.change_request_id
    row.expectation_id = draft.expectation_id
    row.milestone_id = draft.milestone_id
    row.issue_id = draft.issue_id
    row.letter_id = draft.letter_id


def write_commitment(row: CommitmentRow, draft: CommitmentDraft) -> None:
    row.project_id = draft.project_id
    row.description = draft.description
    row.due_date = draft.due_date
    row.owner_side = draft.owner_side
    row.owner_name = draft.owner_name
    row.owed_to = draft.owed_to
    row.confirm_in_writing = draft.confirm_in_writing
    row.log_entry_id = draft.log_entry_id


def write_issue(row: IssueRow, draft: IssueDraft) -> None:
    row.project_id = draft.project_id
    row.title = draft.title
    row.reported_on = draft.reported_on
    row.category_id = draft.category_id
    row.severity = draft.severity
    row.resolved_on = draft.resolved_on
    row.symptoms = draft.symptoms
    row.root_cause = draft.root_cause
    row.resolution = draft.resolution


def write_category(row: CategoryRow, draft: CategoryDraft) -> None:
    row.name_en = draft.name_en
    row.name_zh = draft.name_zh
    row.description = draft.description


def write_review(row: ReviewRow, draft: ReviewDraft) -> None:
    row.project_id = draft.project_id
    row.held_on = draft.held_on
    row.issue_id = draft.issue_id
    row.title = draft.title
    row.client_short = draft.client_short
    row.client_mid = draft.client_mid
    row.client_long = draft.client_long
    row.company_short = draft.company_short
    row.company_mid = draft.company_mid
    row.company_long = draft.company_long
    row.lessons = draft.lessons
    row.follow_up = draft.follow_up


def write_review_action(row: ReviewActionRow, draft: ReviewActionDraft) -> None:
    row.project_id = draft.project_id
    row.review_id = draft.review_id
    row.description = draft.description
    row.revisit_on = draft.revisit_on
    row.owner = draft.owner


def write_handover_entry(row: HandoverItemRow, draft: HandoverEntryDraft) -> None:
    row.project_id = draft.project_id
    row.kind = draft.kind
    row.title = draft.title
    row.details = draft.details
    row.item_date = draft.item_date
    row.attendees = draft.attendees
    row.recommendation = draft.recommendation
    row.training_id = draft.training_id
    row.scope_item_id = draft.scope_item_id
    row.owner = draft.owner
    row.issue_id = draft.issue_id


def write_settings(row: SettingsRow, draft: SettingsDraft) -> None:
    row.company_name = draft.company_name
    row.company_address = draft.company_address
    row.logo_png = draft.logo_png
    row.engineer_name = draft.engineer_name
    row.engineer_title = draft.engineer_title
    row.engineer_place = draft.engineer_place
    row.default_language = draft.default_language
    row.paper_size = draft.paper_size
    row.holiday_calendar = draft.holiday_calendar
    row.ui_language = draft.ui_language
