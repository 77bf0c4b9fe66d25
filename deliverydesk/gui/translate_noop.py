"""``QT_TRANSLATE_NOOP`` typed: PySide6 declares it ``(object, object) -> object``, which loses that a
marked text is a ``str``. ``pyside6-lupdate`` finds the marks by this name, wherever it is defined."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source_text: str, /) -> str:
    """Mark ``source_text`` for translation in ``context``; translate it later with
    ``QCoreApplication.translate(context, source_text)``."""
    del context
    return source_text
