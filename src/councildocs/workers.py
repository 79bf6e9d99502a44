"""Worker processes that read one file at a time, each file under a time and a memory limit.

A batch over an archive runs unattended, and an archive holds files that expand to
gigabytes or take an hour: such a file must cost only its own result. Each worker is a
process of its own with its address space capped (``RLIMIT_AS``), and the parent knows
which file each worker holds and since when, so it can stop one that runs past its time
and name the file, while the other workers go on.

How a file that needs too much memory shows: Python raises ``MemoryError`` (``call``
reports it, and the worker carries on), or PDFium, whose allocator aborts the process
when an allocation fails, dies by ``SIGABRT``; under a memory cap that death is reported
as the cap reached. Workers are forked (Linux and macOS), and the cap counts the address
space the worker inherits from its parent too: small for the commands, but a script in a
large process should allow for its own size.
"""

from __future__ import annotations

import math
import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .collector import WorkerCollector

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: a file's result as it crosses back from a worker: its value, or a one-line reason; seconds
Result = tuple[Any, str | None, float]

GIB = 1 << 30
MIB = 1 << 20

#: the command line's default time per file: far above any real pack's (the corpus's
#: slowest takes seconds), low enough that a run over an archive is not stuck for hours
DEFAULT_TIMEOUT = 300.0

# the address space a parse needs is some hundreds of MiB; a worker is allowed this much,
# and never more than half the machine's memory, so two runaway files cannot exhaust it
_DEFAULT_MEMORY_CEILING = 4 * GIB


@dataclass(frozen=True)
class Limits:
    """What one file may use: ``timeout`` seconds of wall time, ``memory`` bytes of address
    space in its worker. None is no limit."""

    timeout: float | None = None
    memory: int | None = None

    @property
    def any(self) -> bool:
        return self.timeout is not None or self.memory is not None

    def timed_out(self) -> str:
        return f"timed out after {self.timeout:g} s"

    def memory_exceeded(self) -> str:
        if self.memory is None:
            return "ran out of memory"
        return f"needed more than {format_size(self.memory)}"


