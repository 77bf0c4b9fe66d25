"""Which kind of file system holds the database: a network one changes how it may be written.

SQLite's WAL mode keeps an index of the write-ahead log in shared memory (the ``-shm`` file, mapped
into every process that opens the database). Network file systems (NFS, SMB/CIFS, sshfs and other
FUSE mounts) do not share that memory between computers, and their file locks are often unreliable:
two computers can each believe they hold the database, and the file is damaged. The decision here:
on a network folder the file is switched to a rollback journal (``journal_mode=DELETE``), which needs
no shared memory, and the user is warned; DeliveryDesk's own writer lock (a lock file created with
O_EXCL, which NFSv3+ and SMB make atomic) still keeps a second writer out. Writes are not refused:
engineers do keep files on a company share, and refusing would push them to copy the file by hand,
which loses more than it saves. The warning says to prefer a local folder.

Detection reads ``/proc/self/mountinfo`` (Linux); a path given as a UNC name (``\\\\server\\share``) is a
network folder on Windows. Elsewhere nothing is detected (no warning, WAL as usual).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from deliverydesk.i18n import Message, msg

NETWORK_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "9p", "ncpfs", "coda", "ceph", "glusterfs"}
)
MOUNTINFO = Path("/proc/self/mountinfo")


@dataclass(frozen=True)
class Mount:
    point: str
    fs_type: str
    source: str


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of a ``/proc/self/mountinfo`` text (mount point unescaped: ``\\040`` is a space)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 10:
            continue
        after = line.split(" - ", 1)[1].split()
        point = fields[4].encode().decode("unicode_escape")
        mounts.append(Mount(point, after[0], after[1] if len(after) > 1 else ""))
    return mounts


def mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point that contains it."""
    target = str(path)
    best: Mount | None = None
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        inside = target == point or target.startswith(point if point.endswith("/") else point + "/")
        if inside and (best is None or len(point) >= len(best.point.rstrip("/") or "/")):
            best = mount
    return best


def is_network_type(fs_type: str) -> bool:
    return fs_type in NETWORK_TYPES or fs_type == "fuse" or fs_type.startswith("fuse.")  # sshfs: fuse.sshfs


def network_kind(path: Path, mountinfo: str | None = None) -> str | None:
    """The network file system holding ``path`` ("nfs4", "cifs", "fuse.sshfs"...), or None."""
    if os.name == "nt":
        text = str(path)
        return "a network share" if text.startswith(("\\\\", "//")) else None
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    real = path.resolve() if path.exists() else path.parent.resolve() / path.name
    mount = mount_of(real, parse_mountinfo(mountinfo))
    return mount.fs_type if mount is not None and is_network_type(mount.fs_type) else None


def network_warning(path: Path, kind: str) -> Message:
    return msg(
        "{path} is in a network folder ({kind}). SQLite's usual write-ahead log needs memory shared"
        " between the programs using the file, which network folders do not provide, so this file is"
        " written with a rollback journal instead (slower, but safe while only this computer writes it)."
        " Keep the database in a local folder if you can, and never open it on two computers at once.",
        path=path,
        kind=kind,
    )


def writable(target: Path) -> bool:
    """Whether the file or folder ``target`` may be written. Root may write anywhere: the file's own
    read-only marks are honoured as the user's intent."""
    if os.name == "nt" and target.is_dir():
        return True  # Windows ignores a folder's read-only attribute; creating the lock file tells
    mode = target.stat().st_mode
    return os.access(target, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
