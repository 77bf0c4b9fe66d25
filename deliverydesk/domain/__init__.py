"""The domain: frozen dataclasses and pure rules, no I/O and no framework (an import-linter contract).

The records' shapes (``drafts``: what the user edits; ``models``: what screens and documents read;
``enums``), and the rules: validation, refs, working days and slip, triage, authority and budgets
(``scope_guard``, ``metrics``), cadence, commitments, reviews, recurrence, attachments, audit-chain
hashing and fingerprints (``fingerprint``, ``audit``), backup retention. Imported by every layer."""
