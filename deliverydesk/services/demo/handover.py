"""The demo's handed-over project (English, German holidays): accepted scope, handover documents,
training sessions with attendees, risks, a deferred open item, and a butterfly review."""

from __future__ import annotations

from dataclasses import replace

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    HandoverEntryDraft,
    IssueDraft,
    MilestoneDraft,
    ReviewActionDraft,
    ReviewDraft,
    draft_from,
)
from deliverydesk.domain.enums import (
    Decision,
    HandoverKind,
    Language,
    MilestoneStatus,
    ProjectStatus,
    ScopeCheck,
    ScopeStatus,
    Severity,
    Triage,
)
from deliverydesk.domain.models import ReviewItem
from deliverydesk.services.demo.support import (
    DATA_MIGRATION,
    REPORTS,
    Demo,
    DemoClient,
    make_project,
    make_scope,
)
from deliverydesk.services.records.handover import HANDOVER_ENTRIES, save_handover_entry_in
from deliverydesk.services.records.issues import ISSUES
from deliverydesk.services.records.milestones import create_milestone_in
from deliverydesk.services.reviews.butterfly import (
    REVIEW_ACTIONS,
    REVIEWS,
    complete_review_action_in,
)
from deliverydesk.services.scope_guard.change_requests import CHANGE_REQUESTS

SCOPE = [
    ("Camera stations at 4 inspection points", "Detects the 6 agreed defect types at 120 parts/min.", 180.0),
    ("Reject handling and HMI screens", "Rejected parts diverted; operators see the reason.", 90.0),
    ("Operator and maintenance training", "Two sessions, manual handed over.", 50.0),
]
EXCLUSIONS = ["Mechanical changes to the conveyor.", "Integration with the SAP quality module."]
MILESTONES = [
    ("Site survey", -110, -110),
    ("Factory acceptance (FAT)", -60, -55),
    ("Site acceptance (SAT)", -25, -18),
]

# (days from today or None, entry); the project id is filled in when the demo is created
HANDOVER: list[tuple[int | None, HandoverEntryDraft]] = [
    (
        -12,
        HandoverEntryDraft(project_id="", kind=HandoverKind.DOCUMENT, title="Operation manual v1.2 (EN/DE)"),
    ),
    (
        -12,
        HandoverEntryDraft(
            project_id="", kind=HandoverKind.DOCUMENT, title="Network and camera wiring diagram"
        ),
    ),
    (
        -12,
        HandoverEntryDraft(project_id="", kind=HandoverKind.DOCUMENT, title="Backup and restore procedure"),
    ),
    (
        -16,
        HandoverEntryDraft(
            project_id="",
            kind=HandoverKind.TRAINING,
            title="Operator training: daily use and reject reasons",
            attendees="Jonas Brandt, 6 line operators (shift A and B)",
        ),
    ),
    (
        -14,
        HandoverEntryDraft(
            project_id="",
            kind=HandoverKind.TRAINING,
            title="Maintenance training: lens cleaning and recalibration",
            attendees="Jonas Brandt, 2 maintenance technicians",
        ),
    ),
    (
        None,
        HandoverEntryDraft(
            project_id="",
            kind=HandoverKind.RISK,
            title="Dirty lenses cause false rejects",
            details="Clean the lenses weekly; recalibrate after any camera is moved.",
        ),
    ),
    (
        None,
        HandoverEntryDraft(
            project_id="",
            kind=HandoverKind.RISK,
            title="Do not update the inspection PC's Windows without testing",
            details="A driver update stopped camera 2 during FAT.",
        ),
    ),
    (
        None,
        HandoverEntryDraft(
            project_id="",
            kind=HandoverKind.OPEN_ITEM,
            title="Reject counter on the HMI start screen (deferred ask CR-1)",
            details="Deferred until after SAT.",
            recommendation="Now is the time: 6 hours, can be done at the one-month check-in.",
        ),
    ),
]


# training -> the documents handed over for it
MATERIAL = {
    "Operator training: daily use and reject reasons": ("Operation manual v1.2 (EN/DE)",),
    "Maintenance training: lens cleaning and recalibration": (
        "Network and camera wiring diagram",
        "Backup and restore procedure",
    ),
}


