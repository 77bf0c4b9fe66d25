"""Team sync through the protocol: first syncs, grants, merging, conflicts and their resolution,
append-only records, provisional references, files, and the audit trail of every copy."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from typing import Any

import pytest

from deliverydesk.domain.drafts import (
    AttachmentDraft,
    ChangeRequestDraft,
    LogEntryDraft,
    ReviewActionDraft,
    ReviewDraft,
    draft_from,
)
from deliverydesk.errors import ValidationError
from deliverydesk.services.records.attachments import add_attachment, read_attachment
from deliverydesk.services.records.log import add_log_entry, list_log_entries
from deliverydesk.services.records.projects import get_project, list_projects
from deliverydesk.services.reviews.butterfly import (
    complete_review_action,
    create_review,
    create_review_action,
    get_review_action,
)
from deliverydesk.services.scope_guard.change_requests import (
    archive_change_request,
    create_change_request,
    get_change_request,
    update_change_request,
)
from deliverydesk.services.sync import admin
from deliverydesk.services.sync.client import (
    Choice,
    list_conflicts,
    resolve_conflict,
    sync_status,
    take_notices,
)
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import Laptop, Team

pytestmark = pytest.mark.sync
ON = date(2026, 3, 10)


def _request(laptop: Laptop, project_id: str, title: str = "Export") -> str:
    return create_change_request(
        laptop.ctx, ChangeRequestDraft(project_id=project_id, title=title, requested_on=ON)
    ).id


def _edit(laptop: Laptop, request_id: str, **values: object) -> None:
    item = get_change_request(laptop.ctx, request_id)
    update_change_request(laptop.ctx, draft_from(ChangeRequestDraft, item, **values))


def _shared(team: Team) -> tuple[Laptop, Laptop, str, str]:
    """Two engineers' laptops holding one project with one change request."""
    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    request_id = _request(a, project_id)
    a.sync()
    b = team.laptop("wang.lei")
    b.sync()
    return a, b, project_id, request_id


def _trail_ok(laptop: Laptop) -> bool:
    """``deliverydesk check`` on the laptop's copy: the chain, and every record against its trail."""
    from deliverydesk.services.storage import OpenOptions, check_database

    result = check_database(
        OpenOptions(db_url=laptop.ctx.db.url, data_dir=laptop.ctx.db.url.split("///")[1] + ".d")
    )
    assert result.ok, result.lines
    return result.ok


def test_an_empty_laptop_gets_only_what_its_user_is_granted(team: Team) -> None:
    team.add_user("zhao.min")
    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    granted = make_project(a.ctx, client_id, code="DD-2026-001")
    make_project(a.ctx, make_client(a.ctx, "Other client")[0], code="DD-2026-002")
    a.sync()
    admin.grant(team.ctx, "zhao.min", "DD-2026-001")

    z = team.laptop("zhao.min")
    z.sync()

    assert [p.code for p in list_projects(z.ctx).rows] == ["DD-2026-001"]
    assert get_project(z.ctx, granted).client_id == client_id
    assert sync_status(z.ctx).waiting == 0 and sync_status(z.ctx).user == "zhao.min"


def test_a_project_made_offline_is_pushed_and_granted_to_its_creator(team: Team) -> None:
    team.add_user("zhao.min")  # no grant at all
    z = team.laptop("zhao.min", "zm-laptop")
    client_id, _s, _c = make_client(z.ctx)
    project_id = make_project(z.ctx, client_id, code="DD-2026-077")
    assert sync_status(z.ctx).waiting >= 3  # client, two contacts, project: one group each
    z.sync()
    assert sync_status(z.ctx).waiting == 0

    second = team.laptop("zhao.min", "zm-desktop")
    second.sync()
    assert get_project(second.ctx, project_id).code == "DD-2026-077"


def test_data_already_on_a_laptop_goes_up_when_it_joins(team: Team) -> None:
    a = team.laptop("li.na", join=False)
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    _request(a, project_id)
    a.join()
    # one group for the shared taxonomy (seeded by migration 0004), one for the project with its client
    assert sync_status(a.ctx).waiting == 2
    a.sync()
    b = team.laptop("wang.lei")
    b.sync()
    assert [p.code for p in list_projects(b.ctx).rows] == ["DD-2026-014"]


