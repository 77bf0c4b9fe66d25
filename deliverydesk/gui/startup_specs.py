"""What the start-up asks, as data: which dialog a storage error gets and which choices it offers.

Kept free of widgets so the mapping is tested without showing anything (``StartupDialog`` renders a
spec)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from deliverydesk import errors
from deliverydesk.gui.messages import error_text


class Choice(StrEnum):
    CREATE_EMPTY = "create_empty"
    CREATE_DEMO = "create_demo"
    OPEN_BACKUP = "open_backup"
    OPEN_READONLY = "open_readonly"
    CHOOSE_FILE = "choose_file"
    RETRY = "retry"
    QUIT = "quit"


class SpecKind(StrEnum):
    FIRST_START = "first_start"
    CORRUPT = "corrupt"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    NEWER = "newer"
    FOREIGN = "foreign"
    DISK_FULL = "disk_full"
    STORAGE = "storage"


@dataclass(frozen=True)
class StartupDialogSpec:
    kind: SpecKind
    title: str
    text: str
    details: str
    choices: tuple[Choice, ...]
    default: Choice


def choice_label(choice: Choice) -> str:
    labels = {
        Choice.CREATE_EMPTY: QCoreApplication.translate("Startup", "Create an empty database"),
        Choice.CREATE_DEMO: QCoreApplication.translate("Startup", "Create a demo database"),
        Choice.OPEN_BACKUP: QCoreApplication.translate("Startup", "Restore the newest backup"),
        Choice.OPEN_READONLY: QCoreApplication.translate("Startup", "Open read-only"),
        Choice.CHOOSE_FILE: QCoreApplication.translate("Startup", "Choose another file…"),
        Choice.RETRY: QCoreApplication.translate("Startup", "Try again"),
        Choice.QUIT: QCoreApplication.translate("Startup", "Quit"),
    }
    return labels[choice]


def first_start_spec(location: str) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.FIRST_START,
        title=QCoreApplication.translate("Startup", "Welcome to DeliveryDesk"),
        text=QCoreApplication.translate(
            "Startup",
            "There is no DeliveryDesk database here yet. Start with an empty one, or with a demo "
            "database full of sample projects to look around.",
        ),
        details=location,
        choices=(Choice.CREATE_EMPTY, Choice.CREATE_DEMO, Choice.CHOOSE_FILE, Choice.QUIT),
        default=Choice.CREATE_EMPTY,
    )


def error_spec(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    """The dialog for an error raised while opening the database; unknown errors get a generic one."""
    for error_type, build in _BUILDERS:
        if isinstance(error, error_type):
            return build(error)
    return _generic(error)


def _details(error: errors.DeliveryDeskError) -> str:
    return error_text(error)


def _corrupt(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    backup = getattr(error, "newest_backup", None)
    choices = (Choice.OPEN_BACKUP,) if backup is not None else ()
    text = QCoreApplication.translate(
        "Startup",
        "The database file is damaged. DeliveryDesk did not change it. You can restore the newest "
        "backup (the damaged file is kept beside it), or open another file.",
    )
    if backup is None:
        text = QCoreApplication.translate(
            "Startup",
            "The database file is damaged and no backup was found. DeliveryDesk did not change it. "
            "Open another file, or quit and ask for help with the damaged file.",
        )
    return StartupDialogSpec(
        kind=SpecKind.CORRUPT,
        title=QCoreApplication.translate("Startup", "The database is damaged"),
        text=text,
        details=_details(error) + (f"\n{backup}" if backup else ""),
        choices=(*choices, Choice.CHOOSE_FILE, Choice.QUIT),
        default=choices[0] if choices else Choice.CHOOSE_FILE,
    )


def _locked(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.LOCKED,
        title=QCoreApplication.translate("Startup", "The database is in use"),
        text=QCoreApplication.translate(
            "Startup",
            "Another DeliveryDesk window is using this database. Close it and try again, or open the "
            "database read-only to look without changing anything.",
        ),
        details=_details(error),
        choices=(Choice.RETRY, Choice.OPEN_READONLY, Choice.QUIT),
        default=Choice.RETRY,
    )


def _read_only(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.READ_ONLY,
        title=QCoreApplication.translate("Startup", "The database cannot be written"),
        text=QCoreApplication.translate(
            "Startup",
            "The database file or its folder is read-only. You can open it read-only to look at your "
            "records, or choose a file in a folder you can write to.",
        ),
        details=_details(error),
        choices=(Choice.OPEN_READONLY, Choice.CHOOSE_FILE, Choice.QUIT),
        default=Choice.OPEN_READONLY,
    )


def _newer(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.NEWER,
        title=QCoreApplication.translate("Startup", "The database is from a newer DeliveryDesk"),
        text=QCoreApplication.translate(
            "Startup",
            "This database was written by a newer version of DeliveryDesk. Install that version to "
            "open it; this one leaves the file untouched.",
        ),
        details=_details(error),
        choices=(Choice.CHOOSE_FILE, Choice.QUIT),
        default=Choice.QUIT,
    )


def _foreign(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.FOREIGN,
        title=QCoreApplication.translate("Startup", "This is not a DeliveryDesk database"),
        text=QCoreApplication.translate(
            "Startup",
            "The file is not a DeliveryDesk database, so it was not opened or changed. Choose another file.",
        ),
        details=_details(error),
        choices=(Choice.CHOOSE_FILE, Choice.QUIT),
        default=Choice.CHOOSE_FILE,
    )


def _disk_full(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.DISK_FULL,
        title=QCoreApplication.translate("Startup", "The disk is full"),
        text=QCoreApplication.translate(
            "Startup",
            "There is no space left to open the database safely. Free some space and try again, or "
            "open it read-only.",
        ),
        details=_details(error),
        choices=(Choice.RETRY, Choice.OPEN_READONLY, Choice.QUIT),
        default=Choice.RETRY,
    )


def _generic(error: errors.DeliveryDeskError) -> StartupDialogSpec:
    return StartupDialogSpec(
        kind=SpecKind.STORAGE,
        title=QCoreApplication.translate("Startup", "The database cannot be opened"),
        text=QCoreApplication.translate(
            "Startup", "DeliveryDesk could not open the database. Try again, or choose another file."
        ),
        details=_details(error),
        choices=(Choice.RETRY, Choice.CHOOSE_FILE, Choice.QUIT),
        default=Choice.RETRY,
    )


_BUILDERS = (
    (errors.CorruptDatabaseError, _corrupt),
    (errors.DatabaseLockedError, _locked),
    (errors.ReadOnlyStorageError, _read_only),
    (errors.NewerVersionError, _newer),
    (errors.ForeignFileError, _foreign),
    (errors.DiskFullError, _disk_full),
)
