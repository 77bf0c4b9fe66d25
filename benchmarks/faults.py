"""A reliability suite anyone can run: writers killed mid-work, full disks, lock races, bad files.

    python -m benchmarks.faults [--kills 100] [--disk-full 12] [--races 30] [--work DIR]

Prints one table: for each kind of fault, the trials run, the committed rows lost and the integrity
failures (``deliverydesk check`` not healthy afterwards, a file changed that must not be, an
unexpected error, two writers at once). Every figure but "trials" must be 0.

* SIGKILL: a child process writes clients through the services (``create_client``: one unit of work
  per call, each printed only after its commit returned) and is killed at a random moment; the
  database is reopened and every printed client must be there, and ``check`` (integrity, foreign
  keys, the audit trail against the records) must pass.
* disk full: as root, a real small file system (tmpfs, 6–10 MiB, half of it freed afterwards) holds
  the database and a writer fills it until the disk is full; the error must be the plain "disk is
  full", every committed row must survive, and once space is freed the next write and ``check``
  must succeed. Without root the
  file is capped with ``PRAGMA max_page_count`` instead (the figure says which).
* lock races: three processes try to open the same database for writing at once (by its path, a
  symbolic link and a hard link); each holder records when it held the lock: two holders at once
  is a failure.
* bad files: each kind of unusable file × four commands (check, list-projects, backup, demo): never
  exit 0 for a file that is not a healthy database, never exit 4 (a bug), never change the file.

Costs about 10 minutes with the defaults on two busy cores (the kills dominate: a child process each).
CI runs a bounded subset (tests/integration/storage/test_faults_benchmark.py, marked slow).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    fault: str
    trials: int = 0
    rows_lost: int = 0
    integrity_failures: int = 0
    note: str = ""


WRITER = """
    import sys
    from pathlib import Path
    from deliverydesk.domain.drafts import ClientDraft
    from deliverydesk.services.records.clients import create_client
    from deliverydesk.services.storage import OpenOptions, open_workspace
    workspace = open_workspace(OpenOptions(data_dir=Path(sys.argv[1]), create=True))
    number = 0
    while True:
        create_client(workspace.ctx, ClientDraft(name=f"writer {number:06d}", notes="x" * 2000))
        print(number, flush=True)  # only after the commit returned
        number += 1
