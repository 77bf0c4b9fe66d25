"""The laptop's HTTP client for ``/v1`` (httpx). Failures become ``OfflineError`` (cannot reach the
server), ``TeamAuthError`` (token refused) or ``SyncError`` (the server said no, in its words).

Tests pass any ``httpx.Client`` (Starlette's in-process test client, or one with a transport that
drops connections on purpose)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import httpx

from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import OfflineError, SyncError, TeamAuthError
from deliverydesk.i18n import Message, msg, verbatim
from deliverydesk.services.sync.protocol import API, message_from_json

TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class HttpTransport:
    """One team server, one device token."""

    def __init__(self, url: str, token: str, client: httpx.Client | None = None) -> None:
        self.url = url.rstrip("/")
        self._client = client or httpx.Client(timeout=TIMEOUT)
        self._own_client = client is None
        self._headers = {"Authorization": f"Bearer {token}", "User-Agent": "DeliveryDesk"}

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    # --- plumbing ------------------------------------------------------------------------------

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self._headers, **kwargs.pop("headers", {})}
        try:
            response = self._client.request(method, f"{self.url}{API}{path}", headers=headers, **kwargs)
        except (httpx.TransportError, OSError) as exc:
            raise OfflineError(
                msg(
                    "The team server at {url} cannot be reached ({reason}).",
                    url=self.url,
                    reason=type(exc).__name__,
                ),
                hint=msg("You can keep working offline; changes wait and go up with the next sync."),
            ) from exc
        if response.status_code == 401:
            raise TeamAuthError(
                msg("The team server does not accept this device's token (unknown or revoked)."),
                hint=msg("Ask your administrator for a new token, then sync with --token."),
            )
        if response.status_code >= 400:
            raise SyncError(msg("The team server refused: {reason}", reason=_message(response)))
        return response

    def _json(self, method: str, path: str, body: Any = None) -> Any:
        response = self._send(method, path, json=body) if body is not None else self._send(method, path)
        return _decoded(response)

    # --- the protocol ----------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return dict(self._json("GET", "/health"))

    def me(self) -> dict[str, Any]:
        return dict(self._json("GET", "/me"))

    def roster(self) -> list[dict[str, Any]]:
        return list(self._json("GET", "/roster")["users"])

    def roster_since(self, known: str) -> tuple[list[dict[str, Any]] | None, str]:
        """The roster and its validator (ETag); None for the roster when ``known``, the validator of
        the roster this laptop holds, is still the server's (304: nothing sent, nothing to mirror)."""
        response = self._send("GET", "/roster", headers={"If-None-Match": known} if known else {})
        validator = response.headers.get("etag", "")
        if response.status_code == 304:
            return None, validator or known
        return list(_decoded(response)["users"]), validator

    def push(self, groups: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        return list(self._json("POST", "/push", {"groups": list(groups)})["results"])

    def pull(self, cursors: Mapping[str, int], limit: int) -> dict[str, Any]:
        return dict(self._json("POST", "/pull", {"cursors": dict(cursors), "limit": limit}))

    def records(self, keys: Sequence[tuple[str, str]]) -> dict[str, Any]:
        body = {"records": [{"entity": entity, "id": record_id} for entity, record_id in keys]}
        return dict(self._json("POST", "/records", body))

    def missing(self, digests: Sequence[str]) -> list[str]:
        return list(self._json("POST", "/files/missing", {"sha256": list(digests)})["missing"])

    def put_file(self, digest: str, data: bytes) -> None:
        self._send(
            "PUT", f"/files/{digest}", content=data, headers={"Content-Type": "application/octet-stream"}
        )

    def get_file(self, digest: str) -> bytes:
        data = self._send("GET", f"/files/{digest}").content
        if sha256_hex(data) != digest:
            raise SyncError(
                msg(
                    "A file from the team server is damaged (its bytes do not give {digest}…).",
                    digest=digest[:12],
                )
            )
        return data

    def reserve(self, project_id: str, ref: str, version: int) -> int:
        body = {"project_id": project_id, "ref": ref, "version": version}
        return int(self._json("POST", "/letters/reserve", body)["version"])

    def recurring(self, since: date, until: date) -> dict[str, Any]:
        query = f"?since={since.isoformat()}&until={until.isoformat()}"
        return dict(self._json("GET", f"/team/recurring{query}"))


def _decoded(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise SyncError(msg("The team server answered something that is not JSON.")) from exc


def _message(response: httpx.Response) -> Message:
    """The server's reason: its message id and values when it sent them (shown in this laptop's
    language), else its words as they are."""
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError):
        return verbatim(f"HTTP {response.status_code}")
    if not isinstance(body, dict):
        return verbatim(str(body))
    found = message_from_json(body.get("msg"))
    return (
        found if found is not None else verbatim(str(body.get("message") or f"HTTP {response.status_code}"))
    )
