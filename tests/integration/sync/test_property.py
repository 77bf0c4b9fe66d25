"""A property, checked by Hypothesis: several laptops edit the same records offline, sync in any
order, some syncs fail half-way; once everyone has synced and resolved, every copy equals the server,
no write is lost (each is on the server or in a conflict), the issued letter is byte-identical
everywhere and every audit trail and chain checks."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from deliverydesk.domain.drafts import ChangeRequestDraft, ExpectationDraft, LogEntryDraft, draft_from
from deliverydesk.domain.enums import LetterKind
from deliverydesk.domain.sync import Role
from deliverydesk.errors import DeliveryDeskError, OfflineError
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.letters import letter_pdf
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.scope_guard.change_requests import (
    archive_change_request,
    create_change_request,
    get_change_request,
    restore_change_request,
    update_change_request,
)
from deliverydesk.services.storage import OpenOptions, check_database
from deliverydesk.services.sync import admin
from deliverydesk.services.sync.client import (
    Choice,
    issue_in_team,
    list_conflicts,
    resolve_conflict,
    sync_status,
)
from deliverydesk.store.audit import EVENTS
from deliverydesk.store.bundle_rows import BUNDLED_TABLES
from deliverydesk.store.sync_local import local_rows
from deliverydesk.store.sync_tables import SyncConflictRow
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import SERVER_URL, DropAfterSend, Laptop, Team, make_team

pytestmark = pytest.mark.sync
LAPTOPS = 3
REQUESTS = 3
TITLES = ("alpha", "beta", "gamma", "delta")
FIELDS = {"title": TITLES, "description": ("", "one", "two"), "effort_hours": (0.0, 2.0, 5.0)}


@dataclass(frozen=True)
class Edit:
    laptop: int
    request: int
    field: str
    value: Any


@dataclass(frozen=True)
class Archive:
    laptop: int
    request: int
    archived: bool


@dataclass(frozen=True)
class Log:
    laptop: int


@dataclass(frozen=True)
class NewRequest:
    laptop: int


@dataclass(frozen=True)
class Sync:
    laptop: int
    fail: str  # "" | "push" | "pull": that answer is lost after the server did the work


edits = st.builds(
    lambda laptop, request, name, data: Edit(laptop, request, name, data),
    st.integers(0, LAPTOPS - 1),
    st.integers(0, REQUESTS - 1),
    st.sampled_from(sorted(FIELDS)),
    st.integers(0, 3),
).map(lambda e: Edit(e.laptop, e.request, e.field, FIELDS[e.field][e.value % len(FIELDS[e.field])]))
operations = st.lists(
    st.one_of(
        edits,
        edits,
        st.builds(Archive, st.integers(0, LAPTOPS - 1), st.integers(0, REQUESTS - 1), st.booleans()),
        st.builds(Log, st.integers(0, LAPTOPS - 1)),
        st.builds(NewRequest, st.integers(0, LAPTOPS - 1)),
        st.builds(Sync, st.integers(0, LAPTOPS - 1), st.sampled_from(("", "", "push", "pull"))),
    ),
    min_size=4,
    max_size=18,
)


@dataclass
class World:
    team: Team
    laptops: list[Laptop]
    drops: list[dict[str, bool]]
    requests: list[str]
    project_id: str
    letter_id: str
    letter: bytes
    written: list[Edit] = field(default_factory=list)


def _build(tmp: Path, template: Path) -> Any:
    return make_team(tmp, template)


def _world(team: Team) -> World:
    for name in ("li.na", "wang.lei", "maria"):
        team.add_user(name, Role.ENGINEER)
        admin.grant(team.ctx, name, None)
    drops: list[dict[str, bool]] = []
    laptops = []
    for index, user in enumerate(("li.na", "wang.lei", "maria")):
        flags = {"push": False, "pull": False}

        def should_drop(request: httpx.Request, flags: dict[str, bool] = flags) -> bool:
            kind = request.url.path.rsplit("/", 1)[-1]
            if flags.get(kind):
                flags[kind] = False
                return True
            return False

        client = httpx.Client(
            transport=DropAfterSend(team.client._transport, should_drop), base_url=SERVER_URL
        )
        laptops.append(team.laptop(user, f"device-{index}", client=client))
        drops.append(flags)
    first = laptops[0]
    client_id, signer_id, _c = make_client(first.ctx)
    project_id = make_project(first.ctx, client_id)
    create_expectation(
        first.ctx, ExpectationDraft(project_id=project_id, statement="done", agreed_with_id=signer_id)
    )
    requests = [
        create_change_request(
            first.ctx,
            ChangeRequestDraft(project_id=project_id, title=TITLES[0], requested_on=date(2026, 3, 10)),
        ).id
        for _ in range(REQUESTS)
    ]
    issued = issue_in_team(
        first.ctx, first.transport, DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    )
    for laptop in laptops:
        laptop.sync()
    return World(team, laptops, drops, requests, project_id, issued.letter.id, issued.pdf)


def _do(world: World, op: Any) -> None:
    laptop = world.laptops[op.laptop]
    try:
        if isinstance(op, Edit):
            item = get_change_request(laptop.ctx, world.requests[op.request])
            update_change_request(laptop.ctx, draft_from(ChangeRequestDraft, item, **{op.field: op.value}))
            if getattr(item, op.field) != op.value:  # a write, not a save of the same value
                world.written.append(op)
        elif isinstance(op, Archive):
            action = archive_change_request if op.archived else restore_change_request
            action(laptop.ctx, world.requests[op.request])
        elif isinstance(op, Log):
            at = datetime(2026, 3, 16, 8, tzinfo=UTC)
            add_log_entry(
                laptop.ctx,
                LogEntryDraft(project_id=world.project_id, occurred_at=at, summary=f"by {op.laptop}"),
            )
        elif isinstance(op, NewRequest):
            draft = ChangeRequestDraft(
                project_id=world.project_id, title="new", requested_on=date(2026, 3, 10)
            )
            create_change_request(laptop.ctx, draft)
        else:
            if op.fail:
                world.drops[op.laptop][op.fail] = True
            try:
                laptop.sync()
            finally:
                world.drops[op.laptop]["push"] = world.drops[op.laptop]["pull"] = False
    except OfflineError:
        pass  # an injected failure: nothing lost, the next sync goes on
    except DeliveryDeskError:
        pass  # the app refused the action itself (e.g. an archived record cannot be edited)


def _settle(world: World) -> None:
    """Everyone syncs and resolves (alternating mine and theirs) until nothing waits anywhere."""
    for round_ in range(8):
        for index, laptop in enumerate(world.laptops):
            laptop.sync()
            for conflict in list_conflicts(laptop.ctx):
                keep = "mine" if (index + round_) % 2 == 0 else "theirs"
                resolve_conflict(laptop.ctx, conflict.id, {}, default=Choice(keep))
            laptop.sync()
        if all(sync_status(lap.ctx).waiting == 0 and not list_conflicts(lap.ctx) for lap in world.laptops):
            break
    for laptop in world.laptops:
        laptop.sync()


# A save that changes nothing still stamps updated_at and counts a row version locally; no change
# travels for it (the audit trail has nothing to say either), so those two may differ.
NOT_CONTENT = ("updated_at", "row_version")


def _copy(laptop_or_team: Any) -> dict[str, dict[str, Any]]:
    engine = laptop_or_team.ctx.db.engine
    rows: dict[str, dict[str, Any]] = {}
    with engine.connect() as connection:
        for entity in BUNDLED_TABLES:
            from deliverydesk.store.bundle_rows import TABLES

            ids = list(connection.scalars(select(TABLES[entity].c.id)))
            for record_id, row in local_rows(connection, entity, ids).items():
                rows[f"{entity}/{record_id}"] = {k: v for k, v in row.items() if k not in NOT_CONTENT}
    return rows


def _accounted(world: World) -> list[Edit]:
    """Writes neither on the server (in its audit trail) nor in a conflict, nor replaced by their own
    laptop's later write of the same field."""
    with world.team.ctx.db.engine.connect() as connection:
        seen: set[tuple[str, str, str]] = set()
        for record_id, changes in connection.execute(select(EVENTS.c.record_id, EVENTS.c.changes)):
            for name, pair in json.loads(changes).items():
                seen.add((record_id, name, json.dumps(pair[1])))
    in_conflicts: set[tuple[str, str, str]] = set()
    for laptop in world.laptops:
        with laptop.ctx.db.engine.connect() as connection:
            for record_id, fields in connection.execute(
                select(SyncConflictRow.record_id, SyncConflictRow.fields)
            ):
                for item in json.loads(fields):
                    for key in ("mine", "base", "theirs", "chosen"):
                        in_conflicts.add((record_id, item["field"], json.dumps(item.get(key))))
    lost = []
    for index, edit in enumerate(world.written):
        key = (world.requests[edit.request], edit.field, json.dumps(edit.value))
        later = any(
            e.laptop == edit.laptop and e.request == edit.request and e.field == edit.field
            for e in world.written[index + 1 :]
        )
        if key not in seen and key not in in_conflicts and not later:
            lost.append(edit)
    return lost


@settings(
    max_examples=6,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations)
def test_every_copy_converges_and_nothing_is_lost(laptop_template: Path, ops: list[Any]) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="dd-sync-property-") as folder,
        _build(Path(folder), laptop_template) as team,
    ):
        world = _world(team)
        for op in ops:
            _do(world, op)
        _settle(world)

        server = _copy(team)
        for laptop in world.laptops:
            copy = _copy(laptop)
            assert copy == server, sorted(k for k in set(copy) | set(server) if copy.get(k) != server.get(k))[
                :5
            ]
            assert letter_pdf(laptop.ctx, world.letter_id) == world.letter
            checked = check_database(OpenOptions(db_url=laptop.ctx.db.url, data_dir=Path(folder) / "checks"))
            assert checked.ok, checked.lines  # deliverydesk check: the chain, every record against it
        assert _accounted(world) == []
        assert admin.check_server(team.ctx).ok
