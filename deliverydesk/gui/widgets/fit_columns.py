"""Text columns fitted to their widest cell by measuring only the likely widest cells.

``resizeColumnToContents`` asks the delegate for the size of every cell of the column, and each ask
calls the Python model's ``data`` for a dozen roles: Today's 200 items and three columns took about
90 ms of the GUI thread on the large database, between its rows arriving and their being painted.
For a column whose cells are plain text in one font (no icon, no font of their own, no indentation:
not a tree's first column), the widest cell is one of the widest texts: each distinct text is measured
with the view's font metrics (one ``data`` call per cell), and the delegate is asked only for the few
widest, which absorbs the metrics' rounding. The widths are those ``resizeColumnToContents`` gives
(``tests/gui/test_fit_columns.py`` compares them)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QTreeView

CANDIDATES = 4  # the widest texts whose cells the delegate measures


def fit_text_columns(view: QTreeView, columns: Iterable[int]) -> None:
    model = view.model()
    if model is None:
        return
    metrics, header = view.fontMetrics(), view.header()
    rows = list(_visible_rows(view, model, QModelIndex()))
    for column in columns:
        cells: dict[str, QModelIndex] = {}  # one cell per text: dates and projects repeat
        for row, parent in rows:
            cell = model.index(row, column, parent)
            cells.setdefault(_text(cell), cell)
        widest = heapq.nlargest(CANDIDATES, cells, key=metrics.horizontalAdvance)
        contents = max((view.sizeHintForIndex(cells[text]).width() for text in widest), default=0)
        shown = 0 if header.isHidden() else header.sectionSizeHint(column)
        header.resizeSection(column, max(contents, shown))


def _visible_rows(
    view: QTreeView, model: QAbstractItemModel, parent: QModelIndex
) -> Iterator[tuple[int, QModelIndex]]:
    for row in range(model.rowCount(parent)):
        yield row, parent
        child = model.index(row, 0, parent)
        if model.hasChildren(child) and view.isExpanded(child):
            yield from _visible_rows(view, model, child)


def _text(cell: QModelIndex) -> str:
    value = cell.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)
