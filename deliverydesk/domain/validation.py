"""Validation of drafts: pure rules, messages a field engineer understands.

Each ``validate_*`` returns the draft normalised (single-line text stripped, codes upper-cased) or raises
``ValidationError({field: message})`` naming every wrong field at once. Rules that need stored facts
(unique codes, which client a contact belongs to) take those facts as arguments.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.rrule import rrulestr

from deliverydesk.domain.attachments import MAX_BYTES, size_problem, unsafe_filename_reason
from deliverydesk.domain.bounds import number_problem
from deliverydesk.domain.client_defaults import COUNTRY_CODE
from deliverydesk.domain.drafts import (
    AttachmentDraft,
    CategoryDraft,
    ChangeRequestDraft,
    ClientDraft,
    ContactDraft,
    ExclusionDraft,
    ExpectationDraft,
    HandoverEntryDraft,
    IssueDraft,
    LogEntryDraft,
    MilestoneDraft,
    PersonDraft,
    ProjectDraft,
    ReviewActionDraft,
    ReviewDraft,
    ScopeItemDraft,
    SettingsDraft,
)
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.printing import control_reason, unprintable_reason
from deliverydesk.domain.workdays import is_supported_calendar
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import Message, msg

TITLE_MAX = 200  # names, titles, single-line fields
LONG_TEXT_MAX = 20_000  # descriptions, notes, details
CODE_MAX = 32
ATTACHMENT_MAX_BYTES = MAX_BYTES
LOGO_MAX_BYTES = 2 * 1024 * 1024
CLOCK_SKEW = timedelta(minutes=15)  # a phone's clock a little ahead of the laptop's
EARLIEST_DATE, LATEST_DATE = date(2000, 1, 1), date(2099, 12, 31)  # catches typos like 2206

PROJECT_CODE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
CURRENCY = re.compile(r"[A-Z]{3}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


class Checker:
    """Collects every problem of one draft, then raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, Message] = {}

    def fail(self, field: str, message: Message) -> None:
        self.errors.setdefault(field, message)

    def text(
        self, field: str, value: str, *, required: bool = False, limit: int = TITLE_MAX, printed: bool = True
    ) -> str:
        """Single-line text: stripped, required if asked, at most ``limit`` characters, and (when it
        prints on documents) only characters the document fonts have."""
        value = value.strip()
        self.long_text(field, value, required=required, limit=limit, printed=printed)
        return value

    def long_text(
        self,
        field: str,
        value: str,
        *,
        required: bool = False,
        limit: int = LONG_TEXT_MAX,
        printed: bool = True,
    ) -> None:
        if required and not value.strip():
            self.fail(field, msg("This cannot be empty."))
        elif len(value) > limit:
            self.fail(
                field,
                msg(
                    "Keep this to {limit:,} characters or fewer (it has {length:,}).",
                    limit=limit,
                    length=len(value),
                ),
            )
        elif printed:
            self.printable(field, value)
        else:  # never printed, but stored and synced: a NUL would end the text in SQLite's LIKE
            self.no_controls(field, value)

    def printable(self, field: str, *values: str) -> None:
        """Text that prints on documents: refused, naming them, when it has characters no document
        font has (emoji, scripts the fonts do not cover)."""
        reason = unprintable_reason(values)
        if reason is not None:
            self.fail(field, reason)

    def no_controls(self, field: str, value: str) -> None:
        reason = control_reason(value, direction=False)
        if reason is not None:
            self.fail(field, reason)

    def non_negative(self, field: str, value: float) -> None:
        """Not negative, finite, and within the bound for money, hours or counts (``domain.bounds``)."""
        problem = number_problem(field, value)
        if problem:
            self.fail(field, problem)

    def currency(self, field: str, value: str) -> str:
        """An ISO 4217 code, in capitals as stored."""
        code = value.strip().upper()
        if not CURRENCY.fullmatch(code):
            self.fail(field, msg("Use a 3-letter currency code such as CNY, EUR or USD."))
        return code

    def not_before(self, field: str, later: date | None, earlier: date | None, message: Message) -> None:
        if later is not None and earlier is not None and later < earlier:
            self.fail(field, message)

    def in_range(self, field: str, day: date | None) -> None:
        if day is not None and not EARLIEST_DATE <= day <= LATEST_DATE:
            self.fail(
                field,
                msg(
                    "Use a date between {first} and {last}.", first=EARLIEST_DATE.year, last=LATEST_DATE.year
                ),
            )

    def not_future(self, field: str, day: date | None, today: date) -> None:
        if day is not None and day > today:
            self.fail(field, msg("This date is in the future (today is {today}).", today=today))

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def validate_client(draft: ClientDraft) -> ClientDraft:
    check = Checker()
    name = check.text("name", draft.name, required=True)
    check.long_text("address", draft.address, limit=1000)
    industry = check.text("industry", draft.industry, printed=False)
    check.long_text("notes", draft.notes, printed=False)
    country = draft.country.strip().upper()
    if country and not COUNTRY_CODE.fullmatch(country):
        check.fail("country", msg("Use the two-letter country code, e.g. DE or CN."))
    check.done()
    return replace(draft, name=name, industry=industry, country=country)


