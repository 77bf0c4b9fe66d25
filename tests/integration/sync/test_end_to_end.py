"""End to end on 127.0.0.1: ``deliverydesk-server`` (init, add-user, grant, token, check, serve) in its
own process under uvicorn, laptops driven through ``deliverydesk`` (sync, conflicts, resolve, check),
and the server killed in the middle of a push."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, draft_from
from deliverydesk.services.scope_guard.change_requests import get_change_request, update_change_request
from deliverydesk.services.storage import OpenOptions, open_workspace
from tests.integration.sync.team import POSTGRES, server_database

pytestmark = [pytest.mark.sync, pytest.mark.slow]
BIN = Path(sys.executable).parent


def _env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # no keyring: the file, with a warning
        "DELIVERYDESK_SERVER_ALLOW_SQLITE": "" if POSTGRES else "1",
        **extra,
    }
    env.pop("DELIVERYDESK_DB_URL", None)
    return env


def server_cli(url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(BIN / "deliverydesk-server"), *args, "--db-url", url],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def laptop_cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "deliverydesk"), "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(url: str, port: int, **env: str) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [
            str(BIN / "deliverydesk-server"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--db-url",
            url,
        ],
        env=_env(**env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(200):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise AssertionError(
                        process.stderr.read() if process.stderr else "the server died"
                    ) from None
                time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(20)


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    with server_database(tmp_path) as url:
        server_cli(url, "init")
        server_cli(url, "add-user", "li.na", "--role", "engineer", "--display-name", "Li Na")
        server_cli(url, "add-user", "wang.lei", "--role", "engineer")
        server_cli(url, "grant", "li.na", "--all")
        server_cli(url, "grant", "wang.lei", "--all")
        yield url


def _edit_title(folder: Path, request_id: str, title: str) -> None:
    workspace = open_workspace(OpenOptions(data_dir=folder))
    try:
        item = get_change_request(workspace.ctx, request_id)
        update_change_request(workspace.ctx, draft_from(ChangeRequestDraft, item, title=title))
    finally:
        workspace.close()


def _first_request(folder: Path) -> str:
    from deliverydesk.services.records.projects import list_projects
    from deliverydesk.services.scope_guard.change_requests import list_change_requests

    workspace = open_workspace(OpenOptions(data_dir=folder))
    try:
        project = list_projects(workspace.ctx).rows[0]
        return list_change_requests(workspace.ctx, project_id=project.id).rows[0].id
    finally:
        workspace.close()


def test_two_laptops_through_the_command_lines(server_url: str, tmp_path: Path) -> None:
    port = _free_port()
    token_a = server_cli(server_url, "token", "li.na", "--device", "li-thinkpad").stdout.strip()
    token_b = server_cli(server_url, "token", "wang.lei", "--device", "wl-desk").stdout.strip()
    a, b = tmp_path / "a", tmp_path / "b"
    assert laptop_cli(a, "demo").returncode == 0
    with serving(server_url, port):
        base = f"http://127.0.0.1:{port}"
        first = laptop_cli(a, "sync", "--server", base, "--token", token_a)
        assert first.returncode == 0, first.stderr
        assert "Joined" in first.stdout and "readable only by you" in first.stderr
        assert stat.S_IMODE((a / "team-token").stat().st_mode) == 0o600
        empty = laptop_cli(b, "sync", "--server", base, "--token", token_b)  # an empty data folder
        assert empty.returncode == 0, empty.stderr
        assert laptop_cli(b, "list-projects").stdout == laptop_cli(a, "list-projects").stdout

        request_id = _first_request(a)
        _edit_title(a, request_id, "A's words")
        _edit_title(b, request_id, "B's words")
        assert laptop_cli(a, "sync").returncode == 0
        synced = laptop_cli(b, "sync")
        assert synced.returncode == 0 and "1 conflict(s) wait for you" in synced.stdout
        (line,) = laptop_cli(b, "conflicts").stdout.splitlines()
        code = laptop_cli(b, "list-projects").stdout.split()[0]
        assert line.startswith(code + " CR-") and "title" in line
        conflict_id = line.rsplit("[", 1)[1].rstrip("]")
        resolved = laptop_cli(b, "resolve", conflict_id[:8], "--keep", "mine")
        assert resolved.returncode == 0, resolved.stderr
        assert laptop_cli(b, "sync").returncode == 0 and laptop_cli(a, "sync").returncode == 0
        assert laptop_cli(b, "conflicts").stdout == ""
    with _opened(a) as ctx:
        assert get_change_request(ctx, request_id).title == "B's words"
    for folder in (a, b):
        assert laptop_cli(folder, "check").returncode == 0
    checked = server_cli(server_url, "check")
    assert "chain of groups: ok" in checked.stdout


@contextmanager
def _opened(folder: Path) -> Iterator[Any]:
    workspace = open_workspace(OpenOptions(data_dir=folder, readonly=True))
    try:
        yield workspace.ctx
    finally:
        workspace.close()


def test_the_server_killed_in_the_middle_of_a_push(server_url: str, tmp_path: Path) -> None:
    port = _free_port()
    token = server_cli(server_url, "token", "li.na", "--device", "li-thinkpad").stdout.strip()
    laptop = tmp_path / "a"
    assert laptop_cli(laptop, "demo").returncode == 0
    base = f"http://127.0.0.1:{port}"
    with serving(server_url, port, DELIVERYDESK_SERVER_FAULT="before-commit:2") as process:
        cut = laptop_cli(laptop, "sync", "--server", base, "--token", token)
        process.wait(30)
    assert process.returncode == 70  # the server died inside its second push transaction
    assert cut.returncode == 1 and "cannot be reached" in cut.stderr
    with serving(server_url, port):
        again = laptop_cli(laptop, "sync")
        assert again.returncode == 0, again.stderr
    checked = server_cli(server_url, "check")
    assert "chain of groups: ok" in checked.stdout, checked.stdout
    assert laptop_cli(laptop, "check").returncode == 0
    other = tmp_path / "b"
    token_b = server_cli(server_url, "token", "wang.lei", "--device", "wl-desk").stdout.strip()
    with serving(server_url, port):
        assert laptop_cli(other, "sync", "--server", base, "--token", token_b).returncode == 0
    assert laptop_cli(other, "list-projects").stdout == laptop_cli(laptop, "list-projects").stdout


def test_the_admin_commands_refuse_sqlite_and_need_a_url(tmp_path: Path) -> None:
    env = {**os.environ, "DELIVERYDESK_SERVER_ALLOW_SQLITE": ""}
    env.pop("DELIVERYDESK_SERVER_DB_URL", None)
    no_url = subprocess.run(
        [str(BIN / "deliverydesk-server"), "init"], capture_output=True, text=True, env=env
    )
    sqlite = subprocess.run(
        [str(BIN / "deliverydesk-server"), "init", "--db-url", f"sqlite:///{tmp_path / 'x.db'}"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert no_url.returncode == 1 and "--db-url" in no_url.stderr
    assert sqlite.returncode == 1 and "needs PostgreSQL" in sqlite.stderr
    assert not (tmp_path / "x.db").exists()
