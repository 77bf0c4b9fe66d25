"""How the History dialog shows an audit event's fields and values: translated field names, enum
labels, local dates, file digests. Pure formatting of what the service returned (no queries)."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication

from deliverydesk.domain import enums as e
from deliverydesk.gui.formatting import format_date, format_datetime, format_number
from deliverydesk.gui.labels import label
from deliverydesk.gui.translate_noop import QT_TRANSLATE_NOOP

_FIELD_LABELS: dict[str, str] = {
    "acceptance_criteria": QT_TRANSLATE_NOOP("AuditFields", "Acceptance criteria"),
    "actual_date": QT_TRANSLATE_NOOP("AuditFields", "Actual date"),
    "address": QT_TRANSLATE_NOOP("AuditFields", "Address"),
    "agreed_with_id": QT_TRANSLATE_NOOP("AuditFields", "Agreed with"),
    "alternatives": QT_TRANSLATE_NOOP("AuditFields", "Alternatives"),
    "approval_note": QT_TRANSLATE_NOOP("AuditFields", "Approval note"),
    "approved_by": QT_TRANSLATE_NOOP("AuditFields", "Approved by"),
    "approved_on": QT_TRANSLATE_NOOP("AuditFields", "Approved on"),
    "archived_at": QT_TRANSLATE_NOOP("AuditFields", "Archived on"),
    "attachment_id": QT_TRANSLATE_NOOP("AuditFields", "Attachment"),
    "attendees": QT_TRANSLATE_NOOP("AuditFields", "Attendees"),
    "authority_cost_cents_per_change": QT_TRANSLATE_NOOP("AuditFields", "Authority limit: cost per change"),
    "authority_hours_per_change": QT_TRANSLATE_NOOP("AuditFields", "Authority limit: hours per change"),
    "baseline_date": QT_TRANSLATE_NOOP("AuditFields", "Baseline date"),
    "can_sign": QT_TRANSLATE_NOOP("AuditFields", "May sign"),
    "category_id": QT_TRANSLATE_NOOP("AuditFields", "Category"),
    "change_request_id": QT_TRANSLATE_NOOP("AuditFields", "Change request"),
    "channel": QT_TRANSLATE_NOOP("AuditFields", "Channel"),
    "client_benefit": QT_TRANSLATE_NOOP("AuditFields", "Benefit to the client"),
    "client_cost": QT_TRANSLATE_NOOP("AuditFields", "Cost to the client"),
    "client_id": QT_TRANSLATE_NOOP("AuditFields", "Client"),
    "client_long": QT_TRANSLATE_NOOP("AuditFields", "Client side, long term"),
    "client_mid": QT_TRANSLATE_NOOP("AuditFields", "Client side, mid term"),
    "client_short": QT_TRANSLATE_NOOP("AuditFields", "Client side, short term"),
    "closed_log_entry_id": QT_TRANSLATE_NOOP("AuditFields", "Closed by log entry"),
    "closed_note": QT_TRANSLATE_NOOP("AuditFields", "How it was met"),
    "closed_on": QT_TRANSLATE_NOOP("AuditFields", "Closed on"),
    "code": QT_TRANSLATE_NOOP("AuditFields", "Code"),
    "company_address": QT_TRANSLATE_NOOP("AuditFields", "Company address"),
    "company_long": QT_TRANSLATE_NOOP("AuditFields", "Company side, long term"),
    "company_mid": QT_TRANSLATE_NOOP("AuditFields", "Company side, mid term"),
    "company_name": QT_TRANSLATE_NOOP("AuditFields", "Company name"),
    "company_short": QT_TRANSLATE_NOOP("AuditFields", "Company side, short term"),
    "confirm_in_writing": QT_TRANSLATE_NOOP("AuditFields", "Confirm in writing"),
    "confirmation_letter_id": QT_TRANSLATE_NOOP("AuditFields", "Confirmed by letter"),
    "confirmation_log_entry_id": QT_TRANSLATE_NOOP("AuditFields", "Confirmed by log entry"),
    "confirmed_by_letter_id": QT_TRANSLATE_NOOP("AuditFields", "Confirmed by letter"),
    "contact_id": QT_TRANSLATE_NOOP("AuditFields", "Contact"),
    "content_json": QT_TRANSLATE_NOOP("AuditFields", "Issued content"),
    "contract_ref": QT_TRANSLATE_NOOP("AuditFields", "Contract reference"),
    "contract_value_cents": QT_TRANSLATE_NOOP("AuditFields", "Contract value"),
    "contracted_effort_hours": QT_TRANSLATE_NOOP("AuditFields", "Contracted effort (hours)"),
    "correction_of_id": QT_TRANSLATE_NOOP("AuditFields", "Correction of"),
    "cost_cents": QT_TRANSLATE_NOOP("AuditFields", "Cost"),
    "cost_cents_per_change": QT_TRANSLATE_NOOP("AuditFields", "Cost per change request"),
    "cost_currency": QT_TRANSLATE_NOOP("AuditFields", "Currency of the cost limit"),
    "currency": QT_TRANSLATE_NOOP("AuditFields", "Currency"),
    "decided_by": QT_TRANSLATE_NOOP("AuditFields", "Decided by"),
    "decided_on": QT_TRANSLATE_NOOP("AuditFields", "Decided on"),
    "decision": QT_TRANSLATE_NOOP("AuditFields", "Decision"),
    "default_language": QT_TRANSLATE_NOOP("AuditFields", "Default language"),
    "delivery_lead": QT_TRANSLATE_NOOP("AuditFields", "Delivery lead"),
    "description": QT_TRANSLATE_NOOP("AuditFields", "Description"),
    "details": QT_TRANSLATE_NOOP("AuditFields", "Details"),
    "done_on": QT_TRANSLATE_NOOP("AuditFields", "Done on"),
    "due_date": QT_TRANSLATE_NOOP("AuditFields", "Due date"),
    "effort_hours": QT_TRANSLATE_NOOP("AuditFields", "Effort (hours)"),
    "email": QT_TRANSLATE_NOOP("AuditFields", "Email"),
    "end_date": QT_TRANSLATE_NOOP("AuditFields", "End date"),
    "engineer_name": QT_TRANSLATE_NOOP("AuditFields", "Engineer name"),
    "engineer_place": QT_TRANSLATE_NOOP("AuditFields", "Where you sign"),
    "engineer_title": QT_TRANSLATE_NOOP("AuditFields", "Engineer title"),
    "escalation_needed": QT_TRANSLATE_NOOP("AuditFields", "Needs manager approval"),
    "exclusion_id": QT_TRANSLATE_NOOP("AuditFields", "Exclusion"),
    "expectation_id": QT_TRANSLATE_NOOP("AuditFields", "Expectation"),
    "field": QT_TRANSLATE_NOOP("AuditFields", "Date changed"),
    "filename": QT_TRANSLATE_NOOP("AuditFields", "File name"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditFields", "Fingerprint"),
    "follow_up": QT_TRANSLATE_NOOP("AuditFields", "Follow-up actions"),
    "forecast_date": QT_TRANSLATE_NOOP("AuditFields", "Forecast date"),
    "goodwill_budget_hours": QT_TRANSLATE_NOOP("AuditFields", "Goodwill budget (hours)"),
    "goodwill_hours_per_project": QT_TRANSLATE_NOOP("AuditFields", "Goodwill per project (hours)"),
    "held_on": QT_TRANSLATE_NOOP("AuditFields", "Held on"),
    "holiday_calendar": QT_TRANSLATE_NOOP("AuditFields", "Holiday calendar"),
    "hours_per_change": QT_TRANSLATE_NOOP("AuditFields", "Hours per change request"),
    "industry": QT_TRANSLATE_NOOP("AuditFields", "Industry"),
    "is_main": QT_TRANSLATE_NOOP("AuditFields", "Main milestone"),
    "issue_id": QT_TRANSLATE_NOOP("AuditFields", "Issue"),
    "issued_at": QT_TRANSLATE_NOOP("AuditFields", "Issued at"),
    "item_date": QT_TRANSLATE_NOOP("AuditFields", "Date"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Kind"),
    "language": QT_TRANSLATE_NOOP("AuditFields", "Language"),
    "lessons": QT_TRANSLATE_NOOP("AuditFields", "Lessons"),
    "letter_id": QT_TRANSLATE_NOOP("AuditFields", "Letter"),
    "limits_set_at": QT_TRANSLATE_NOOP("AuditFields", "Limits set at"),
    "limits_set_by_id": QT_TRANSLATE_NOOP("AuditFields", "Limits set by"),
    "log_entry_id": QT_TRANSLATE_NOOP("AuditFields", "Log entry"),
    "logo_png": QT_TRANSLATE_NOOP("AuditFields", "Logo"),
    "material_left": QT_TRANSLATE_NOOP("AuditFields", "Written material left"),
    "measure": QT_TRANSLATE_NOOP("AuditFields", "Measure"),
    "media_type": QT_TRANSLATE_NOOP("AuditFields", "File type"),
    "method": QT_TRANSLATE_NOOP("AuditFields", "How it was signed"),
    "milestone_id": QT_TRANSLATE_NOOP("AuditFields", "Milestone"),
    "name": QT_TRANSLATE_NOOP("AuditFields", "Name"),
    "name_en": QT_TRANSLATE_NOOP("AuditFields", "Name (English)"),
    "name_zh": QT_TRANSLATE_NOOP("AuditFields", "Name (Chinese)"),
    "new_date": QT_TRANSLATE_NOOP("AuditFields", "New date"),
    "note": QT_TRANSLATE_NOOP("AuditFields", "Note"),
    "notes": QT_TRANSLATE_NOOP("AuditFields", "Notes"),
    "occurred_at": QT_TRANSLATE_NOOP("AuditFields", "When"),
    "old_date": QT_TRANSLATE_NOOP("AuditFields", "Old date"),
    "outcome": QT_TRANSLATE_NOOP("AuditFields", "Outcome"),
    "owed_to": QT_TRANSLATE_NOOP("AuditFields", "Owed to"),
    "owner": QT_TRANSLATE_NOOP("AuditFields", "Owner"),
    "owner_name": QT_TRANSLATE_NOOP("AuditFields", "Who owes"),
    "owner_side": QT_TRANSLATE_NOOP("AuditFields", "Side"),
    "paper_size": QT_TRANSLATE_NOOP("AuditFields", "Paper size"),
    "participants": QT_TRANSLATE_NOOP("AuditFields", "Participants"),
    "party": QT_TRANSLATE_NOOP("AuditFields", "Signature block"),
    "pdf_sha256": QT_TRANSLATE_NOOP("AuditFields", "PDF SHA-256"),
    "person_id": QT_TRANSLATE_NOOP("AuditFields", "You (team roster)"),
    "phone": QT_TRANSLATE_NOOP("AuditFields", "Phone"),
    "place": QT_TRANSLATE_NOOP("AuditFields", "Place"),
    "project_id": QT_TRANSLATE_NOOP("AuditFields", "Project"),
    "proposed_decision": QT_TRANSLATE_NOOP("AuditFields", "Proposed decision"),
    "rationale": QT_TRANSLATE_NOOP("AuditFields", "Rationale"),
    "reason": QT_TRANSLATE_NOOP("AuditFields", "Reason"),
    "recommendation": QT_TRANSLATE_NOOP("AuditFields", "Recommendation"),
    "recorded_at": QT_TRANSLATE_NOOP("AuditFields", "Recorded at"),
    "recorded_by": QT_TRANSLATE_NOOP("AuditFields", "Recorded by"),
    "ref": QT_TRANSLATE_NOOP("AuditFields", "Ref"),
    "refusal_reason": QT_TRANSLATE_NOOP("AuditFields", "Reason for refusing"),
    "refused_by": QT_TRANSLATE_NOOP("AuditFields", "Refused by"),
    "refused_on": QT_TRANSLATE_NOOP("AuditFields", "Refused on"),
    "reported_on": QT_TRANSLATE_NOOP("AuditFields", "Reported on"),
    "requested_by_id": QT_TRANSLATE_NOOP("AuditFields", "Requested by (contact)"),
    "requested_by_name": QT_TRANSLATE_NOOP("AuditFields", "Requested by"),
    "requested_on": QT_TRANSLATE_NOOP("AuditFields", "Requested on"),
    "resolution": QT_TRANSLATE_NOOP("AuditFields", "Resolution"),
    "resolved_on": QT_TRANSLATE_NOOP("AuditFields", "Resolved on"),
    "review_id": QT_TRANSLATE_NOOP("AuditFields", "Review"),
    "revisit_on": QT_TRANSLATE_NOOP("AuditFields", "Revisit on"),
    "risk": QT_TRANSLATE_NOOP("AuditFields", "Risk"),
    "risks": QT_TRANSLATE_NOOP("AuditFields", "Risks"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "Role"),
    "root_cause": QT_TRANSLATE_NOOP("AuditFields", "Root cause"),
    "sales_owner": QT_TRANSLATE_NOOP("AuditFields", "Sales owner"),
    "schedule_days": QT_TRANSLATE_NOOP("AuditFields", "Schedule impact (days)"),
    "scope_check": QT_TRANSLATE_NOOP("AuditFields", "Scope check"),
    "scope_item_id": QT_TRANSLATE_NOOP("AuditFields", "Scope item"),
    "severity": QT_TRANSLATE_NOOP("AuditFields", "Severity"),
    "sha256": QT_TRANSLATE_NOOP("AuditFields", "SHA-256"),
    "sign_log_entry_id": QT_TRANSLATE_NOOP("AuditFields", "Confirmed by email entry"),
    "sign_method": QT_TRANSLATE_NOOP("AuditFields", "How it was signed"),
    "sign_note": QT_TRANSLATE_NOOP("AuditFields", "Signing note"),
    "sign_place": QT_TRANSLATE_NOOP("AuditFields", "Signed at (place)"),
    "signature_png": QT_TRANSLATE_NOOP("AuditFields", "Signature"),
    "signed_at": QT_TRANSLATE_NOOP("AuditFields", "Signed at"),
    "signed_on": QT_TRANSLATE_NOOP("AuditFields", "Signed on"),
    "signed_pdf_sha256": QT_TRANSLATE_NOOP("AuditFields", "Signed PDF SHA-256"),
    "signer_name": QT_TRANSLATE_NOOP("AuditFields", "Signer"),
    "signer_title": QT_TRANSLATE_NOOP("AuditFields", "Signer's title"),
    "size": QT_TRANSLATE_NOOP("AuditFields", "Size"),
    "start_date": QT_TRANSLATE_NOOP("AuditFields", "Start date"),
    "statement": QT_TRANSLATE_NOOP("AuditFields", "Statement"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "Status"),
    "summary": QT_TRANSLATE_NOOP("AuditFields", "Summary"),
    "summary_rrule": QT_TRANSLATE_NOOP("AuditFields", "Summary cadence"),
    "symptoms": QT_TRANSLATE_NOOP("AuditFields", "Symptoms"),
    "text": QT_TRANSLATE_NOOP("AuditFields", "Text"),
    "title": QT_TRANSLATE_NOOP("AuditFields", "Title"),
    "training_id": QT_TRANSLATE_NOOP("AuditFields", "For training"),
    "triage": QT_TRANSLATE_NOOP("AuditFields", "Triage"),
    "ui_language": QT_TRANSLATE_NOOP("AuditFields", "Window language"),
    "version": QT_TRANSLATE_NOOP("AuditFields", "Version"),
}
# Which enum a stored value belongs to: (table, field) first, then the field alone.
_ENUMS: dict[tuple[str, str] | str, type[Enum]] = {
    ("project", "status"): e.ProjectStatus,
    ("scope_item", "status"): e.ScopeStatus,
    ("milestone", "status"): e.MilestoneStatus,
    ("expectation", "status"): e.ExpectationStatus,
    ("letter", "status"): e.LetterStatus,
    ("letter", "kind"): e.LetterKind,
    ("log_entry", "kind"): e.LogKind,
    ("handover_item", "kind"): e.HandoverKind,
    "role": e.ContactRole,
    "owner_side": e.OwnerSide,
    "channel": e.Channel,
    "triage": e.Triage,
    "scope_check": e.ScopeCheck,
    "risk": e.RiskLevel,
    "decision": e.Decision,
    "proposed_decision": e.Decision,
    "severity": e.Severity,
    "sign_method": e.SignMethod,
    "method": e.SignMethod,
    "party": e.SignatureParty,
    ("person", "role"): e.PersonRole,
    "language": e.Language,
    "default_language": e.Language,
    "paper_size": e.PaperSize,
}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+\+00:00")


def field_label(name: str) -> str:
    """The field's translated name; a field this build does not know by its column name."""
    source = _FIELD_LABELS.get(name)
    return QCoreApplication.translate("AuditFields", source) if source else name


