"""Expectation confirmation letter (期望确认函): what the client will see, how we will know, what is
not included, what we rely on, how further requests are handled; signed by both sides."""

from __future__ import annotations

from reportlab.platypus import Spacer

from deliverydesk.reports.blocks import FIT, Flowable, bullets, data_table, para, section
from deliverydesk.reports.documents.data import ExpectationLetterData
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import Kit, make_kit

TITLE_KEY = "letter.title"


def _opening(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t = kit.t
    name = data.addressee.contact_name
    salutation = t("letter.salutation", name=name) if name else t("letter.salutation_anonymous")
    return [
        para(kit, t("letter.subject_line", subject=data.subject), kit.styles.strong),
        para(kit, salutation),
        para(kit, data.opening or t("letter.opening")),
    ]


def _expectations(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t = kit.t
    header = (t("col.ref"), t("letter.col_statement"), t("letter.col_measure"), t("col.due"))
    rows = [(row.ref, row.statement, row.measure, t.date(row.due)) for row in data.expectations]
    return [section(kit, t("letter.expectations")), data_table(kit, header, rows, (0.09, 0.51, 0.40, FIT))]


def _exclusions_and_dependencies(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t, styles = kit.t, kit.styles
    return [
        section(kit, t("letter.exclusions")),
        para(kit, t("letter.exclusions_intro")),
        *bullets(kit, data.exclusions),
        section(kit, t("letter.dependencies")),
        para(kit, t("letter.dependencies_intro"), styles.subheading),
        *bullets(kit, data.dependencies),
        para(kit, t("letter.assumptions_intro"), styles.subheading),
        *bullets(kit, data.assumptions),
    ]


def _change_procedure(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t = kit.t
    steps = [t(key) for key in ("letter.procedure_record", "letter.procedure_triage")]
    steps += [t(key) for key in ("letter.procedure_analysis", "letter.procedure_billing")]
    note = [para(kit, data.change_procedure_note)] if data.change_procedure_note else []
    return [section(kit, t("letter.change_procedure")), *bullets(kit, steps), *note]


def build_story(data: ExpectationLetterData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    return [
        *document_head(kit, meta, t(TITLE_KEY), data.project, data.addressee),
        *_opening(kit, data),
        *_expectations(kit, data),
        *_exclusions_and_dependencies(kit, data),
        *_change_procedure(kit, data),
        Spacer(1, 6),
        para(kit, t("letter.closing")),
        signature_blocks(kit, t("sign.heading"), (data.supplier_signatory, data.client_signatory)),
    ]
