"""How the server admits a request (``server.app.App._admit``): a small body is read before the token's
lookup, which then runs with the request's work on one pooled connection; a large one is read only
after the token was accepted. Either way an unknown token gets 401 before anything else is said
about the request (400, 413)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from deliverydesk.server import app as server_app
from tests.integration.sync.team import Team

WRONG = {"Authorization": "Bearer ddt_wrong"}


def _auth(team: Team, device: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {team.tokens[device]}"}


@pytest.fixture
def checkouts(team: Team) -> Iterator[list[int]]:
    """The server's pool checkouts, one entry each."""
    seen: list[int] = []

    def on_checkout(*_args: Any) -> None:
        seen.append(1)

    event.listen(team.ctx.db.engine, "checkout", on_checkout)
    yield seen
    event.remove(team.ctx.db.engine, "checkout", on_checkout)


def test_an_unknown_token_gets_401_before_a_bad_body_or_a_bad_name(team: Team) -> None:
    team.laptop("li.na", "li-phone")
    assert team.client.post("/v1/push", content=b"{not json", headers=WRONG).status_code == 401
    assert team.client.put("/v1/files/not-a-digest", content=b"x", headers=WRONG).status_code == 401
    assert team.client.get("/v1/team/recurring?since=never", headers=WRONG).status_code == 401
    assert (
        team.client.post("/v1/push", content=b"{not json", headers=_auth(team, "li-phone")).status_code == 400
    )
    bad_name = team.client.put("/v1/files/not-a-digest", content=b"x", headers=_auth(team, "li-phone"))
    assert bad_name.status_code == 400


def test_an_unknown_token_gets_401_before_413_and_a_known_one_413(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.laptop("li.na", "li-phone")
    monkeypatch.setattr(server_app, "SMALL_BODY_BYTES", 100)
    monkeypatch.setattr(server_app, "MAX_JSON_BYTES", 1000)
    body = b"[" + b"0," * 1000 + b"0]"
    assert team.client.post("/v1/push", content=body, headers=WRONG).status_code == 401
    assert team.client.post("/v1/push", content=body, headers=_auth(team, "li-phone")).status_code == 413


def test_a_small_request_looks_its_token_up_on_the_connection_of_its_work(
    team: Team, checkouts: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = team.laptop("li.na", "li-phone")
    laptop.sync()
    checkouts.clear()
    pulled = team.client.post("/v1/pull", json={"cursors": {}}, headers=_auth(team, "li-phone"))
    assert pulled.status_code == 200 and len(checkouts) == 1
    checkouts.clear()
    assert team.client.get("/v1/me", headers=_auth(team, "li-phone")).status_code == 200
    assert len(checkouts) == 1
    monkeypatch.setattr(server_app, "SMALL_BODY_BYTES", 5)  # now a large body: the token first, alone
    checkouts.clear()
    pulled = team.client.post("/v1/pull", json={"cursors": {}}, headers=_auth(team, "li-phone"))
    assert pulled.status_code == 200 and len(checkouts) == 2