def test_fields_changed_on_one_side_merge_and_the_same_field_conflicts(team: Team) -> None:
    a, b, _project, request_id = _shared(team)
    _edit(b, request_id, title="Export to Excel")
    _edit(a, request_id, description="as CSV too")
    b.sync()
    a.sync()
    b.sync()
    for laptop in (a, b):
        item = get_change_request(laptop.ctx, request_id)
        assert (item.title, item.description) == ("Export to Excel", "as CSV too")

    _edit(a, request_id, title="A's title")
    _edit(b, request_id, title="B's title", effort_hours=3.0)
    a.sync()
    report = b.sync()

    assert report.conflicts == 1
    (conflict,) = list_conflicts(b.ctx)
    assert conflict.line().startswith("DD-2026-014 CR-1 change request: title")
    assert [(f.field, f.base, f.mine, f.theirs) for f in conflict.fields] == [
        ("title", "Export to Excel", "B's title", "A's title")
    ]
    assert get_change_request(b.ctx, request_id).title == "B's title"  # never overwritten


def test_later_edits_wait_behind_a_conflict_and_a_resolution_carries_them(team: Team) -> None:
    a, b, _project, request_id = _shared(team)
    _edit(a, request_id, title="theirs")
    a.sync()
    _edit(b, request_id, title="mine")
    b.sync()
    _edit(b, request_id, description="written after the conflict")
    report = b.sync()
    assert report.held_back == 1 and report.pushed == 0

    resolve_conflict(b.ctx, list_conflicts(b.ctx)[0].id, {"title": Choice("value", "agreed title")})
    b.sync()
    a.sync()
    for laptop in (a, b):
        item = get_change_request(laptop.ctx, request_id)
        assert (item.title, item.description) == ("agreed title", "written after the conflict")
    assert list_conflicts(b.ctx) == [] and sync_status(b.ctx).waiting == 0
    assert admin.check_server(team.ctx).ok
    assert _trail_ok(a) and _trail_ok(b)


@pytest.mark.parametrize(("keep", "expected"), [("mine", "mine"), ("theirs", "theirs")])
def test_keep_mine_or_keep_theirs(team: Team, keep: str, expected: str) -> None:
    a, b, _project, request_id = _shared(team)
    _edit(a, request_id, title="theirs")
    a.sync()
    _edit(b, request_id, title="mine")
    b.sync()
    resolve_conflict(b.ctx, list_conflicts(b.ctx)[0].id, {}, default=Choice(keep))
    b.sync()
    a.sync()
    assert get_change_request(a.ctx, request_id).title == expected
    assert get_change_request(b.ctx, request_id).title == expected


def test_a_value_that_does_not_fit_the_field_is_refused(team: Team) -> None:
    a, b, _project, request_id = _shared(team)
    _edit(a, request_id, effort_hours=4.0)
    a.sync()
    _edit(b, request_id, effort_hours=6.0)
    b.sync()
    with pytest.raises(ValidationError):
        resolve_conflict(b.ctx, list_conflicts(b.ctx)[0].id, {"effort_hours": Choice("value", "lots")})


def test_archive_against_edit_is_a_conflict_not_delete_wins(team: Team) -> None:
    a, b, _project, request_id = _shared(team)
    _edit(a, request_id, title="edited while the other archived")
    a.sync()
    archive_change_request(b.ctx, request_id)
    report = b.sync()
    assert report.conflicts == 1
    (conflict,) = list_conflicts(b.ctx)
    assert "archived_at" in [f.field for f in conflict.fields]
    a.sync()
    assert get_change_request(a.ctx, request_id).archived_at is None  # the archive did not win


def test_append_only_records_never_conflict(team: Team) -> None:
    a, b, project_id, _request_id = _shared(team)
    at = datetime(2026, 3, 16, 8, tzinfo=UTC)
    add_log_entry(a.ctx, LogEntryDraft(project_id=project_id, occurred_at=at, summary="from A"))
    add_log_entry(b.ctx, LogEntryDraft(project_id=project_id, occurred_at=at, summary="from B"))
    review = create_review(a.ctx, ReviewDraft(project_id=project_id, held_on=ON, title="R"))
    action = create_review_action(
        a.ctx,
        ReviewActionDraft(project_id=project_id, review_id=review.id, description="call back", revisit_on=ON),
    )
    a.sync()
    b.sync()
    complete_review_action(a.ctx, action.id, done_on=date(2026, 3, 15), outcome="done by A")
    complete_review_action(b.ctx, action.id, done_on=date(2026, 3, 16), outcome="done by B")
    a.sync()
    report = b.sync()
    a.sync()
    assert report.conflicts == 0 and list_conflicts(b.ctx) == []
    for laptop in (a, b):
        summaries = sorted(e.summary for e in list_log_entries(laptop.ctx, project_id).rows)
        assert summaries == ["from A", "from B"]
        assert get_review_action(laptop.ctx, action.id).outcome == "done by A"  # accepted first stays
    assert any("kept the value it had first" in str(n) for n in report.notices)


