"""The fonts' parsed metrics kept between processes (``reports.font_cache``): a face made from the cache
is the face reportlab makes, a damaged or unwritable cache only costs the parse, and a document is
byte for byte the same with a cold or a warm cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from deliverydesk.paths import CACHE_DIR_ENV
from deliverydesk.reports import font_cache
from deliverydesk.reports.fonts import FONT_FILES, REGULAR, SYMBOLS_BOLD

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    return folder


def _same_face(ours: Any, theirs: Any) -> None:
    for name in font_cache.DEFERRED:  # rebuilt when first read: read them
        getattr(ours, name)
    mine, reportlabs = dict(vars(ours)), dict(vars(theirs))
    assert mine.keys() == reportlabs.keys()
    scale, their_scale = mine.pop("_pdfScale"), reportlabs.pop("_pdfScale")
    assert [scale(v) for v in (0, 1, 733, -120, 2048)] == [their_scale(v) for v in (0, 1, 733, -120, 2048)]
    assert mine == reportlabs
    for name in ("name", "familyName", "styleName", "fullName", "uniqueFontID"):
        assert type(mine[name]) is type(reportlabs[name]) and mine[name].ustr == reportlabs[name].ustr


def _same_font(ours: Any, theirs: Any) -> None:
    mine, reportlabs = dict(vars(ours)), dict(vars(theirs))
    assert mine.keys() == reportlabs.keys()
    for key in ("fontName", "_asciiReadable", "_shapable"):
        assert mine.get(key) == reportlabs.get(key), key
    assert type(ours.encoding) is type(theirs.encoding) and len(ours.state) == len(theirs.state) == 0
    _same_face(ours.face, theirs.face)


@pytest.mark.parametrize("name", [REGULAR, SYMBOLS_BOLD])
def test_a_face_from_the_cache_is_the_face_reportlab_makes(cache: Path, name: str) -> None:
    path = FONT_FILES[name]
    theirs = TTFont(name, str(path))
    parsed = font_cache.load_face(name, path.read_bytes(), str(path))  # parsed, then kept
    entries = list((cache / "fonts").iterdir())
    assert len(entries) == 1
    from_cache = font_cache.load_face(name, path.read_bytes(), str(path))
    _same_font(parsed, theirs)
    _same_font(from_cache, theirs)


def test_the_deferred_tables_are_rebuilt_when_first_read(cache: Path) -> None:
    path = FONT_FILES[REGULAR]
    font_cache.load_face(REGULAR, path.read_bytes(), str(path))
    face = font_cache.load_face(REGULAR, path.read_bytes(), str(path)).face
    theirs = TTFont(REGULAR, str(path)).face
    assert font_cache.DEFERRED == ("glyphToChar",)
    assert "glyphToChar" not in vars(face) and "deferred" in vars(face)
    assert face.glyphToChar == theirs.glyphToChar
    assert "glyphToChar" in vars(face) and "deferred" not in vars(face)
    with pytest.raises(AttributeError):
        face.no_such_table  # noqa: B018


def test_a_damaged_entry_is_parsed_again_and_rewritten(cache: Path) -> None:
    path = FONT_FILES[SYMBOLS_BOLD]
    font_cache.load_face(SYMBOLS_BOLD, path.read_bytes(), str(path))
    (entry,) = (cache / "fonts").iterdir()
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2])
    _same_font(
        font_cache.load_face(SYMBOLS_BOLD, path.read_bytes(), str(path)), TTFont(SYMBOLS_BOLD, str(path))
    )
    assert entry.read_bytes() == good


def test_writing_an_entry_removes_the_same_fonts_outdated_entries_for_this_python(cache: Path) -> None:
    """An upgrade of reportlab or of the entry's format leaves the old entries unread: they are removed
    when the new one is written; another Python's entries and other fonts' entries stay."""
    path = FONT_FILES[SYMBOLS_BOLD]
    data = path.read_bytes()
    key = font_cache.entry_key(data)
    digest, python = key.split("-")[0], key.split("-py")[1].split("-")[0]
    folder = cache / "fonts"
    folder.mkdir(parents=True)
    outdated = [
        folder / f"{digest}-rl4.0.0-py{python}-f2.marshal",
        folder / f"{digest}-rl5.1-py{python}-f1.marshal",
    ]
    kept = [
        folder / f"{digest}-rl4.0.0-py{python}9-f1.marshal",
        folder / f"{'0' * 64}-rl4.0.0-py{python}-f1.marshal",
    ]
    for stale in (*outdated, *kept):
        stale.write_bytes(b"old")
    font_cache.load_face(SYMBOLS_BOLD, data, str(path))
    assert sorted(folder.iterdir()) == sorted([*kept, font_cache.entry_path(key)])


def test_another_file_is_another_entry(cache: Path) -> None:
    path = FONT_FILES[SYMBOLS_BOLD]
    data = path.read_bytes()
    assert font_cache.entry_key(data) != font_cache.entry_key(data + b"\0")


def test_a_cache_folder_that_cannot_be_written_only_costs_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker))
    path = FONT_FILES[SYMBOLS_BOLD]
    _same_font(
        font_cache.load_face(SYMBOLS_BOLD, path.read_bytes(), str(path)), TTFont(SYMBOLS_BOLD, str(path))
    )


RENDER = (
    "import sys; from deliverydesk.domain.enums import Language;"
    " from deliverydesk.reports.render import render; from tests.samples import expectation_letter;"
    " sys.stdout.buffer.write(render(expectation_letter(Language(sys.argv[1]))))"
)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_document_is_the_same_with_a_cold_and_a_warm_cache(tmp_path: Path, language: str) -> None:
    env = {**os.environ, CACHE_DIR_ENV: str(tmp_path / "cache")}

    def render() -> bytes:
        command = [sys.executable, "-c", RENDER, language]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True).stdout

    cold = render()
    assert len(list((tmp_path / "cache" / "fonts").iterdir())) == len(FONT_FILES) - 1  # Extension B: unused
    warm = render()
    assert cold.startswith(b"%PDF") and warm == cold
