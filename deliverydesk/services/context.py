"""What every service call needs: the open database and an injected clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line's plain reads take the clock without the database layer
    from deliverydesk.store.starting import DatabaseHandle


def system_clock() -> datetime:
    return datetime.now(UTC)


# ``date.today()`` is ``date.fromtimestamp(time.time())`` (its documented equivalent, and how CPython
# computes it), but it looks both up by name on every call: called so, ~4k instructions less a call
# (every project switch asks).
_now_seconds, _local_date_at = time.time, date.fromtimestamp


def local_today(clock: Callable[[], datetime] = system_clock) -> date:
    """The day it is where the user is (the "as of" date of documents)."""
    if clock is system_clock:  # the computer's own clock: its day is date.today() (no moment built)
        return _local_date_at(_now_seconds())
    moment = clock()
    if moment.tzinfo is None:  # a naive clock reads local time already (as astimezone() takes it)
        return moment.astimezone().date()
    # astimezone().date() of an aware moment, without building the local time zone's object: a third
    # of the cost (every project switch asks; tests/unit/test_local_today.py holds the two equal).
    return date.fromtimestamp(moment.timestamp())


@dataclass(frozen=True)
class SealOptions:
    """How issued PDFs are signed (``services.documents.seal``). ``key_folder`` holds this database's
    own seal key (None: a ``signing`` folder beside the database file)."""

    key_folder: Path | None = None
    company_certificate: Path | None = None  # the company's PKCS#12 (.p12 / .pfx) file
    company_password: bytes | None = field(default=None, repr=False)
    timestamp_url: str | None = None  # trusted timestamps: a place for them; not available yet


@dataclass(frozen=True)
class ServiceContext:
    db: DatabaseHandle  # a Database, or a window's quick start that opens one on first need
    clock: Callable[[], datetime] = field(default=system_clock)
    seal: SealOptions = field(default_factory=SealOptions)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return local_today(self.clock)
