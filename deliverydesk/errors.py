"""Errors the user can fix or the environment caused. Anything else is a bug (logged, crash dialog).

Every message is a plain sentence a field engineer understands; ``hint`` says what to do next. Both
are ``Message``s (``deliverydesk.i18n.msg``): the English text with its values, so the window shows
them in its language and the command line and the log in English (``str(error)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import Message, joined, msg


class DeliveryDeskError(Exception):
    """Base for errors shown to the user in plain words (CLI: one line on stderr)."""

    exit_code = 1

    def __init__(self, message: Message, hint: Message | None = None) -> None:
        if not isinstance(message, Message) or not isinstance(hint, Message | None):
            raise TypeError("a DeliveryDeskError carries Messages (deliverydesk.i18n.msg), not sentences")
        super().__init__(str(message))
        self.message = message
        self.hint = hint

    def as_message(self) -> Message:
        """The message and its hint as one ``Message`` (to fold into another sentence)."""
        if self.hint is None:
            return self.message
        return msg("{message} {hint}", message=self.message, hint=self.hint)

    def render(self, language: Language) -> str:
        """The message, then the hint, in ``language``."""
        return self.as_message().render(language)

    def __str__(self) -> str:
        return self.render(Language.EN)


class ValidationError(DeliveryDeskError):
    """One or more fields are wrong; ``fields`` maps field name -> message, shown next to the field."""

    def __init__(self, fields: Mapping[str, Message]) -> None:
        self.fields = dict(fields)
        lines = [msg("{field}: {message}", field=name, message=text) for name, text in self.fields.items()]
        super().__init__(joined(lines) if lines else msg("Some fields are not valid."))


class NotFoundError(DeliveryDeskError):
    """The record asked for does not exist (or was archived where that matters)."""


class RuleError(DeliveryDeskError):
    """A domain rule refuses the action (illegal transition, issued content is immutable...)."""


class Cancelled(DeliveryDeskError):
    """The user stopped a long task where stopping is safe: nothing of it was written."""

    def __init__(self, message: Message | None = None, hint: Message | None = None) -> None:
        super().__init__(message or msg("Stopped: nothing was written."), hint)


class StorageError(DeliveryDeskError):
    """The database file or its folder cannot be used as asked."""


class ForeignFileError(StorageError):
    """The file is not a DeliveryDesk database (or is empty): it is never initialised over."""


class NewerVersionError(StorageError):
    """The file was written by a newer DeliveryDesk."""


class CorruptDatabaseError(StorageError):
    """The file fails SQLite's integrity checks; it is never written to.

    ``newest_backup``: the newest backup that passed its own check, or None."""

    def __init__(
        self, message: Message, hint: Message | None = None, newest_backup: Path | None = None
    ) -> None:
        super().__init__(message, hint)
        self.newest_backup = newest_backup


class DatabaseLockedError(StorageError):
    """Another running DeliveryDesk holds the database for writing."""


class ReadOnlyStorageError(StorageError):
    """The file or its folder is read-only."""


class DiskFullError(StorageError):
    """No space left: nothing was saved by the failed action, everything saved before is intact."""


class AuditTrailMissingError(StorageError):
    """The audit tables were removed from the file: no change may be saved unrecorded."""


class BundleError(DeliveryDeskError):
    """A bundle file cannot be imported; nothing was written."""


class ImportFileError(DeliveryDeskError):
    """A plan, calendar or spreadsheet to import cannot be read or is refused; nothing was written."""


class SyncError(DeliveryDeskError):
    """The team server refused or failed a sync; nothing local was lost."""


class OfflineError(SyncError):
    """The team server cannot be reached (no network, server down): work goes on offline."""


class TeamAuthError(SyncError):
    """The team server does not accept this device's token (unknown or revoked)."""
