"""Storage: the only layer that touches SQLAlchemy and SQL (an import-linter contract).

The schema (``tables``, the audit and search tables), the engine, pragmas and the unit of work
(``database``), typed mapping of rows to the domain's records (``mapping``), the write-side helpers
services use (``records``), read-side queries shaped for one screen or feature (``*_queries``), the
audit trail (``audit``), opening, identity, lock, backups, restore, migrations and health checks."""
