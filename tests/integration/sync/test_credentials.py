"""Where a laptop keeps its device token: the keyring when there is one, else a file only the user
can read (with a warning)."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from deliverydesk.services.sync.credentials import TokenStore


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_the_token_goes_to_the_keyring_when_there_is_one(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = TokenStore(tmp_path)
    assert store.save("https://team.example", "ddt_secret") is None
    assert not store.file.exists()
    assert "ddt_secret" in memory_keyring.saved.values()
    assert store.load("https://team.example") == "ddt_secret"
    assert store.load("https://other.example") is None
    store.forget("https://team.example")
    assert store.load("https://team.example") is None


def test_without_a_keyring_the_token_goes_to_a_private_file_with_a_warning(tmp_path: Path) -> None:
    before = keyring.get_keyring()
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())
    try:
        store = TokenStore(tmp_path / "data")
        warning = store.save("https://team.example", "ddt_secret")
    finally:
        keyring.set_keyring(before)
    assert warning is not None and "readable only by you" in str(warning)
    assert stat.S_IMODE(store.file.stat().st_mode) == 0o600
    assert TokenStore(tmp_path / "data", use_keyring=False).load("https://team.example") == "ddt_secret"
