"""What a visit's bar says in the room it has: the order number and the customer's short name,
then less and less of them, and nothing rather than text spilling over the bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

TAIL = 4  # digits of an order number's serial that still tell the dispatcher which order it is
MIN_CUSTOMER_CHARS = 2


def _with_customer(metrics: QFontMetrics, lead: str, customer: str, width: int) -> str | None:
    """`lead` and as much of the customer as fits (at least a couple of characters), or None."""
    lead_px = metrics.horizontalAdvance(lead + " ")
    if not customer or lead_px >= width:
        return None
    whole = lead + " " + customer
    if metrics.horizontalAdvance(whole) <= width:
        return whole
    rest = metrics.elidedText(customer, Qt.TextElideMode.ElideRight, width - lead_px)
    return lead + " " + rest if len(rest.rstrip("…")) >= MIN_CUSTOMER_CHARS else None


def bar_label(metrics: QFontMetrics, number: str, customer: str, width: int) -> str:
    """The text for a bar `width` pixels wide (its padding taken off already); "" if nothing fits."""
    if width <= 0 or not number:
        return ""
    base, _, more = number.partition(" ")  # "FT20261122000104 +1": the visit's other orders
    tail = "…" + base[-TAIL:] + (f" {more}" if more else "")
    for lead in (number, tail):
        fitted = _with_customer(metrics, lead, customer, width)
        if fitted is not None:
            return fitted
        if metrics.horizontalAdvance(lead) <= width:
            return lead
    return ""
