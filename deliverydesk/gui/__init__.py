"""The window (PySide6): the only layer, with ``app.py``, that imports Qt.

``application`` opens the database and shows the ``main_window``; ``pages/`` (Home, the project
navigator and the per-project workspace), ``dialogs/`` and ``widgets/`` are the screens; ``models/``
are Qt models that are fed rows and never query; ``tasks`` runs service calls off the GUI thread (one
call per user action); ``messages`` and ``crash`` turn errors into plain words (an error's
``Message`` rendered in the UI language); ``i18n``, ``labels`` and ``formatting`` hold the UI
language. Talks to ``services`` only."""
