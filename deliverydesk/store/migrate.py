"""Schema upgrades with Alembic, run inside the caller's transaction.

``migrations_dir`` defaults to the project's ``db/migrations``; tests point it at a temporary copy
holding throw-away revisions. On SQLite, ``upgrade`` also stamps the file's identity
(``application_id`` and ``user_version``, see ``store.identity``) in the same transaction.

Alembic (with mako and pygments, ~0.2 s) is imported only to upgrade, and SQLAlchemy only to upgrade
or read a database's revision (``store.plain`` reads the head without it): the head and the known
revisions are read from the version scripts' ``revision`` / ``down_revision`` assignments with
``ast`` (never executing them), and the current revision with a plain query. A test compares them
with Alembic's own ``ScriptDirectory`` so the two readings cannot drift apart.
"""

from __future__ import annotations

import ast
import re
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.paths import MIGRATIONS_DIR
from deliverydesk.store.identity import stamp_identity

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

VERSION_TABLE = "alembic_version"
# The files Alembic takes as version scripts (its own pattern: *.py, not __init__ or editor locks).
SCRIPT_NAME = re.compile(r"(?!\.#|__init__)(.*\.py)$")
FIRST_DEFINITION = re.compile(r"^(?:@|def\b|async\s+def\b|class\b)", re.MULTILINE)

Parents = tuple[str, ...]


def alembic_config(connection: Connection | None = None, migrations_dir: Path | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir or MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _literal(node: ast.expr) -> Parents:
    """``down_revision`` as a tuple of parents: None, one string, or a tuple/list of strings."""
    value = ast.literal_eval(node)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"unexpected revision value {value!r}")


def _assignments(tree: ast.Module) -> dict[str, ast.expr]:
    """The module-level ``revision`` and ``down_revision`` assignments (plain or annotated)."""
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = value
    return found


def _identifiers(source: str, filename: str) -> dict[str, ast.expr]:
    """Alembic writes the identifiers above the functions: the part before the first definition is
    parsed alone (a large script costs ~10 ms to parse whole); anything unusual parses it all."""
    first_definition = FIRST_DEFINITION.search(source)
    if first_definition is not None:
        with suppress(SyntaxError):
            found = _assignments(ast.parse(source[: first_definition.start()], filename))
            if len(found) == 2:
                return found
    return _assignments(ast.parse(source, filename))


@lru_cache(maxsize=64)
def _read_script(path: Path, mtime_ns: int, size: int) -> tuple[str, Parents]:
    """(revision, parents) of one version script; cached while the file is unchanged."""
    found = _identifiers(path.read_text(encoding="utf-8"), str(path))
    if "revision" not in found:
        raise ValueError(f"{path} has no 'revision' assignment")
    (revision,) = _literal(found["revision"])
    return revision, _literal(found["down_revision"]) if "down_revision" in found else ()


def revision_graph(migrations_dir: Path | None = None) -> dict[str, Parents]:
    """Every revision of the version scripts with its parents (down revisions)."""
    versions = (migrations_dir or MIGRATIONS_DIR) / "versions"
    graph: dict[str, Parents] = {}
    for path in sorted(versions.iterdir()):
        if path.is_file() and SCRIPT_NAME.fullmatch(path.name):
            stat = path.stat()
            revision, parents = _read_script(path, stat.st_mtime_ns, stat.st_size)
            graph[revision] = parents
    return graph


def head_revision(migrations_dir: Path | None = None) -> str:
    graph = revision_graph(migrations_dir)
    parents = {parent for down in graph.values() for parent in down}
    heads = [revision for revision in graph if revision not in parents]
    assert len(heads) == 1, f"the migrations must have exactly one head, not {heads}"
    return heads[0]


def known_revisions(migrations_dir: Path | None = None) -> set[str]:
    return set(revision_graph(migrations_dir))


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, None when it has never been migrated."""
    from sqlalchemy import inspect, text  # the plain reads (``store.plain``) use this module without it

    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    versions = list(connection.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))
    assert len(versions) <= 1, f"more than one schema revision stamped: {versions}"
    return versions[0] if versions else None


def upgrade(connection: Connection, migrations_dir: Path | None = None) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection, migrations_dir), "head")
    if connection.dialect.name == "sqlite":
        stamp_identity(connection.exec_driver_sql)
