"""A helper process for the parts of one long parse that can run beside it, when asked.

Reading text and parsing documents take nearly all of a long pack's time and split
cleanly: the helper reads the second part of the pages while this process reads the
first, then parses the later documents while this process parses the earlier ones.

It is off unless a caller turns it on (:meth:`Helper.enable`). ``make bench`` decided
that: on a busy shared machine the helper made a 520-page pack slower, per wall-second and
per CPU-second, than one process (docs/performance.md), so the commands never turn it on
and more cores come from ``--jobs`` alone. When on, it is forked on first need, and used
only with a second core and a cheap fork, and never inside a batch's worker processes
(their cores are taken). Whatever goes wrong in it, the caller does that part itself, so
a result never depends on the helper.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

# Below this many pages a pack is parsed in one process: the halves are not worth sending.
PARALLEL_MIN_PAGES = 80


class Helper:
    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._enabled = False

    def enable(self, on: bool = True) -> None:
        """Let long parses in this process use the helper (``on=False``: stop)."""
        self._enabled = on

    def available(self) -> bool:
        if self._broken or not self._enabled:
            return False
        if (os.cpu_count() or 1) < 2 or multiprocessing.parent_process() is not None:
            return False
        return "fork" in multiprocessing.get_all_start_methods()

    def submit(self, function: Callable[..., Any], *args: Any) -> Future | None:
        """Start ``function(*args)`` in the helper, or return None to run it here."""
        if not self.available():
            return None
        try:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            return self._pool.submit(function, *args)
        except Exception:
            self._broken = True
            return None

    def result(self, future: Future | None) -> Any | None:
        """The helper's result, or None when it was not asked or could not give one."""
        if future is None:
            return None
        try:
            return future.result()
        except Exception:
            self._broken = isinstance(future.exception(), BrokenProcessPool)
            return None


HELPER = Helper()
