"""Faults, each a test: answers lost after the server committed, duplicate and reordered pushes, a
pull cut in the middle, a laptop killed while it writes a pull, two laptops pushing at once, and a
late-committing push that a cursor must not skip (PostgreSQL)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import threading
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from deliverydesk.domain.drafts import ChangeRequestDraft, draft_from
from deliverydesk.errors import OfflineError
from deliverydesk.server.app import create_app
from deliverydesk.services.scope_guard.change_requests import (
    create_change_request,
    get_change_request,
    list_change_requests,
    update_change_request,
)
from deliverydesk.services.sync import admin
from deliverydesk.services.sync.client import list_conflicts, sync_status
from deliverydesk.store import sync_local
from deliverydesk.store.audit import verify_trail
from deliverydesk.store.sync_server import RECORDS as store_records
from deliverydesk.store.sync_tables import ServerGroupRow, SyncCursorRow
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import POSTGRES, SERVER_URL, DropAfterSend, Laptop, Team, make_team

pytestmark = pytest.mark.sync
ON = date(2026, 3, 10)
ROOT = Path(__file__).resolve().parents[3]


def _dropping(team: Team, should_drop: Any) -> tuple[httpx.Client, DropAfterSend]:
    transport = DropAfterSend(team.client._transport, should_drop)
    return httpx.Client(transport=transport, base_url=SERVER_URL), transport


def _groups_on_server(team: Team) -> int:
    with team.ctx.db.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(ServerGroupRow)) or 0)


def _project(laptop: Laptop) -> str:
    client_id, _s, _c = make_client(laptop.ctx)
    return make_project(laptop.ctx, client_id)


def _title(laptop: Laptop, request_id: str, title: str) -> None:
    item = get_change_request(laptop.ctx, request_id)
    update_change_request(laptop.ctx, draft_from(ChangeRequestDraft, item, title=title))


def test_an_answer_lost_after_the_server_committed_is_asked_again_and_nothing_changes(team: Team) -> None:
    drops = {"left": 1}

    def drop_first_push(request: httpx.Request) -> bool:
        if request.url.path == "/v1/push" and drops["left"]:
            drops["left"] -= 1
            return True
        return False

    client, transport = _dropping(team, drop_first_push)
    a = team.laptop("li.na", client=client)
    project_id = _project(a)
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="T", requested_on=ON)
    )
    waiting = sync_status(a.ctx).waiting
    with pytest.raises(OfflineError):
        a.sync()
    assert transport.dropped == 1
    groups = _groups_on_server(team)
    assert groups >= 1  # the server did the work; the laptop never heard
    assert sync_status(a.ctx).waiting == waiting
    with a.ctx.db.unit_of_work() as session:  # the attempt is written with its failure
        failed = sync_local.read_state(session.connection())
    assert failed is not None and failed["offline"] and failed["last_attempt_at"] is not None

    a.sync()
    assert sync_status(a.ctx).waiting == 0 and _groups_on_server(team) == waiting  # each group once
    with a.ctx.db.unit_of_work() as session:  # and with the end of the next sync, which it began
        ended = sync_local.read_state(session.connection())
    assert ended is not None and not ended["offline"]
    assert failed["last_attempt_at"] < ended["last_attempt_at"] <= ended["last_sync_at"]
    b = team.laptop("wang.lei")
    b.sync()
    assert [r.id for r in list_change_requests(b.ctx, project_id=project_id).rows] == [request.id]


def test_duplicate_and_reordered_pushes_return_the_stored_answers_and_change_nothing(team: Team) -> None:
    a = team.laptop("li.na")
    project_id = _project(a)
    a.sync()
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="one", requested_on=ON)
    )
    from deliverydesk.services.sync.client import group_json
    from deliverydesk.store import sync_local

    _title(a, request.id, "two")
    with a.ctx.db.engine.connect() as connection:
        first, second = (group_json(g) for g in sync_local.groups_with_status(connection, ["pending"]))
    headers = {"Authorization": f"Bearer {team.tokens[a.name]}"}

    def push(*groups: dict[str, Any]) -> list[dict[str, Any]]:
        return list(
            team.client.post("/v1/push", json={"groups": list(groups)}, headers=headers).json()["results"]
        )

    once = push(first, first)
    assert once[0] == once[1] and once[0]["status"] == "accepted"
    assert push(second)[0]["status"] == "accepted"
    links = _groups_on_server(team)
    assert push(second, first) == [push(second)[0], once[0]]  # late and repeated: the stored answers
    assert _groups_on_server(team) == links
    a.sync()  # the laptop learns its groups were taken, and pulls
    assert get_change_request(a.ctx, request.id).title == "two"
    assert admin.check_server(team.ctx).ok


def test_a_pull_cut_in_the_middle_moves_the_cursor_only_with_what_was_written(team: Team) -> None:
    project_id = _asks_synced(team)
    pulls = {"n": 0}

    def cut_second_pull(request: httpx.Request) -> bool:
        if request.url.path == "/v1/pull":
            pulls["n"] += 1
            return pulls["n"] == 2
        return False

    client, _transport = _dropping(team, cut_second_pull)
    b = team.laptop("wang.lei", client=client)
    with pytest.raises(OfflineError):
        b.sync(pull_limit=5)
    with b.ctx.db.engine.connect() as connection:
        cursors = set(connection.scalars(select(SyncCursorRow.position)))
    assert max(cursors) > 0  # the first page and its cursors were written together
    halfway = (
        len(list_change_requests(b.ctx, project_id=project_id).rows) if project_id in str(cursors) else None
    )
    b.sync(pull_limit=5)
    assert len(list_change_requests(b.ctx, project_id=project_id).rows) == 12
    assert halfway is None or halfway <= 12
    with b.ctx.db.engine.connect() as connection:
        assert verify_trail(connection).ok


def _watching_pulls(team: Team, seen: list[dict[str, Any]], asked: threading.Event) -> httpx.Client:
    """A client that loses nothing: it keeps each pull's cursors and says when the second was sent."""

    def watch(request: httpx.Request) -> bool:
        if request.url.path == "/v1/pull":
            seen.append(json.loads(request.content)["cursors"])
            if len(seen) == 2:
                asked.set()
        return False

    return _dropping(team, watch)[0]


