"""The PDF export benchmark still measures (benchmarks/pdf_export.py) on a demo database, with one
repetition each.

No timing thresholds: only that each figure is positive and finite, that the floor draws exactly
the text of the app's PDF in the same embedded faces (bold text in bold), and that the summary
really has ~30 pages; the targets are judged by running the benchmark itself (see benchmarks/README.md)."""

from __future__ import annotations

import io
import math
import statistics
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks import pdf_export
from deliverydesk.domain.enums import Language
from deliverydesk.reports.render import render
from tests.unit.reports.conftest import page_texts, squeeze


def sane(seconds: float) -> bool:
    return math.isfinite(seconds) and 0 < seconds < 120


def assert_measured(comparison: pdf_export.Comparison) -> None:
    samples = (comparison.app, comparison.floor, comparison.app_cpu, comparison.floor_cpu)
    assert all(samples)
    assert all(sane(seconds) for seconds in [*comparison.app, *comparison.floor, *comparison.app_cpu])
    assert all(sane(seconds) for seconds in comparison.floor_cpu)
    for ratio in (comparison.ratio, comparison.cpu_ratio):
        assert math.isfinite(ratio) and ratio > 0


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pdf_export.demo_data_dir(tmp_path_factory.mktemp("pdf-bench"))


@pytest.mark.parametrize("language", list(Language))
def test_the_floor_prints_the_same_text_in_the_same_embedded_faces(language: Language) -> None:
    pdf = render(pdf_export.letter_data(language))

    marks = pdf_export.page_marks(pdf)
    floor = pdf_export.floor_pdf(pdf_export.page_runs(pdf), pdf_export.page_size(pdf), marks)

    assert [len(page.images) for page in PdfReader(io.BytesIO(floor)).pages] == [len(m.images) for m in marks]
    assert _same_counts(pdf_export.page_marks(floor), marks)
    assert sum(m.rectangles for m in marks) > 100, "the QR code's modules, table rules and backgrounds"
    assert squeeze("".join(page_texts(floor))) == squeeze("".join(page_texts(pdf)))
    reader = PdfReader(io.BytesIO(floor))
    assert len(reader.pages) == len(PdfReader(io.BytesIO(pdf)).pages)
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
        assert "NotoSansSC" in font["/BaseFont"]
    assert _embedded_faces(floor) == _embedded_faces(pdf)
    assert any(font["/BaseFont"].endswith("NotoSansSC-Bold") for font in fonts)


def _embedded_faces(pdf: bytes) -> list[set[str]]:
    """Each page's embedded font subsets (``AAAAAA+NotoSansSC-Bold``...)."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [
        {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
        for page in pages
    ]


def test_the_letter_is_measured_against_its_floor() -> None:
    comparison = pdf_export.measure_render("letter", pdf_export.letter_data(Language.EN), repeat=1)

    assert_measured(comparison)
    assert comparison.pages >= 1


def test_the_summary_has_about_thirty_pages_and_is_measured() -> None:
    comparison = pdf_export.measure_summary(Language.ZH_CN, repeat=1)

    assert_measured(comparison)
    assert comparison.pages in pdf_export.SUMMARY_PAGES


def test_the_service_path_exports_from_the_demo_database(demo_dir: Path) -> None:
    comparison = pdf_export.measure_service_letter(demo_dir, Language.EN, repeat=1)

    assert_measured(comparison)
    assert (demo_dir / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_cold_and_warm_renders_are_measured_in_fresh_processes() -> None:
    cold = pdf_export.measure_cold(Language.EN, repeat=1)

    assert set(cold) == {"app", "floor"}
    for figures in cold.values():
        assert set(figures) == {"import", "first", "second"}
        assert all(sane(seconds) for seconds in figures.values())


def test_the_command_line_is_measured_as_a_whole_process(demo_dir: Path) -> None:
    runs = pdf_export.measure_cli(demo_dir, repeat=1)
    offenders = pdf_export.import_offenders(demo_dir, top=50)

    assert set(runs) == set(pdf_export.cli_commands(demo_dir, demo_dir / "x.pdf"))
    assert all(sane(statistics.median(samples)) for samples in runs.values())
    assert (demo_dir / "cli-letter.pdf").read_bytes().startswith(b"%PDF")
    assert len(offenders) >= 5 and all(milliseconds > 0 for _package, milliseconds in offenders)
    assert {"deliverydesk", "reportlab"} <= set(dict(offenders))


def _same_counts(drawn: list[pdf_export.Marks], counted: list[pdf_export.Marks]) -> bool:
    """The floor draws as many segments, rectangles and images as it counted (images compare by size)."""
    return [(m.segments, m.rectangles, [i.size for i in m.images]) for m in drawn] == [
        (m.segments, m.rectangles, [i.size for i in m.images]) for m in counted
    ]


def test_the_export_is_not_judged_without_libreoffice(demo_dir: Path) -> None:
    runs = pdf_export.measure_cli(demo_dir, repeat=1, office=None)
    assert pdf_export.LIBREOFFICE not in runs and pdf_export.export_ratio(runs) is None
    html = pdf_export.letter_html([["a < b & <script>", "第一页"], ["page two"]])
    assert "a &lt; b &amp; &lt;script&gt;" in html and "第一页" in html and "page-break-before" in html


def test_the_export_is_judged_against_libreoffice_converting_the_letter_cold(demo_dir: Path) -> None:
    office = pdf_export.libreoffice()
    if office is None:
        pytest.skip("LibreOffice is not installed (as in CI): the export's floor is not judged")
    runs = pdf_export.measure_cli(demo_dir, repeat=1, office=office)
    assert sane(statistics.median(runs[pdf_export.LIBREOFFICE]))
    ratio = pdf_export.export_ratio(runs)
    assert ratio is not None and ratio > 0
    assert (demo_dir / "libreoffice" / "pdf" / "letter.pdf").read_bytes().startswith(b"%PDF")
