"""The Documents GUI tests answer the question asked before issuing with Issue (a test that wants
another answer replaces ``sealing.confirm_issue`` itself)."""

from __future__ import annotations

import pytest

from deliverydesk.gui.dialogs.documents import sealing


@pytest.fixture(autouse=True)
def sealed(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Answers the question asked before issuing with Issue, and keeps what it said would be sealed."""
    asked: list[list[str]] = []

    def confirm(_parent: object, lines: list[str]) -> bool:
        asked.append(list(lines))
        return True

    monkeypatch.setattr(sealing, "confirm_issue", confirm)
    return asked
