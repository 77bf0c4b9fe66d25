"""Issue 6, item 3: what the audit trail costs the writes it records.

    python -m benchmarks.audit_cost [--repeat 5]

Times ``create_demo`` and one ``update_expectation`` (over 300 edits) on fresh migrated databases,
with the ``after_flush`` hook that writes the audit events and with it switched off; medians
reported, repetitions interleaved."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from unittest import mock

from deliverydesk.domain.drafts import ClientDraft, ExpectationDraft, ProjectDraft
from deliverydesk.services.demo.build import create_demo
from deliverydesk.services.records.clients import create_client
from deliverydesk.services.records.expectations import create_expectation, update_expectation
from deliverydesk.services.records.projects import create_project
from deliverydesk.services.storage import OpenOptions, Workspace, open_workspace
from deliverydesk.store import audit

EDITS = 300


def _workspace(audited: bool) -> Workspace:
    options = OpenOptions(data_dir=Path(tempfile.mkdtemp()), create=True)
    if audited:
        return open_workspace(options)
    with mock.patch.object(audit, "_after_flush", lambda *_args: None):  # the hook, switched off
        return open_workspace(options)


def demo_seconds(audited: bool) -> float:
    workspace = _workspace(audited)
    start = time.perf_counter()
    create_demo(workspace.ctx)
    elapsed = time.perf_counter() - start
    workspace.close()
    return elapsed


def edit_seconds(audited: bool) -> float:
    workspace = _workspace(audited)
    ctx = workspace.ctx
    client = create_client(ctx, ClientDraft(name="Bench client"))
    project = create_project(ctx, ProjectDraft(code="BENCH-1", name="Bench", client_id=client.id))
    draft = ExpectationDraft(project_id=project.id, statement="first")
    draft = replace(draft, id=create_expectation(ctx, draft).id)
    start = time.perf_counter()
    for number in range(EDITS):
        update_expectation(ctx, replace(draft, statement=f"statement {number}"))
    elapsed = (time.perf_counter() - start) / EDITS
    workspace.close()
    return elapsed


def compare(name: str, measure: Callable[[bool], float], repeat: int) -> None:
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(repeat):
        for audited in (False, True):
            times[audited].append(measure(audited))
    without, with_ = (statistics.median(times[a]) * 1000 for a in (False, True))
    print(f"{name}: without {without:.1f} ms, with {with_:.1f} ms, ratio {with_ / without:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    compare("create_demo", demo_seconds, args.repeat)
    compare("one update_expectation", edit_seconds, args.repeat)


if __name__ == "__main__":
    main()
