"""The head and known revisions are read without Alembic; opening a current file does not load it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from deliverydesk.paths import MIGRATIONS_DIR
from deliverydesk.store.migrate import current_revision, head_revision, known_revisions, upgrade


def alembic_scripts(migrations: Path) -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(migrations))
    return ScriptDirectory.from_config(config)


IDENTIFIERS_BELOW_THE_FUNCTIONS = '''"""A docstring with a line that looks like code:
def upgrade
"""


def upgrade() -> None:
    pass


revision = "t_0004"
down_revision = "t_0003"
'''


def with_extra_revisions(tmp_path: Path) -> Path:
    """A copy of db/migrations with three more revisions, written in the ways Alembic accepts."""
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    template = textwrap.dedent(
        """
        revision{annotation} = "{revision}"
        down_revision = {down!r}

        def upgrade() -> None:
            pass
        """
    )
    second = template.format(annotation="", revision="t_0002", down=head_revision())
    third = template.format(annotation=": str", revision="t_0003", down=("t_0002",))
    (copy / "versions" / "t_0002.py").write_text(second)
    (copy / "versions" / "t_0003.py").write_text(third)
    (copy / "versions" / "t_0004.py").write_text(IDENTIFIERS_BELOW_THE_FUNCTIONS)
    return copy


@pytest.mark.parametrize("extra", [False, True], ids=["shipped", "with-extra-revisions"])
def test_head_and_known_revisions_match_alembics_own_reading(tmp_path: Path, extra: bool) -> None:
    migrations = with_extra_revisions(tmp_path) if extra else MIGRATIONS_DIR
    scripts = alembic_scripts(migrations)

    assert head_revision(migrations) == scripts.get_current_head()
    assert known_revisions(migrations) == {s.revision for s in scripts.walk_revisions()}
    if extra:
        assert head_revision(migrations) == "t_0004"


def test_current_revision_reads_the_stamp_and_none_before_any_migration(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    try:
        with engine.begin() as connection:
            assert current_revision(connection) is None
            upgrade(connection)
            assert current_revision(connection) == head_revision()
    finally:
        engine.dispose()


OPEN_AND_REPORT = """
import sys
from pathlib import Path
from deliverydesk.services.storage import OpenOptions, open_workspace
workspace = open_workspace(OpenOptions(data_dir=Path(sys.argv[1])))
workspace.close()
print("alembic" in sys.modules, "mako" in sys.modules, Path(sys.modules["deliverydesk"].__file__).parent)
"""


def test_opening_a_current_database_does_not_import_alembic(existing_db: Path) -> None:
    source_root = str(Path(__file__).resolve().parents[3])  # this checkout, whatever is installed
    result = subprocess.run(
        [sys.executable, "-c", OPEN_AND_REPORT, str(existing_db.parent)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": source_root},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", str(Path(source_root, "deliverydesk"))]
