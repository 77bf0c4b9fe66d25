"""Which scope item or exclusion an ask is probably about: text similarity for Chinese and English.

Chinese has no spaces, so Han text is cut into overlapping character pairs (bigrams: 报表导出 ->
报表, 表导, 导出); Latin text into lower-case words with a crude plural "s" dropped. Two texts are
compared by the cosine of their token sets, so a short ask is not drowned by a long description; a
record's text is also compared sentence by sentence (and half by half of a bilingual "中文 / English"
line), so one matching sentence counts fully. An ask naming a ref outright ("like S-3") matches that
record fully. Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
WORD = re.compile(r"[^\W_]+", re.UNICODE)
SENTENCE_BREAK = re.compile(r"\s/\s|[。；;！？\n]|(?<=[.!?])\s")
REF = re.compile(r"\b([A-Z]{1,2}-\d+)\b", re.IGNORECASE)
_STOP = "a an and are as at be by can for from has have in into is it of on or our please the this to"
STOP_WORDS = frozenset(f"{_STOP} we with would you your need needs want wants add also like".split(" "))
MIN_SCORE = 0.15  # below this a "match" is mostly shared filler
DEFAULT_LIMIT = 5


def tokens(text: str) -> frozenset[str]:
    """Han bigrams (a lone Han character stands for itself) and Latin/digit words, lower-cased."""
    found: set[str] = set()
    for run in HAN_RUN.findall(text):
        found.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    for word in WORD.findall(HAN_RUN.sub(" ", text)):
        word = word.casefold()
        if word in STOP_WORDS:
            continue
        found.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(found)


def similarity(left: frozenset[str], right: frozenset[str]) -> float:
    """Cosine of two token sets: 1.0 identical, 0.0 nothing shared (or either empty)."""
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


def mentioned_refs(text: str) -> frozenset[str]:
    """Refs written in the text (``S-3``, ``x-1``), upper-cased."""
    return frozenset(m.upper() for m in REF.findall(text))


@dataclass(frozen=True)
class MatchCandidate:
    """A record an ask could belong to: its id, its ref and the texts that describe it."""

    key: str
    ref: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class TextMatch:
    key: str
    ref: str
    score: float  # 0..1


def segments(text: str) -> list[str]:
    """The text, and its sentences (or halves of a "中文 / English" line) when it has several."""
    parts = [p for p in SENTENCE_BREAK.split(text) if p.strip()]
    return [text, *parts] if len(parts) > 1 else [text]


def piece_tokens(texts: Sequence[str]) -> list[frozenset[str]]:
    """The tokens of the texts taken together and of each sentence of them (tokenize once, compare
    with several queries)."""
    return [tokens(piece) for piece in [" ".join(texts)] + [s for t in texts for s in segments(t)]]


def best_similarity(query: frozenset[str], texts: Sequence[str]) -> float:
    """The query's best cosine against the texts taken together or any one sentence of them, so one
    matching sentence of a long record counts fully."""
    return max(similarity(query, piece) for piece in piece_tokens(texts))


def _score(ask: frozenset[str], refs: frozenset[str], candidate: MatchCandidate) -> float:
    if candidate.ref.upper() in refs:
        return 1.0
    return best_similarity(ask, candidate.texts)


def rank_matches(
    ask: str,
    candidates: Iterable[MatchCandidate],
    *,
    limit: int = DEFAULT_LIMIT,
    min_score: float = MIN_SCORE,
) -> tuple[TextMatch, ...]:
    """The best ``limit`` candidates scoring at least ``min_score``, best first (ties by ref)."""
    ask_tokens, refs = tokens(ask), mentioned_refs(ask)
    scored = [TextMatch(c.key, c.ref, _score(ask_tokens, refs, c)) for c in candidates]
    kept = [m for m in scored if m.score >= min_score]
    return tuple(sorted(kept, key=lambda m: (-m.score, _ref_order(m.ref)))[:limit])


def _ref_order(ref: str) -> Sequence[object]:
    head, _, tail = ref.rpartition("-")
    return (head, int(tail)) if tail.isdigit() else (ref, 0)
