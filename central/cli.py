"""`dispatch-central`: administration commands of the central service."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

import db
from console.store.database import Database
from console.store.rules import seed_default_rules

ENV_URL = "DISPATCH_CENTRAL_DATABASE_URL"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dispatch-central", description="The central service of Dispatch Console.")
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser("migrate", help="bring the central database to the current schema and seed the default rules")
    migrate.add_argument("--database-url", default=os.environ.get(ENV_URL, ""),
                         help=f"SQLAlchemy URL, e.g. postgresql+psycopg://user@host/dispatch (default: ${ENV_URL})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "migrate":
        return _migrate(args.database_url)
    return 2


def _migrate(url: str) -> int:
    if not url:
        print(f"dispatch-central migrate: no database; pass --database-url or set {ENV_URL}", file=sys.stderr)
        return 2
    try:
        engine = create_engine(url, pool_pre_ping=True)
        db.upgrade(engine)
        with Database(engine).unit_of_work() as session:
            seed_default_rules(session)
        with engine.connect() as conn:
            revision = db.current_revision(conn)
    except OperationalError as exc:
        print(f"dispatch-central migrate: cannot reach the database: {exc.orig}", file=sys.stderr)
        return 1
    except Exception as exc:  # an unusable URL (unknown driver, malformed) reads better than a traceback
        print(f"dispatch-central migrate: {exc}", file=sys.stderr)
        return 1
    print(f"database at schema {revision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
