"""Holiday calendars kept between processes, so a start does not import the ``holidays`` package
(``domain.workdays.keep_calendars_in(CalendarFile())``, by the composition roots).

Importing ``holidays`` and computing one country's years costs about 0.1 s of CPU, and Today's report
asks for a calendar per span of years its milestones cover (several spans: 0.2-0.3 s on the large
file's start, on the worker that reads Today). What ``holidays`` computes depends only on the country,
the years and the package's release, so each calendar is kept in one JSON file in the cache folder
(``paths.cache_dir() / "calendars"``), named after that release (``holidays-0.109.dist-info`` beside
the package, found without importing it) and read back as plain dates. A missing, unreadable or foreign
file, or a release that cannot be named (no dist-info), means the calendar is computed as before; a
cache folder that cannot be written only costs the computing.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from datetime import date
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from deliverydesk.domain.workdays import CalendarEntry as Entry
from deliverydesk.paths import cache_dir

FORMAT = 1  # of the file; a change of what is kept changes it


@cache
def holidays_release() -> str | None:
    """``holidays-0.109``: the installed release's dist-info name, or None when it cannot be found."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    releases = sorted(Path(spec.origin).parent.parent.glob("holidays-*.dist-info"))
    return releases[0].name.removesuffix(".dist-info") if len(releases) == 1 else None


def cache_file(release: str) -> Path:
    return cache_dir() / "calendars" / f"{release}-f{FORMAT}.json"


_kept: dict[str, Entry] | None = None  # the file's entries, read once per process
_lock = threading.Lock()  # workers ask for calendars too


class CalendarFile:
    """The cache file as ``domain.workdays.KeptCalendars``."""

    def get(self, key: str) -> Entry | None:
        return kept_entry(key)

    def put(self, key: str, entry: Entry) -> None:
        keep_entry(key, entry)


def kept_entry(key: str) -> Entry | None:
    release = holidays_release()
    if release is None:
        return None
    with _lock:
        return _entries(release).get(key)


def keep_entry(key: str, entry: Entry) -> None:
    """Add an entry and write the file again (atomically: a temp file renamed)."""
    release = holidays_release()
    if release is None:
        return
    target = cache_file(release)
    with _lock, contextlib.suppress(OSError):
        entries = _entries(release)
        entries[key] = entry
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".calendars-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entries, out, sort_keys=True)
            os.replace(temp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise


def _entries(release: str) -> dict[str, Entry]:
    global _kept
    if _kept is None:
        _kept = {}
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(cache_file(release).read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                _kept = {key: value for key, value in loaded.items() if _valid(value)}
    return _kept


def _valid(entry: object) -> bool:
    if not isinstance(entry, dict) or set(entry) != {"holidays", "make_up", "weekend"}:
        return False
    try:
        [date.fromisoformat(day) for day in entry["holidays"] + entry["make_up"]]
    except (TypeError, ValueError):
        return False
    return all(isinstance(day, int) for day in entry["weekend"])


def forget_read_entries() -> None:
    """Read the file again on next use (tests: another cache folder)."""
    global _kept
    with _lock:
        _kept = None
