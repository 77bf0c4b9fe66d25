"""The registry of document kinds (``services.documents.build.DOCUMENT_KINDS``): every kind has an
entry, each entry's data class names the report module that prints it, and nothing else in the
package dispatches on the kind."""

from __future__ import annotations

import ast
from importlib import import_module
from pathlib import Path

from deliverydesk.domain.enums import LetterKind
from deliverydesk.reports.render import render
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import DOCUMENT_KINDS, DocumentRequest, build_document
from tests.integration.documents.conftest import Project

PACKAGE = Path(__file__).resolve().parents[3] / "deliverydesk"
DATA_CLASSES = {entry.data_type.__name__ for entry in DOCUMENT_KINDS.values()}


def test_every_kind_has_an_entry_whose_data_names_its_report_module() -> None:
    assert set(DOCUMENT_KINDS) == set(LetterKind)
    for kind, entry in DOCUMENT_KINDS.items():
        assert entry.kind is kind
        module = import_module(f"deliverydesk.reports.documents.{entry.data_type.REPORT}")
        assert callable(module.build_story) and isinstance(module.TITLE, str)


def test_each_kind_is_gathered_and_printed_through_its_entry(ctx: ServiceContext, project: Project) -> None:
    for kind, entry in DOCUMENT_KINDS.items():
        request = DocumentRequest(
            project.id,
            kind,
            change_request_id=project.decided_request_id if entry.about_change_request else None,
        )
        data = build_document(ctx, request)
        assert isinstance(data, entry.data_type) and data.meta.reference.startswith(project.code)
        assert render(data).startswith(b"%PDF")


def _dispatches(node: ast.AST) -> bool:
    """An ``if`` on a LetterKind member, or an isinstance against a document's data class."""
    if isinstance(node, ast.If | ast.IfExp):
        return any(
            isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "LetterKind"
            for n in ast.walk(node.test)
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance":
        classes = node.args[1] if len(node.args) > 1 else None
        names = {n.id for n in ast.walk(classes) if isinstance(n, ast.Name)} if classes else set()
        return bool(names & DATA_CLASSES)
    return False


def _narrowings(tree: ast.AST) -> set[ast.AST]:
    """The isinstance calls of ``assert`` statements: type-checker narrowing after the registry chose."""
    return {node.test for node in ast.walk(tree) if isinstance(node, ast.Assert)} | {
        node.test.operand
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert) and isinstance(node.test, ast.UnaryOp)
    }


def test_nothing_outside_the_registry_dispatches_on_the_kind_of_document() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE) == Path("services/documents/build.py"):
            continue  # the registry: which entry a printed document belongs to
        tree = ast.parse(path.read_text(encoding="utf-8"))
        narrowing = _narrowings(tree)
        for node in ast.walk(tree):
            if _dispatches(node) and node not in narrowing:
                found.append(f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}")
    assert found == []
