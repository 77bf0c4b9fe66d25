"""The default category taxonomy and how an old free-text category maps onto categories.

Every database is seeded with ``DEFAULT_TAXONOMY`` (migration 0004, which keeps a frozen copy of
these values): the same UUIDs and timestamps everywhere, so bundles match the defaults instead of
duplicating them. A free-text category of an older file or bundle ("中文 / English") becomes a
category with both names; its UUID is derived from the names, so converting the same text twice,
in a database or a bundle, gives the same category."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

_NAMESPACE = uuid.UUID("6f1c1d2e-8b4a-4f0e-9d1b-4c0e7a1d0c47")
SEEDED_AT = datetime(2026, 1, 1, tzinfo=UTC)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class SeedCategory:
    name_en: str
    name_zh: str

    @property
    def id(self) -> str:
        return str(uuid.uuid5(_NAMESPACE, self.name_en.casefold()))


DEFAULT_TAXONOMY = (
    SeedCategory("Data migration", "数据迁移"),
    SeedCategory("Site network", "现场网络"),
    SeedCategory("Accounts and permissions", "权限与账号"),
    SeedCategory("Integration interfaces", "集成接口"),
    SeedCategory("Training and documentation", "培训与文档"),
    SeedCategory("Performance", "性能"),
    SeedCategory("Requirements understanding", "需求理解"),
    SeedCategory("Hardware and environment", "硬件与环境"),
    SeedCategory("Reports and dashboards", "报表与看板"),
)


def split_names(text: str) -> tuple[str, str]:
    """(name_en, name_zh) of a free-text category: "中文 / English" (either order) splits at the
    slash; anything else gives the text as both names."""
    text = text.strip()
    left, slash, right = text.partition("/")
    left, right = left.strip(), right.strip()
    if slash and left and right:
        if _CJK.search(left) and not _CJK.search(right):
            return right, left
        if _CJK.search(right) and not _CJK.search(left):
            return left, right
    return text, text


def default_for(name_en: str, name_zh: str) -> SeedCategory | None:
    """The default category either name matches (without case), if any."""
    wanted = {name_en.casefold(), name_zh.casefold()}
    return next((c for c in DEFAULT_TAXONOMY if {c.name_en.casefold(), c.name_zh.casefold()} & wanted), None)


def converted_category_id(name_en: str, name_zh: str) -> str:
    """The id a converted free-text category gets: a default's own id, else one derived from the names."""
    seed = default_for(name_en, name_zh)
    if seed is not None:
        return seed.id
    return str(uuid.uuid5(_NAMESPACE, f"converted:{name_en.casefold()}|{name_zh.casefold()}"))
