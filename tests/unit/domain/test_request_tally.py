"""A project's change requests counted per decision (as ``overview_queries.request_groups``' statement
counts them) and tallied (``tally_request_groups``) give what the rules written one request at a time
give: the same counts and the same floats (exactly for hours in quarters and for goodwill, whose
requests share one decision; out of scope adds the two accepted decisions' sums)."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from deliverydesk.domain.enums import Decision, ScopeCheck, Triage
from deliverydesk.domain.metrics import ChangeEffort, accepted_out_of_scope_hours, goodwill_hours_used
from deliverydesk.domain.scope_guard import (
    ProjectFrame,
    RequestGroup,
    done_without_decision,
    is_waiting_b_item,
    meters_after,
    tallied_meters,
    tally_request_groups,
)

# decision, check, hours, triage, log entries of work: one request
RequestMeterFacts = tuple[Decision, ScopeCheck, float, Triage, int]

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


def grouped(facts: list[RequestMeterFacts]) -> list[RequestGroup]:
    """Per decision, in the order the decisions first come, the sums in the requests' order: what the
    statement's GROUP BY gives (its rows come in the index's order, decisions together)."""
    groups: dict[Decision, list[RequestMeterFacts]] = {}
    for fact in facts:
        groups.setdefault(fact[0], []).append(fact)
    made: list[RequestGroup] = []
    for decision, requests in groups.items():
        outside = [h for _d, c, h, _t, _n in requests if c is not ScopeCheck.IN_SCOPE]
        made.append(
            (
                decision,
                len(requests),
                sum(h for _d, _c, h, _t, _n in requests),
                sum(outside) if outside else None,
                sum(t is Triage.B for _d, _c, _h, t, _n in requests),
                sum(n > 0 for *_rest, n in requests),
            )
        )
    return made


def tallied(facts: list[RequestMeterFacts], budget: float, contracted: float) -> tuple[object, ...]:
    tally = tally_request_groups(grouped(facts))
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


def random_requests(seed: int, hours: tuple[float, ...]) -> tuple[list[RequestMeterFacts], float, float]:
    rng = random.Random(seed)
    facts: list[RequestMeterFacts] = [
        (*kind[:2], rng.choice(hours), kind[2], kind[3])  # type: ignore[misc]
        for kind in rng.choices(EVERY_KIND, k=rng.randint(0, 60))
    ]
    facts.sort(key=lambda f: f[0].value)  # decisions together, as the index gives them
    return facts, rng.choice((0.0, 16.0, 12.8)), rng.choice((0.0, 40.0))


@pytest.mark.parametrize("seed", range(20))
def test_many_requests_in_quarter_hours_add_up_to_the_very_same_floats(seed: int) -> None:
    facts, budget, contracted = random_requests(seed, (0.25, 0.5, 2.5, 7.25, 12.75, 40.0))
    expected, got = by_the_rules(facts, budget, contracted), tallied(facts, budget, contracted)
    assert got == expected
    assert [repr(x) for x in got[1:3]] == [repr(x) for x in expected[1:3]]  # 0 stays 0, not 0.0
    assert list(got[0]) == list(expected[0])  # type: ignore[call-overload]  # first-seen order


@pytest.mark.parametrize("seed", range(20))
def test_many_requests_in_any_hours_add_up_to_the_same_sums(seed: int) -> None:
    hours = (0.1, 0.2, 0.3, 1 / 3, 2.5, 7.25, 1e-9, 12.8)  # sums that depend on their order
    facts, budget, contracted = random_requests(seed, hours)
    expected, got = by_the_rules(facts, budget, contracted), tallied(facts, budget, contracted)
    assert got[0] == expected[0] and got[3:5] == expected[3:5]
    assert repr(got[1]) == repr(expected[1])  # goodwill: one decision's requests, in their order
    assert math.isclose(got[2], expected[2], rel_tol=1e-12)  # type: ignore[arg-type]
    assert (got[2] == 0) is (expected[2] == 0) and type(got[2]) is type(expected[2])


def test_no_requests_make_empty_meters() -> None:
    tally = tally_request_groups([])
    assert (tally.by_decision, tally.done_without_decision, tally.deferred_b_items) == ({}, 0, 0)
    goodwill, creep = tallied_meters(tally, 0.0, 10.0)
    assert goodwill.ratio is None and creep.ratio == 0.0