def _enum_label(entity: str, name: str, value: str) -> str | None:
    enum_class = _ENUMS.get((entity, name)) or _ENUMS.get(name)
    if enum_class is None:
        return None
    try:
        return label(enum_class(value))
    except ValueError:
        return None


def _file_text(value: dict[str, object]) -> str:
    size, digest = value.get("size"), str(value.get("sha256", ""))
    shown = format_number(size / 1024, 1) if isinstance(size, int) else "?"
    text = QCoreApplication.translate("AuditFields", "file of %1 KB, SHA-256 %2")
    return text.replace("%1", shown).replace("%2", digest[:12] + "…")


def _text(entity: str, name: str, value: str) -> str:
    if _DATETIME.fullmatch(value):
        return format_datetime(datetime.fromisoformat(value))
    if _DATE.fullmatch(value):
        return format_date(date.fromisoformat(value))
    return _enum_label(entity, name, value) or value


def value_text(entity: str, name: str, value: object) -> str:
    """A value as kept in an event (JSON: text, number, yes/no, a file's digest), for display."""
    if value is None:
        return ""
    if isinstance(value, bool):
        yes, no = (
            QCoreApplication.translate("AuditFields", "Yes"),
            QCoreApplication.translate("AuditFields", "No"),
        )
        return yes if value else no
    if isinstance(value, dict) and "sha256" in value:
        return _file_text(value)
    if name.endswith("_cents") and isinstance(value, int):
        return format_number(value / 100, 2)
    if isinstance(value, float):
        return format_number(value, 2)
    if isinstance(value, str):
        return _text(entity, name, value)
    return str(value)
