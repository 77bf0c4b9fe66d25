"""Command line: the same services as the window, no Qt."""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog="deliverydesk", description="DeliveryDesk project-delivery tracker")


def main(argv: list[str] | None = None) -> int:
    build_parser().parse_args(argv)
    return 0
