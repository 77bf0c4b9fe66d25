"""Home lists the projects whose expectation letter is out of date (an expectation changed since it
was issued), with the same rule as the Documents page, in one query for all projects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, timedelta
from typing import Any

import pytest

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.enums import LETTER_STATUSES, ExpectationStatus, LetterKind, ProjectStatus
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.records.expectations import (
    archive_expectation,
    create_expectation,
    get_expectation,
    list_expectations,
    update_expectation,
)
from deliverydesk.services.records.projects import archive_project
from deliverydesk.store import attention_reads as q
from deliverydesk.store.plain import Reader
from tests.integration.postgres import NO_SERVER, SERVER, postgres_ctx
from tests.integration.services.conftest import make_client, make_project

KIND = AttentionKind.EXPECTATION_LETTER_OUTDATED
DUE = date(2026, 4, 30)


def _project(ctx: ServiceContext, code: str, **extra: object) -> tuple[str, str]:
    """A live project with one confirmed expectation; returns (project id, expectation id)."""
    client_id, _signer, _coordinator = make_client(ctx, name=f"Client of {code}")
    project_id = make_project(ctx, client_id, code=code, **extra)
    expectation = create_expectation(
        ctx,
        ExpectationDraft(
            project_id=project_id,
            statement="扫码报工 2 秒内完成 <b>'; DROP TABLE letter;--</b> 𠮷 ✓",
            measure="20 次中 19 次 ≤ 2 秒",
            due_date=DUE,
            status=ExpectationStatus.CONFIRMED,
        ),
    )
    return project_id, expectation.id


def _issue(ctx: ServiceContext, project_id: str) -> str:
    request = DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    return letters.issue_document(ctx, request).letter.id


def _edit(ctx: ServiceContext, expectation_id: str, **changes: Any) -> None:
    item = get_expectation(ctx, expectation_id)
    values = {f.name: getattr(item, f.name) for f in fields(ExpectationDraft)}
    update_expectation(ctx, ExpectationDraft(**{**values, **changes}))


def _listed(ctx: ServiceContext) -> list[tuple[str, str | None]]:
    return [(item.project_id, item.record_id) for item in get_attention(ctx).of_kind(KIND)]


def test_an_edited_expectation_lists_the_project_until_the_letter_is_reissued(ctx: ServiceContext) -> None:
    project_id, expectation_id = _project(ctx, "DD-EL-1")
    first = _issue(ctx, project_id)
    assert _listed(ctx) == []
    _edit(ctx, expectation_id, measure="20 次中 20 次 ≤ 2 秒")
    report = get_attention(ctx)
    [item] = report.of_kind(KIND)
    assert (item.project_id, item.record_id, item.project_code) == (project_id, first, "DD-EL-1")
    assert item.ref.endswith(" v1") and item.due == ctx.today()
    assert report.totals[KIND] == 1
    second = _issue(ctx, project_id)
    assert second != first and _listed(ctx) == []


def test_projects_without_a_letter_and_archived_or_closed_ones_are_not_listed(ctx: ServiceContext) -> None:
    _project(ctx, "DD-EL-2")  # never issued: nothing to be out of date
    for code in ("DD-EL-3", "DD-EL-4"):
        project_id, expectation_id = _project(ctx, code)
        _issue(ctx, project_id)
        _edit(ctx, expectation_id, statement="changed")
    archived = get_attention(ctx).of_kind(KIND)[0].project_id
    archive_project(ctx, archived)
    closed, expectation_id = _project(ctx, "DD-EL-5", status=ProjectStatus.CLOSED)
    _issue(ctx, closed)
    _edit(ctx, expectation_id, statement="changed")
    assert [item.project_code for item in get_attention(ctx).of_kind(KIND)] == ["DD-EL-4"]


def _python_rule(ctx: ServiceContext, project_id: str, letter_id: str) -> bool:
    """The rule as the Documents page used to compute it in Python: the printed list differs."""
    live = [e for e in list_expectations(ctx, project_id).rows if e.status in LETTER_STATUSES]
    current = sorted(
        [e.ref, e.statement, e.measure, e.due_date.isoformat() if e.due_date else ""] for e in live
    )
    printed = json.loads(letters.get_letter(ctx, letter_id).content_json).get("expectations", [])
    return current != sorted([e["ref"], e["statement"], e["measure"], e["due"] or ""] for e in printed)


def _add(ctx: ServiceContext, project_id: str, status: ExpectationStatus) -> None:
    create_expectation(ctx, ExpectationDraft(project_id=project_id, statement="Another", status=status))


CHANGES = {
    "nothing": lambda ctx, p, e: None,
    "statement": lambda ctx, p, e: _edit(ctx, e, statement="扫码报工 3 秒内完成"),
    "measure emptied": lambda ctx, p, e: _edit(ctx, e, measure=""),
    "due moved": lambda ctx, p, e: _edit(ctx, e, due_date=DUE + timedelta(days=1)),
    "due removed": lambda ctx, p, e: _edit(ctx, e, due_date=None),
    "status only": lambda ctx, p, e: _edit(ctx, e, status=ExpectationStatus.MET),
    "withdrawn": lambda ctx, p, e: _edit(ctx, e, status=ExpectationStatus.WITHDRAWN),
    "archived": lambda ctx, p, e: archive_expectation(ctx, e),
    "one added": lambda ctx, p, e: _add(ctx, p, ExpectationStatus.DRAFT),
    "withdrawn one added": lambda ctx, p, e: _add(ctx, p, ExpectationStatus.WITHDRAWN),
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_ctx(request: pytest.FixtureRequest, ctx: ServiceContext) -> Iterator[ServiceContext]:
    """The workspace's SQLite file, and a PostgreSQL server database (the same SQL runs on both)."""
    if request.param == "sqlite":
        yield ctx
        return
    if not SERVER:
        pytest.skip(NO_SERVER)
    with postgres_ctx("dd_letters") as server_ctx:
        yield server_ctx


@pytest.mark.parametrize("change", list(CHANGES))
def test_home_and_the_documents_page_agree_with_the_printed_list(
    any_ctx: ServiceContext, change: str
) -> None:
    ctx = any_ctx
    project_id, expectation_id = _project(ctx, "DD-EL-6")
    letter_id = _issue(ctx, project_id)
    CHANGES[change](ctx, project_id, expectation_id)
    expected = _python_rule(ctx, project_id, letter_id)
    assert expected is (change not in ("nothing", "status only", "withdrawn one added"))
    assert letters.expectation_letter_outdated(ctx, project_id) is expected
    assert (project_id, letter_id) in _listed(ctx) if expected else _listed(ctx) == []


def test_the_home_query_is_the_same_statements_for_one_project_or_many(ctx: ServiceContext) -> None:
    def statements() -> int:
        seen: list[str] = []
        with ctx.db.reading() as r:

            def counted(sql: str, params: Any = None, /) -> Any:
                seen.append(sql)
                return r.rows(sql, params)

            q.expectation_letters_outdated(Reader(counted, sqlite=r.sqlite), LETTER_STATUSES, 50)
        return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])

    for n in range(4):
        project_id, expectation_id = _project(ctx, f"DD-EL-{10 + n}")
        _issue(ctx, project_id)
        _edit(ctx, expectation_id, statement=f"changed {n}")
        if n == 0:
            with_one = statements()
    assert statements() == with_one == 2  # the count and the page, however many projects
