"""The window's pages: Home (``home``), the project navigator and its workspace (``navigator``,
``workspace``, with one page per area in ``project/``), search and recurring problems."""
