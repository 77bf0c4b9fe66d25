"""Reusable widgets (the signature pad, the PDF view, enum choices)."""
