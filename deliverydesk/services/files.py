"""Writing user files (PDF exports, bundles) so that a failure never destroys an older file."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
from pathlib import Path

from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.errors import DiskFullError, ReadOnlyStorageError, StorageError
from deliverydesk.i18n import msg

READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_file_atomically(out: Path, data: bytes, progress: Progress = NO_PROGRESS) -> None:
    """Temp file in the same folder, fsync, rename over, sync the folder: readers see the old file
    or the new one, and the rename survives a power cut. ``progress`` is asked once more just before
    the rename: a task stopped there leaves neither the file nor its temp file."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise file_error(exc, folder) from None
    try:
        os.chmod(temp_name, 0o666 & ~current_umask())  # mkstemp makes it 0600: follow the user's umask
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        progress.step(1, 1)  # the last point where stopping is safe: nothing is replaced yet
        os.replace(temp_name, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise file_error(exc, out) from None
    except BaseException:  # stopped (Cancelled) or interrupted: no temp file left behind
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(folder)


_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (reading it means setting it: done under a lock, put back at once)."""
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def file_error(exc: OSError, where: Path) -> StorageError:
    """The plain-words error for a failed write of ``where``."""
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return DiskFullError(
            msg("The disk is full: {where} was not written.", where=where),
            msg("Any older file is unchanged."),
        )
    if exc.errno in READ_ONLY_ERRNOS:
        return ReadOnlyStorageError(
            msg("Cannot write {where}: {reason}.", where=where, reason=reason), msg("Choose another folder.")
        )
    return StorageError(
        msg("Cannot write {where}: {reason}.", where=where, reason=reason),
        msg("Any older file of that name is unchanged."),
    )


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
