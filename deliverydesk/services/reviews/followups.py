"""A review's standard follow-up: one action per horizon (a month, three months, a year after the
review), so that the short-, mid- and long-term questions are looked at again on Home."""

from __future__ import annotations

from deliverydesk.domain.drafts import ReviewActionDraft
from deliverydesk.domain.models import ReviewActionItem
from deliverydesk.domain.review_texts import default_action
from deliverydesk.domain.revisits import Horizon, suggest_revisit_dates
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.projects import get_project_in
from deliverydesk.services.reviews.butterfly import REVIEW_ACTIONS, REVIEWS


def schedule_default_actions(
    ctx: ServiceContext, review_id: str, *, owner: str = "", horizons: tuple[Horizon, ...] = tuple(Horizon)
) -> list[ReviewActionItem]:
    """Add the standard action of each horizon to the review, revisited that long after the review
    date and worded in the project's document language; returns them, soonest first. One unit of
    work: all of them are added, or none."""
    with ctx.db.unit_of_work() as session:
        review = REVIEWS.get_in(session, review_id)
        language = get_project_in(session, review.project_id).language
        dates = suggest_revisit_dates(review.held_on)
        return [
            REVIEW_ACTIONS.create_in(
                ctx,
                session,
                ReviewActionDraft(
                    project_id=review.project_id,
                    review_id=review.id,
                    description=default_action(horizon, language),
                    owner=owner,
                    revisit_on=dates[horizon],
                ),
            )
            for horizon in sorted(set(horizons), key=list(Horizon).index)
        ]
