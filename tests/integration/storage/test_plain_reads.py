"""Plain-SQL reads (``store.plain``, ``Database.reading``): the same records as the ORM's mapping on
the demo data, one read-only transaction that writes nothing, and values from either driver's types."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from deliverydesk.domain.enums import Decision, Language
from deliverydesk.domain.metrics import Meter
from deliverydesk.domain.models import ClientItem, ContactItem, ProjectItem, ProjectOverview, ProjectSummary
from deliverydesk.errors import NotFoundError, ReadOnlyStorageError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.overview import OpenedProject, get_project_overview, open_project
from deliverydesk.services.records import clients
from deliverydesk.services.records.projects import get_project, list_projects
from deliverydesk.services.scope_guard import project_meters
from deliverydesk.services.scope_guard.meters import ProjectMeters
from deliverydesk.store.database import Database, NestedUnitOfWorkError
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.plain import (
    Members,
    in_list,
    to_date,
    to_datetime,
    to_enum,
    to_moments,
    to_optional_enum,
)
from deliverydesk.store.starting import DatabaseHandle
from deliverydesk.store.working_days import non_working_days


def test_opening_a_project_reads_what_the_orm_reads_for_every_demo_project(demo_ctx: ServiceContext) -> None:
    projects = list_projects(demo_ctx, include_archived=True, limit=200).rows
    assert len(projects) > 3
    contacts_seen = 0
    for summary in projects:
        opened = open_project(demo_ctx, summary.id)
        project = get_project(demo_ctx, summary.id)  # the ORM's row, mapped by store/mapping.py
        assert opened.overview.project == project
        assert opened.overview == get_project_overview(demo_ctx, summary.id)
        assert opened.client == clients.get_client(demo_ctx, project.client_id)
        listed = clients.list_contacts(demo_ctx, project.client_id, include_archived=True).rows
        assert opened.contacts == listed
        assert opened.meters == project_meters(demo_ctx, summary.id)
        contacts_seen += len(listed)
    assert contacts_seen, "the demo's clients have contacts"


def test_records_mapped_at_once_equal_their_init_s(demo_ctx: ServiceContext) -> None:
    mapped: list[object] = []
    for summary in list_projects(demo_ctx, include_archived=True, limit=200).rows:
        mapped += [summary, summary.goodwill, summary.scope_creep]  # the navigator's rows
        opened = open_project(demo_ctx, summary.id)
        mapped += [opened, opened.overview, opened.overview.project, opened.client, *opened.contacts]
        mapped += [opened.meters, opened.meters.goodwill, opened.meters.scope_creep]
    kinds = {
        OpenedProject,
        ProjectOverview,
        ProjectItem,
        ClientItem,
        ContactItem,
        ProjectMeters,
        Meter,
        ProjectSummary,
    }
    assert {type(record) for record in mapped} == kinds
    for record in mapped:
        names = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]
        assert list(vars(record)) == names  # every field set, in the order __init__ sets them
        assert not hasattr(record, "__post_init__")
        made = type(record)(**vars(record))
        assert made == record and repr(made) == repr(record)
        no_dicts = ProjectItem | ClientItem | ContactItem | ProjectMeters | Meter | ProjectSummary
        if isinstance(record, no_dicts):
            assert hash(made) == hash(record)
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.name = "changed"  # type: ignore[attr-defined]


def test_opening_a_missing_project_says_so(demo_ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        open_project(demo_ctx, "no-such-project")


def test_a_read_only_unit_is_one_transaction_that_keeps_nothing(demo_ctx: ServiceContext) -> None:
    db = demo_ctx.db
    before = list_projects(demo_ctx, include_archived=True, limit=1).total
    with db.reading() as r:
        milestones = r.scalar("SELECT count(*) FROM milestone")
    assert milestones
    # Not how reads are used: its connection is read-only, the write is refused and nothing is kept.
    with pytest.raises(ReadOnlyStorageError), db.reading() as r:
        r.rows("DELETE FROM milestone")
    with db.reading() as r:
        assert r.first("SELECT 1 WHERE 0") is None
        assert r.scalar("SELECT count(*) FROM project") == before
        assert r.scalar("SELECT count(*) FROM milestone") == milestones


def _add_client(db: DatabaseHandle, name: str) -> None:
    """A client written through the engine's own connection and committed (no ORM, no audit)."""
    with db.unit_of_work() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO client (name, address, industry, notes, id, created_at, updated_at)"
            " VALUES (?, '', '', '', ?, '2026-03-01 08:00:00.000000', '2026-03-01 08:00:00.000000')",
            (name, name),
        )


