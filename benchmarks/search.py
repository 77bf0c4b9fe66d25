"""Search (issue 6, item 4) on a large generated database: index size and build time, search and log
paging latency, and what the triggers add to writing a log entry.

    python -m benchmarks.search --db /tmp/large.db [--repeat 5] [--work DIR]

The file is copied into DIR first (the original is never changed). Figures, in this order:
1. the file with the index and without it (VACUUMed both times), and the time to build the index
   from the records already there (what migration 0003 does on upgrade), twice;
2. the same index with ``detail=full`` (positions: phrase MATCH and bm25 possible; larger);
3. ``search_records`` for common and rare, English, Chinese 3+ and 2-character terms, in all
   projects and in the project with the longest log, against a plain LIKE over the log (no index);
4. ``list_log_entries`` pages of the longest log; ``add_log_entry`` with and without the index.
Medians of ``--repeat`` runs; never part of the tests' pass/fail (a smoke test runs it tiny).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.gui_scale import copy_database
from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.log import add_log_entry, list_log_entries
from deliverydesk.services.search import search_records
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.search_tables import (
    SEARCH_DDL,
    SEARCH_FTS,
    build_search_index,
    create_search_triggers,
    drop_search_index,
)

QUERIES = (  # (label, query): the generator's vocabulary makes the common terms hit ~1/8 of records
    ("English word, common", "migration"),
    ("English phrase, common", '"interface testing"'),
    ("Chinese 4 chars, common", "接口联调"),
    ("Chinese 4 chars + English", "接口联调 training"),
    ("work order, one record", "WO-{rare}"),
    ("Chinese 2 chars, common (scan)", "联调"),
    ("Chinese 2 chars, absent (full scan)", "罕见"),
    ("absent 3+ chars", "不存在的词"),
)
PLAIN_LIKE = (
    "SELECT id FROM log_entry WHERE summary LIKE :p OR participants LIKE :p OR details LIKE :p"
    " ORDER BY occurred_at DESC LIMIT 50"
)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, value: float, text: str) -> None:
        self.figures[key] = value
        self.lines.append(text)
        print(text, flush=True)


def median_ms(action: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@contextmanager
def opened(path: Path) -> Iterator[ServiceContext]:
    url = f"sqlite:///{path}"
    database = Database(url=url, engine=make_engine(url))
    try:
        yield ServiceContext(db=database)
    finally:
        database.close()


def vacuumed_mb(ctx: ServiceContext, path: Path) -> float:
    with ctx.db.engine.connect() as connection:
        connection.exec_driver_sql("COMMIT")  # VACUUM runs outside a transaction
        connection.exec_driver_sql("VACUUM")
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size / 1e6


def _execute_in(ctx: ServiceContext, work: Callable[[Callable[[str], Any]], None]) -> float:
    started = time.perf_counter()
    with ctx.db.engine.begin() as connection:
        work(connection.exec_driver_sql)
    return time.perf_counter() - started


def measure_index(ctx: ServiceContext, path: Path, report: Report) -> None:
    """Sizes without and with the index, and its build from the records already there (twice)."""
    _execute_in(ctx, drop_search_index)
    without = vacuumed_mb(ctx, path)
    report.add("size_without_mb", without, f"file without the index   {without:8.1f} MB")
    for run in (1, 2):
        seconds = _execute_in(ctx, build_search_index)
        report.add(f"build_s_{run}", seconds, f"index build (backfill) #{run} {seconds:6.1f} s")
        if run == 1:
            with_index = vacuumed_mb(ctx, path)
            report.add("size_with_mb", with_index, f"file with the index      {with_index:8.1f} MB")
            ratio = with_index / without
            overhead = f"{with_index - without:8.1f} MB ({ratio:.2f}x the file)"
            report.add("size_ratio", ratio, f"index overhead           {overhead}")
            _report_objects(ctx, report)
            _execute_in(ctx, drop_search_index)
    _measure_detail_full(ctx, path, report, without)


def _report_objects(ctx: ServiceContext, report: Report) -> None:
    """What the overhead is made of (SQLite's dbstat: pages per table and index)."""
    sql = (
        "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'ix_search%'"
        " GROUP BY name ORDER BY 2 DESC"
    )
    with ctx.db.engine.connect() as connection:
        for name, size in connection.exec_driver_sql(sql):
            report.add(f"object:{name}", size / 1e6, f"  {name:<26} {size / 1e6:8.1f} MB")


def _measure_detail_full(ctx: ServiceContext, path: Path, report: Report, without: float) -> None:
    """The same index with detail=full (positions: phrase MATCH, bm25), for its size and build time."""

    def build_full(execute: Callable[[str], Any]) -> None:
        drop_search_index(execute)
        for name, statement in SEARCH_DDL.items():
            execute(statement.replace("detail='none'", "detail='full'") if name == SEARCH_FTS else statement)
        create_search_triggers(execute)

    seconds = _execute_in(ctx, build_full)
    size = vacuumed_mb(ctx, path)
    report.add(
        "full_build_s",
        seconds,
        f"detail=full instead: build {seconds:.1f} s, file {size:.1f} MB (+{size - without:.1f} MB)",
    )
    _execute_in(ctx, drop_search_index)
    _execute_in(ctx, build_search_index)
    vacuumed_mb(ctx, path)


def biggest_project(ctx: ServiceContext) -> str:
    with ctx.db.engine.connect() as connection:
        sql = "SELECT project_id FROM log_entry GROUP BY project_id ORDER BY count(*) DESC LIMIT 1"
        return str(connection.exec_driver_sql(sql).scalar_one())


def measure_search(ctx: ServiceContext, report: Report, repeat: int) -> None:
    project_id = biggest_project(ctx)
    with ctx.db.engine.connect() as connection:  # a work order the generator wrote, halfway through
        rare = f"WO-{connection.exec_driver_sql('SELECT count(*) FROM log_entry').scalar_one() // 2:06d}"
    report.lines.append(f"{'query':<38} {'scope':<12} {'hits':>6} {'median':>9}")
    for label, query in QUERIES:
        query = query.replace("WO-{rare}", rare)
        for scope, pid in (("all", None), ("one project", project_id)):
            total = search_records(ctx, query, project_id=pid).total
            ms = median_ms(partial(search_records, ctx, query, project_id=pid), repeat)
            report.add(f"search:{query}:{scope}", ms, f"{label:<38} {scope:<12} {total:>6} {ms:>7.1f}ms")
    for term in ("migration", rare):
        with ctx.db.engine.connect() as connection:
            ms = median_ms(partial(_plain_like, connection, term), repeat)
        report.add(
            f"plain_like:{term}",
            ms,
            f"{'plain LIKE over the log: ' + term:<38} {'all':<12} {'':>6} {ms:>7.1f}ms",
        )


def _plain_like(connection: Any, term: str) -> list[Any]:
    return list(connection.exec_driver_sql(PLAIN_LIKE.replace(":p", "?"), (f"%{term}%",) * 3).all())


def measure_log(ctx: ServiceContext, report: Report, repeat: int) -> None:
    project_id = biggest_project(ctx)
    total = list_log_entries(ctx, project_id, limit=1).total
    for offset in (0, total // 2, max(0, total - 100)):
        ms = median_ms(partial(list_log_entries, ctx, project_id, offset=offset, limit=100), repeat)
        report.add(f"log_page:{offset}", ms, f"log page of 100 at {offset:>5} of {total}   {ms:7.1f}ms")
    at = datetime(2026, 3, 1, tzinfo=UTC)
    draft = LogEntryDraft(
        project_id=project_id, occurred_at=at, summary="基准测试 benchmark", details="现场培训 x"
    )
    for label in ("with the index", "without the index"):
        ms = median_ms(lambda: add_log_entry(ctx, draft), max(repeat, 20))
        report.add(f"add_log:{label}", ms, f"add_log_entry {label:<20} {ms:7.1f}ms")
        _execute_in(ctx, drop_search_index)
    _execute_in(ctx, build_search_index)


def run(db: Path, work: Path, repeat: int) -> Report:
    path = copy_database(db, work)
    report = Report()
    with opened(path) as ctx:
        measure_index(ctx, path, report)
        measure_search(ctx, report, repeat)
        measure_log(ctx, report, repeat)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="a file from generate_large_db.py")
    parser.add_argument("--work", type=Path, default=Path("/tmp/deliverydesk-search-bench"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    run(args.db, args.work, args.repeat)


if __name__ == "__main__":
    main()
