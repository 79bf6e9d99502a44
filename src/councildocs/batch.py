"""Run one function over many input files in worker processes, losing none of them.

``run_batch(paths, work, jobs=4)`` yields one :class:`Outcome` per path: the value ``work``
returned, or a one-line reason why it failed. A failing file (an exception in ``work``, or
a worker process that dies outright, e.g. in a native PDF library) never stops the run or
costs the other files their results. ``parse`` and ``export`` use it with
:func:`parse_file`; ``validate`` can pass its own ``work`` the same way.

``work`` must be a module-level function (or a ``functools.partial`` of one) because it is
sent to the worker processes by pickling; its return value travels back the same way, so
return something small and plain (the parse work returns the Pack as a JSON string).
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .cache import PackCache
from .errors import CouncilDocsError
from .ocr_settings import OcrSettings
from .workers import Limits

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .contract import Severity
    from .models import Finding, Pack

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What happened to one input: ``value`` when it worked, ``error`` (one line) when not."""

    path: str
    value: T | None = None
    error: str | None = None
    pages: int = 0
    seconds: float = 0.0
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Summary:
    """Running totals of a batch, for the line printed at its end."""

    parsed: int = 0
    failed: int = 0
    pages: int = 0
    from_cache: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    def add(self, outcome: Outcome[Any]) -> None:
        if outcome.ok:
            self.parsed += 1
            self.pages += outcome.pages
            self.from_cache += outcome.from_cache
        else:
            self.failed += 1
        self.seconds = time.perf_counter() - self.started

    def line(self, verb: str = "parsed") -> str:
        cached = f" ({self.from_cache} from cache)" if self.from_cache else ""
        skipped = f", skipped {self.skipped}" if self.skipped else ""
        return (
            f"{verb} {self.parsed}{cached}, failed {self.failed}{skipped}, "
            f"pages {self.pages}, {self.seconds:.2f} s"
        )


def failure_reason(exc: BaseException) -> str:
    """One line a user can act on; a bug in councildocs says so rather than showing a trace."""
    if isinstance(exc, CouncilDocsError):
        return exc.problem
    detail = " ".join(str(exc).split())
    return f"internal error while parsing ({type(exc).__name__}: {detail}); please report it"


def default_jobs() -> int:
    return os.cpu_count() or 1


