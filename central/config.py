"""The centre's configuration: environment variables (DISPATCH_CENTRAL_*), checked at start."""

from __future__ import annotations

import os
from dataclasses import dataclass


class ConfigError(ValueError):
    """A setting the centre cannot start with; the message names it."""


@dataclass(frozen=True)
class CentralConfig:
    database_url: str
    token_minutes: int = 480  # a shift
    failures_per_user: int = 5
    failures_per_address: int = 20
    failure_window_minutes: int = 15
    sms_gateway_url: str = ""  # empty: dispatch notices wait in the outbox
    geocoder_url: str = ""  # empty: sites without a position wait in the outbox
    feed_days: int = 30  # how long the sync feed keeps a change; a desk away longer downloads a new snapshot
    escalation_seconds: int = 60  # how often red and late alerts nobody acknowledged are escalated (0: never, e.g. a read-only replica)
    max_body_mb: int = 32  # the largest request body taken (a push of 100 actions); the proxy's limit should match
    # Connections to PostgreSQL, per service process: a pool of `pool_size` kept open and up to
    # `pool_overflow` more at a peak, plus one for LISTEN. Instances x (pool_size + pool_overflow + 1)
    # must stay under the server's max_connections (docs/SCALE.md; behind PgBouncer, the pool's).
    pool_size: int = 10  # (kept open: a connection opened past it and closed again starts a server process each time)
    pool_overflow: int = 5
    # LISTEN needs a session of its own: behind PgBouncer in transaction mode, the server's own
    # address (empty: database_url)
    listen_url: str = ""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> CentralConfig:
        """Defaults, then the TOML file named by DISPATCH_CENTRAL_CONFIG (keys as the field names),
        then DISPATCH_CENTRAL_* variables, then explicit overrides (the command line)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = _from_file(env.get("DISPATCH_CENTRAL_CONFIG", ""))
        for name, field_type in (("database_url", str), ("token_minutes", int), ("failures_per_user", int),
                                 ("failures_per_address", int), ("failure_window_minutes", int), ("sms_gateway_url", str),
                                 ("geocoder_url", str), ("feed_days", int), ("max_body_mb", int),
                                 ("escalation_seconds", int), ("pool_size", int), ("pool_overflow", int), ("listen_url", str)):
            raw = env.get(f"DISPATCH_CENTRAL_{name.upper()}")
            if raw is None:
                continue
            try:
                values[name] = field_type(raw)
            except ValueError as exc:
                raise ConfigError(f"DISPATCH_CENTRAL_{name.upper()} must be a whole number, not {raw!r}") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        if not values.get("database_url"):
            raise ConfigError("no database: set DISPATCH_CENTRAL_DATABASE_URL or pass --database-url")
        config = cls(**values)  # type: ignore[arg-type]
        for name in ("token_minutes", "failures_per_user", "failures_per_address", "failure_window_minutes", "feed_days", "max_body_mb",
                     "pool_size"):
            if getattr(config, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(config, name)}")
        if config.pool_overflow < 0:
            raise ConfigError(f"pool_overflow must be 0 or more, not {config.pool_overflow}")
        if config.escalation_seconds < 0:
            raise ConfigError(f"escalation_seconds must be 0 (off) or more, not {config.escalation_seconds}")
        return config


def _from_file(path: str) -> dict[str, object]:
    if not path:
        return {}
    import tomllib
    from dataclasses import fields

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"the configuration file {path} cannot be read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the configuration file {path} is not valid TOML: {exc}") from exc
    known = {f.name: f.type for f in fields(CentralConfig)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"the configuration file {path} has unknown settings: {', '.join(unknown)}")
    for key, value in data.items():
        expected = int if known[key] in ("int", int) else str
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(f"{key} in {path} must be {'a whole number' if expected is int else 'text'}")
    return dict(data)
