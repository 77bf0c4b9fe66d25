"""Service and domain error sentences in the UI language, translated at the GUI boundary.

Services stay Qt-free and phrase their errors in English (the CLI shows them as they are). The window
matches each sentence against the English templates of ``resources/translations/zh_CN/
service_messages.json`` and, in the Chinese UI, shows the Chinese template with the runtime values put
back in. A template's ``{0}``, ``{1}``, ... stand for the f-string's values in order; ``{{``/``}}`` are
literal braces. In a Chinese template ``{0}`` inserts the value literally (user text is data),
``{0:term}`` translates a record kind from the ``terms`` table ("milestone" -> 里程碑) and
``{0:msg}`` translates a nested sentence (a hint folded into a message). A sentence no template
matches is shown unchanged: the text is never lost. Refresh the catalogue with
``tools/service_messages.py``."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLocale

from deliverydesk.paths import RESOURCES_DIR

log = logging.getLogger(__name__)
CATALOGUE_FILE = RESOURCES_DIR / "translations" / "zh_CN" / "service_messages.json"
FIELD = re.compile(r"\{\{|\}\}|\{(\d+)(?::(term|msg))?\}")


def placeholders(template: str) -> list[str]:
    """The placeholder indices of a template in order (``{0:term}`` counts as ``0``)."""
    return [m.group(1) for m in FIELD.finditer(template) if m.group(1) is not None]


def _pattern(template: str) -> re.Pattern[str]:
    """An anchored regex: literal text escaped, each placeholder a non-greedy group named by index."""
    parts, position = [], 0
    for match in FIELD.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        token = match.group(0)
        parts.append(re.escape(token[0]) if match.group(1) is None else f"(?P<p{match.group(1)}>.*?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


def _unescape(template: str) -> str:
    return template.replace("{{", "{").replace("}}", "}")


def _literal_length(template: str) -> int:
    return len(FIELD.sub("", template))


@dataclass(frozen=True)
class Catalogue:
    """English template -> translated template, plus record-kind terms."""

    exact: Mapping[str, str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    terms: Mapping[str, str]

    @classmethod
    def from_mapping(cls, messages: Mapping[str, str], terms: Mapping[str, str]) -> Catalogue:
        exact = {_unescape(k): _unescape(v) for k, v in messages.items() if not placeholders(k)}
        templated = sorted((k for k in messages if placeholders(k)), key=_literal_length, reverse=True)
        patterns = tuple((_pattern(k), messages[k]) for k in templated)  # most literal text first
        return cls(exact, patterns, dict(terms))

    def translate(self, text: str) -> str:
        """The translation of ``text``, or ``text`` itself when no template matches."""
        if text in self.exact:
            return self.exact[text]
        for pattern, target in self.patterns:
            match = pattern.fullmatch(text)
            if match is not None:
                return self._render(target, match)
        return text

    def _render(self, target: str, match: re.Match[str]) -> str:
        def value(field: re.Match[str]) -> str:
            if field.group(1) is None:
                return field.group(0)[0]
            captured = match.group(f"p{field.group(1)}")
            if field.group(2) == "term":
                return self.terms.get(captured, captured)
            return self.translate(captured) if field.group(2) == "msg" and captured else captured

        return FIELD.sub(value, target)  # a function's result is inserted literally


def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Catalogue.from_mapping(data["messages"], data["terms"])


@cache
def _chinese() -> Catalogue:
    try:
        return load_catalogue()
    except (OSError, ValueError, KeyError):  # a broken install: show the English rather than fail
        log.exception("could not load %s", CATALOGUE_FILE)
        return Catalogue.from_mapping({}, {})


def ui_is_chinese() -> bool:
    """The language the translators were installed for (``i18n.install_translators`` sets it)."""
    return QLocale().language() == QLocale.Language.Chinese


def translate_message(text: str) -> str:
    """A service's sentence in the UI language (unchanged in the English UI or when unknown)."""
    return _chinese().translate(text) if text and ui_is_chinese() else text


def translate_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """A ``ValidationError``'s field messages in the UI language."""
    return {name: translate_message(message) for name, message in fields.items()}
