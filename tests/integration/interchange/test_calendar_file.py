"""Calendar files, parsed back with ``icalendar``: milestones as all-day events on their forecast date
with the slip described, open commitments and review follow-ups as to-dos, stable UIDs (the records'
UUIDs) and a SEQUENCE that grows when a milestone moves, so a calendar updates instead of duplicating."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from deliverydesk.domain.drafts import CommitmentDraft, MilestoneDraft, ReviewActionDraft, ReviewDraft
from deliverydesk.domain.enums import Language, OwnerSide
from deliverydesk.errors import NotFoundError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.calendar_file import export_calendar
from deliverydesk.services.records.commitments import close_commitment, record_commitment
from deliverydesk.services.records.milestones import archive_milestone, create_milestone, move_milestone
from deliverydesk.services.reviews.butterfly import (
    complete_review_action,
    create_review,
    create_review_action,
)
from tests.integration.interchange.conftest import Project
from tests.integration.services.conftest import TODAY, make_project


def _parse(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _by_uid(calendar: Calendar, kind: str) -> dict[str, object]:
    return {str(component["UID"]): component for component in calendar.walk(kind)}


def test_milestones_commitments_and_follow_ups(ctx: ServiceContext, project: Project, tmp_path: Path) -> None:
    pilot = create_milestone(
        ctx, MilestoneDraft(project_id=project.id, name="Pilot live", baseline_date=date(2026, 4, 17))
    )
    move_milestone(ctx, pilot.id, date(2026, 4, 24), reason="network not ready")
    gone = create_milestone(
        ctx, MilestoneDraft(project_id=project.id, name="Dropped", baseline_date=date(2026, 5, 1))
    )
    archive_milestone(ctx, gone.id)
    promised = record_commitment(
        ctx,
        CommitmentDraft(
            project_id=project.id,
            description="Send the test plan\nwith the data set",
            due_date=TODAY + timedelta(days=3),
            owner_side=OwnerSide.VENDOR,
            owner_name="张浩",
            owed_to="王建国",
        ),
    )
    done = record_commitment(
        ctx, CommitmentDraft(project_id=project.id, description="Done already", due_date=TODAY)
    )
    close_commitment(ctx, done.id, TODAY, "sent")
    review = create_review(ctx, ReviewDraft(project_id=project.id, held_on=TODAY, title="Pilot review"))
    follow_up = create_review_action(
        ctx,
        ReviewActionDraft(
            project_id=project.id,
            review_id=review.id,
            description="Check the scanners",
            revisit_on=TODAY + timedelta(days=14),
            owner="Li Na",
        ),
    )
    finished = create_review_action(
        ctx,
        ReviewActionDraft(project_id=project.id, review_id=review.id, description="Done", revisit_on=TODAY),
    )
    complete_review_action(ctx, finished.id, TODAY)

    result = export_calendar(ctx, [project.code], tmp_path / "dd.ics")

    calendar = _parse(tmp_path / "dd.ics")
    events, todos = _by_uid(calendar, "VEVENT"), _by_uid(calendar, "VTODO")
    assert list(events) == [pilot.id]  # archived milestones are left out
    event = events[pilot.id]
    assert event.decoded("DTSTART") == date(2026, 4, 24)  # all day, on the forecast date
    assert event.decoded("DTEND") == date(2026, 4, 25)
    assert str(event["SUMMARY"]) == f"DD-2026-014 {pilot.ref} Pilot live"
    assert "Baseline: 2026-04-17" in str(event["DESCRIPTION"])
    assert "Slip: 5 working days late" in str(event["DESCRIPTION"])
    assert int(event["SEQUENCE"]) == 1  # one date change
    assert set(todos) == {promised.id, follow_up.id}  # open ones only
    assert todos[promised.id].decoded("DUE") == TODAY + timedelta(days=3)
    assert "Owed by: 张浩" in str(todos[promised.id]["DESCRIPTION"])
    assert todos[follow_up.id].decoded("DUE") == TODAY + timedelta(days=14)
    assert "Review: Pilot review" in str(todos[follow_up.id]["DESCRIPTION"])
    assert (result.events, result.todos, result.projects) == (1, 2, 1)


def test_the_same_records_keep_their_uids_and_a_move_raises_the_sequence(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    pilot = create_milestone(
        ctx, MilestoneDraft(project_id=project.id, name="Pilot", baseline_date=date(2026, 4, 17))
    )
    export_calendar(ctx, [project.code], tmp_path / "first.ics")
    move_milestone(ctx, pilot.id, date(2026, 5, 8), reason="moved")
    move_milestone(ctx, pilot.id, date(2026, 5, 15), reason="moved again")
    export_calendar(ctx, [project.code], tmp_path / "second.ics")

    first, second = (_by_uid(_parse(tmp_path / n), "VEVENT")[pilot.id] for n in ("first.ics", "second.ics"))
    assert (int(first["SEQUENCE"]), int(second["SEQUENCE"])) == (0, 2)
    assert second.decoded("DTSTART") == date(2026, 5, 15)


def test_all_projects_in_their_document_language(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    other = make_project(ctx, project.client_id, code="DD-2026-020", language=Language.ZH_CN)
    create_milestone(ctx, MilestoneDraft(project_id=project.id, name="A", baseline_date=date(2026, 4, 1)))
    create_milestone(ctx, MilestoneDraft(project_id=other, name="验收", baseline_date=date(2026, 4, 2)))

    result = export_calendar(ctx, None, tmp_path / "all.ics")

    events = list(_parse(tmp_path / "all.ics").walk("VEVENT"))
    descriptions = sorted(str(e["DESCRIPTION"]) for e in events)
    assert result.projects == 2 and len(events) == 2
    assert any("基线日期：2026-04-02" in text for text in descriptions)
    assert any("Baseline: 2026-04-01" in text for text in descriptions)


def test_an_unknown_project_is_refused(ctx: ServiceContext, project: Project, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="DD-1999-001"):
        export_calendar(ctx, ["DD-1999-001"], tmp_path / "x.ics")
    assert not (tmp_path / "x.ics").exists()