def validate_contact(draft: ContactDraft) -> ContactDraft:
    check = Checker()
    name = check.text("name", draft.name, required=True)
    title = check.text("title", draft.title)
    phone = check.text("phone", draft.phone, limit=64)
    email = check.text("email", draft.email, limit=254)
    if email and not EMAIL.fullmatch(email):
        check.fail("email", msg("This does not look like an email address (name@example.com)."))
    check.done()
    return replace(draft, name=name, title=title, phone=phone, email=email)


def validate_project(draft: ProjectDraft) -> ProjectDraft:
    check = Checker()
    code = check.text("code", draft.code, required=True, limit=CODE_MAX).upper()
    if code and not PROJECT_CODE.fullmatch(code):
        check.fail("code", msg("Use letters, digits and single dashes only, e.g. DD-2026-014."))
    name = check.text("name", draft.name, required=True)
    currency = check.currency("currency", draft.currency)
    check.non_negative("contract_value_cents", draft.contract_value_cents)
    check.non_negative("contracted_effort_hours", draft.contracted_effort_hours)
    check.non_negative("goodwill_budget_hours", draft.goodwill_budget_hours)
    check.not_before(
        "end_date", draft.end_date, draft.start_date, msg("The end date cannot be before the start date.")
    )
    check.in_range("start_date", draft.start_date)
    check.in_range("end_date", draft.end_date)
    rrule = _check_rrule(check, draft.summary_rrule)
    calendar = _check_calendar(check, draft.holiday_calendar)
    texts: dict[str, Any] = {
        "contract_ref": check.text("contract_ref", draft.contract_ref),
        **{f: check.text(f, getattr(draft, f), printed=False) for f in ("delivery_lead", "sales_owner")},
    }
    check.done()
    return replace(
        draft,
        code=code,
        name=name,
        currency=currency,
        summary_rrule=rrule,
        holiday_calendar=calendar,
        **texts,
    )


def _check_rrule(check: Checker, rule: str) -> str:
    rule = rule.strip().upper().removeprefix("RRULE:")
    if rule:
        try:
            rrulestr(rule, dtstart=datetime(2026, 1, 1))
        except (ValueError, TypeError):
            check.fail("summary_rrule", msg("This is not a valid repeat rule, e.g. FREQ=WEEKLY;BYDAY=FR."))
    return rule


def _check_calendar(check: Checker, code: str) -> str:
    code = code.strip().upper()
    if not is_supported_calendar(code):
        check.fail(
            "holiday_calendar", msg("Unknown holiday calendar: use a country code such as CN, DE or US.")
        )
    return code


def validate_scope_item(draft: ScopeItemDraft) -> ScopeItemDraft:
    check = Checker()
    title = check.text("title", draft.title, required=True)
    check.long_text("description", draft.description)
    check.long_text("acceptance_criteria", draft.acceptance_criteria)
    check.non_negative("effort_hours", draft.effort_hours)
    check.done()
    return replace(draft, title=title)


def validate_exclusion(draft: ExclusionDraft) -> ExclusionDraft:
    check = Checker()
    check.long_text("text", draft.text, required=True, limit=2000)
    check.done()
    return replace(draft, text=draft.text.strip())


