"""Learning across clients: which issues look alike, and which problems recur at several clients.

Similarity reuses the scope guard's tokenizer (``text_match``: Chinese as character bigrams, English as
words) and adds a bonus for the same category: ``score = CATEGORY_WEIGHT * same_category +
(1 - CATEGORY_WEIGHT) * text``. An issue of the same category always shows (how another client's
data-migration problem was solved is worth seeing even when it is worded differently); the score only
ranks it. An issue of another category shows when its text similarity is >= 0.35.

A recurrence is a category met at ``min_clients`` or more *distinct clients* (two projects of one
client are one client: that is a client's problem, not a systemic one) within a period whose both ends
are included. Its trend compares the two halves of the period (see ``trend_of``). Pure: no I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from deliverydesk.domain.enums import Language, Severity
from deliverydesk.domain.models import CategoryName
from deliverydesk.domain.text_match import piece_tokens, similarity, tokens
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import Message, msg

CATEGORY_WEIGHT = 0.2
SIMILAR_THRESHOLD = 0.28  # = 0.8 * 0.35: what another category's issue needs to show
SIMILAR_LIMIT = 5
K = TypeVar("K")
RECURRENCE_MIN_CLIENTS = 3  # the same category at this many distinct clients is systemic
TREND_TOLERANCE = 0.25  # halves differing by at most a quarter of the larger one (or by 1) are steady


# --- similarity ----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class IssueText:
    """What an issue says about itself: enough to compare two issues."""

    title: str
    symptoms: str = ""
    root_cause: str = ""
    category_id: str | None = None


def text_similarity(new: IssueText, known: IssueText) -> float:
    """0..1: the new issue's title (alone, or with its symptoms and root cause) against the known
    issue's title, symptoms and root cause (together or any one sentence)."""
    texts = [text for text in (known.title, known.symptoms, known.root_cause) if text.strip()]
    whole = " ".join(text for text in (new.title, new.symptoms, new.root_cause) if text.strip())
    queries = [tokens(query) for query in (new.title, whole) if query.strip()]
    if not texts or not queries:
        return 0.0
    pieces = piece_tokens(texts)
    return max(similarity(query, piece) for query in queries for piece in pieces)


def same_category(new: IssueText, known: IssueText) -> bool:
    return new.category_id is not None and new.category_id == known.category_id


def issue_similarity(new: IssueText, known: IssueText) -> float:
    """0..1: the weighted score above (ranks the candidates)."""
    return CATEGORY_WEIGHT * same_category(new, known) + (1 - CATEGORY_WEIGHT) * text_similarity(new, known)


def is_similar(new: IssueText, known: IssueText) -> bool:
    """Shown to the engineer: the same category, or wording close enough (``SIMILAR_THRESHOLD``)."""
    return same_category(new, known) or issue_similarity(new, known) >= SIMILAR_THRESHOLD


def rank_similar(
    new: IssueText, candidates: Iterable[tuple[K, IssueText]], *, limit: int = SIMILAR_LIMIT
) -> list[tuple[K, float]]:
    """The ``limit`` similar candidates (``is_similar``), best score first (stable on ties)."""
    kept = [(key, issue_similarity(new, text)) for key, text in candidates if is_similar(new, text)]
    return sorted(kept, key=lambda pair: -pair[1])[:limit]


@dataclass(frozen=True, kw_only=True)
class SimilarIssue:
    """An issue at another client that looks like the one being logged, with how it was solved."""

    issue_id: str
    project_id: str
    project_code: str
    project_name: str
    client_id: str
    client_name: str
    ref: str
    title: str
    category_id: str | None
    category_name_en: str
    category_name_zh: str
    severity: Severity
    reported_on: date
    resolved_on: date | None
    symptoms: str
    root_cause: str
    resolution: str
    score: float  # 0..1, ranks; at least SIMILAR_THRESHOLD unless same_category
    same_category: bool

    def category_name(self, language: Language) -> str:
        return category_label(self.category_name_en, self.category_name_zh, language)


# --- recurrence ----------------------------------------------------------------------------------


class TrendDirection(StrEnum):
    RISING = "rising"
    STEADY = "steady"
    FALLING = "falling"


@dataclass(frozen=True)
class Trend:
    """Occurrences in the first half of the period and in the second (from ``second_half_from``)."""

    first_half: int
    second_half: int
    second_half_from: date
    direction: TrendDirection


@dataclass(frozen=True, kw_only=True)
class Occurrence:
    """One issue (or change request) of a category, where and when it happened; ids open it."""

    category_id: str
    client_id: str
    client_name: str = ""
    project_id: str
    project_code: str = ""
    project_name: str = ""
    record_id: str
    ref: str
    title: str = ""
    on: date


