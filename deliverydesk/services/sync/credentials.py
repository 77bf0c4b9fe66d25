"""Where a laptop keeps its device token: the operating system's keyring when there is one (Windows
Credential Locker, macOS Keychain, the Secret Service on Linux desktops), else a file in the data
folder readable only by the user, with a warning."""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from deliverydesk.i18n import N_, Message

log = logging.getLogger(__name__)
SERVICE = "DeliveryDesk team server"
TOKEN_FILE = "team-token"  # noqa: S105 (a file name)
FILE_WARNING = N_(
    "There is no keyring on this computer: the device token is kept in {path}, readable only by you. "
    "Anyone who can read your files can sync as you; revoke the token if this computer is lost."
)


@dataclass(frozen=True)
class TokenStore:
    """Tokens per server URL for one data folder. ``use_keyring`` False: the file only (tests)."""

    folder: Path
    use_keyring: bool = True

    @property
    def file(self) -> Path:
        return self.folder / TOKEN_FILE

    def save(self, url: str, token: str) -> Message | None:
        """Keep ``token``; returns a warning when it went to the file, else None."""
        if self.use_keyring and _keyring_set(url, token):
            self.file.unlink(missing_ok=True)
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(f"{url}\n{token}\n")
        os.chmod(self.file, stat.S_IRUSR | stat.S_IWUSR)
        return Message(FILE_WARNING, (("path", str(self.file)),))

    def load(self, url: str) -> str | None:
        if self.use_keyring:
            found = _keyring_get(url)
            if found:
                return found
        try:
            stored_url, token = self.file.read_text(encoding="utf-8").splitlines()[:2]
        except (OSError, ValueError):
            return None
        return token if stored_url == url else None

    def forget(self, url: str) -> None:
        if self.use_keyring:
            _keyring_delete(url)
        self.file.unlink(missing_ok=True)


def _backend_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    priority = getattr(backend, "priority", 0)
    return isinstance(priority, int | float) and priority > 0


def _keyring_set(url: str, token: str) -> bool:
    if not _backend_usable():
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, url, token)
    except Exception as exc:  # a locked or broken keyring: fall back to the file
        log.info("keyring refused the token (%s); using the file", exc)
        return False
    return True


def _keyring_get(url: str) -> str | None:
    if not _backend_usable():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, url)
    except Exception as exc:
        log.info("keyring could not be read (%s)", exc)
        return None


def _keyring_delete(url: str) -> None:
    if not _backend_usable():
        return
    import keyring

    try:
        keyring.delete_password(SERVICE, url)
    except Exception as exc:
        log.debug("keyring had no token to delete (%s)", exc)
