"""Search input is data: parsing hostile text into terms, FTS5 strings, LIKE patterns and snippets."""

from __future__ import annotations

import pytest

from deliverydesk.domain.search import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    SNIPPET_CHARS,
    SnippetPart,
    index_pattern,
    like_pattern,
    parse_query,
    snippet,
)


def test_words_are_terms_and_a_quoted_part_is_one_term() -> None:
    query = parse_query('  现场培训  "data migration"\tQA ')
    assert query.terms == ("现场培训", "data migration", "QA")
    assert not query.truncated


def test_an_unclosed_quote_takes_the_rest_and_empty_quotes_are_nothing() -> None:
    assert parse_query('合同 "签字 确认').terms == ("合同", "签字 确认")
    assert parse_query('"" "   "').is_empty
    assert parse_query(" \n\t ").is_empty


def test_duplicates_are_dropped_ignoring_case() -> None:
    assert parse_query("Report report REPORT 报表 报表").terms == ("Report", "报表")


def test_short_terms_are_checked_and_longer_ones_use_the_index() -> None:
    query = parse_query("合同 现场培训 QA 😀 abc 100%_done a%b_c")
    assert query.indexed_terms == ("现场培训", "abc", "100%_done")
    assert query.checked_terms == ("合同", "QA", "😀", "100%_done", "a%b_c")  # wildcards: checked exactly


@pytest.mark.parametrize(
    "text",
    [
        'report "*" AND (x',
        "NOT OR AND NEAR(a b, 3)",
        "col:value ^start -minus +plus * ( )",
        "'; DROP TABLE log_entry; --",
        "<b>bold</b> &amp; \u202eRTL\u202c",
        "😀👍🏽 🇨🇳",
    ],
)
def test_operators_and_markup_stay_literal_terms(text: str) -> None:
    query = parse_query(text)
    assert " ".join(query.terms).replace('"', "") == " ".join(text.replace('"', " ").split())


def test_very_long_input_is_cut_and_says_so() -> None:
    query = parse_query("合" * 10_000)
    assert query.terms == ("合" * MAX_QUERY_CHARS,)
    assert query.truncated
    many = parse_query(" ".join(f"w{i:03d}" for i in range(50)))
    assert len(many.terms) == MAX_TERMS and many.truncated


def test_index_patterns_need_three_characters_between_wildcards() -> None:
    assert index_pattern("现场培训") == "%现场培训%"
    assert index_pattern('say "hi" AND (x*') == '%say "hi" AND (x*%'  # only % and _ are LIKE syntax
    assert index_pattern("100%_done") == "%100__done%"  # any character there; checked exactly later
    assert index_pattern("合同") is None
    assert index_pattern("ab%cd_ef") is None  # no run of three: the index cannot look it up


def test_like_patterns_escape_wildcards_and_the_escape_character() -> None:
    assert like_pattern("100%_done") == "%100\\%\\_done%"
    assert like_pattern("a\\b") == "%a\\\\b%"
    assert like_pattern("合同") == "%合同%"


def _shown(parts: tuple[SnippetPart, ...]) -> str:
    return "".join(f"[{p.text}]" if p.matched else p.text for p in parts)


def test_the_snippet_marks_every_match_ignoring_case() -> None:
    parts = snippet("Report export\nfails: 报表导出 report", ("REPORT", "导出"))
    assert _shown(parts) == "[Report] export fails: 报表[导出] [report]"


def test_the_snippet_is_a_window_around_the_first_match() -> None:
    body = "x" * 500 + " 合同签字 " + "y" * 500
    parts = snippet(body, ("合同",))
    shown = _shown(parts)
    assert shown.startswith("…") and shown.endswith("…")
    assert "[合同]签字" in shown
    assert len("".join(p.text for p in parts)) == SNIPPET_CHARS + 2  # the window and two ellipses


def test_regex_characters_in_terms_are_literal() -> None:
    assert _shown(snippet("cost (a+b)* = c.*", ("(a+b)*", ".*"))) == "cost [(a+b)*] = c[.*]"


def test_without_a_match_the_snippet_starts_at_the_beginning() -> None:
    assert _shown(snippet("short text", ("absent",))) == "short text"
    assert snippet("", ("x",)) == ()
