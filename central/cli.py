"""`dispatch-central`: administration commands of the central service."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

import db
from console.core import gc_pause
from console.core.store.database import Database
from console.core.store.rules import seed_default_rules

ENV_URL = "DISPATCH_CENTRAL_DATABASE_URL"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dispatch-central", description="The central service of Dispatch Console.")
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser("migrate", help="bring the central database to the current schema and seed the default rules")
    migrate.add_argument("--database-url", default=os.environ.get(ENV_URL, ""),
                         help=f"SQLAlchemy URL, e.g. postgresql+psycopg://user@host/dispatch (default: ${ENV_URL})")
    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--database-url", default=None)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--forwarded-allow-ips", default=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
                       help="the reverse proxies whose X-Forwarded-For is believed (comma-separated; default 127.0.0.1): "
                            "the per-address login limits then count the real client")
    serve.add_argument("--workers", type=int, default=1,
                       help="service processes on this port (default 1); each has its own connection pool: "
                            "see docs/SCALE.md for the connection budget")
    password = commands.add_parser("set-password", help="set a user's password (read from standard input)")
    password.add_argument("username")
    password.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    phone = commands.add_parser("set-phone", help="set a desk user's work phone (escalated alerts reach supervisors there); "
                                "an empty one removes it")
    phone.add_argument("username")
    phone.add_argument("phone")
    phone.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    account = commands.add_parser("add-account", help="add an integration's account (the order system's intake); "
                                  "its password is read from standard input")
    account.add_argument("username")
    account.add_argument("--role", choices=["intake"], default="intake")
    account.add_argument("--name", default="", help="the name shown in the audit log (default: the user name)")
    account.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    geocode = commands.add_parser("geocode-missing", help="queue a geocoding request for every site without a position")
    geocode.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    demo = commands.add_parser("demo", help="write the demo centre into an empty central database (a trial of several desks); "
                                             "the desk users' password is read from standard input")
    demo.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    demo.add_argument("--seed", type=int, default=1)
    verify = commands.add_parser("verify-audit", help="check the audit log's hash chain")
    verify.add_argument("--head", default="", metavar="SEQ:HASH",
                        help="a head exported earlier (audit-head): the chain must still hold it")
    verify.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    simulate = commands.add_parser("simulate", help="drive a live field day through a running centre's API (technicians, "
                                   "surveys, new orders); the accounts' password is read from standard input")
    simulate.add_argument("--url", default="http://127.0.0.1:8443", help="the centre (default http://127.0.0.1:8443)")
    simulate.add_argument("--speed", type=float, default=10.0, help="times real time, 1 to 60 (default 10)")
    simulate.add_argument("--minutes", type=float, default=60.0, help="simulated minutes, then it stops (default 60)")
    simulate.add_argument("--seed", type=int, default=1)
    simulate.add_argument("--orders-per-hour", type=float, default=12.0, help="new orders from the order system (default 12)")
    simulate.add_argument("--technicians", type=int, default=0, help="how many technicians take part (default: all)")
    simulate.add_argument("--allow-remote", action="store_true", help="drive a centre that is not on this machine")
    audit_head = commands.add_parser("audit-head", help="print the audit chain's head (SEQ:HASH) to keep outside the database")
    audit_head.add_argument("--database-url", default=os.environ.get(ENV_URL, ""))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "simulate":
        return _simulate(args, sys.stdin.readline().rstrip("\n"))
    if args.command != "serve" and not args.database_url:
        print(f"dispatch-central {args.command}: no database; pass --database-url or set {ENV_URL}", file=sys.stderr)
        return 2
    if args.command == "migrate":
        return _migrate(args.database_url)
    if args.command == "serve":
        return _serve(args)
    if args.command == "set-password":
        return _set_password(args.database_url, args.username, sys.stdin.readline().rstrip("\n"))
    if args.command == "set-phone":
        return _set_phone(args.database_url, args.username, args.phone)
    if args.command == "add-account":
        return _add_account(args.database_url, args.username, args.role, args.name, sys.stdin.readline().rstrip("\n"))
    if args.command == "demo":
        return _demo(args.database_url, args.seed, sys.stdin.readline().rstrip("\n"))
    if args.command == "verify-audit":
        return _verify_audit(args.database_url, args.head)
    if args.command == "audit-head":
        return _audit_head(args.database_url)
    if args.command == "geocode-missing":
        return _geocode_missing(args.database_url)
    return 2


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import create_app, log_to_stderr
    from central.config import CentralConfig, ConfigError

    try:
        config = CentralConfig.from_env(database_url=args.database_url)
    except ConfigError as exc:
        print(f"dispatch-central serve: {exc}", file=sys.stderr)
        return 2
    if not 1 <= args.workers <= 64:
        print(f"dispatch-central serve: --workers must be 1 to 64, not {args.workers}", file=sys.stderr)
        return 2
    if args.workers > 1:  # each worker builds its app from the environment (the URL given here included)
        os.environ["DISPATCH_CENTRAL_DATABASE_URL"] = config.database_url
        uvicorn.run("central.app:app_from_environment", factory=True, workers=args.workers, host=args.host, port=args.port,
                    log_level="info", proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips)
        return 0
    log_to_stderr()
    app = create_app(config)
    gc_pause.settle()  # the app made: what the service holds from now on is frozen out of the collector's walks
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=True,
                forwarded_allow_ips=args.forwarded_allow_ips)
    return 0


def _simulate(args: argparse.Namespace, password: str) -> int:
    from central import simulate

    settings = simulate.settings_of(args.speed, args.minutes, args.seed, args.orders_per_hour, args.technicians)
    if isinstance(settings, str):
        print(f"dispatch-central simulate: {settings}", file=sys.stderr)
        return 2
    if not password:
        print("dispatch-central simulate: give the accounts' password (the demo's) on standard input", file=sys.stderr)
        return 2
    return simulate.run(args.url, password, settings, allow_remote=args.allow_remote)


def _set_phone(url: str, username: str, phone: str) -> int:
    from central.users import set_phone

    try:
        with Database(create_engine(url)).unit_of_work() as session:
            set_phone(session, username, phone)
    except (LookupError, ValueError) as exc:
        print(f"dispatch-central set-phone: {exc}", file=sys.stderr)
        return 1
    print(f"work phone of {username} set" if phone.strip() else f"work phone of {username} removed")
    return 0


def _set_password(url: str, username: str, password: str) -> int:
    from central.users import set_password

    try:
        with Database(create_engine(url)).unit_of_work() as session:
            set_password(session, username, password)
    except (LookupError, ValueError) as exc:
        print(f"dispatch-central set-password: {exc}", file=sys.stderr)
        return 1
    print(f"password of {username} set")
    return 0


def _geocode_missing(url: str) -> int:
    from datetime import UTC, datetime

    from central.outbound import enqueue_missing_positions

    with Database(create_engine(url)).unit_of_work() as session:
        count = enqueue_missing_positions(session, datetime.now(UTC))
    print(f"{count} sites queued for the geocoder")
    return 0


def _verify_audit(url: str, exported: str = "") -> int:
    from central import audit_chain

    checkpoint = None
    if exported:
        seq, _, digest = exported.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            print(f"dispatch-central verify-audit: --head is SEQ:HASH as audit-head printed it, not {exported!r}", file=sys.stderr)
            return 2
        checkpoint = (int(seq), digest)
    with Database(create_engine(url)).reading() as session:
        report = audit_chain.verify(session, checkpoint)
    if report.intact:
        print(f"audit chain intact: {report.rows} rows" + (f", holding the exported row {checkpoint[0]}" if checkpoint else ""))
        return 0
    print(f"audit chain BROKEN: {report.problem}", file=sys.stderr)
    return 1


def _audit_head(url: str) -> int:
    from central import audit_chain

    with Database(create_engine(url)).reading() as session:
        seq, digest = audit_chain.head(session)
    print(f"{seq}:{digest}")
    return 0


def _add_account(url: str, username: str, role: str, name: str, password: str) -> int:
    from sqlalchemy import select

    from central.users import add_account
    from console.core.domain.enums import Role
    from console.core.store.models import User

    if len(password) < 12:
        print("dispatch-central add-account: give the account's password (12 characters or more) on standard input", file=sys.stderr)
        return 2
    with Database(create_engine(url)).unit_of_work() as session:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            print(f"dispatch-central add-account: there is a user {username!r} already", file=sys.stderr)
            return 1
        add_account(session, username, Role(role), name or username, password)
    print(f"account {username} ({role}) added")
    return 0


def _demo(url: str, seed: int, password: str) -> int:
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from central import audit_chain
    from central.users import add_account, add_field_accounts, set_password
    from console.core.demo.centre import DemoParameters, generate_demo
    from console.core.domain.enums import Role
    from console.core.store.models import User, WorkOrder

    if len(password) < 8:
        print("dispatch-central demo: give the desk users' password (8 characters or more) on standard input", file=sys.stderr)
        return 2
    try:
        engine = create_engine(url, pool_pre_ping=True)
        db.upgrade(engine)
        database = Database(engine)
        with database.reading() as session:
            if session.scalar(select(func.count()).select_from(WorkOrder)):
                print("dispatch-central demo: this database already holds work orders; the demo goes into an empty one",
                      file=sys.stderr)
                return 1
        generate_demo(database, DemoParameters(seed=seed), datetime.now(UTC))
        with database.unit_of_work() as session:
            names = session.scalars(select(User.username).where(User.role != "technician")).all()
            for name in names:
                set_password(session, name, password)
            add_account(session, "intake", Role.INTAKE, "上游订单系统", password)  # the order system's, least privilege
            technicians = add_field_accounts(session, password)  # the field app's, one per technician
            audit_chain.seal(session)  # the demo's history, written in bulk, becomes the chain's start
    except OperationalError as exc:
        print(f"dispatch-central demo: cannot reach the database: {exc.orig}", file=sys.stderr)
        return 1
    accounts = f"; field-app accounts: {technicians[0]} to {technicians[-1]}" if technicians else ""
    print(f"demo centre written; desk users: {', '.join(sorted(names))}{accounts}")
    return 0


def _migrate(url: str) -> int:
    from central import audit_chain

    try:
        engine = create_engine(url, pool_pre_ping=True)
        db.upgrade(engine)
        with Database(engine).unit_of_work() as session:
            seed_default_rules(session)
            sealed = audit_chain.seal(session)  # rows from before the chain existed become its genesis
        with engine.connect() as conn:
            revision = db.current_revision(conn)
    except OperationalError as exc:
        print(f"dispatch-central migrate: cannot reach the database: {exc.orig}", file=sys.stderr)
        return 1
    except Exception as exc:  # an unusable URL (unknown driver, malformed) reads better than a traceback
        print(f"dispatch-central migrate: {exc}", file=sys.stderr)
        return 1
    print(f"database at schema {revision}" + (f"; {sealed} audit rows written before the chain sealed into it" if sealed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
