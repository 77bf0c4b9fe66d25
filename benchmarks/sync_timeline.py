"""Where a round of 50 laptops at once spends its time: a timeline of ``benchmarks.sync``'s server-side
round, from /proc and the servers' own timestamps (session 13; benchmarks/README.md).

    bash tools/ci_postgres.sh run .venv/bin/python -m benchmarks.sync_timeline \\
        [--rounds 5] [--bin 0.2] [--waits-from 4] [--keep FOLDER]

The set-up is ``benchmarks.sync``'s (50 engineers × 2 projects, 50 laptops, two server processes, the
server-side measure's senders, ``--changes`` changes each); then ``--rounds`` rounds, each printed:

* per server process: when its laptops' syncs ended, the CPU of its worker threads, the tail calls'
  wall time and the tail lock's wait and hold as PostgreSQL measured them, and per request the time
  queued for a worker slot and handed to its thread, spent in the thread, and back in the event loop;
* per ``--bin`` seconds, in % of one core (200 = both cores): the machine idle; each server's run
  time and run-queue time (runnable, waiting for a core: all its threads, ``/proc/PID/task/*/schedstat``,
  nanoseconds); PostgreSQL's processes; the senders (sampled every 100 ms); "other" (the machine's busy
  time less all of those: the rest of the machine, this process's sampler ~0.06 s per round); requests
  in each server and of them in a worker thread; the groups whose tail ended and their lock wait;
* from ``--waits-from`` on, ``pg_stat_activity``'s states and wait events sampled every 40 ms (a query
  of its own on PostgreSQL, so not in the rounds used for CPU).

The servers are the real ones (``deliverydesk-server serve``) started through this module's ``serve``,
which wraps ``App._run`` and ``run_tail`` to write the timestamps to a file of their own (one JSON
line per request and per group). Round 0 warms up; compare rounds 1 and later.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

SAMPLE_S = 0.02


# --- inside a server process ------------------------------------------------------------------------


def serve(argv: list[str]) -> int:
    """``deliverydesk-server serve`` with per-request and per-group timestamps in $TIMELINE_OUT.<pid>."""
    from deliverydesk.server import admin
    from deliverydesk.server import app as app_module
    from deliverydesk.store import sync_server as store

    out = Path(f"{os.environ['TIMELINE_OUT']}.{os.getpid()}").open("w", buffering=1)  # noqa: SIM115
    lock = threading.Lock()

    def emit(entry: dict[str, Any]) -> None:
        with lock:
            out.write(json.dumps(entry) + "\n")

    run_tail = store.run_tail

    def timed_tail(*args: Any, **kwargs: Any) -> Any:
        started = time.time()
        done = run_tail(*args, **kwargs)
        emit({"k": "tail", "t0": started, "t1": time.time(), "w": done.lock_wait_s, "h": done.lock_hold_s})
        return done

    store.run_tail = timed_tail
    run = app_module.App._run

    async def timed_run(self: Any, function: Any, *args: Any) -> Any:
        marks: dict[str, float] = {"a": time.time()}

        def inner(*inner_args: Any) -> Any:
            marks["s"], cpu = time.time(), time.thread_time()
            try:
                return function(*inner_args)
            finally:
                marks["e"], marks["c"] = time.time(), time.thread_time() - cpu

        try:
            return await run(self, inner, *args)
        finally:
            emit({"k": "run", **marks, "r": time.time()})

    app_module.App._run = timed_run  # type: ignore[method-assign]
    try:
        return admin.main(argv)
    finally:
        out.close()


# --- /proc -------------------------------------------------------------------------------------------


def _schedstat(path: str) -> tuple[int, int] | None:
    """Run time and run-queue time (ns) of one task."""
    try:
        with open(path) as stat:
            run, wait, _slices = stat.read().split()
        return int(run), int(wait)
    except (OSError, ValueError):
        return None


def _process(pid: int) -> tuple[int, int] | None:
    """Run and run-queue time (ns) of all of a process's threads."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    found = [_schedstat(f"/proc/{pid}/task/{tid}/schedstat") for tid in tids]
    return sum(f[0] for f in found if f), sum(f[1] for f in found if f)


def _machine() -> list[int]:
    """/proc/stat's first line: user, nice, system, idle, iowait, irq, softirq, steal (ticks)."""
    with open("/proc/stat") as stat:
        return [int(x) for x in stat.readline().split()[1:9]]


