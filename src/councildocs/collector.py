"""The cyclic garbage collector's pace while a parse runs.

A parse allocates millions of small objects (spans, lines, blocks, models) that live until
its file is done and that reference counting frees: a parse that returns leaves nothing in
reference cycles from a text layer, whatever its length, and one small cycle for each page it
reads by OCR (``tests/test_workers_collector.py``). At CPython's default pace
(a young collection every 700 allocations, an older one every ten of those) the collector
keeps traversing the live ones as they age: a tenth of a parse's time, and, where a long
pack's helper hands its pages back, a full collection in the middle of unpickling them
(25 of a 250-page parse's 300 ms, in one process while the other waits).

So while a parse runs the collector runs at :data:`PARSE_THRESHOLDS`, and the process's own
pace comes back when the last parse running in it ends (parses in several threads share
one slower pace), with what the parses made moved to the oldest generation (_make_old).

A worker process of ours goes further (:class:`WorkerCollector`): no automatic collection
while it reads a file, and one young collection before its next file, which finds all the
garbage the last one left (made while it ran, so still young). Even the slower pace cost a
520-page pack's worker three young collections, 30 ms of traversing live spans and
blocks, and a command run on one file never pays the collection between files.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: a young collection every 50,000 allocations, an older one every 20 of those
PARSE_THRESHOLDS = (50_000, 20, 20)


class CollectorPace:
    """Slows the collector for the length of the parses running in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parses = 0
        self._before: tuple[int, int, int] | None = None

    @contextmanager
    def slowed(self) -> Iterator[None]:
        with self._lock:
            if self._parses == 0:
                self._before = gc.get_threshold()
                gc.set_threshold(*PARSE_THRESHOLDS)
            self._parses += 1
        returned = False
        try:
            yield
            returned = True
        finally:
            with self._lock:
                self._parses -= 1
                # a pace the caller set meanwhile is theirs to keep
                if self._parses == 0 and gc.get_threshold() == PARSE_THRESHOLDS:
                    gc.set_threshold(*self._before)
                    if returned:  # an error's traceback holds cycles: those stay young
                        _make_old()


def _make_old() -> None:
    """Move every object the collector tracks into its oldest generation, at once.

    What a parse made and kept is its Pack, which the caller goes on holding: left young, it
    would be traversed by the caller's next young collection (due at once: a parse
    allocates far past the caller's pace), 7 to 11 ms of a 250-page pack's parse, and by the
    one after, only to be found alive. Little is kept from a collection that would free it:
    a parse that returns leaves nothing in reference cycles from a text layer
    (tests/test_workers_collector.py); a page it reads by OCR leaves the ctypes array type
    pypdfium2 makes for the page's image (a few objects in a cycle), which waits for the
    next full collection, as the cycles among the caller's own young objects, made old with
    the Pack, do. ``gc.freeze`` and
    ``gc.unfreeze`` each move whole generations, whatever their size; where the caller has
    frozen objects of its own (gc.freeze), or turned the collector off, nothing is moved.
    """
    if gc.isenabled() and gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


COLLECTOR = CollectorPace()


#: a worker's full collection comes every this many files, for garbage that outlived the
#: file that made it (a replaced cache entry) and so was no longer young
FULL_COLLECTION_EVERY = 100


class WorkerCollector:
    """The collector in a worker process that reads one file after another."""

    def __init__(self) -> None:
        self._files = 0

    def start(self) -> None:
        """Automatic collection off, for the worker's life (its helper process inherits it)."""
        gc.disable()

    def before_file(self) -> None:
        """Collect what the files before this one left in cycles (nothing before the first)."""
        if self._files:
            gc.collect(0 if self._files % FULL_COLLECTION_EVERY else 2)
        self._files += 1