def validate_milestone(draft: MilestoneDraft, today: date) -> MilestoneDraft:
    """A forecast after the baseline is allowed (it is slip); an actual date cannot be in the future."""
    check = Checker()
    name = check.text("name", draft.name, required=True)
    for field in ("baseline_date", "forecast_date", "actual_date"):
        check.in_range(field, getattr(draft, field))
    check.not_future("actual_date", draft.actual_date, today)
    check.done()
    return replace(draft, name=name)


def validate_expectation(draft: ExpectationDraft) -> ExpectationDraft:
    check = Checker()
    check.long_text("statement", draft.statement, required=True, limit=2000)
    check.long_text("measure", draft.measure, limit=2000)
    check.done()
    return replace(draft, statement=draft.statement.strip(), measure=draft.measure.strip())


def validate_change_request(draft: ChangeRequestDraft, today: date) -> ChangeRequestDraft:
    check = Checker()
    title = check.text("title", draft.title, required=True)
    asker = check.text("requested_by_name", draft.requested_by_name)
    check.not_future("requested_on", draft.requested_on, today)
    for field in ("effort_hours", "cost_cents", "schedule_days"):
        check.non_negative(field, getattr(draft, field))
    for field in ("description", "client_benefit", "client_cost", "risks", "alternatives"):
        check.long_text(field, getattr(draft, field))
    for field in ("recommendation", "rationale", "approval_note"):
        check.long_text(field, getattr(draft, field))
    people: dict[str, Any] = {f: check.text(f, getattr(draft, f)) for f in ("decided_by", "approved_by")}
    check.not_before(
        "decided_on", draft.decided_on, draft.requested_on, msg("A decision cannot come before the request.")
    )
    check.done()
    return replace(draft, title=title, requested_by_name=asker, **people)


def validate_log_entry(draft: LogEntryDraft, now: datetime) -> LogEntryDraft:
    """The log records what happened: an entry cannot be dated after now (allowing for clock skew)."""
    check = Checker()
    if draft.occurred_at.tzinfo is None:
        check.fail("occurred_at", msg("The time needs a time zone."))
    elif draft.occurred_at > now + CLOCK_SKEW:
        check.fail("occurred_at", msg("This is in the future: the log records what already happened."))
    summary = check.text("summary", draft.summary, required=True, limit=500)
    participants = check.text("participants", draft.participants, limit=1000)
    check.long_text("details", draft.details)
    check.done()
    return replace(draft, summary=summary, participants=participants)


def validate_issue(draft: IssueDraft, today: date) -> IssueDraft:
    check = Checker()
    title = check.text("title", draft.title, required=True)
    check.not_future("reported_on", draft.reported_on, today)
    check.not_future("resolved_on", draft.resolved_on, today)
    check.not_before(
        "resolved_on",
        draft.resolved_on,
        draft.reported_on,
        msg("It cannot be resolved before it was reported."),
    )
    check.long_text("symptoms", draft.symptoms, printed=False)
    for field in ("root_cause", "resolution"):
        check.long_text(field, getattr(draft, field))
    check.done()
    return replace(draft, title=title)


def validate_review(draft: ReviewDraft, today: date) -> ReviewDraft:
    check = Checker()
    title = check.text("title", draft.title)
    check.not_future("held_on", draft.held_on, today)
    for field in ("client_short", "client_mid", "client_long", "company_short", "company_mid"):
        check.long_text(field, getattr(draft, field))
    for field in ("company_long", "lessons", "follow_up"):
        check.long_text(field, getattr(draft, field))
    check.done()
    return replace(draft, title=title)


def validate_review_action(draft: ReviewActionDraft) -> ReviewActionDraft:
    check = Checker()
    description = check.text("description", draft.description, required=True, limit=2000)
    owner = check.text("owner", draft.owner)
    check.in_range("revisit_on", draft.revisit_on)
    check.done()
    return replace(draft, description=description, owner=owner)


def validate_review_action_outcome(done_on: date, outcome: str, today: date) -> str:
    """Completing an action: done by today at the latest; the outcome says how it ended."""
    check = Checker()
    check.in_range("done_on", done_on)
    check.not_future("done_on", done_on, today)
    outcome = outcome.strip()
    check.long_text("outcome", outcome, limit=2000)
    check.done()
    return outcome


