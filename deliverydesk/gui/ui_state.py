"""Window geometry, splitter sizes and column widths, kept in an INI file in the data folder.

Not the registry: ``--data-dir`` moves this file with everything else (``DataPaths.settings_file``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget


class UiState:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._settings.fileName())

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_geometry(self, key: str, widget: QWidget) -> None:
        self._settings.setValue(f"{key}/geometry", widget.saveGeometry())

    def restore_geometry(self, key: str, widget: QWidget) -> bool:
        data = self._bytes(f"{key}/geometry")
        return data is not None and widget.restoreGeometry(data)

    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        self._settings.setValue(f"{key}/splitter", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> bool:
        data = self._bytes(f"{key}/splitter")
        return data is not None and splitter.restoreState(data)

    def save_header(self, key: str, header: QHeaderView) -> None:
        self._settings.setValue(f"{key}/header", header.saveState())

    def restore_header(self, key: str, header: QHeaderView) -> bool:
        data = self._bytes(f"{key}/header")
        return data is not None and header.restoreState(data)

    def value(self, key: str, default: str = "") -> str:
        value = self._settings.value(key, default)
        return value if isinstance(value, str) else default

    def set_value(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
