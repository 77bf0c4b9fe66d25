"""Generate a large DeliveryDesk database for the scale benchmarks.

Defaults follow issue 3: 5,000 projects, 60,000 milestones, 30,000 change requests and 300,000 log
entries, mixed Chinese and English; for search (issue 6) also 20,000 expectations and 10,000
issues, and every log entry names a work order (``WO-000123``: a term only one entry contains).
Rows go in through SQLAlchemy Core bulk inserts on the real, Alembic-migrated schema, so the file is
exactly what the app would have written (the search index is filled by its triggers as rows go in).

    python benchmarks/generate_large_db.py --out /tmp/large.db [--scale 0.1]
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from deliverydesk.domain import enums as e
from deliverydesk.services.storage import OpenOptions, open_workspace
from deliverydesk.store import tables as t

FULL = {
    "clients": 800,
    "projects": 5_000,
    "milestones": 60_000,
    "change_requests": 30_000,
    "expectations": 20_000,
    "issues": 10_000,
    "log": 300_000,
}
EPOCH = datetime(2021, 1, 4, 8, 0, tzinfo=UTC)
BIG_LOG_SHARE = 0.1  # share of the log entries that go to the few big projects
# Mostly open milestones (the navigator's next milestone and attention markers look at those).
MILESTONE_STATUSES = [*[e.MilestoneStatus.PLANNED] * 5, *e.MilestoneStatus]

CN_CLIENT = [
    "华东精密制造",
    "江南水务集团",
    "北方重工",
    "深蓝物流",
    "天河医药",
    "长城能源",
    "珠江电子",
    "西部矿业",
]
EN_CLIENT = ["Acme Robotics", "Nordic Freight", "Helios Energy", "Blue Harbor Foods", "Quantum Retail"]
CN_WORDS = ["数据迁移", "接口联调", "现场培训", "报表定制", "权限配置", "性能优化", "验收测试", "设备调试"]
EN_WORDS = [
    "data migration",
    "interface testing",
    "on-site training",
    "custom report",
    "access rights",
    "performance tuning",
    "acceptance test",
    "device commissioning",
]


def _ids(n: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(n)]


def _stamp(rng: random.Random) -> dict[str, Any]:
    created = EPOCH + timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 5))
    return {"created_at": created, "updated_at": created}


def _phrase(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(CN_WORDS)}:{rng.choice(CN_WORDS)}相关事项"
    return f"{rng.choice(EN_WORDS).capitalize()} for {rng.choice(EN_WORDS)}"


def _clients(rng: random.Random, n: int) -> Iterator[dict[str, Any]]:
    for i, cid in enumerate(_ids(n)):
        name = f"{rng.choice(CN_CLIENT)}有限公司 {i}" if i % 2 else f"{rng.choice(EN_CLIENT)} {i}"
        yield {"id": cid, "name": name, **_stamp(rng)}


def _projects(rng: random.Random, n: int, client_ids: list[str]) -> Iterator[dict[str, Any]]:
    statuses = list(e.ProjectStatus)
    for i in range(n):
        start = date(2021, 1, 4) + timedelta(days=rng.randrange(0, 1800))
        yield {
            "id": str(uuid.uuid4()),
            "code": f"DD-{start.year}-{i:05d}",
            "name": _phrase(rng),
            "client_id": rng.choice(client_ids),
            "status": rng.choice(statuses),
            "start_date": start,
            "end_date": start + timedelta(days=rng.randrange(30, 400)),
            "contracted_effort_hours": float(rng.randrange(40, 2000)),
            "goodwill_budget_hours": 16.0,
            "language": e.Language.ZH_CN if i % 2 else e.Language.EN,
            **_stamp(rng),
        }


def _per_project(rng: random.Random, n: int, project_ids: list[str]) -> Iterator[tuple[str, int]]:
    """Spread n children over the projects; yields (project_id, ordinal within the project)."""
    counters: dict[str, int] = {}
    for _ in range(n):
        pid = rng.choice(project_ids)
        counters[pid] = counters.get(pid, 0) + 1
        yield pid, counters[pid]


def _milestones(rng: random.Random, n: int, project_ids: list[str]) -> Iterator[dict[str, Any]]:
    for pid, k in _per_project(rng, n, project_ids):
        baseline = date(2021, 1, 4) + timedelta(days=rng.randrange(0, 2000))
        status = rng.choice(MILESTONE_STATUSES)
        done = status in (e.MilestoneStatus.DONE, e.MilestoneStatus.ACCEPTED)
        yield {
            "id": str(uuid.uuid4()),
            "project_id": pid,
            "ref": f"M-{k}",
            "name": _phrase(rng),
            "baseline_date": baseline,
            "forecast_date": baseline + timedelta(days=rng.randrange(-5, 30)),
            "owner_side": rng.choice(list(e.OwnerSide)),
            "status": status,
            "actual_date": baseline + timedelta(days=rng.randrange(-3, 20)) if done else None,
            **_stamp(rng),
        }


def _change_requests(rng: random.Random, n: int, project_ids: list[str]) -> Iterator[dict[str, Any]]:
    for pid, k in _per_project(rng, n, project_ids):
        yield {
            "id": str(uuid.uuid4()),
            "project_id": pid,
            "ref": f"CR-{k}",
            "title": _phrase(rng),
            "description": _phrase(rng),
            "requested_on": date(2021, 1, 4) + timedelta(days=rng.randrange(0, 2000)),
            "triage": rng.choice(list(e.Triage)),
            "decision": rng.choice(list(e.Decision)),
            "effort_hours": float(rng.randrange(1, 80)),
            **_stamp(rng),
        }


def _log_entries(rng: random.Random, n: int, project_ids: list[str]) -> Iterator[dict[str, Any]]:
    # A few long-running projects hold a tenth of the log (thousands of entries each), as real
    # portfolios do; the log-paging benchmark pages through the biggest of them.
    big = project_ids[: max(1, len(project_ids) // 500)]
    for i in range(n):  # ids follow time order, as they do when engineers log as they go
        at = EPOCH + timedelta(minutes=i * 7)
        yield {
            "id": str(uuid.uuid4()),
            "project_id": rng.choice(big if rng.random() < BIG_LOG_SHARE else project_ids),
            "occurred_at": at,
            "kind": rng.choice(list(e.LogKind)),
            "summary": _phrase(rng),
            "details": f"{_phrase(rng)} {_phrase(rng)} 工单 WO-{i:06d}",
            "created_at": at,
            "updated_at": at,
        }


def _expectations(rng: random.Random, n: int, project_ids: list[str]) -> Iterator[dict[str, Any]]:
    for pid, k in _per_project(rng, n, project_ids):
        yield {
            "id": str(uuid.uuid4()),
            "project_id": pid,
            "ref": f"E-{k}",
            "statement": _phrase(rng),
            "measure": _phrase(rng),
            "status": rng.choice(list(e.ExpectationStatus)),
            **_stamp(rng),
        }


def _issues(rng: random.Random, n: int, project_ids: list[str]) -> Iterator[dict[str, Any]]:
    for pid, k in _per_project(rng, n, project_ids):
        yield {
            "id": str(uuid.uuid4()),
            "project_id": pid,
            "ref": f"I-{k}",
            "title": _phrase(rng),
            "reported_on": date(2021, 1, 4) + timedelta(days=rng.randrange(0, 2000)),
            "symptoms": _phrase(rng),
            "root_cause": _phrase(rng),
            **_stamp(rng),
        }


def _insert(connection: Any, table: Any, rows: Iterator[dict[str, Any]], batch: int = 5_000) -> int:
    count, chunk = 0, []
    for row in rows:
        chunk.append(row)
        if len(chunk) == batch:
            connection.execute(insert(table), chunk)
            count, chunk = count + len(chunk), []
    if chunk:
        connection.execute(insert(table), chunk)
        count += len(chunk)
    return count


def generate(out: Path, scale: float = 1.0, seed: int = 7) -> dict[str, int]:
    """Create ``out`` (must not exist) and fill it; returns the row counts."""
    if out.exists():
        raise SystemExit(f"{out} exists; choose a new file")
    sizes = {k: max(1, int(v * scale)) for k, v in FULL.items()}
    rng = random.Random(seed)
    workspace = open_workspace(OpenOptions(data_dir=out.parent, db_url=f"sqlite:///{out}", create=True))
    try:
        with workspace.ctx.db.engine.begin() as c:
            clients = list(_clients(rng, sizes["clients"]))
            _insert(c, t.ClientRow.__table__, iter(clients))
            client_ids = [row["id"] for row in clients]
            projects = list(_projects(rng, sizes["projects"], client_ids))
            _insert(c, t.ProjectRow.__table__, iter(projects))
            project_ids = [p["id"] for p in projects]
            _insert(c, t.MilestoneRow.__table__, _milestones(rng, sizes["milestones"], project_ids))
            _insert(
                c, t.ChangeRequestRow.__table__, _change_requests(rng, sizes["change_requests"], project_ids)
            )
            _insert(c, t.ExpectationRow.__table__, _expectations(rng, sizes["expectations"], project_ids))
            _insert(c, t.IssueRow.__table__, _issues(rng, sizes["issues"], project_ids))
            _insert(c, t.LogEntryRow.__table__, _log_entries(rng, sizes["log"], project_ids))
    finally:
        workspace.close()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (e.g. 0.1)")
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = generate(args.out, args.scale)
    elapsed = time.perf_counter() - started
    print(f"generated {args.out} in {elapsed:.1f} s: " + ", ".join(f"{k}={v:,}" for k, v in sizes.items()))
    print(f"file size: {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
