"""The feed's LISTEN connection takes the service's URL as libpq keywords, whatever its password holds."""

from psycopg.conninfo import conninfo_to_dict

from central.feed import FeedSignal, Listener


def test_a_password_with_spaces_and_quotes_reaches_libpq_whole() -> None:
    listener = Listener("postgresql+psycopg://dispatch_service:service pass 'x' 2026@127.0.0.1:5433/centre?sslmode=require",
                        FeedSignal())
    assert conninfo_to_dict(listener._dsn) == {"host": "127.0.0.1", "port": "5433", "user": "dispatch_service",
                                                "password": "service pass 'x' 2026", "dbname": "centre", "sslmode": "require"}
