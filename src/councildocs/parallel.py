"""A helper process for the parts of one long parse that can run beside it.

Reading text and parsing documents take nearly all of a long pack's time and split
cleanly: the helper reads pages from the back while this process reads from the front,
then parses documents from the back while this process parses from the front (see
:class:`TwoEnds`).

The helper is this process forked at the moment its part starts: it inherits what it
needs (the open pack, the segments) instead of having them pickled across, and only its
results (pages, or documents) come back, pickled as it makes them (see :class:`Forked`).
That is what makes it pay: the earlier helper, a process pool started once, pickled the
segments there and back, and on a busy machine made a 520-page pack slower than one
process (docs/performance.md).

By default it runs only where it can win: a pack of ``PARALLEL_MIN_PAGES`` or more, a
second core this process may use and that is idle now (no other process running on it),
no other thread in this process (forking one that holds a lock can hang the copy), and
Linux. A batch's worker process may use it only when the batch lends it a second core
(fewer files than jobs: one long pack with ``--jobs 2``). :meth:`Helper.enable` forces it
on or off. Whatever goes wrong in it, the caller does that part itself, so a result never
depends on the helper.
"""

from __future__ import annotations

import enum
import fcntl
import mmap
import multiprocessing
import os
import pickle
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")

# Below this many pages a pack is parsed in one process: the halves are not worth sending.
PARALLEL_MIN_PAGES = 80


