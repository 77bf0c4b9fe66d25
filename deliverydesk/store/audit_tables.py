"""The audit trail's tables: hash-chained events of every change to every record (issue 6)."""

from __future__ import annotations
