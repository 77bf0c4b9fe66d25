"""The log entries DeliveryDesk writes itself, and the rule for voiding an entry written by mistake.

Issuing a document, a client signing or refusing it, and deciding or approving a change request each
add an entry to the project's log, in the same transaction, linked to the letter or the change request
("Expectation letter EL-1 v2 issued", "Client signed EL-1 v2 on paper"). They are records the client
may read, so they follow the project's document language. Pure: no I/O, no Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

from deliverydesk.domain.enums import Decision, Language, LetterKind, SignMethod
from deliverydesk.i18n import N_, NP_, Message, Translator, msg, translator

VOID_WINDOW = timedelta(minutes=15)  # an entry can be voided (Undo) this long after it was written
VOID_REASON_MAX = 500

LETTER_NAMES = {
    LetterKind.EXPECTATION_CONFIRMATION: N_("Expectation letter"),
    LetterKind.CHANGE_DECISION: N_("Change decision"),
    LetterKind.PROGRESS_SUMMARY: N_("Progress summary"),
    LetterKind.HANDOVER: N_("Handover report"),
}
_CONTEXT = "log entry"  # a decision's word inside an automatic log entry
DECISION_NAMES = {
    Decision.PENDING: NP_("log entry", "pending"),
    Decision.PENDING_APPROVAL: NP_("log entry", "held for a manager's approval"),
    Decision.APPROVED_BILLABLE: NP_("log entry", "approved, billable"),
    Decision.APPROVED_GOODWILL: NP_("log entry", "approved as goodwill"),
    Decision.DEFERRED: NP_("log entry", "deferred"),
    Decision.DECLINED: NP_("log entry", "declined"),
    Decision.WITHDRAWN: NP_("log entry", "withdrawn"),
}
SIGN_WAYS = {
    SignMethod.ON_SCREEN: NP_("log entry", "on screen"),
    SignMethod.ON_PAPER: NP_("log entry", "on paper"),
    SignMethod.BY_EMAIL: NP_("log entry", "by e-mail"),
}


def _letter(t: Translator, kind: LetterKind, ref: str, version: int) -> str:
    return t("{letter} {ref} v{version}", letter=t(LETTER_NAMES[kind]), ref=ref, version=version)


def _decision(t: Translator, decision: Decision) -> str:
    return t.pgettext(_CONTEXT, DECISION_NAMES[decision])


LANGUAGE_NAMES = {Language.EN: N_("English"), Language.ZH_CN: N_("Simplified Chinese")}


def letter_issued(
    kind: LetterKind, ref: str, version: int, language: Language, translated_into: Language | None = None
) -> str:
    """ "Expectation letter EL-1 v2 issued"; a translation of an issued version says into which language,
    so the log does not show the same version sent twice."""
    t = translator(language)
    letter = _letter(t, kind, ref, version)
    if translated_into is None:
        return t("{letter} issued", letter=letter)
    return t("{letter} issued in {language}", letter=letter, language=t(LANGUAGE_NAMES[translated_into]))


def letter_signed(
    kind: LetterKind, ref: str, version: int, method: SignMethod, signer: str, language: Language
) -> str:
    """ "Client signed Expectation letter EL-1 v2 on paper (Wang Jianguo)"; a refusal says so."""
    t = translator(language)
    letter, signer = _letter(t, kind, ref, version), signer.strip()
    if method is SignMethod.REFUSED:
        if signer:
            return t("Client refused to sign {letter} ({signer})", letter=letter, signer=signer)
        return t("Client refused to sign {letter}", letter=letter)
    way = t.pgettext(_CONTEXT, SIGN_WAYS[method])
    if signer:
        return t("Client signed {letter} {way} ({signer})", letter=letter, way=way, signer=signer)
    return t("Client signed {letter} {way}", letter=letter, way=way)


def request_decided(
    ref: str,
    title: str,
    decision: Decision,
    language: Language,
    proposed: Decision | None = None,
    replaced: Decision | None = None,
) -> str:
    """ "CR-7 Night shift support: declined"; a held decision names what was proposed, and a decision
    taken again while one was held for approval names the held one it replaces (so the record shows
    the manager was no longer asked)."""
    t = translator(language)
    if proposed is not None:
        summary = t(
            "{ref} {title}: {decision} (proposed: {proposed})",
            ref=ref,
            title=title,
            decision=_decision(t, decision),
            proposed=_decision(t, proposed),
        )
    else:
        summary = t("{ref} {title}: {decision}", ref=ref, title=title, decision=_decision(t, decision))
    if replaced is None:
        return summary
    return t(
        "{summary}; replaces the decision held for approval ({held})",
        summary=summary,
        held=_decision(t, replaced),
    )


def request_approved(ref: str, title: str, decision: Decision, approver: str, language: Language) -> str:
    t = translator(language)
    return t(
        "{ref} {title}: {decision}, approved by {approver}",
        ref=ref,
        title=title,
        decision=_decision(t, decision),
        approver=approver,
    )


def void_problem(created_at: datetime, now: datetime, voided_at: datetime | None) -> Message | None:
    """Why an entry cannot be voided now, or None."""
    if voided_at is not None:
        return msg("This entry is already voided.")
    if now - created_at > VOID_WINDOW:
        return msg("Only an entry written in the last 15 minutes can be voided; correct this one instead.")
    return None
