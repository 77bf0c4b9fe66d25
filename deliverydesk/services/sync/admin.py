"""Administering the team server: create its database, users with roles and authority limits, project
grants, device tokens (printed once, only their SHA-256 kept) and the check of every chain.

Each call is one unit of work on the server's database (``open_team``)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.domain.sync import Role
from deliverydesk.domain.validation import Checker
from deliverydesk.errors import NotFoundError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext, system_clock
from deliverydesk.store import sync_server as store
from deliverydesk.store.team_store import check_lines, open_team_store, register_outside_writes

TOKEN_PREFIX = "ddt_"  # noqa: S105 (a prefix, not a secret)
Clock = Callable[[], datetime]


def open_team(
    url: str, clock: Clock = system_clock, *, create: bool = False, allow_sqlite: bool = False
) -> ServiceContext:
    """A service context on the server's database (upgraded to this version's schema)."""
    return ServiceContext(
        db=open_team_store(url, clock, create=create, allow_sqlite=allow_sqlite), clock=clock
    )


@dataclass(frozen=True)
class InitSummary:
    revision: str | None
    registered: int  # records already in the database, now given positions


def init_server(ctx: ServiceContext) -> InitSummary:
    """Make the database a team server: schema (done on open) and every existing record registered."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        registered = register_outside_writes(connection)
        return InitSummary(store.schema_revision(connection), registered)


@dataclass(frozen=True)
class Limits:
    hours_per_change: float = 8.0
    cost_cents_per_change: int = 500_00
    goodwill_hours_per_project: float = 16.0
    cost_currency: str = "CNY"  # ISO 4217: what the cost limit is in


def _check_limits(limits: Limits) -> Limits:
    if min(limits.hours_per_change, limits.cost_cents_per_change, limits.goodwill_hours_per_project) < 0:
        raise ValidationError({"limits": msg("Authority limits cannot be negative.")})
    check = Checker()
    currency = check.currency("cost_currency", limits.cost_currency)
    check.done()
    return replace(limits, cost_currency=currency)


def add_user(
    ctx: ServiceContext, name: str, role: Role, *, display_name: str = "", limits: Limits | None = None
) -> store.ServerUser:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValidationError({"name": msg("A user name is one word of at most 64 characters (e.g. li.na).")})
    limits = _check_limits(limits or Limits())
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        if store.user_by_name(connection, name) is not None:
            raise ValidationError({"name": msg("There is already a user {name}.", name=name)})
        store.add_user(
            connection,
            {
                "id": store.new_id(),
                "name": name,
                "display_name": display_name.strip() or name,
                "role": role.value,
                "hours_per_change": limits.hours_per_change,
                "cost_cents_per_change": limits.cost_cents_per_change,
                "goodwill_hours_per_project": limits.goodwill_hours_per_project,
                "cost_currency": limits.cost_currency,
                "created_at": ctx.now(),
            },
        )
        user = store.user_by_name(connection, name)
    assert user is not None
    return user


def _user(connection: object, name: str) -> store.ServerUser:
    user = store.user_by_name(connection, name)  # type: ignore[arg-type]
    if user is None:
        raise NotFoundError(
            msg("There is no user {name}.", name=name), hint=msg("`deliverydesk-server users` lists them.")
        )
    return user


def set_limits(
    ctx: ServiceContext, name: str, limits: Limits, *, role: Role | None = None
) -> store.ServerUser:
    """Authority limits are set here, by an administrator, and nowhere else."""
    limits = _check_limits(limits)
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        user = _user(connection, name)
        values: dict[str, object] = {
            "hours_per_change": limits.hours_per_change,
            "cost_cents_per_change": limits.cost_cents_per_change,
            "goodwill_hours_per_project": limits.goodwill_hours_per_project,
            "cost_currency": limits.cost_currency,
        }
        if role is not None:
            values["role"] = role.value
        store.set_user_values(connection, user.id, values)
        changed = store.user_by_name(connection, name)
    assert changed is not None
    return changed


def list_users(ctx: ServiceContext) -> list[store.ServerUser]:
    with ctx.db.unit_of_work() as session:
        return store.all_users(session.connection())


def grant(ctx: ServiceContext, name: str, project_code: str | None, *, revoke: bool = False) -> str:
    """Grant (or take back) one project by its code, or every project (``None``); returns its code."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        user = _user(connection, name)
        project_id, code = None, "every project"
        if project_code is not None:
            found = store.project_by_code(connection, project_code)
            if found is None:
                raise NotFoundError(msg("There is no project {code} on the team server.", code=project_code))
            project_id, code = found
        if revoke:
            store.remove_grant(connection, user.id, project_id)
        else:
            store.add_grant(connection, user.id, project_id, ctx.now())
        return code


def issue_token(ctx: ServiceContext, name: str, device: str) -> str:
    """A new device token for the user (shown once: only its SHA-256 is kept)."""
    device = device.strip()
    if not device or len(device) > 100:
        raise ValidationError({"device": msg("Name the device (e.g. li-na-thinkpad).")})
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        user = _user(connection, name)
        live = [
            d
            for d in store.user_devices(connection, user.id)
            if d["name"] == device and d["revoked_at"] is None
        ]
        if live:
            raise ValidationError(
                {
                    "device": msg(
                        "{name} already has a token for {device}: revoke it first.", name=name, device=device
                    )
                }
            )
        store.add_device(
            connection,
            {
                "id": store.new_id(),
                "user_id": user.id,
                "name": device,
                "token_sha256": sha256_hex(token.encode("utf-8")),
                "created_at": ctx.now(),
            },
        )
    return token


def revoke_token(ctx: ServiceContext, name: str, device: str | None) -> int:
    """Revoke the user's token for ``device`` (every token when None); returns how many."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        user = _user(connection, name)
        ids = [
            d["id"]
            for d in store.user_devices(connection, user.id)
            if d["revoked_at"] is None and (device is None or d["name"] == device)
        ]
        if not ids:
            raise NotFoundError(
                msg("{name} has no live token for {device}.", name=name, device=device)
                if device
                else msg("{name} has no live token.", name=name)
            )
        store.revoke_devices(connection, ids, ctx.now())
        return len(ids)


@dataclass(frozen=True)
class ServerCheck:
    ok: bool
    lines: tuple[str, ...]


def check_server(ctx: ServiceContext) -> ServerCheck:
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        ok, lines = check_lines(connection, ctx.db.url)
        counts = store.server_counts(connection)
    summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
    return ServerCheck(ok, (f"team server: {summary}", *lines))
