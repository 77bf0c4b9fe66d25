"""The team server's ASGI application (Starlette), speaking ``/v1`` (docs/sync.md).

Why Starlette rather than FastAPI: the request bodies are checked by our own protocol parser
(``services.sync.protocol``, on top of the bundle's canonical row decoding), so FastAPI's pydantic
models would describe everything twice and add pydantic to every install; the routes are a dozen,
documented by hand in docs/sync.md. Starlette is what FastAPI is built on: the same ASGI server
(uvicorn), the same test client, a much smaller dependency.

The application keeps no state between requests (the database engine's connection pool aside), so
several processes behind a proxy share one PostgreSQL. Database work runs on Starlette's thread
pool, at most ``WORKER_THREADS`` requests at a time (the others wait their turn in the event loop);
every request is logged as one JSON line (``server.logs``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from deliverydesk import __version__
from deliverydesk.errors import DeliveryDeskError, NotFoundError, StorageError
from deliverydesk.i18n import Message
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.sync import protocol
from deliverydesk.services.sync import server as sync
from deliverydesk.services.sync.protocol import ProtocolError, message_json
from deliverydesk.store.sync_server import DeviceIdentity

log = logging.getLogger("deliverydesk.server")
MAX_JSON_BYTES = 64 * 1024 * 1024
# Requests doing database work at once, per process (Starlette's thread pool would run 40). Python
# runs one thread at a time, so more threads add no speed, only waiting: for the connection pool (15
# connections; past its 30 s timeout a request failed with a 500 under load) and for the interpreter,
# also by the thread holding the tail lock every push waits for. Several processes use several cores.
WORKER_THREADS = 8  # at most store.database.POOL_SIZE: each thread keeps its connection
# A body declared this small is read before the token's lookup, so that the lookup and the request's
# work are one thread hand-off and, for the services that run on ``Database.transactions``, one pooled
# connection (a checkout and its release cost about what the lookup does). A larger or undeclared
# body is read only once its token was accepted: an unknown client is told 401 before it uploads
# megabytes (and before 413), and no pooled connection is held while a client uploads.
SMALL_BODY_BYTES = 256 * 1024
Handler = Callable[[Request], Awaitable[Response]]
Work = Callable[[DeviceIdentity], Any]
T = TypeVar("T")


class HttpError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str | Message) -> JSONResponse:
    """The answer to a refused request: the code, the sentence in English and, for a ``Message``, its id
    and values (``protocol.message_json``) so a laptop shows it in its own language."""
    if isinstance(message, str):
        return JSONResponse({"error": code, "message": message}, status_code=status)
    body = {"error": code, "message": str(message), "msg": message_json(message)}
    return JSONResponse(body, status_code=status)


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HttpError(413, "too_large", f"The request is larger than {limit // (1024 * 1024)} MB.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, "too_large", f"The request is larger than {limit // (1024 * 1024)} MB.")
        chunks.append(chunk)
    return b"".join(chunks)


def _small(request: Request) -> bool:
    """Whether the request declares a body of at most ``SMALL_BODY_BYTES`` (none: a GET)."""
    declared = request.headers.get("content-length")
    if declared is None:
        return request.method in ("GET", "HEAD")
    return declared.isdigit() and int(declared) <= SMALL_BODY_BYTES


async def _read(request: Request, limit: int) -> bytes:
    """The request's body: read already when small (``App._admit``), else read now."""
    early = getattr(request.state, "body", None)
    return early if early is not None else await _body(request, limit)


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HttpError(400, "bad_json", "The body is not JSON.") from None


