"""The completion certificate that ends a signed letter's PDF, as e-signature services give one: the
document (reference, version, the full fingerprint, the issued PDF's SHA-256), the issue event (who,
when, on which machine), each signature event (signer and role, method, signed on, recorded at and
by, the evidence it rests on) and how anyone can verify the document."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import KeepTogether, PageBreak, Spacer

from deliverydesk.domain.enums import SignMethod
from deliverydesk.i18n import N_, Translator
from deliverydesk.reports.blocks import Flowable, bullets, key_values, para, paragraph, section
from deliverydesk.reports.documents.data import CertificateData, SignatureEventData
from deliverydesk.reports.labels import label
from deliverydesk.reports.styles import Kit

TITLE = N_("Completion certificate")


def _moment(t: Translator, moment: datetime | None, offset: str) -> str:
    if moment is None:
        return "—"
    return f"{t.date(moment.date())} {moment:%H:%M}" + (f" ({offset})" if offset else "")


def _evidence(t: Translator, event: SignatureEventData, offset: str) -> str:
    if event.method is SignMethod.ON_SCREEN:
        return t("Signed on screen: the signature is drawn in above")
    if event.method is SignMethod.ON_PAPER:
        return (
            t("Scan of the signed paper, SHA-256 {sha256}", sha256=event.evidence)
            if event.evidence
            else t.pgettext("SignMethod", "Signed on paper")
        )
    if event.method is SignMethod.BY_EMAIL:
        return t("E-mail log entry: {entry}", entry=event.evidence) if event.evidence else "—"
    return event.note or "—"


def _signature(kit: Kit, number: int, event: SignatureEventData, offset: str) -> Flowable:
    t = kit.t
    who = t("{name}, {title}", name=event.signer, title=event.role) if event.role else event.signer
    if event.organisation:
        who = t("{signer}, for {organisation}", signer=who, organisation=event.organisation)
    rows = [
        (t("Method"), label(t, event.method)),
        (t("Signed on"), t.date(event.signed_on)),
        (t("Place"), event.place or "—"),
        (t("Recorded at"), _moment(t, event.recorded_at, offset)),
        (t("Recorded by"), event.recorded_by or "—"),
        (t("Evidence"), _evidence(t, event, offset)),
    ]
    if event.note.strip() and event.method is not SignMethod.REFUSED:
        rows.append((t("Note"), event.note))
    heading = paragraph(t("Signature {number}: {who}", number=number, who=who), kit.styles.subheading)
    return KeepTogether([heading, key_values(kit, rows, label_fraction=0.24), Spacer(1, 4)])


def certificate_story(kit: Kit, certificate: CertificateData) -> list[Flowable]:
    """A new page: what was issued, by whom, and each signature, then how to verify it."""
    t, offset = kit.t, certificate.utc_offset
    document = [
        (t("Reference"), certificate.reference),
        (t("Version"), str(certificate.version)),
        (t("Fingerprint"), certificate.fingerprint),
    ]
    if certificate.issued_pdf_sha256:
        document.append((t("Issued PDF SHA-256"), certificate.issued_pdf_sha256))
    issue = certificate.issue
    issued = [
        (t("Issued at"), _moment(t, issue.issued_at, offset)),
        (t("Issued by"), issue.issued_by or "—"),
        (t("On machine"), issue.machine or "—"),
    ]
    signatures = [_signature(kit, n, e, offset) for n, e in enumerate(certificate.signatures, 1)]
    verify = [
        t(
            "The fingerprint is the SHA-256 of the document's content as issued; it is "
            "printed at the foot of every page and in the QR code on page 1. Ask the issuer "
            "to check it against their records."
        ),
        t(
            "The issuer checks any copy of this PDF with “deliverydesk verify FILE.pdf”: it "
            "says whether the file is exactly the issued or the signed document, or was "
            "changed."
        ),
        t(
            "The file carries the issuer's digital seal (PAdES): the signature panel of a PDF"
            " reader shows whether it was changed after it was sealed."
        ),
        t(
            "The issued PDF's SHA-256 above identifies the document as it was issued, before "
            "any signature was drawn in."
        ),
    ]
    return [
        PageBreak(),
        paragraph(t(TITLE), kit.styles.title),
        para(
            kit,
            t(
                "This page records how the document above was issued and signed. It is not part "
                "of the signed content: the fingerprint covers the document exactly as it was "
                "issued."
            ),
            kit.styles.small,
        ),
        Spacer(1, 6),
        section(kit, t.pgettext("certificate", "Document")),
        key_values(kit, document, label_fraction=0.24),
        section(kit, t.pgettext("certificate", "Issued")),
        key_values(kit, issued, label_fraction=0.24),
        section(kit, t.pgettext("certificate", "Signatures")),
        *(signatures or [para(kit, t("None."))]),
        section(kit, t("How to verify")),
        *bullets(kit, verify),
    ]
