"""Every issued PDF carries a PAdES signature that any reader checks: pyHanko's validator (and poppler's
``pdfsig`` when installed) find it intact and covering the whole file; the pages are exactly the
printed ones; a company PKCS#12 certificate is used when configured, else the database's own seal,
whose key is kept beside the database file and never inside it."""

from __future__ import annotations

import io
import shutil
import stat
import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from deliverydesk.domain.enums import LetterKind
from deliverydesk.reports.render import render
from deliverydesk.services.context import SealOptions, ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.store.database import sqlite_path
from tests.conftest import FIXED_NOW
from tests.integration.documents.conftest import Project


def issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))


def seal_folder(ctx: ServiceContext) -> Path:
    return sqlite_path(ctx.db.url).parent / "signing"


def validate(pdf: bytes, trusted: bytes | None = None):  # type: ignore[no-untyped-def]
    from asn1crypto import pem, x509

    roots = []
    if trusted is not None:
        roots = [x509.Certificate.load(pem.unarmor(trusted)[2])]
    reader = PdfFileReader(io.BytesIO(pdf))
    (signature,) = reader.embedded_signatures
    return signature, validate_pdf_signature(
        signature, ValidationContext(trust_roots=roots, allow_fetching=False)
    )


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_issued_pdf_carries_a_pades_signature_that_pyhanko_validates(
    ctx: ServiceContext, project: Project
) -> None:
    issued = issue(ctx, project)
    printed = render(letters.letter_data(ctx, issued.letter.id))
    assert issued.pdf.startswith(printed)  # the signature is an incremental update after the pages
    assert letters.letter_pdf(ctx, issued.letter.id) == issued.pdf  # the stored copy is the signed file

    certificate = next(seal_folder(ctx).glob("*.crt.pem")).read_bytes()
    signature, status = validate(issued.pdf, trusted=certificate)
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert signature.sig_object["/Filter"] == "/Adobe.PPKLite"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    reason = str(signature.sig_object["/Reason"])
    assert reason.startswith("Issued by DeliveryDesk: DD-2026-014-EL version 1; audit trail head ")
    assert "DeliveryDesk document seal" in status.signing_cert.subject.human_friendly

    # What the client sees does not change: the same pages, the same text, no widget drawn.
    assert page_texts(issued.pdf) == page_texts(printed)
    for page in PdfReader(io.BytesIO(issued.pdf)).pages:
        annotations = [a.get_object() for a in page.get("/Annots", [])]
        assert all(a.get("/Rect", [0, 0, 0, 0]) == [0, 0, 0, 0] for a in annotations)


def test_a_changed_byte_breaks_the_signature(ctx: ServiceContext, project: Project) -> None:
    pdf = issue(ctx, project).pdf
    where = pdf.index(b"DeliveryDesk version=")
    tampered = pdf[:where] + b"X" + pdf[where + 1 :]
    _signature, status = validate(tampered)
    assert not status.intact


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils' pdfsig is not installed")
def test_pdfsig_finds_the_signature_valid(ctx: ServiceContext, project: Project, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(issue(ctx, project).pdf)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    assert "Signature #1" in out
    assert "Signature Validation: Signature is Valid." in out
    assert "Signature Type: ETSI.CAdES.detached" in out
    assert "Total document signed" in out


def test_the_database_seal_key_is_beside_the_database_not_in_it(
    ctx: ServiceContext, project: Project
) -> None:
    issue(ctx, project)
    folder = seal_folder(ctx)
    (key,) = folder.glob("*.key.pem")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    database = sqlite_path(ctx.db.url)
    secret = b"".join(key.read_bytes().splitlines()[1:3])
    for file in database.parent.glob("deliverydesk.db*"):
        assert secret not in file.read_bytes()
    first = key.read_bytes()
    issue(ctx, project)  # the same seal is used again, never remade
    assert key.read_bytes() == first and len(list(folder.glob("*.key.pem"))) == 1


def company_p12(tmp_path: Path, password: bytes) -> Path:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "华东精密制造 Signing")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(FIXED_NOW - timedelta(days=1))
        .not_valid_after(FIXED_NOW + timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "company.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"company", key, certificate, None, BestAvailableEncryption(password)
        )
    )
    return path


def test_the_company_certificate_signs_when_configured(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    p12 = company_p12(tmp_path, b"s3cret")
    company = replace(ctx, seal=SealOptions(company_certificate=p12, company_password=b"s3cret"))
    _signature, status = validate(issue(company, project).pdf)
    assert status.intact and status.valid
    assert "华东精密制造 Signing" in status.signing_cert.subject.human_friendly
    assert not seal_folder(ctx).exists()  # no database seal was made

    from deliverydesk.errors import RuleError

    wrong = replace(ctx, seal=SealOptions(company_certificate=p12, company_password=b"wrong"))
    with pytest.raises(RuleError, match="cannot be opened"):
        issue(wrong, project)


def test_trusted_timestamps_have_an_option_but_are_refused_in_this_version(
    ctx: ServiceContext, project: Project
) -> None:
    from deliverydesk.errors import RuleError

    stamped = replace(ctx, seal=SealOptions(timestamp_url="http://tsa.example/"))
    with pytest.raises(RuleError, match="Trusted timestamps are not available"):
        issue(stamped, project)
    assert letters.list_letters(ctx, project.id) == ()  # nothing was issued


def test_an_issued_document_witnesses_the_trail_head_for_check_and_verify(
    ctx: ServiceContext, project: Project
) -> None:
    """Cutting the trail back past a document's issue (newest events deleted, anchor moved: the chain
    alone is consistent again) is caught by the head the document's signature recorded."""
    import sqlite3
    from contextlib import closing

    from deliverydesk.services.documents.verify import verify_pdf
    from deliverydesk.services.storage import OpenOptions, check_database

    issued = issue(ctx, project)
    signature, _status = validate(issued.pdf)
    witnessed = int(str(signature.sig_object["/Reason"]).split("audit trail head ")[1].split(":")[0])
    database = sqlite_path(ctx.db.url)
    with closing(sqlite3.connect(database, isolation_level=None)) as raw:
        raw.execute("DELETE FROM audit_event WHERE seq >= ?", (witnessed,))
        raw.execute(
            "UPDATE audit_head SET last_seq = ?, last_hash = (SELECT hash FROM audit_event WHERE seq = ?)",
            (witnessed - 1, witnessed - 1),
        )
    result = verify_pdf(ctx, issued.pdf)
    assert result.signature.witness_in_trail is False
    ctx.db.close()
    lines = check_database(OpenOptions(data_dir=database.parent)).lines
    assert any(line.startswith("audit trail: ok") for line in lines)
    assert f"  issued document DD-2026-014-EL version 1 recorded event {witnessed} (" in "\n".join(lines)
