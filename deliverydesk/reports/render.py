"""``render(data) -> bytes``: any client document as a PDF (same data, same bytes).

The document's data class names the module of ``reports.documents`` that prints it (``REPORT``); the
module has ``build_story(data)`` and its ``TITLE`` (English, translated when printed), and is imported
only when one is printed."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from deliverydesk.i18n import translator
from deliverydesk.reports.documents.data import ReportData
from deliverydesk.reports.page import build_pdf

StoryBuilder = Callable[[Any], list[Any]]


def _builder(data: ReportData) -> tuple[StoryBuilder, str]:
    """The story builder and title phrase of the document ``data`` describes (imported on demand)."""
    name = getattr(type(data), "REPORT", None)
    if not isinstance(name, str):
        raise TypeError(f"not a document: {type(data).__name__}")
    module = import_module(f"deliverydesk.reports.documents.{name}")
    return module.build_story, module.TITLE


def render(data: ReportData) -> bytes:
    """The document as a PDF; one not issued (no fingerprint) says DRAFT across every page."""
    build_story, title = _builder(data)
    t = translator(data.meta.language)
    watermark = "" if data.meta.fingerprint else t.pgettext("watermark", "DRAFT")
    return build_pdf(build_story(data), data.meta, t(title), watermark)
