"""Where DeliveryDesk keeps its files, and where it finds the files it ships.

One ``--data-dir`` moves everything it writes (tests and several instances use it). What it reads
(fonts, translations, icons, notices, the Alembic environment and revisions) ships inside the
installed package and is found here, through importlib.resources, from a wheel, an editable
install or a frozen bundle alike: ``resources/`` is the package ``deliverydesk.resources`` and
``db/migrations/`` is ``deliverydesk.migrations`` (``package_dir`` in setup.cfg)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP_NAME = "DeliveryDesk"
DB_URL_ENV = "DELIVERYDESK_DB_URL"
DATA_DIR_ENV = "DELIVERYDESK_DATA_DIR"
CERTIFICATE_ENV = "DELIVERYDESK_CERTIFICATE"
CACHE_DIR_ENV = "DELIVERYDESK_CACHE_DIR"
CERTIFICATE_PASSWORD_ENV = "DELIVERYDESK_CERTIFICATE_PASSWORD"  # noqa: S105 (the variable's name)

RESOURCES_PACKAGE = "deliverydesk.resources"
MIGRATIONS_PACKAGE = "deliverydesk.migrations"


def package_folder(package: str) -> Path:
    """The folder of an installed resource package.

    DeliveryDesk is always installed as files (a wheel, an editable install, a PyInstaller folder),
    so the resources are a real folder: Qt, reportlab and Alembic all want file paths."""
    try:
        folder = files(package)
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            f"{package} is not installed: install DeliveryDesk (pip install -e . in a checkout, "
            "or bash tools/dev run) rather than running it from the source folder"
        ) from exc
    if not isinstance(folder, Path):
        raise RuntimeError(f"{package} is not installed as files ({folder!r})")
    return folder


RESOURCES_DIR = package_folder(RESOURCES_PACKAGE)
MIGRATIONS_DIR = package_folder(MIGRATIONS_PACKAGE)


def notices_file() -> Path:
    """The third-party notices (licences of everything DeliveryDesk ships that others wrote)."""
    return RESOURCES_DIR / "licenses" / "THIRD-PARTY-NOTICES.txt"


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


def cache_dir() -> Path:
    """Where DeliveryDesk keeps what it can compute again (the fonts' parsed metrics): never data."""
    env = os.environ.get(CACHE_DIR_ENV)
    return Path(env) if env else user_cache_path(APP_NAME, appauthor=False)


def data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    return DataPaths(Path(data_dir) if data_dir else default_data_dir())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
