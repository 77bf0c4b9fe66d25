"""The one image check serves attachments and the company logo: header only, bounded in pixels."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deliverydesk.errors import ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import settings
from deliverydesk.services.records.images import (
    ATTACHMENT_IMAGES,
    LOGO_IMAGES,
    ImageFacts,
    ImageProblem,
    inspect_image,
)
from tests.integration.attachments.conftest import png_declaring, tiny_jpeg, tiny_png


def test_facts_come_from_the_header() -> None:
    assert inspect_image(tiny_png(40, 30), ATTACHMENT_IMAGES) == ImageFacts("PNG", "image/png", 40, 30)
    assert inspect_image(png_declaring(20_000, 2_500), ATTACHMENT_IMAGES) == ImageFacts(
        "PNG", "image/png", 20_000, 2_500
    )  # exactly at both bounds: accepted, and nothing was decoded
    assert inspect_image(png_declaring(20_001, 2), ATTACHMENT_IMAGES) is ImageProblem.TOO_LARGE


def test_the_logo_rule_is_stricter() -> None:
    assert inspect_image(png_declaring(4001, 10), LOGO_IMAGES) is ImageProblem.TOO_LARGE
    assert isinstance(inspect_image(tiny_jpeg(), LOGO_IMAGES), ImageFacts)
    gif = b"GIF89a" + bytes(20)
    assert inspect_image(gif, LOGO_IMAGES) is ImageProblem.UNREADABLE


def test_the_settings_service_refuses_a_logo_that_is_a_bomb_or_not_a_png(ctx: ServiceContext) -> None:
    current = settings.settings_draft(settings.get_settings(ctx))
    for logo, words in ((png_declaring(50_000, 50_000), "too many pixels"), (tiny_jpeg(), "PNG")):
        with pytest.raises(ValidationError) as raised:
            settings.update_settings(ctx, replace(current, logo_png=logo))
        assert words in str(raised.value.fields["logo_png"])
    assert settings.get_settings(ctx).logo_png is None
    assert settings.update_settings(ctx, replace(current, logo_png=tiny_png())).logo_png == tiny_png()
