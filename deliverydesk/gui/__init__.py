"""The window (PySide6): the only layer, with ``app.py``, that imports Qt.

``application`` opens the database and shows the ``main_window``; ``pages/`` (Home, the project
navigator and the per-project workspace), ``dialogs/`` and ``widgets/`` are the screens; ``models/``
are Qt models that are fed rows and never query; ``tasks`` runs service calls off the GUI thread (one
call per user action); ``messages`` and ``crash`` turn errors into plain words (an error's
``Message`` rendered in the UI language); ``i18n``, ``labels`` and ``formatting`` hold the UI
language. Talks to ``services`` only."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (its import hook is set up with it: lightened below, before any window module)


def lighten_pyside_import_hook() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6" (for
    ``from __feature__ import ...``, PYSIDE-2029), through ``inspect.getsource``, which keeps each
    module's whole source in ``linecache`` for the life of the process: with SQLAlchemy, holidays and
    the app's own modules about 30 MiB of the window's peak memory. The same question is answered here
    from the file's bytes, kept nowhere. Nothing changes if PySide6 no longer asks this way."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None or getattr(upstream, "lightened", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


# Here, as the package loads: every module imported after PySide6 went through the heavy question
# (the window's own first modules too: about 10 ms of CPU before the opening frame's first paint).
lighten_pyside_import_hook()