def _postgres_pids() -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if Path(f"/proc/{name}/comm").read_text().strip() == "postgres":
                    found.append(int(name))
            except OSError:
                continue
    return found


class Sampler(threading.Thread):
    """Every ``SAMPLE_S``: the machine, the servers, PostgreSQL; every fifth, the senders; every second
    one, pg_stat_activity when ``waits_dsn`` is given."""

    def __init__(self, servers: list[int], postgres: list[int], senders: list[int], waits_dsn: str) -> None:
        super().__init__(daemon=True)
        self.servers, self.postgres, self.senders, self.waits_dsn = servers, postgres, senders, waits_dsn
        self.samples: list[dict[str, Any]] = []
        self.waits: list[list[tuple[Any, ...]]] = []
        self.stopping = False
        self.cpu_s = 0.0

    def run(self) -> None:
        import psycopg

        connection = psycopg.connect(self.waits_dsn, autocommit=True) if self.waits_dsn else None
        started, n = time.thread_time(), 0
        query = (
            "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
            " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        while not self.stopping:
            now = time.time()
            self.samples.append(
                {
                    "t": now,
                    "machine": _machine(),
                    "servers": [_process(p) for p in self.servers],
                    "postgres": [_schedstat(f"/proc/{p}/schedstat") for p in self.postgres],
                    "senders": [_schedstat(f"/proc/{p}/schedstat") for p in self.senders]
                    if n % 5 == 0
                    else None,
                }
            )
            if connection is not None and n % 2 == 0:
                self.waits.append([tuple(row) for row in connection.execute(query).fetchall()])
            n += 1
            time.sleep(max(0.0, SAMPLE_S - (time.time() - now)))
        self.cpu_s = time.thread_time() - started
        if connection is not None:
            connection.close()


# --- the run -----------------------------------------------------------------------------------------


def _servers(url: str, logs: Path, out: Path) -> Any:
    """``benchmarks.sync``'s two server processes, each serving through this module's ``serve``."""
    from benchmarks import sync as bench

    serve = [sys.executable, "-m", "benchmarks.sync_timeline", "serve"]
    return bench.servers(url, 2, logs, serve, {"TIMELINE_OUT": str(out)})


def _round(prepared: list[Any], work: Path, servers: list[int], waits_dsn: str) -> dict[str, Any]:
    """``benchmarks.sync``'s server-side round (``senders_at_once``), sampled from the moment every
    sender is ready until every one has answered."""
    from benchmarks.sync import senders_at_once

    sampling: list[Sampler] = []

    def ready(senders: list[subprocess.Popen[str]]) -> None:
        sampler = Sampler(servers, _postgres_pids(), [p.pid for p in senders], waits_dsn)
        sampler.start()
        sampling.append(sampler)
        time.sleep(0.1)

    def answered() -> None:
        time.sleep(0.05)
        sampling[0].stopping = True
        sampling[0].join()

    go, figures = senders_at_once(prepared, work, ready, answered)
    sampler = sampling[0]
    return {
        "go": go,
        "figures": figures,
        "samples": sampler.samples,
        "waits": sampler.waits,
        "sampler_cpu_s": sampler.cpu_s,
    }


def run(args: argparse.Namespace) -> None:
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from benchmarks import sync as bench
    from deliverydesk.domain.sync import Role
    from deliverydesk.services.sync import admin
    from deliverydesk.services.sync.client import outgoing, sync_now
    from deliverydesk.store.sync_server import USERS, add_grant

    work = Path(tempfile.mkdtemp(prefix="dd-bench-timeline-"))
    keep = Path(args.keep) if args.keep else work / "timeline"
    keep.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    try:
        with bench.fresh_database(args.db_url) as url:
            ctx = admin.open_team(url, create=True)
            owned = bench.fill(ctx, args.laptops, 2)
            admin.init_server(ctx)
            tokens = []
            limits = admin.Limits(hours_per_change=1e6, cost_cents_per_change=10**12)
            for index, projects in enumerate(owned):
                name = f"eng{index:02d}"
                admin.add_user(ctx, name, Role.ENGINEER, limits=limits)
                with ctx.db.engine.begin() as connection:
                    user_id = connection.scalar(select(USERS.c.id).where(USERS.c.name == name))
                    for project_id in projects:
                        add_grant(connection, str(user_id), project_id, ctx.now())
                tokens.append(admin.issue_token(ctx, name, f"{name}-laptop"))
            template = bench.migrated_template(work)
            parts = make_url(url)
            dsn = f"dbname={parts.database} user={parts.username or 'postgres'} host={parts.query['host']}"
            with _servers(url, work, keep / "server") as running:
                bases = [running[i % 2][0] for i in range(args.laptops)]
                laptops = [
                    bench.laptop(work, template, f"lap{i:02d}", bases[i], tokens[i])
                    for i in range(args.laptops)
                ]
                for made in laptops:
                    sync_now(made.ctx, made.transport)
                pids = [p.pid for _b, p in running]
                for number in range(args.rounds):
                    for made in laptops:
                        made.edit(args.changes, rng)
                    prepared = []
                    for made, base, token in zip(laptops, bases, tokens, strict=True):
                        batch, cursors = outgoing(made.ctx)
                        body = json.dumps({"groups": batch}).encode()
                        prepared.append(
                            bench.Prepared(base, token, body, cursors, bench.held_roster_etag(made.ctx))
                        )
                    load = os.getloadavg()
                    found = _round(prepared, work, pids, dsn if number >= args.waits_from else "")
                    for made in laptops:
                        sync_now(made.ctx, made.transport)
                    found |= {
                        "round": number,
                        "load": load,
                        "servers": pids,
                        "seat": [i % 2 for i in range(len(laptops))],
                    }
                    print(report(found, keep / "server", args.bin), flush=True)
                for made in laptops:
                    made.ctx.db.close()
            ctx.db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- the report --------------------------------------------------------------------------------------


def _events(path: Path, since: float, until: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    runs, tails = [], []
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        if entry["k"] == "run" and since <= entry["a"] < until:
            runs.append(entry)
        elif entry["k"] == "tail" and since <= entry["t0"] < until:
            tails.append(entry)
    return runs, tails


def _carried(values: list[Any]) -> list[Any]:
    """Per sample, each task's (run, wait), a task gone since keeping its last figures."""
    last: list[Any] | None = None
    carried: list[Any] = []
    for row in values:
        if row is None:
            carried.append(None)
            continue
        if last is None:
            last = [v or (0, 0) for v in row]
        last = [v if v is not None else last[i] for i, v in enumerate(row)]
        carried.append(last)
    return carried


def _total(row: list[Any]) -> tuple[int, int]:
    return sum(v[0] for v in row), sum(v[1] for v in row)


def report(found: dict[str, Any], out: Path, width: float) -> str:
    go, samples, servers = found["go"], found["samples"], found["servers"]
    figures, seat = found["figures"], found["seat"]
    end = max(f["ended"] for f in figures) - go
    latencies = sorted(f["ended"] - f["started"] for f in figures)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    lines = [
        f"round {found['round']}: load {found['load'][0]:.1f}, ends at {end:.3f} s, p50 "
        f"{statistics.median(latencies):.3f} s, p95 {p95:.3f} s, sampler {found['sampler_cpu_s']:.3f} s CPU"
    ]
    events = {pid: _events(Path(f"{out}.{pid}"), go - 0.05, go + end) for pid in servers}
    for index, pid in enumerate(servers):
        runs, tails = events[pid]
        ended = sorted(f["ended"] - go for f, s in zip(figures, seat, strict=True) if s == index)
        queued = [r["s"] - r["a"] for r in runs if "s" in r]
        inside = [r["e"] - r["s"] for r in runs if "e" in r]
        back = [r["r"] - r["e"] for r in runs if "e" in r]
        call = sum(t["t1"] - t["t0"] for t in tails)
        lines.append(
            f" server {index}: its laptops done {ended[0]:.2f}..{ended[-1]:.2f} s; worker threads' CPU "
            f"{sum(r.get('c', 0) for r in runs):.3f} s; {len(tails)} tails: call {call:.3f} s,"
            f" lock wait {sum(t['w'] for t in tails):.3f} s, hold {sum(t['h'] for t in tails):.3f} s"
        )
        if queued:
            lines.append(
                f"   {len(runs)} requests, means: queued + handed to a thread"
                f" {statistics.mean(queued) * 1000:.1f} ms,"
                f" in the thread {statistics.mean(inside) * 1000:.1f} ms, back in the loop"
                f" {statistics.mean(back) * 1000:.1f} ms"
            )
    servers_ns = _carried([s["servers"] for s in samples])
    postgres_ns = _carried([s["postgres"] for s in samples])
    senders_ns = _carried([s["senders"] for s in samples])
    sender_points = [(samples[i]["t"], _total(v)) for i, v in enumerate(senders_ns) if v is not None]

    def at(t: float) -> int:
        return max([i for i, s in enumerate(samples) if s["t"] <= t] or [0])

    def senders_at(t: float) -> tuple[int, int]:
        return max(((ts, v) for ts, v in sender_points if ts <= t), default=(0.0, sender_points[0][1]))[1]

    lines.append(
        "  t (s) idle | srv0 run   rq | srv1 run   rq |   pg   rq | senders    rq | other"
        " | in/thr 0 | in/thr 1 | tails wait ms"
    )
    sums: Counter[str] = Counter()
    for k in range(int(end / width) + 2):
        t0, t1 = go + k * width, go + (k + 1) * width
        a, z = at(t0), at(t1)
        if z <= a:
            continue
        ticks = [samples[z]["machine"][j] - samples[a]["machine"][j] for j in range(8)]
        span_ns = (samples[z]["t"] - samples[a]["t"]) * 1e9
        scale = 100 / span_ns
        s0 = [servers_ns[z][0][j] - servers_ns[a][0][j] for j in (0, 1)]
        s1 = [servers_ns[z][1][j] - servers_ns[a][1][j] for j in (0, 1)]
        pz, pa = _total(postgres_ns[z]), _total(postgres_ns[a])
        sz, sa = senders_at(t1), senders_at(t0)
        idle = 200 * (ticks[3] + ticks[4]) / max(sum(ticks), 1)
        busy = 200 - idle - 200 * ticks[7] / max(sum(ticks), 1)
        row = {"idle": idle, "s0": s0[0] * scale, "s0rq": s0[1] * scale, "s1": s1[0] * scale}
        row |= {"s1rq": s1[1] * scale, "pg": (pz[0] - pa[0]) * scale, "pgrq": (pz[1] - pa[1]) * scale}
        row |= {"snd": (sz[0] - sa[0]) * scale, "sndrq": (sz[1] - sa[1]) * scale}
        row["other"] = busy - row["s0"] - row["s1"] - row["pg"] - row["snd"]
        for key, value in row.items():
            sums[key] += value * span_ns
        sums["span"] += span_ns
        mid = (t0 + t1) / 2
        inside_now = [
            (
                sum(1 for r in events[p][0] if r["a"] <= mid <= r["r"]),
                sum(1 for r in events[p][0] if "e" in r and r["s"] <= mid <= r["e"]),
            )
            for p in servers
        ]
        done = [t for p in servers for t in events[p][1] if t0 <= t["t1"] < t1]
        (in0, thr0), (in1, thr1) = inside_now
        lines.append(
            f"  {k * width:5.2f} {idle:4.0f} | {row['s0']:8.0f} {row['s0rq']:4.0f} | {row['s1']:8.0f}"
            f" {row['s1rq']:4.0f} | {row['pg']:4.0f} {row['pgrq']:4.0f} | {row['snd']:7.0f}"
            f" {row['sndrq']:5.0f} | {row['other']:5.0f} | {in0:3d}/{thr0:<4d} | {in1:3d}/{thr1:<4d} |"
            f" {len(done):3d} {sum(t['w'] for t in done) * 1000:7.1f}"
        )
    groups = sum(len(events[p][1]) for p in servers) or 1
    per_group = {k: round(v / 100 / 1e6 / groups, 2) for k, v in sums.items() if k != "span"}
    lines.append(f" ms per group ({groups} tails; rq = waiting for a core): {per_group}")
    if found["waits"]:
        counted = Counter(row for sample in found["waits"] for row in sample)
        lines.append(f" pg_stat_activity, mean backends over {len(found['waits'])} samples:")
        lines += [f"   {n / len(found['waits']):6.2f}  {state}" for state, n in counted.most_common(10)]
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:2] == ["serve"]:
        raise SystemExit(serve(sys.argv[1:]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-url", default=os.environ.get("DELIVERYDESK_TEST_POSTGRES_URL"))
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bin", type=float, default=0.2, help="seconds per timeline row")
    parser.add_argument("--waits-from", type=int, default=4, help="the first round sampling pg_stat_activity")
    parser.add_argument("--keep", default="", help="a folder to keep the servers' timestamp files in")
    args = parser.parse_args()
    if not args.db_url:
        raise SystemExit("give --db-url (a PostgreSQL server) or set DELIVERYDESK_TEST_POSTGRES_URL")
    run(args)


if __name__ == "__main__":
    main()
