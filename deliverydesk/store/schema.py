"""The whole schema on one ``MetaData``: every table of every module, for what must see them all.

``store.tables`` registers the records and the audit trail; the team server's and the laptop's sync
tables (``store.sync_tables``) register only where they are used, so that a process that never
syncs does not build their 16 ORM classes (``store.sync_state`` says why). The migrations
(``db/migrations/env.py``: autogenerate compares this with a database) and the forgotten-migration
test read it here.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from deliverydesk.store import sync_tables  # noqa: F401  (registers its tables on Base.metadata)
from deliverydesk.store.tables import Base

metadata: MetaData = Base.metadata
