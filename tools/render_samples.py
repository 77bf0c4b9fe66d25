"""Render every document in English and Chinese to PDF and PNG pages, to look at them.

    .venv/bin/python tools/render_samples.py [OUT_DIR] [--all-pages] [--commit]

Writes OUT_DIR/<document>-<language>.pdf (default OUT_DIR: a new temporary folder) and PNG pages
rendered with poppler's ``pdftoppm -r 60``: page 1 of each, plus every page with --all-pages.
``--commit`` refreshes docs/samples/: page 1 of each document per language and the continuation
pages in ``CONTINUATIONS`` (the Chinese progress summary, the evidence pack's record, the signed
letter's completion certificate), as small palette PNGs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deliverydesk.domain.enums import Language  # noqa: E402
from deliverydesk.reports.evidence.pack import render_evidence_pack  # noqa: E402
from deliverydesk.reports.render import render  # noqa: E402
from deliverydesk.reports.review.report import render_review_report  # noqa: E402
from tests.samples import all_documents  # noqa: E402
from tests.samples.evidence import evidence_pack  # noqa: E402
from tests.samples.letters import signed_letter  # noqa: E402
from tests.samples.review import review_report  # noqa: E402

SAMPLES_DIR = ROOT / "docs" / "samples"
RESOLUTION = "60"
# the continuation pages that are committed: the multi-page summary, the evidence pack's record,
# the review report's follow-up actions and recurrence
CONTINUATIONS = {
    ("summary", Language.ZH_CN): 2,
    ("evidence", Language.EN): 2,
    ("review", Language.ZH_CN): 2,
    ("signed", Language.EN): 3,  # the completion certificate
    ("signed", Language.ZH_CN): 3,
}


def _documents(language: Language) -> dict[str, tuple[Any, Callable[[Any], bytes]]]:
    """Each sample document with the function that prints it (the internal ones have their own)."""
    documents: dict[str, tuple[Any, Callable[[Any], bytes]]] = {
        name: (data, render) for name, data in all_documents(language).items()
    }
    documents["review"] = (review_report(language), render_review_report)
    documents["evidence"] = (evidence_pack(language), render_evidence_pack)
    documents["signed"] = (signed_letter(language), lambda pair: render(*pair))
    return documents


def _png(pdf: Path, page: int, out: Path) -> Path:
    """Page ``page`` of ``pdf`` as ``out`` (a .png path)."""
    command = ["pdftoppm", "-png", "-r", RESOLUTION, "-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run([*command, str(pdf), str(out.with_suffix(""))], check=True)
    return out


def _all_pngs(pdf: Path, out_dir: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", RESOLUTION, str(pdf), str(out_dir / f"{pdf.stem}-all")], check=True
    )


def render_all(out_dir: Path, all_pages: bool) -> list[Path]:
    """Every sample document as a PDF, with page 1 (and the continuation page) as PNG."""
    out_dir.mkdir(parents=True, exist_ok=True)
    kept: list[Path] = []
    for language in Language:
        for name, (data, print_pdf) in _documents(language).items():
            pdf = out_dir / f"{name}-{language.value}.pdf"
            pdf.write_bytes(print_pdf(data))
            kept.append(_png(pdf, 1, out_dir / f"{pdf.stem}-page1.png"))
            continuation_page = CONTINUATIONS.get((name, language))
            if continuation_page:
                page_png = out_dir / f"{pdf.stem}-page{continuation_page}.png"
                kept.append(_png(pdf, continuation_page, page_png))
            if all_pages:
                _all_pngs(pdf, out_dir)
            print(pdf)
    return kept


def commit_samples(pngs: list[Path]) -> None:
    """Replace docs/samples/ with these pages, as small palette PNGs."""
    from PIL import Image

    SAMPLES_DIR.mkdir(parents=True, exist_ok=True)
    for old in SAMPLES_DIR.glob("*.png"):
        old.unlink()
    for png in pngs:
        with Image.open(png) as image:
            small = image.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
            small.save(SAMPLES_DIR / png.name, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", nargs="?", type=Path)
    parser.add_argument("--all-pages", action="store_true", help="also render every page")
    parser.add_argument("--commit", action="store_true", help="refresh docs/samples/ with the kept pages")
    args = parser.parse_args()
    out_dir = args.out_dir or Path(tempfile.mkdtemp(prefix="deliverydesk-samples-"))
    kept = render_all(out_dir, args.all_pages)
    if args.commit:
        commit_samples(kept)
        print(f"{len(kept)} pages written to {SAMPLES_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
