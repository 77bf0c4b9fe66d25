"""``deliverydesk-server``: create and administer the team server's database, and serve it.

Every subcommand takes ``--db-url`` (or reads ``DELIVERYDESK_SERVER_DB_URL``). Problems the
administrator can fix print one line on stderr and exit 1; ``check`` exits 3 when something is wrong.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from deliverydesk import __version__
from deliverydesk.domain.sync import Role
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.i18n import msg

PROG = "deliverydesk-server"
DB_URL_ENV = "DELIVERYDESK_SERVER_DB_URL"
# Tests only: let a SQLite file stand in for PostgreSQL (see store.team_store), and inject faults.
ALLOW_SQLITE_ENV = "DELIVERYDESK_SERVER_ALLOW_SQLITE"
FAULT_ENV = "DELIVERYDESK_SERVER_FAULT"
SWITCH_INTERVAL_S = 0.005  # serve: see there
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNHEALTHY = 0, 1, 2, 3
log = logging.getLogger("deliverydesk.server")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


def _limits(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hours-per-change", type=float, default=8.0, metavar="H", help="effort per change (hours)"
    )
    parser.add_argument(
        "--cost-per-change",
        type=float,
        default=500.0,
        metavar="AMOUNT",
        help="cost per change (units of --currency)",
    )
    parser.add_argument(
        "--currency",
        default="CNY",
        metavar="CODE",
        help="the cost limit's currency (ISO 4217, default CNY): a cost in another is held for a manager",
    )
    parser.add_argument(
        "--goodwill-hours", type=float, default=16.0, metavar="H", help="goodwill hours per project"
    )


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db-url", metavar="URL", default=None, help=f"the server's PostgreSQL URL (env {DB_URL_ENV})"
    )
    parser = _Parser(
        prog=PROG, description="DeliveryDesk team server: administer and serve it.", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    commands.add_parser("init", parents=[common], help="create or upgrade the server database")
    add = commands.add_parser(
        "add-user", parents=[common], help="add a user with a role and authority limits"
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", default="", help="the name shown on approvals (default: NAME)")
    _limits(add)
    limits = commands.add_parser(
        "set-limits", parents=[common], help="change a user's authority limits or role"
    )
    limits.add_argument("name", metavar="NAME")
    limits.add_argument("--role", choices=[r.value for r in Role])
    _limits(limits)
    commands.add_parser("users", parents=[common], help="list the users, their roles and limits")
    grant = commands.add_parser("grant", parents=[common], help="grant a user a project (or --all)")
    grant.add_argument("user", metavar="USER")
    grant.add_argument("project", nargs="?", metavar="PROJECT_CODE")
    grant.add_argument("--all", action="store_true", help="every project, now and later")
    grant.add_argument("--revoke", action="store_true", help="take the grant back")
    token = commands.add_parser("token", parents=[common], help="print a new device token (once)")
    token.add_argument("user", metavar="USER")
    token.add_argument("--device", required=True, metavar="NAME", help="the laptop it is for")
    revoke = commands.add_parser("revoke-token", parents=[common], help="revoke a device token")
    revoke.add_argument("user", metavar="USER")
    revoke.add_argument("--device", metavar="NAME", help="only this device's token (default: all of them)")
    commands.add_parser("check", parents=[common], help="check the schema and every chain (exit 3 if not ok)")
    serve = commands.add_parser("serve", parents=[common], help="serve /v1 over HTTP(S)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert", metavar="FILE", help="certificate (PEM); with --tls-key serves HTTPS")
    serve.add_argument("--tls-key", metavar="FILE", help="private key (PEM)")
    return parser


def _url(args: argparse.Namespace) -> str:
    url = args.db_url or os.environ.get(DB_URL_ENV)
    if not url:
        raise DeliveryDeskError(
            msg(
                "Say which database: --db-url postgresql+psycopg://USER@HOST/NAME (or {env}).", env=DB_URL_ENV
            )
        )
    return str(url)


def _open(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    from deliverydesk.services.sync.admin import open_team

    return open_team(_url(args), create=create, allow_sqlite=os.environ.get(ALLOW_SQLITE_ENV) == "1")


@contextmanager
def _opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[Any]:
    """The server's database for one command, closed afterwards."""
    ctx = _open(args, create=create)
    try:
        yield ctx
    finally:
        ctx.db.close()


def _say(text: str) -> None:
    print(text, flush=True)


