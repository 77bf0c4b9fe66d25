"""The team benchmark's incremental verdict (``benchmarks.sync.incremental_verdict``): judged on the
team's view, the end-to-end bound printed beside it and never judged."""

from __future__ import annotations

from typing import Any

from benchmarks.sync import incremental_verdict


def _results(team_p95: float, end_to_end_p95: float) -> dict[str, Any]:
    return {"sync_latency_p95_s": end_to_end_p95, "server_side": {"team_view_latency_p95_s": team_p95}}


def test_the_team_view_decides_and_the_end_to_end_bound_is_shown() -> None:
    met = incremental_verdict(_results(0.93, 2.1))
    missed = incremental_verdict(_results(1.04, 0.9))

    assert met[0].endswith("0.93 s, met") and "2.1 s" in met[1] and "not judged" in met[1]
    assert missed[0].endswith("1.04 s, MISSED")  # a fast end to end does not rescue it
    assert incremental_verdict(_results(1.0, 3.0))[0].endswith("met")  # at the budget is within it