class App:
    """The routes, bound to one service context (the server's database)."""

    def __init__(self, ctx: ServiceContext, fault: sync.FaultHook | None = None) -> None:
        self.ctx, self.fault = ctx, fault
        self.slots = asyncio.Semaphore(WORKER_THREADS)

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` on the thread pool, at most ``WORKER_THREADS`` at once."""
        async with self.slots:
            return await run_in_threadpool(function, *args)

    def routes(self) -> list[Route]:
        api = protocol.API
        return [
            Route(f"{api}/health", self._wrap(self.health, auth=False), methods=["GET"]),
            Route(f"{api}/me", self._wrap(self.me), methods=["GET"]),
            Route(f"{api}/roster", self._wrap(self.roster), methods=["GET"]),
            Route(f"{api}/push", self._wrap(self.push), methods=["POST"]),
            Route(f"{api}/pull", self._wrap(self.pull), methods=["POST"]),
            Route(f"{api}/records", self._wrap(self.records), methods=["POST"]),
            Route(f"{api}/files/missing", self._wrap(self.files_missing), methods=["POST"]),
            Route(f"{api}/files/{{sha256}}", self._wrap(self.put_file), methods=["PUT"]),
            Route(f"{api}/files/{{sha256}}", self._wrap(self.get_file), methods=["GET"]),
            Route(f"{api}/letters/reserve", self._wrap(self.reserve), methods=["POST"]),
            Route(f"{api}/team/recurring", self._wrap(self.recurring), methods=["GET"]),
        ]

    # --- the wrapper: identity, errors, one log line ---------------------------------------------

    def _wrap(self, handler: Handler, *, auth: bool = True) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            started, request_id = time.monotonic(), uuid.uuid4().hex[:12]
            extra: dict[str, Any] = {}
            request.state.log, request.state.identity = extra, None
            try:
                if auth:
                    await self._admit(request)
                response = await handler(request)
            except HttpError as exc:
                response = _error(exc.status, exc.code, exc.message)
            except ProtocolError as exc:
                response = _error(400, "bad_request", exc.as_message())
            except NotFoundError as exc:
                response = _error(404, "not_found", exc.as_message())
            except PermissionError as exc:
                response = _error(403, "forbidden", str(exc))
            except sync.FileMismatchError as exc:
                response = _error(422, "digest_mismatch", str(exc))
            except StorageError as exc:
                log.warning("storage error: %s", exc)
                response = _error(503, "storage", "The team server cannot reach its database.")
            except DeliveryDeskError as exc:
                response = _error(409, "refused", exc.as_message())
            except Exception:
                log.exception("unexpected error", extra={"request_id": request_id, "path": request.url.path})
                response = _error(500, "bug", f"An unexpected error (request {request_id}); it was logged.")
            response.headers["X-Request-Id"] = request_id
            identity: DeviceIdentity | None = request.state.identity
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.url.path,
                    "status": response.status_code,
                    "ms": round((time.monotonic() - started) * 1000, 1),
                    "user": identity.user.name if identity else None,
                    "device": identity.device_name if identity else None,
                    **extra,
                },
            )
            return response

        return endpoint

    async def _admit(self, request: Request) -> None:
        """The bearer token's form checked (401), then either the small body read, the token to be
        looked up with the request's work (``_as_user``), or the token looked up now, before a large
        body is read (401 before 413)."""
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
            raise HttpError(401, "unauthorized", "A device token is needed (Authorization: Bearer ...).")
        request.state.token = token.strip()
        if _small(request):
            request.state.body = await _body(request, SMALL_BODY_BYTES)
        else:
            request.state.identity = await self._run(self._lookup, request.state.token)

    def _lookup(self, token: str) -> DeviceIdentity:
        identity = sync.authenticate(self.ctx, token)
        if identity is None:
            raise HttpError(401, "unauthorized", "This device token is unknown or was revoked.")
        return identity

    async def _as_user(self, request: Request, work: Work, *, share: bool = True) -> Any:
        """``work(identity)`` on the thread pool, the token looked up first in the same hand-off
        when ``_admit`` left it for later. ``share``: the lookup and the work on one pooled
        connection (``Database.holding``), for work that runs on ``Database.transactions``; a
        service that opens a unit of work checks out its own (sharing would need two per thread)."""

        def admitted() -> Any:
            if request.state.identity is None:
                request.state.identity = self._lookup(request.state.token)
            return work(request.state.identity)

        def shared() -> Any:
            with self.ctx.db.holding():
                return admitted()

        return await self._run(shared if share else admitted)

    # --- the routes ------------------------------------------------------------------------------

    async def health(self, request: Request) -> Response:
        try:
            found = await self._run(sync.health, self.ctx)
        except Exception as exc:  # any failure to reach the database is "not healthy", never a 500
            log.warning("health check failed: %s", exc)
            return _error(503, "unavailable", "The team server cannot reach its database.")
        return JSONResponse({**found, "version": __version__})

    async def me(self, request: Request) -> Response:
        return JSONResponse(await self._as_user(request, lambda identity: sync.me(self.ctx, identity)))

    async def roster(self, request: Request) -> Response:
        """The roster with its ETag; 304 without a body when If-None-Match names the current one."""
        known = request.headers.get("if-none-match", "")
        validator, users = await self._as_user(request, lambda _identity: sync.roster(self.ctx, known))
        if users is None:
            return Response(status_code=304, headers={"ETag": validator})
        return JSONResponse({"users": users}, headers={"ETag": validator})

    async def push(self, request: Request) -> Response:
        body, clock = await _read(request, MAX_JSON_BYTES), sync.TailClock()

        def work(identity: DeviceIdentity) -> list[dict[str, Any]]:
            groups = protocol.parse_push(_loads(body))
            request.state.log["groups"] = len(groups)
            return sync.push_groups(self.ctx, identity, groups, self.fault, clock)

        results = await self._as_user(request, work)
        if clock.groups:
            request.state.log["tail_groups"] = clock.groups
            request.state.log["tail_wait_ms"] = round(clock.waited * 1000, 2)
            request.state.log["tail_hold_ms"] = round(clock.held * 1000, 2)
        return JSONResponse({"results": results})

    async def pull(self, request: Request) -> Response:
        body = await _read(request, MAX_JSON_BYTES)

        def work(identity: DeviceIdentity) -> dict[str, Any]:
            cursors, limit = protocol.parse_pull(_loads(body))
            return sync.pull(self.ctx, identity, cursors, limit)

        page = await self._as_user(request, work)
        request.state.log["rows"] = len(page["rows"])
        return JSONResponse(page)

    async def records(self, request: Request) -> Response:
        body = await _read(request, MAX_JSON_BYTES)

        def work(identity: DeviceIdentity) -> dict[str, Any]:
            return sync.records(self.ctx, identity, protocol.parse_record_keys(_loads(body)))

        return JSONResponse(await self._as_user(request, work, share=False))

    async def files_missing(self, request: Request) -> Response:
        body = await _read(request, MAX_JSON_BYTES)

        def work(_identity: DeviceIdentity) -> list[str]:
            return sync.missing_files(self.ctx, protocol.parse_digests(_loads(body)))

        return JSONResponse({"missing": await self._as_user(request, work, share=False)})

    async def put_file(self, request: Request) -> Response:
        data = await _read(request, protocol.MAX_FILE_BYTES)
        request.state.log["bytes"] = len(data)

        def work(_identity: DeviceIdentity) -> tuple[str, bool]:
            digest = protocol.check_digest(request.path_params["sha256"])
            return digest, sync.put_file(self.ctx, digest, data)

        digest, added = await self._as_user(request, work, share=False)
        return JSONResponse({"sha256": digest, "stored": added}, status_code=201 if added else 200)

    async def get_file(self, request: Request) -> Response:
        def work(identity: DeviceIdentity) -> tuple[str, bytes]:
            digest = protocol.check_digest(request.path_params["sha256"])
            return digest, sync.get_file(self.ctx, identity, digest)

        digest, data = await self._as_user(request, work, share=False)
        request.state.log["bytes"] = len(data)
        return Response(data, media_type="application/octet-stream", headers={"X-SHA256": digest})

    async def reserve(self, request: Request) -> Response:
        body = await _read(request, MAX_JSON_BYTES)

        def work(identity: DeviceIdentity) -> tuple[str, str, int]:
            project_id, ref, version = protocol.parse_reservation(_loads(body))
            return project_id, ref, sync.reserve_letter(self.ctx, identity, project_id, ref, version)

        project_id, ref, chosen = await self._as_user(request, work, share=False)
        return JSONResponse({"project_id": project_id, "ref": ref, "version": chosen})

    async def recurring(self, request: Request) -> Response:
        def work(identity: DeviceIdentity) -> tuple[date, date, list[dict[str, Any]]]:
            try:
                query = request.query_params
                until = date.fromisoformat(query["until"]) if "until" in query else self.ctx.today()
                since = (
                    date.fromisoformat(query["since"]) if "since" in query else until - timedelta(days=365)
                )
            except ValueError:
                raise HttpError(400, "bad_request", "since and until are dates (YYYY-MM-DD).") from None
            return since, until, sync.team_recurring(self.ctx, identity, since, until)

        since, until, rows = await self._as_user(request, work, share=False)
        return JSONResponse({"since": since.isoformat(), "until": until.isoformat(), "categories": rows})


def create_app(ctx: ServiceContext, *, fault: sync.FaultHook | None = None) -> Starlette:
    """The ASGI application over an open server database."""
    return Starlette(routes=App(ctx, fault).routes())
