"""Where DeliveryDesk keeps its files.

One ``--data-dir`` moves everything (tests and several instances use it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "DeliveryDesk"
DB_URL_ENV = "DELIVERYDESK_DB_URL"
DATA_DIR_ENV = "DELIVERYDESK_DATA_DIR"
CERTIFICATE_ENV = "DELIVERYDESK_CERTIFICATE"
CERTIFICATE_PASSWORD_ENV = "DELIVERYDESK_CERTIFICATE_PASSWORD"  # noqa: S105 (the variable's name)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
MIGRATIONS_DIR = PROJECT_ROOT / "db" / "migrations"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "deliverydesk.db"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "deliverydesk.log"

    @property
    def settings_file(self) -> Path:
        return self.root / "ui-state.ini"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else user_data_path(APP_NAME, appauthor=False)


def data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    return DataPaths(Path(data_dir) if data_dir else default_data_dir())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
