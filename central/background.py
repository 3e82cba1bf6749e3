"""The centre's background work, while the app runs: the change feed's listener and pruner (on
PostgreSQL), the escalation of alerts nobody acknowledged, and the outbox sender (when a gateway is configured). Daemon threads; `stop()` ends
their loops at their next wait."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from central.feed import Listener
from central.feed import prune as prune_feed
from central.outbound import SMS_ZONE, OutboxSender, enqueue_sms
from central.state import Centre
from console.core.services.escalation import escalate_due


def _send_until(sender: OutboxSender, stop: threading.Event, every: float = 5.0) -> None:
    while not stop.is_set():
        try:
            sender.send_due()
        except Exception:  # the next round tries again; the messages stay in the outbox
            logging.getLogger("central.outbox").exception("sending the outbox failed")
        stop.wait(every)


def _escalate_until(centre: Centre, stop: threading.Event, every: float) -> None:
    """Escalate the red and late alerts nobody acknowledged in time, a round every `every` seconds
    from the first interval on (one instance a round: the round takes an advisory lock)."""
    while not stop.wait(every):
        try:
            done = escalate_due(centre.database, centre.clock(), enqueue_sms, SMS_ZONE)
            if done:
                logging.getLogger("central.escalation").info("escalated %d alerts", len(done))
        except Exception:  # the next round tries again; the alerts are still there
            logging.getLogger("central.escalation").exception("escalating alerts failed")


def _prune_until(engine: Engine, days: int, stop: threading.Event, every: float = 3600.0) -> None:
    """Keep the sync feed to `days` days (a desk away longer downloads a new snapshot)."""
    while not stop.is_set():
        try:
            pruned = prune_feed(engine, datetime.now(UTC) - timedelta(days=days))
            if pruned:
                logging.getLogger("central.feed").info("pruned %d feed entries older than %d days", pruned, days)
        except Exception:  # the next round tries again; an unpruned feed only grows
            logging.getLogger("central.feed").exception("pruning the feed failed")
        stop.wait(every)


def _tell_connection_budget(engine: Engine, mine: int) -> None:
    """Log how many connections this process may open against what the server allows: several
    instances share the server's max_connections (docs/SCALE.md)."""
    log = logging.getLogger("central.connections")
    try:
        with engine.connect() as conn:
            allowed = int(conn.exec_driver_sql("SHOW max_connections").scalar_one())
            reserved = int(conn.exec_driver_sql("SHOW superuser_reserved_connections").scalar_one())
    except Exception as exc:  # noqa: BLE001 - only a log line; the service starts whatever it says
        log.warning("could not read the server's connection limit: %s", exc)
        return
    usable = allowed - reserved
    log.info("this instance opens up to %d connections (pool, overflow and LISTEN) of the server's %d: "
             "%d instances fit", mine, usable, usable // mine)
    if mine > usable:
        log.warning("this instance alone may open more connections (%d) than the server allows (%d): lower "
                    "DISPATCH_CENTRAL_POOL_SIZE / _POOL_OVERFLOW", mine, usable)


class Background:
    """The threads of one running centre."""

    def __init__(self, centre: Centre) -> None:
        self._centre = centre
        self._stop = threading.Event()
        self._listener: Listener | None = None

    def start(self) -> None:
        centre, config = self._centre, self._centre.config
        engine = centre.database.engine
        self._listener = Listener(config.listen_url or config.database_url, centre.signal, centre.tokens) if centre.on_postgresql else None
        if self._listener is not None:
            _tell_connection_budget(engine, config.pool_size + config.pool_overflow + 1)
            self._listener.start()
            threading.Thread(target=_prune_until, args=(engine, config.feed_days, self._stop), name="feed-pruner",
                             daemon=True).start()
        if config.escalation_seconds:
            threading.Thread(target=_escalate_until, args=(centre, self._stop, config.escalation_seconds), name="escalation",
                             daemon=True).start()
        if config.sms_gateway_url or config.geocoder_url:
            gateways = {"sms": config.sms_gateway_url, "geocode": config.geocoder_url}
            sender = OutboxSender(centre.database, gateways, centre.clock)
            threading.Thread(target=_send_until, args=(sender, self._stop), name="outbox-sender", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        if self._listener is not None:
            self._listener.stop()
