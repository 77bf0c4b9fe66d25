"""A project that fills every bundled table, a second empty database, and a full dump to compare."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from deliverydesk.domain.enums import (
    HandoverKind,
    LetterKind,
    LetterStatus,
    LogKind,
    SignatureParty,
    SignMethod,
    Triage,
)
from deliverydesk.services.bundle.transfer import export_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.audit import AUDIT_TABLES
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import upgrade
from deliverydesk.store.records import add_blob
from deliverydesk.store.schema import metadata
from deliverydesk.store.tables import (
    AttachmentRow,
    BlobRow,
    CategoryRow,
    ChangeRequestRow,
    ClientRow,
    CommitmentRow,
    ContactRow,
    ExclusionRow,
    ExpectationRow,
    HandoverItemRow,
    IssueRow,
    LetterRow,
    LogEntryRow,
    MilestoneChangeRow,
    MilestoneRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
    ScopeItemRow,
    SignatureRow,
    new_id,
)
from tests.conftest import fixed_clock

HOSTILE = "<b>bold?</b> & '; DROP TABLE project; -- 里程碑 🚀 \u202eRTL"
PRINTABLE_HOSTILE = "<b>bold?</b> & '; DROP TABLE project; -- 里程碑"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # only the bytes matter here
PHOTO = "现场照片 — site photo 🚧".encode() * 50
# The correction sorts before its original, so import must handle a reference to a later row.
ORIGINAL_LOG_ID = "f0000000-0000-4000-8000-000000000001"
CORRECTION_LOG_ID = "00000000-0000-4000-8000-000000000002"
T0 = datetime(2026, 3, 2, 8, 15, 30, 123456, tzinfo=UTC)


@dataclass(frozen=True)
class Sample:
    code: str
    project_id: str
    client_id: str
    log_ids: tuple[str, ...]


def migrated_database(path: Path) -> Database:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.begin() as connection:
        upgrade(connection)
    return Database(url=url, engine=engine)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Databases migrated once and copied per test (Alembic per test would dominate the run time)."""
    folder = tmp_path_factory.mktemp("bundle-templates")
    paths = {"empty": folder / "empty.db", "other": folder / "other.db"}
    for name, path in paths.items():
        database = migrated_database(path)
        if name == "other":
            add_sample_project(
                ServiceContext(db=database, clock=fixed_clock), "DD-2025-001", fixed_log_ids=False
            )
        database.close()  # the last connection closes: the WAL is checkpointed into the file
    return paths


def _copy_of(template: Path, path: Path) -> Iterator[ServiceContext]:
    shutil.copyfile(template, path)
    database = Database(url=f"sqlite:///{path}", engine=make_engine(f"sqlite:///{path}"))
    yield ServiceContext(db=database, clock=fixed_clock)
    database.close()


@pytest.fixture
def other_ctx(templates: dict[str, Path], tmp_path: Path) -> Iterator[ServiceContext]:
    """A second, empty migrated database."""
    yield from _copy_of(templates["empty"], tmp_path / "other.db")


@pytest.fixture
def target(templates: dict[str, Path], tmp_path: Path) -> Iterator[ServiceContext]:
    """A database to import into that already holds another project, which must stay as it is."""
    for target_ctx in _copy_of(templates["other"], tmp_path / "target.db"):
        before = full_dump(target_ctx.db)
        yield target_ctx
        assert full_dump(target_ctx.db) == before, "a refused import changed the database"


