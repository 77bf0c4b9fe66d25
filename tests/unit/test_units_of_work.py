"""One user action, one transaction, read from the source of ``deliverydesk/services``.

A *public service function* is one that opens a unit of work (``ctx.db.unit_of_work()``, or the
read-only ``ctx.db.reading()``), and the methods of ``ProjectRecords`` that do (``ISSUES.create``
...). The rules:

- a public service function opens exactly one unit of work;
- a unit of work is opened only by a public function (not by a ``_private`` helper, not by a
  ``*_in`` helper, which works in the caller's unit of work);
- no code in ``services`` calls a public service function: an action that needs another's work calls
  its helper that takes the open session (``create_milestone_in(ctx, session, ...)``).

At run time, a unit of work opened inside another raises ``NestedUnitOfWorkError``
(``store.database``); these checks also catch the calls one after another, which would commit twice.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "deliverydesk" / "services"
UNIT_OPENERS = {
    "unit_of_work",
    "reading",
    "transactions",
}  # ``reading``: read-only; ``transactions``: the server's
RECORDS_METHODS = {"create", "update", "get", "list", "archive", "restore"}  # ProjectRecords: one unit each

# Maintenance batches, not user actions: each step is its own unit of work on purpose.
BATCHES = {
    # one short read and one short write per letter: a long run never holds a snapshot while it
    # prints, and an interrupted one keeps the copies it stored (tests/integration/documents)
    ("deliverydesk.services.documents.copies", "keep_issued_copies"),
    ("deliverydesk.services.documents.copies", "_keep_one"),
    ("deliverydesk.services.documents.copies", "_missing_copies"),
    # Team sync (docs/sync.md): no transaction is held across a call to the server; each pushed
    # group's answer and each pulled page is committed on its own, so an interrupted sync keeps what
    # it committed and the cursor moves only with the page written (tests/integration/sync/test_faults.py).
    ("deliverydesk.services.sync.client", "sync_now"),
    ("deliverydesk.services.sync.client", "_push_all"),
    ("deliverydesk.services.sync.client", "_upload"),
    ("deliverydesk.services.sync.client", "_pull_all"),
    ("deliverydesk.services.sync.client", "_fetch_files"),
    ("deliverydesk.services.sync.client", "_refresh_roster"),
    ("deliverydesk.services.sync.client", "_remember"),
    ("deliverydesk.services.sync.client", "undo_refused"),  # read the group, ask the server, write
    # issuing in a team: sync and reserve (server), issue (one unit of work of its own), push
    ("deliverydesk.services.sync.client", "reserve_letter"),
    ("deliverydesk.services.sync.client", "synced_for_issuing"),
    ("deliverydesk.services.sync.client", "issue_in_team"),
    # the server: one transaction per pushed group, as the protocol says (a group is one user action)
    ("deliverydesk.services.sync.server", "push_groups"),
}


@dataclass
class Module:
    name: str
    tree: ast.Module
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # local name -> (module, name)
    modules: dict[str, str] = field(default_factory=dict)  # local name -> module
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # create_x = RECORDS.create
    records: set[str] = field(default_factory=set)  # module-level ProjectRecords instances


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _load() -> dict[str, Module]:
    modules = {}
    for path in sorted(SERVICES.rglob("*.py")):
        module = Module(_module_name(path), ast.parse(path.read_text(encoding="utf-8")))
        modules[module.name] = module
    for module in modules.values():
        _index(module, modules)
    return modules


def _index(module: Module, modules: dict[str, Module]) -> None:
    for node in ast.walk(module.tree):
        if isinstance(node, ast.FunctionDef):
            module.functions.setdefault(node.name, node)
    for node in module.tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                local = alias.asname or alias.name
                full = f"{node.module}.{alias.name}"
                if full in modules:
                    module.modules[local] = full
                else:
                    module.imports[local] = (node.module, alias.name)
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "ProjectRecords"
        ):
            module.records.update(names)
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
            for name in names:
                module.aliases[name] = (value.value.id, value.attr)


def _opens(node: ast.AST) -> int:
    return sum(
        1
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in UNIT_OPENERS
    )


def _defined(modules: dict[str, Module], module: str, name: str, depth: int = 0) -> tuple[str, str] | None:
    """Where ``module.name`` is defined, following re-exports (None: not in services)."""
    found = modules.get(module)
    if found is None or depth > 5:
        return None
    if name in found.functions or name in found.aliases or name in found.records:
        return module, name
    if name in found.imports:
        return _defined(modules, *found.imports[name], depth=depth + 1)
    return None


def _is_records(modules: dict[str, Module], module: str, name: str) -> bool:
    where = _defined(modules, module, name)
    return where is not None and where[1] in modules[where[0]].records


def _public_service(modules: dict[str, Module], where: tuple[str, str] | None) -> bool:
    """Does this function open a unit of work, itself or through what it calls?"""
    return where is not None and where in _openers(modules)


def _opens_itself(modules: dict[str, Module], where: tuple[str, str]) -> bool:
    module = modules[where[0]]
    function = module.functions.get(where[1])
    if function is not None:
        return _opens(function) > 0
    if where[1] in module.aliases:
        owner, method = module.aliases[where[1]]
        return method in RECORDS_METHODS and _is_records(modules, where[0], owner)
    return False


def _openers(modules: dict[str, Module]) -> set[tuple[str, str]]:
    """Every services function that opens a unit of work directly or by calling one that does."""
    found = {
        (module.name, name)
        for module in modules.values()
        for name in (*module.functions, *module.aliases)
        if _opens_itself(modules, (module.name, name))
    }
    calls = list(_calls(modules))
    while True:
        more = {
            (module, name)
            for module, name, target in calls
            if (target in found or target[0] == "ProjectRecords") and (module, name) not in found
        }
        if not more:
            return found
        found |= more


def _callee(modules: dict[str, Module], module: Module, call: ast.Call) -> tuple[str, str] | None:
    """The services function a call reaches (for ``RECORDS.create(...)``: the method's pseudo-name)."""
    func = call.func
    if isinstance(func, ast.Name):
        if func.id in module.imports:
            return _defined(modules, *module.imports[func.id])
        return _defined(modules, module.name, func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        owner = func.value.id
        if owner in module.modules:
            return _defined(modules, module.modules[owner], func.attr)
        source = module.imports.get(owner, (module.name, owner))
        if func.attr in RECORDS_METHODS and _is_records(modules, *source):
            return ("ProjectRecords", func.attr)
    return None


def _calls(modules: dict[str, Module]) -> Iterator[tuple[str, str, tuple[str, str]]]:
    for module in modules.values():
        for name, function in module.functions.items():
            for call in ast.walk(function):
                if isinstance(call, ast.Call):
                    target = _callee(modules, module, call)
                    if target is not None:
                        yield module.name, name, target


def test_a_public_service_function_opens_exactly_one_unit_of_work_and_only_public_ones_open_any() -> None:
    modules = _load()
    problems = []
    for module in modules.values():
        for name, function in module.functions.items():
            opened = _opens(function)
            if (module.name, name) in BATCHES or opened == 0:
                continue
            if opened > 1:
                problems.append(f"{module.name}.{name} opens {opened} units of work")
            if name.startswith("_") or name.endswith("_in"):
                problems.append(f"{module.name}.{name} is a helper but opens a unit of work")
    assert problems == []


def test_services_never_call_a_public_service_function() -> None:
    modules = _load()
    openers = _openers(modules)
    problems = []
    for module, name, target in _calls(modules):
        if (module, name) in BATCHES:
            continue
        public = target[0] == "ProjectRecords" or target in openers
        if public and not (module.endswith(".kinds") and target[1] in RECORDS_METHODS):
            problems.append(f"{module}.{name} calls {target[0]}.{target[1]}")
    assert problems == []


def test_the_checks_see_a_call_to_a_public_service(tmp_path: Path) -> None:
    """The checks can fail: calls to a public function and to a ProjectRecords method are found."""
    modules = _load()
    scope = modules["deliverydesk.services.scope_guard"]
    source = (
        "from deliverydesk.services.records.milestones import move_milestone\n"
        "from deliverydesk.services.records.issues import ISSUES\n"
        "def decide(ctx):\n    move_milestone(ctx, 'm', None, reason='r')\n    ISSUES.create(ctx, None)\n"
    )
    probe = Module("deliverydesk.services.probe", ast.parse(source))
    _index(probe, modules)
    modules[probe.name] = probe
    found = {target for module, _name, target in _calls(modules) if module == probe.name}
    assert ("deliverydesk.services.records.milestones", "move_milestone") in found
    assert ("ProjectRecords", "create") in found
    assert _public_service(modules, ("deliverydesk.services.records.milestones", "move_milestone"))
    assert not _public_service(modules, ("deliverydesk.services.records.milestones", "move_milestone_in"))
    assert scope.functions["decide_change_request"] is not None
