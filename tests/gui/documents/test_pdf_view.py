"""The PDF preview widget (pages rendered by PDFium on the task runner) and its page renderer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter
from PySide6.QtTest import QTest

from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.widgets.pdf_pages import page_sizes, render_page, render_pages
from deliverydesk.gui.widgets.pdf_view import POINTS_TO_PIXELS, PdfView

A4_POINTS = QSizeF(595, 842)  # QPageSize's A4, rounded to whole points


def make_pdf(pages: int, size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> bytes:
    """``pages`` pages, each with a black band across its top fifth (ink to find in the images)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(size))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        width, height = painter.device().width(), painter.device().height()
        painter.fillRect(QRect(0, 0, width, height // 5), QColor("black"))
    painter.end()
    buffer.close()
    return bytes(data.data())


@pytest.fixture
def view(qtbot, tasks: TaskRunner) -> PdfView:
    widget = PdfView(tasks)
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.show()
    return widget


def show_pdf(qtbot, view: PdfView, pdf: bytes) -> None:
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        view.set_pdf(pdf)


def test_renderer_gives_every_page_at_the_asked_scale_with_ink_where_the_page_has_it() -> None:
    pdf = make_pdf(3)
    sizes = page_sizes(pdf)
    assert len(sizes) == 3 and abs(sizes[0].width() - A4_POINTS.width()) < 1
    rendered = render_pages(pdf, 0.5, pixel_ratio=2.0)
    image = rendered.images[2]
    assert len(rendered.images) == 3 and image.devicePixelRatio() == 2.0
    assert abs(image.width() - A4_POINTS.width()) <= 1  # 0.5 px per point, twice the pixels
    assert image.pixelColor(10, 10) == QColor("black") and image.pixelColor(
        10, image.height() - 10
    ) == QColor("white")


def test_printing_resolution_is_capped_for_huge_pages() -> None:
    page = render_page(make_pdf(2, QPageSize.PageSizeId.A0), 1, dpi=300)
    assert page.page_count == 2
    assert page.image.width() * page.image.height() <= 40_000_000  # A0 at 300 dpi would be 140 million


def test_concurrent_renders_of_different_documents_are_serialized_and_correct() -> None:
    documents = [make_pdf(2), make_pdf(3, QPageSize.PageSizeId.Letter)]
    expected = [render_pages(pdf, 0.4).images for pdf in documents]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: render_pages(documents[i % 2], 0.4).images, range(16)))
    assert all(images == expected[i % 2] for i, images in enumerate(results))


def test_view_fits_the_pages_to_its_width_and_names_the_page(qtbot, view: PdfView) -> None:
    show_pdf(qtbot, view, make_pdf(3))
    assert view.page_count() == 3 and view.fit_button.isChecked()
    page_width = view.pages[0].pixmap().deviceIndependentSize().width()
    assert abs(page_width - view._fit_width_pixels()) <= 1
    assert view.page_label.text() == "Page 1 of 3"
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        view.resize(800, 700)  # fit width again once the resize settles
    assert view.pages[0].pixmap().deviceIndependentSize().width() > page_width + 100


def test_zoom_steps_from_the_fitted_zoom_and_back_to_fit(qtbot, view: PdfView) -> None:
    show_pdf(qtbot, view, make_pdf(2))
    fitted = view.zoom_percent()
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        view.zoom_in()
    assert view.zoom is not None and view.zoom_percent() > fitted and not view.fit_button.isChecked()
    while view.zoom != 1.0:
        with qtbot.waitSignal(view.rendered, timeout=10_000):
            view.zoom_out() if view.zoom > 1.0 else view.zoom_in()
    assert view.zoom_label.text() == "100 %"
    width = view.pages[0].pixmap().deviceIndependentSize().width()
    assert abs(width - A4_POINTS.width() * POINTS_TO_PIXELS) <= 2  # printed size on a 96-dpi screen
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        view.fit_button.click()
    assert view.zoom is None and view.zoom_percent() == fitted


def test_page_keys_go_from_page_to_page(qtbot, view: PdfView) -> None:
    show_pdf(qtbot, view, make_pdf(4))
    view.pages_area.setFocus()
    QTest.keyClick(view.pages_area, Qt.Key.Key_PageDown)
    QTest.keyClick(view.pages_area, Qt.Key.Key_PageDown)
    assert view.current_page() == 2 and view.page_label.text() == "Page 3 of 4"
    QTest.keyClick(view.pages_area, Qt.Key.Key_PageUp)
    assert view.current_page() == 1
    for _ in range(5):
        QTest.keyClick(view.pages_area, Qt.Key.Key_PageDown)
    assert view.current_page() == 3  # stops at the last page


def test_a_new_document_replaces_the_pages_and_a_late_render_of_the_old_one_is_dropped(
    qtbot, view: PdfView
) -> None:
    show_pdf(qtbot, view, make_pdf(2))
    view.zoom_in()  # a render of the 2-page document is on its way...
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        view.set_pdf(make_pdf(5))  # ...and superseded before it arrives
    assert view.page_count() == 5
    qtbot.waitUntil(lambda: not view.tasks.is_busy, timeout=10_000)
    assert view.page_count() == 5
