"""Desks syncing through a faulty network: a chaos proxy between the desks and the centre drops
requests (before or after the centre ran them), cuts answers, sends requests twice, reorders and
delays them, while a dispatcher of each of two regions and a supervisor keep acting (assigning,
pausing, booking visits...). After each
fault: no saved change lost, none applied twice, every desk holds its region as the centre does."""

from __future__ import annotations

import time

import pytest

from tests.faults.acting import Acting, all_orders, check_after, close_desks, open_desks, seats
from tests.fixtures.chaos_proxy import ChaosProxy
from tests.sync.harness import order_states, wait_for

# Two families: requests or answers lost (the centre may or may not have run the push), and requests
# crossing (sent twice, out of order, late). Each fault must hit pushes a few times in its run.
FAULTS = {
    "lost": {"drop": 0.1, "drop_after_forward": 0.1, "cut": 0.1},
    "crossed": {"duplicate": 0.25, "reorder": 0.25, "delay_ms": (0, 100), "hold_ms": 300},
}
ACTING_SECONDS = 3.0


@pytest.mark.parametrize("fault", list(FAULTS))
def test_no_change_is_lost_or_doubled_and_every_desk_converges_through_a_faulty_network(centre, empty_desk_file, tmp_path,
                                                                                        fault) -> None:
    base, central, _url = centre
    proxy = ChaosProxy("127.0.0.1", int(base.rsplit(":", 1)[1]))
    proxy.set(seed=19, paths=("/sync/",), **FAULTS[fault])
    chosen = seats(central)
    orders = all_orders(chosen)
    start = order_states(central, orders)
    desks = []
    try:
        desks = open_desks(base, f"http://127.0.0.1:{proxy.start()}", chosen, tmp_path, empty_desk_file)  # (the snapshots through the faults too)
        named = [name for name in FAULTS[fault] if name not in ("delay_ms", "hold_ms")]
        with Acting(desks, chosen, seed=len(fault)) as acting:
            began = time.monotonic()
            try:
                wait_for(lambda: time.monotonic() - began > ACTING_SECONDS and all(proxy.counts("/sync/push").get(n, 0) >= 2 for n in named),
                         40, "the desks have acted a while and each fault has hit 2 pushes")
            except AssertionError as exc:
                raise AssertionError(f"{exc}: {proxy.counts()}, {proxy.counts('/sync/push')}, made {sum(acting.made.values())}, "
                                     f"errors {acting.errors[:3]}, " + "; ".join(f"{d.name} {d.replica.counts()} {d.worker.status}"
                                                                                for d in desks)) from None
        proxy.clear()
        check_after(central, desks, acting, start, orders)
        assert not [k for k in proxy.counts() if k.startswith("status_5")], proxy.counts()
        assert all(acting.kinds[kind] for kind in ("assign", "priority", "pause", "book")), acting.kinds
    finally:
        close_desks(desks)
        proxy.stop()
