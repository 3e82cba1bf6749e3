import gc
import time

from console.core import gc_pause


def test_cycles_that_die_after_a_freeze_are_collected_by_the_next_periodic_full_collection(monkeypatch) -> None:
    class Node:
        pass

    with gc_pause.paused_gc(freeze=True):
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle, alive when frozen
    import weakref

    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is not None  # frozen: an ordinary collection does not see it
    monkeypatch.setattr(gc_pause, "_last_full_collection", time.monotonic() - gc_pause.FULL_COLLECTION_EVERY - 1)
    with gc_pause.paused_gc(freeze=True):
        pass
    assert gone() is None
    assert gc.isenabled()


def test_a_settled_process_keeps_what_it_holds_out_of_the_walks_and_still_frees_new_cycles() -> None:
    import weakref

    thresholds = gc.get_threshold()
    try:
        gc_pause.settle()
        assert gc.get_threshold() == gc_pause.SETTLED_THRESHOLDS
        assert gc.get_freeze_count() > 0  # the modules and objects held at start
        assert gc.isenabled()

        class Node:
            pass

        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle made after settling: an ordinary collection frees it
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        assert gone() is None
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
