"""What every command module shares and the parser module (``commands``) owns no more than they do:
the program's name, its exit codes and the usage error. Imports nothing of the command line, so
``commands`` (the parser) and the command modules it reads (``documents``, ``evidence``...) import
it without importing each other back."""

from __future__ import annotations

PROG = "deliverydesk"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNHEALTHY, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


class UsageError(Exception):
    """A combination of arguments argparse cannot express."""
