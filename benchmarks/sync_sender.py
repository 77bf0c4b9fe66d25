"""One laptop's sync requests, sent by a small process of its own (``benchmarks.sync``'s server-side
measure starts one per laptop): ``python -m benchmarks.sync_sender`` reads its job (one JSON line) on
stdin, says ``ready``, waits for ``go``, sends the requests and prints its figures (one JSON line),
then ends once its stdin closes (when the round is over: an exit costs ~30 ms of CPU, which would
otherwise land on the cores answering the other laptops' requests).

Why a process of its own, started fresh, rather than one forked from the benchmark: a forked sender
shared the benchmark's ~300 MB heap copy-on-write, and every page its requests wrote (a reference
count, an object allocated among the parent's) was copied by the kernel inside the measured round —
about 1,000 page faults and two thirds of the sender's CPU per sync, which a laptop's own process
does not pay. This process imports only httpx.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import httpx


def _requests(client: httpx.Client, job: dict[str, Any], push: bytes) -> None:
    """The requests ``sync_now`` makes of the server: the push, pull pages until the server says there
    is no more (each page's cursors ask for the next, as the laptop's would after writing the page),
    then the roster with the validator the laptop holds, unless the last page named that validator.
    Every answer is read and decoded."""
    client.post("/v1/push", content=push).raise_for_status().json()
    cursors = job["cursors"]
    for _ in range(10_000):
        response = client.post("/v1/pull", json={"cursors": cursors, "limit": job["limit"]})
        page = response.raise_for_status().json()
        cursors = page["cursors"]
        if not page.get("more"):
            break
    if job["roster_etag"] and page.get("roster_etag") == job["roster_etag"]:
        return
    known = {"If-None-Match": job["roster_etag"]} if job["roster_etag"] else {}
    roster = client.get("/v1/roster", headers=known)
    if roster.status_code != 304:  # unchanged (httpx counts a 304 as an error)
        roster.raise_for_status().json()


def _client(job: dict[str, Any]) -> httpx.Client:
    return httpx.Client(
        base_url=job["base"],
        headers={"Authorization": f"Bearer {job['token']}", "Content-Type": "application/json"},
        timeout=httpx.Timeout(300.0, connect=10.0),
    )


def _warm_up(job: dict[str, Any]) -> None:
    """One request through the same client code on a connection of its own, closed before the round:
    the first request of a fresh interpreter pays one-time costs (code run for the first time, lazily
    built tables) that an app's earlier syncs have paid. The health check reads nothing of the team's
    and runs before the servers' CPU is counted; the measured requests open their own connection, as a
    laptop's sync does (an idle connection does not outlive the few minutes between syncs)."""
    with _client(job) as client:
        client.get("/v1/health").raise_for_status().json()


def main() -> None:
    job = json.loads(sys.stdin.readline())
    client, push = _client(job), job["push"].encode()
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
