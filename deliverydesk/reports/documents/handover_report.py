"""Handover report (交接报告): scope items and their acceptance, documents handed over, training,
risks and operating cautions, open items and deferred requests, and the acceptance signatures."""

from __future__ import annotations

from deliverydesk.domain.enums import RiskLevel, ScopeStatus
from deliverydesk.i18n import N_
from deliverydesk.reports.blocks import FIT, Flowable, data_table, para, section
from deliverydesk.reports.documents.data import HandoverReportData
from deliverydesk.reports.labels import label
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import GOOD, WARN, Kit, make_kit

TITLE = N_("Handover report")


def _scope(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    header = (t("Ref"), t("Deliverable"), t("Status"), t("Note"))
    rows = [(item.ref, item.title, label(t, item.status), item.note) for item in data.scope_items]
    accepted = [
        ("TEXTCOLOR", (2, row), (2, row), GOOD)
        for row, item in enumerate(data.scope_items, 1)
        if item.status is ScopeStatus.ACCEPTED
    ]
    table = data_table(kit, header, rows, (0.08, 0.42, 0.22, 0.28), accepted)
    return [section(kit, t("Scope and acceptance")), table]


def _documents_and_training(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    documents = [(d.title, d.identifier, d.handed_to, t.date(d.handed_on)) for d in data.documents]
    document_header = (
        t("Document"),
        t("Identifier"),
        t("Handed to"),
        t("Date"),
    )
    trainings = [
        (
            t.date(s.held_on),
            s.topic,
            t.join(s.attendees),
            t("Yes") if s.material_left else t("No"),
        )
        for s in data.trainings
    ]
    training_header = (
        t("Date"),
        t.pgettext("training", "Topic"),
        t("Attendees"),
        t("Written material left"),
    )
    return [
        section(kit, t("Documents handed over")),
        data_table(kit, document_header, documents, (0.5, 0.25, 0.25, FIT)),
        section(kit, t("Training")),
        data_table(kit, training_header, trainings, (FIT, 0.55, 0.45, FIT)),
    ]


def _risks(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    rows = [(label(t, risk.level), risk.text) for risk in data.risks]
    high = [
        ("TEXTCOLOR", (0, i), (0, i), WARN) for i, r in enumerate(data.risks, 1) if r.level is RiskLevel.HIGH
    ]
    header = (t("Level"), t("Caution"))
    return [
        section(kit, t("Risks and operating cautions")),
        data_table(kit, header, rows, (0.12, 0.88), high),
    ]


def _open_items(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    header = (
        t("Ref"),
        t("Item"),
        t("Recommendation"),
        t("Owner"),
        t("Date"),
    )
    deferred = t("(deferred request)")
    rows = [
        (
            item.ref,
            f"{item.text}\n{deferred}" if item.deferred else item.text,
            item.recommendation,
            item.owner,
            t.date(item.due),
        )
        for item in data.open_items
    ]
    table = data_table(kit, header, rows, (0.09, 0.36, 0.36, 0.19, FIT))
    return [section(kit, t("Open items and deferred requests")), table]


def build_story(data: HandoverReportData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    signatories = (data.supplier_signatory, data.client_signatory)
    return [
        *document_head(kit, meta, t(TITLE), data.project, data.addressee),
        section(kit, t("Summary")),
        para(kit, data.summary),
        *_scope(kit, data),
        *_documents_and_training(kit, data),
        *_risks(kit, data),
        *_open_items(kit, data),
        signature_blocks(
            kit,
            t("Acceptance"),
            signatories,
            t(
                "By signing below, the client confirms that the deliverables marked as accepted have been"
                " received and accepted, and that the documents, training and cautions listed above have been"
                " handed over. Open items and deferred requests remain as listed."
            ),
        ),
    ]
