"""Network folders are recognised from the mount table (NFS, SMB/CIFS, sshfs and other FUSE mounts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.store.filesystems import network_kind

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - cifs //server/share rw,vers=3.0
41 22 0:36 / /home/me/remote rw,nosuid shared:21 - fuse.sshfs me@host:/srv rw
42 22 0:37 / /net/nfs rw,relatime shared:22 - nfs4 server:/export rw
43 22 8:17 / /media/usb rw,relatime shared:23 - fuseblk /dev/sdb1 rw
44 40 0:38 / /mnt/share/local\\040disk rw shared:24 - ext4 /dev/sdc1 rw
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/me/data/deliverydesk.db", None),
        ("/mnt/share/team/deliverydesk.db", "cifs"),
        ("/home/me/remote/deliverydesk.db", "fuse.sshfs"),
        ("/net/nfs/deliverydesk.db", "nfs4"),
        ("/media/usb/deliverydesk.db", None),  # an NTFS disk through FUSE is local
        ("/mnt/share/local disk/deliverydesk.db", None),  # the innermost mount decides
        ("/mnt/shared/deliverydesk.db", None),  # a prefix of the name is not the mount
    ],
)
def test_network_folders_are_recognised(path: str, kind: str | None) -> None:
    assert network_kind(Path(path), MOUNTINFO) == kind