def test_references_made_offline_are_provisional(team: Team) -> None:
    a, b, project_id, _request_id = _shared(team)
    mine = _request(a, project_id, "A's ask")
    theirs = _request(b, project_id, "B's ask")  # both are CR-2 offline
    b.sync()
    report = a.sync()
    assert get_change_request(a.ctx, mine).ref == "CR-3"
    assert get_change_request(a.ctx, theirs).ref == "CR-2"
    assert any("CR-2 you made offline is CR-3" in str(n) for n in report.notices)
    assert take_notices(a.ctx) == []  # said once
    b.sync()
    assert get_change_request(b.ctx, mine).ref == "CR-3"


def test_files_travel_by_sha256_and_only_to_those_granted(team: Team) -> None:
    a, b, project_id, _request_id = _shared(team)
    data = b"%PDF-1.4 scan of the signed paper\n" * 100
    attachment = add_attachment(a.ctx, AttachmentDraft(project_id=project_id, filename="scan.pdf", data=data))
    report = a.sync()
    assert report.files == 1
    b.sync()
    assert read_attachment(b.ctx, attachment.id) == data

    team.add_user("zhao.min")
    outsider = team.laptop("zhao.min")
    from deliverydesk.domain.fingerprint import sha256_hex

    response = team.client.get(
        f"/v1/files/{sha256_hex(data)}", headers={"Authorization": f"Bearer {team.tokens[outsider.name]}"}
    )
    assert response.status_code == 404


def test_pulled_changes_are_local_events_naming_their_origin(team: Team) -> None:
    a, b, _project, request_id = _shared(team)
    _edit(a, request_id, title="changed on A")
    a.sync()
    b.sync()
    from deliverydesk.services.records.history import record_history

    events = record_history(b.ctx, request_id).events
    newest = events[0]
    assert newest.actor.startswith(f"li.na on {a.name} (sync group ")
    assert [c.field for c in newest.changes] == ["title"]  # updated_at is no change of its own
    assert _trail_ok(a) and _trail_ok(b)
    assert admin.check_server(team.ctx).ok


def _non_working_day(laptop: Laptop, project_id: str, name: str) -> str:
    from deliverydesk.store.tables import NonWorkingDayRow

    with laptop.ctx.db.unit_of_work() as session:
        row = NonWorkingDayRow(project_id=project_id, day=date(2026, 5, 1), name=name)
        session.add(row)
        session.flush()
        return row.id


def test_the_same_unique_fact_recorded_on_two_laptops_is_kept_once(team: Team) -> None:
    a, b, project_id, _request_id = _shared(team)
    kept = _non_working_day(a, project_id, "site shutdown (A)")
    twin = _non_working_day(b, project_id, "site shutdown (B)")
    a.sync()
    report = b.sync()
    assert any("kept once" in str(n) for n in report.notices)
    from sqlalchemy import select

    from deliverydesk.store.tables import NonWorkingDayRow

    for laptop in (a, b):
        with laptop.ctx.db.engine.connect() as connection:
            assert list(connection.scalars(select(NonWorkingDayRow.id))) == [kept]
    assert twin != kept and _trail_ok(b) and admin.check_server(team.ctx).ok


