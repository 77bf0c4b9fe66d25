"""``python -m benchmarks all`` still measures (benchmarks/suite.py), on a tiny generated database.

No timing thresholds: each measure has the fields of its JSON line, a positive value, a floor where it
has one, a ratio that is value / floor and a verdict that agrees with the budget; the table names
every measure."""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from pathlib import Path

import pytest

from benchmarks import suite
from benchmarks.generate_large_db import generate

FIELDS = {"measure", "value", "floor", "ratio", "budget", "met"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("suite")
    path = folder / "tiny.db"
    generate(path, scale=0.005)
    return suite.data_copy(path, folder / "data")


def check(results: list[suite.Result]) -> None:
    assert results
    for result in results:
        line = json.loads(json.dumps(asdict(result)))
        assert set(line) >= FIELDS, line
        assert math.isfinite(result.value) and result.value > 0, line
        if result.floor is not None:
            assert result.ratio is not None and result.ratio == pytest.approx(
                result.value / result.floor, rel=0.5
            )
            assert result.met == (result.ratio <= result.budget)
    table = "\n".join(suite.table(results))
    assert all(result.measure in table for result in results)


def test_the_services_are_measured_against_their_own_sql(tiny: Path) -> None:
    results = list(suite.service_measures(tiny, repeat=1))

    check(results)
    assert [r.measure for r in results] == [
        "list (services)",
        "filter (services)",
        "switch (services)",
        "search (services)",
    ]


def test_today_s_report_is_measured_against_its_budget_and_against_half_the_data(tiny: Path) -> None:
    results = list(suite.attention_measures(tiny, tiny, tiny, repeat=1))

    check(results)
    absolute, growth = results
    assert absolute.floor is None and absolute.budget == suite.ATTENTION_BUDGET_MS
    assert growth.floor is not None and growth.budget == suite.LINEAR


def test_a_short_call_gets_enough_rounds_to_measure_more_than_noise() -> None:
    assert suite.rounds_for(suite.SAMPLED_MS, repeat=3) == 3  # a long call: the rounds asked for
    assert suite.rounds_for(2.0, repeat=3) == int(suite.SAMPLED_MS / 2.0) + 1 < suite.MAX_ROUNDS
    assert suite.rounds_for(0.0001, repeat=3) == suite.MAX_ROUNDS
    assert suite.rounds_for(0.0, repeat=3) == suite.MAX_ROUNDS
    assert suite.rounds_for(0.1, repeat=500) == 500  # never fewer than asked


def test_interleaved_times_one_call_of_each_side_per_round() -> None:
    calls = {"app": 0, "floor": 0}

    def side(name: str) -> None:
        calls[name] += 1

    suite.interleaved(lambda: side("app"), lambda: side("floor"), repeat=3)

    # a call of nothing takes far less than SAMPLED_MS / MAX_ROUNDS: the warm call, then MAX_ROUNDS
    assert calls == {"app": 1 + suite.MAX_ROUNDS, "floor": 1 + suite.MAX_ROUNDS}
