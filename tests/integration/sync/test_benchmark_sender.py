"""The team benchmark's sender (``benchmarks.sync_sender``): the requests a laptop's sync makes, on one
keep-alive connection, every answer read; an error answer fails the sync instead of passing unseen."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from benchmarks.sync_sender import Client, _requests


class _Server(ThreadingHTTPServer):
    seen: list[tuple[str, str, dict[str, str], bytes]]
    answers: dict[str, list[tuple[int, Any]]]  # per path, in the order they are asked for
    connections: set[int]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn
    server: _Server

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path, dict(self.headers), body))
        self.server.connections.add(id(self.connection))
        status, payload = self.server.answers[self.path].pop(0)
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _answer

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Server]:
    made = _Server(("127.0.0.1", 0), _Handler)
    made.seen, made.connections = [], set()
    thread = threading.Thread(target=made.serve_forever, daemon=True)
    thread.start()
    try:
        yield made
    finally:
        made.shutdown()
        made.server_close()


def _job(server: _Server, roster_etag: str) -> dict[str, Any]:
    host, port = server.server_address[:2]
    return {
        "base": f"http://{host}:{port}",
        "token": "secret-token",
        "cursors": {"p:1": 7},
        "roster_etag": roster_etag,
        "limit": 1000,
    }


def test_push_pull_pages_and_roster_on_one_connection(server: _Server) -> None:
    server.answers = {
        "/v1/push": [(200, [{"status": "accepted"}])],
        "/v1/pull": [(200, {"cursors": {"p:1": 9}, "more": True}), (200, {"cursors": {"p:1": 12}})],
        "/v1/roster": [(304, None)],
    }
    job = _job(server, roster_etag='"t.1"')  # the last page names no validator: ask with it
    client = Client(job)
    _requests(client, job, b'{"groups": []}')
    client.close()

    asked = [(method, path) for method, path, _h, _b in server.seen]
    pulls = [json.loads(body)["cursors"] for _m, path, _h, body in server.seen if path == "/v1/pull"]
    assert asked == [("POST", "/v1/push"), ("POST", "/v1/pull"), ("POST", "/v1/pull"), ("GET", "/v1/roster")]
    assert all(headers["Authorization"] == "Bearer secret-token" for _m, _p, headers, _b in server.seen)
    assert server.seen[0][3] == b'{"groups": []}'
    assert pulls == [{"p:1": 7}, {"p:1": 9}]  # each page's cursors ask for the next
    assert server.seen[3][2]["If-None-Match"] == '"t.1"'
    assert len(server.connections) == 1  # one keep-alive connection, as a laptop's client


def test_an_error_answer_fails_the_sync(server: _Server) -> None:
    server.answers = {"/v1/push": [(401, {"error": "unknown token"})]}
    job = _job(server, roster_etag="")
    with pytest.raises(RuntimeError, match="401"):
        _requests(Client(job), job, b"{}")