def test_a_joining_laptops_history_is_kept_as_recorded_and_only_when_it_joins(team: Team) -> None:
    from deliverydesk.domain.enums import Decision, ScopeCheck
    from deliverydesk.services.scope_guard import (
        DecisionRequest,
        ImpactDraft,
        approve_change_request,
        assess_impact,
        decide_change_request,
    )

    a = team.laptop("li.na", join=False)
    from deliverydesk.domain.drafts import SettingsDraft
    from deliverydesk.services.records.settings import update_settings

    update_settings(a.ctx, SettingsDraft(engineer_name="Li Na"))  # alone, before the team: her own name
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    request = create_change_request(
        a.ctx,
        ChangeRequestDraft(
            project_id=project_id, title="Big", requested_on=ON, scope_check=ScopeCheck.OUT_OF_SCOPE
        ),
    )
    assess_impact(a.ctx, request.id, ImpactDraft(effort_hours=40.0))
    decide_change_request(
        a.ctx,
        DecisionRequest(request_id=request.id, outcome=Decision.APPROVED_BILLABLE, rationale="ok"),
    )
    from deliverydesk.domain.drafts import PersonDraft
    from deliverydesk.domain.enums import PersonRole
    from deliverydesk.services.records.people import save_person

    boss = save_person(a.ctx, PersonDraft(name="Old Boss (before the team server)", role=PersonRole.MANAGER))
    approve_change_request(a.ctx, request.id, manager_id=boss.id)
    a.join()
    report = a.sync()
    assert report.refused == 0 and report.conflicts == 0
    b = team.laptop("wang.lei")
    b.sync()
    kept = get_change_request(b.ctx, request.id)
    assert (kept.decision, kept.approved_by) == (
        Decision.APPROVED_BILLABLE,
        "Old Boss (before the team server)",
    )

    from deliverydesk.services.sync.client import group_json
    from deliverydesk.store import sync_local

    with a.ctx.db.engine.connect() as connection:
        adopted = next(
            g
            for g in sync_local.groups_with_status(connection, ["accepted"])
            if g.adopt and any(c.entity == "change_request" for c in g.changes)
        )
    again = {**group_json(adopted), "group_id": "0" * 8 + adopted.group_id[8:]}
    headers = {"Authorization": f"Bearer {team.tokens[a.name]}"}
    _request(a, project_id, "a later change")
    a.sync()  # a regular group: the device has joined for good
    answer = team.client.post("/v1/push", json={"groups": [again]}, headers=headers).json()["results"][0]
    assert answer["status"] == "accepted"  # the same rows again: nothing to change, nothing bypassed
    request_row = next(c.payload for c in adopted.changes if c.entity == "change_request")
    forged = {**request_row, "id": "1" * 8 + request_row["id"][8:], "ref": "CR-9", "approved_by": "Myself"}
    late = {
        "group_id": "2" * 8 + adopted.group_id[8:],
        "adopt": True,
        "changes": [{"entity": "change_request", "id": forged["id"], "op": "create", "row": forged}],
    }
    answer = team.client.post("/v1/push", json={"groups": [late]}, headers=headers).json()["results"][0]
    assert answer["status"] == "refused"  # adopted only on the first sync: later, judged like any change


def test_two_laptops_wrongly_sharing_a_token_still_conflict(team: Team) -> None:
    import shutil

    from deliverydesk.services.context import ServiceContext
    from deliverydesk.services.sync.transport import HttpTransport
    from deliverydesk.store.database import Database, make_engine
    from tests.integration.sync.team import SERVER_URL, Clock

    a, _b, _project, request_id = _shared(team)
    path = team.tmp / "copy-of-a.db"
    shutil.copyfile(team.template, path)
    url = f"sqlite:///{path}"
    clock = Clock()
    database = Database(url=url, engine=make_engine(url))
    database.audit.clock = clock
    twin = Laptop(
        "twin",
        ServiceContext(db=database, clock=clock),
        HttpTransport(SERVER_URL, team.tokens[a.name], client=team.client),
        clock,
    )
    team.laptops.append(twin)
    twin.join()
    twin.sync()
    _edit(a, request_id, title="from the first")
    a.sync()
    _edit(twin, request_id, title="from its twin")
    assert twin.sync().conflicts == 1  # the same token, but not the same copy: no silent overwrite


