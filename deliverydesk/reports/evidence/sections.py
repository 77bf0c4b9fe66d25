"""The parts of the evidence pack after its chronological record: letters with fingerprints and
signatures, commitments and how they were met, the appendix of attachments; and the small styles and
helpers the whole pack shares. Part of ``reports.evidence.pack``."""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer

from deliverydesk.domain.enums import Language, LetterStatus, PaperSize, SignMethod
from deliverydesk.i18n import Translator
from deliverydesk.reports.blocks import (
    FIT,
    Flowable,
    data_table,
    literal_line,
    para,
    paragraph,
    section,
    split_table,
    widths,
)
from deliverydesk.reports.evidence.data import EvidenceCommitmentData, EvidenceLetterData, EvidencePackData
from deliverydesk.reports.fast_table import FastTable
from deliverydesk.reports.labels import label
from deliverydesk.reports.styles import ACCENT, GOOD, MUTED, RULE, WARN, Kit, grid_style, make_kit
from deliverydesk.reports.text import printable

CHUNK_CHARACTERS = 700  # ~10 lines of the record column: rows fill pages well and always fit
HASH_SIZE = 7.5  # a full SHA-256 (64 digits) is ~263 pt wide at this size: one line in its column


@cache
def small_styles(language: Language) -> dict[str, ParagraphStyle]:
    """Cell styles of the pack: a muted note line, coloured correction tags, hashes."""
    styles = make_kit(language, PaperSize.A4).styles  # the styles do not depend on the paper
    cell, bold = styles.cell, styles.cell_bold
    return {
        "note": ParagraphStyle("ev_note", parent=cell, fontSize=7.5, leading=10.5, textColor=MUTED),
        "hash": ParagraphStyle("ev_hash", parent=cell, fontSize=HASH_SIZE, leading=10.5, textColor=MUTED),
        "corrected": ParagraphStyle("ev_corrected", parent=bold, textColor=WARN),
        "correction": ParagraphStyle("ev_correction", parent=bold, textColor=ACCENT),
        "good": ParagraphStyle("ev_good", parent=cell, textColor=GOOD),
        "warn": ParagraphStyle("ev_warn", parent=cell, textColor=WARN),
        "before": ParagraphStyle("ev_before", parent=bold, textColor=WARN, fontSize=7.5, leading=10.5),
    }


def timestamp(t: Translator, moment: datetime | None) -> str:
    return f"{t.date(moment.date())} {moment:%H:%M}" if moment else "—"


def table_heading(kit: Kit, title: str) -> list[Flowable]:
    """A heading kept with the start of its table (its header and first rows: ``KeepWithStart``),
    never with the whole of a long one."""
    return [section(kit, title)]


