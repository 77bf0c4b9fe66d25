"""reportlab's URL pattern compiles when first used, not when Platypus is imported; it matches the same."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from deliverydesk.reports.deferred_pattern import URI_PATTERN_START, DeferredPattern, _deferring

FRESH_IMPORT = """
import json, re, sys
import deliverydesk.reports.render  # imports Platypus, as an export does
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph
from deliverydesk.reports.deferred_pattern import _Hook

deferred = paragraph.uri_pat
found = {
    "type": type(deferred).__name__,
    "compiled_on_import": getattr(deferred, "compiled", True) is not None,
    "re_compile_restored": re.compile.__module__ == "re" and re.compile.__name__ == "compile",
    "hook_left": any(isinstance(finder, _Hook) for finder in sys.meta_path),
}
style = ParagraphStyle("url", fontName="Helvetica", fontSize=10, leading=12, uriWasteReduce=0.3)
url = "see https://example.com/a-rather/long/path/to/some/document/on/the/server/index.html?q=1 now"

def lines():
    text = paragraph.Paragraph(url, style)
    text.wrap(90, 1000)
    return [" ".join(str(word) for word in line[1]) for line in text.blPara.lines]

found["lines"] = lines()
found["compiled_on_use"] = deferred.compiled is not None
paragraph.uri_pat = re.compile(deferred.pattern, deferred.flags)
found["lines_compiled"] = lines()
print(json.dumps(found))
"""


def test_platypus_imported_through_the_reports_defers_only_the_url_pattern() -> None:
    done = subprocess.run([sys.executable, "-c", FRESH_IMPORT], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    assert found["type"] == "DeferredPattern"  # reportlab changed uri_pat: update URI_PATTERN_START
    assert found["compiled_on_import"] is False
    assert found["re_compile_restored"] is True
    assert found["hook_left"] is False
    assert found["compiled_on_use"] is True  # a URL that hyphenates uses it
    assert len(found["lines"]) > 1
    assert found["lines"] == found["lines_compiled"]


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/a/b?x=1",
        "HTTP://EXAMPLE.COM",
        "ftp://user:pw@10.0.0.1:21/x",
        "例子.中国/路径",
        "no url",
        "",
    ],
)
def test_a_deferred_pattern_matches_as_the_compiled_one(text: str) -> None:
    from reportlab.platypus import paragraph

    source, flags = paragraph.uri_pat.pattern, paragraph.uri_pat.flags
    assert source.startswith(URI_PATTERN_START)
    compiled = re.compile(source, flags)
    deferred = DeferredPattern(source, flags, re.compile)
    expected, found = compiled.match(text), deferred.match(text)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    assert (deferred.pattern, deferred.flags) == (compiled.pattern, compiled.flags)


def test_other_patterns_compile_at_once() -> None:
    deferring = _deferring(re.compile)
    assert isinstance(deferring("[a-z]+://", re.I), re.Pattern)
    assert isinstance(deferring(URI_PATTERN_START + "x", re.I), DeferredPattern)