def validate_category(draft: CategoryDraft, taken: Collection[str]) -> CategoryDraft:
    """Both names required; ``taken`` holds the case-folded names of the other live categories."""
    check = Checker()
    name_en = check.text("name_en", draft.name_en, required=True, limit=100)
    name_zh = check.text("name_zh", draft.name_zh, required=True, limit=100)
    for field, name in (("name_en", name_en), ("name_zh", name_zh)):
        if name and name.casefold() in taken:
            check.fail(
                field,
                msg("A category named “{name}” already exists; pick that one or another name.", name=name),
            )
    check.long_text("description", draft.description, limit=2000)
    check.done()
    return replace(draft, name_en=name_en, name_zh=name_zh, description=draft.description.strip())


def validate_handover_entry(draft: HandoverEntryDraft) -> HandoverEntryDraft:
    """The links go with their kind: a document's training, an open item's scope item and owner, a
    risk's issue; the others are cleared."""
    check = Checker()
    title = check.text("title", draft.title, required=True)
    check.long_text("details", draft.details)
    check.long_text("attendees", draft.attendees, limit=2000)
    check.long_text("recommendation", draft.recommendation)
    owner = check.text("owner", draft.owner)
    check.done()
    kind = draft.kind
    return replace(
        draft,
        title=title,
        attendees=draft.attendees if kind is HandoverKind.TRAINING else "",
        training_id=draft.training_id if kind is HandoverKind.DOCUMENT else None,
        scope_item_id=draft.scope_item_id if kind is HandoverKind.OPEN_ITEM else None,
        owner=owner if kind is HandoverKind.OPEN_ITEM else "",
        issue_id=draft.issue_id if kind is HandoverKind.RISK else None,
    )


def validate_person(draft: PersonDraft) -> PersonDraft:
    check = Checker()
    name = check.text("name", draft.name, required=True)
    for field in ("hours_per_change", "cost_cents_per_change", "goodwill_hours_per_project"):
        check.non_negative(field, getattr(draft, field))
    currency = check.currency("cost_currency", draft.cost_currency)
    check.done()
    return replace(draft, name=name, cost_currency=currency)


def validate_attachment(draft: AttachmentDraft) -> AttachmentDraft:
    """A safe file name (``domain.attachments``: refused, never silently changed), 1 byte to 25 MB."""
    check = Checker()
    reason = unsafe_filename_reason(draft.filename)
    if reason:
        check.fail("filename", msg("This file name cannot be used: {reason}.", reason=reason))
    media_type = check.text("media_type", draft.media_type, required=True, limit=127, printed=False)
    problem = size_problem(len(draft.data))
    if problem:
        check.fail("data", problem)
    check.done()
    return replace(draft, media_type=media_type)


def validate_settings(draft: SettingsDraft) -> SettingsDraft:
    check = Checker()
    names = ("company_name", "engineer_name", "engineer_title", "engineer_place")
    texts: dict[str, Any] = {f: check.text(f, getattr(draft, f)) for f in names}
    check.long_text("company_address", draft.company_address, limit=1000)
    if draft.logo_png is not None and len(draft.logo_png) > LOGO_MAX_BYTES:
        check.fail("logo_png", msg("The logo is larger than 2 MB; use a smaller image."))
    calendar = _check_calendar(check, draft.holiday_calendar)
    check.done()
    return replace(draft, holiday_calendar=calendar, **texts)


@dataclass(frozen=True)
class ContactFacts:
    """What the rules need to know about a linked contact."""

    name: str
    client_id: str
    can_sign: bool
    archived: bool = False


def check_project_contact(
    field: str, contact: ContactFacts | None, client_id: str, *, must_sign: bool = False
) -> None:
    """A contact linked to a project record must be a current contact of the project's client."""
    if contact is None or contact.archived:
        raise ValidationError({field: msg("This contact does not exist (or was archived).")})
    if contact.client_id != client_id:
        raise ValidationError(
            {field: msg("{name} is not a contact of this project's client.", name=contact.name)}
        )
    if must_sign and not contact.can_sign:
        raise ValidationError(
            {field: msg("{name} is not allowed to sign for the client.", name=contact.name)}
        )


def check_code_free(code: str, taken: bool) -> None:
    if taken:
        raise ValidationError({"code": msg("The code {code} is already used by another project.", code=code)})
