"""The roster's validator: an unchanged roster is not asked for again (the pull's page names the
current validator) and not mirrored again; any change of a user on the server, or of the People on
the laptop, makes the next sync take the whole roster."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deliverydesk.domain.sync import Role
from deliverydesk.services.records.people import get_you, list_people
from deliverydesk.services.records.projects import list_projects
from deliverydesk.services.sync import admin
from tests.integration.sync.team import Laptop, Team
from tests.integration.sync.test_enforcement import _project

UNCHANGED = None  # the pull's page named the validator the laptop holds: no roster request


def _roster_answer(laptop: Laptop) -> int | None:
    """Sync once; the status the server gave the sync's roster request (None: the sync made none)."""
    statuses: list[int] = []

    def seen(response: httpx.Response) -> None:
        if response.request.url.path == "/v1/roster":
            statuses.append(response.status_code)

    hooks = laptop.transport._client.event_hooks["response"]
    hooks.append(seen)
    try:
        laptop.sync()
    finally:
        hooks.remove(seen)
    assert len(statuses) <= 1
    return statuses[0] if statuses else None


def test_an_unchanged_roster_is_not_sent_again(team: Team) -> None:
    a = team.laptop("li.na")
    assert _roster_answer(a) == 200  # joined: the first sync takes the roster and its validator
    assert _roster_answer(a) is UNCHANGED
    assert _roster_answer(a) is UNCHANGED
    assert get_you(a.ctx).name == "Li.Na" and {p.name for p in list_people(a.ctx)} >= {"Maria", "Wang.Lei"}


def test_every_change_of_a_user_on_the_server_is_fetched_again(team: Team) -> None:
    a = team.laptop("li.na")
    a.sync()
    team.add_user("zhou.min", Role.ENGINEER, hours_per_change=3.0)
    assert _roster_answer(a) == 200
    assert "Zhou.Min" in {p.name for p in list_people(a.ctx)}
    assert _roster_answer(a) is UNCHANGED
    admin.set_limits(team.ctx, "li.na", admin.Limits(hours_per_change=12.0))
    assert _roster_answer(a) == 200
    assert get_you(a.ctx).hours_per_change == 12.0
    admin.set_limits(team.ctx, "zhou.min", admin.Limits(hours_per_change=3.0), role=Role.MANAGER)
    assert _roster_answer(a) == 200
    assert next(p for p in list_people(a.ctx) if p.name == "Zhou.Min").role.value == "manager"
    assert _roster_answer(a) is UNCHANGED


def test_a_grant_needs_no_roster_its_projects_come_with_the_pull(team: Team) -> None:
    """Grants are not in the roster (names, roles, limits): a grant or its revocation leaves the
    roster's validator as it is, and the granted project arrives with the same sync's pull."""
    _project(team.laptop("li.na"), code="DD-2026-077")
    team.add_user("zhou.min")
    b = team.laptop("zhou.min")
    b.sync()
    assert list_projects(b.ctx, limit=10).total == 0
    admin.grant(team.ctx, "zhou.min", "DD-2026-077")
    assert _roster_answer(b) is UNCHANGED
    assert [p.code for p in list_projects(b.ctx, limit=10).rows] == ["DD-2026-077"]
    admin.grant(team.ctx, "zhou.min", "DD-2026-077", revoke=True)
    assert _roster_answer(b) is UNCHANGED


def test_people_changed_on_the_laptop_take_the_servers_roster_again(team: Team) -> None:
    a = team.laptop("li.na")
    a.sync()
    assert _roster_answer(a) is UNCHANGED
    with a.ctx.db.engine.begin() as connection:  # a tampered laptop: its limits raised by hand
        connection.exec_driver_sql(
            "UPDATE person SET hours_per_change = 1000 WHERE id = (SELECT person_id FROM settings)"
        )
    assert _roster_answer(a) == 200
    assert get_you(a.ctx).hours_per_change == 8.0
    assert _roster_answer(a) is UNCHANGED


def test_a_new_server_at_the_same_address_never_matches_an_old_validator(team: Team) -> None:
    a = team.laptop("li.na")
    a.sync()
    with team.ctx.db.engine.begin() as connection:  # another server database, at the same version
        connection.exec_driver_sql("UPDATE server_roster SET tag = 'another-server'")
    assert _roster_answer(a) == 200
    assert _roster_answer(a) is UNCHANGED


def test_the_pull_page_names_the_rosters_current_validator(team: Team) -> None:
    a = team.laptop("li.na")
    a.sync()
    client = a.transport._client
    headers = a.transport._headers

    def named() -> tuple[str, str]:
        page = client.post("/v1/pull", json={"cursors": {}, "limit": 10}, headers=headers).json()
        return str(page["roster_etag"]), client.get("/v1/roster", headers=headers).headers["etag"]

    before, etag = named()
    assert before == etag != ""
    team.add_user("zhou.min")
    after, etag = named()
    assert after == etag != before


def test_a_server_whose_pages_name_no_validator_is_asked_and_answers_304(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older server: its pull pages carry no ``roster_etag``; the laptop asks with If-None-Match."""
    a = team.laptop("li.na")
    a.sync()
    pull = a.transport.pull

    def older(*args: Any, **kwargs: Any) -> dict[str, Any]:
        page = pull(*args, **kwargs)
        page.pop("roster_etag")
        return page

    monkeypatch.setattr(a.transport, "pull", older)
    assert _roster_answer(a) == 304
    team.add_user("zhou.min")
    assert _roster_answer(a) == 200
    assert "Zhou.Min" in {p.name for p in list_people(a.ctx)}
    assert _roster_answer(a) == 304
