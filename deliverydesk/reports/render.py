"""``render(data) -> bytes``: any of the four documents as a PDF (same data, same bytes)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from deliverydesk.reports.documents.data import (
    ChangeDecisionData,
    ExpectationLetterData,
    HandoverReportData,
    ProgressSummaryData,
    ReportData,
)
from deliverydesk.reports.page import build_pdf
from deliverydesk.reports.phrases import Phrases

StoryBuilder = Callable[[Any], list[Any]]


_MODULES: dict[type[Any], str] = {
    ExpectationLetterData: "expectation_letter",
    ChangeDecisionData: "change_decision",
    ProgressSummaryData: "progress_summary",
    HandoverReportData: "handover_report",
}


def _builder(data: ReportData) -> tuple[StoryBuilder, str]:
    """The story builder and title phrase of the document ``data`` describes (imported on demand)."""
    name = _MODULES.get(type(data))
    if name is None:
        raise TypeError(f"not a document: {type(data).__name__}")
    module = import_module(f"deliverydesk.reports.documents.{name}")
    return module.build_story, module.TITLE_KEY


def render(data: ReportData) -> bytes:
    build_story, title_key = _builder(data)
    title = Phrases(data.meta.language)(title_key)
    return build_pdf(build_story(data), data.meta, title)
