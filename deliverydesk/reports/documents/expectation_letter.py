"""Expectation confirmation letter (期望确认函): what the client will see, how we will know, the
contracted deliverables and their acceptance criteria, what is not included, what we rely on and
assume, how further requests are handled; signed by both sides. Empty lists are left out."""

from __future__ import annotations

from deliverydesk.i18n import N_
from deliverydesk.reports.blocks import FIT, Flowable, bullets, data_table, para, section
from deliverydesk.reports.documents.data import ExpectationLetterData
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import Kit, make_kit

TITLE = N_("Expectation confirmation letter")


def _opening(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t = kit.t
    name = data.addressee.contact_name
    salutation = t("Dear {name},", name=name) if name else t("Dear Sir or Madam,")
    return [
        para(kit, t("Subject: {subject}", subject=data.subject), kit.styles.strong),
        para(kit, salutation),
        para(
            kit,
            data.opening
            or t(
                "Thank you for the time you and your team have given us. So that we share the same picture of"
                " this engagement, this letter sets out in writing what you will see when the work is done,"
                " how we will both know it has been achieved, and what the engagement does not include."
                " Please review it and, if it reflects our agreement, sign below."
            ),
        ),
    ]


def _expectations(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t = kit.t
    header = (t("Ref"), t("What you will see"), t("How we will know"), t("Due"))
    rows = [(row.ref, row.statement, row.measure, t.date(row.due)) for row in data.expectations]
    return [section(kit, t("Agreed expectations")), data_table(kit, header, rows, (0.09, 0.51, 0.40, FIT))]


def _deliverables(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    if not data.deliverables:
        return []
    t = kit.t
    header = (t("Ref"), t("Deliverable"), t("Acceptance criteria"))
    rows = [(d.ref, d.title, d.acceptance_criteria or "—") for d in data.deliverables]
    return [
        section(kit, t("Contracted deliverables")),
        para(kit, t("The contract's deliverables, and how each will be accepted.")),
        data_table(kit, header, rows, (FIT, 0.42, 0.58)),
    ]


def _exclusions_and_dependencies(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t, styles = kit.t, kit.styles
    story = [
        section(kit, t("What this engagement does not include")),
        para(
            kit,
            t(
                "The following are outside the scope of this engagement. Any of them can be "
                "requested as a change, as described below."
            ),
        ),
    ]
    story += bullets(kit, data.exclusions)
    if data.dependencies or data.assumptions:
        story.append(section(kit, t("Client dependencies and assumptions")))
    if data.dependencies:
        story += [
            para(kit, t("We rely on you for:"), styles.subheading),
            *bullets(kit, data.dependencies),
        ]
    if data.assumptions:
        story += [
            para(kit, t("This letter assumes that:"), styles.subheading),
            *bullets(kit, data.assumptions),
        ]
    return story


def _change_procedure(kit: Kit, data: ExpectationLetterData) -> list[Flowable]:
    t = kit.t
    steps = [
        t("Every new request is recorded as a change request with a reference, who asked and when."),
        t(
            "We classify it: A, it blocks the agreed goal, so we handle it at once and tell you;"
            " B, small and related, recorded now and taken up once the agreed goal is met;"
            " C, large, handled as a separate request or quote."
        ),
        t(
            "For each request we set out its benefit to you, the cost and effort it implies for you,"
            " the risks and the alternatives, and give you a written change decision."
        ),
        t("No work outside the agreed expectations is billed without your written approval."),
    ]
    note = [para(kit, data.change_procedure_note)] if data.change_procedure_note else []
    return [section(kit, t("How further requests are handled")), *bullets(kit, steps), *note]


def build_story(data: ExpectationLetterData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    return [
        *document_head(kit, meta, t(TITLE), data.project, data.addressee),
        *_opening(kit, data),
        *_expectations(kit, data),
        *_deliverables(kit, data),
        *_exclusions_and_dependencies(kit, data),
        *_change_procedure(kit, data),
        signature_blocks(
            kit,
            t("Signatures"),
            (data.supplier_signatory, data.client_signatory),
            t("Please confirm your agreement by signing below. Each party keeps a signed copy."),
        ),
    ]
