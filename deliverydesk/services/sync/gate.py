"""What the rest of the services ask about the team server, inside their own unit of work: who the
team user of this database is (an approval carries that identity), and whether a letter may be issued
(in a team, only with its reference and version reserved on the server: docs/sync.md, *References*)."""

from __future__ import annotations

from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg
from deliverydesk.store.records import Session
from deliverydesk.store.sync_state import team_user

MANAGER_ROLES = ("manager", "admin")


def team_identity(session: Session) -> tuple[str, str] | None:
    """(display name, role) of the team user, None when this database is not in a team."""
    return team_user(session.connection())


def check_team_answerer(session: Session, manager_id: str, you_id: str) -> None:
    """In a team, a manager approves or refuses from their own DeliveryDesk: the answer carries the
    identity of this laptop's token (the server stamps it), so another manager cannot be picked here."""
    identity = team_identity(session)
    if identity is None:
        return
    if identity[1] not in MANAGER_ROLES:
        raise RuleError(
            msg("Only a manager approves a held decision: the team server knows you as an engineer."),
            msg("Your manager approves it from their own DeliveryDesk."),
        )
    if manager_id != you_id:
        raise RuleError(
            msg("In a team, a manager answers from their own DeliveryDesk: the answer carries your name."),
            msg("Choose yourself, or ask the other manager to answer from theirs."),
        )


def check_roster_local(session: Session) -> None:
    """In a team, the roster (people, roles, authority limits) comes from the team server."""
    if team_identity(session) is not None:
        raise RuleError(
            msg("The team roster comes from the team server: roles and authority limits are set there."),
            msg("Ask an administrator (deliverydesk-server set-limits)."),
        )


def check_issue_allowed(
    session: Session, project_id: str, ref: str, version: int, translates: bool = False
) -> None:
    """In a team, a letter is issued only with its reference and version reserved on the server. A
    translation keeps the number of the issued version it translates, which never changes: it needs no
    reservation (the server refuses a second translation of a version into the same language)."""
    connection = session.connection()
    if translates or team_user(connection) is None:
        return
    from deliverydesk.store import sync_local  # the sync tables: loaded on a team laptop only

    if not sync_local.reserved(connection, project_id, ref, version):
        raise RuleError(
            msg(
                "Issuing {ref} version {version} needs the team server: a letter's reference and version are "
                "reserved there first, so that they can never clash.",
                ref=ref,
                version=version,
            ),
            msg("Connect and issue again (previews, drafts and signing work offline)."),
        )