def init(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import init_server

    with _opened(args, create=True) as ctx:
        summary = init_server(ctx)
    _say(f"Team server database ready (schema {summary.revision}); {summary.registered} records registered.")
    return EXIT_OK


def _limits_of(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from deliverydesk.services.sync.admin import Limits

    return Limits(
        args.hours_per_change, round(args.cost_per_change * 100), args.goodwill_hours, args.currency
    )


def add_user(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import add_user as add

    with _opened(args) as ctx:
        user = add(ctx, args.name, Role(args.role), display_name=args.display_name, limits=_limits_of(args))
    _say(f"Added {user.name} ({user.role}).")
    return EXIT_OK


def set_limits(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import set_limits as change

    with _opened(args) as ctx:
        user = change(ctx, args.name, _limits_of(args), role=Role(args.role) if args.role else None)
    _say(_user_line(user))
    return EXIT_OK


def _user_line(user) -> str:  # type: ignore[no-untyped-def]
    return (
        f"{user.name}\t{user.role}\t{user.display_name}\t{user.hours_per_change:g} h/change\t"
        f"{user.cost_currency} {user.cost_cents_per_change / 100:g}/change\t"
        f"{user.goodwill_hours_per_project:g} h goodwill" + ("\tdisabled" if user.disabled else "")
    )


def users(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import list_users

    with _opened(args) as ctx:
        for user in list_users(ctx):
            _say(_user_line(user))
    return EXIT_OK


def grant(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import grant as give

    if args.all == (args.project is not None):
        raise UsageError("grant needs a PROJECT_CODE or --all (not both)")
    with _opened(args) as ctx:
        code = give(ctx, args.user, None if args.all else args.project, revoke=args.revoke)
    _say(f"{'Took back' if args.revoke else 'Granted'} {code} {'from' if args.revoke else 'to'} {args.user}.")
    return EXIT_OK


def token(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import issue_token

    with _opened(args) as ctx:
        value = issue_token(ctx, args.user, args.device)
    _say(value)
    print(f"(the token of {args.user} on {args.device}: shown only now, keep it safe)", file=sys.stderr)
    return EXIT_OK


def revoke_token(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import revoke_token as revoke

    with _opened(args) as ctx:
        count = revoke(ctx, args.user, args.device)
    _say(f"Revoked {count} token(s) of {args.user}.")
    return EXIT_OK


def check(args: argparse.Namespace) -> int:
    from deliverydesk.services.sync.admin import check_server

    with _opened(args) as ctx:
        result = check_server(ctx)
    for line in result.lines:
        _say(line)
    return EXIT_OK if result.ok else EXIT_UNHEALTHY


def fault_from_env() -> Callable[[str], None] | None:
    """Tests only: ``DELIVERYDESK_SERVER_FAULT=before-commit:N`` (or after-commit) makes the process
    exit at once at that point of the N-th group it handles, as a crash or a power cut would."""
    spec = os.environ.get(FAULT_ENV, "")
    if ":" not in spec:
        return None
    point, _, count = spec.partition(":")
    seen = {"n": 0}

    def fault(where: str) -> None:
        if where == point:
            seen["n"] += 1
            if seen["n"] >= int(count):
                os._exit(70)

    return fault


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from deliverydesk.server.app import create_app
    from deliverydesk.server.logs import configure_server_logging

    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("--tls-cert and --tls-key go together")
    configure_server_logging()
    # Python's own 5 ms, set explicitly. It was 0.5 ms while Python ran under the tail lock (a push
    # holding it waited for the interpreter after each round trip); since the tail runs inside
    # PostgreSQL with its COMMIT (``store.run_tail``) nothing waits on a lock holder's Python, and the
    # tenfold forced hand-offs between the worker threads cost CPU: with 50 laptops at once the
    # servers' CPU per group fell ~10 % and the p95 with it (benchmarks/README.md, session 13).
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    ctx = _open(args)
    app = create_app(ctx, fault=fault_from_env())
    log.info("serving", extra={"path": f"{args.host}:{args.port}"})
    try:
        # loop and http stay "auto": uvloop and httptools (the server extra) where installed, asyncio and
        # h11 otherwise (uvloop has no Windows build); less CPU per request (benchmarks/README.md, session 9).
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            ssl_certfile=args.tls_cert,
            ssl_keyfile=args.tls_key,
            log_config=None,
            access_log=False,
            server_header=False,
        )
    finally:
        ctx.db.close()
    return EXIT_OK


class UsageError(Exception):
    pass


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": init,
    "add-user": add_user,
    "set-limits": set_limits,
    "users": users,
    "grant": grant,
    "token": token,
    "revoke-token": revoke_token,
    "check": check,
    "serve": serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return HANDLERS[args.command](args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DeliveryDeskError as exc:
        print(f"{PROG}: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
