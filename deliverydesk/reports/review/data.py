"""What the butterfly review report prints: plain frozen dataclasses, filled in by the services.

The review report is internal (never issued or signed), but its content is fingerprinted like the
client documents, so a printed copy can be matched to the data it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deliverydesk.reports.documents.data import DocumentMetaData, ProjectRefData


@dataclass(frozen=True)
class ReviewedIssueData:
    """The issue a review is about (absent when the review covers the whole project)."""

    ref: str
    title: str
    category: str = ""
    severity: str = ""  # already a label in the document's language
    reported_on: date | None = None
    resolved_on: date | None = None
    root_cause: str = ""
    resolution: str = ""


@dataclass(frozen=True)
class ButterflyData:
    """The six answers: client side and company side, short / mid / long term."""

    client_short: str = ""
    client_mid: str = ""
    client_long: str = ""
    company_short: str = ""
    company_mid: str = ""
    company_long: str = ""


@dataclass(frozen=True)
class FollowUpData:
    description: str
    owner: str = ""
    revisit_on: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class RecurrenceData:
    """A similar issue at another client: where, when, and how it was resolved there."""

    client: str
    project_code: str
    ref: str
    title: str
    reported_on: date | None = None
    resolution: str = ""


@dataclass(frozen=True)
class ReviewReportData:
    meta: DocumentMetaData
    project: ProjectRefData
    client: str
    held_on: date
    answers: ButterflyData
    issue: ReviewedIssueData | None = None  # None: the review covers the whole project
    title: str = ""  # what the review is about, in the engineer's words
    participants: tuple[str, ...] = ()
    lessons: str = ""
    actions: tuple[FollowUpData, ...] = ()
    recurrence: tuple[RecurrenceData, ...] = ()
    recurrence_clients: int = 0  # distinct other clients that met the issue's category
    name_other_clients: bool = False  # the user chose to name them; else "Client A", "Client B"...
