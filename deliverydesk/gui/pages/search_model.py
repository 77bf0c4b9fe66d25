"""The search results: a table fed pages of hits, and a delegate that shows the match in bold.

The found text is user data: it is HTML-escaped before the matched parts are wrapped in <b>, so a
record containing markup shows that markup literally."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from deliverydesk.domain.search import SearchHit, SearchKind, SnippetPart
from deliverydesk.gui.formatting import format_date, format_datetime
from deliverydesk.gui.models.fed import FedTableModel
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_EXPECTATIONS, AREA_ISSUES, AREA_LOG

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 2
KIND, PROJECT, REF, TITLE, WHEN, FOUND = range(6)
AREAS = {
    SearchKind.LOG_ENTRY: AREA_LOG,
    SearchKind.CHANGE_REQUEST: AREA_CHANGE_REQUESTS,
    SearchKind.EXPECTATION: AREA_EXPECTATIONS,
    SearchKind.ISSUE: AREA_ISSUES,
}
Index = QModelIndex | QPersistentModelIndex


def snippet_text(parts: tuple[SnippetPart, ...]) -> str:
    return "".join(part.text for part in parts)


def snippet_html(parts: tuple[SnippetPart, ...]) -> str:
    """The snippet as rich text: every part escaped, matches in bold."""
    return "".join(f"<b>{html.escape(p.text)}</b>" if p.matched else html.escape(p.text) for p in parts)


class SearchResultsModel(FedTableModel[SearchHit]):
    def headers(self) -> list[str]:
        return [
            self.tr("Kind"),
            self.tr("Project"),
            self.tr("Ref"),
            self.tr("Title"),
            self.tr("When"),
            self.tr("Found text"),
        ]

    def kind_label(self, hit: SearchHit) -> str:
        names = {
            SearchKind.LOG_ENTRY: self.tr("Log entry"),
            SearchKind.CHANGE_REQUEST: self.tr("Change request"),
            SearchKind.EXPECTATION: self.tr("Expectation"),
            SearchKind.ISSUE: self.tr("Issue"),
        }
        name = names[hit.kind]
        if hit.is_correction:
            name = self.tr("%1 (correction)").replace("%1", name)
        elif hit.corrected:
            name = self.tr("%1 (corrected later)").replace("%1", name)
        return self.tr("%1, archived").replace("%1", name) if hit.archived else name

    def cell(self, item: SearchHit, column: int, role: int) -> Any:
        if role == HIT_ROLE:
            return item
        if role == SNIPPET_HTML_ROLE and column == FOUND:
            return snippet_html(item.snippet)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.title if column == TITLE else snippet_text(item.snippet) if column == FOUND else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(item, column)

    def _text(self, item: SearchHit, column: int) -> str:
        if column == KIND:
            return self.kind_label(item)
        if column == WHEN:
            when = item.when
            return format_datetime(when) if hasattr(when, "hour") else format_date(when)  # type: ignore[arg-type]
        if column == FOUND:
            return snippet_text(item.snippet)
        return {PROJECT: item.project_code, REF: item.ref, TITLE: item.title}.get(column, "")


def elided_parts(parts: tuple[SnippetPart, ...], width: int, font: QFont) -> tuple[SnippetPart, ...]:
    """The snippet cut to ``width`` pixels, ending in "…" when it was cut; matches stay marked (and
    are measured bold, as they are painted)."""
    bold = QFont(font)
    bold.setBold(True)
    plain_metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)

    def advance(part: SnippetPart, text: str) -> int:
        return (bold_metrics if part.matched else plain_metrics).horizontalAdvance(text)

    if sum(advance(part, part.text) for part in parts) <= width:
        return parts
    room = width - plain_metrics.horizontalAdvance("…")
    kept: list[SnippetPart] = []
    for part in parts:
        length = _longest_fitting(len(part.text), partial(_prefix_width, advance, part), room)
        if length:
            kept.append(SnippetPart(part.text[:length], part.matched))
            room -= advance(part, part.text[:length])
        if length < len(part.text):
            break
    return (*kept, SnippetPart("…", False))


def _prefix_width(advance: Callable[[SnippetPart, str], int], part: SnippetPart, length: int) -> int:
    return advance(part, part.text[:length])


def _longest_fitting(length: int, width_of: Callable[[int], int], room: int) -> int:
    """The longest prefix length whose width fits ``room``: a bisection, since a prefix is never
    narrower than a shorter one (measuring one character less at a time cost a long snippet hundreds
    of measurements per painted row)."""
    low, high = 0, length
    while low < high:
        middle = (low + high + 1) // 2
        if width_of(middle) <= room:
            low = middle
        else:
            high = middle - 1
    return low


class SnippetDelegate(QStyledItemDelegate):
    """Paints the snippet (escaped, matches bold) on one line, elided with "…" to the column's width
    like every other cell (the tooltip has all of it)."""

    MARGIN = 2

    def _document(
        self, option: QStyleOptionViewItem, index: Index, width: int | None = None
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(self.MARGIN)
        hit = index.data(HIT_ROLE)
        if width is None or not isinstance(hit, SearchHit):
            document.setHtml(str(index.data(SNIPPET_HTML_ROLE) or ""))
        else:
            room = width - 2 * self.MARGIN - 4  # the layout's own padding at the end of the line
            document.setHtml(snippet_html(elided_parts(hit.snippet, room, option.font)))  # type: ignore[attr-defined]
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""  # type: ignore[attr-defined]
        widget: QWidget | None = options.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)
        rect = options.rect  # type: ignore[attr-defined]
        document = self._document(option, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        top = rect.top() + max(0, (rect.height() - int(document.size().height())) // 2)
        painter.translate(rect.left(), top)
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))
