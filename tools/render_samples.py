"""Render every document in English and Chinese to PDF and PNG pages, to look at them.

    .venv/bin/python tools/render_samples.py [OUT_DIR] [--all-pages]

Writes OUT_DIR/<document>-<language>.pdf (default OUT_DIR: a temporary folder) and PNG pages
rendered with poppler's ``pdftoppm -r 60``. The committed samples in docs/samples/ are the first
page of each document per language plus one continuation page (``--commit`` writes exactly those).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deliverydesk.domain.enums import Language  # noqa: E402
from deliverydesk.reports.render import render  # noqa: E402
from deliverydesk.reports.samples import all_documents  # noqa: E402

SAMPLES_DIR = ROOT / "docs" / "samples"
CONTINUATION = ("summary", Language.ZH_CN, 2)  # the one continuation page that is committed
RESOLUTION = "60"


def _png_pages(pdf: Path, first: int, last: int, prefix: Path) -> None:
    command = ["pdftoppm", "-png", "-r", RESOLUTION, "-f", str(first), "-l", str(last), str(pdf), str(prefix)]
    subprocess.run(command, check=True)


def render_all(out_dir: Path, all_pages: bool) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for language in Language:
        for name, data in all_documents(language).items():
            pdf = out_dir / f"{name}-{language.value}.pdf"
            pdf.write_bytes(render(data))
            _png_pages(pdf, 1, 999 if all_pages else 1, out_dir / f"{name}-{language.value}")
            pdfs.append(pdf)
    name, language, page = CONTINUATION
    _png_pages(out_dir / f"{name}-{language.value}.pdf", page, page, out_dir / f"{name}-{language.value}")
    return pdfs


def commit_samples(out_dir: Path) -> None:
    """Copy the few pages that are kept in the repository to docs/samples/."""
    SAMPLES_DIR.mkdir(parents=True, exist_ok=True)
    for old in SAMPLES_DIR.glob("*.png"):
        old.unlink()
    for png in sorted(out_dir.glob("*.png")):
        stem, _, page = png.stem.rpartition("-")
        name, language, continuation = CONTINUATION
        if int(page) == 1 or (stem == f"{name}-{language.value}" and int(page) == continuation):
            shutil.copy(png, SAMPLES_DIR / f"{stem}-page{int(page)}.png")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", nargs="?", type=Path)
    parser.add_argument("--all-pages", action="store_true", help="render every page, not only page 1")
    parser.add_argument("--commit", action="store_true", help="copy the kept pages to docs/samples/")
    args = parser.parse_args()
    out_dir = args.out_dir or Path(tempfile.mkdtemp(prefix="deliverydesk-samples-"))
    for pdf in render_all(out_dir, args.all_pages):
        print(pdf)
    if args.commit:
        commit_samples(out_dir)
        print(f"kept pages copied to {SAMPLES_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
