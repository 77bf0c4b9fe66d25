"""What a new project takes from its client: the document language and the holiday calendar.

A German client's letters default to English, not to the engineer's own default; a contact who signs
and reads Chinese makes them Chinese. The order: the language the client's contacts read (those who
may sign first), else the client's country, else the engineer's default from Settings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from deliverydesk.domain.enums import Language
from deliverydesk.domain.workdays import is_supported_calendar

CHINESE_LANGUAGE_COUNTRIES = frozenset({"CN"})  # the documents' Chinese is Simplified Chinese
COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def contacts_language(contacts: Iterable[tuple[Language | None, bool]]) -> Language | None:
    """The language (language, may sign) contacts read: the signers' most common, else everyone's."""
    known = [(language, signs) for language, signs in contacts if language is not None]
    for group in ([lang for lang, signs in known if signs], [lang for lang, _signs in known]):
        if group:
            counts = Counter(group)
            return max(counts, key=lambda lang: (counts[lang], lang is Language.EN))
    return None


def document_language_for(country: str, contact_language: Language | None, default: Language) -> Language:
    if contact_language is not None:
        return contact_language
    if country:
        return Language.ZH_CN if country.upper() in CHINESE_LANGUAGE_COUNTRIES else Language.EN
    return default


def holiday_calendar_for(country: str, default: str) -> str:
    """The client's country's public holidays when a calendar is published for it, else the default."""
    code = country.upper()
    return code if code and is_supported_calendar(code) else default
