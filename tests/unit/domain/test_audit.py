"""The audit chain's rules without a database: canonical values, hashing, and verification."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from deliverydesk.domain.audit import (
    GENESIS_HASH,
    MAX_REPORTED_PROBLEMS,
    AuditAction,
    AuditEvent,
    ChainHead,
    ChainProblem,
    EventDraft,
    FieldChange,
    ProblemKind,
    audit_value,
    chain_events,
    changes_json,
    describe_problem,
    event_hash,
    parse_changes,
    verify_chain,
)
from deliverydesk.domain.enums import Decision

T0 = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)


def drafts(count: int) -> list[EventDraft]:
    return [
        EventDraft(
            occurred_at=T0 + timedelta(minutes=n),
            actor="王工",
            entity="change_request",
            record_id=f"record-{n % 3}",
            project_id="p-1",
            action=AuditAction.UPDATE,
            changes=changes_json({"title": (f"old {n}", f"new {n}")}),
        )
        for n in range(count)
    ]


def chain(count: int) -> tuple[list[AuditEvent], ChainHead]:
    return chain_events(ChainHead(), drafts(count))


def kinds(events: list[AuditEvent], head: ChainHead | None) -> list[tuple[ProblemKind, int, int]]:
    return [(p.kind, p.first, p.last) for p in verify_chain(events, head).problems]


# --- values and hashing ----------------------------------------------------------------------


def test_values_are_kept_json_ready_and_files_only_as_their_digest() -> None:
    assert audit_value(b"\x89PNG data") == {
        "sha256": hashlib.sha256(b"\x89PNG data").hexdigest(),
        "size": 9,
    }
    assert len(audit_value(b"x")["sha256"]) == 64
    assert audit_value(Decision.APPROVED_GOODWILL) == "approved_goodwill"
    assert audit_value(date(2026, 3, 1)) == "2026-03-01"
    east8 = timezone(timedelta(hours=8))
    assert audit_value(datetime(2026, 3, 16, 17, 30, tzinfo=east8)) == "2026-03-16T09:30:00+00:00"


def test_changes_have_one_canonical_text_whatever_the_order_of_fields() -> None:
    one = changes_json({"b": (1, 2), "a": (None, "<b>甲</b>")})
    two = changes_json({"a": (None, "<b>甲</b>"), "b": (1, 2)})
    assert one == two == '{"a":[null,"<b>甲</b>"],"b":[1,2]}'
    assert parse_changes(one) == (FieldChange("a", None, "<b>甲</b>"), FieldChange("b", 1, 2))


def test_unreadable_changes_parse_to_nothing() -> None:
    assert parse_changes("not json") == ()
    assert parse_changes("[1, 2]") == ()
    assert parse_changes('{"a": 5}') == ()


def test_the_hash_covers_every_field_and_the_previous_hash() -> None:
    (event,), _head = chain(1)
    assert event.prev_hash == GENESIS_HASH and event_hash(event) == event.hash
    variants = {
        "seq": 2,
        "occurred_at": T0 + timedelta(microseconds=1),
        "actor": "李工",
        "entity": "issue",
        "record_id": "other",
        "project_id": None,
        "action": AuditAction.ARCHIVE,
        "changes": changes_json({"title": ("old 0", "new 1")}),
        "prev_hash": "1" * 64,
    }
    for name, value in variants.items():
        assert event_hash(replace(event, **{name: value})) != event.hash, name


def test_the_hash_is_the_sha256_of_the_documented_canonical_form() -> None:
    (event,), _head = chain(1)
    canonical = json.dumps(
        {
            "action": "update",
            "actor": "王工",
            "changes": event.changes,
            "entity": "change_request",
            "occurred_at": "2026-03-16T09:30:00+00:00",
            "prev_hash": GENESIS_HASH,
            "project_id": "p-1",
            "record_id": "record-0",
            "seq": 1,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )

    assert event.hash == hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_events_are_numbered_and_linked_after_the_head() -> None:
    first, head = chain(2)
    more, new_head = chain_events(head, drafts(2))
    assert [e.seq for e in first + more] == [1, 2, 3, 4]
    assert more[0].prev_hash == first[1].hash
    assert new_head == ChainHead(4, more[1].hash)


# --- verification ----------------------------------------------------------------------------


def test_an_intact_chain_verifies() -> None:
    events, head = chain(5)
    report = verify_chain(iter(events), head)
    assert report.ok and report.events == 5 and report.first_occurred_at == T0


def test_an_empty_chain_with_its_anchor_verifies() -> None:
    assert verify_chain([], ChainHead()).ok


def test_an_altered_event_is_named() -> None:
    events, head = chain(5)
    events[2] = replace(events[2], changes=changes_json({"title": ("old 2", "forged")}))
    assert kinds(events, head) == [(ProblemKind.ALTERED, 3, 3)]


def test_an_altered_event_whose_hash_was_recomputed_breaks_the_next_link() -> None:
    events, head = chain(5)
    forged = replace(events[2], actor="someone else")
    events[2] = replace(forged, hash=event_hash(forged))
    assert kinds(events, head) == [(ProblemKind.BROKEN_LINK, 3, 4)]


def test_deleted_middle_events_are_reported_as_a_range() -> None:
    events, head = chain(8)
    del events[2:5]  # 3, 4 and 5
    assert kinds(events, head) == [(ProblemKind.MISSING, 3, 5)]
    report = verify_chain(events, head)
    assert describe_problem(report.problems[0]) == "Audit events 3–5 are missing (deleted from the database)."


def test_deleted_newest_events_are_caught_by_the_anchor() -> None:
    events, head = chain(6)
    (problem,) = verify_chain(events[:4], head).problems
    assert (problem.kind, problem.first, problem.last) == (ProblemKind.TRUNCATED, 4, 6)
    assert describe_problem(problem) == (
        "The newest audit events were removed (the chain ends at 4, the anchor says 6)."
    )


def test_a_fake_event_appended_past_the_anchor_is_reported() -> None:
    events, head = chain(3)
    fake, _ = chain_events(head, drafts(1))
    assert kinds(events + fake, head) == [(ProblemKind.UNANCHORED, 4, 4)]


def test_a_fake_event_put_in_place_of_a_real_one_is_reported() -> None:
    events, head = chain(5)
    (fake,), _ = chain_events(ChainHead(2, events[1].hash), drafts(1))  # a valid hash, a new content
    events[2] = fake
    assert kinds(events, head) == [(ProblemKind.BROKEN_LINK, 3, 4)]


def test_reordered_events_are_reported() -> None:
    events, head = chain(5)
    events[1], events[2] = replace(events[2], seq=2), replace(events[1], seq=3)  # numbers swapped
    assert kinds(events, head) == [
        (ProblemKind.ALTERED, 2, 2),
        (ProblemKind.ALTERED, 3, 3),
        (ProblemKind.BROKEN_LINK, 3, 4),  # 4 still points at the hash its real predecessor had
    ]
    events, head = chain(5)
    events[1], events[2] = events[2], events[1]  # read back in the wrong order
    assert ProblemKind.OUT_OF_ORDER in [k for k, _, _ in kinds(events, head)]


def test_a_replaced_newest_event_no_longer_matches_the_anchor() -> None:
    events, head = chain(3)
    (fake,), _ = chain_events(ChainHead(2, events[1].hash), drafts(1))
    assert kinds([*events[:2], fake], head) == [(ProblemKind.HEAD_MISMATCH, 3, 3)]


def test_a_missing_anchor_is_reported() -> None:
    events, _head = chain(2)
    assert kinds(events, None) == [(ProblemKind.NO_ANCHOR, 2, 2)]


def test_problems_beyond_the_limit_are_counted_not_kept() -> None:
    events, head = chain(40)
    tampered = [replace(e, actor="x") if e.seq % 2 else e for e in events]
    report = verify_chain(tampered, head)
    assert len(report.problems) == MAX_REPORTED_PROBLEMS
    assert report.more_problems == 20 - MAX_REPORTED_PROBLEMS


@pytest.mark.parametrize(
    ("kind", "label", "words"),
    [
        (
            ProblemKind.ALTERED,
            "change request CR-3",
            "Audit event 7 was altered (record: change request CR-3).",
        ),
        (ProblemKind.ALTERED, "", "Audit event 7 was altered (record: issue abc)."),
    ],
)
def test_problems_name_the_record(kind: ProblemKind, label: str, words: str) -> None:
    problem = ChainProblem(kind, 7, 7, entity="issue", record_id="abc")
    assert describe_problem(problem, label) == words
