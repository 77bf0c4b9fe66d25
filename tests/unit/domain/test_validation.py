"""Validation rules and their boundaries; every error names the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from deliverydesk.domain.drafts import (
    AttachmentDraft,
    ChangeRequestDraft,
    ClientDraft,
    ContactDraft,
    HandoverEntryDraft,
    IssueDraft,
    LogEntryDraft,
    MilestoneDraft,
    PersonDraft,
    ProjectDraft,
)
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.validation import (
    ATTACHMENT_MAX_BYTES,
    LONG_TEXT_MAX,
    TITLE_MAX,
    ContactFacts,
    check_code_free,
    check_project_contact,
    validate_attachment,
    validate_change_request,
    validate_client,
    validate_contact,
    validate_handover_entry,
    validate_issue,
    validate_log_entry,
    validate_milestone,
    validate_person,
    validate_project,
)
from deliverydesk.errors import ValidationError

TODAY = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)


def project(**changes: object) -> ProjectDraft:
    values: dict[str, object] = {"code": "DD-2026-014", "name": "MES rollout", "client_id": "c1"}
    values.update(changes)
    return ProjectDraft(**values)  # type: ignore[arg-type]


def errors_of(call: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as raised:
        call()  # type: ignore[operator]
    return {name: str(text) for name, text in raised.value.fields.items()}


def test_name_is_required_and_stripped() -> None:
    assert validate_client(ClientDraft(name="  华东精密制造有限公司 ")).name == "华东精密制造有限公司"
    assert "name" in errors_of(lambda: validate_client(ClientDraft(name="   ")))


def test_title_length_boundary() -> None:
    assert validate_client(ClientDraft(name="x" * TITLE_MAX)).name == "x" * TITLE_MAX
    message = errors_of(lambda: validate_client(ClientDraft(name="x" * (TITLE_MAX + 1))))["name"]
    assert "200" in message


def test_long_text_boundary() -> None:
    validate_client(ClientDraft(name="a", notes="n" * LONG_TEXT_MAX))
    assert "notes" in errors_of(
        lambda: validate_client(ClientDraft(name="a", notes="n" * (LONG_TEXT_MAX + 1)))
    )


def test_hostile_text_is_kept_literally() -> None:
    hostile = "<b>x</b> '; DROP TABLE project; -- 😀 \u202e"
    assert validate_client(ClientDraft(name="a", notes=hostile)).notes == hostile


@pytest.mark.parametrize("code", ["DD-2026-014", "dd-2026-014", "A", "X1-Y2", "D" * 32])
def test_valid_project_codes_are_upper_cased(code: str) -> None:
    assert validate_project(project(code=code)).code == code.upper()


@pytest.mark.parametrize("code", ["DD 2026", "DD_2026", "-DD", "DD-", "DD--1", "项目-1", "D" * 33, ""])
def test_invalid_project_codes(code: str) -> None:
    assert "code" in errors_of(lambda: validate_project(project(code=code)))


def test_currency_is_iso_4217_shaped() -> None:
    assert validate_project(project(currency=" eur ")).currency == "EUR"
    for bad in ("EU", "EURO", "€", "E1R"):
        assert "currency" in errors_of(lambda bad=bad: validate_project(project(currency=bad)))


def test_end_date_may_equal_start_but_not_precede_it() -> None:
    validate_project(project(start_date=date(2026, 3, 1), end_date=date(2026, 3, 1)))
    fields = errors_of(
        lambda: validate_project(project(start_date=date(2026, 3, 2), end_date=date(2026, 3, 1)))
    )
    assert fields == {"end_date": "The end date cannot be before the start date."}


def test_hours_and_money_cannot_be_negative() -> None:
    validate_project(project(contracted_effort_hours=0.0, goodwill_budget_hours=0.0))
    fields = errors_of(
        lambda: validate_project(project(contracted_effort_hours=-0.5, contract_value_cents=-1))
    )
    assert set(fields) == {"contracted_effort_hours", "contract_value_cents"}
    assert "goodwill_budget_hours" in errors_of(
        lambda: validate_project(project(goodwill_budget_hours=float("nan")))
    )


def test_summary_cadence_is_an_rrule() -> None:
    assert validate_project(project(summary_rrule="RRULE:freq=weekly;byday=FR")).summary_rrule == (
        "FREQ=WEEKLY;BYDAY=FR"
    )
    assert "summary_rrule" in errors_of(lambda: validate_project(project(summary_rrule="every friday")))


def test_holiday_calendar_must_be_known() -> None:
    assert validate_project(project(holiday_calendar="de")).holiday_calendar == "DE"
    assert "holiday_calendar" in errors_of(lambda: validate_project(project(holiday_calendar="Mars")))


def test_all_errors_are_reported_at_once() -> None:
    fields = errors_of(lambda: validate_project(project(code="", name="", currency="x")))
    assert set(fields) == {"code", "name", "currency"}


@pytest.mark.parametrize("email", ["li.wei@hdpm.cn", "a+b@example.co.uk", ""])
def test_plausible_emails(email: str) -> None:
    validate_contact(ContactDraft(client_id="c", name="Li Wei", email=email))


@pytest.mark.parametrize("email", ["li.wei", "a@b", "a @b.cn", "@b.cn", "a@b."])
def test_implausible_emails(email: str) -> None:
    assert "email" in errors_of(lambda: validate_contact(ContactDraft(client_id="c", name="Li", email=email)))


def test_milestone_actual_date_cannot_be_in_the_future() -> None:
    base = MilestoneDraft(project_id="p", name="FAT", baseline_date=date(2026, 1, 5))
    validate_milestone(MilestoneDraft(**{**base.__dict__, "actual_date": TODAY}), TODAY)
    late = MilestoneDraft(**{**base.__dict__, "actual_date": TODAY + timedelta(days=1)})
    assert "actual_date" in errors_of(lambda: validate_milestone(late, TODAY))


def test_milestone_forecast_after_baseline_is_allowed() -> None:
    draft = MilestoneDraft(
        project_id="p", name="SAT", baseline_date=date(2026, 4, 1), forecast_date=date(2026, 6, 1)
    )
    assert validate_milestone(draft, TODAY) == draft


def test_change_request_rules() -> None:
    good = ChangeRequestDraft(project_id="p", title="Extra report", requested_on=TODAY, effort_hours=0.0)
    validate_change_request(good, TODAY)
    bad = ChangeRequestDraft(
        project_id="p",
        title="Extra report",
        requested_on=TODAY + timedelta(days=1),
        effort_hours=-1,
        cost_cents=-1,
        schedule_days=-1,
    )
    assert set(errors_of(lambda: validate_change_request(bad, TODAY))) == {
        "requested_on",
        "effort_hours",
        "cost_cents",
        "schedule_days",
    }
    early = ChangeRequestDraft(
        project_id="p", title="x", requested_on=TODAY, decided_on=TODAY - timedelta(days=1)
    )
    assert "decided_on" in errors_of(lambda: validate_change_request(early, TODAY))


def test_log_entry_cannot_be_in_the_future_or_naive() -> None:
    validate_log_entry(LogEntryDraft(project_id="p", occurred_at=NOW, summary="Call"), NOW)
    future = LogEntryDraft(project_id="p", occurred_at=NOW + timedelta(minutes=16), summary="Call")
    assert "occurred_at" in errors_of(lambda: validate_log_entry(future, NOW))
    skewed = LogEntryDraft(project_id="p", occurred_at=NOW + timedelta(minutes=15), summary="Call")
    validate_log_entry(skewed, NOW)
    # 07:00 in Beijing on the 17th is 23:00 UTC on the 16th: already past at 23:30 UTC
    beijing = timezone(timedelta(hours=8))
    early = LogEntryDraft(
        project_id="p", occurred_at=datetime(2026, 3, 17, 7, 0, tzinfo=beijing), summary="Call"
    )
    validate_log_entry(early, datetime(2026, 3, 16, 23, 30, tzinfo=UTC))
    naive = LogEntryDraft(project_id="p", occurred_at=datetime(2026, 3, 1), summary="Call")
    assert "occurred_at" in errors_of(lambda: validate_log_entry(naive, NOW))


def test_issue_cannot_be_resolved_before_reported() -> None:
    draft = IssueDraft(
        project_id="p", title="Data migration", reported_on=date(2026, 3, 2), resolved_on=date(2026, 3, 1)
    )
    assert "resolved_on" in errors_of(lambda: validate_issue(draft, TODAY))


def test_attachment_size_limits() -> None:
    validate_attachment(AttachmentDraft(project_id="p", filename="a.png", data=b"x"))
    assert "data" in errors_of(
        lambda: validate_attachment(AttachmentDraft(project_id="p", filename="a", data=b""))
    )
    huge = b"x" * (ATTACHMENT_MAX_BYTES + 1)
    assert "data" in errors_of(
        lambda: validate_attachment(AttachmentDraft(project_id="p", filename="a", data=huge))
    )
    exact = AttachmentDraft(project_id="p", filename="a", data=b"x" * ATTACHMENT_MAX_BYTES)
    validate_attachment(exact)


def test_attachment_name_cannot_be_a_path() -> None:
    for name in ("../etc/passwd", "a\\b.png", ".."):
        draft = AttachmentDraft(project_id="p", filename=name, data=b"x")
        assert "filename" in errors_of(lambda draft=draft: validate_attachment(draft))


def test_a_persons_limits_cannot_be_negative_and_a_name_is_needed() -> None:
    errors = errors_of(lambda: validate_person(PersonDraft(name=" ", hours_per_change=-1)))
    assert {"name", "hours_per_change"} <= set(errors)
    assert validate_person(PersonDraft(name=" 陈经理 ")).name == "陈经理"


def test_handover_links_go_with_their_kind() -> None:
    draft = HandoverEntryDraft(
        project_id="p",
        kind=HandoverKind.TRAINING,
        title="t",
        attendees="a",
        training_id="x",
        scope_item_id="s",
        owner="o",
        issue_id="i",
    )
    training = validate_handover_entry(draft)
    assert (training.attendees, training.training_id, training.scope_item_id, training.owner) == (
        "a",
        None,
        None,
        "",
    )
    document = validate_handover_entry(replace(draft, kind=HandoverKind.DOCUMENT))
    assert (document.training_id, document.attendees, document.issue_id) == ("x", "", None)
    open_item = validate_handover_entry(replace(draft, kind=HandoverKind.OPEN_ITEM, owner=" 王工 "))
    assert (open_item.scope_item_id, open_item.owner, open_item.training_id) == ("s", "王工", None)
    assert validate_handover_entry(replace(draft, kind=HandoverKind.RISK)).issue_id == "i"


def test_contact_must_belong_to_the_client_and_may_need_to_sign() -> None:
    signer = ContactFacts(name="王总", client_id="c1", can_sign=True)
    coordinator = ContactFacts(name="Li Wei", client_id="c1", can_sign=False)
    check_project_contact("agreed_with_id", signer, "c1", must_sign=True)
    check_project_contact("agreed_with_id", coordinator, "c1")
    with pytest.raises(ValidationError) as other:
        check_project_contact("agreed_with_id", signer, "c2")
    assert "not a contact of this project's client" in str(other.value.fields["agreed_with_id"])
    with pytest.raises(ValidationError) as no_sign:
        check_project_contact("signer_id", coordinator, "c1", must_sign=True)
    assert {k: str(v) for k, v in no_sign.value.fields.items()} == {
        "signer_id": "Li Wei is not allowed to sign for the client."
    }
    with pytest.raises(ValidationError):
        check_project_contact("x", ContactFacts("a", "c1", True, archived=True), "c1")


def test_taken_code_is_named() -> None:
    check_code_free("DD-1", taken=False)
    with pytest.raises(ValidationError) as raised:
        check_code_free("DD-1", taken=True)
    assert "DD-1" in str(raised.value.fields["code"])


def test_dates_outside_the_sensible_range_are_typos() -> None:
    good = MilestoneDraft(
        project_id="p", name="SAT", baseline_date=date(2099, 12, 31), forecast_date=date(2000, 1, 1)
    )
    validate_milestone(good, TODAY)
    typo = MilestoneDraft(project_id="p", name="SAT", baseline_date=date(2206, 3, 1))
    assert errors_of(lambda: validate_milestone(typo, TODAY)) == {
        "baseline_date": "Use a date between 2000 and 2099."
    }
    assert "start_date" in errors_of(lambda: validate_project(project(start_date=date(1999, 12, 31))))


def test_draft_from_a_record_keeps_its_values() -> None:
    from deliverydesk.domain.drafts import draft_from

    original = project(currency="EUR", summary_rrule="FREQ=WEEKLY;BYDAY=FR")
    changed = draft_from(ProjectDraft, original, name="Renamed")
    assert changed.name == "Renamed" and changed.currency == "EUR" and changed.code == original.code


@pytest.mark.parametrize(
    ("field", "value"),
    [("cost_cents", 2**63), ("cost_cents", 10**15 + 1), ("effort_hours", 1e308), ("schedule_days", 10**9)],
)
def test_money_hours_and_days_are_bounded(field: str, value: float) -> None:
    """2**63 cents used to crash the database layer with OverflowError; 1e308 hours was accepted."""
    draft = ChangeRequestDraft(project_id="p", title="Extra report", requested_on=date(2026, 3, 16))
    with pytest.raises(ValidationError) as refused:
        validate_change_request(replace(draft, **{field: value}), date(2026, 3, 16))  # type: ignore[arg-type]
    assert "largest value allowed" in str(refused.value.fields[field])


def test_project_amounts_are_bounded() -> None:
    errors = errors_of(
        lambda: validate_project(project(contract_value_cents=2**63, goodwill_budget_hours=1e308))
    )
    assert {"contract_value_cents", "goodwill_budget_hours"} <= set(errors)
