"""Single writer: a lock file next to the database naming its holder (host, PID, since).

Portable logic, no fcntl/msvcrt: the file is created with O_CREAT|O_EXCL. A lock left by a dead
process on this host is taken over. On Windows, and for locks held on another host, liveness cannot
be checked safely (``os.kill(pid, 0)`` would signal the process there), so such a lock is treated as
held and the message names it so the user can remove it by hand.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deliverydesk.errors import DatabaseLockedError, DiskFullError, ReadOnlyStorageError, StorageError
from deliverydesk.i18n import Message, msg

READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
BOOT_TIME_SLACK_S = 60.0
UNREADABLE_LOCK_AGE_S = 60.0
# Lock files this process holds: a lock naming our own PID that is not in here was left by an earlier
# process that had the same PID (after a reboot), so it is stale.
_HELD_BY_THIS_PROCESS: set[Path] = set()


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: str  # ISO 8601, as written by the holder

    def describe(self) -> Message:
        """Who holds the lock, in the reader's language (an unreadable lock file names nobody)."""
        if self == UNREADABLE:
            return msg("another DeliveryDesk (its lock file cannot be read)")
        return msg(
            "DeliveryDesk on {host} (process {pid}, since {since})",
            host=self.host,
            pid=self.pid,
            since=self.since,
        )

    def to_json(self) -> str:
        return json.dumps({"host": self.host, "pid": self.pid, "since": self.since})


UNREADABLE = LockHolder(host="an unknown computer", pid=0, since="an unknown time")


def lock_path_for(database: Path) -> Path:
    """The lock file beside the database file itself: a symbolic link to it leads to the same lock."""
    database = database.resolve() if database.exists() else database.absolute()
    return database.with_name(database.name + ".lock")


