"""Shared sample parts: letterhead, project, client, signatories, images.

Names include rare characters (堃, 喆, 镕) on purpose.
"""

from __future__ import annotations

import io
import math
from datetime import date

from deliverydesk.domain.enums import (
    Language,
    PaperSize,
)
from deliverydesk.reports.documents.data import (
    DocumentMetaData,
    LetterheadData,
    PartyData,
    ProjectRefData,
    SignatoryData,
)

AS_OF = date(2026, 3, 16)
FINGERPRINT = "3f9a2c71be04d5e6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4"


def pick(language: Language, english: str, chinese: str) -> str:
    return chinese if language is Language.ZH_CN else english


def _signature_stroke() -> list[tuple[float, float]]:
    """A looping cursive line: x advances with small backward loops, y swings like handwriting."""
    points = []
    for step in range(400):
        t = step / 400 * 6 * math.pi
        x = 30 + 55 * t / math.pi + 18 * math.sin(2.2 * t)
        y = 72 - 34 * math.sin(t) * (0.6 + 0.4 * math.cos(0.5 * t)) - 14 * math.cos(2.2 * t)
        points.append((x, y))
    return points


def png_bytes(kind: str) -> bytes:
    """A small deterministic PNG: ``"logo"`` (a mark) or ``"signature"`` (a pen stroke)."""
    from PIL import Image, ImageDraw

    if kind == "logo":
        image = Image.new("RGB", (360, 120), "white")
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((230, 10, 330, 110), radius=18, fill="#1F3A5F")
        draw.polygon([(255, 85), (280, 35), (305, 85), (292, 85), (280, 60), (268, 85)], fill="white")
    else:
        image = Image.new("RGBA", (420, 140), (255, 255, 255, 0))
        draw = ImageDraw.Draw(image)
        draw.line(_signature_stroke(), fill="#1B2430", width=4, joint="curve")
        draw.line([(250, 112), (400, 96)], fill="#1B2430", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def meta(
    language: Language, reference: str, paper: PaperSize = PaperSize.A4, as_of: date = AS_OF
) -> DocumentMetaData:
    head = LetterheadData(
        company_name=pick(language, "Northwind Field Services Ltd.", "北风现场技术服务有限公司"),
        address=pick(
            language,
            "12 Harbour Road, Suzhou Industrial Park, Suzhou 215000, China",
            "苏州工业园区港湾路12号 215000",
        ),
        contact_line="+86 512 6688 0000  ·  delivery@northwind.example  ·  northwind.example",
        logo_png=png_bytes("logo"),
    )
    return DocumentMetaData(
        letterhead=head,
        reference=reference,
        version=2,
        language=language,
        as_of=as_of,
        paper=paper,
        fingerprint=FINGERPRINT,
        qr_payload=f"DELIVERYDESK:{reference}:{FINGERPRINT}",
    )


def project(language: Language) -> ProjectRefData:
    return ProjectRefData(
        "DD-2026-014", pick(language, "Line 3 MES rollout", "三号线MES系统上线"), "HT-2025-088"
    )


def client(language: Language) -> PartyData:
    return PartyData(
        organisation=pick(language, "Suzhou Precision Parts Co., Ltd.", "苏州精密零部件有限公司"),
        address=pick(language, "88 Xinghu Street, Suzhou 215021", "苏州市星湖街88号 215021"),
        contact_name=pick(language, "Wang Kun (王堃)", "王堃"),
        contact_title=pick(language, "Plant Manager", "厂长"),
        email="wang.kun@spp.example",
        phone="+86 138 0000 1234",
    )


def signatories(language: Language, signed: bool) -> tuple[SignatoryData, SignatoryData]:
    supplier = SignatoryData(
        organisation=pick(language, "Northwind Field Services Ltd.", "北风现场技术服务有限公司"),
        name=pick(language, "Li Zhe (李喆)", "李喆"),
        title=pick(language, "Delivery Lead", "交付负责人"),
        signed_on=AS_OF if signed else None,
        place=pick(language, "Suzhou", "苏州") if signed else "",
        signature_png=png_bytes("signature") if signed else None,
    )
    customer = SignatoryData(
        organisation=pick(language, "Suzhou Precision Parts Co., Ltd.", "苏州精密零部件有限公司"),
        name=pick(language, "Zhu Rong (朱镕)", "朱镕"),
        title=pick(language, "Operations Director", "运营总监"),
    )
    return supplier, customer
