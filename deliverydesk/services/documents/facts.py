"""What every document of one project reads first, and the expectation letter's data: SQLAlchemy-free.

Read with ``store.document_reads`` through a ``store.plain.Reader``: the services' gather passes one on
its session (``plain.reader``), the command line's export of a draft one on a plain read-only
``sqlite3`` connection (``draft_export``, ``store.readonly``). One home for both roads, so the
draft the command line writes is the one the window exports (a test compares them).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from deliverydesk.domain.enums import (
    LETTER_STATUSES,
    ContactRole,
    Language,
    LetterKind,
    OwnerSide,
    PaperSize,
)
from deliverydesk.i18n import translator
from deliverydesk.reports.documents.data import (
    DeliverableData,
    DocumentMetaData,
    ExpectationLetterData,
    ExpectationRowData,
    LetterheadData,
    PartyData,
    ProjectRefData,
    ReportData,
    SignatoryData,
)
from deliverydesk.store.document_reads import (
    DocumentClient,
    DocumentContact,
    DocumentProject,
    DocumentSettings,
    MilestoneLine,
    document_client,
    document_contacts,
    document_project,
    document_settings,
    exclusion_texts,
    expectation_lines,
    latest_issued_content,
    milestone_lines,
    next_letter_version,
    scope_deliverables,
)
from deliverydesk.store.plain import Reader


@dataclass(frozen=True)
class DocumentFacts:
    """What every document of one project needs, read once per unit of work."""

    project: DocumentProject
    client: DocumentClient
    settings: DocumentSettings
    language: Language
    today: date
    contacts: tuple[DocumentContact, ...]
    extra_days: frozenset[date] = frozenset()  # the project's extra non-working days (count in slip)

    @property
    def project_ref(self) -> ProjectRefData:
        return ProjectRefData(self.project.code, self.project.name, self.project.contract_ref)

    def document_meta(self, reference: str, version: int = 1) -> DocumentMetaData:
        """A document's page data, not yet sealed: letterhead and paper from Settings, the document
        language, as of today."""
        settings = self.settings
        return DocumentMetaData(
            letterhead=LetterheadData(
                settings.company_name, settings.company_address, logo_png=settings.logo_png
            ),
            reference=reference,
            version=version,
            language=self.language,
            as_of=self.today,
            paper=PaperSize(settings.paper_size),
        )

    @property
    def signer(self) -> DocumentContact | None:
        """Who signs for the client: a decision maker who may sign, else anyone who may sign."""
        signers = [c for c in self.contacts if c.can_sign]
        deciders = [c for c in signers if c.role is ContactRole.DECISION_MAKER]
        chosen = deciders or signers
        return chosen[0] if chosen else None

    @property
    def addressee(self) -> PartyData:
        person = self.signer or (self.contacts[0] if self.contacts else None)
        return PartyData(
            organisation=self.client.name,
            address=self.client.address,
            contact_name=person.name if person else "",
            contact_title=person.title if person else "",
            email=person.email if person else "",
            phone=person.phone if person else "",
        )

    @property
    def supplier_signatory(self) -> SignatoryData:
        s = self.settings
        return SignatoryData(organisation=s.company_name, name=s.engineer_name, title=s.engineer_title)

    @property
    def client_signatory(self) -> SignatoryData:
        signer = self.signer
        return SignatoryData(
            organisation=self.client.name,
            name=signer.name if signer else "",
            title=signer.title if signer else "",
        )


def read_facts(
    reader: Reader,
    project_id: str,
    language: Language | None,
    today: date,
    extra_days: frozenset[date] = frozenset(),
) -> DocumentFacts:
    """The project (archived or not), its client and live contacts, and Settings."""
    project = document_project(reader, project_id)
    return DocumentFacts(
        project=project,
        client=document_client(reader, project.client_id),
        settings=document_settings(reader),
        language=language or project.language,
        today=today,
        contacts=document_contacts(reader, project.client_id),
        extra_days=extra_days,
    )


def next_version_meta(reader: Reader, facts: DocumentFacts, reference: str) -> DocumentMetaData:
    """The page data of ``reference`` numbered as its next version (the one issuing would make)."""
    return facts.document_meta(reference, version=next_letter_version(reader, facts.project.id, reference))


# --- expectation confirmation letter -------------------------------------------------------------


def expectation_letter_ref(facts: DocumentFacts) -> str:
    return f"{facts.project.code}-EL"


def expectation_letter_data(
    reader: Reader, facts: DocumentFacts, meta: DocumentMetaData
) -> ExpectationLetterData:
    language = facts.language
    t = translator(language)
    project_id = facts.project.id
    expectations = expectation_lines(reader, project_id, LETTER_STATUSES)
    return ExpectationLetterData(
        meta=meta,
        project=facts.project_ref,
        addressee=facts.addressee,
        subject=t("Agreed expectations: {project}", project=facts.project.name),
        expectations=tuple(
            ExpectationRowData(r.ref, r.statement, r.measure, r.due_date) for r in expectations
        ),
        exclusions=exclusion_texts(reader, project_id),
        dependencies=tuple(
            _dependency(language, r) for r in milestone_lines(reader, project_id, OwnerSide.CLIENT)
        ),
        assumptions=_last_assumptions(reader, project_id),
        supplier_signatory=facts.supplier_signatory,
        client_signatory=facts.client_signatory,
        deliverables=tuple(
            DeliverableData(ref, title, criteria)
            for ref, title, criteria in scope_deliverables(reader, project_id)
        ),
    )


def _last_assumptions(reader: Reader, project_id: str) -> tuple[str, ...]:
    """The assumptions of the last issued letter: they carry over until the engineer edits them."""
    content = latest_issued_content(reader, project_id, LetterKind.EXPECTATION_CONFIRMATION)
    return snapshot_assumptions(content) if content is not None else ()


def snapshot_assumptions(content_json: str) -> tuple[str, ...]:
    try:
        return tuple(str(item) for item in json.loads(content_json).get("assumptions", ()))
    except (ValueError, TypeError, AttributeError):
        return ()


def _dependency(language: Language, row: MilestoneLine) -> str:
    when = row.forecast_date or row.baseline_date
    t = translator(language)
    return t("{milestone} (by {date})", milestone=row.name, date=t.date(when))


# --- the kinds read this way ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlainKind:
    """A document kind whose draft is read through ``store.document_reads`` alone: its reference and
    its gather. ``build.DOCUMENT_KINDS`` uses the same two for its entry."""

    reference: Callable[[DocumentFacts], str]
    gather: Callable[[Reader, DocumentFacts, DocumentMetaData], ReportData]


PLAIN_KINDS: dict[LetterKind, PlainKind] = {
    LetterKind.EXPECTATION_CONFIRMATION: PlainKind(expectation_letter_ref, expectation_letter_data),
}


def plain_draft(
    reader: Reader, kind: LetterKind, project_id: str, language: Language | None, today: date
) -> ReportData | None:
    """The draft of a kind in ``PLAIN_KINDS`` (as ``build.build_document_in`` makes it, without the
    check of printable characters); None for the other kinds."""
    plain = PLAIN_KINDS.get(kind)
    if plain is None:
        return None
    facts = read_facts(reader, project_id, language, today)
    return plain.gather(reader, facts, next_version_meta(reader, facts, plain.reference(facts)))
