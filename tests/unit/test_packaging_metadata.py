"""setup.cfg, the lock and the folders agree: every package is listed, and requirements.lock still
satisfies every range of setup.cfg for Python 3.11-3.13 on Linux, Windows and macOS."""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from setuptools import find_packages

import deliverydesk

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"
REFRESH = "bash tools/dev lock"
PLATFORMS = {  # sys_platform -> (platform_system, os_name)
    "linux": ("Linux", "posix"),
    "win32": ("Windows", "nt"),
    "darwin": ("Darwin", "posix"),
}
PYTHONS = ("3.11.0", "3.12.0", "3.13.0")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: Marker | None
    hashes: int


def setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return config


def _lines(value: str) -> list[str]:
    return [line.split("#")[0].strip() for line in value.splitlines() if line.split("#")[0].strip()]


def requirements() -> list[Requirement]:
    """install_requires and every extra of setup.cfg."""
    config = setup_cfg()
    found = [Requirement(line) for line in _lines(config["options"]["install_requires"])]
    for extra in config["options.extras_require"].values():
        found += [Requirement(line) for line in _lines(extra)]
    return found


def pins() -> list[Pin]:
    """Every ``name==version [; marker]`` entry of the lock with the number of its hashes."""
    text = LOCK.read_text(encoding="utf-8")
    entries = re.findall(
        r"^([A-Za-z0-9][^\s=]*)==(\S+)(?: ; ([^\\\n]+))?((?:\s*\\\n\s+--hash=\S+)*)", text, re.M
    )
    return [
        Pin(canonicalize_name(name), version, Marker(marker) if marker else None, hashes.count("--hash="))
        for name, version, marker, hashes in entries
    ]


def environment(python: str, platform: str) -> dict[str, str]:
    system, os_name = PLATFORMS[platform]
    return {
        "python_version": python.rsplit(".", 1)[0],
        "python_full_version": python,
        "sys_platform": platform,
        "platform_system": system,
        "os_name": os_name,
        "platform_machine": "x86_64",
        "platform_python_implementation": "CPython",
        "implementation_name": "cpython",
        "extra": "",
    }


def test_the_lock_was_written_by_the_documented_command() -> None:
    assert f"#    {REFRESH}\n" in LOCK.read_text(encoding="utf-8")


def test_every_locked_package_is_pinned_with_hashes() -> None:
    found = pins()
    assert len(found) > 30  # the whole run-time, test, lint and bundle set, not an empty parse
    assert [pin.name for pin in found if pin.hashes == 0] == []


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@pytest.mark.parametrize("python", PYTHONS)
def test_the_lock_satisfies_every_range_of_setup_cfg(python: str, platform: str) -> None:
    env = environment(python, platform)
    locked = [pin for pin in pins() if pin.marker is None or pin.marker.evaluate(env)]
    problems = []
    for requirement in requirements():
        if requirement.marker is not None and not requirement.marker.evaluate(env):
            continue
        versions = [pin.version for pin in locked if pin.name == canonicalize_name(requirement.name)]
        if len(versions) != 1 or not requirement.specifier.contains(versions[0], prereleases=True):
            problems.append(f"{requirement} -> locked {versions or 'nothing'}")
    assert problems == [], f"requirements.lock no longer satisfies setup.cfg; run `{REFRESH}`"


def test_the_python_versions_are_declared() -> None:
    metadata = setup_cfg()["metadata"]["classifiers"]
    for python in PYTHONS:
        assert f"Programming Language :: Python :: {python.rsplit('.', 1)[0]}" in metadata
    assert setup_cfg()["options"]["python_requires"] == ">=3.11"


def test_setup_cfg_lists_every_package() -> None:
    """setuptools' find: cannot be combined with package_dir, so the packages are listed by hand."""
    options = setup_cfg()["options"]
    listed = set(_lines(options["packages"]))
    mapped = {line.split("=")[0].strip() for line in _lines(options["package_dir"])}
    on_disk = set(find_packages(str(ROOT), include=["deliverydesk", "deliverydesk.*"]))
    missing = sorted(on_disk - listed)
    assert missing == [], f"add these to [options] packages in setup.cfg: {missing}"
    assert listed == on_disk | mapped


def test_the_version_has_one_source() -> None:
    assert setup_cfg()["metadata"]["version"] == "attr: deliverydesk.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+", deliverydesk.__version__)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = re.search(r"^## (\S+)", changelog, re.M)
    assert newest is not None and newest.group(1) == deliverydesk.__version__, "CHANGELOG's newest version"


def test_the_licence_file_matches_the_metadata() -> None:
    metadata = setup_cfg()["metadata"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert metadata["license"] == "Proprietary" and "proprietary" in licence.splitlines()[0].lower()
    assert "License :: Other/Proprietary License" in metadata["classifiers"]
    assert metadata["license_files"] == "LICENSE"
    assert "THIRD-PARTY-NOTICES.txt" in licence and "reverse engineer" in licence  # what the LGPL requires
