"""What every window part receives from the composition root (no global registries)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from deliverydesk.domain.enums import Language
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.ui_state import UiState
from deliverydesk.gui.undo import UndoHistory
from deliverydesk.paths import DataPaths
from deliverydesk.services.context import ServiceContext


@dataclass(frozen=True)
class GuiEnv:
    ctx: ServiceContext  # pass to every service call (usually inside a ``tasks.submit`` lambda)
    tasks: TaskRunner  # the one way to run queries off the GUI thread
    ui_state: UiState  # geometry, splitters, column widths
    paths: DataPaths  # data folder, log file, backups
    language: Language  # the UI language in force
    readonly: bool = False  # opened read-only: pages disable editing
    # the session's Undo / Redo (Edit menu); pages record what the user did
    undo: UndoHistory = field(default_factory=UndoHistory, compare=False)
    # The team server's transport (None: the token kept in this data folder); tests pass an in-process one.
    team_transport: Callable[[], Any] | None = None