"""


def _child(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _client_names(data_dir: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(data_dir / "deliverydesk.db")) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM client")}


def _healthy(data_dir: Path) -> bool:
    from deliverydesk.errors import DeliveryDeskError
    from deliverydesk.services.storage import OpenOptions, check_database

    try:
        return check_database(OpenOptions(data_dir=data_dir)).ok
    except DeliveryDeskError:
        return False


def kill_trials(count: int, work: Path, seed: int = 20261205) -> Row:
    """Writers killed with SIGKILL mid-stream; nothing they reported committed may be lost."""
    row = Row("SIGKILL writers (services)")
    rng = random.Random(seed)
    data_dir = work / "kills"
    for _trial in range(count):
        child = _child(WRITER, str(data_dir))
        assert child.stdout is not None
        reported: list[int] = []
        stop_after = rng.randint(1, 60)
        while len(reported) < stop_after:
            line = child.stdout.readline()
            if not line:
                break
            reported.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        row.trials += 1
        names = _client_names(data_dir)
        row.rows_lost += sum(1 for number in reported if f"writer {number:06d}" not in names)
        row.integrity_failures += 0 if _healthy(data_dir) else 1
    return row


# --- full disk ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _small_file_system(work: Path, megabytes: int) -> Iterator[Path | None]:
    """A tmpfs of ``megabytes`` (root only); None when it cannot be mounted here."""
    mount = Path(tempfile.mkdtemp(prefix="small-", dir=work))
    if os.geteuid() != 0:
        yield None
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(mount)],
        check=False,
        capture_output=True,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill_until_full(workspace: object, prefix: str) -> tuple[list[str], str]:
    """Write clients until the disk is full: (the names committed, the error's message)."""
    from deliverydesk.domain.drafts import ClientDraft
    from deliverydesk.errors import DiskFullError
    from deliverydesk.services.records.clients import create_client

    saved: list[str] = []
    for number in range(100_000):
        name = f"{prefix} {number:06d}"
        try:
            create_client(workspace.ctx, ClientDraft(name=name, notes="字" * 6000))  # type: ignore[attr-defined]
        except DiskFullError as exc:
            return saved, str(exc.message)
        saved.append(name)
    return saved, ""


def disk_full_trials(count: int, work: Path, template: Path, seed: int = 7) -> Row:
    from deliverydesk.services.storage import OpenOptions, open_workspace

    rng = random.Random(seed)
    row = Row("disk full")
    for trial in range(count):
        size = rng.randint(6, 10)
        with _small_file_system(work, size) as mount:
            real = mount is not None
            root = (mount if mount is not None else Path(tempfile.mkdtemp(dir=work))) / "data"
            root.mkdir()
            shutil.copyfile(template, root / "deliverydesk.db")
            if real:
                # Freed after the disk filled, as a user would: room for the checkpoint to move the
                # write-ahead log into the database file (both hold the newest pages until then).
                (root.parent / "reserve").write_bytes(b"\0" * (size // 2) * 1024 * 1024)
            workspace = open_workspace(OpenOptions(data_dir=root))
            if not real:
                _cap_pages(workspace, 40 + trial * 7)
            saved, message = _fill_until_full(workspace, f"trial {trial}")
            workspace.close()
            row.trials += 1
            if "full" not in message:
                row.integrity_failures += 1
            if real:
                (root.parent / "reserve").unlink()
            names = _client_names(root)
            row.rows_lost += sum(1 for name in saved if name not in names)
            row.integrity_failures += 0 if _after_space_freed(root) else 1
            row.note = "tmpfs 6-10 MiB, half freed after" if real else "max_page_count (not root)"
    return row


def _cap_pages(workspace: object, extra: int) -> None:
    from sqlalchemy import event

    engine = workspace.ctx.db.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    event.listen(
        engine, "connect", lambda raw, _record: raw.execute(f"PRAGMA max_page_count = {pages + extra}")
    )
    engine.dispose()


def _after_space_freed(root: Path) -> bool:
    """The next write works and the file is healthy."""
    from deliverydesk.domain.drafts import ClientDraft
    from deliverydesk.services.records.clients import create_client
    from deliverydesk.services.storage import OpenOptions, open_workspace

    try:
        workspace = open_workspace(OpenOptions(data_dir=root))
        try:
            create_client(workspace.ctx, ClientDraft(name="after space was freed"))
        finally:
            workspace.close()
    except Exception:
        return False
    return _healthy(root)


# --- lock races --------------------------------------------------------------------------------

HOLDER = """
    import sys, time
    from pathlib import Path
    from deliverydesk.errors import DatabaseLockedError
    from deliverydesk.services.storage import OpenOptions, open_workspace
    start_at = float(sys.argv[2])
    while time.time() < start_at:
        time.sleep(0.001)
    try:
        workspace = open_workspace(OpenOptions(data_dir=Path(sys.argv[1])))
    except DatabaseLockedError:
        print("locked", flush=True)
        raise SystemExit(0)
    began = time.time()
    time.sleep(0.3)
    ended = time.time()
    workspace.close()
    print(f"held {began} {ended}", flush=True)
"""


def lock_races(count: int, work: Path, template: Path) -> Row:
    """Three processes at once, reaching the file by its path, a symbolic link and a hard link."""
    row = Row("lock races (3 processes)")
    for trial in range(count):
        base = work / f"race-{trial}"
        folders = [base / name for name in ("path", "symlink", "hardlink")]
        for folder in folders:
            folder.mkdir(parents=True)
        database = folders[0] / "deliverydesk.db"
        shutil.copyfile(template, database)
        (folders[1] / "deliverydesk.db").symlink_to(database)
        os.link(database, folders[2] / "deliverydesk.db")
        start_at = f"{time.time() + 1.5:.3f}"
        children = [_child(HOLDER, str(folder), start_at) for folder in folders]
        spans = []
        for child in children:
            out, _err = child.communicate(timeout=60)
            for line in out.splitlines():
                if line.startswith("held "):
                    began, ended = map(float, line.split()[1:])
                    spans.append((began, ended))
        row.trials += 1
        overlapping = any(a[0] < b[1] and b[0] < a[1] for i, a in enumerate(spans) for b in spans[i + 1 :])
        row.integrity_failures += 1 if overlapping or not spans else 0
    return row


# --- bad files ---------------------------------------------------------------------------------


def _healthy_bytes(template: Path) -> bytes:
    return template.read_bytes()


def bad_files(template: Path) -> dict[str, Callable[[Path], None]]:
    """Kinds of unusable database file, each made at ``path``."""
    good = _healthy_bytes(template)

    def write(data: bytes) -> Callable[[Path], None]:
        def made(path: Path) -> None:
            path.write_bytes(data)

        return made

    def damaged_page(path: Path) -> None:
        data = bytearray(good)
        for page in range(1, len(good) // 4096, 3):  # the b-tree header of every third page
            for offset in range(page * 4096, page * 4096 + 12):
                data[offset] ^= 0x5A
        path.write_bytes(bytes(data))

    def foreign(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("CREATE TABLE notes (text)")
            connection.commit()

    def newer(path: Path) -> None:
        path.write_bytes(good)
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA user_version = 99")

    return {
        "empty file": write(b""),
        "garbage": write(os.urandom(8192)),
        "text file": write("不是数据库 not a database\n".encode() * 100),
        "PDF": write(b"%PDF-1.4\n" + b"0" * 4000),
        "truncated": write(good[: len(good) // 3]),
        "header only": write(good[:100]),
        "damaged page": damaged_page,
        "foreign SQLite": foreign,
        "newer schema": newer,
        "a folder": lambda path: path.mkdir(),
        "dangling symlink": lambda path: path.symlink_to(path.parent / "gone.db"),
        "a FIFO": lambda path: os.mkfifo(path),
    }


COMMANDS = (["check"], ["list-projects"], ["backup"], ["demo"])


def tampered_files(template: Path) -> dict[str, Callable[[Path], None]]:
    """Healthy SQLite files changed behind DeliveryDesk's back: check must call them unhealthy
    (exit 3); the other commands may read them, and none may fail with a bug."""
    good = _healthy_bytes(template)

    def edited_with(*statements: str) -> Callable[[Path], None]:
        def make(path: Path) -> None:
            path.write_bytes(good)
            with contextlib.closing(sqlite3.connect(path)) as connection:
                for statement in statements:
                    connection.execute(statement)
                connection.commit()

        return make

    no_audit = edited_with("DROP TABLE audit_event", "DROP TABLE audit_head")
    edited = edited_with("UPDATE client SET name = 'edited outside'")
    trail_cut = edited_with("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")

    return {"audit tables dropped": no_audit, "edited outside": edited, "newest event deleted": trail_cut}


def _fingerprint(path: Path) -> str:
    if path.is_symlink() or not path.is_file():
        return f"{path.is_symlink()} {path.is_dir()} {path.exists()}"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run_command(command: list[str], make: Callable[[Path], None], work: Path) -> tuple[int, bool]:
    """(exit code, whether the file changed) of one command on a fresh file made by ``make``."""
    from deliverydesk.cli import main

    data_dir = Path(tempfile.mkdtemp(prefix="bad-", dir=work))
    path = data_dir / "deliverydesk.db"
    make(path)
    before = _fingerprint(path)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main([*command, "--data-dir", str(data_dir)])
    return code, _fingerprint(path) != before


def bad_file_matrix(work: Path, template: Path) -> Row:
    """Unusable files: every command refuses (exit 1 or 3) and leaves the file as it was. Tampered
    files: check says unhealthy (exit 3); no command fails with a bug (exit 4)."""
    unusable, tampered = bad_files(template), tampered_files(template)
    row = Row(f"bad files ({len(unusable)}+{len(tampered)}) x 4 commands")
    for kind, make in {**unusable, **tampered}.items():
        for command in COMMANDS:
            code, changed = _run_command(command, make, work)
            row.trials += 1
            if kind in unusable:
                failed = code not in (1, 3) or changed
            else:
                failed = code == 4 or (command == ["check"] and (code != 3 or changed))
            if failed:
                row.integrity_failures += 1
                row.note += f"{kind}/{command[0]}: exit {code}{', changed' if changed else ''}; "
    return row


# --- running -----------------------------------------------------------------------------------


def make_template(work: Path) -> Path:
    """A closed, healthy database with one client."""
    from deliverydesk.domain.drafts import ClientDraft
    from deliverydesk.services.records.clients import create_client
    from deliverydesk.services.storage import OpenOptions, open_workspace

    folder = work / "template"
    workspace = open_workspace(OpenOptions(data_dir=folder, create=True))
    create_client(workspace.ctx, ClientDraft(name="Acme 甲方"))
    workspace.close()
    return folder / "deliverydesk.db"


def run(kills: int, disk_full: int, races: int, work: Path) -> list[Row]:
    template = make_template(work)
    return [
        kill_trials(kills, work),
        disk_full_trials(disk_full, work, template),
        lock_races(races, work, template),
        bad_file_matrix(work, template),
    ]


def table(rows: list[Row]) -> str:
    lines = [f"{'fault':<30} {'trials':>7} {'rows lost':>10} {'integrity failures':>19}  note"]
    for row in rows:
        figures = f"{row.trials:>7} {row.rows_lost:>10} {row.integrity_failures:>19}"
        lines.append(f"{row.fault:<30} {figures}  {row.note}".rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--disk-full", type=int, default=12)
    parser.add_argument("--races", type=int, default=30)
    parser.add_argument("--work", type=Path, help="a folder for the trial files (default: a temporary one)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DELIVERYDESK_DATA_DIR", "/nonexistent-deliverydesk-benchmark")
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="faults-")))
        work.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        rows = run(args.kills, args.disk_full, args.races, work)
        print(table(rows))
        print(f"({time.monotonic() - started:.0f} s)")
    return 0 if all(r.rows_lost == 0 and r.integrity_failures == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
