"""Reusable widgets (the signature pad)."""
