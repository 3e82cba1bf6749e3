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

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> CentralConfig:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name, field_type in (("database_url", str), ("token_minutes", int), ("failures_per_user", int),
                                 ("failures_per_address", int), ("failure_window_minutes", int), ("sms_gateway_url", str),
                                 ("geocoder_url", str)):
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
        for name in ("token_minutes", "failures_per_user", "failures_per_address", "failure_window_minutes"):
            if getattr(config, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(config, name)}")
        return config
