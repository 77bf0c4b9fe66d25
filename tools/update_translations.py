"""Bring every translation up to date with the code: the window's Qt catalogues and the gettext
catalogue of documents, service messages and errors.

    .venv/bin/python tools/update_translations.py          # update sources, compile, list what is missing
    .venv/bin/python tools/update_translations.py --check  # what the tests run: nothing missing, all current

Window (Qt Linguist, ``tools/i18n_qt.py``): ``resources/translations/<lang>/<feature>.ts``, one per
feature of ``deliverydesk/gui``, compiled into ``resources/translations/deliverydesk_<lang>.qm``
(English: ``deliverydesk_en.qm``, the plural forms of ``%n`` strings only).

Everything else (gettext with Babel, ``tools/i18n_gettext.py``): the texts marked with ``t(...)``,
``N_``, ``msg(...)`` ... in ``deliverydesk/`` outside ``gui/`` go into
``resources/locale/<lang>/LC_MESSAGES/deliverydesk.po``, compiled into ``deliverydesk.mo``.

New texts arrive in the sources untranslated and are listed; translate them there (Qt Linguist or
any .po editor, or the XML / .po text itself) and run the command again. Exit 1 while anything is
missing, inconsistent or (with ``--check``) out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n_gettext
import i18n_qt


def report(qt: i18n_qt.Outcome, texts: i18n_gettext.Outcome) -> bool:
    """Print the problems; True when there are none."""
    lines = [f"missing translation (window): {key}" for key in qt.missing]
    lines += [f"translated two ways (window): {key}" for key in qt.conflicts]
    lines += [f"missing translation (documents, messages): {key}" for key in texts.missing]
    lines += [f"placeholders differ from the English: {key}" for key in texts.mismatched]
    lines += [f"out of date: {path} (run tools/update_translations.py)" for path in qt.stale + texts.stale]
    for line in lines:
        print(line)
    return not lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="build in memory and compare; write nothing")
    args = parser.parse_args()
    if args.check:
        return 0 if report(i18n_qt.check(), i18n_gettext.check()) else 1
    clean = report(i18n_qt.update(), i18n_gettext.update())
    print("translations updated" + ("" if clean else ": translate what is listed above, then run again"))
    return 0 if clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
