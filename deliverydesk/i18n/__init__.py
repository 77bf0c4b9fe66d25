"""Every user-facing text outside Qt widgets, in the language asked for: one mechanism for all.

Documents (``reports/``), service and domain texts and the errors users see are written in English in
the code and translated through a gettext catalogue (``resources/locale/<lang>/LC_MESSAGES/
deliverydesk.po``, compiled to ``.mo``), kept with Babel by ``tools/update_translations.py``:

- ``translator(language)`` gives a ``Translator``: ``t("Page {page} / {total}", page=1, total=3)``,
  ``t.pgettext("OwnerSide", "Client")`` where one English word needs two translations,
  ``t.ngettext("{count} day", "{count} days", n, count=n)`` for plurals;
- ``N_("...")`` / ``NP_("context", "...")`` mark a text in a table, translated where it is used;
- ``msg("The code {code} is already used.", code=code)`` is a ``Message``: the English text (the
  message id) and its values, rendered later in the reader's language (errors carry these, so the
  window shows them in its language and the command line in English; nothing is matched back);
- ``formats`` prints dates, numbers, money and hours per language with Babel, for the PDFs, the
  messages and the window alike.

The English text is the message id: an English user reads it as written (no catalogue), and the
Chinese ``.po`` maps it to its translation. Placeholders are ``str.format`` names, the same in both.
Only this package reads the catalogues (``catalogue.locale_dir``): no Qt, no database.
"""

from __future__ import annotations

from deliverydesk.i18n.catalogue import DOMAIN, locale_dir
from deliverydesk.i18n.message import Message, joined, listed, msg, msg_n, msg_p, verbatim
from deliverydesk.i18n.translator import N_, NP_, Translator, parse_language, translator

__all__ = [
    "DOMAIN",
    "NP_",
    "N_",
    "Message",
    "Translator",
    "joined",
    "listed",
    "locale_dir",
    "msg",
    "msg_n",
    "msg_p",
    "parse_language",
    "translator",
    "verbatim",
]
