"""The gettext catalogues of everything outside Qt widgets: extract (Babel) -> update .po -> compile .mo.

Used by ``tools/update_translations.py``; see its docstring for the commands.

1. Babel extracts every marked text of ``deliverydesk/`` except the Qt code (``gui/``, ``app.py``): the
   calls ``t("...")`` (a ``Translator``), ``t.pgettext(context, "...")``, ``t.ngettext(...)``,
   ``N_("...")`` / ``NP_(context, "...")`` (tables translated where they are used) and
   ``msg("...")`` / ``msg_p(context, "...")`` / ``msg_n(singular, plural, n)`` (messages and errors).
2. ``resources/locale/<lang>/LC_MESSAGES/deliverydesk.po`` is updated from them: new texts arrive
   untranslated, texts gone from the code are dropped; translations are kept. File names (no line
   numbers) say where each text is used.
3. The ``.mo`` the app reads is compiled from the ``.po``; both are committed.
"""

from __future__ import annotations

import ast
import gettext
import io
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "deliverydesk"
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "deliverydesk"
LANGUAGES = ("zh_CN",)
KEYWORDS = {
    "t": None,
    "pgettext": ((1, "c"), 2),
    "ngettext": (1, 2),
    "N_": None,
    "NP_": ((1, "c"), 2),
    "msg": None,
    "msg_p": ((1, "c"), 2),
    "msg_n": (1, 2),
}
METHODS = [("gui/**.py", "ignore"), ("app.py", "ignore"), ("**.py", "python")]
COMMENT_TAGS = ("TRANSLATORS:",)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # the header stays put: the files change with the texts only
WIDTH = 100
HEADER = """\
# DeliveryDesk in {language}: documents, service messages, errors (the window: Qt .ts).
# Kept by tools/update_translations.py: translate the msgstr lines, then run it again.
#"""


@dataclass
class Outcome:
    missing: list[str] = field(default_factory=list)  # texts without a translation, per language
    mismatched: list[str] = field(default_factory=list)  # translations with other placeholders
    stale: list[str] = field(default_factory=list)  # committed files that differ from a fresh build


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """The template: every marked text of the code, with the files that use it."""
    template = Catalog(project="DeliveryDesk", domain=DOMAIN, creation_date=FIXED_DATE, fuzzy=False)
    found = extract_from_dir(
        PACKAGE, METHODS, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
    )
    for filename, _lineno, message, comments, context in found:
        location = (f"deliverydesk/{filename}", None)
        template.add(message, locations=[location], auto_comments=comments, context=context)
    return template


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _hidden(node: ast.AST) -> str:
    """Why the extractor cannot see a text marked at ``node`` ("" when it can)."""
    if isinstance(node, ast.JoinedStr):
        if any(isinstance(n, ast.Call) and _name(n.func) in KEYWORDS for n in ast.walk(node)):
            return "a marked call inside an f-string"
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Call)
        and _name(node.func.func) == "translator"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        return "a text given to a nameless translator: write t = translator(...), then t(...)"
    return ""


def unextracted() -> list[str]:
    """Texts the extractor cannot see, so they would never be translated: marked calls inside
    f-strings (``f"{t('Open')}"``: one token before Python 3.12) and texts given to a translator that
    has no name (``translator(language)("Open")``)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("gui/") or relative == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            why = _hidden(node)
            if why:
                found.append(f"deliverydesk/{relative}:{getattr(node, 'lineno', 0)}: {why}")
    return found


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalogue brought up to the template (translations kept, the rest dropped)."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.header_comment = HEADER.format(language=language)
    catalog.project, catalog.version, catalog.msgid_bugs_address = "DeliveryDesk", "", ""
    catalog.last_translator, catalog.language_team = "", language
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def review(language: str, catalog: Catalog, outcome: Outcome) -> None:
    """Record untranslated texts and translations whose placeholders differ from the English."""
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = f"{language}: {message.context + ' | ' if message.context else ''}{ids[0]}"
        if not all(strings) or message.fuzzy:
            outcome.missing.append(label)
            continue
        wanted = set().union(*(_names(text) for text in ids))
        if any(_names(text) - wanted for text in strings) or not wanted <= set().union(*map(_names, strings)):
            outcome.mismatched.append(label)


def build() -> tuple[Outcome, dict[Path, bytes]]:
    """The fresh .po and .mo of every language (nothing written), and what is wrong with them."""
    template, outcome, files = extract(), Outcome(), {}
    for language in LANGUAGES:
        catalog = updated(language, template)
        review(language, catalog, outcome)
        files[po_path(language)] = po_bytes(catalog)
        files[mo_path(language)] = mo_bytes(catalog)
    return outcome, files


def _entries(po: bytes) -> set[tuple[object, ...]]:
    """What a .po says, header aside (the Babel version that wrote it does not matter)."""
    catalog = read_po(io.BytesIO(po))
    return {(m.context, m.id, m.string, tuple(m.locations), m.fuzzy) for m in catalog if m.id}


def _compiled(mo: bytes) -> dict[object, str]:
    texts = dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]
    texts.pop("", None)  # the header
    return texts


def check() -> Outcome:
    """Build afresh in memory; a committed .po that says something else, or a .mo that is not the
    compiled .po, is stale."""
    outcome, files = build()
    for path, content in files.items():
        if (
            not path.exists()
            or (path.suffix == ".po" and _entries(path.read_bytes()) != _entries(content))
            or (path.suffix == ".mo" and _compiled(path.read_bytes()) != _compiled(content))
        ):
            outcome.stale.append(str(path.relative_to(ROOT)))
    return outcome


def update() -> Outcome:
    """Write the .po files (always: new texts must reach the translator) and the .mo files."""
    outcome, files = build()
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)
    return outcome
