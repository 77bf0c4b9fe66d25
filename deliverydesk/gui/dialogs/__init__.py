"""Dialogs: ``FormDialog`` (``base``) and what is built on it: the record dialogs (``records/``), the
Documents page's dialogs (``documents/``), new project, settings, categories and a record's history."""