CLIENTS = "SELECT count(*) FROM client"


def test_read_only_units_keep_their_connection_and_see_each_commit(ctx: ServiceContext) -> None:
    db = ctx.db
    assert isinstance(db, Database) and db.plain_reads is not None
    with db.reading() as r:
        assert r.scalar(CLIENTS) == 0
    seen: list[str] = []
    db.plain_reads.trace(seen.append)  # set on the kept connection: a new one would be traced too
    try:
        _add_client(db, "first")
        with db.reading() as r:
            assert r.scalar(CLIENTS) == 1
    finally:
        db.plain_reads.trace(None)
    assert seen == ["BEGIN", CLIENTS, "ROLLBACK"]


def test_a_failed_read_only_unit_ends_its_transaction_and_gives_its_connection_back(
    ctx: ServiceContext,
) -> None:
    db = ctx.db
    assert isinstance(db, Database) and db.plain_reads is not None
    with db.reading() as r:
        kept = r
    seen: list[str] = []
    db.plain_reads.trace(seen.append)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such table"), db.reading() as r:
            assert r is kept
            r.rows("SELECT name FROM no_such_table")  # a bug's SQL comes out as it is
        with pytest.raises(LookupError, match="not the database's"), db.reading() as r:
            assert r is kept
            raise LookupError("not the database's")
        with db.reading() as r:  # the same connection again, out of its transaction
            assert r is kept
            assert r.scalar(CLIENTS) == 0
    finally:
        db.plain_reads.trace(None)
    assert seen == ["BEGIN", "ROLLBACK"] * 2 + ["BEGIN", CLIENTS, "ROLLBACK"]
    with db.unit_of_work():  # no unit is left open on this thread
        pass


def test_read_only_units_on_two_threads_each_read_their_own_snapshot(ctx: ServiceContext) -> None:
    db = ctx.db
    inside, done = threading.Event(), threading.Event()
    counts: list[int] = []

    def hold_a_snapshot() -> None:
        with db.reading() as r:
            counts.append(r.scalar(CLIENTS))
            inside.set()
            done.wait(10)
            counts.append(r.scalar(CLIENTS))

    reader = threading.Thread(target=hold_a_snapshot)
    reader.start()
    try:
        assert inside.wait(10)
        _add_client(db, "meanwhile")
        with db.reading() as r:  # another connection: not waiting for the other thread's unit
            assert r.scalar(CLIENTS) == 1
    finally:
        done.set()
        reader.join(10)
    assert counts == [0, 0]  # the other unit kept its snapshot, whatever was committed meanwhile


def test_closing_the_database_closes_its_read_connections(ctx: ServiceContext) -> None:
    db = ctx.db
    assert isinstance(db, Database) and db.plain_reads is not None
    with db.reading() as r:
        kept = r
    db.close()
    with pytest.raises(sqlite3.ProgrammingError):  # the kept connection is closed
        kept.rows("SELECT 1")


def test_closing_the_idle_read_connections_keeps_reading_on_a_new_kept_one(ctx: ServiceContext) -> None:
    db = ctx.db
    assert isinstance(db, Database) and db.plain_reads is not None
    with db.reading() as r:
        old = r
    db.plain_reads.close_idle()  # as before a fork
    with pytest.raises(sqlite3.ProgrammingError):
        old.rows("SELECT 1")
    _add_client(db, "after")
    with db.reading() as r:
        assert r is not old
        assert r.scalar(CLIENTS) == 1
        new = r
    with db.reading() as r:  # the new one is kept, as before (close_idle is not close)
        assert r is new


def test_a_read_only_unit_does_not_nest_with_another_unit(demo_ctx: ServiceContext) -> None:
    db = demo_ctx.db
    with db.unit_of_work(), pytest.raises(NestedUnitOfWorkError), db.reading():
        pass
    with db.reading(), pytest.raises(NestedUnitOfWorkError), db.unit_of_work():
        pass
    with db.reading() as r:  # both usable again afterwards
        assert r.scalar("SELECT 1") == 1


