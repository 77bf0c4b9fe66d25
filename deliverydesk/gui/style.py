"""The few style constants shared by the window's parts (one look, defined once)."""

from __future__ import annotations

MUTED_STYLE = "color: #5b6675;"  # secondary text: dates under headings, facts under titles
ERROR_COLOUR = "#b00020"
