"""Search across the log, change requests, expectations and issues: what the user typed, as data.

The typed text is split into terms (whitespace separates them; a double-quoted part is one term,
spaces included) and every term must occur in a record, as a substring, ignoring case. Nothing the
user types is search syntax: quotes, ``*``, ``AND``/``OR``/``NOT``/``NEAR``, parentheses and ``-``
are characters to find. Matching is SQL ``LIKE`` (case-insensitive for ASCII letters): the trigram
index serves a term with a run of ``MIN_INDEXED_CHARS`` or more characters free of ``%`` and ``_``
(its LIKE support cannot take an ESCAPE clause, so a term holding them is looked up with them as
``_`` and then checked exactly); shorter terms (合同, "QA") are matched by a plain scan. Pure: no I/O.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

MIN_INDEXED_CHARS = 3  # the trigram index cannot find anything shorter
MAX_QUERY_CHARS = 500  # longer text is cut: no record body is searched for a whole essay
MAX_TERMS = 12
SNIPPET_CHARS = 120
SNIPPET_LEAD = 30  # characters shown before the first match
LIKE_ESCAPE = "\\"

_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WILDCARDS = re.compile("[%_]")
_SPACES = re.compile(r"\s+")
# Control characters (NUL, escape, ...; not tab and line breaks, which separate terms) are never what
# someone searches for: removed, so a lone NUL is no term at all rather than one every record
# "contains" (SQLite's LIKE stops at a NUL in its pattern). Direction marks stay: records hold them.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class SearchKind(enum.StrEnum):
    """The kinds of record searched; the values are their table names."""

    LOG_ENTRY = "log_entry"
    CHANGE_REQUEST = "change_request"
    EXPECTATION = "expectation"
    ISSUE = "issue"


@dataclass(frozen=True)
class SearchQuery:
    terms: tuple[str, ...]
    truncated: bool = False  # the text was cut at MAX_QUERY_CHARS or MAX_TERMS

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def indexed_terms(self) -> tuple[str, ...]:
        """The terms the trigram index can look up."""
        return tuple(t for t in self.terms if index_pattern(t) is not None)

    @property
    def checked_terms(self) -> tuple[str, ...]:
        """The terms an index lookup does not settle: to match exactly against the text."""
        return tuple(t for t in self.terms if index_pattern(t) is None or _WILDCARDS.search(t))


def parse_query(text: str) -> SearchQuery:
    """The terms of ``text``: whitespace-separated words and "quoted phrases", duplicates dropped."""
    text = _INVISIBLE.sub("", text)
    truncated = len(text) > MAX_QUERY_CHARS
    found: list[str] = []
    for match in _TERM.finditer(text[:MAX_QUERY_CHARS]):
        term = _SPACES.sub(" ", match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if term and term.casefold() not in (t.casefold() for t in found):
            found.append(term)
    truncated = truncated or len(found) > MAX_TERMS
    return SearchQuery(terms=tuple(found[:MAX_TERMS]), truncated=truncated)


def index_pattern(term: str) -> str | None:
    """A LIKE pattern (no ESCAPE) for the trigram index, or None when it cannot serve ``term``.

    ``%`` and ``_`` in the term become ``_`` (any one character): the lookup finds a superset, which
    ``like_pattern`` then narrows. The index needs a run of 3+ other characters to look up."""
    loose = _WILDCARDS.sub("_", term)
    if max(len(run) for run in loose.split("_")) < MIN_INDEXED_CHARS:
        return None
    return f"%{loose}%"


def like_pattern(term: str) -> str:
    """A LIKE pattern finding ``term`` anywhere; use with ``ESCAPE '\\'``."""
    escaped = term.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class SnippetPart:
    text: str
    matched: bool


def snippet(body: str, terms: tuple[str, ...], width: int = SNIPPET_CHARS) -> tuple[SnippetPart, ...]:
    """A window of ``body`` (whitespace collapsed) around the first match, matches marked.

    Starts at the text's beginning when nothing matches (a record found by its project code)."""
    flat = _SPACES.sub(" ", body).strip()
    pattern = _terms_pattern(terms)
    first = pattern.search(flat) if pattern is not None else None
    start = max(0, first.start() - SNIPPET_LEAD) if first is not None else 0
    window = flat[start : start + width]
    parts = _marked(window, pattern)
    if start > 0:
        parts.insert(0, SnippetPart("…", matched=False))
    if start + width < len(flat):
        parts.append(SnippetPart("…", matched=False))
    return tuple(parts)


@lru_cache(maxsize=32)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern per query (every hit's snippet uses it), longest terms first."""
    if not terms:
        return None
    longest_first = sorted(terms, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in longest_first), re.IGNORECASE)


def _marked(text: str, pattern: re.Pattern[str] | None) -> list[SnippetPart]:
    parts: list[SnippetPart] = []
    position = 0
    for match in pattern.finditer(text) if pattern is not None else ():
        if match.start() > position:
            parts.append(SnippetPart(text[position : match.start()], matched=False))
        parts.append(SnippetPart(match.group(), matched=True))
        position = match.end()
    if position < len(text):
        parts.append(SnippetPart(text[position:], matched=False))
    return parts


@dataclass(frozen=True)
class SearchHit:
    """One record found: where it is, what it is called, and the text around the match."""

    kind: SearchKind
    record_id: str
    project_id: str
    project_code: str
    ref: str  # CR-7, E-2, I-3; "" for log entries
    title: str  # the log entry's summary, the record's title or statement
    snippet: tuple[SnippetPart, ...]
    when: date | datetime | None  # the entry's time; the request's or report's date; else updated
    archived: bool = False
    is_correction: bool = False  # a log entry correcting an earlier one
    corrected: bool = False  # a log entry corrected by a later one
