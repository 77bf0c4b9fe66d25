"""Handover report (交接报告): scope items and their acceptance, documents handed over, training,
risks and operating cautions, open items and deferred requests, and the acceptance signatures."""

from __future__ import annotations

from deliverydesk.domain.enums import RiskLevel, ScopeStatus
from deliverydesk.reports.blocks import FIT, Flowable, data_table, para, section
from deliverydesk.reports.documents.data import HandoverReportData
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import GOOD, WARN, Kit, make_kit

TITLE_KEY = "handover.title"


def _scope(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    header = (t("col.ref"), t("handover.col_deliverable"), t("col.status"), t("handover.col_note"))
    rows = [(item.ref, item.title, t.label(item.status), item.note) for item in data.scope_items]
    accepted = [
        ("TEXTCOLOR", (2, row), (2, row), GOOD)
        for row, item in enumerate(data.scope_items, 1)
        if item.status is ScopeStatus.ACCEPTED
    ]
    table = data_table(kit, header, rows, (0.08, 0.42, 0.22, 0.28), accepted)
    return [section(kit, t("handover.scope")), table]


def _documents_and_training(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    documents = [(d.title, d.identifier, d.handed_to, t.date(d.handed_on)) for d in data.documents]
    document_header = (
        t("handover.col_document"),
        t("handover.col_identifier"),
        t("handover.col_handed_to"),
        t("col.date"),
    )
    trainings = [
        (
            t.date(s.held_on),
            s.topic,
            t("doc.list_separator").join(s.attendees),
            t("doc.yes") if s.material_left else t("doc.no"),
        )
        for s in data.trainings
    ]
    training_header = (
        t("col.date"),
        t("handover.col_topic"),
        t("handover.col_attendees"),
        t("handover.col_material"),
    )
    return [
        section(kit, t("handover.documents")),
        data_table(kit, document_header, documents, (0.5, 0.25, 0.25, FIT)),
        section(kit, t("handover.training")),
        data_table(kit, training_header, trainings, (FIT, 0.55, 0.45, FIT)),
    ]


def _risks(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    rows = [(t.label(risk.level), risk.text) for risk in data.risks]
    high = [
        ("TEXTCOLOR", (0, i), (0, i), WARN) for i, r in enumerate(data.risks, 1) if r.level is RiskLevel.HIGH
    ]
    header = (t("handover.col_level"), t("handover.col_caution"))
    return [section(kit, t("handover.risks")), data_table(kit, header, rows, (0.12, 0.88), high)]


def _open_items(kit: Kit, data: HandoverReportData) -> list[Flowable]:
    t = kit.t
    header = (
        t("col.ref"),
        t("handover.col_item"),
        t("handover.col_recommendation"),
        t("col.owner"),
        t("col.date"),
    )
    rows = [
        (
            item.ref,
            f"{item.text}\n{t('handover.deferred_tag')}" if item.deferred else item.text,
            item.recommendation,
            item.owner,
            t.date(item.due),
        )
        for item in data.open_items
    ]
    table = data_table(kit, header, rows, (0.09, 0.36, 0.36, 0.19, FIT))
    return [section(kit, t("handover.open_items")), table]


def build_story(data: HandoverReportData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    signatories = (data.supplier_signatory, data.client_signatory)
    return [
        *document_head(kit, meta, t(TITLE_KEY), data.project, data.addressee),
        section(kit, t("handover.summary")),
        para(kit, data.summary),
        *_scope(kit, data),
        *_documents_and_training(kit, data),
        *_risks(kit, data),
        *_open_items(kit, data),
        signature_blocks(kit, t("handover.acceptance"), signatories, t("handover.acceptance_text")),
    ]
