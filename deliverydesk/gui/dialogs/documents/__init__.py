"""Dialogs of the Documents page: preview, progress-summary narrative, signing, export and print."""
