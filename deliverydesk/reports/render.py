"""``render(data) -> bytes``: any of the four documents as a PDF (same data, same bytes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from deliverydesk.reports.data import (
    ChangeDecisionData,
    ExpectationLetterData,
    HandoverReportData,
    ProgressSummaryData,
    ReportData,
)
from deliverydesk.reports.page import build_pdf
from deliverydesk.reports.phrases import Phrases

StoryBuilder = Callable[[Any], list[Any]]


def _builder(data: ReportData) -> tuple[StoryBuilder, str]:
    """The story builder and title phrase of the document ``data`` describes (imported on demand)."""
    if isinstance(data, ExpectationLetterData):
        from deliverydesk.reports import expectation_letter as module
    elif isinstance(data, ChangeDecisionData):
        from deliverydesk.reports import change_decision as module  # type: ignore[no-redef]
    elif isinstance(data, ProgressSummaryData):
        from deliverydesk.reports import progress_summary as module  # type: ignore[no-redef]
    elif isinstance(data, HandoverReportData):
        from deliverydesk.reports import handover_report as module  # type: ignore[no-redef]
    else:
        raise TypeError(f"not a document: {type(data).__name__}")
    return module.build_story, module.TITLE_KEY


def render(data: ReportData) -> bytes:
    build_story, title_key = _builder(data)
    title = Phrases(data.meta.language)(title_key)
    return build_pdf(build_story(data), data.meta, title)
