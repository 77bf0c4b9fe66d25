"""One laptop's sync requests, sent by a small process of its own (``benchmarks.sync``'s server-side
measure starts one per laptop): ``python -m benchmarks.sync_sender`` reads its job (one JSON line) on
stdin, says ``ready``, waits for ``go``, sends the requests and prints its figures (one JSON line),
then ends once its stdin closes (when the round is over: an exit costs ~30 ms of CPU, which would
otherwise land on the cores answering the other laptops' requests).

Why a process of its own, started fresh, rather than one forked from the benchmark: a forked sender
shared the benchmark's ~300 MB heap copy-on-write, and every page its requests wrote (a reference
count, an object allocated among the parent's) was copied by the kernel inside the measured round —
about 1,000 page faults and two thirds of the sender's CPU per sync, which a laptop's own process
does not pay. This process imports only the standard library (httpx until session 14: ``Client``).
"""

from __future__ import annotations

import http.client
import json
import sys
import time
from typing import Any
from urllib.parse import urlsplit


class Client:
    """HTTP/1.1 on one keep-alive connection, through the standard library's ``http.client``: the
    same requests a laptop's ``HttpTransport`` sends (method, path, body, token), for a fraction of
    httpx's CPU — 0.8 against 1.8-2.0 ms for a sync's push and pull page (session 14, one process, the
    same bodies). That CPU is a laptop's, spent here on the servers' cores; the laptop's own
    client work is still counted, in the team's view, by the replayed ``sync_now`` (``benchmarks.sync
    ._server_side``)."""

    def __init__(self, job: dict[str, Any]) -> None:
        base = urlsplit(job["base"])
        self.connection = http.client.HTTPConnection(base.hostname or "", base.port, timeout=300)
        self.headers = {"Authorization": f"Bearer {job['token']}", "Content-Type": "application/json"}

    def send(self, method: str, path: str, body: bytes | None = None, **headers: str) -> tuple[int, bytes]:
        """The answer's status and its whole body (read, so the connection serves the next request)."""
        self.connection.request(method, path, body=body, headers={**self.headers, **headers})
        response = self.connection.getresponse()
        return response.status, response.read()

    def json(self, method: str, path: str, body: bytes | None = None) -> Any:
        status, answer = self.send(method, path, body)
        if status >= 400:
            raise RuntimeError(f"{method} {path} answered {status}: {answer[:200]!r}")
        return json.loads(answer)

    def close(self) -> None:
        self.connection.close()


def _requests(client: Client, job: dict[str, Any], push: bytes) -> None:
    """The requests ``sync_now`` makes of the server: the push, pull pages until the server says there
    is no more (each page's cursors ask for the next, as the laptop's would after writing the page),
    then the roster with the validator the laptop holds, unless the last page named that validator.
    Every answer is read and decoded."""
    client.json("POST", "/v1/push", push)
    cursors = job["cursors"]
    for _ in range(10_000):
        asked = json.dumps({"cursors": cursors, "limit": job["limit"]}).encode()
        page = client.json("POST", "/v1/pull", asked)
        cursors = page["cursors"]
        if not page.get("more"):
            break
    if job["roster_etag"] and page.get("roster_etag") == job["roster_etag"]:
        return
    known = {"If-None-Match": job["roster_etag"]} if job["roster_etag"] else {}
    status, roster = client.send("GET", "/v1/roster", **known)
    if status != 304:  # 304: unchanged
        if status >= 400:
            raise RuntimeError(f"GET /v1/roster answered {status}")
        json.loads(roster)


def _warm_up(job: dict[str, Any]) -> None:
    """One request through the same client code on a connection of its own, closed before the round:
    the first request of a fresh interpreter pays one-time costs (code run for the first time, lazily
    built tables) that an app's earlier syncs have paid. The health check reads nothing of the team's
    and runs before the servers' CPU is counted; the measured requests open their own connection, as a
    laptop's sync does (an idle connection does not outlive the few minutes between syncs)."""
    client = Client(job)
    try:
        client.json("GET", "/v1/health")
    finally:
        client.close()


def main() -> None:
    job = json.loads(sys.stdin.readline())
    client, push = Client(job), job["push"].encode()
    _warm_up(job)
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    started, cpu = time.time(), time.process_time()
    try:
        _requests(client, job, push)
        error = ""
    except Exception as exc:  # reported after the round
        error = repr(exc)
    figures = {"started": started, "ended": time.time(), "cpu_s": time.process_time() - cpu, "error": error}
    print(json.dumps(figures), flush=True)
    # A laptop's app does not end after a sync: this process ends only once the round is over (the
    # benchmark closes its stdin), not while other laptops' requests are still being answered.
    sys.stdin.readline()
    client.close()


if __name__ == "__main__":
    main()
