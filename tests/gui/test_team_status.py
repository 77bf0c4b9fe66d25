"""The status bar's "Last sync" text: the house's Babel date and time (gui/formatting.py), in the UI
language and the computer's time zone — not Qt's locale formats."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.gui.team.controller import SyncController
from deliverydesk.gui.team.status import SyncStatusButton

SYNCED = SyncStatus(
    joined=True,
    server_url="https://team.example",
    last_sync_at=datetime(2026, 3, 16, 6, 5, tzinfo=UTC),
    waiting=2,
)


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's time zone is UTC+8 (no daylight saving), back to the old one afterwards."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _button(qtbot, env) -> SyncStatusButton:
    button = SyncStatusButton(SyncController(env))
    qtbot.addWidget(button)
    button.show_status(SYNCED)
    return button


def test_last_sync_reads_as_every_other_date_in_english(qtbot, env, shanghai) -> None:
    assert _button(qtbot, env).text() == "Last sync 16 Mar 2026 14:05 · 2 change(s) waiting"


def test_last_sync_reads_as_every_other_date_in_chinese(qtbot, env, shanghai, chinese_ui) -> None:
    assert _button(qtbot, env).text() == "上次同步 2026/3/16 14:05 · 2 项更改待上传"