def cores_per_file(cores: int, files: int) -> int:
    """The cores each file may use when ``files`` run side by side on ``cores``: the files
    share them (fewer files than cores: each is lent the cores no other file needs, for its
    OCR and a long pack's helper process), and each has one at least."""
    return max(1, cores // max(1, min(cores, files)))


def run_batch(
    paths: Iterable[str],
    work: Callable[[str], T],
    *,
    jobs: int | None = None,
    ordered: bool = True,
    pages: Callable[[T], int] | None = None,
    lookup: Callable[[str], T | None] | None = None,
    on_done: Callable[[Outcome[T]], None] | None = None,
    executor: Executor | None = None,
    limits: Limits | None = None,
) -> Iterator[Outcome[T]]:
    """Run ``work(path)`` for every path and yield an :class:`Outcome` for each.

    ``jobs``: worker processes (default: the number of cores); 1 runs in this process.
    ``ordered``: yield in input order (True) or as each file finishes (False).
    ``pages``: how many pages a result covers, for the summary and pages per second.
    ``lookup``: tried first, in this process; a value it returns is used without running
    ``work`` (the cache), so a rerun over unchanged files starts no worker at all.
    ``on_done``: called as each file finishes, in finishing order (progress display).
    ``executor``: any :class:`concurrent.futures.Executor` to run ``work`` in instead of
    this function's worker processes (``jobs`` is then the executor's business): a Dask
    cluster's ``Client.get_executor()``, Ray's or loky's, or a thread pool.
    ``limits`` (:class:`~councildocs.workers.Limits`): the time and memory one file may
    use; a file past either fails with a one-line reason and the others go on. Every file
    then runs in a worker process, even with ``jobs=1``. An executor has limits of its own
    (Dask's memory limit, a future's timeout), so the two are not given together.

    Files are started largest first, so that one long pack begun last does not leave the
    other workers idle at the end of the run.
    """
    paths = list(paths)
    limits = limits or Limits()
    if executor is not None and limits.any:
        raise ValueError("limits apply to councildocs' own workers: set them on the executor")
    count_pages = pages or (lambda _value: 0)
    jobs = max(1, jobs or default_jobs())
    finished: dict[int, Outcome[T]] = {}
    next_to_yield = 0

    def settle(index: int, outcome: Outcome[T]) -> Iterator[Outcome[T]]:
        nonlocal next_to_yield
        if on_done:
            on_done(outcome)
        if not ordered:
            yield outcome
            return
        finished[index] = outcome
        while next_to_yield in finished:
            yield finished.pop(next_to_yield)
            next_to_yield += 1

    to_run: list[int] = []
    for index, path in enumerate(paths):
        started = time.perf_counter()
        try:
            value = lookup(path) if lookup else None
        except Exception:  # an unreadable cache entry is a miss, never a failure
            value = None
        if value is None:
            to_run.append(index)
            continue
        outcome = Outcome(
            path,
            value=value,
            pages=count_pages(value),
            seconds=time.perf_counter() - started,
            from_cache=True,
        )
        yield from settle(index, outcome)

    if executor is not None:
        yield from _run_on(executor, paths, to_run, work, count_pages, settle)
        return

    if not limits.any and (jobs == 1 or len(to_run) <= 1):
        for index in to_run:
            yield from settle(index, _finish(paths[index], _call(work, paths[index]), count_pages))
        return

    # each file in a worker process, where its limits can be held and a crash is its own
    from .workers import run_in_workers

    order = _largest_first(paths, to_run)
    call = functools.partial(_call, work, out_of_memory=limits.memory_exceeded())
    tasks = [paths[index] for index in order]
    workers = run_in_workers(
        tasks,
        call,
        jobs=min(jobs, len(tasks)),
        limits=limits,
        cores_per_worker=cores_per_file(jobs, len(tasks)),
    )
    for position, result in workers:
        yield from settle(order[position], _finish(paths[order[position]], result, count_pages))


def _largest_first(paths: list[str], indices: list[int]) -> list[int]:
    def size(index: int) -> int:
        try:
            return os.path.getsize(paths[index])
        except OSError:
            return 0

    return sorted(indices, key=lambda index: (-size(index), index))


def _run_on(
    executor: Executor,
    paths: list[str],
    to_run: list[int],
    work: Callable[[str], T],
    count_pages: Callable[[T], int],
    settle: Callable[[int, Outcome[T]], Iterator[Outcome[T]]],
) -> Iterator[Outcome[T]]:
    """The files of ``to_run`` on a caller's executor, each settled as it finishes."""
    from concurrent.futures import as_completed

    futures = {executor.submit(_call, work, paths[i]): i for i in _largest_first(paths, to_run)}
    try:
        for future in as_completed(futures):
            index = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the executor lost the task (a worker died)
                result = (None, f"the worker could not run this file ({failure_reason(exc)})", 0.0)
            yield from settle(index, _finish(paths[index], result, count_pages))
    finally:
        # a consumer that stops early must not leave the cluster busy with files nobody reads
        for future in futures:
            future.cancel()


def _call(
    work: Callable[[str], T], path: str, out_of_memory: str = "ran out of memory"
) -> tuple[T | None, str | None, float]:
    """Run in the worker: exceptions become a reason string, since they may not pickle."""
    started = time.perf_counter()
    try:
        return work(path), None, time.perf_counter() - started
    except MemoryError:
        return None, out_of_memory, time.perf_counter() - started
    except Exception as exc:
        return None, failure_reason(exc), time.perf_counter() - started


def _finish(
    path: str, result: tuple[T | None, str | None, float], count_pages: Callable[[T], int]
) -> Outcome[T]:
    value, error, seconds = result
    if error is not None or value is None:
        return Outcome(path, error=error or "produced no result", seconds=seconds)
    return Outcome(path, value=value, pages=count_pages(value), seconds=seconds)


# --- the parse work, shared by parse and export ------------------------------------------


@dataclass(frozen=True)
class ParsedPack:
    """A parsed file as it crosses process boundaries: the Pack's JSON."""

    #: the compact JSON as the parse made it; None where only ``indented`` was made (a
    #: parse asked for indented JSON and storing nothing: ``json`` is then made from it)
    compact: str | None
    pages: int
    sha256: str = ""
    #: the same JSON indented two spaces, where the parse was asked for it (see parse_many)
    indented: str | None = None

    @functools.cached_property
    def json(self) -> str:
        """The Pack's compact JSON."""
        if self.compact is not None:
            return self.compact
        from .output.indent import compact_json

        return compact_json(self.indented or "")

    def pack(self) -> Pack:
        """The :class:`~councildocs.models.Pack` itself (validating the JSON)."""
        from .models import Pack

        return Pack.model_validate_json(self.json)


def parse_many(
    paths: Iterable[str | Path],
    *,
    jobs: int | None = None,
    cache: PackCache | None = None,
    on_done: Callable[[Outcome[ParsedPack]], None] | None = None,
    executor: Executor | None = None,
    ordered: bool | None = None,
    ocr: OcrSettings | None = None,
    limits: Limits | None = None,
    indented: bool = False,
) -> Iterator[Outcome[ParsedPack]]:
    """Parse many files in ``jobs`` worker processes; one :class:`Outcome` per file.

    ``paths`` are files (expand folders and globs first with
    :func:`councildocs.inputs.expand_paths`). An outcome's ``value`` is a
    :class:`ParsedPack` (``.pack()`` gives the Pack, ``.json`` its JSON); a file that cannot
    be parsed has ``error`` instead and never costs the others their results. ``cache``
    (a :class:`~councildocs.cache.PackCache`) answers unchanged files without parsing them
    and stores the new ones. ``on_done`` is called as each file finishes (progress).
    ``ocr`` says which pages to read by OCR (default: those with no text layer); unless it
    names its own ``jobs``, each worker runs its share of ``jobs`` Tesseract processes.

    ``executor``: any :class:`concurrent.futures.Executor` runs the parses instead, e.g. a
    Dask cluster's (``distributed.Client(...).get_executor()``), Ray's or loky's; the
    results are those of a serial run. ``ordered``: outcomes in input order (the default
    without an executor) or as they finish (the default with one). With an executor the
    cache is read and written here, so workers on other machines need no cache folder.
    ``limits`` (:class:`~councildocs.workers.Limits`): the time and memory one file may
    use (default: none); a file past either has ``error`` ("timed out after 300 s",
    "needed more than 4 GiB") and the others go on. ``indented``: each file parsed (not
    answered from the cache) also has its JSON indented two spaces (``.indented``), made in
    the worker by pydantic, several times faster than re-laying out the compact JSON here.

    >>> for outcome in parse_many(["a.pdf", "b.pdf"], jobs=2):
    ...     print(outcome.path, outcome.value.pack().meeting.body if outcome.ok else outcome.error)
    """
    paths = [str(path) for path in paths]
    ocr = ocr or OcrSettings()
    if ocr.jobs is None:
        ocr = replace(ocr, jobs=cores_per_file(jobs or default_jobs(), len(paths)))
    if cache is not None and ocr.cache_key:
        cache = cache.with_variant(ocr.cache_key)
    if ordered is None:
        ordered = executor is None
    store_here = cache if executor is not None else None

    def stored(outcome: Outcome[ParsedPack]) -> None:
        if store_here is not None and outcome.ok and not outcome.from_cache:
            store_here.put(outcome.value.sha256, outcome.value.json)
        if on_done:
            on_done(outcome)

    return run_batch(
        paths,
        functools.partial(
            parse_file,
            cache=None if executor is not None else cache,
            ocr=ocr,
            indented=indented,
        ),
        jobs=jobs,
        ordered=ordered,
        pages=_parsed_pages,
        lookup=functools.partial(cached_parse, cache=cache) if cache else None,
        on_done=stored if store_here is not None else on_done,
        executor=executor,
        limits=limits,
    )


def _parsed_pages(parsed: ParsedPack) -> int:
    return parsed.pages


def parse_file(
    path: str,
    cache: PackCache | None = None,
    ocr: OcrSettings | None = None,
    indented: bool = False,
) -> ParsedPack:
    """Parse one file (the batch work): the Pack as JSON, stored in ``cache`` when given.

    A pack with pages left unread because Tesseract was missing is not stored: once the
    engine is installed, the next run reads them.
    """
    # imported here, in the worker: a run answered from the cache never loads the parsers
    from .pipeline import parse

    pack = parse(path, ocr)
    read_by_ocr = {page.page for page in pack.source.ocr_pages}
    unread = set(pack.source.pages_without_text) - read_by_ocr
    storing = cache is not None and not (unread and (ocr is None or ocr.mode != "never"))
    # one dump where one is read: the compact JSON is made only to be stored or where no
    # indented JSON was asked for (a long pack's dump is a few hundredths of a second)
    compact = pack.model_dump_json(by_alias=True) if storing or not indented else None
    if storing:
        cache.put(pack.source.sha256, compact)
    return ParsedPack(
        compact,
        pack.source.page_count,
        pack.source.sha256,
        pack.model_dump_json(by_alias=True, indent=2) if indented else None,
    )


def cached_parse(path: str, cache: PackCache) -> ParsedPack | None:
    """The cached result for this file's content (with this path), or None: the batch lookup.

    The stored JSON is passed through unvalidated (the cache key names the code that wrote
    it), so a run answered from the cache loads neither pydantic nor the models.
    """
    hit = cache.get_json(path)
    if hit is None:
        return None
    text, source = hit
    return ParsedPack(text, source["page_count"])


# --- the validate work ---------------------------------------------------------------


def validate_many(
    paths: Iterable[str | Path],
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    *,
    severities: Mapping[str, Severity] | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
    ordered: bool | None = None,
    on_done: Callable[[Outcome[list[Finding]]], None] | None = None,
    limits: Limits | None = None,
) -> Iterator[Outcome[list[Finding]]]:
    """:func:`councildocs.validate` over many files, as :func:`parse_many` runs parse: in
    ``jobs`` worker processes or on any ``executor``, under ``limits`` as there; an
    outcome's ``value`` is the file's findings, and a file that cannot be read has
    ``error`` instead."""
    if ordered is None:
        ordered = executor is None
    # the references are checked here, once, so a typo fails before any file is read
    from .linter import selected_rules

    selected_rules(select, ignore)
    return run_batch(
        [str(path) for path in paths],
        functools.partial(validate_file, select=select, ignore=ignore, severities=severities),
        jobs=jobs,
        ordered=ordered,
        on_done=on_done,
        executor=executor,
        limits=limits,
    )


def validate_file(
    path: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """The findings of one file (the validate batch work)."""
    from .linter import validate

    return validate(path, select, ignore, severities=severities)
