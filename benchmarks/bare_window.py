"""The bare PySide6 window the app is compared with: raw ``sqlite3`` queries feeding plain Qt models.

Run as a module it is the start-up floor: open the file, query the first page of projects, show it in
a QTableView and report the first paint (``python -m benchmarks.bare_window DB``; see paint_probe).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from benchmarks import raw_sql
from benchmarks.paint_probe import PaintProbe, started_at

_ROOT = QModelIndex()
# The font the app bundles for Chinese (deliverydesk.gui.i18n.FONT_FILE)
CJK_FONT_FILE = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "NotoSansSC-Regular.ttf"


def add_cjk_fallback() -> None:
    """The app's bundled Chinese font as a fallback family, as the app adds it (``gui.i18n.load_cjk_font``,
    whose imports the floor does not take). Half of the generated data is Chinese: without a CJK
    system font (the benchmark machines have none) a floor without it drew empty boxes where the app
    draws the glyphs, with less work and less memory (the font's pages, ~4 MiB). Since 2026-12-06
    every floor window has it: the bare processes (start, peak memory) and the shared application of
    the in-process measures, where the app's side had no CJK font either."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"the bundled Chinese font did not load: {CJK_FONT_FILE}")
    font = QFont(QApplication.font())
    font.setFamilies([font.family(), families[0]])
    QApplication.setFont(font)


class BareModel(QAbstractTableModel):
    """Rows are tuples; column n shows ``str(row[n])``."""

    def __init__(self, columns: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.columns = columns

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[Any]) -> None:
        self.beginInsertRows(_ROOT, len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)


class BareBar(QWidget):
    """A bar filled to a share, painted with one rounded rectangle each: the floor of the app's meters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = 0.0
        self.setFixedHeight(14)

    def set_share(self, share: float) -> None:
        self.share = share
        self.update()

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e3e6ea"))
        painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
        painter.setBrush(QColor("#c62828"))
        painter.drawRoundedRect(QRectF(0, 0, self.width() * min(self.share, 1.0), self.height()), 4, 4)
        painter.end()


class BareWindow(QWidget):
    """Filter box and project list on the left, overview labels and the log table on the right."""

    def __init__(self, db_path: str) -> None:
        super().__init__()
        self.db = raw_sql.connect(db_path)
        self.filter_edit = QLineEdit(self)
        self.projects = BareModel(8, self)
        self.project_view = QTableView(self)
        self.project_view.setModel(self.projects)
        self.facts = [QLabel(self) for _ in range(6)]
        self.extra_labels: list[QLabel] = []  # see match()
        self.extra_tables: list[BareModel] = []
        self.bars: list[BareBar] = []
        self.log = BareModel(7, self)
        self.log_view = QTableView(self)
        self.log_view.setModel(self.log)
        self.log_total = 0
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        for label in self.facts:
            right_layout.addWidget(label)
        right_layout.addWidget(self.log_view, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.project_view, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1280, 800)
        self.filter_edit.textChanged.connect(self.show_projects)

    def show_projects(self, text: str = "") -> None:
        rows, _total = raw_sql.navigator_page(self.db, text)
        self.projects.set_rows(rows)

    def show_overview(self, project_id: str) -> None:
        self._show_facts(raw_sql.overview_facts(self.db, project_id))

    def _show_facts(self, facts: dict[str, Any]) -> None:
        project = facts["project"]
        self.facts[0].setText(f"{project[0]}  {project[1]}  ·  {project[-1]}")
        self.facts[1].setText(f"{facts['late_milestones']} late of {facts['milestones']} milestones")
        self.facts[2].setText(", ".join(f"{k}: {v}" for k, v in facts["expectations"].items()))
        self.facts[3].setText(", ".join(f"{k}: {v}" for k, v in facts["decisions"].items()))
        self.facts[4].setText(f"{facts['hours']:.1f} h asked")
        self.facts[5].setText(f"{facts['client'][0]}: {len(facts['contacts'])} contact(s)")

    def match(self, labels: int, tables: int, bars: int = 0) -> None:
        """Become a Qt floor for the project switch: as many labels, tables and painted bars as the
        app's workspace shows (``show_overview_like`` fills them), in a grid beside the six facts."""
        panel = QWidget(self)
        grid = QGridLayout(panel)
        self.extra_labels = [QLabel(panel) for _ in range(max(0, labels - len(self.facts)))]
        for n, label in enumerate(self.extra_labels):
            label.setWordWrap(True)  # as the app's values: a new text asks its layout for a new height
            grid.addWidget(label, n // 3, n % 3)
        self.bars = [BareBar(panel) for _ in range(bars)]
        for n, bar in enumerate(self.bars):
            grid.addWidget(bar, len(self.extra_labels) // 3 + 1 + n, 0, 1, 3)
        for n in range(tables):
            model = BareModel(4, panel)
            view = QTableView(panel)
            view.setModel(model)
            grid.addWidget(view, len(self.extra_labels) // 3 + 1 + bars + n, 0, 1, 3)
            self.extra_tables.append(model)
        parent = self.facts[0].parentWidget()
        assert parent is not None
        layout = parent.layout()
        assert layout is not None
        layout.addWidget(panel)

    def show_overview_like(self, project_id: str, row: int | None = None) -> None:
        """The switch's Qt floor: row ``row`` of the project list selected (as the user's click selects
        it in the app's navigator: the old and new rows repainted), then the same facts read by raw SQL
        (``raw_sql.overview_facts``, once) and spread over as many labels, bars and tables as the app
        shows; the contacts fill every table. Leaves out the app's formatting and translating of each
        value, its buttons (enabled and disabled on a switch) and its page and task machinery."""
        if row is not None:
            self.project_view.selectRow(row)
        facts = raw_sql.overview_facts(self.db, project_id)
        self._show_facts(facts)
        texts = [str(value) for value in facts["project"]]
        for n, label in enumerate(self.extra_labels):
            label.setText(texts[n % len(texts)])
        share = facts["late_milestones"] / facts["milestones"] if facts["milestones"] else 0.0
        for bar in self.bars:
            bar.set_share(share)
        contacts = [tuple(contact[:4]) for contact in facts["contacts"]]
        for model in self.extra_tables:
            model.set_rows(contacts)

    def show_log(self, project_id: str) -> None:
        rows, self.log_total = raw_sql.log_page(self.db, project_id, 0)
        self.log.set_rows(rows)

    def next_log_page(self, project_id: str) -> None:
        rows, self.log_total = raw_sql.log_page(self.db, project_id, len(self.log.rows))
        self.log.append_rows(rows)

    def close_db(self) -> None:
        self.db.close()


def main() -> int:
    app = QApplication(sys.argv[:1])
    add_cjk_fallback()
    window = BareWindow(sys.argv[1])
    window.show_projects()
    probe = PaintProbe(window, started_at())
    window.show()
    code = app.exec()
    probe.report_exit()
    window.close_db()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
