"""Realistic sample data for every document in English and Chinese.

Used by ``tools/render_samples.py`` (the PNGs in docs/samples), by the report tests and by
benchmarks.
"""

from __future__ import annotations

from deliverydesk.domain.enums import Language
from deliverydesk.reports.documents.data import ReportData
from tests.samples.common import AS_OF, FINGERPRINT, png_bytes
from tests.samples.delivery import handover_report, progress_summary
from tests.samples.letters import change_decision, expectation_letter


def all_documents(language: Language) -> dict[str, ReportData]:
    """One sample of each document, keyed by a short name (letter, change, summary, handover)."""
    return {
        "letter": expectation_letter(language),
        "change": change_decision(language),
        "summary": progress_summary(language, milestones=24, repeat=3),
        "handover": handover_report(language),
    }


__all__ = [
    "AS_OF",
    "FINGERPRINT",
    "all_documents",
    "change_decision",
    "expectation_letter",
    "handover_report",
    "png_bytes",
    "progress_summary",
]
