"""One pass over a project's change requests (``tally_requests``) gives what the rules written one
request at a time give: the same counts and the very same floats, in the same order."""

from __future__ import annotations

import itertools
import random

import pytest

from deliverydesk.domain.enums import Decision, ScopeCheck, Triage
from deliverydesk.domain.metrics import ChangeEffort, accepted_out_of_scope_hours, goodwill_hours_used
from deliverydesk.domain.scope_guard import (
    ProjectFrame,
    RequestMeterFacts,
    done_without_decision,
    is_waiting_b_item,
    meters_after,
    tallied_meters,
    tally_requests,
)

EVERY_KIND = list(itertools.product(Decision, ScopeCheck, Triage, (0, 2)))


def by_the_rules(facts: list[RequestMeterFacts], budget: float, contracted: float) -> tuple[object, ...]:
    efforts = [ChangeEffort(d, c, h) for d, c, h, _t, _n in facts]
    counts: dict[Decision, int] = {}
    for d, *_rest in facts:
        counts[d] = counts.get(d, 0) + 1
    return (
        counts,
        goodwill_hours_used(efforts),
        accepted_out_of_scope_hours(efforts),
        sum(done_without_decision(d, n) for d, _c, _h, _t, n in facts),
        sum(is_waiting_b_item(t, d) for d, _c, _h, t, _n in facts),
        meters_after(None, ProjectFrame(budget, contracted, tuple(efforts))),
    )


def tallied(facts: list[RequestMeterFacts], budget: float, contracted: float) -> tuple[object, ...]:
    tally = tally_requests(facts)
    return (
        tally.by_decision,
        tally.goodwill_hours_used,
        tally.out_of_scope_hours_accepted,
        tally.done_without_decision,
        tally.deferred_b_items,
        tallied_meters(tally, budget, contracted),
    )


def test_every_kind_of_request_counts_as_its_rule_says() -> None:
    for decision, check, triage, logged in EVERY_KIND:
        facts: list[RequestMeterFacts] = [(decision, check, 1.5, triage, logged)]
        assert tallied(facts, 2.0, 3.0) == by_the_rules(facts, 2.0, 3.0), (decision, check, triage, logged)


@pytest.mark.parametrize("seed", range(20))
def test_many_requests_add_up_to_the_same_floats_in_the_same_order(seed: int) -> None:
    rng = random.Random(seed)
    hours = (0.1, 0.2, 0.3, 1 / 3, 2.5, 7.25, 1e-9, 12.8)  # sums that depend on their order
    facts: list[RequestMeterFacts] = [
        (*kind[:2], rng.choice(hours), kind[2], kind[3])  # type: ignore[misc]
        for kind in rng.choices(EVERY_KIND, k=rng.randint(0, 60))
    ]
    budget, contracted = rng.choice((0.0, 16.0, 12.8)), rng.choice((0.0, 40.0))
    expected, got = by_the_rules(facts, budget, contracted), tallied(facts, budget, contracted)
    assert got == expected
    assert [repr(x) for x in got[1:3]] == [repr(x) for x in expected[1:3]]  # 0 stays 0, not 0.0
    assert list(got[0]) == list(expected[0])  # type: ignore[call-overload]  # first-seen order


def test_no_requests_make_empty_meters() -> None:
    tally = tally_requests([])
    assert (tally.by_decision, tally.done_without_decision, tally.deferred_b_items) == ({}, 0, 0)
    goodwill, creep = tallied_meters(tally, 0.0, 10.0)
    assert goodwill.ratio is None and creep.ratio == 0.0
