"""Canonical JSON is one text per value; the fingerprint is its SHA-256; snapshots rebuild exactly."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from deliverydesk.domain.enums import Language, RiskLevel
from deliverydesk.domain.fingerprint import (
    canonical_json,
    fingerprint,
    from_canonical_json,
    is_fingerprint,
    seal,
)


@dataclass(frozen=True)
class Inner:
    when: date
    level: RiskLevel
    amount: Decimal


@dataclass(frozen=True)
class Outer:
    title: str
    rows: tuple[Inner, ...]
    image: bytes | None = None
    at: datetime | None = None
    language: Language = Language.EN
    note: str | None = None
    weight: float = 1.0


SAMPLE = Outer(
    title='<b>扫码</b> & "quotes" 😀',
    rows=(Inner(date(2026, 3, 16), RiskLevel.HIGH, Decimal("12.50")),),
    image=b"\x89PNG\x00\xff",
    at=datetime(2026, 3, 16, 9, 30, tzinfo=UTC),
)


def test_canonical_json_is_sorted_compact_and_iso() -> None:
    text = canonical_json(SAMPLE)
    assert text.startswith('{"at":"2026-03-16T09:30:00+00:00","image":"iVBORwD/","language":"en"')
    assert '"when":"2026-03-16"' in text and '"amount":"12.50"' in text and '"level":"high"' in text
    assert ", " not in text and ": " not in text
    assert "扫码" in text  # UTF-8 text, not \u escapes


def test_fingerprint_is_sha256_of_the_utf8_text() -> None:
    text = canonical_json(SAMPLE)
    assert fingerprint(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert is_fingerprint(fingerprint(text)) and not is_fingerprint("xyz")


def test_any_change_changes_the_fingerprint() -> None:
    base = fingerprint(canonical_json(SAMPLE))
    assert fingerprint(canonical_json(replace(SAMPLE, title=SAMPLE.title + " "))) != base
    assert fingerprint(canonical_json(replace(SAMPLE, weight=1.5))) != base
    assert fingerprint(canonical_json(replace(SAMPLE))) == base


def test_snapshot_rebuilds_the_same_value() -> None:
    rebuilt = from_canonical_json(Outer, canonical_json(SAMPLE))
    assert rebuilt == SAMPLE
    assert from_canonical_json(Outer, canonical_json(replace(SAMPLE, image=None, at=None))).image is None


def test_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError):
        canonical_json({"x": object()})


def _stamp(data: Outer, digest: str) -> Outer:
    return replace(data, note=digest or None)


def test_seal_fingerprints_the_data_without_its_seal() -> None:
    canonical, digest, sealed = seal(replace(SAMPLE, note="an old seal"), _stamp)
    assert canonical == canonical_json(replace(SAMPLE, note=None))
    assert digest == fingerprint(canonical) and is_fingerprint(digest)
    assert sealed == replace(SAMPLE, note=digest)
    assert seal(sealed, _stamp) == (canonical, digest, sealed)  # sealing again changes nothing


def test_a_field_added_later_leaves_earlier_snapshots_and_their_fingerprints_unchanged() -> None:
    from dataclasses import dataclass

    from deliverydesk.domain.fingerprint import added_field, canonical_json, fingerprint, from_canonical_json

    @dataclass(frozen=True)
    class Before:
        title: str
        items: tuple[str, ...] = ()

    @dataclass(frozen=True)
    class After:
        title: str
        items: tuple[str, ...] = ()
        late: tuple[str, ...] = added_field(())
        answer_by: str | None = added_field(None)

    issued = canonical_json(Before("Letter", ("a",)))
    again = from_canonical_json(After, issued)
    assert canonical_json(again) == issued and fingerprint(canonical_json(again)) == fingerprint(issued)
    filled = canonical_json(After("Letter", ("a",), late=("x",)))
    assert '"late":["x"]' in filled and "answer_by" not in filled
