"""How this computer stands with its team server: what the status bar and Home show of the team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from deliverydesk.i18n import Message


@dataclass(frozen=True)
class SyncStatus:
    """How this computer stands with its team server (``services.sync.client.sync_status``)."""

    joined: bool
    server_url: str = ""
    user: str = ""
    display_name: str = ""
    role: str = ""
    last_sync_at: datetime | None = None
    waiting: int = 0  # groups not yet accepted by the server
    conflicts: int = 0  # open conflicts and refused changes
    offline: bool = False
    last_error: Message | None = None  # why the last sync failed (None after a complete sync)