def test_non_working_days_agree_between_the_session_and_a_read_only_unit(demo_ctx: ServiceContext) -> None:
    ids = [p.id for p in list_projects(demo_ctx, include_archived=True, limit=200).rows]
    with demo_ctx.db.unit_of_work() as session:
        through_session = extra_non_working_days(session, ids)
    with demo_ctx.db.reading() as r:
        assert non_working_days(r, ids) == through_session
        assert non_working_days(r, []) == {}


def test_values_come_from_sqlite_text_or_a_servers_native_types() -> None:
    assert to_date("2026-03-01") == to_date(date(2026, 3, 1)) == date(2026, 3, 1)
    aware = datetime(2026, 3, 1, 8, 30, 0, 120000, tzinfo=UTC)
    assert to_datetime("2026-03-01 08:30:00.120000") == aware
    assert to_datetime(datetime(2026, 3, 1, 8, 30, 0, 120000)) == aware
    assert to_date(None) is None and to_datetime(None) is None


@pytest.mark.parametrize(
    "stored",
    [
        "2026-03-01 08:30:00.120000",
        "2026-03-01 08:30:00",
        "2026-03-01T08:30:00",
        "2026-03-01 08:30",
        "2026-03-01",
        "2026-03-01 08:30:00+08:00",
        "2026-03-01 08:30:00Z",
        datetime(2026, 3, 1, 8, 30),
        datetime(2026, 3, 1, 8, 30, tzinfo=timezone(timedelta(hours=8))),
    ],
)
def test_a_timestamp_reads_as_its_naive_value_in_utc(stored: str | datetime) -> None:
    naive = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    read = to_datetime(stored)
    assert read == naive.replace(tzinfo=UTC) and repr(read) == repr(naive.replace(tzinfo=UTC))
    assert read is not None and read.tzinfo is UTC
    assert to_moments(stored, stored) == (read, read)  # a record's two timestamps read at once
    both = to_moments("2026-03-01 08:30:00.120000", stored)
    assert both == (datetime(2026, 3, 1, 8, 30, 0, 120000, tzinfo=UTC), read) and both[1].tzinfo is UTC
    assert to_enum(Decision, "approved_goodwill") is Decision.APPROVED_GOODWILL
    assert to_optional_enum(Language, None) is None
    with pytest.raises(ValueError):
        to_enum(Decision, "no such decision")
    decisions = Members(Decision)
    assert decisions["approved_goodwill"] is Decision.APPROVED_GOODWILL
    assert decisions[Decision.DEFERRED] is Decision.DEFERRED  # a server's driver may give the member
    with pytest.raises(ValueError):
        decisions["no such decision"]
    assert len(decisions) == len(Decision)  # a miss is not remembered
    params: dict[str, object] = {}
    assert in_list("p", ["a", "b"], params) == "(:p0, :p1)" and params == {"p0": "a", "p1": "b"}
    assert in_list("q", [], params) == "(NULL)"


def test_the_navigators_rows_agree_with_each_opened_project(demo_ctx: ServiceContext) -> None:
    """Two reads written apart (the navigator's page, the switch's six statements) tell the same facts."""
    rows = list_projects(demo_ctx, include_archived=True, sort="attention", descending=True, limit=200).rows
    for row in rows:
        opened = open_project(demo_ctx, row.id)
        project, decided = opened.overview.project, opened.overview.change_requests_by_decision
        assert (row.code, row.name, row.client_name, row.status) == (
            project.code,
            project.name,
            opened.client.name,
            project.status,
        )
        assert (row.start_date, row.end_date, row.archived_at) == (
            project.start_date,
            project.end_date,
            project.archived_at,
        )
        pending = decided.get(Decision.PENDING, 0) + decided.get(Decision.PENDING_APPROVAL, 0)
        assert row.pending_decisions == pending
        assert (row.goodwill, row.scope_creep) == (opened.meters.goodwill, opened.meters.scope_creep)
    assert any(row.next_milestone_name for row in rows) and any(row.pending_decisions for row in rows)
