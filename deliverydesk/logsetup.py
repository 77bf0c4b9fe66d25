"""Logging to the data folder (``DataPaths.log_file``), rotating; used by the command line and the window.

The file is opened on the first record, so a command that logs nothing creates nothing. A log that
cannot be written (read-only folder, full disk) is dropped silently: logging must never be the
reason a command fails or prints a traceback.
"""

from __future__ import annotations

import logging
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from deliverydesk.paths import DataPaths

LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

_installed: RotatingFileHandler | None = None


class _DataFolderHandler(RotatingFileHandler):
    """Creates the logs folder when the first record arrives, inside a data folder that exists (a
    command given a folder that does not exist creates nothing there); never complains on stderr."""

    def _open(self) -> TextIOWrapper:
        logs = Path(self.baseFilename).parent
        if not logs.parent.is_dir():
            raise FileNotFoundError(f"no data folder {logs.parent}")  # dropped by handleError
        logs.mkdir(exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: the default prints a traceback on stderr."""


def configure_logging(paths: DataPaths, level: int = logging.INFO) -> Path:
    """Send DeliveryDesk's log records to the data folder's log file (replacing an earlier setup)."""
    global _installed
    logger = logging.getLogger("deliverydesk")
    if _installed is not None:
        logger.removeHandler(_installed)
        _installed.close()
    handler = _DataFolderHandler(
        paths.log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    _installed = handler
    return paths.log_file


def log_written(path: Path) -> bool:
    """Whether the log file exists (it may not, if the folder is read-only)."""
    return path.is_file()
