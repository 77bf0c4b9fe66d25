"""Long details are cut into rows that fit on a page: nothing is lost, lines are kept whole where
they can be, and a line without spaces is still cut."""

from __future__ import annotations

from deliverydesk.reports.evidence.sections import text_chunks


def test_short_text_is_one_piece_with_its_line_breaks() -> None:
    assert text_chunks("line 1\nline 2\n\nline 4") == ["line 1\nline 2\n\nline 4"]
    assert text_chunks("") == [""]


def test_long_text_is_cut_at_line_ends_then_spaces_and_loses_nothing() -> None:
    words = " ".join(f"word{n:05d}" for n in range(400))
    text = "\n".join(["first line", words, "short", "中文" * 500])
    pieces = text_chunks(text, limit=300)
    assert all(len(piece) <= 300 for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())  # every character, in order
    assert pieces[0] == "first line"  # the long line starts a piece of its own
    assert all(piece.endswith(tuple("0123456789")) for piece in pieces[1:5])  # cut between words
    assert "中文" * 150 in pieces  # no space at all: cut at the limit