def hold_file(database: Path) -> int | None:
    """Lock the database file itself (its device and inode: ``flock``), so a second writer reaching it
    by another path, a hard link say, is refused too. Returns the descriptor to keep open while
    writing (None where this is not available: Windows, where the resolved path's lock file serves,
    and network folders, where ``flock`` is emulated with the byte-range locks SQLite itself uses).

    Raises DatabaseLockedError when another process holds it. The descriptor is closed only after
    every SQLite connection of this process to the file is closed (closing any descriptor of a file
    drops the process's POSIX locks on it)."""
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    from deliverydesk.store.filesystems import network_kind

    if network_kind(database) is not None:
        return None
    try:  # never waits: a pipe put where the database should be would block a plain open
        descriptor = os.open(database, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None  # cannot be opened to lock: the open that follows reports why
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(descriptor)
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise DatabaseLockedError(
                msg(
                    "{database} is already open for writing by another DeliveryDesk (through another path"
                    " to the same file: a link or a copy of the folder's entry).",
                    database=database,
                ),
                hint=msg("Close DeliveryDesk there, or open this database read-only."),
            ) from exc
        return None  # flock not supported here
    return descriptor


def read_holder(lock_file: Path) -> LockHolder | None:
    """The holder written in ``lock_file``; None when missing or unreadable (half-written)."""
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockHolder(host=str(data["host"]), pid=int(data["pid"]), since=str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return UNREADABLE


def _process_alive(pid: int) -> bool:
    if os.name == "nt" or pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _boot_time() -> float | None:
    """When this machine last booted (Linux), to spot a lock older than the boot: its PID may be reused."""
    boottime_clock = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime_clock is None:
        return None
    return time.time() - time.clock_gettime(boottime_clock)


def _written_before_boot(lock_file: Path) -> bool:
    boot = _boot_time()
    try:
        return boot is not None and lock_file.stat().st_mtime < boot - BOOT_TIME_SLACK_S
    except FileNotFoundError:
        return False


def _older_than(lock_file: Path, seconds: float) -> bool:
    try:
        return lock_file.stat().st_mtime < time.time() - seconds
    except FileNotFoundError:
        return False


def is_stale(holder: LockHolder, lock_file: Path) -> bool:
    """A lock on this host whose process is gone (or that predates the last boot) is stale.

    An unreadable lock is being written right now, or was left by a crash while being written:
    after a minute it is stale."""
    if holder == UNREADABLE:
        return _older_than(lock_file, UNREADABLE_LOCK_AGE_S)
    if holder.host != socket.gethostname():
        return False
    if holder.pid == os.getpid():
        return lock_file not in _HELD_BY_THIS_PROCESS
    return _written_before_boot(lock_file) or not _process_alive(holder.pid)


def _create_exclusive(lock_file: Path, holder: LockHolder) -> bool:
    try:
        descriptor = os.open(lock_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno in READ_ONLY_ERRNOS:
            raise ReadOnlyStorageError(
                msg(
                    "The folder {parent} is read-only, so the database cannot be opened for writing.",
                    parent=lock_file.parent,
                ),
                hint=msg("Open it read-only, or move the data folder somewhere writable."),
            ) from exc
        raise _lock_write_error(lock_file, exc) from exc
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(holder.to_json())
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:  # e.g. the disk is full: never leave an empty lock that blocks the next start
        with suppress(OSError):
            lock_file.unlink()
        raise _lock_write_error(lock_file, exc) from exc
    return True


def _lock_write_error(lock_file: Path, exc: OSError) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(
            msg(
                "The disk holding {parent} is full, so the database cannot be opened for writing.",
                parent=lock_file.parent,
            ),
            hint=msg("Free some space, then try again."),
        )
    return StorageError(
        msg(
            "Cannot create the lock file {lock_file}: {strerror}.", lock_file=lock_file, strerror=exc.strerror
        )
    )


@dataclass
class WriterLock:
    """Held by the process that writes the database; ``release`` removes the file if still ours."""

    path: Path
    holder: LockHolder
    file_descriptor: int | None = None  # ``hold_file``: the database file itself, locked

    @classmethod
    def acquire(cls, database: Path, clock: Callable[[], datetime]) -> WriterLock:
        lock_file = lock_path_for(database)
        me = LockHolder(
            host=socket.gethostname(), pid=os.getpid(), since=clock().isoformat(timespec="seconds")
        )
        for _attempt in range(3):
            if _create_exclusive(lock_file, me):
                _HELD_BY_THIS_PROCESS.add(lock_file)
                return cls(lock_file, me)
            current = read_holder(lock_file)
            if current is not None and not is_stale(current, lock_file):
                raise _locked_error(database, lock_file, current)
            _remove_if_unchanged(lock_file, current)
        raise StorageError(
            msg("Could not take the lock {lock_file}: other programs keep changing it.", lock_file=lock_file)
        )

    def hold(self, database: Path) -> None:
        """Also lock the database file itself (see ``hold_file``); releases everything if refused."""
        try:
            self.file_descriptor = hold_file(database)
        except DatabaseLockedError:
            self.release()
            raise

    def release(self) -> None:
        if self.file_descriptor is not None:
            os.close(self.file_descriptor)
            self.file_descriptor = None
        _remove_if_unchanged(self.path, self.holder)
        _HELD_BY_THIS_PROCESS.discard(self.path)


def _remove_if_unchanged(lock_file: Path, expected: LockHolder | None) -> None:
    # Re-read just before removing: never delete a lock another process has just taken over.
    if expected is not None and read_holder(lock_file) == expected:
        with suppress(FileNotFoundError):
            lock_file.unlink()


def _locked_error(database: Path, lock_file: Path, holder: LockHolder) -> DatabaseLockedError:
    return DatabaseLockedError(
        msg(
            "{database} is already open for writing by {holder}.",
            database=database,
            holder=holder.describe(),
        ),
        hint=(
            msg(
                "Close DeliveryDesk there, or open this database read-only. If that program is no longer"
                " running, delete {lock_file}.",
                lock_file=lock_file,
            )
        ),
    )
