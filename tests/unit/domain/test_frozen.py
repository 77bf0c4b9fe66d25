"""Records the domain builds at once (``domain.frozen.frozen_record``: meters, the request tally) are
the records their dataclass's own ``__init__`` makes: the same fields in the same order, equal, the
same repr and hash, still frozen."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from deliverydesk.domain.enums import Decision
from deliverydesk.domain.frozen import frozen_record
from deliverydesk.domain.metrics import Meter, MeterLevel, meter
from deliverydesk.domain.scope_guard import RequestGroup, RequestTally, tally_request_groups


def assert_as_init_makes(record: object) -> None:
    names = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    assert list(vars(record)) == names  # every field set, in the order __init__ sets them
    assert not hasattr(record, "__post_init__")
    made = type(record)(**vars(record))
    assert made == record and repr(made) == repr(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.used = 1.0  # type: ignore[attr-defined]


@pytest.mark.parametrize(("used", "allowed"), [(0, 0), (1, 0), (3, 16), (12.8, 16), (16, 16), (20.5, 16)])
def test_meters_are_what_their_init_makes(used: float, allowed: float) -> None:
    reading = meter(used, allowed)
    assert_as_init_makes(reading)
    assert hash(reading) == hash(Meter(**vars(reading)))
    assert type(reading.used) is float and type(reading.allowed) is float  # ints given, floats kept


def test_every_meter_level_is_reached() -> None:
    levels = {meter(used, 16).level for used in (0, 13, 16)} | {meter(1, 0).level}
    assert levels == set(MeterLevel)


def test_request_tallies_are_what_their_init_makes() -> None:
    groups: list[RequestGroup] = [(d, 3, 3.75, o, 1, 2) for d, o in itertools.product(Decision, (1.25, None))]
    for tally in (tally_request_groups(groups), tally_request_groups([])):
        assert_as_init_makes(tally)
        assert isinstance(tally, RequestTally)


def test_a_record_built_at_once_is_a_different_object_each_time() -> None:
    fields = {"used": 1.0, "allowed": 2.0, "ratio": 0.5, "level": MeterLevel.OK}
    first, second = frozen_record(Meter, fields), frozen_record(Meter, dict(fields))
    assert first == second and first is not second
    assert vars(first) is fields  # the dict given becomes the record's (frozen_record's docstring)
    assert vars(second) is not vars(first)
