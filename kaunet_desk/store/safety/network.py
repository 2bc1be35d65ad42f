"""Is the database on a network share? SQLite there is unsafe: its file locks are not
reliable over SMB/NFS, and two PCs writing through them can corrupt the ledger
(https://www.sqlite.org/useovernet.html). A shared office should use PostgreSQL instead.

``network_location`` takes the system's answers as parameters (the mount table text, the
drive-type function, the platform), so it is tested with fake ones and no real share.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from kaunet_desk.i18n import _

# Linux file system types that live on another machine (/proc/mounts, third column).
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p",
    "afs", "ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.rclone", "ncpfs",
})
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive (net use / エクスプローラーの割り当て)
PROC_MOUNTS = Path("/proc/mounts")

DriveType = Callable[[str], int]


def network_location(
    path: str | Path,
    *,
    platform: str | None = None,
    mounts: str | None = None,
    drive_type: DriveType | None = None,
) -> str | None:
    """Why ``path`` is on a network share (a phrase for the warning), or None when local."""
    platform = platform or sys.platform
    if platform == "win32":
        return _windows_reason(str(path), drive_type or _get_drive_type)
    if platform.startswith("linux"):
        if mounts is None:
            try:
                mounts = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None  # no mount table: nothing to say
        return _linux_reason(os.path.realpath(path), mounts)
    return None  # macOS and others: not a platform we ship for


# -- Windows --------------------------------------------------------------------------------
def _strip_long_prefix(text: str) -> str:
    r"""``\\?\UNC\server\share`` → ``\\server\share``; ``\\?\C:\x`` → ``C:\x``."""
    normal = text.replace("/", "\\")
    for prefix in ("\\\\?\\", "\\\\.\\"):
        if normal.startswith(prefix):
            rest = normal[len(prefix):]
            if rest[:4].upper() == "UNC\\":
                return "\\\\" + rest[4:]
            return rest
    return normal


def _windows_reason(text: str, drive_type: DriveType) -> str | None:
    drive = PureWindowsPath(_strip_long_prefix(text)).drive
    if drive.startswith("\\\\"):
        return _("ネットワーク上の共有フォルダ {share}").format(share=drive)
    if len(drive) == 2 and drive[1] == ":" and drive_type(drive.upper() + "\\") == DRIVE_REMOTE:
        return _("ネットワーク ドライブ {drive}").format(drive=drive.upper())
    return None


def _get_drive_type(root: str) -> int:
    if sys.platform != "win32":
        return 0  # DRIVE_UNKNOWN: only Windows has drive letters
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


# -- Linux ----------------------------------------------------------------------------------
def _unescape(field: str) -> str:
    r"""/proc/mounts writes space, tab, newline and backslash as octal escapes (\040 …)."""
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        chunk = field[i + 1 : i + 4]
        if field[i] == "\\" and len(chunk) == 3 and all(c in "01234567" for c in chunk):
            out.append(chr(int(chunk, 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) per line, in the table's order."""
    entries = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            entries.append((_unescape(fields[1]), fields[2]))
    return entries


def _contains(mount_point: str, path: str) -> bool:
    if mount_point == "/":
        return path.startswith("/")
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _linux_reason(path: str, mounts: str) -> str | None:
    best: tuple[str, str] | None = None
    for mount_point, fs_type in parse_mounts(mounts):
        # The longest mount point holding the path; a later mount on the same point hides
        # the earlier one, hence >=.
        if _contains(mount_point, path) and (best is None or len(mount_point) >= len(best[0])):
            best = (mount_point, fs_type)
    if best is None or best[1] not in NETWORK_FILESYSTEMS:
        return None
    return _("ネットワーク ファイルシステム {kind}({mount})").format(kind=best[1], mount=best[0])
