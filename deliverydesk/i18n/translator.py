"""``Translator``: the catalogue of one language, with the formats of that language."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import formats
from deliverydesk.i18n.catalogue import translations
from deliverydesk.i18n.message import Message

NO_DATE = "—"
_ALIASES = {"zh": Language.ZH_CN, "zh-cn": Language.ZH_CN, "zh_cn": Language.ZH_CN, "en": Language.EN}


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue where it is written; translate it where it is used (``t(text)``)."""
    return text


def NP_(context: str, text: str) -> str:
    """``N_`` with a context: translated with ``t.pgettext(context, text)`` where it is used."""
    return text


def parse_language(code: str | None) -> Language | None:
    """``en``, ``zh_CN`` (also ``zh``, ``zh-CN``) as a ``Language``; None for none; ValueError otherwise."""
    if not code:
        return None
    found = _ALIASES.get(code.strip().lower())
    if found is None:
        raise ValueError(f"unknown language {code!r}: use one of {', '.join(Language)}")
    return found


HOURS = N_("{hours} h")


class Translator:
    """``t("Page {page} / {total}", page=1, total=3)``: the text in this language, values filled in.

    Values are filled with ``str.format`` only when there are any, so a text without values may
    contain braces."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._catalogue = translations(language)

    def __call__(self, text: str, /, **values: object) -> str:
        translated = self._catalogue.gettext(text) if text else ""  # gettext("") is the catalogue's header
        return _fill(translated, values)

    def pgettext(self, context: str, text: str, /, **values: object) -> str:
        return _fill(self._catalogue.pgettext(context, text), values)

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        return _fill(self._catalogue.ngettext(singular, plural, count), values)

    def render(self, message: Message) -> str:
        """A ``Message`` in this language: nested messages too, dates as this language writes them."""
        values = {name: self._value(value) for name, value in message.values}
        if message.plural is not None:
            return _fill(self._catalogue.ngettext(message.text, message.plural, message.count), values)
        if message.context is not None:
            return self.pgettext(message.context, message.text, **values)
        return self(message.text, **values)

    def _value(self, value: object) -> object:
        if isinstance(value, Message):
            return self.render(value)
        if isinstance(value, date) and not isinstance(value, datetime):
            return formats.format_date(value, self.language)
        return value

    # formats, as the documents print them
    def date(self, day: date | None) -> str:
        """16 Mar 2026 / 2026年3月16日; no date prints as a dash."""
        return NO_DATE if day is None else formats.format_date(day, self.language)

    def number(self, value: Decimal | float | int) -> str:
        return formats.format_number(value, self.language)

    def money(self, amount: Decimal, currency: str, *, with_code: bool = False) -> str:
        return formats.format_money(amount, currency, self.language, with_code=with_code)

    def hours(self, hours: Decimal | float) -> str:
        return self(HOURS, hours=self.number(hours))

    def join(self, items: Iterable[str]) -> str:
        """A list in running text: "a, b, c" / "甲、乙、丙" (", " between two Latin names)."""
        return formats.join_list(items, self.language)


def _fill(text: str, values: dict[str, object]) -> str:
    return text.format(**values) if values else text


@cache
def translator(language: Language) -> Translator:
    """The translator of ``language`` (one per process and language)."""
    return Translator(language)
