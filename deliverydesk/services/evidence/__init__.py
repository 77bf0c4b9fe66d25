"""Evidence packs: which records concern a topic (a change request, an expectation, a date range or a
search) in ``gather``, and the pack's data, PDF and export in ``pack``."""
