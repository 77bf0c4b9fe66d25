"""Write ``deliverydesk/store/mapping.py``: the typed code that maps rows to the domain's records.

    .venv/bin/python tools/write_mappings.py [--check]

For each pair in ``ITEMS`` a function ``<name>_item(row, **computed) -> Item`` naming every field of the
item (the computed ones, which are not columns, are keyword arguments), and for each pair in ``DRAFTS``
a function ``write_<name>(row, draft)`` assigning every field of the draft but ``id``. Explicit code,
so mypy checks each field's type and a column added to a row and its item without the other fails
the type check; ``tests/integration/storage/test_mapping.py`` checks that no field is left out.
``--check`` exits 1 when the file is not what this script writes (the test runs it).
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import inspect  # noqa: E402

from deliverydesk.domain import drafts, models  # noqa: E402
from deliverydesk.store import tables  # noqa: E402

TARGET = ROOT / "deliverydesk" / "store" / "mapping.py"

# item class -> (row class, function name)
ITEMS = {
    "ClientItem": ("ClientRow", "client_item"),
    "ContactItem": ("ContactRow", "contact_item"),
    "ProjectItem": ("ProjectRow", "project_item"),
    "ScopeEntry": ("ScopeItemRow", "scope_entry"),
    "ExclusionItem": ("ExclusionRow", "exclusion_item"),
    "MilestoneItem": ("MilestoneRow", "milestone_item"),
    "MilestoneChangeItem": ("MilestoneChangeRow", "milestone_change_item"),
    "ExpectationItem": ("ExpectationRow", "expectation_item"),
    "ChangeRequestItem": ("ChangeRequestRow", "change_request_item"),
    "LetterItem": ("LetterRow", "letter_item"),
    "LogEntryItem": ("LogEntryRow", "log_entry_item"),
    "CommitmentItem": ("CommitmentRow", "commitment_item"),
    "IssueItem": ("IssueRow", "issue_item"),
    "CategoryItem": ("CategoryRow", "category_item"),
    "ReviewItem": ("ReviewRow", "review_item"),
    "ReviewActionItem": ("ReviewActionRow", "review_action_item"),
    "HandoverEntry": ("HandoverItemRow", "handover_entry"),
    "AttachmentItem": ("AttachmentRow", "attachment_item"),
    "SettingsItem": ("SettingsRow", "settings_item"),
    "SignatureItem": ("SignatureRow", "signature_item"),
    "PersonItem": ("PersonRow", "person_item"),
}
# draft class -> (row class, function name)
DRAFTS = {
    "ClientDraft": ("ClientRow", "write_client"),
    "ContactDraft": ("ContactRow", "write_contact"),
    "ProjectDraft": ("ProjectRow", "write_project"),
    "ScopeItemDraft": ("ScopeItemRow", "write_scope_item"),
    "ExclusionDraft": ("ExclusionRow", "write_exclusion"),
    "MilestoneDraft": ("MilestoneRow", "write_milestone"),
    "ExpectationDraft": ("ExpectationRow", "write_expectation"),
    "ChangeRequestDraft": ("ChangeRequestRow", "write_change_request"),
    "LogEntryDraft": ("LogEntryRow", "write_log_entry"),
    "CommitmentDraft": ("CommitmentRow", "write_commitment"),
    "IssueDraft": ("IssueRow", "write_issue"),
    "CategoryDraft": ("CategoryRow", "write_category"),
    "ReviewDraft": ("ReviewRow", "write_review"),
    "ReviewActionDraft": ("ReviewActionRow", "write_review_action"),
    "HandoverEntryDraft": ("HandoverItemRow", "write_handover_entry"),
    "SettingsDraft": ("SettingsRow", "write_settings"),
}

HEADER = '''"""Rows to the domain's records and back, field by field: typed code written by
``tools/write_mappings.py`` (edit that script's tables, not this file, and run it again).

``<record>_item(row, **computed)`` is the read side's frozen ``*Item`` of a row; the fields an item
computes (a linked record's name, slip in working days...) are the keyword arguments.
``write_<record>(row, draft)`` copies a ``*Draft``'s fields (all but ``id``) onto a row. Why a record
has three shapes (``*Draft``, ``*Item``, ``*Row``): docs/architecture.md, "Records".
"""

from __future__ import annotations

'''


def _columns(row_cls: type) -> list[str]:
    return [attribute.key for attribute in inspect(row_cls).column_attrs]


def _item_function(item: str, row: str, name: str) -> str:
    item_cls = getattr(models, item)
    columns = _columns(getattr(tables, row))
    fields = [f for f in dataclasses.fields(item_cls)]
    computed = [f for f in fields if f.name not in columns]
    params = "".join(f", {f.name}: {_annotation(f)}" for f in computed)
    star = ", *" if computed else ""
    lines = [f"def {name}(row: {row}{star}{params}) -> {item}:", f"    return {item}("]
    for f in fields:
        lines.append(f"        {f.name}={f.name}," if f in computed else f"        {f.name}=row.{f.name},")
    lines.append("    )")
    return "\n".join(lines)


def _annotation(field: dataclasses.Field[object]) -> str:
    return field.type if isinstance(field.type, str) else field.type.__name__


def _write_function(draft: str, row: str, name: str) -> str:
    draft_cls = getattr(drafts, draft)
    columns = _columns(getattr(tables, row))
    names = [f.name for f in dataclasses.fields(draft_cls) if f.name != "id"]
    missing = [n for n in names if n not in columns]
    if missing:
        raise SystemExit(f"{draft} has fields {row} has not: {missing}")
    body = "\n".join(f"    row.{n} = draft.{n}" for n in names)
    return f"def {name}(row: {row}, draft: {draft}) -> None:\n{body}"


def _imports(names: list[str], module: str) -> str:
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in sorted(set(names))) + ")\n"


def _computed_types() -> set[str]:
    """The domain types the computed fields are annotated with (``CategoryName | None`` -> CategoryName)."""
    names = set()
    for item, (row, _name) in ITEMS.items():
        columns = _columns(getattr(tables, row))
        for f in dataclasses.fields(getattr(models, item)):
            if f.name not in columns:
                names |= {part.strip() for part in _annotation(f).split("|")}
    return {name for name in names if name[:1].isupper() and name != "None"}


def source() -> str:
    computed = _computed_types()
    # A computed field's type is imported from where it is defined (metrics, enums), others from models.
    elsewhere: dict[str, list[str]] = {}
    for name in sorted(computed):
        module = getattr(models, name).__module__
        if module != models.__name__:
            elsewhere.setdefault(module, []).append(name)
    imported = {name for names in elsewhere.values() for name in names}
    parts = [
        HEADER,
        _imports(list(DRAFTS), "deliverydesk.domain.drafts"),
        *(_imports(names, module) for module, names in sorted(elsewhere.items())),
        _imports([*ITEMS, *(computed - imported)], "deliverydesk.domain.models"),
        _imports([row for row, _ in (*ITEMS.values(), *DRAFTS.values())], "deliverydesk.store.tables"),
        "\n\n# --- rows to items " + "-" * 80 + "\n",
    ]
    body = [_item_function(item, row, name) for item, (row, name) in ITEMS.items()]
    body.append(
        "# --- drafts onto rows ----------------------------------------------------------------------------"
    )
    body += [_write_function(draft, row, name) for draft, (row, name) in DRAFTS.items()]
    return "".join(parts) + "\n\n" + "\n\n\n".join(body) + "\n"


def formatted(text: str) -> str:
    ruff = str(Path(sys.executable).parent / "ruff")
    result = subprocess.run(
        [ruff, "format", "--stdin-filename", str(TARGET), "-"], input=text, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    fixed = subprocess.run(
        [ruff, "check", "--fix", "--select", "I", "--stdin-filename", str(TARGET), "-"],
        input=result.stdout,
        capture_output=True,
        text=True,
    )
    return fixed.stdout


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    args = parser.parse_args()
    text = formatted(source())
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(
                f"{TARGET.relative_to(ROOT)} is not what tools/write_mappings.py writes: run it",
                file=sys.stderr,
            )
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