def default_memory() -> int:
    """The command line's default memory cap per worker: 4 GiB, or half the machine's memory
    where that is less."""
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return _DEFAULT_MEMORY_CEILING
    return min(_DEFAULT_MEMORY_CEILING, physical // 2)


def default_limits() -> Limits:
    return Limits(timeout=DEFAULT_TIMEOUT, memory=default_memory())


def format_size(size: int) -> str:
    """``2 GiB``, ``1.5 GiB``, ``300 MiB``: a memory size as a person writes it."""
    if size >= GIB:
        return f"{size / GIB:.3g} GiB"
    return f"{max(1, round(size / MIB))} MiB"


_SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*")
_UNITS = {"": 1, "k": 1 << 10, "m": MIB, "g": GIB, "t": 1 << 40}


def parse_size(text: str) -> int:
    """``4G``, ``512M``, ``1.5GiB``, ``800MB`` (binary units, as the messages print them) or
    plain bytes. Raises ValueError for anything else."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a size such as 4G, 512M or 1.5GiB")
    size = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if not math.isfinite(size) or size < MIB:
        raise ValueError(f"{text!r} is less than 1 MiB: too little to parse anything")
    return int(size)


def run_in_workers(
    tasks: list[str],
    call: Callable[[str], Result],
    *,
    jobs: int,
    limits: Limits,
    cores_per_worker: int = 1,
) -> Iterator[tuple[int, Result]]:
    """Run ``call(path)`` for each path of ``tasks`` in up to ``jobs`` worker processes, in
    the order given; yield ``(position in tasks, result)`` as each file finishes.
    ``cores_per_worker`` above 1 lets a worker's long pack use the helper process (see
    ..parallel) on the cores its file is lent.

    A file that runs past ``limits.timeout`` has its worker killed and a fresh one started;
    a worker that dies takes only its own file. Stopping early (an interrupt, a consumer that
    closes the generator) stops every worker.
    """
    # loaded only by a run that starts workers, not by every import of the package
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")  # the parent is small: forking is cheap
    idle: list[_Worker] = []
    busy: dict[Connection, _Worker] = {}
    waiting = list(range(len(tasks)))[::-1]  # popped from the end: first task first
    try:
        while waiting or busy:
            while waiting and len(busy) < jobs:
                worker = (
                    idle.pop()
                    if idle
                    else _Worker(context, call, limits, cores_per_worker, busy, idle)
                )
                position = waiting.pop()
                worker.start(position, tasks[position], limits.timeout)
                busy[worker.connection] = worker
            ready = wait([*busy, *(w.process.sentinel for w in busy.values())], _until(busy))
            for worker in list(busy.values()):
                if worker.connection in ready or worker.process.sentinel in ready:
                    result = worker.collect(limits)
                elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                    worker.stop()
                    result = (None, limits.timed_out(), limits.timeout or 0.0)
                else:
                    continue
                position = worker.position
                del busy[worker.connection]
                if worker.process.is_alive():
                    idle.append(worker)
                else:
                    worker.close()
                yield position, result
    finally:
        for worker in busy.values():  # reading files nobody will use (an interrupt)
            worker.stop()
        for worker in [*idle, *busy.values()]:
            worker.close()


def _until(busy: dict[Connection, _Worker]) -> float | None:
    deadlines = [w.deadline for w in busy.values() if w.deadline is not None]
    return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None


class _Worker:
    """One worker process and the file it holds."""

    def __init__(self, context, call, limits: Limits, cores: int, busy: dict, idle: list) -> None:
        ours, theirs = context.Pipe()
        # the worker must not hold the other workers' pipe ends (inherited by the fork): the
        # parent's end closing is how a worker learns that the parent is gone
        others = [*busy, *(w.connection for w in idle)]
        self.process = context.Process(
            target=_serve,
            args=(theirs, ours, others, call, limits.memory, cores),
            name="councildocs",
        )
        self.process.start()
        theirs.close()
        self.connection = ours
        self.position = -1
        self.deadline: float | None = None

    def start(self, position: int, path: str, timeout: float | None) -> None:
        self.position = position
        self.deadline = time.monotonic() + timeout if timeout is not None else None
        self.connection.send(path)

    def collect(self, limits: Limits) -> Result:
        try:
            if self.connection.poll():
                return self.connection.recv()
        except (EOFError, OSError):
            pass  # it died while sending
        self.process.join()
        if limits.memory is not None and self.process.exitcode == -signal.SIGABRT:
            return None, limits.memory_exceeded(), 0.0
        return None, "the worker process died reading this file", 0.0

    def stop(self) -> None:
        _kill_group(self.process.pid)
        self.process.join()

    def close(self) -> None:
        if self.process.is_alive():
            try:
                self.connection.send(None)  # an idle worker ends when told
            except OSError:
                pass
            self.process.join(timeout=1)
        if self.process.is_alive():  # still reading a file nobody will use
            _kill_group(self.process.pid)
            self.process.join()
        self.connection.close()


def _kill_group(pid: int) -> None:
    """Kill a worker and what it started (Tesseract, a helper), which share its group."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:  # it is gone already, or never got its own group
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _serve(
    connection: Connection,
    parent_end: Connection,
    others: list[Connection],
    call: Callable[[str], Result],
    memory: int | None,
    cores: int,
) -> None:
    """The worker's loop: read a path, send back its result, until told to stop."""
    from .parallel import HELPER

    collector = WorkerCollector()  # a process of ours: see ..collector
    collector.start()
    HELPER.lend_cores(cores)
    parent_end.close()
    for other in others:
        other.close()
    # a group of its own, so that stopping it stops what it started too (and Ctrl-C at the
    # terminal reaches the parent alone, which stops the workers)
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory is not None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            path = connection.recv()
            if path is None:
                return
            collector.before_file()
            connection.send(call(path))
        except (EOFError, BrokenPipeError, ConnectionResetError):
            # the parent is gone or has stopped listening (an interrupted run): there is
            # no one to tell, and a traceback on the terminal would only be noise
            return
