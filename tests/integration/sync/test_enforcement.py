"""The server enforces, it does not trust: grants with no leak, write-once letters, append-only
records, frozen decisions, authority held for a manager whose identity comes from the token."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, ExpectationDraft, LogEntryDraft, draft_from
from deliverydesk.domain.enums import Decision, Language, LetterKind, ScopeCheck, SignMethod
from deliverydesk.errors import RuleError, TeamAuthError
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.letters import SignRequest, get_letter, issue_document, sign_letter
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.people import get_you, list_people
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.scope_guard import (
    DecisionRequest,
    ImpactDraft,
    approve_change_request,
    assess_impact,
    decide_change_request,
)
from deliverydesk.services.scope_guard.change_requests import (
    create_change_request,
    get_change_request,
    update_change_request,
)
from deliverydesk.services.sync import admin
from deliverydesk.services.sync.client import (
    decision_notices,
    issue_in_team,
    list_conflicts,
    sync_now,
)
from deliverydesk.store.sync_capture import current_row
from tests.integration.documents.conftest import signature_png
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import Laptop, Team

pytestmark = pytest.mark.sync
ON = date(2026, 3, 10)
TODAY = date(2026, 3, 16)


def _auth(team: Team, laptop: Laptop) -> dict[str, str]:
    return {"Authorization": f"Bearer {team.tokens[laptop.name]}"}


def _push(team: Team, laptop: Laptop, *changes: dict[str, Any]) -> dict[str, Any]:
    group = {"group_id": str(uuid.uuid4()), "made_at": "2026-03-16T09:30:00Z", "changes": list(changes)}
    response = team.client.post("/v1/push", json={"groups": [group]}, headers=_auth(team, laptop))
    assert response.status_code == 200, response.text
    (answer,) = response.json()["results"]
    return dict(answer)


def _row(laptop: Laptop, entity: str, record_id: str) -> dict[str, Any]:
    with laptop.ctx.db.engine.connect() as connection:
        row = current_row(connection, entity, record_id)
    assert row is not None
    return row


def _update(entity: str, record_id: str, base: int, **fields: tuple[Any, Any]) -> dict[str, Any]:
    return {
        "entity": entity,
        "id": record_id,
        "op": "update",
        "base_version": base,
        "fields": {k: list(v) for k, v in fields.items()},
    }


def _project(laptop: Laptop, code: str = "DD-2026-014") -> str:
    client_id, signer_id, _c = make_client(laptop.ctx)
    project_id = make_project(laptop.ctx, client_id, code=code)
    create_expectation(
        laptop.ctx,
        ExpectationDraft(project_id=project_id, statement="扫码报工 2 秒内完成", agreed_with_id=signer_id),
    )
    laptop.sync()
    return project_id


# --- access ----------------------------------------------------------------------------------------


def test_another_projects_rows_are_refused_with_nothing_leaked(team: Team) -> None:
    team.add_user("zhao.min")
    owner = team.laptop("li.na")
    project_id = _project(owner)
    secret = create_change_request(
        owner.ctx, ChangeRequestDraft(project_id=project_id, title="secret price", requested_on=ON)
    )
    owner.sync()
    outsider = team.laptop("zhao.min")  # valid token, no grant
    outsider.sync()

    changed = _push(team, outsider, _update("change_request", secret.id, 1, title=("", "hacked")))
    invented = _push(team, outsider, _update("change_request", str(uuid.uuid4()), 1, title=("", "x")))
    row = {**_row(owner, "change_request", secret.id), "id": str(uuid.uuid4()), "ref": "CR-9"}
    created = _push(team, outsider, {"entity": "change_request", "id": row["id"], "op": "create", "row": row})

    assert changed["status"] == invented["status"] == created["status"] == "refused"
    assert changed["message"] == invented["message"]  # the same words whether it exists or not
    assert "secret price" not in str(changed) + str(created)
    pulled = team.client.post("/v1/pull", json={"cursors": {}}, headers=_auth(team, outsider)).json()
    assert project_id not in str(pulled) and "secret price" not in str(pulled)
    records = team.client.post(
        "/v1/records",
        json={"records": [{"entity": "change_request", "id": secret.id}]},
        headers=_auth(team, outsider),
    ).json()
    assert records == {"rows": []}
    owner.sync()
    assert get_change_request(owner.ctx, secret.id).title == "secret price"


def test_an_unknown_or_revoked_token_gets_nothing(team: Team) -> None:
    laptop = team.laptop("li.na", "li-phone")
    assert team.client.get("/v1/me", headers={"Authorization": "Bearer ddt_wrong"}).status_code == 401
    admin.revoke_token(team.ctx, "li.na", "li-phone")
    with pytest.raises(TeamAuthError):
        sync_now(laptop.ctx, laptop.transport)
    assert team.client.get("/v1/health").json()["status"] == "ok"  # health needs no token


# --- letters -------------------------------------------------------------------------------------


def test_issuing_in_a_team_reserves_and_the_letter_is_byte_identical_everywhere(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    offline = DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    with pytest.raises(RuleError, match="needs the team server"):
        issue_document(a.ctx, offline)  # no reservation: refused, nothing sealed
    issued = issue_in_team(a.ctx, a.transport, offline)
    b = team.laptop("wang.lei")
    b.sync()
    from deliverydesk.services.documents.letters import letter_pdf

    assert letter_pdf(b.ctx, issued.letter.id) == issued.pdf
    assert get_letter(b.ctx, issued.letter.id).fingerprint == issued.letter.fingerprint


def test_a_translation_of_an_issued_version_syncs_and_holds_no_other_version(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    kind = LetterKind.EXPECTATION_CONFIRMATION
    original = issue_in_team(a.ctx, a.transport, DocumentRequest(project_id, kind)).letter
    other = Language.ZH_CN if original.language is Language.EN else Language.EN
    translated = issue_in_team(a.ctx, a.transport, DocumentRequest(project_id, kind, language=other))
    assert (translated.letter.ref, translated.letter.version) == (original.ref, original.version)
    assert translated.letter.translation_of_id == original.id and not list_conflicts(a.ctx)
    b = team.laptop("wang.lei")
    b.sync()
    from deliverydesk.services.documents.letters import letter_pdf

    assert letter_pdf(b.ctx, translated.letter.id) == translated.pdf
    assert get_letter(b.ctx, translated.letter.id).fingerprint == translated.letter.fingerprint
    # the translation reserved its own version only: the next one is free for anyone
    create_expectation(b.ctx, ExpectationDraft(project_id=project_id, statement="日报每天 18 点前发出"))
    following = issue_in_team(b.ctx, b.transport, DocumentRequest(project_id, kind)).letter
    assert (following.ref, following.version) == (original.ref, original.version + 1)


def test_another_laptop_translates_an_issued_version_without_a_reservation(team: Team) -> None:
    a, b = team.laptop("li.na"), team.laptop("wang.lei")
    project_id = _project(a)
    kind = LetterKind.EXPECTATION_CONFIRMATION
    original = issue_in_team(a.ctx, a.transport, DocumentRequest(project_id, kind)).letter
    other = Language.ZH_CN if original.language is Language.EN else Language.EN
    b.sync()
    translated = issue_in_team(b.ctx, b.transport, DocumentRequest(project_id, kind, language=other))
    assert (translated.letter.ref, translated.letter.version) == (original.ref, original.version)
    assert translated.letter.translation_of_id == original.id and not list_conflicts(b.ctx)
    a.sync()
    assert get_letter(a.ctx, translated.letter.id).fingerprint == translated.letter.fingerprint
    assert not list_conflicts(a.ctx) and admin.check_server(team.ctx).ok


def test_a_translation_of_a_version_not_on_the_server_or_twice_in_a_language_is_refused(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    kind = LetterKind.EXPECTATION_CONFIRMATION
    original = issue_in_team(a.ctx, a.transport, DocumentRequest(project_id, kind)).letter
    other = Language.ZH_CN if original.language is Language.EN else Language.EN
    translated = issue_in_team(a.ctx, a.transport, DocumentRequest(project_id, kind, language=other)).letter
    row = _row(a, "letter", translated.id)

    def create(**fields: Any) -> dict[str, Any]:
        forged = {**row, "id": str(uuid.uuid4()), **fields}
        return _push(team, a, {"entity": "letter", "id": forged["id"], "op": "create", "row": forged})

    orphan = create(translation_of_id=str(uuid.uuid4()))
    second = create()  # the same version in the same language again
    assert orphan["status"] == second["status"] == "refused"
    assert "does not hold" in orphan["message"] and "already translated" in second["message"]
    assert admin.check_server(team.ctx).ok


def test_pushes_that_tamper_with_an_issued_letter_are_refused(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    letter = issue_in_team(
        a.ctx, a.transport, DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    ).letter
    row = _row(a, "letter", letter.id)

    content = _push(
        team, a, _update("letter", letter.id, 1, content_json=(row["content_json"], '{"forged":1}'))
    )
    unsealed = _push(team, a, _update("letter", letter.id, 1, status=("issued", "draft")))
    forged = {**row, "id": str(uuid.uuid4()), "version": 2, "content_json": row["content_json"] + " "}
    new_forged = _push(team, a, {"entity": "letter", "id": forged["id"], "op": "create", "row": forged})
    other_pdf = {**row, "id": str(uuid.uuid4()), "version": 3, "pdf_sha256": "0" * 64}
    no_pdf = _push(team, a, {"entity": "letter", "id": other_pdf["id"], "op": "create", "row": other_pdf})

    assert content["status"] == unsealed["status"] == new_forged["status"] == "refused"
    assert "cannot change" in content["message"] and "fingerprint" in new_forged["message"]
    assert no_pdf == {"group_id": no_pdf["group_id"], "status": "missing_files", "files": ["0" * 64]}
    assert admin.check_server(team.ctx).ok


def test_a_second_different_signature_is_a_conflict(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    letter = issue_in_team(
        a.ctx, a.transport, DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    ).letter
    b = team.laptop("wang.lei")
    b.sync()
    contacts = list_contacts(a.ctx, get_project(a.ctx, project_id).client_id).rows
    signer = next(c.id for c in contacts if c.can_sign)
    screen = SignRequest(letter.id, SignMethod.ON_SCREEN, contact_id=signer, signature_png=signature_png())
    sign_letter(a.ctx, screen)
    paper = SignRequest(
        letter.id, SignMethod.ON_PAPER, contact_id=signer, scan=b"%PDF-1.4 scan", signed_on=TODAY
    )
    sign_letter(b.ctx, paper)
    a.sync()
    report = b.sync()
    assert report.conflicts + report.refused == 1  # shown, never a second signature added silently
    (shown,) = list_conflicts(b.ctx)
    assert "already signed" in str(shown.message)
    c = team.laptop("maria")
    c.sync()
    assert get_letter(c.ctx, letter.id).signed_pdf_sha256 == get_letter(a.ctx, letter.id).signed_pdf_sha256


# --- append-only, frozen ---------------------------------------------------------------------------


def test_an_update_of_an_append_only_record_is_refused(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    at = datetime(2026, 3, 16, 8, tzinfo=UTC)
    entry = add_log_entry(a.ctx, LogEntryDraft(project_id=project_id, occurred_at=at, summary="said yes"))
    a.sync()
    answer = _push(team, a, _update("log_entry", entry.id, 1, summary=("said yes", "said no")))
    assert answer["status"] == "refused" and "append-only" in answer["message"]


def test_a_decision_frozen_by_an_issued_change_decision_stays_frozen(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    request = create_change_request(
        a.ctx,
        ChangeRequestDraft(
            project_id=project_id, title="Report", requested_on=ON, scope_check=ScopeCheck.OUT_OF_SCOPE
        ),
    )
    decide_change_request(
        a.ctx,
        DecisionRequest(
            request_id=request.id,
            outcome=Decision.DECLINED,
            rationale="not in the contract",
        ),
    )
    issue_in_team(
        a.ctx,
        a.transport,
        DocumentRequest(project_id, LetterKind.CHANGE_DECISION, change_request_id=request.id),
    )
    version = _row(a, "change_request", request.id)["row_version"]
    answer = _push(
        team, a, _update("change_request", request.id, version, decision=("declined", "approved_billable"))
    )
    assert answer["status"] == "refused" and "issued" in answer["message"]


# --- authority -----------------------------------------------------------------------------------


def _decide_above_limits(laptop: Laptop, project_id: str) -> str:
    request = create_change_request(
        laptop.ctx,
        ChangeRequestDraft(
            project_id=project_id, title="Big", requested_on=ON, scope_check=ScopeCheck.OUT_OF_SCOPE
        ),
    )
    assess_impact(laptop.ctx, request.id, ImpactDraft(effort_hours=40.0))
    decide_change_request(
        laptop.ctx,
        DecisionRequest(
            request_id=request.id,
            outcome=Decision.APPROVED_BILLABLE,
            rationale="client pays",
        ),
    )
    return request.id


def test_a_sync_learns_who_its_user_is_from_the_pull_without_asking_again(team: Team) -> None:
    a = team.laptop("li.na")
    paths: list[str] = []
    a.transport._client.event_hooks["request"].append(lambda request: paths.append(request.url.path))
    a.sync()
    assert "/v1/pull" in paths and "/v1/roster" in paths and "/v1/me" not in paths
    assert get_you(a.ctx).name == "Li.Na" and get_you(a.ctx).hours_per_change == 8.0


def _roster_statements(laptop: Laptop) -> list[str]:
    """The statements a sync sends about the People (their table by name), by verb."""
    import re

    from sqlalchemy import event

    found: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if re.search(r"\bperson\b", statement):
            found.append(statement.split()[0].upper())

    event.listen(laptop.ctx.db.engine, "before_cursor_execute", count)
    try:
        laptop.sync()
    finally:
        event.remove(laptop.ctx.db.engine, "before_cursor_execute", count)
    return found


def test_the_roster_is_mirrored_in_statements_that_do_not_grow_with_the_team(team: Team) -> None:
    a = team.laptop("li.na")
    a.sync()
    few = _roster_statements(a)
    assert "INSERT" not in few and "UPDATE" not in few  # nothing changed: nothing written
    for n in range(6):
        team.add_user(f"extra.{n}", hours_per_change=float(n))
    assert _roster_statements(a).count("INSERT") == 1  # the six new people in one statement
    assert _roster_statements(a) == few  # read as before, however many people
    admin.set_limits(team.ctx, "extra.3", admin.Limits(hours_per_change=33.0))
    assert _roster_statements(a).count("UPDATE") == 1  # only the person who changed
    people = {p.name: p for p in list_people(a.ctx)}
    assert people["Extra.3"].hours_per_change == 33.0 and people["Extra.5"].hours_per_change == 5.0
    assert people["Maria"].role.value == "manager" and get_you(a.ctx).name == "Li.Na"


def test_limits_come_from_the_server_and_a_laptop_cannot_raise_them(team: Team) -> None:
    a = team.laptop("li.na")
    assert get_you(a.ctx).hours_per_change == 8.0  # the roster is the server's
    project_id = _project(a)
    with a.ctx.db.engine.begin() as connection:  # a tampered laptop: limits raised by hand
        connection.exec_driver_sql(
            "UPDATE person SET hours_per_change = 1000 WHERE id = (SELECT person_id FROM settings)"
        )
    request_id = _decide_above_limits(a, project_id)
    assert get_change_request(a.ctx, request_id).decision is Decision.APPROVED_BILLABLE  # locally
    report = a.sync()
    held = get_change_request(a.ctx, request_id)
    assert (held.decision, held.proposed_decision) == (Decision.PENDING_APPROVAL, Decision.APPROVED_BILLABLE)
    assert any("held for a manager's approval" in str(n) for n in report.notices)
    assert get_you(a.ctx).hours_per_change == 8.0  # the server's again


def test_a_cost_in_another_currency_than_the_servers_limit_is_held_there(team: Team) -> None:
    a = team.laptop("li.na")
    assert get_you(a.ctx).cost_currency == "CNY"  # the server's limits: CNY 500.00 per change
    client_id, _signer, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id, code="DD-2026-015", currency="EUR")
    a.sync()
    with a.ctx.db.engine.begin() as connection:  # a tampered laptop: its limit said to be in EUR
        connection.exec_driver_sql(
            "UPDATE person SET cost_currency = 'EUR' WHERE id = (SELECT person_id FROM settings)"
        )
    request = create_change_request(
        a.ctx,
        ChangeRequestDraft(
            project_id=project_id, title="Extra", requested_on=ON, scope_check=ScopeCheck.OUT_OF_SCOPE
        ),
    )
    assess_impact(a.ctx, request.id, ImpactDraft(effort_hours=2.0, cost_cents=490_00))
    decided = decide_change_request(
        a.ctx, DecisionRequest(request_id=request.id, outcome=Decision.APPROVED_BILLABLE, rationale="paid")
    )
    assert decided.request.decision is Decision.APPROVED_BILLABLE  # EUR 490.00 within EUR 500.00, locally
    a.sync()
    held = get_change_request(a.ctx, request.id)
    assert (held.decision, held.proposed_decision) == (Decision.PENDING_APPROVAL, Decision.APPROVED_BILLABLE)
    assert get_you(a.ctx).cost_currency == "CNY"  # the server's again
    admin.set_limits(team.ctx, "li.na", admin.Limits(cost_currency="eur"))
    a.sync()
    assert get_you(a.ctx).cost_currency == "EUR", "an administrator's change reaches the laptop"


def test_only_a_manager_approves_and_the_approval_carries_their_identity(team: Team) -> None:
    engineer = team.laptop("li.na")
    project_id = _project(engineer)
    request_id = _decide_above_limits(engineer, project_id)
    engineer.sync()
    assert get_change_request(engineer.ctx, request_id).decision is Decision.PENDING_APPROVAL
    with pytest.raises(RuleError, match="Only a manager"):
        maria = next(p.id for p in list_people(engineer.ctx) if p.name == "Maria")
        approve_change_request(engineer.ctx, request_id, manager_id=maria)
    version = _row(engineer, "change_request", request_id)["row_version"]
    forged = _push(
        team,
        engineer,
        _update(
            "change_request",
            request_id,
            version,
            decision=("pending_approval", "approved_billable"),
            approved_by=("", "Maria"),
        ),
    )
    assert forged["status"] == "refused"

    manager = team.laptop("maria")
    manager.sync()
    you = get_you(manager.ctx).id
    approve_change_request(manager.ctx, request_id, manager_id=you, approved_on=date(2026, 3, 16))
    manager.sync()
    engineer.clock.advance(minutes=5)
    since = engineer.clock()
    engineer.sync()
    approved = get_change_request(engineer.ctx, request_id)
    assert (approved.decision, approved.approved_by) == (Decision.APPROVED_BILLABLE, "Maria")
    received = decision_notices(engineer.ctx, since)
    assert [(n.kind, n.ref, n.by) for n in received] == [("approved", approved.ref, "Maria")]


def test_days_apart_clocks_do_not_decide_who_wins(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="T", requested_on=ON)
    )
    a.sync()
    b = team.laptop("wang.lei")
    b.sync()
    a.clock.advance(days=4)  # a's clock runs days ahead, b's days behind
    b.clock.advance(days=-3)
    item = get_change_request(b.ctx, request.id)
    update_change_request(b.ctx, draft_from(ChangeRequestDraft, item, title="B, earlier by the clock"))
    b.sync()
    item = get_change_request(a.ctx, request.id)
    update_change_request(a.ctx, draft_from(ChangeRequestDraft, item, title="A, later by the clock"))
    report = a.sync()
    assert report.conflicts == 1  # the later wall clock does not win: it is a conflict
    b.sync()
    assert get_change_request(b.ctx, request.id).title == "B, earlier by the clock"
    assert get_change_request(a.ctx, request.id).updated_at > datetime(2026, 3, 19, tzinfo=UTC) - timedelta(
        days=1
    )


def test_a_manager_sees_recurring_problems_across_the_team_as_counts_only(team: Team) -> None:
    from deliverydesk.domain.drafts import IssueDraft
    from deliverydesk.services.records.categories import list_categories
    from deliverydesk.services.records.issues import create_issue

    team.add_user("zhao.min")
    a = team.laptop("li.na")
    category = list_categories(a.ctx)[0]
    for code, client in (("DD-2026-001", "Client one"), ("DD-2026-002", "Client two")):
        project_id = make_project(a.ctx, make_client(a.ctx, client)[0], code=code)
        create_issue(
            a.ctx,
            IssueDraft(
                project_id=project_id,
                title=f"secret issue of {client}",
                category_id=category.id,
                reported_on=ON,
            ),
        )
    a.sync()
    admin.grant(team.ctx, "zhao.min", "DD-2026-001")
    engineer = team.laptop("zhao.min")
    refused = team.client.get(
        "/v1/team/recurring?since=2026-01-01&until=2026-12-31", headers=_auth(team, engineer)
    )
    assert refused.status_code == 403
    manager = team.laptop("maria")
    answer = team.client.get(
        "/v1/team/recurring?since=2026-01-01&until=2026-12-31", headers=_auth(team, manager)
    )
    assert answer.status_code == 200
    (row,) = [r for r in answer.json()["categories"] if r["category_id"] == category.id]
    assert (row["clients"], row["issues"]) == (2, 2)
    assert "secret issue" not in answer.text and "Client one" not in answer.text
    from deliverydesk.services.sync.client import team_recurring

    manager.sync()
    counts = team_recurring(
        manager.ctx, manager.transport, date(2026, 1, 1), date(2026, 12, 31), min_clients=2
    )
    assert counts is not None and [c.category_id for c in counts] == [category.id]
    assert team_recurring(engineer.ctx, engineer.transport, date(2026, 1, 1), date(2026, 12, 31)) is None
