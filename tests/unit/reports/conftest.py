"""Shared helpers for the report tests: render each sample once per session, read PDFs with pypdf."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from pypdf import PdfReader

from deliverydesk.domain.enums import Language
from deliverydesk.reports.documents.data import ReportData
from deliverydesk.reports.render import render
from tests.samples import all_documents

DOCUMENTS = ("letter", "change", "summary", "handover")
LANGUAGES = (Language.EN, Language.ZH_CN)


@cache
def sample(name: str, language: Language) -> ReportData:
    return all_documents(language)[name]


@cache
def sample_pdf(name: str, language: Language) -> bytes:
    return render(sample(name, language))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squeeze(text: str) -> str:
    """Text without any whitespace, to compare across line and cell breaks."""
    return "".join(text.split())


def story_texts(flowables: Any, plain: bool = True) -> Iterator[str]:
    """Every string a story will print: Paragraph sources (markup), plain table cells (printed
    as they are; left out when ``plain`` is false), nested content."""
    if isinstance(flowables, str):
        if plain:
            yield flowables
    elif isinstance(flowables, list | tuple):
        for item in flowables:
            yield from story_texts(item, plain)
    elif hasattr(flowables, "_cellvalues"):
        yield from story_texts(flowables._cellvalues, plain)
    elif hasattr(flowables, "_content"):
        yield from story_texts(flowables._content, plain)
    elif hasattr(flowables, "text") and isinstance(flowables.text, str):
        yield flowables.text


@pytest.fixture(scope="session")
def rendered() -> Callable[[str, Language], bytes]:
    return sample_pdf
