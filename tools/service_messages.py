"""Collect the English sentences services and the domain put in user-facing errors (``ast``).

    .venv/bin/python tools/service_messages.py          # list templates with no Chinese entry
    .venv/bin/python tools/service_messages.py --all    # list every template found

A template is the message with each ``{expr}`` of an f-string replaced by ``{0}``, ``{1}``, ... in
order; literal braces are doubled (``{{``), as in ``str.format``. Collected: string literals and
f-strings given to the error classes of ``deliverydesk/errors.py`` (a ``ValidationError`` dict's
values), and the message arguments of the validation helpers (``Checker.fail``/``not_before``) and of
``bundle_check.refused``. ``deliverydesk/gui/service_messages.py`` matches these at run time.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("deliverydesk/services", "deliverydesk/store", "deliverydesk/domain")
CATALOGUE = ROOT / "resources" / "translations" / "zh_CN" / "service_messages.json"
ERROR_CLASSES = {
    "DeliveryDeskError",
    "ValidationError",
    "NotFoundError",
    "RuleError",
    "StorageError",
    "ForeignFileError",
    "NewerVersionError",
    "CorruptDatabaseError",
    "DatabaseLockedError",
    "ReadOnlyStorageError",
    "DiskFullError",
    "BundleError",
    "ImportFileError",
}
# helper name -> positions of its message arguments
MESSAGE_HELPERS = {"fail": (1,), "not_before": (3,), "refused": (0,), "words": (0,)}
# functions that return a sentence (or build one in a dict) an error then carries
REASON_FUNCTIONS = {
    "unsafe_filename_reason",
    "size_problem",
    "pixel_bomb",
    "_describe_conflict",
    "image_refusal",
}


def template_of(node: ast.expr) -> str | None:
    """The template of a string literal or f-string (``None`` for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _escape(node.value)
    if not isinstance(node, ast.JoinedStr):
        return None
    parts, index = [], 0
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(_escape(value.value))
        else:
            parts.append(f"{{{index}}}")
            index += 1
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _message_nodes(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    if name in ERROR_CLASSES:
        for arg in [*call.args[:2], *(k.value for k in call.keywords if k.arg in {"message", "hint"})]:
            yield from arg.values if isinstance(arg, ast.Dict) else [arg]  # type: ignore[misc]
    for position in MESSAGE_HELPERS.get(name, ()):
        if len(call.args) > position:
            yield call.args[position]


def _branches(node: ast.expr) -> Iterator[ast.expr]:
    """``a if c else b`` passes either sentence."""
    if isinstance(node, ast.IfExp):
        yield from _branches(node.body)
        yield from _branches(node.orelse)
    else:
        yield node


def _reason_nodes(function: ast.FunctionDef) -> Iterator[ast.expr]:
    """What a reason function returns, and the values of the dicts it builds."""
    for node in ast.walk(function):
        if isinstance(node, ast.Return) and node.value is not None:
            yield node.value
        elif isinstance(node, ast.Dict):
            yield from node.values


def templates_in(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            candidates = list(_message_nodes(node))
        elif isinstance(node, ast.FunctionDef) and node.name in REASON_FUNCTIONS:
            candidates = list(_reason_nodes(node))
        else:
            continue
        for branch in (b for arg in candidates for b in _branches(arg)):
            template = template_of(branch)
            if template and template.strip():
                found.add(template)
    return found


def extract() -> set[str]:
    found: set[str] = set()
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            found |= templates_in(path.read_text(encoding="utf-8"))
    return found


def load_catalogue() -> dict[str, str]:
    """English template -> Chinese template (the ``messages`` part of the catalogue)."""
    if not CATALOGUE.exists():
        return {}
    return dict(json.loads(CATALOGUE.read_text(encoding="utf-8"))["messages"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every template, translated or not")
    args = parser.parse_args()
    catalogue = load_catalogue()
    shown = sorted(t for t in extract() if args.all or not catalogue.get(t))
    print(json.dumps(shown, ensure_ascii=False, indent=1))
    return 1 if any(not catalogue.get(t) for t in shown) else 0


if __name__ == "__main__":
    sys.exit(main())
