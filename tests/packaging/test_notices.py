"""The third-party notices shipped in the package and the bundle are current: every run-time package
installed from the lock, with its licence texts, plus Qt's LGPL (and how to replace the Qt libraries)
and the fonts' OFL."""

from __future__ import annotations

import sys

import pytest

from deliverydesk.paths import notices_file
from tests.packaging.helpers import load_tool

notices = load_tool("third_party_notices")


@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11) or sys.platform != "linux",
    reason="the notices are generated from the Linux, Python 3.11 set (the bundle's)",
)
def test_the_notices_are_current() -> None:
    assert notices.main(["--check"]) == 0, "run: .venv/bin/python tools/third_party_notices.py"


def test_the_notices_cover_qt_the_fonts_and_every_run_time_package() -> None:
    text = notices_file().read_text(encoding="utf-8")
    assert "GNU Lesser General Public License v3.0" in text and "Replacing the Qt libraries" in text
    assert "SIL Open Font License 1.1" in text
    for dist in notices.runtime_distributions():
        assert f"* {dist.metadata['Name']} " in text, dist.metadata["Name"]
    licences = notices_file().parent
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (licences / "GPL-3.0.txt").read_text(encoding="utf-8")