class TwoEnds:
    """The indices 0 to ``count - 1`` shared out between this process, taking them from the
    front, and a helper forked after this is made, taking them from the back; each index is
    taken once, and whichever runs faster takes more (pages and documents differ in cost,
    and the machine's other work slows either), so neither waits long for the other.

    The two ends live in memory both processes share, behind a POSIX record lock, which
    the system releases if the helper dies holding it.
    """

    def __init__(self, count: int) -> None:
        self._ends = mmap.mmap(-1, _ENDS.size)  # anonymous and shared: the fork sees it
        self._lock_file = tempfile.TemporaryFile()
        self._count = count
        self._ends[:] = _ENDS.pack(0, count)

    def from_front(self) -> int | None:
        """The next index from the front, or None when the two ends have met."""
        with self._locked():
            front, back = _ENDS.unpack(self._ends)
            if front >= back:
                return None
            self._ends[:] = _ENDS.pack(front + 1, back)
            return front

    def from_back(self) -> int | None:
        """The next index from the back, or None when the two ends have met."""
        with self._locked():
            front, back = _ENDS.unpack(self._ends)
            if front >= back:
                return None
            self._ends[:] = _ENDS.pack(front, back - 1)
            return back - 1

    def work_from_back(self, work: Callable[[int], T]) -> Iterator[T]:
        """The helper's side: ``work(index)`` for each index it takes from the back until
        the ends meet, each as it is done (the last index first)."""
        while (index := self.from_back()) is not None:
            yield work(index)

    def taken_from_back(self) -> range:
        """The indices taken from the back so far (all of the helper's, once both stop)."""
        _front, back = _ENDS.unpack(self._ends)
        return range(back, self._count)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        fcntl.lockf(self._lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.lockf(self._lock_file, fcntl.LOCK_UN)

    def close(self) -> None:
        self._ends.close()
        self._lock_file.close()


_ENDS = struct.Struct("qq")  # front, back


class Forked:
    """A call running in a forked copy of this process; :meth:`collect` collects it.

    The call yields its results and the copy writes each one as it comes, to a file the two
    share, where this process reads them once the copy says it has written them all (or
    has ended without). Written as they are made, the results cost the copy their pickling
    while this process still works on its own share, not after it: a long pack's parse
    waited a tenth of a second for that at each meeting of the two ends. One pickler writes
    them all, so an object several results share (a text style) is one object here too.
    """

    def __init__(self, function: Callable[..., Iterable[Any]], args: tuple) -> None:
        self._results: BinaryIO | None = tempfile.TemporaryFile()
        try:
            # the copy writes a byte here once its results are written, or ends without:
            # waiting for that, not for its end, spares waiting while the system takes
            # its memory back (a few milliseconds for a long parse's)
            self._written, written = os.pipe()
        except OSError:
            self._results.close()
            raise
        try:
            self.pid = os.fork()
        except OSError:
            self._results.close()
            os.close(self._written)
            os.close(written)
            raise
        if self.pid == 0:  # the copy: run, write the results, leave at once
            os.close(self._written)
            _run_and_write(function, args, self._results, written)
        os.close(written)

    def collect(self) -> list[Any] | None:
        """The call's results in the order it gave them, or None where it failed (or was
        collected already)."""
        if self._results is None:
            return None
        results, self._results = self._results, None
        try:
            os.read(self._written, 1)  # the byte, or nothing where the copy died
        finally:
            os.close(self._written)
        try:
            with results:
                results.seek(0)
                reader = pickle.Unpickler(results)
                done = []
                try:
                    while (record := reader.load())[0] is _Record.RESULT:
                        done.append(record[1])
                except Exception:  # the copy died before writing all of them
                    return None
            return done if record[0] is _Record.FINISHED else None
        finally:
            _reap(self.pid)

    def stop(self) -> None:
        """Stop the call if it was not collected (its caller gave up on it) and reap it."""
        if self._results is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:  # it has ended already
            pass
        self._results.close()
        self._results = None
        os.close(self._written)
        _reap(self.pid)


class _Record(enum.IntEnum):
    """What one pickled record in a helper's results file holds, with its value."""

    RESULT = 1
    FINISHED = 2  # the last record: the call returned


def _run_and_write(
    function: Callable[..., Iterable[Any]], args: tuple, results: BinaryIO, written: int
) -> None:
    code = 0
    try:
        writer = pickle.Pickler(results, protocol=pickle.HIGHEST_PROTOCOL)
        for result in function(*args):
            writer.dump((_Record.RESULT, result))
        writer.dump((_Record.FINISHED, None))
        results.flush()
        os.write(written, b"w")
    except BaseException:  # no FINISHED record: the caller does this part itself
        code = 1
    finally:
        # no atexit handlers, no second flush of the buffers this copy inherited
        os._exit(code)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


class Helper:
    def __init__(self) -> None:
        self._forced: bool | None = None
        self._lent_cores = 0

    def enable(self, on: bool = True) -> None:
        """Use the helper for long parses in this process whatever the load (``on=False``:
        never use it)."""
        self._forced = on

    def automatic(self) -> None:
        """Back to the default: the helper where a second core is idle."""
        self._forced = None

    def lend_cores(self, cores: int) -> None:
        """In a batch's worker: how many cores the batch gives to this worker's file."""
        self._lent_cores = cores

    def available(self) -> bool:
        if self._forced is False or "fork" not in multiprocessing.get_all_start_methods():
            return False
        if threading.active_count() > 1:
            return False
        if self._forced is None and not sys.platform.startswith("linux"):
            # macOS's system libraries are not safe in a forked copy (Python starts its
            # processes afresh there): only a caller who asks gets the helper
            return False
        in_worker = multiprocessing.parent_process() is not None
        cores = self._lent_cores if in_worker else _usable_cores()
        if cores < 2:
            return False
        return self._forced is True or _a_core_is_idle()

    def share(
        self,
        count: int,
        here: Callable[[int], T],
        there: Callable[[TwoEnds], Iterable[T]],
        meanwhile: Callable[[], None] | None = None,
    ) -> Iterator[tuple[int, T]]:
        """Each index from 0 to ``count - 1`` with its result, in order: ``here(index)``
        for those this process takes from the front, and for those the helper takes from
        the back (see :class:`TwoEnds`) what ``there(ends)`` yields in the helper, or
        ``here(index)`` after all where the helper gave none back. ``meanwhile`` runs here
        once the helper has started. An error here, or a consumer that stops early, stops
        the helper.

        Without a helper (see :meth:`available`, asked by the caller), this process takes
        every index from the front.
        """
        ends = TwoEnds(count)
        running = self._submit(there, ends)
        try:
            if meanwhile is not None:
                meanwhile()
            while (index := ends.from_front()) is not None:
                yield index, here(index)
            yield from self._results_from_back(running, ends, here)
        finally:
            self._discard(running)  # collected already, or abandoned
            ends.close()

    def _submit(self, function: Callable[..., Iterable[Any]], *args: Any) -> Forked | None:
        """Start ``function(*args)`` in the helper, or return None to run it here."""
        if not self.available():
            return None
        try:
            return Forked(function, args)
        except OSError:  # no process or file to be had: do it here
            return None

    def _results_from_back(
        self, running: Forked | None, ends: TwoEnds, redo: Callable[[int], T]
    ) -> Iterator[tuple[int, T]]:
        """Once this process has taken its share from the front: each index the helper took
        from the back, in order, with the helper's result, or with ``redo(index)`` done here
        (as it is asked for) where the helper gave none back."""
        done: list[T] | None = running.collect() if running is not None else None
        taken = ends.taken_from_back()
        if done is None or len(done) != len(taken):
            return zip(taken, map(redo, taken), strict=True)
        return zip(taken, reversed(done), strict=True)  # the helper went from the back

    def _discard(self, running: Forked | None) -> None:
        """Stop a helper whose result will not be asked for (an error, or a consumer that
        stopped early); nothing where it was collected or never started."""
        if running is not None:
            running.stop()


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _a_core_is_idle() -> bool:
    """Whether a core is free now: the processes running at this moment (this one among
    them, from Linux's /proc/loadavg) leave one; elsewhere, the last minute's load average.
    The moment, not the minute's average, because a run's own previous minute of work
    would count against it."""
    cores = os.cpu_count() or 1
    try:
        with open("/proc/loadavg", encoding="ascii") as status:
            running = int(status.read().split()[3].split("/")[0])
        return running <= cores - 1
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0] <= cores - 1
    except OSError:
        return False


HELPER = Helper()
