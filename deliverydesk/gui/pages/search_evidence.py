"""Evidence pack of these results…: the log entries a search found, as one evidence pack.

A pack covers one project. The entries are fetched again on the task runner (every hit up to the
search's cap, not only the rows the table has loaded); found in several projects, the user picks one
from a menu (largest first)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QPushButton

from deliverydesk.domain.search import SearchKind
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.documents.evidence import EvidenceDialog, open_evidence_dialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_message
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.evidence.pack import EvidenceTopic
from deliverydesk.services.search import MAX_MATCHES, search_records

if TYPE_CHECKING:
    from deliverydesk.gui.pages.search import SearchDialog


@dataclass(frozen=True)
class FoundEntries:
    """The log entries found in one project, newest written first as the search lists them."""

    project_id: str
    project_code: str
    entry_ids: tuple[str, ...]


def found_log_entries(
    ctx: ServiceContext, text: str, project_id: str | None, include_archived: bool
) -> list[FoundEntries]:
    """Every log entry matching ``text`` (up to the search's cap), grouped by project, most first."""
    groups: dict[str, tuple[str, list[str]]] = {}
    offset = 0
    while offset < MAX_MATCHES:
        page = search_records(
            ctx,
            text,
            project_id=project_id,
            kinds=[SearchKind.LOG_ENTRY],
            include_archived=include_archived,
            offset=offset,
            limit=MAX_MATCHES - offset,
        )
        for hit in page.rows:
            groups.setdefault(hit.project_id, (hit.project_code, []))[1].append(hit.record_id)
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            break
    found = [FoundEntries(pid, code, tuple(ids)) for pid, (code, ids) in groups.items()]
    return sorted(found, key=lambda group: (-len(group.entry_ids), group.project_code))


class SearchEvidence(QObject):
    """The button under the results and what it does; the owner calls ``update`` when the search,
    its scope or its kind filter change."""

    def __init__(self, dialog: SearchDialog, env: GuiEnv) -> None:
        super().__init__(dialog)
        self.search, self.env = dialog, env
        self.button = QPushButton(self.tr("Evidence pack of these results…"), dialog)
        self.button.setObjectName("searchEvidence")
        self.button.clicked.connect(self.start)
        self.menu: QMenu | None = None
        self.evidence_dialog: EvidenceDialog | None = None
        self.update(0)

    def update(self, total: int) -> None:
        """Enabled when the search found something that may include log entries; else says why."""
        kind = self.search.kind.currentData()
        if kind not in (None, SearchKind.LOG_ENTRY):
            reason = self.tr("Only log entries go into an evidence pack: set the kind to All kinds or Log.")
        elif total == 0:
            reason = self.tr("Search first: the pack holds the log entries found.")
        elif self._all_loaded_and_no_entry(total):
            reason = self.tr(
                "None of these results is a log entry: a pack of search results holds log entries."
            )
        else:
            reason = ""
        self.button.setEnabled(not reason)
        one_project = self.search.scope.currentData() is not None
        tip = self.tr("One PDF of the log entries found, with their corrections, letters and files.")
        if not one_project:
            tip += " " + self.tr("A pack covers one project: found in several, you choose which.")
        self.button.setToolTip(reason or tip)

    def _no_entry_text(self) -> str:
        return self.tr("None of these results is a log entry: a pack of search results holds log entries.")

    def _all_loaded_and_no_entry(self, total: int) -> bool:
        model = self.search.model
        rows = [model.row_item(row) for row in range(model.rowCount())]
        return len(rows) >= total and all(hit.kind is not SearchKind.LOG_ENTRY for hit in rows)

    def start(self) -> None:
        search = self.search
        ctx, text = self.env.ctx, search.query.text()
        project_id, archived = search.scope.currentData(), search.archived.isChecked()
        search.status.setText(self.tr("Collecting the log entries found…"))
        self.env.tasks.submit(
            lambda: found_log_entries(ctx, text, project_id, archived),
            lambda found: self._found(text, found),
            self._failed,
            key="search-evidence",
            owner=self,
        )

    def _found(self, text: str, found: list[FoundEntries]) -> None:
        self.search.status.setText("")
        if not found:
            self.search.status.setText(self._no_entry_text())
        elif len(found) == 1:
            self.open_pack(text, found[0])
        else:
            self._ask_project(text, found)

    def _ask_project(self, text: str, found: list[FoundEntries]) -> None:
        self.menu = QMenu(self.button)
        title = self.menu.addAction(self.tr("A pack covers one project. Which one?"))
        title.setEnabled(False)
        for group in found:
            entries = self.tr("%n log entry(s)", "", len(group.entry_ids))
            code = group.project_code.replace("&", "&&")  # not a shortcut mark
            action = self.menu.addAction(f"{code} · {entries}")
            action.triggered.connect(lambda _on=False, g=group: self.open_pack(text, g))
        self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def open_pack(self, text: str, group: FoundEntries) -> None:
        topic = EvidenceTopic(group.project_id, log_entry_ids=group.entry_ids, search_text=text)
        # The project code first: the dialog names the file after the topic's first word.
        count = self.tr("%n log entry(s)", "", len(group.entry_ids))
        parts = {"1": group.project_code, "2": text, "3": count}  # one pass: user text may hold "%3"
        shown = re.sub(r"%([123])", lambda m: parts[m.group(1)], self.tr('%1 · Search: "%2" (%3)'))
        self.evidence_dialog = open_evidence_dialog(self.search, self.env, group.project_id, topic, shown)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.search.status.setText(error_message(error))
