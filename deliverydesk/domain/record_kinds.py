"""The kinds of record as a sentence names them ("This milestone is archived."), for messages.

Services name a kind in English ("milestone", or a bundle's table name such as ``log_entry``);
``record_kind`` turns it into a ``Message`` the reader sees in their language (里程碑). Every name a
message may hold is listed here so the catalogue has it; a test checks the bundle's tables are."""

from __future__ import annotations

from typing import Final

from deliverydesk.i18n import NP_, Message, msg_p

CONTEXT: Final = "record kind"
RECORD_KINDS: Final = frozenset(
    {
        NP_("record kind", "attachment"),
        NP_("record kind", "blob"),
        NP_("record kind", "category"),
        NP_("record kind", "change request"),
        NP_("record kind", "client"),
        NP_("record kind", "commitment"),
        NP_("record kind", "contact"),
        NP_("record kind", "exclusion"),
        NP_("record kind", "expectation"),
        NP_("record kind", "follow-up action"),
        NP_("record kind", "handover entry"),
        NP_("record kind", "handover item"),
        NP_("record kind", "issue"),
        NP_("record kind", "letter"),
        NP_("record kind", "log entry"),
        NP_("record kind", "milestone"),
        NP_("record kind", "milestone change"),
        NP_("record kind", "non-working day"),
        NP_("record kind", "project"),
        NP_("record kind", "review"),
        NP_("record kind", "review action"),
        NP_("record kind", "scope item"),
        NP_("record kind", "settings"),
        NP_("record kind", "signature"),
        NP_("record kind", "person"),
    }
)


_SPELLED = {"non_working_day": "non-working day"}  # table names whose words are not just the underscores


def record_kind(name: str) -> Message:
    """``name`` ("milestone", "log_entry") as a word for a sentence, in the reader's language."""
    return msg_p(CONTEXT, _SPELLED.get(name, name.replace("_", " ")))
