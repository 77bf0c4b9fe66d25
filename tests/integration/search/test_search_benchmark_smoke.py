"""The search benchmark (benchmarks/search.py) still measures, on a tiny generated database.

No timing thresholds: only that every figure exists and is sane; the figures themselves are judged
by running the benchmark on the large database (see benchmarks/README.md)."""

from __future__ import annotations

import math
from pathlib import Path

from benchmarks import search as bench
from benchmarks.generate_large_db import generate


def test_every_search_figure_is_measured(tmp_path: Path) -> None:
    source = tmp_path / "small.db"
    generate(source, scale=0.002)  # 10 projects, 600 log entries

    report = bench.run(source, tmp_path / "work", repeat=1)

    figures = report.figures
    assert all(math.isfinite(value) and value >= 0 for value in figures.values())
    assert figures["size_with_mb"] > figures["size_without_mb"] > 0
    assert {"build_s_1", "build_s_2", "full_build_s"} <= set(figures)
    searches = [key for key in figures if key.startswith("search:")]
    assert len(searches) == 2 * len(bench.QUERIES)  # all projects and one project each
    assert any(key.startswith("log_page:") for key in figures)
    assert {"add_log:with the index", "add_log:without the index"} <= set(figures)
    assert any("work order, one record" in line and line.split()[-2] == "1" for line in report.lines)
