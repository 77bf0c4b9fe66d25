"""Team sync, CPU per group in one process: what the server and the laptop spend for one sync, without
the machine's other work in the figure.

    python -m benchmarks.sync_cpu --db-url postgresql+psycopg://postgres@/postgres?host=/tmp/pg \\
        [--syncs 30] [--changes 10] [--engineers 2 --projects 2]

One engineer (eng00) of ``--engineers``, each with ``--projects`` projects, on a throw-away
PostgreSQL database (the team benchmark's shape, ``benchmarks.sync.fill``; ``--engineers 50
--projects 100`` is the full size, where what grows with the team's data shows: added in session 14),
the ASGI app behind Starlette's test client in this process, and one laptop (a SQLite file) that
makes ``--changes`` changes (one group each: a change request retitled)
and syncs, ``--syncs`` times after two syncs to warm up. The server's functions the app calls for a
sync (the token's lookup for each request, the push, the pull, the roster) are wrapped to add up
their **thread CPU time**; the laptop's ``sync_now`` is timed the same way in the main thread (the
app runs in the test client's threads). Figures are ms per group: the mean, and the median of the
syncs (less moved by a busy machine). Left out of those: uvicorn's HTTP and the event loop,
PostgreSQL's own CPU.

Two figures take in what the wrapped functions leave out (added in session 11, when the token's
lookup and the request's work came to share one pool checkout, which then happened outside every
wrapped function, so the wrapped total could no longer compare trees fairly): ``server_process`` is
the process's CPU during the sync less the laptop's own thread CPU, i.e. the whole server side in
this process (the test client's event loop, Starlette, the thread hand-offs, the pool and the
services; the test client's own HTTP work runs in the laptop's thread and stays with it), and
``postgres`` the CPU of the database's backends over all the syncs (ticks of 10 ms: a mean only).
On a shared machine CPU time itself grows with contention: compare trees in alternating runs
(``PYTHONPATH=<tree>``), not with another day's figures.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from starlette.testclient import TestClient

from benchmarks.sync import Counting, Laptop, cpu_s, fill, fresh_database, migrated_template
from deliverydesk.domain.sync import Role
from deliverydesk.server.app import create_app
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.sync import admin
from deliverydesk.services.sync import server as sync
from deliverydesk.services.sync.client import join_team, sync_now
from deliverydesk.services.sync.transport import HttpTransport
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.sync_server import USERS, add_grant

SERVER_STEPS = ("authenticate", "push_groups", "pull", "roster")
BASE = "http://team.test"


class Clocks:
    """Thread CPU seconds per server step, added up by wrappers around the functions the app calls."""

    def __init__(self) -> None:
        self.cpu: defaultdict[str, float] = defaultdict(float)

    def wrap(self, name: str) -> None:
        function: Callable[..., Any] = getattr(sync, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.cpu[name] += time.thread_time() - started

        setattr(sync, name, timed)  # the app looks them up in the module at each request

    def total(self) -> float:
        return sum(self.cpu.values())


def _team(ctx: ServiceContext, engineers: int, per: int) -> str:
    """The team's records; eng00 granted its projects; returns a device token."""
    owned = fill(ctx, engineers, per)
    admin.init_server(ctx)
    limits = admin.Limits(hours_per_change=1e6, cost_cents_per_change=10**12)
    admin.add_user(ctx, "eng00", Role.ENGINEER, limits=limits)
    with ctx.db.engine.begin() as connection:
        user_id = connection.scalar(select(USERS.c.id).where(USERS.c.name == "eng00"))
        for project_id in owned[0]:
            add_grant(connection, str(user_id), project_id, ctx.now())
    return admin.issue_token(ctx, "eng00", "eng00-laptop")


def _backend_pids(url: str) -> list[int]:
    """The backends serving the server's pool, asked on a connection of its own (the pool may hold
    only one, which ``benchmarks.sync.backend_pids`` would take and leave out)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            query = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            query += " AND pid <> pg_backend_pid()"
            return [int(pid) for pid in connection.exec_driver_sql(query).scalars()]
    finally:
        engine.dispose()


def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="dd-bench-sync-cpu-"))
    clocks = Clocks()
    for name in SERVER_STEPS:
        clocks.wrap(name)
    try:
        with fresh_database(args.db_url) as url:
            ctx = admin.open_team(url, create=True)
            token = _team(ctx, args.engineers, args.projects)
            client = TestClient(create_app(ctx), base_url=BASE)
            path = work / "laptop.db"
            shutil.copyfile(migrated_template(work), path)
            database = Database(url=f"sqlite:///{path}", engine=make_engine(f"sqlite:///{path}"))
            laptop = Laptop(
                "laptop", ServiceContext(db=database), HttpTransport(BASE, token, client), Counting()
            )
            join_team(laptop.ctx, laptop.transport)
            sync_now(laptop.ctx, laptop.transport)  # the first sync: the two projects come down
            rng = random.Random(5)
            for _ in range(2):  # warm up: statements built and cached, connections open
                laptop.edit(args.changes, rng)
                sync_now(laptop.ctx, laptop.transport)
            clocks.cpu.clear()
            per_sync: defaultdict[str, list[float]] = defaultdict(list)
            backends = {pid: cpu_s(pid) for pid in _backend_pids(url)}
            for _ in range(args.syncs):
                laptop.edit(args.changes, rng)
                before = dict(clocks.cpu)
                started, process = time.thread_time(), time.process_time()
                sync_now(laptop.ctx, laptop.transport)
                per_sync["laptop"].append(time.thread_time() - started)
                per_sync["server_process"].append(time.process_time() - process - per_sync["laptop"][-1])
                for name in SERVER_STEPS:
                    per_sync[name].append(clocks.cpu[name] - before.get(name, 0.0))
                per_sync["server"].append(clocks.total() - sum(before.values()))
            postgres = sum(cpu_s(pid) - backends.get(pid, 0.0) for pid in _backend_pids(url))
            client.close()
            laptop.ctx.db.close()
            ctx.db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    groups = args.syncs * args.changes
    return {
        "groups": groups,
        "postgres_mean_ms_per_group": round(postgres * 1000 / groups, 3),
        "mean_ms_per_group": {k: round(sum(v) * 1000 / groups, 3) for k, v in per_sync.items()},
        "median_ms_per_group": {
            k: round(statistics.median(v) * 1000 / args.changes, 3) for k, v in per_sync.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-url", required=True, help="a PostgreSQL server to make a database on")
    parser.add_argument("--syncs", type=int, default=30)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--engineers", type=int, default=2, help="the team (its records on the server)")
    parser.add_argument("--projects", type=int, default=2, help="projects per engineer")
    print(json.dumps(run(parser.parse_args()), indent=2))


if __name__ == "__main__":
    main()
