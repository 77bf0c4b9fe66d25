"""Writes the XLSX scope lists these tests read (run once; the .xlsx files are committed):

    .venv/bin/python tests/data/interchange/make_workbooks.py

scope_lists.xlsx: an English sheet with bad rows (a date cell, a day that does not exist, a text
effort), a Chinese sheet that imports cleanly, and a cover sheet first (so a sheet must be chosen)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def main() -> None:
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Appendix B — Scope of work", None])
    cover.append(["Contract", "HT-2026-0142"])
    english = book.create_sheet("Scope EN")
    english.append(["Kind", "Title", "Details", "Acceptance", "Hours", "Due"])
    english.append(
        [
            "scope item",
            "Line 3 vision inspection retrofit",
            "Two cameras, reject gate",
            "False rejects < 0.5 %",
            60,
            None,
        ]
    )
    english.append(["milestone", "Factory acceptance test", None, None, None, datetime(2026, 4, 17)])
    english.append(["exclusion", "Conveyor modifications", None, None, None, None])
    english.append(["milestone", "Site acceptance test", None, None, None, "30/02/2026"])
    english.append(["scope item", "Operator manual (DE/EN)", None, None, "ten", None])
    chinese = book.create_sheet("范围 中文")
    chinese.append(["类型", "交付物", "说明", "验收标准", "工时", "截止日期"])
    chinese.append(["范围", "温湿度监控系统部署", "三个仓库共 48 个测点", "连续 72 小时无数据缺失", 96, None])
    chinese.append(["范围外", "冷库制冷设备维修", None, None, None, None])
    chinese.append(["里程碑", "系统验收", None, None, None, datetime(2026, 6, 12)])
    book.save(HERE / "scope_lists.xlsx")


if __name__ == "__main__":
    main()
