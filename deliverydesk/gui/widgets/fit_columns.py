"""Text columns fitted to their widest cell by measuring only the likely widest cells.

``resizeColumnToContents`` asks the delegate for the size of every cell of the column, and each ask
calls the Python model's ``data`` for a dozen roles: Today's 200 items and three columns took about
90 ms of the GUI thread on the large database, between its rows arriving and their being painted.
For a column whose cells are plain text in one font (no icon, no font of their own, no indentation:
not a tree's first column), the widest cell is one of the widest texts: each distinct text is measured
with the view's font metrics, and the delegate is asked only for the few widest, which absorbs the
metrics' rounding. A model that lists a column's texts itself (``ColumnTexts``, as Today's does)
spares an index and a ``data`` call through Qt per cell: Today's 600 cells took ~17 ms of the GUI
thread that way, ~4 ms listed. Any other model is read cell by cell. The widths are those
``resizeColumnToContents`` gives (``tests/gui/test_fit_columns.py`` compares them)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QTreeView

CANDIDATES = 4  # the widest texts whose cells the delegate measures


@runtime_checkable
class ColumnTexts(Protocol):
    def column_texts(self, column: int, parent: QModelIndex) -> Sequence[str]:
        """The display texts of the rows under ``parent`` in ``column``, in row order ("" for none)."""
        ...


def fit_text_columns(view: QTreeView, columns: Iterable[int]) -> None:
    model = view.model()
    if model is None:
        return
    metrics, header = view.fontMetrics(), view.header()
    parents = list(_shown_parents(view, model, QModelIndex()))
    for column in columns:
        cells: dict[str, tuple[int, QModelIndex]] = {}  # one cell per text: dates and projects repeat
        for parent in parents:
            for row, text in enumerate(_texts(model, column, parent)):
                cells.setdefault(text, (row, parent))
        widest = heapq.nlargest(CANDIDATES, cells, key=metrics.horizontalAdvance)
        sizes = (view.sizeHintForIndex(_cell(model, cells[text], column)).width() for text in widest)
        shown = 0 if header.isHidden() else header.sectionSizeHint(column)
        header.resizeSection(column, max(max(sizes, default=0), shown))


def _shown_parents(view: QTreeView, model: QAbstractItemModel, parent: QModelIndex) -> Iterator[QModelIndex]:
    """``parent`` and every expanded row under it that has rows: the parents of the rows shown.
    Expanded first: it is asked of the view, ``hasChildren`` of the Python model."""
    yield parent
    for row in range(model.rowCount(parent)):
        child = model.index(row, 0, parent)
        if view.isExpanded(child) and model.hasChildren(child):
            yield from _shown_parents(view, model, child)


def _texts(model: QAbstractItemModel, column: int, parent: QModelIndex) -> Sequence[str]:
    if isinstance(model, ColumnTexts):
        return model.column_texts(column, parent)
    return [_text(model.index(row, column, parent)) for row in range(model.rowCount(parent))]


def _cell(model: QAbstractItemModel, at: tuple[int, QModelIndex], column: int) -> QModelIndex:
    row, parent = at
    return model.index(row, column, parent)


def _text(cell: QModelIndex) -> str:
    value = cell.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)