def create_handed_over(demo: Demo, client: DemoClient) -> None:
    project = make_project(
        demo,
        client,
        "DD-2026-009",
        "Line 3 vision inspection retrofit",
        -120,
        -10,
        status=ProjectStatus.HANDED_OVER,
        currency="EUR",
        contract_value_cents=186_000_00,
        contract_ref="NW-PO-4471",
        delivery_lead="Zhang Hao",
        sales_owner="Anna Weber",
        contracted_effort_hours=320.0,
        goodwill_budget_hours=16.0,
        language=Language.EN,
        holiday_calendar="DE",
    )
    make_scope(demo, project, [(*item, ScopeStatus.ACCEPTED) for item in SCOPE], EXCLUSIONS)
    for name, baseline, actual in MILESTONES:
        draft = MilestoneDraft(
            project_id=project,
            name=name,
            baseline_date=demo.day(baseline),
            forecast_date=demo.day(actual),
            actual_date=demo.day(actual),
            status=MilestoneStatus.ACCEPTED,
            is_main=name.endswith("(SAT)"),
        )
        create_milestone_in(demo.ctx, demo.session, draft)
    _deferred_ask(demo, project, client)
    made = {}
    for day, entry in HANDOVER:
        item_date = None if day is None else demo.day(day)
        made[entry.title] = HANDOVER_ENTRIES.create_in(
            demo.ctx, demo.session, replace(entry, project_id=project, item_date=item_date)
        )
    for training, documents in MATERIAL.items():  # each training's written material
        chosen = [made[title].id for title in documents]
        save_handover_entry_in(demo.ctx, demo.session, draft_from(HandoverEntryDraft, made[training]), chosen)
    _issue_and_review(demo, project)


def _deferred_ask(demo: Demo, project: str, client: DemoClient) -> None:
    draft = ChangeRequestDraft(
        project_id=project,
        title="Reject counter on the HMI start screen",
        requested_on=demo.day(-40),
        requested_by_id=client.contacts["brandt"],
        triage=Triage.B,
        scope_check=ScopeCheck.OUT_OF_SCOPE,
        effort_hours=6.0,
        category_id=demo.category(REPORTS),
        decision=Decision.DEFERRED,
        decided_by="Zhang Hao",
        decided_on=demo.day(-39),
        rationale="Deferred until SAT so acceptance tests run on the screens the operators signed off.",
    )
    CHANGE_REQUESTS.create_in(demo.ctx, demo.session, draft)


def _issue_and_review(demo: Demo, project: str) -> None:
    issue = IssueDraft(
        project_id=project,
        title="Legacy inspection images failed to import",
        category_id=demo.category(DATA_MIGRATION),
        severity=Severity.MEDIUM,
        reported_on=demo.day(-50),
        resolved_on=demo.day(-47),
        root_cause="Archive export used a TIFF variant the importer did not read.",
        resolution="Converted the archive to PNG with a checked script; counts matched.",
    )
    review = ReviewDraft(
        project_id=project,
        title="Image import failure and late SAT",
        held_on=demo.day(-8),
        issue_id=ISSUES.create_in(demo.ctx, demo.session, issue).id,
        client_short="Image import fixed in three days; the client was told the plan the same day.",
        client_mid="Apologised for the late SAT; offered one extra remote check-in after a month.",
        client_long="Nordwerk wants the same inspection on line 5: quality data now helps them sell.",
        company_short="The importer was fixed and the conversion script kept in the project folder.",
        company_mid="Our checklist did not ask for sample files early: added to the kick-off checklist.",
        company_long="Migration problems recur across clients: budget a migration rehearsal in every quote.",
        lessons="Ask for sample data at kick-off. Rehearse the migration before FAT.",
        follow_up="Remote check-in one month after handover (owner: Zhang Hao).",
    )
    _follow_up(demo, REVIEWS.create_in(demo.ctx, demo.session, review))


def _follow_up(demo: Demo, review: ReviewItem) -> None:
    """Revisited after 30, 90 and 365 days; the remote check-in is due today."""
    actions = (
        ("Remote check-in with Nordwerk's quality team one month after handover", "Zhang Hao", 0),
        ("Check that kick-off checklists now ask for sample data", "Li Wei", 82),
        ("Propose line 5 inspection to Nordwerk", "Sales: Chen Jie", 357),
    )
    for description, owner, revisit in actions:
        draft = ReviewActionDraft(
            project_id=review.project_id,
            review_id=review.id,
            description=description,
            owner=owner,
            revisit_on=demo.day(revisit),
        )
        REVIEW_ACTIONS.create_in(demo.ctx, demo.session, draft)
    done = ReviewActionDraft(
        project_id=review.project_id,
        review_id=review.id,
        description="Add 'sample files at kick-off' to the kick-off checklist",
        owner="Zhang Hao",
        revisit_on=demo.day(-5),
    )
    added = REVIEW_ACTIONS.create_in(demo.ctx, demo.session, done)
    complete_review_action_in(
        demo.ctx, demo.session, added.id, demo.day(-6), "Checklist v3 published on the team share."
    )