def _asks_synced(team: Team, count: int = 12) -> str:
    """Li Na's project with ``count`` change requests, pushed to the server; its id."""
    a = team.laptop("li.na")
    project_id = _project(a)
    for n in range(count):
        create_change_request(
            a.ctx, ChangeRequestDraft(project_id=project_id, title=f"ask {n}", requested_on=ON)
        )
    a.sync()
    return project_id


def test_the_next_pull_page_is_fetched_while_a_page_is_written(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deliverydesk.store import sync_local

    project_id = _asks_synced(team)
    seen: list[dict[str, Any]] = []
    asked = threading.Event()
    original, overlapped = sync_local.write_rows, []

    def write_rows(connection: Any, rows: Any, when: Any) -> Any:
        if not overlapped:  # the first page: the second is asked for meanwhile (else this waits in vain)
            overlapped.append(asked.wait(30))
        return original(connection, rows, when)

    monkeypatch.setattr(sync_local, "write_rows", write_rows)
    b = team.laptop("wang.lei", client=_watching_pulls(team, seen, asked))
    b.sync(pull_limit=5)
    assert overlapped == [True]
    assert len(list_change_requests(b.ctx, project_id=project_id).rows) == 12
    assert len(seen) >= 3  # several pages, each asked for with the cursors the one before left
    with b.ctx.db.engine.connect() as connection:
        assert verify_trail(connection).ok


def test_a_page_fetched_ahead_but_never_written_is_fetched_again(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deliverydesk.store import sync_local

    project_id = _asks_synced(team)
    seen: list[dict[str, Any]] = []
    original, calls = sync_local.write_rows, {"n": 0}

    def fail_second_page(connection: Any, rows: Any, when: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")  # page 2 not written; page 3 was already being fetched
        return original(connection, rows, when)

    monkeypatch.setattr(sync_local, "write_rows", fail_second_page)
    b = team.laptop("wang.lei", client=_watching_pulls(team, seen, threading.Event()))
    with pytest.raises(OSError, match="disk full"):
        b.sync(pull_limit=5)
    assert len(seen) == 3  # pages 1 and 2 asked for, and page 3 ahead of page 2's writing
    with b.ctx.db.engine.connect() as connection:
        held = {row.scope: row.position for row in connection.execute(select(SyncCursorRow))}
    assert held == seen[1]  # the cursors page 1 left: page 2's (and 3's) never written
    monkeypatch.setattr(sync_local, "write_rows", original)
    b.sync(pull_limit=5)
    assert seen[3] == seen[1]  # the next sync asks for page 2 again
    assert len(list_change_requests(b.ctx, project_id=project_id).rows) == 12
    with b.ctx.db.engine.connect() as connection:
        assert verify_trail(connection).ok


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from starlette.testclient import TestClient
    from deliverydesk.server.app import create_app
    from deliverydesk.services.context import ServiceContext
    from deliverydesk.services.sync import admin, client as sync_client
    from deliverydesk.services.sync.transport import HttpTransport
    from deliverydesk.store import sync_local
    from deliverydesk.store.database import Database, make_engine

    server = admin.open_team({server_url!r}, allow_sqlite=True)
    original = sync_local.write_rows

    def write_then_die(connection, rows, when):
        written = original(connection, rows, when)
        os.kill(os.getpid(), signal.SIGKILL)  # rows written, page not committed
        return written

    sync_local.write_rows = write_then_die
    database = Database(url={laptop_url!r}, engine=make_engine({laptop_url!r}))
    transport = HttpTransport({base!r}, {token!r}, client=TestClient(create_app(server), base_url={base!r}))
    sync_client.sync_now(ServiceContext(db=database), transport)
    """
)


def test_a_laptop_killed_while_writing_a_pull_resumes_on_the_next_sync(team: Team, tmp_path: Path) -> None:
    project_id = _asks_synced(team, 5)
    b = team.laptop("wang.lei")
    script = CHILD.format(
        root=str(ROOT),
        server_url=team.url,
        laptop_url=b.ctx.db.url,
        base=SERVER_URL,
        token=team.tokens[b.name],
    )
    b.ctx.db.engine.dispose()  # the child writes the file; this process holds no connection meanwhile
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    assert not _has_project(b, project_id)  # the page died with the process: nothing half-written
    b.sync()
    assert len(list_change_requests(b.ctx, project_id=project_id).rows) == 5
    with b.ctx.db.engine.connect() as connection:
        assert verify_trail(connection).ok


def _has_project(laptop: Laptop, project_id: str) -> bool:
    from deliverydesk.services.records.projects import list_projects

    return project_id in {p.id for p in list_projects(laptop.ctx).rows}


def test_two_laptops_pushing_conflicting_edits_at_once(team: Team) -> None:
    from starlette.testclient import TestClient

    a = team.laptop("li.na", client=TestClient(team.app, base_url=SERVER_URL))
    project_id = _project(a)
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="T", requested_on=ON)
    )
    a.sync()
    b = team.laptop("wang.lei", client=TestClient(team.app, base_url=SERVER_URL))
    b.sync()
    _title(a, request.id, "from A")
    _title(b, request.id, "from B")
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def sync(laptop: Laptop) -> None:
        start.wait()
        try:
            laptop.sync()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=sync, args=(laptop,)) for laptop in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    conflicts = {laptop.name: len(list_conflicts(laptop.ctx)) for laptop in (a, b)}
    assert sorted(conflicts.values()) == [0, 1]  # exactly one applied, the other is a conflict
    winner = a if conflicts[a.name] == 0 else b
    for laptop in (a, b):
        laptop.sync()
    expected = "from A" if winner is a else "from B"
    c = team.laptop("maria")
    c.sync()
    assert get_change_request(c.ctx, request.id).title == expected


def _waiting_for_the_tail_lock(team: Team) -> bool:
    """A push waits for the row lock of ``server_head`` (a row lock wait is on the holder's
    transaction id)."""
    with team.ctx.db.engine.connect() as connection:
        query = "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')"
        return bool(connection.exec_driver_sql(query).scalar())


@pytest.mark.skipif(not POSTGRES, reason="commit order against sequence order is a PostgreSQL question")
def test_a_cursor_never_skips_a_late_committing_push(tmp_path: Path, laptop_template: Path) -> None:
    from starlette.testclient import TestClient

    from deliverydesk.domain.sync import Role

    held, release, armed = threading.Event(), threading.Event(), threading.Event()

    def hold(where: str) -> None:
        if where == "before-commit" and armed.is_set():
            armed.clear()
            held.set()
            assert release.wait(30)

    with make_team(tmp_path, laptop_template, fault=hold) as team:
        for name in ("li.na", "wang.lei", "maria"):
            team.add_user(name, Role.ENGINEER)
            admin.grant(team.ctx, name, None)
        plain = create_app(team.ctx)  # the same database, without the hold

        def client() -> TestClient:
            return TestClient(plain, base_url=SERVER_URL)

        a = team.laptop("li.na", client=client())
        project_id = _project(a)
        a.sync()
        b, reader = team.laptop("wang.lei", client=client()), team.laptop("maria", client=client())
        b.sync()
        reader.sync()
        create_change_request(
            a.ctx, ChangeRequestDraft(project_id=project_id, title="early", requested_on=ON)
        )
        create_change_request(b.ctx, ChangeRequestDraft(project_id=project_id, title="late", requested_on=ON))

        a.transport._client = TestClient(team.app, base_url=SERVER_URL)
        armed.set()
        first = threading.Thread(target=a.sync)
        first.start()
        assert held.wait(30)  # a's group holds the tail lock, uncommitted
        second = threading.Thread(target=b.sync)
        second.start()
        for _ in range(300):  # b's group reaches the tail and waits behind a
            if _waiting_for_the_tail_lock(team):
                break
            threading.Event().wait(0.05)
        reader.sync()  # pulls while neither is committed: its cursors must not pass them
        release.set()
        first.join(60)
        second.join(60)
        reader.sync()
        titles = {r.title for r in list_change_requests(reader.ctx, project_id=project_id).rows}
        assert titles == {"early", "late"}


def test_a_push_uses_one_connection_and_each_group_is_still_its_own_transaction(team: Team) -> None:
    from sqlalchemy import event

    from deliverydesk.services.sync.client import outgoing

    a = team.laptop("li.na")
    project_id = _project(a)
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="one", requested_on=ON)
    )
    a.sync()
    for title in ("two", "three", "four"):
        _title(a, request.id, title)
    (first, second, third), _cursors = outgoing(a.ctx)  # as the laptop would send them
    stray = {**second["changes"][0], "id": str(uuid.uuid4())}  # a record the server does not hold: refused
    refused = {**second, "group_id": str(uuid.uuid4()), "changes": [stray]}
    links = _groups_on_server(team)
    checkouts: list[object] = []

    def checked_out(dbapi_connection: object, _record: object, _proxy: object) -> None:
        checkouts.append(dbapi_connection)

    event.listen(team.ctx.db.engine, "checkout", checked_out)
    try:
        response = team.client.post(
            "/v1/push",
            json={"groups": [first, second, refused, third]},
            headers={"Authorization": f"Bearer {team.tokens[a.name]}"},
        )
    finally:
        event.remove(team.ctx.db.engine, "checkout", checked_out)
    assert response.status_code == 200, response.text
    statuses = [r["status"] for r in response.json()["results"]]
    assert statuses == ["accepted", "accepted", "refused"]  # stops at the first group not accepted
    assert len(checkouts) == 1  # the token's lookup and the push share one: not one per group
    assert _groups_on_server(team) == links + 3  # each answered group committed on its own
    b = team.laptop("wang.lei")
    b.sync()
    assert get_change_request(b.ctx, request.id).title == "three"  # the refusal undid nothing before it
    a.sync()  # the laptop takes the stored answers, sends the rest
    assert sync_status(a.ctx).waiting == 0
    assert admin.check_server(team.ctx).ok


@pytest.mark.skipif(not POSTGRES, reason="two transactions at once: the SQLite stand-in serialises them")
def test_two_copies_of_a_group_racing_are_applied_once_and_get_the_same_answer(
    tmp_path: Path, laptop_template: Path
) -> None:
    from starlette.testclient import TestClient

    from deliverydesk.domain.sync import Role
    from deliverydesk.services.sync.client import group_json
    from deliverydesk.store import sync_local

    held, release, armed = threading.Event(), threading.Event(), threading.Event()

    def hold(where: str) -> None:
        if where == "before-commit" and armed.is_set():
            armed.clear()
            held.set()
            assert release.wait(30)

    with make_team(tmp_path, laptop_template, fault=hold) as team:
        team.add_user("li.na", Role.ENGINEER)
        admin.grant(team.ctx, "li.na", None)
        plain = TestClient(create_app(team.ctx), base_url=SERVER_URL)  # the same database, no hold
        a = team.laptop("li.na", client=plain)
        project_id = _project(a)
        request = create_change_request(
            a.ctx, ChangeRequestDraft(project_id=project_id, title="one", requested_on=ON)
        )
        a.sync()
        _title(a, request.id, "two")
        with a.ctx.db.engine.connect() as connection:
            (group,) = (group_json(g) for g in sync_local.groups_with_status(connection, ["pending"]))
        headers = {"Authorization": f"Bearer {team.tokens[a.name]}"}
        links = _groups_on_server(team)
        answers: dict[str, Any] = {}

        def push(name: str, client: TestClient) -> None:
            answers[name] = client.post("/v1/push", json={"groups": [group]}, headers=headers).json()

        armed.set()
        first = threading.Thread(target=push, args=("first", team.client))
        first.start()
        assert held.wait(30)  # the first copy holds its locks, uncommitted
        second = threading.Thread(target=push, args=("second", plain))
        second.start()
        for _ in range(300):  # the second copy, not yet answered when it was read, waits behind it
            if _waiting_for_the_tail_lock(team):
                break
            threading.Event().wait(0.05)
        else:
            raise AssertionError("the second copy did not wait for the first")
        release.set()
        first.join(60)
        second.join(60)
        assert answers["first"] == answers["second"]
        assert answers["first"]["results"][0]["status"] == "accepted"
        assert _groups_on_server(team) == links + 1  # applied once
        (record,) = answers["first"]["results"][0]["records"]
        assert get_change_request(a.ctx, request.id).title == "two"
        with team.ctx.db.engine.connect() as connection:
            version = connection.scalar(
                select(store_records.c.version).where(store_records.c.record_id == request.id)
            )
        assert version == record["version"]  # one version step, not two
        assert admin.check_server(team.ctx).ok
