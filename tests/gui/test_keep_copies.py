"""Opening the window on a database with letters issued before copies were kept stores their copies
in the background (never on the GUI thread) and says so; letters that no longer print the same are
named in a non-modal notice, once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from deliverydesk.domain.enums import LetterKind
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.letter_copies import ANNOUNCED_KEY
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.reports import render as render_module
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.copies import copies_missing
from tests.gui.conftest import EnvFactory
from tests.integration.documents.test_stored_copies import stored
from tests.integration.services.conftest import make_client, make_project


def letter_without_copy(ctx: ServiceContext) -> letters.IssuedDocument:
    """A letter as the first release issued it: no PAdES signature, no copy in the blob table (raw SQL
    behind the services)."""
    client_id, _signer, _coordinator = make_client(ctx)
    project_id = make_project(ctx, client_id)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(letters, "seal_issued_in", lambda ctx, session, pdf, name: pdf)
        issued = letters.issue_document(ctx, DocumentRequest(project_id, LetterKind.PROGRESS_SUMMARY))
    with ctx.db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM blob WHERE sha256 = ?", (issued.letter.pdf_sha256,))
    assert copies_missing(ctx)
    return issued


def open_window(qtbot: object, env: GuiEnv) -> MainWindow:
    window = MainWindow(env)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    return window


def test_opening_the_window_keeps_the_copy_in_the_background(qtbot: object, make_env: EnvFactory) -> None:
    env = make_env()
    issued = letter_without_copy(env.ctx)
    window = open_window(qtbot, env)
    qtbot.waitUntil(lambda: stored(env.ctx, issued.letter.pdf_sha256) is not None)  # type: ignore[attr-defined]
    assert stored(env.ctx, issued.letter.pdf_sha256) == issued.pdf
    qtbot.waitUntil(lambda: "Kept a copy of 1 letter" in window.statusBar().currentMessage())  # type: ignore[attr-defined]
    assert window.copy_keeper is not None and window.copy_keeper.notice is None


def test_a_letter_that_no_longer_prints_the_same_is_named_in_a_non_modal_notice_once(
    qtbot: object, make_env: EnvFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = make_env()
    issued = letter_without_copy(env.ctx)
    monkeypatch.setattr(
        render_module, "render", lambda data, certificate=None: b"%PDF-1.7 rendered differently now"
    )
    window = open_window(qtbot, env)
    qtbot.waitUntil(lambda: window.copy_keeper is not None and window.copy_keeper.notice is not None)  # type: ignore[attr-defined]
    assert window.copy_keeper is not None
    notice = window.copy_keeper.notice
    assert notice is not None and notice.isVisible()
    assert notice.windowModality() == Qt.WindowModality.NonModal
    assert notice.detailedText() == "DD-2026-014-PS-20260316 version 1"
    assert stored(env.ctx, issued.letter.pdf_sha256) is None
    assert env.ui_state.value(ANNOUNCED_KEY) == "DD-2026-014-PS-20260316 version 1"
    notice.close()
    again = open_window(qtbot, env)  # the next start: the same letter is not announced again
    # The keeper starts after the window's first paint, then looks on a worker.
    qtbot.waitUntil(lambda: again.copy_keeper is not None and not env.tasks.is_busy)  # type: ignore[attr-defined]
    assert again.copy_keeper is not None and again.copy_keeper.notice is None


def test_a_read_only_window_does_not_try(qtbot: object, make_env: EnvFactory) -> None:
    env = make_env()
    issued = letter_without_copy(env.ctx)
    readonly = GuiEnv(env.ctx, env.tasks, env.ui_state, env.paths, env.language, readonly=True)
    open_window(qtbot, readonly)
    qtbot.waitUntil(lambda: not env.tasks.is_busy)  # type: ignore[attr-defined]
    assert stored(env.ctx, issued.letter.pdf_sha256) is None


def test_the_keeper_waits_for_the_first_pages(qtbot: object, make_env: EnvFactory) -> None:
    """Its module and its query come after Today's rows: while the task runner is busy at the start,
    no keeper is made; once it goes idle, the keeper keeps the copy."""
    import threading

    env = make_env()
    issued = letter_without_copy(env.ctx)
    release = threading.Event()
    env.tasks.submit(lambda: release.wait(10), lambda _result: None)  # the first pages, still loading
    window = open_window(qtbot, env)
    qtbot.wait(300)  # type: ignore[attr-defined]
    assert window.copy_keeper is None
    assert stored(env.ctx, issued.letter.pdf_sha256) is None
    release.set()
    qtbot.waitUntil(lambda: stored(env.ctx, issued.letter.pdf_sha256) is not None)  # type: ignore[attr-defined]
    assert window.copy_keeper is not None


def test_the_keeper_comes_after_todays_rows_are_on_screen(
    qtbot: object, demo_env: GuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runner goes idle as it hands Today's report over, before the rows are painted: the keeper
    waits for the rows on screen too."""
    made: list[bool] = []
    monkeypatch.setattr(MainWindow, "_keep_copies", lambda window: made.append(window.home.has_shown_rows))
    window = open_window(qtbot, demo_env)
    window.show()
    qtbot.waitUntil(lambda: bool(made))  # type: ignore[attr-defined]
    assert made == [True] and window.home.model.item_count() > 0