def test_a_pull_page_reads_each_records_current_row_once(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    from deliverydesk.store import sync_server as store

    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    ids = {_request(a, project_id, f"ask {n}") for n in range(3)}
    a.sync()
    reads: list[str] = []  # the change requests' ids asked for, each time (SQLite and PostgreSQL alike)
    current_rows = store.current_rows

    def counted(connection: Any, entity: str, wanted: Any) -> Any:
        if entity == "change_request":
            reads.extend(wanted)
        return current_rows(connection, entity, wanted)

    monkeypatch.setattr(store, "current_rows", counted)
    b = team.laptop("wang.lei")  # an empty laptop: one page holds the client, project and requests
    b.sync()
    monkeypatch.setattr(store, "current_rows", current_rows)
    assert {get_change_request(b.ctx, i).id for i in ids} == ids
    assert sorted(reads) == sorted(ids)  # read for the page's links and sent: not read again


def test_a_pushs_answers_are_taken_in_statements_that_do_not_grow_with_its_groups(team: Team) -> None:
    from sqlalchemy import event

    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    ids = [_request(a, project_id, f"ask {n}") for n in range(3)]
    a.sync()
    b = team.laptop("wang.lei")
    b.sync()
    bookkeeping: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE") and "sync_" in statement:
            bookkeeping.append(statement)

    def sync_edits(edits: int) -> int:
        for n in range(edits):  # the same record edited twice in a push: its later version is kept
            _edit(a, ids[n % len(ids)], title=f"edit {edits}.{n}")
        bookkeeping.clear()
        event.listen(a.ctx.db.engine, "before_cursor_execute", count)
        try:
            assert a.sync().pushed == edits
        finally:
            event.remove(a.ctx.db.engine, "before_cursor_execute", count)
        return len(bookkeeping)

    assert sync_edits(2) == sync_edits(7)  # the groups' statuses and known versions: one statement each
    assert sync_status(a.ctx).waiting == 0
    _edit(a, ids[0], title="after the batch")  # based on the version the answers left: no conflict
    assert a.sync().conflicts == 0
    _edit(b, ids[0], title="from the other laptop")  # b's copy is older: the server still sees a clash
    assert b.sync().conflicts == 1
    assert get_change_request(a.ctx, ids[1]).title == "edit 7.4"


def test_the_echo_of_a_laptops_own_groups_is_pulled_without_looking_for_other_holders(team: Team) -> None:
    from sqlalchemy import event

    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    ids = [_request(a, project_id, f"ask {n}") for n in range(3)]
    a.sync()
    for n, request_id in enumerate(ids):
        _edit(a, request_id, title=f"edited {n}")
    lookups: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "change_request.ref) IN" in statement:
            lookups.append(statement)

    event.listen(a.ctx.db.engine, "before_cursor_execute", count)
    try:
        report = a.sync()  # the page brings back the three records as this laptop holds them
    finally:
        event.remove(a.ctx.db.engine, "before_cursor_execute", count)
    assert report.pushed == 3 and report.pulled == 0 and sync_status(a.ctx).waiting == 0
    assert lookups == []  # a record keeping its ref holds it: nobody else to look for
    assert [get_change_request(a.ctx, i).title for i in ids] == ["edited 0", "edited 1", "edited 2"]
    assert _trail_ok(a)


def test_a_sync_writes_each_step_in_one_transaction_with_the_read_of_the_next(team: Team) -> None:
    from sqlalchemy import event

    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    ids = [_request(a, project_id, f"ask {n}") for n in range(3)]
    a.sync()
    for n, request_id in enumerate(ids):
        _edit(a, request_id, title=f"edited {n}")
    transactions: list[list[str]] = []  # each transaction's statements, as SQLite ran them
    outbox_reads: list[str] = []

    def count(statement: str) -> None:
        if statement.strip().upper().startswith("BEGIN"):
            transactions.append([])
        elif transactions:
            transactions[-1].append(statement.strip())
        if statement.lstrip().upper().startswith("SELECT") and "FROM sync_outbox_change" in statement:
            outbox_reads.append(statement)

    # SQLite's own trace of each connection the sync takes: it sees the statements SQLAlchemy runs and
    # the plain SQL run on the same connection alike (store.plain)
    def traced(raw: sqlite3.Connection, *_args: object) -> None:
        raw.set_trace_callback(count)

    def untraced(raw: sqlite3.Connection, *_args: object) -> None:
        raw.set_trace_callback(None)

    event.listen(a.ctx.db.engine, "checkout", traced)
    event.listen(a.ctx.db.engine, "checkin", untraced)
    try:
        report = a.sync()
    finally:
        event.remove(a.ctx.db.engine, "checkout", traced)
        event.remove(a.ctx.db.engine, "checkin", untraced)
    assert report.pushed == 3 and sync_status(a.ctx).waiting == 0
    # the start, reading the first push's groups; the answers with the pull's cursors; the page with
    # the sync's end and its notices, the roster being unchanged (it was ten: a transaction per read;
    # four until the end had a transaction of its own and the start wrote its time)
    assert len(transactions) == 3
    writes = [[s for s in t if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")] for t in transactions]
    assert writes[0] == []  # the start only reads: no commit for SQLite to write out
    assert any("sync_cursor" in s for s in writes[2]) and any("last_sync_at" in s for s in writes[2])
    (state,) = [s for s in writes[2] if s.startswith("UPDATE sync_state")]  # the end, and who I am
    assert "last_sync_at" in state and "user_name='li.na'" in state
    # the groups' changes, read for the push (its answers are about them, not read again), and the
    # changes still waiting on the pulled records
    assert len(outbox_reads) == 2
    assert sync_status(a.ctx).last_sync_at is not None and sync_status(a.ctx).last_error is None
