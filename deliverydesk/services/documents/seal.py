"""PAdES signatures on issued PDFs (pyHanko): any PDF reader (Adobe Reader, Foxit, ``pdfsig``) then
shows whether the document changed after issue, without DeliveryDesk.

The signature is invisible (no widget on any page: the client sees exactly the pages as printed) and
is appended as an incremental update, so the printed bytes stay inside the signed file unchanged. The
signature's reason names the document and the audit trail's head at issue (``audit trail head N:HASH``),
a witness outside the audit tables that ``check`` and ``verify`` compare with the trail.

Whose signature:
* the company's certificate when one is configured (a PKCS#12 file and its password: Settings in the
  window, ``--certificate`` / ``DELIVERYDESK_CERTIFICATE`` and ``DELIVERYDESK_CERTIFICATE_PASSWORD`` on
  the command line);
* otherwise a self-signed "document seal" certificate made for this database on first issue. Its key is
  kept **beside** the database, never inside it: ``<data folder>/signing/<database id>.key.pem`` (the
  folder 0700, the key 0600). The database file travels (backups, copies, bundles carry its records):
  a key inside it would let anyone holding any copy sign new documents as this database. Beside it, a
  copy of the file alone cannot sign; whoever can read the user's data folder can. A reader shows such
  a signature as valid for the content but from an unknown signer (no certificate authority vouches
  for it): it proves the document is unchanged since it was sealed, not who sealed it.

Trusted timestamps (RFC 3161, from a timestamp authority) need the internet: ``SealOptions.timestamp_url``
is the place for them; this version refuses it with a plain message rather than sign without.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from deliverydesk.domain.audit import ChainHead
from deliverydesk.errors import RuleError, StorageError
from deliverydesk.i18n import msg
from deliverydesk.services.context import SealOptions, ServiceContext
from deliverydesk.store.audit_state import read_head
from deliverydesk.store.document_queries import seal_identity
from deliverydesk.store.identity import sqlite_path
from deliverydesk.store.records import Session

SEAL_FIELD = "DeliveryDeskSeal"
KEY_FOLDER = "signing"
CERTIFICATE_YEARS = 20


@dataclass(frozen=True)
class Sealer:
    """A loaded signing identity (pyHanko's signer) and who it names."""

    signer: Any
    subject: str
    own_seal: bool  # the database's self-signed seal, not a company certificate


def load_company_certificate(path: Path, password: bytes | None) -> Sealer:
    """The company's PKCS#12 certificate; StorageError / RuleError in plain words when it cannot be used."""
    from pyhanko.sign import signers

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError(
            msg("Cannot read the certificate {path}: {value}.", path=path, value=exc.strerror or exc)
        ) from None
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=password)
    except (ValueError, TypeError) as exc:
        raise RuleError(
            msg("The certificate {name} cannot be opened ({exc}).", name=path.name, exc=exc),
            msg("Check the password, or choose the company's PKCS#12 (.p12 / .pfx) file."),
        ) from None
    if signer is None or signer.signing_cert is None:
        raise RuleError(
            msg("The certificate {name} holds no key to sign with (wrong password?).", name=path.name)
        )
    return Sealer(signer, signer.signing_cert.subject.human_friendly, own_seal=False)


def _key_files(folder: Path, database_id: str) -> tuple[Path, Path]:
    return folder / f"{database_id}.key.pem", folder / f"{database_id}.crt.pem"


def own_seal(folder: Path, database_id: str, organisation: str, now: datetime) -> Sealer:
    """This database's seal: read from ``folder``, or made there on first use."""
    key_file, cert_file = _key_files(folder, database_id)
    if not key_file.exists():
        _make_seal(folder, key_file, cert_file, organisation, now)
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load(str(key_file), str(cert_file))  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:
        raise StorageError(
            msg("The document seal in {folder} cannot be read ({exc}).", folder=folder, exc=exc)
        ) from None
    if signer is None or signer.signing_cert is None:
        raise StorageError(msg("The document seal in {folder} cannot be read.", folder=folder))
    return Sealer(signer, signer.signing_cert.subject.human_friendly, own_seal=True)


def _make_seal(folder: Path, key_file: Path, cert_file: Path, organisation: str, now: datetime) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "DeliveryDesk document seal"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, (organisation or "DeliveryDesk")[:64]),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_private(cert_file, certificate.public_bytes(serialization.Encoding.PEM), 0o644)
        _write_private(key_file, key_pem, 0o600)
    except OSError as exc:
        raise StorageError(
            msg(
                "Cannot keep the document seal in {folder}: {value}.",
                folder=folder,
                value=exc.strerror or exc,
            )
        ) from None


def _write_private(path: Path, data: bytes, mode: int) -> None:
    """Created with its final mode (never readable by others, not even for a moment), then renamed."""
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def witness_reason(document: str, head: ChainHead) -> str:
    """The signature's reason: which document, and the audit trail head it witnesses."""
    return f"Issued by DeliveryDesk: {document}; audit trail head {head.seq}:{head.hash}"


def seal_pdf(pdf: bytes, sealer: Sealer, *, reason: str, timestamp_url: str | None = None) -> bytes:
    """``pdf`` with an invisible PAdES signature appended (the printed bytes unchanged before it)."""
    if timestamp_url:
        raise RuleError(
            msg(
                "Trusted timestamps are not available in this version of DeliveryDesk (they need a"
                " timestamp authority on the internet)."
            ),
            msg("Issue without a timestamp server set."),
        )
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=SEAL_FIELD,
        md_algorithm="sha256",
        reason=reason,
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    output = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=sealer.signer, output=output)
    return output.getvalue()


def _key_folder(ctx: ServiceContext) -> Path:
    if ctx.seal.key_folder is not None:
        return ctx.seal.key_folder
    if ctx.db.is_sqlite:
        return sqlite_path(ctx.db.url).absolute().parent / KEY_FOLDER
    from deliverydesk.paths import default_data_dir

    return default_data_dir() / KEY_FOLDER


def sealer_in(ctx: ServiceContext, session: Session) -> Sealer:
    """The company's certificate when configured, else this database's own seal (made on first use)."""
    options: SealOptions = ctx.seal
    if options.company_certificate is not None:
        return load_company_certificate(options.company_certificate, options.company_password)
    database_id, organisation = seal_identity(session)
    if not database_id:
        from deliverydesk.services.records.settings import get_settings_in

        database_id, organisation = get_settings_in(ctx, session).id, organisation  # made on first read
    return own_seal(_key_folder(ctx), database_id, organisation, ctx.now())


def seal_issued_in(ctx: ServiceContext, session: Session, pdf: bytes, document: str) -> bytes:
    """``pdf`` signed for issue, witnessing the audit trail's head as it is now in the caller's unit of
    work (the issuing or signing it belongs to)."""
    head = read_head(session.connection())
    sealer = sealer_in(ctx, session)
    return seal_pdf(pdf, sealer, reason=witness_reason(document, head), timestamp_url=ctx.seal.timestamp_url)