@dataclass(frozen=True)
class ClientRef:
    client_id: str
    name: str


@dataclass(frozen=True)
class ProjectRef:
    project_id: str
    code: str
    name: str
    client_id: str


@dataclass(frozen=True, kw_only=True)
class RecurrenceItem:
    """A category seen at several distinct clients in the period: who, where, each record, trend."""

    category_id: str
    category_name_en: str
    category_name_zh: str
    clients: tuple[ClientRef, ...]  # by name
    projects: tuple[ProjectRef, ...]  # by code
    occurrences: tuple[Occurrence, ...]  # oldest first
    trend: Trend

    @property
    def client_count(self) -> int:
        return len(self.clients)

    def category_name(self, language: Language) -> str:
        return category_label(self.category_name_en, self.category_name_zh, language)


def second_half_start(since: date, until: date) -> date:
    """The first day of the period's second half; with an odd number of days the first half gets
    the extra day (10 days: 5 + 5; 11 days: 6 + 5)."""
    days = (until - since).days + 1
    return since + timedelta(days=(days + 1) // 2)


def trend_direction(first_half: int, second_half: int) -> TrendDirection:
    """Rising (falling) when the second half has more (fewer) occurrences than the first by more
    than one and by more than ``TREND_TOLERANCE`` of the larger half; else steady."""
    margin = max(1.0, TREND_TOLERANCE * max(first_half, second_half))
    if second_half - first_half > margin:
        return TrendDirection.RISING
    if first_half - second_half > margin:
        return TrendDirection.FALLING
    return TrendDirection.STEADY


def trend_of(dates: Iterable[date], since: date, until: date) -> Trend:
    """Counts per half of [since, until]; a one-day period has nothing to compare: steady."""
    split = second_half_start(since, until)
    inside = [day for day in dates if since <= day <= until]
    second = sum(1 for day in inside if day >= split)
    first = len(inside) - second
    direction = trend_direction(first, second) if until > since else TrendDirection.STEADY
    return Trend(first, second, split, direction)


def check_period(since: date, until: date, min_clients: int) -> None:
    """Refuse a period that ends before it starts, or a client threshold below 1."""
    problems: dict[str, Message] = {}
    if until < since:
        problems["until"] = msg("The period ends before it starts: choose an end on or after the start.")
    if min_clients < 1:
        problems["min_clients"] = msg("At least one client is needed to count a problem.")
    if problems:
        raise ValidationError(problems)


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months, today included (e.g. 2025-03-17 .. 2026-03-16)."""
    return today - relativedelta(years=1) + timedelta(days=1), today


def find_recurrences(
    occurrences: Iterable[Occurrence],
    *,
    since: date,
    until: date,
    min_clients: int = RECURRENCE_MIN_CLIENTS,
    names: Mapping[str, tuple[str, str]] | None = None,
) -> list[RecurrenceItem]:
    """Categories with occurrences at ``min_clients`` or more distinct clients within [since, until]
    (both ends included), most clients first, then most occurrences, then by English name.
    ``names`` maps category id -> (English, Chinese) name."""
    check_period(since, until, min_clients)
    by_category: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        if since <= occurrence.on <= until:
            by_category[occurrence.category_id].append(occurrence)
    items = [
        _recurrence(category_id, found, since, until, (names or {}).get(category_id, ("", "")))
        for category_id, found in by_category.items()
        if len({occurrence.client_id for occurrence in found}) >= min_clients
    ]
    return sorted(items, key=lambda i: (-i.client_count, -len(i.occurrences), i.category_name_en))


def _recurrence(
    category_id: str, found: Sequence[Occurrence], since: date, until: date, name: tuple[str, str]
) -> RecurrenceItem:
    clients = {o.client_id: ClientRef(o.client_id, o.client_name) for o in found}
    projects = {
        o.project_id: ProjectRef(o.project_id, o.project_code, o.project_name, o.client_id) for o in found
    }
    return RecurrenceItem(
        category_id=category_id,
        category_name_en=name[0],
        category_name_zh=name[1],
        clients=tuple(sorted(clients.values(), key=lambda c: (c.name, c.client_id))),
        projects=tuple(sorted(projects.values(), key=lambda p: (p.code, p.project_id))),
        occurrences=tuple(sorted(found, key=lambda o: (o.on, o.project_code, o.ref))),
        trend=trend_of((o.on for o in found), since, until),
    )


def category_label(english: str, chinese: str, language: Language) -> str:
    """A category's name in ``language`` from its two names (``CategoryName.label``)."""
    return CategoryName(name_en=english, name_zh=chinese).label(language)