@pytest.fixture(scope="session")
def valid_document(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("bundle-source")
    for source in _copy_of(templates["empty"], folder / "source.db"):
        add_sample_project(source)
        export_bundle(source, "DD-2026-014", folder / "valid.json")
    loaded: dict[str, Any] = json.loads((folder / "valid.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def document(valid_document: dict[str, Any]) -> dict[str, Any]:
    """A valid bundle of the sample project, for the test to spoil as it likes."""
    return copy.deepcopy(valid_document)


def full_dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit trail's, for before/after comparisons (each database
    writes its own audit events, and bundles never carry them)."""
    with db.engine.connect() as connection:
        return {
            table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key))]
            for table in metadata.sorted_tables
            if table.name not in AUDIT_TABLES
        }


def letter_pdf_bytes(project_id: str, which: str) -> bytes:
    """Stand-ins for a letter's issued and signed PDFs (only the bytes matter; one pair per project)."""
    return f"%PDF-1.7 {which} letter of {project_id} 信函".encode()


def add_sample_project(
    ctx: ServiceContext, code: str = "DD-2026-014", *, fixed_log_ids: bool = True
) -> Sample:
    """One project with records in every bundled table, hostile text, a signature, attachments and the
    stored PDFs of its letter."""
    with ctx.db.unit_of_work() as session:
        client = ClientRow(
            name=f"上海精工 {HOSTILE}", address="浦东新区\n2nd line", created_at=T0, updated_at=T0
        )
        session.add(client)
        session.flush()
        signer = ContactRow(client_id=client.id, name="王芳", role="decision_maker", can_sign=True)
        other = ContactRow(client_id=client.id, name="Bob", email="bob@example.com", archived_at=T0)
        project = ProjectRow(
            code=code,
            name=f"Line 3 {HOSTILE}",
            client_id=client.id,
            start_date=date(2026, 1, 5),
            end_date=date(2026, 6, 30),
            contract_value_cents=12_345_600,
            contracted_effort_hours=120.5,
            goodwill_budget_hours=16,
            language="zh_CN",
            summary_rrule="FREQ=WEEKLY;BYDAY=FR",
        )
        session.add_all([signer, other, project])
        session.flush()
        log_ids = (ORIGINAL_LOG_ID, CORRECTION_LOG_ID) if fixed_log_ids else (new_id(), new_id())
        _add_project_records(session, project.id, signer.id, log_ids)
        return Sample(code=code, project_id=project.id, client_id=client.id, log_ids=log_ids)


def _add_project_records(session: Any, project_id: str, signer_id: str, log_ids: tuple[str, str]) -> None:
    pid = {"project_id": project_id}
    scope = ScopeItemRow(**pid, ref="S-1", title="PLC migration", effort_hours=40, description=HOSTILE)
    exclusion = ExclusionRow(**pid, ref="X-1", text="不包含: network cabling")
    milestone = MilestoneRow(
        **pid,
        ref="M-1",
        name="SAT",
        baseline_date=date(2026, 3, 20),
        forecast_date=date(2026, 3, 27),
        is_main=True,
    )
    session.add_all([scope, exclusion, milestone])
    session.flush()
    change = ChangeRequestRow(
        **pid,
        ref="CR-1",
        title="Extra HMI screen",
        requested_on=date(2026, 3, 3),
        requested_by_id=signer_id,
        triage=Triage.B,
        scope_item_id=scope.id,
        exclusion_id=exclusion.id,
        cost_cents=-5,
        client_benefit=HOSTILE,
    )
    expectation = ExpectationRow(**pid, ref="E-1", statement="Line runs 3 shifts", agreed_with_id=signer_id)
    # a category's name prints (review reports): hostile markup, but only characters the fonts have,
    # so a local category can be named like it (domain.printing refuses emoji and bidi overrides)
    sensors = CategoryRow(name_en=f"Sensors {PRINTABLE_HOSTILE}", name_zh=f"传感器 {project_id[:8]}")
    session.add(sensors)
    session.flush()
    issue = IssueRow(
        **pid, ref="I-1", title="Sensor drift", reported_on=date(2026, 3, 4), category_id=sensors.id
    )
    session.add_all([change, expectation, issue])
    session.flush()
    change.issue_id = issue.id  # the issue that gave rise to the request; a seeded category
    change.category_id = session.scalar(select(CategoryRow.id).where(CategoryRow.name_en == "Data migration"))
    session.add(
        MilestoneChangeRow(
            milestone_id=milestone.id,
            field="forecast",
            old_date=date(2026, 3, 20),
            new_date=date(2026, 3, 27),
            reason="CR-1",
            change_request_id=change.id,
        )
    )
    issued_pdf, signed_pdf = (letter_pdf_bytes(project_id, which) for which in ("issued", "signed"))
    letter = LetterRow(
        **pid,
        kind=LetterKind.CHANGE_DECISION,
        ref="CD-CR-1",
        change_request_id=change.id,
        content_json='{"a": 1}',
        fingerprint="f" * 64,
        pdf_sha256=add_blob(session, issued_pdf),  # the stored copies of the letter
        signed_pdf_sha256=add_blob(session, signed_pdf),
        status=LetterStatus.SIGNED,
        issued_at=T0,
    )
    original = LogEntryRow(
        id=log_ids[0],
        **pid,
        occurred_at=T0,
        kind=LogKind.CALL,
        summary="Agreed SAT date",
        milestone_id=milestone.id,
        issue_id=issue.id,
    )
    session.add_all([letter, original])
    session.flush()
    session.add(  # how the letter was signed: an event (the client's, on screen)
        SignatureRow(
            **pid,
            letter_id=letter.id,
            party=SignatureParty.CLIENT,
            method=SignMethod.ON_SCREEN,
            signer_name="王芳",
            signed_on=date(2026, 3, 2),
            recorded_at=T0,
            recorded_by="张浩",
            signature_png=PNG,
        )
    )
    correction = LogEntryRow(
        id=log_ids[1],
        **pid,
        occurred_at=T0,
        summary="Correction: SAT on 27th",
        correction_of_id=original.id,
        change_request_id=change.id,
        expectation_id=expectation.id,
    )
    session.add_all(
        [
            correction,
            review := ReviewRow(
                **pid, issue_id=issue.id, held_on=date(2026, 3, 10), client_short="快速解决", lessons=HOSTILE
            ),
            HandoverItemRow(
                **pid,
                kind=HandoverKind.TRAINING,
                title="Operator training",
                attendees="张三, 李四",
                item_date=date(2026, 3, 12),
            ),
        ]
    )
    session.flush()
    session.add_all(
        [
            ReviewActionRow(
                **pid, review_id=review.id, description=f"Call back {HOSTILE}", revisit_on=date(2026, 4, 10)
            ),
            ReviewActionRow(
                **pid,
                review_id=review.id,
                description="检查传感器",
                owner="王芳",
                revisit_on=date(2026, 6, 8),
                done_on=date(2026, 3, 20),
                outcome="Done",
            ),
        ]
    )
    session.add(
        CommitmentRow(
            **pid,
            log_entry_id=original.id,
            owner_side="client",
            owner_name="王芳",
            owed_to="Vendor site team",
            description=f"Provide the network plan {HOSTILE}",
            due_date=date(2026, 3, 9),
            confirm_in_writing=True,
            confirmation_log_entry_id=correction.id,
            confirmation_letter_id=letter.id,
            closed_on=date(2026, 3, 10),
            closed_note="Plan received by email",
            closed_log_entry_id=correction.id,
        )
    )
    for data, name in ((PHOTO, "现场 photo 1.jpg"), (PNG, "signed letter.png")):
        sha = hashlib.sha256(data).hexdigest()
        if session.get(BlobRow, sha) is None:
            session.add(BlobRow(sha256=sha, size=len(data), data=data))
            session.flush()
        session.add(
            AttachmentRow(
                **pid,
                sha256=sha,
                filename=name,
                size=len(data),
                log_entry_id=correction.id,
                letter_id=letter.id,
                media_type="image/jpeg",
            )
        )
