"""``render(data) -> bytes``: any client document as a PDF (same data, same bytes); a signed letter's
with its completion certificate (``render(data, certificate)``).

The document's data class names the module of ``reports.documents`` that prints it (``REPORT``); the
module has ``build_story(data)`` and its ``TITLE`` (English, translated when printed), and is imported
only when one is printed."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from deliverydesk.i18n import translator
from deliverydesk.reports.certificate import certificate_story
from deliverydesk.reports.documents.data import CertificateData, ReportData
from deliverydesk.reports.page import Marking, build_pdf
from deliverydesk.reports.styles import make_kit

StoryBuilder = Callable[[Any], list[Any]]


def _builder(data: ReportData) -> tuple[StoryBuilder, str]:
    """The story builder and title phrase of the document ``data`` describes (imported on demand)."""
    name = getattr(type(data), "REPORT", None)
    if not isinstance(name, str):
        raise TypeError(f"not a document: {type(data).__name__}")
    module = import_module(f"deliverydesk.reports.documents.{name}")
    return module.build_story, module.TITLE


def render(data: ReportData, certificate: CertificateData | None = None) -> bytes:
    """The document as a PDF; one not issued (no fingerprint) says DRAFT across every page; a
    signed one ends with its completion ``certificate``."""
    build_story, title = _builder(data)
    t = translator(data.meta.language)
    marking = Marking() if data.meta.fingerprint else Marking(watermark=t.pgettext("watermark", "DRAFT"))
    story = build_story(data)
    if certificate is not None:
        story += certificate_story(make_kit(data.meta.language, data.meta.paper), certificate)
    return build_pdf(story, data.meta, t(title), marking)
