"""What a user may read and push (``store.sync_server.access_of``, asked by every push and pull page):
granted projects with their clients, the clients the user made, everything for an ``--all`` grant."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from deliverydesk.services.sync import admin
from deliverydesk.store.sync_server import Access, access_of, add_grant
from deliverydesk.store.sync_tables import ServerUserRow
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import Team

USERS = ServerUserRow.__table__


def _user_id(team: Team, name: str) -> str:
    with team.ctx.db.engine.connect() as connection:
        return str(connection.scalar(select(USERS.c.id).where(USERS.c.name == name)))


def test_grants_give_their_projects_and_clients_and_a_maker_its_own_clients(team: Team) -> None:
    team.add_user("zhao.min")
    owner = team.laptop("li.na")
    granted_client = make_client(owner.ctx, "Granted client")[0]
    granted = make_project(owner.ctx, granted_client, code="DD-2026-001")
    other_client = make_client(owner.ctx, "Other client")[0]
    make_project(owner.ctx, other_client, code="DD-2026-002")
    owner.sync()
    admin.grant(team.ctx, "zhao.min", "DD-2026-001")
    engineer = team.laptop("zhao.min")
    own_client = make_client(engineer.ctx, "Made on site")[0]  # no project yet
    engineer.sync()
    zhao, li = _user_id(team, "zhao.min"), _user_id(team, "li.na")
    with team.ctx.db.engine.begin() as connection:
        add_grant(connection, zhao, str(uuid.uuid4()), team.ctx.now())  # its project not on the server

    with team.ctx.db.engine.connect() as connection:
        engineer_access = access_of(connection, zhao)
        everything = access_of(connection, li)

    assert engineer_access == Access(False, frozenset({granted}), frozenset({granted_client, own_client}))
    assert everything.all_projects and {granted_client, other_client} <= everything.client_ids


def test_a_users_clients_are_found_by_the_creator_index_on_sqlite(team: Team) -> None:
    """The clients a user made are looked up, not filtered from every client's row (migration 0019);
    on PostgreSQL the planner chooses by the data's size, so the plan is checked on the laptop's
    dialect, where the same index exists."""
    laptop = team.laptop("li.na")
    with laptop.ctx.db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT record_id FROM server_record"
                " WHERE entity = 'client' AND created_by = 'u1'"
            )
        )
    assert "ix_server_record_client_creator" in plan, plan
