"""A sentence to be shown later, in the reader's language: its English text (the message id) and values.

Errors carry one (``RuleError(msg("{ref} was withdrawn: it can no longer change.", ref=ref))``): the
window renders it in the interface language, the command line and the log in English (``str``).
A value may itself be a ``Message`` (a record kind, a reason folded into a sentence): it is rendered
in the same language. A ``date`` value is written as the language writes dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from deliverydesk.domain.enums import Language

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


@dataclass(frozen=True)
class Message:
    """``text``: the English ``str.format`` template, which is also the catalogue's message id;
    ``plural``: its plural form, chosen by ``count`` (``{count}`` in the text); ``context``: the
    catalogue context when one English text needs two translations."""

    text: str
    values: tuple[tuple[str, object], ...] = ()
    context: str | None = None
    plural: str | None = None
    count: int = 0

    @property
    def arguments(self) -> Mapping[str, object]:
        return dict(self.values)

    def render(self, language: Language) -> str:
        from deliverydesk.i18n.translator import translator

        return translator(language).render(self)

    def __str__(self) -> str:
        return self.render(Language.EN)


def msg(text: str, /, **values: object) -> Message:
    """Mark ``text`` for the catalogue and keep ``values`` to fill it when it is shown."""
    return Message(text, tuple(values.items()))


def msg_p(context: str, text: str, /, **values: object) -> Message:
    """``msg`` with a catalogue context, for an English text that needs two translations."""
    return Message(text, tuple(values.items()), context)


def verbatim(text: str) -> Message:
    """Text already in the reader's language (a sentence the window translated with Qt's ``tr``) or in
    no language at all: shown as it is whatever the language."""
    return Message("{text}", (("text", text),))


def joined(messages: Iterable[Message]) -> Message:
    """Several sentences or clauses as one: "a; b; c" (the separator is translated too)."""
    result: Message | None = None
    for message in messages:
        result = message if result is None else msg("{first}; {second}", first=result, second=message)
    if result is None:
        raise ValueError("nothing to join")
    return result


def listed(messages: Iterable[Message]) -> Message:
    """Messages as a list, one "- item" a line (the layout is the same in every language)."""
    items = [Message("- {item}", (("item", message),)) for message in messages]
    result = items[0] if items else verbatim("")
    for item in items[1:]:
        result = Message("{above}\n{below}", (("above", result), ("below", item)))
    return result


def msg_n(singular: str, plural: str, count: int, /, **values: object) -> Message:
    """A sentence with a number in it: ``msg_n("{count} project", "{count} projects", n)``."""
    return Message(singular, (("count", count), *values.items()), None, plural, count)
