"""Command line: the same services as the window, no Qt (entry point ``deliverydesk``).

``commands`` parses and calls the services; ``output`` formats their answers."""

from __future__ import annotations

from deliverydesk.cli.commands import build_parser, main

__all__ = ["build_parser", "main"]
