"""The butterfly review's questions and help texts (English, translated by the gettext catalogue).

Two sides (the client's, the company's) by three horizons (short, mid, long term), then lessons and
follow-up actions. The review form shows them in the UI language, the review report in the project's
document language: both read them here. Pure: no I/O, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from deliverydesk.domain.enums import Language
from deliverydesk.domain.revisits import Horizon
from deliverydesk.i18n import N_, translator


class ReviewSide(StrEnum):
    CLIENT = "client"
    COMPANY = "company"


@dataclass(frozen=True)
class ReviewQuestion:
    """One field of the review: where it goes (``field``, e.g. ``client_short``), its heading, the
    question to answer and a hint on what a good answer covers."""

    field: str
    side: ReviewSide | None  # None: lessons and follow-up
    horizon: Horizon | None
    heading: str
    question: str
    hint: str


_SIDES = {ReviewSide.CLIENT: N_("Client side"), ReviewSide.COMPANY: N_("Company side")}
_HORIZONS = {
    Horizon.SHORT: N_("Short term"),
    Horizon.MID: N_("Mid term"),
    Horizon.LONG: N_("Long term"),
}
_REVISITS = {
    Horizon.SHORT: N_("in a month"),
    Horizon.MID: N_("in three months"),
    Horizon.LONG: N_("in a year"),
}

_DEFAULT_ACTIONS = {
    Horizon.SHORT: N_("Check with the client that the fix holds and nothing else was affected."),
    Horizon.MID: N_("Check that what we owe the client was delivered and the failed process was changed."),
    Horizon.LONG: N_("Look again at the relationship and the client's needs: is a next step due?"),
}

_GRID = {
    (ReviewSide.CLIENT, Horizon.SHORT): (
        N_("Was the problem fixed fast and with certainty?"),
        N_("How long was the client's work affected? Did they know at each moment what was happening"
         " and when it would be fixed? Has the client confirmed the fix?"),
    ),
    (ReviewSide.CLIENT, Horizon.MID): (
        N_("What do we owe the client?"),
        N_("An apology, a compensation, a follow-up visit or written report, a promise to confirm in"
         " writing. Who gives it, and by when?"),
    ),
    (ReviewSide.CLIENT, Horizon.LONG): (
        N_("What does this say about the relationship and the client's changing needs?"),
        N_("Did trust grow or shrink? Does the problem show a need the contract did not foresee (new"
         " users, more volume, new rules)? Is it the start of a next phase?"),
    ),
    (ReviewSide.COMPANY, Horizon.SHORT): (
        N_("Did we fix it fast and with certainty?"),
        N_("Did the right people and knowledge reach the site in time? Was the cause found, or only the"
         " symptom treated? Could the engineer decide on the spot, or wait for approval?"),
    ),
    (ReviewSide.COMPANY, Horizon.MID): (
        N_("Which process failed?"),
        N_("Where should it have been caught: requirements, design, testing, data migration, handover,"
         " training? What changes in that process, and who owns the change?"),
    ),
    (ReviewSide.COMPANY, Horizon.LONG): (
        N_("What should the company change?"),
        N_("Has this category been seen at other clients (see Recurring problems)? Do the product, the"
         " standard offer or the team's skills need to change?"),
    ),
}  # fmt: skip

_CLOSING = {
    "lessons": (
        N_("Lessons"),
        N_("What will we do differently next time?"),
        N_("Short sentences another engineer can act on without knowing this project."),
    ),
    "follow_up": (
        N_("Follow-up actions"),
        N_("Who does what, and when do we look again?"),
        N_("Give each action an owner and a revisit date (in a month, three months or a year);"
         " actions whose date has come appear on Home until they are done."),
    ),
}  # fmt: skip


def side_name(side: ReviewSide, language: Language) -> str:
    return translator(language)(_SIDES[side])


def horizon_name(horizon: Horizon, language: Language) -> str:
    return translator(language)(_HORIZONS[horizon])


def revisit_label(horizon: Horizon, language: Language) -> str:
    """When a horizon's revisit falls, in words ("in three months")."""
    return translator(language)(_REVISITS[horizon])


def default_action(horizon: Horizon, language: Language) -> str:
    """The standard follow-up action revisited at ``horizon`` (the engineer may rewrite it)."""
    return translator(language)(_DEFAULT_ACTIONS[horizon])


def review_questions(language: Language) -> tuple[ReviewQuestion, ...]:
    """The six butterfly questions (client short, mid, long; company short, mid, long), then lessons
    and follow-up actions, in ``language``."""
    t = translator(language)
    grid = tuple(
        ReviewQuestion(
            field=f"{side}_{horizon}",
            side=side,
            horizon=horizon,
            heading=f"{side_name(side, language)} · {horizon_name(horizon, language)}",
            question=t(question),
            hint=t(hint),
        )
        for (side, horizon), (question, hint) in _GRID.items()
    )
    closing = tuple(
        ReviewQuestion(field, None, None, t(heading), t(question), t(hint))
        for field, (heading, question, hint) in _CLOSING.items()
    )
    return grid + closing


def review_question(field: str, language: Language) -> ReviewQuestion:
    """The question for one field (``client_short`` ... ``follow_up``); KeyError for any other."""
    found = {question.field: question for question in review_questions(language)}
    return found[field]
