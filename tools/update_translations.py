"""Build the Simplified Chinese UI catalogue: lupdate -> fill from JSON -> lrelease.

    .venv/bin/python tools/update_translations.py          # rewrite the .ts and the .qm
    .venv/bin/python tools/update_translations.py --check  # build in a temp folder, compare, report

1. ``pyside6-lupdate`` collects every ``tr()`` / ``QCoreApplication.translate()`` /
   ``QT_TRANSLATE_NOOP`` string of ``deliverydesk/gui`` and ``deliverydesk/app.py`` into
   ``resources/translations/deliverydesk_zh_CN.ts`` (no source locations, no obsolete entries, so
   the file only changes when the strings do).
2. The Chinese comes from ``resources/translations/zh_CN/*.json``: one file per area, so several
   people never edit the same file. Each file is a JSON object ``{"Context|source text": "译文"}``
   where Context is the class name for ``self.tr`` (or the first argument of ``translate``) and the
   source text is the exact English string. Plural strings (``%n``) take one Chinese form.
3. ``pyside6-lrelease`` builds the .qm the app loads. Everything is built from scratch in a temp
   folder and copied over the committed files only when every string has its translation, so the
   committed .ts never has unfinished entries.

Missing translations are listed and make the command fail (exit 1, nothing written). ``--check``
exits 1 when a string is missing or the committed .ts/.qm differ from a fresh build.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
TS_FILE = TRANSLATIONS / f"deliverydesk_{LANGUAGE}.ts"
QM_FILE = TRANSLATIONS / f"deliverydesk_{LANGUAGE}.qm"
SOURCES_DIR = TRANSLATIONS / LANGUAGE
CODE = [ROOT / "deliverydesk" / "gui", ROOT / "deliverydesk" / "app.py"]


@dataclass
class Outcome:
    missing: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (install PySide6-Essentials)")
    return found


def python_sources() -> list[str]:
    files: list[Path] = []
    for entry in CODE:
        files += sorted(entry.rglob("*.py")) if entry.is_dir() else [entry]
    return [str(path) for path in files]


def load_sources() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(SOURCES_DIR.glob("*.json")):
        if path.name == "service_messages.json":  # service error sentences: gui/service_messages.py
            continue
        entries = json.loads(path.read_text(encoding="utf-8"))
        for key, text in entries.items():
            if key in merged and merged[key] != text:
                raise SystemExit(f"{path.name}: {key!r} is translated differently in another file")
            merged[key] = text
    return merged


def run_lupdate(ts_file: Path) -> None:
    command = [tool("pyside6-lupdate"), *python_sources(), "-ts", str(ts_file)]
    command += ["-no-obsolete", "-locations", "none", "-target-language", LANGUAGE, "-silent"]
    subprocess.run(command, check=True, cwd=ROOT)


def fill(ts_file: Path, sources: dict[str, str]) -> Outcome:
    tree = ET.parse(ts_file)
    used: set[str] = set()
    outcome = Outcome()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = f"{name}|{message.findtext('source', '')}"
            translation = message.find("translation")
            assert translation is not None
            text = sources.get(key, "")
            if not text:
                outcome.missing.append(key)
                continue
            used.add(key)
            _set_translation(message, translation, text)
    outcome.unused = sorted(set(sources) - used)
    _write_ts(tree, ts_file)
    return outcome


def _set_translation(message: ET.Element, translation: ET.Element, text: str) -> None:
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        form = ET.SubElement(translation, "numerusform")
        form.text = text
    else:
        translation.text = text


def _write_ts(tree: ET.ElementTree, ts_file: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True, cwd=ROOT
    )


def build(ts_file: Path, qm_file: Path) -> Outcome:
    """lupdate into ``ts_file`` (updating what is there), fill from JSON, lrelease into ``qm_file``."""
    run_lupdate(ts_file)
    outcome = fill(ts_file, load_sources())
    run_lrelease(ts_file, qm_file)
    return outcome


def build_fresh(folder: Path) -> tuple[Outcome, Path, Path]:
    """Build from scratch into ``folder`` (the JSON files and the code are the only sources)."""
    ts_file, qm_file = folder / TS_FILE.name, folder / QM_FILE.name
    return build(ts_file, qm_file), ts_file, qm_file


def check() -> tuple[Outcome, list[str]]:
    """Build in a temp folder; list the committed files that differ from that build."""
    with tempfile.TemporaryDirectory() as folder:
        outcome, ts_file, qm_file = build_fresh(Path(folder))
        stale = [
            str(committed.relative_to(ROOT))
            for committed, fresh in ((TS_FILE, ts_file), (QM_FILE, qm_file))
            if not committed.exists() or not filecmp.cmp(committed, fresh, shallow=False)
        ]
    return outcome, stale


def update() -> Outcome:
    """Rebuild and replace the committed .ts/.qm, only when every string is translated."""
    with tempfile.TemporaryDirectory() as folder:
        outcome, ts_file, qm_file = build_fresh(Path(folder))
        if not outcome.missing:
            shutil.copyfile(ts_file, TS_FILE)
            shutil.copyfile(qm_file, QM_FILE)
    return outcome


def report(outcome: Outcome) -> None:
    for key in outcome.missing:
        print(f"missing translation: {key}")
    for key in outcome.unused:
        print(f"unused translation (no such string in the code): {key}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh build with the committed files")
    args = parser.parse_args()
    if args.check:
        outcome, stale = check()
        report(outcome)
        for path in stale:
            print(f"out of date: {path} (run tools/update_translations.py)")
        return 1 if outcome.missing or stale else 0
    outcome = update()
    report(outcome)
    if outcome.missing:
        print(f"{len(outcome.missing)} string(s) without a translation: nothing was written")
        return 1
    print(f"{TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)} rebuilt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
