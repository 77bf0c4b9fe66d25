"""The Documents page's data: the letters table model and what one load brings (worker side)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from deliverydesk.domain.enums import Decision, LetterKind, LetterStatus
from deliverydesk.domain.models import ChangeRequestItem, ContactItem, LetterItem
from deliverydesk.gui.formatting import format_date, format_datetime
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.project.table import GOOD_COLOUR, WARN_COLOUR, RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.cadence import SummarySchedule, summary_schedule
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.scope_guard.change_requests import list_change_requests

UNDECIDED = (Decision.PENDING, Decision.PENDING_APPROVAL)
STATUS_COLOURS = {LetterStatus.SIGNED: GOOD_COLOUR, LetterStatus.ISSUED: WARN_COLOUR}


class LetterModel(RecordTableModel[LetterItem]):
    def headers(self) -> list[str]:
        return [
            self.tr("Document"),
            self.tr("Reference"),
            self.tr("Version"),
            self.tr("Status"),
            self.tr("Fingerprint"),
            self.tr("Issued"),
            self.tr("Signed"),
        ]

    def text(self, item: LetterItem, column: int) -> str:
        event = item.client_signature or item.refusal  # the signature, or the refusal standing
        signed = ""
        if event is not None:  # who first: what a narrow column cuts is the method, not the name
            signed = f"{event.signer_name} · {format_date(event.signed_on)} · {label(event.method)}"
        values = (
            kind_label(item.kind),
            item.ref,
            str(item.version),
            label(item.status),
            item.fingerprint[:12],
            format_datetime(item.issued_at),
            signed,
        )
        return values[column]

    def colour(self, item: LetterItem, column: int) -> Any:
        return STATUS_COLOURS.get(item.status) if column == 3 else None

    def tip(self, item: LetterItem, column: int) -> str | None:
        if column == 4:
            return item.fingerprint
        event = item.client_signature or item.refusal
        if column != 6 or event is None:  # the other columns' tip is their text
            return None
        recorded = self.tr("Recorded %1 by %2").replace("%1", format_datetime(event.recorded_at))
        recorded = recorded.replace("%2", event.recorded_by or "?")
        # the column's own text first: a narrow window elides the method
        return "\n".join(part for part in (self.text(item, column), event.note, recorded) if part)


def kind_label(kind: LetterKind) -> str:
    return {
        LetterKind.EXPECTATION_CONFIRMATION: QCoreApplication.translate("LetterModel", "Expectation letter"),
        LetterKind.CHANGE_DECISION: QCoreApplication.translate("LetterModel", "Change decision"),
        LetterKind.PROGRESS_SUMMARY: QCoreApplication.translate("LetterModel", "Progress summary"),
        LetterKind.HANDOVER: QCoreApplication.translate("LetterModel", "Handover report"),
    }[kind]


@dataclass(frozen=True)
class DocumentsData:
    letters: tuple[LetterItem, ...]
    expectation_letter_outdated: bool
    schedule: SummarySchedule
    decided: tuple[ChangeRequestItem, ...]
    contacts: tuple[ContactItem, ...]


def load_documents(ctx: ServiceContext, project_id: str) -> DocumentsData:
    requests = list_change_requests(ctx, project_id, limit=1000).rows
    return DocumentsData(
        letters=letters.list_letters(ctx, project_id),
        expectation_letter_outdated=letters.expectation_letter_outdated(ctx, project_id),
        schedule=summary_schedule(ctx, project_id),
        decided=tuple(r for r in requests if r.decision not in UNDECIDED and not r.archived),
        contacts=list_contacts(ctx, get_project(ctx, project_id).client_id).rows,
    )
