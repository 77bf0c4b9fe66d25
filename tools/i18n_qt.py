"""The window's Qt Linguist catalogues: one ``.ts`` per feature -> ``deliverydesk_<lang>.qm``.

Used by ``tools/update_translations.py``; see its docstring for the commands.

1. ``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` /
   ``QT_TRANSLATE_NOOP`` string of a feature's files (``FEATURES``: the first pattern a file matches
   decides; anything else belongs to ``shell``) into ``resources/translations/zh_CN/<feature>.ts``:
   new strings arrive unfinished, strings gone from the code are dropped, translations are kept.
   Translate in Qt Linguist (``pyside6-linguist FILE.ts``) or in the XML: ``<translation>译文
   </translation>``; a ``%n`` string has ``<numerusform>`` children (Chinese: one form).
2. ``pyside6-lrelease`` compiles the features of a language into the one ``deliverydesk_<lang>.qm``
   the app loads.
3. ``<lang>/qt.ts`` is written by hand: Qt's own strings that Qt's ``qtbase_<lang>.qm`` lacks (the
   file dialog's "&Look in:"); it is compiled in with the features, never updated by lupdate.
4. English needs no translation but its plurals: every ``%n`` string lupdate collects
   ("%n day(s)") and their English forms are written by rule ("%n day" / "%n days") into
   ``deliverydesk_en.qm``. A source that the rule cannot handle goes in ``ENGLISH_PLURALS``.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
CODE = [ROOT / "deliverydesk" / "gui", ROOT / "deliverydesk" / "app.py"]
# feature -> the files it owns (patterns relative to deliverydesk/); the first match wins, the rest is shell
FEATURES: dict[str, tuple[str, ...]] = {
    "home": ("gui/pages/home.py", "gui/models/attention.py"),
    "labels": ("gui/labels.py",),
    "history": ("gui/dialogs/history*.py", "gui/pages/project/overview_history.py"),
    "scope_guard": (
        "gui/pages/project/change_requests.py",
        "gui/dialogs/records/capture.py",
        "gui/dialogs/records/change_request.py",
        "gui/dialogs/records/decision.py",
        "gui/meter_levels.py",
        "gui/dialogs/records/approval.py",
    ),
    "learning": (
        "gui/pages/recurring*.py",
        "gui/pages/project/issues.py",
        "gui/dialogs/records/issue.py",
        "gui/dialogs/records/review*.py",
        "gui/dialogs/records/category_combo.py",
        "gui/dialogs/categories.py",
        "gui/widgets/similar_issues.py",
    ),
    "evidence": ("gui/dialogs/documents/evidence.py", "gui/pages/search_evidence.py"),
    "interchange": ("gui/dialogs/interchange/*.py",),
    "team": ("gui/team/*.py",),
    "search": ("gui/pages/search*.py",),
    "documents": (
        "gui/pages/project/documents*.py",
        "gui/dialogs/documents/*.py",
        "gui/widgets/pdf_*.py",
        "gui/widgets/signature_pad.py",
        "gui/letter_copies.py",
        "gui/blockers.py",
        "gui/signing_identity.py",
    ),
    "records": (
        "gui/pages/project/scope.py",
        "gui/pages/project/milestones.py",
        "gui/pages/project/expectations.py",
        "gui/pages/project/log.py",
        "gui/pages/project/commitments.py",
        "gui/pages/project/handover.py",
        "gui/pages/project/attachments.py",
        "gui/dialogs/records/scope.py",
        "gui/dialogs/records/milestone.py",
        "gui/dialogs/records/expectation.py",
        "gui/dialogs/records/log_entry.py",
        "gui/dialogs/records/commitment.py",
        "gui/dialogs/records/handover.py",
        "gui/widgets/attachments.py",
    ),
    "project": ("gui/pages/project/*.py", "gui/dialogs/records/*.py"),
    "shell": ("*.py",),
}
QT_SUPPLEMENT = "qt"  # <lang>/qt.ts: Qt's own strings missing from Qt's catalogue, kept by hand
# English plural forms the "(s)" rule cannot write: source -> (one, other)
ENGLISH_PLURALS: dict[str, tuple[str, str]] = {
    "%n letter(s) issued before DeliveryDesk kept a copy of every issued PDF no longer print byte for byte,"
    " so no copy could be kept.": (
        "%n letter issued before DeliveryDesk kept a copy of every issued PDF no longer prints byte for byte,"
        " so no copy could be kept.",
        "%n letters issued before DeliveryDesk kept a copy of every issued PDF no longer print byte for byte,"
        " so no copy could be kept.",
    ),
    "%n row(s) cannot be imported (in red). Correct them in the spreadsheet and choose it again: nothing is"
    " imported until every row can be.": (
        "%n row cannot be imported (in red). Correct it in the spreadsheet and choose it again: nothing is"
        " imported until every row can be.",
        "%n rows cannot be imported (in red). Correct them in the spreadsheet and choose it again: nothing is"
        " imported until every row can be.",
    ),
    "The handover report cannot be issued yet: %n thing(s) stand in the way": (
        "The handover report cannot be issued yet: %n thing stands in the way",
        "The handover report cannot be issued yet: %n things stand in the way",
    ),
}


@dataclass
class Outcome:
    missing: list[str] = field(default_factory=list)  # "feature: context | source" without a translation
    conflicts: list[str] = field(default_factory=list)  # one string translated two ways in two features
    stale: list[str] = field(default_factory=list)  # committed files that differ from a fresh build


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (install PySide6-Essentials)")
    return found


def feature_of(path: Path) -> str:
    relative = path.relative_to(ROOT / "deliverydesk").as_posix()
    for feature, patterns in FEATURES.items():
        if any(fnmatch.fnmatch(relative, pattern) for pattern in patterns):
            return feature
    return "shell"


def sources() -> dict[str, list[Path]]:
    """feature -> its Python files (only files with something to translate)."""
    files: list[Path] = []
    for entry in CODE:
        files += sorted(entry.rglob("*.py")) if entry.is_dir() else [entry]
    grouped: dict[str, list[Path]] = {}
    for path in files:
        if re.search(r"\btr\(|\btranslate\(|QT_TRANSLATE_NOOP", path.read_text(encoding="utf-8")):
            grouped.setdefault(feature_of(path), []).append(path)
    return grouped


def ts_path(folder: Path, language: str, feature: str) -> Path:
    return folder / language / f"{feature}.ts"


def qm_path(folder: Path, language: str) -> Path:
    return folder / f"deliverydesk_{language}.qm"


def lupdate(files: list[Path], ts_file: Path, language: str, *extra: str) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lupdate"), *map(str, files), "-ts", str(ts_file), "-no-obsolete"]
    command += ["-locations", "none", "-source-language", "en", "-target-language", language]
    command += ["-silent", *extra]
    subprocess.run(command, check=True, cwd=ROOT)


def lrelease(ts_files: list[Path], qm_file: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", "-nounfinished", *map(str, ts_files), "-qm", str(qm_file)]
    subprocess.run(command, check=True, cwd=ROOT)


def _messages(ts_file: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(ts_file)
    return [
        (context.findtext("name", ""), message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


def _translation(message: ET.Element) -> tuple[str, ...] | None:
    """The translated text(s), or None when unfinished or empty."""
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    forms = tuple(form.text or "" for form in translation.iter("numerusform")) or (translation.text or "",)
    return forms if all(form.strip() for form in forms) else None


def review(language: str, ts_files: dict[str, Path], outcome: Outcome) -> None:
    seen: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for feature, ts_file in ts_files.items():
        for context, message in _messages(ts_file):
            source = message.findtext("source", "")
            text = _translation(message)
            if text is None:
                outcome.missing.append(f"{language}/{feature}.ts: {context} | {source}")
                continue
            earlier = seen.setdefault((context, source), (feature, text))
            if earlier[1] != text:
                outcome.conflicts.append(f"{context} | {source}: {earlier[0]}.ts and {feature}.ts differ")


def english_forms(source: str) -> tuple[str, str]:
    """ "%n day(s)" -> ("%n day", "%n days"); "%n entry(s)" -> ("%n entry", "%n entries")."""
    if source in ENGLISH_PLURALS:
        return ENGLISH_PLURALS[source]

    def plural(match: re.Match[str]) -> str:
        word = match.group(1)
        return word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"

    return re.sub(r"(\w+)\(s\)", r"\1", source), re.sub(r"(\w+)\(s\)", plural, source)


def build_english(folder: Path, files: list[Path]) -> Path:
    """deliverydesk_en.qm: the English plural forms of every ``%n`` string, written by rule."""
    ts_file = folder / "plurals_en.ts"
    # Not ``-pluralonly``: lupdate marks a Python ``QCoreApplication.translate(context, text, "", n)``
    # as no plural ("in 5 day(s)" stayed), so every ``%n`` string is kept and made a plural here.
    lupdate(files, ts_file, "en")
    tree = ET.parse(ts_file)
    for context in tree.getroot().iter("context"):
        for message in context.findall("message"):
            if "%n" in message.findtext("source", ""):
                message.set("numerus", "yes")
            else:
                context.remove(message)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        for text in english_forms(message.findtext("source", "")):
            ET.SubElement(translation, "numerusform").text = text
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    qm_file = qm_path(folder, "en")
    lrelease([ts_file], qm_file)
    return qm_file


def build(folder: Path) -> tuple[Outcome, list[Path]]:
    """Update the .ts files copied into ``folder`` and compile the .qm files there."""
    outcome, grouped, built = Outcome(), sources(), []
    for language in LANGUAGES:
        ts_files = {feature: ts_path(folder, language, feature) for feature in sorted(grouped)}
        for feature, ts_file in ts_files.items():
            committed = ts_path(TRANSLATIONS, language, feature)
            if committed.exists():
                ts_file.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(committed, ts_file)
            lupdate(grouped[feature], ts_file, language)
        supplement = ts_path(TRANSLATIONS, language, QT_SUPPLEMENT)
        if supplement.exists():
            ts_files[QT_SUPPLEMENT] = ts_path(folder, language, QT_SUPPLEMENT)
            shutil.copyfile(supplement, ts_files[QT_SUPPLEMENT])
        review(language, ts_files, outcome)
        qm_file = qm_path(folder, language)
        lrelease(list(ts_files.values()), qm_file)
        built += [*ts_files.values(), qm_file]
    built.append(build_english(folder, [path for files in grouped.values() for path in files]))
    return outcome, built


def _committed(folder: Path, built: Path) -> Path:
    return TRANSLATIONS / built.relative_to(folder)


def check() -> Outcome:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        outcome, built = build(folder)
        expected = {_committed(folder, path) for path in built}
        for path in built:
            committed = _committed(folder, path)
            if not committed.exists() or committed.read_bytes() != path.read_bytes():
                outcome.stale.append(str(committed.relative_to(ROOT)))
        for language in LANGUAGES:
            for extra in sorted((TRANSLATIONS / language).glob("*.ts")):
                if extra not in expected:
                    outcome.stale.append(f"{extra.relative_to(ROOT)} (no feature has strings for it)")
    return outcome


def update() -> Outcome:
    """Write the updated .ts files (new strings must reach the translator) and the .qm files."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        outcome, built = build(folder)
        keep = set()
        for path in built:
            committed = _committed(folder, path)
            committed.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, committed)
            keep.add(committed)
        for language in LANGUAGES:
            for extra in (TRANSLATIONS / language).glob("*.ts"):
                if extra not in keep:
                    extra.unlink()
    return outcome