def literal_paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Long user text as one Paragraph per line, each laid out as plain text (never parsed as
    markup): a 10,000-character Chinese entry with a "&" in it wraps ~10x faster than through the
    markup parser."""
    lines = printable(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [literal_line(line, style) for line in lines]


def text_chunks(text: str, limit: int = CHUNK_CHARACTERS) -> list[str]:
    """``text`` in pieces of at most about ``limit`` characters, cut at line ends where possible,
    else at the last space (a line without any is cut where it must): each piece a table row that
    fits on a page, so no row has to split (splitting rows re-wraps them page after page). The pieces
    are of even size, so the last is never a line or two left alone at the top of a page."""
    pieces = max(1, math.ceil(len(text) / limit))
    even = min(limit, math.ceil(len(text) / pieces * 1.15))
    chunks = _chunks(text, even)
    return chunks if len(chunks) <= pieces + 1 else _chunks(text, limit)


def _chunks(text: str, limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", limit // 2, limit)
            cut = cut if cut > 0 else limit
            chunks, current = _flush(chunks, current), ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip(" ")
        if current and len(current) + len(line) + 1 > limit:
            chunks, current = _flush(chunks, current), ""
        current = f"{current}\n{line}" if current else line
    return _flush(chunks, current) or [""]


def _flush(chunks: list[str], current: str) -> list[str]:
    return [*chunks, current] if current else chunks


# --- letters ---------------------------------------------------------------------------------------


def _signature_text(t: Translator, letter: EvidenceLetterData) -> str:
    signature = letter.signature
    if signature is None:
        return t("Not signed")
    who = t("{name}, {title}", name=signature.signer_name, title=signature.signer_title)
    who = who if signature.signer_title else signature.signer_name
    when = t.date(signature.signed_on) if signature.signed_on else timestamp(t, signature.signed_at)
    parts = [label(t, signature.method), who, when]
    if signature.place:
        parts.append(signature.place)
    if signature.confirmed_in_entry is not None:
        parts.append(t("see entry #{number}", number=signature.confirmed_in_entry))
    text = t.join(parts)
    return f"{text}\n{signature.note}" if signature.note.strip() else text


def _hash_row(kit: Kit, label: str, digest: str) -> list[Flowable]:
    return [paragraph(label, kit.styles.cell), paragraph(digest, small_styles(kit.t.language)["hash"])]


def _letter(kit: Kit, letter: EvidenceLetterData) -> list[Flowable]:
    t = kit.t
    version = t("Version {version}", version=letter.version)
    title = f"{letter.reference}  ·  {version}  ·  {label(t, letter.kind)}"
    status_style = small_styles(t.language)["good" if letter.status is LetterStatus.SIGNED else "warn"]
    refused = letter.signature is not None and letter.signature.method is SignMethod.REFUSED
    signature_style = small_styles(t.language)["warn"] if refused else kit.styles.cell
    label_width = kit.width * 0.22
    rows = [
        [
            paragraph(t("Issued"), kit.styles.cell),
            paragraph(timestamp(t, letter.issued_at), kit.styles.cell),
        ],
        [paragraph(t("Status"), kit.styles.cell), paragraph(label(t, letter.status), status_style)],
        [
            paragraph(t("Signature"), kit.styles.cell),
            paragraph(_signature_text(t, letter), signature_style),
        ],
        _hash_row(kit, t("Fingerprint"), letter.fingerprint),
        _hash_row(kit, t("PDF SHA-256"), letter.pdf_sha256),
    ]
    if letter.signed_pdf_sha256:
        rows.append(_hash_row(kit, t("Signed PDF SHA-256"), letter.signed_pdf_sha256))
    style = [
        *grid_style(header_rows=0),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]
    table = FastTable(rows, colWidths=[label_width, kit.width - label_width], hAlign="LEFT", style=style)
    return [paragraph(title, kit.styles.subheading), table, Spacer(1, 6)]


def letters_section(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    t = kit.t
    heading = section(kit, t("Letters"))
    if not data.letters:
        return [heading, para(kit, t("None."))]
    first, *rest = [_letter(kit, letter) for letter in data.letters]
    return [KeepTogether([heading, *first]), *(KeepTogether(parts) for parts in rest)]


# --- commitments and attachments -------------------------------------------------------------------


def _written_state(t: Translator, item: EvidenceCommitmentData) -> str:
    if item.confirmed_in_entry is not None:
        return t("Confirmed in writing: {what}", what=t("entry #{number}", number=item.confirmed_in_entry))
    if item.confirmed_by_letter:
        return t("Confirmed in writing: {what}", what=item.confirmed_by_letter)
    return t("To be confirmed in writing: not yet") if item.confirm_in_writing else ""


def _outcome(t: Translator, item: EvidenceCommitmentData, today: date) -> str:
    if item.closed_on is None:
        return t("Open, overdue") if item.due < today else t("Open")
    parts = [t("Met on {date}", date=t.date(item.closed_on))]
    if item.closed_note.strip():
        parts.append(item.closed_note)
    if item.closed_in_entry is not None:
        parts.append(t("see entry #{number}", number=item.closed_in_entry))
    return "\n".join(parts)


def commitments_section(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    t = kit.t
    header = (
        t("Entry"),
        t("Who owes whom"),
        t("Commitment"),
        t("Due"),
        t("How it was met"),
    )
    rows = []
    for item in data.commitments:
        owes = t(
            "{side}: {owner} → {to}",
            side=label(t, item.owner_side),
            owner=item.owner_name or "—",
            to=item.owed_to or "—",
        )
        written = _written_state(t, item)
        rows.append(
            (
                f"#{item.recorded_in}" if item.recorded_in is not None else "—",
                owes,
                f"{item.description}\n{written}" if written else item.description,
                t.date(item.due),
                _outcome(t, item, data.meta.as_of),
            )
        )
    open_rows = [
        ("TEXTCOLOR", (4, i), (4, i), WARN) for i, c in enumerate(data.commitments, 1) if c.closed_on is None
    ]
    table = data_table(kit, header, rows, (FIT, 0.24, 0.4, FIT, 0.36), open_rows)
    return [*table_heading(kit, t("Commitments")), table]


def format_size(size: int, t: Translator) -> str:
    if size < 1024:
        return t("{size} bytes", size=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _attachment_style(count: int) -> list[tuple[object, ...]]:
    """Each attachment is two rows kept together: file and type, size, owner; then its SHA-256."""
    style = [c for c in grid_style() if not (c[0] == "LINEBELOW" and c[1] == (0, 1))]
    for index in range(count):
        main, digest = 1 + 2 * index, 2 + 2 * index
        style += [
            ("SPAN", (0, digest), (-1, digest)),
            ("NOSPLIT", (0, main), (-1, digest)),
            ("BOTTOMPADDING", (0, main), (-1, main), 1),
            ("TOPPADDING", (0, digest), (-1, digest), 0),
            ("LINEBELOW", (0, digest), (-1, digest), 0.3, RULE),
        ]
    return style


def _attachment_rows(
    kit: Kit, data: EvidencePackData, sizes: list[str], owners: list[str]
) -> list[list[Flowable]]:
    small = small_styles(kit.t.language)
    rows: list[list[Flowable]] = []
    for item, size, owner in zip(data.attachments, sizes, owners, strict=True):
        named = [paragraph(item.filename, kit.styles.cell), paragraph(item.media_type, small["note"])]
        rows.append([named, size, owner])
        rows.append([paragraph(f"SHA-256  {item.sha256}", small["hash"]), "", ""])
    return rows


def attachments_section(kit: Kit, data: EvidencePackData) -> list[Flowable]:
    t = kit.t
    heading = table_heading(kit, t("Appendix: attachments"))
    if not data.attachments:
        return [*heading, para(kit, t("None."))]
    header = (t("File and type"), t("Size"), t("Belongs to"))
    sizes = [format_size(a.size, t) for a in data.attachments]
    owners = [a.belongs_to or "—" for a in data.attachments]
    column_widths = widths(kit, (1.0, FIT, FIT), [[header[0]], [header[1], *sizes], [header[2], *owners]])
    rows = [list(header), *_attachment_rows(kit, data, sizes, owners)]
    style = _attachment_style(len(data.attachments))
    table = split_table(rows, column_widths, style, repeat_rows=1)
    return [
        *heading,
        para(
            kit,
            t(
                "Each file is identified by the SHA-256 of its bytes: a copy with the same "
                "SHA-256 is the same file."
            ),
        ),
        table,
    ]
