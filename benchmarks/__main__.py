"""``python -m benchmarks all [--quick]``: every budget of issue 16 (see benchmarks/suite.py)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks import suite


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=suite.__doc__.splitlines()[0])
    parser.add_argument("what", choices=["all"], help="all: every measure (--only picks sections)")
    parser.add_argument(
        "--quick", action="store_true", help="3 repetitions, a generated database at scale 0.2"
    )
    parser.add_argument(
        "--db", type=Path, help="a database from generate_large_db.py (copied, never changed)"
    )
    parser.add_argument("--scale", type=float, help="scale of the generated database when --db is not given")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "deliverydesk-benchmarks",
        help="working folder; generated databases are kept there for the next run",
    )
    parser.add_argument(
        "--growth",
        type=float,
        help="Today's growth: scale of the smaller of two generated files (default 0.1 quick, else 0.5)",
    )
    parser.add_argument(
        "--only",
        default=",".join(suite.SECTIONS),
        help=f"comma-separated sections: {', '.join(suite.SECTIONS)}",
    )
    args = parser.parse_args(argv)
    only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    unknown = set(only) - set(suite.SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    suite.run(args.db, args.work, args.quick, only, args.scale, args.growth)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
