"""What commands over many files share: their options, the inputs, the cache, the progress.

``parse`` and ``export`` use these; ``validate`` can too: decorate the command with
``@batch_options``, expand its arguments with :func:`input_files`, and pass
:class:`Progress.done` as ``on_done`` to :func:`councildocs.batch.run_batch`.

Progress goes to stderr, never stdout (which carries the data): a rich bar with the file
just finished, pages per second and an ETA when stderr is a terminal; one plain line per
file otherwise (CI logs); nothing but errors with ``--quiet``. Errors always print, as one
line naming the file.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..batch import Outcome, ParsedPack, Summary, parse_many
from ..cache import PackCache
from ..errors import CouncilDocsError
from ..inputs import configured_exclude, expand_paths, read_pipe
from ..ocr_settings import OcrSettings
from ..output.escaping import for_terminal
from ..output.wording import count
from ..workers import DEFAULT_TIMEOUT, Limits, default_limits, parse_size
from . import _common

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

PARSEABLE_SUFFIXES = (".pdf", ".txt")


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--jobs, --cache-dir, --no-cache, --quiet, --timeout and --max-memory, read the same by
    every batch command.

    The two limits are not passed to the command: they are kept on the click context, and
    :func:`parse_packs`, which every command parses through, reads them there.
    """
    options = [
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            help="Worker processes, one file each (default: the number of cores). One file "
            "alone: the cores it may use, for its OCR's Tesseract processes and, for a long "
            "pack, a helper process where a second core is idle (--jobs 1: none).",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Folder of cached results (default: $COUNCILDOCS_CACHE_DIR, else the "
            "user cache folder, e.g. ~/.cache/councildocs).",
        ),
        click.option("--no-cache", is_flag=True, help="Parse every file afresh; store nothing."),
        click.option(
            "-q", "--quiet", is_flag=True, help="No progress and no summary; errors only."
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            metavar="SECONDS",
            default=DEFAULT_TIMEOUT,
            show_default=True,
            expose_value=False,
            callback=_keep_limit,
            help="Seconds one file may take; a file past it fails with one line and the "
            "others go on.",
        ),
        click.option(
            "--max-memory",
            metavar="SIZE",
            default=None,
            expose_value=False,
            callback=_keep_limit,
            help="Memory (address space) one file's worker may use, e.g. 2G or 800M "
            "(default: 4 GiB, or half the machine's memory where that is less); a file "
            "past it fails with one line and the others go on.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


_LIMITS = "councildocs.limits"


def _keep_limit(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    limits = ctx.meta.get(_LIMITS, default_limits())
    if param.name == "timeout":
        limits = replace(limits, timeout=value)
    elif value is not None:
        try:
            limits = replace(limits, memory=parse_size(value))
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    ctx.meta[_LIMITS] = limits


def limits() -> Limits:
    """The --timeout and --max-memory of the command running (the defaults outside one)."""
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_LIMITS, default_limits()) if ctx else default_limits()


def exclude_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--exclude, read the same by every command that walks folders."""
    return click.option(
        "--exclude",
        "exclude",
        multiple=True,
        metavar="GLOB",
        help="Leave out paths matching this .gitignore-style pattern when walking folders "
        "and globs (repeatable; added to the settings' exclude).",
    )(command)


def input_files(
    arguments: tuple[str, ...],
    suffixes: tuple[str, ...] = PARSEABLE_SUFFIXES,
    exclude: tuple[str, ...] = (),
) -> list[str]:
    """The files named by files, folders and globs; exit 2 when they name none at all.

    Folders are walked skipping hidden and ``.gitignore``d paths, and ``exclude`` patterns
    (with the settings file's) leave out more; see :mod:`councildocs.inputs`.
    """
    from ..config_file import ConfigError

    try:
        patterns = configured_exclude(exclude)
    except ConfigError as exc:
        _common.fail("config", str(exc))
    try:
        files = expand_paths(list(arguments), suffixes, patterns)
    except CouncilDocsError as exc:  # a web address that could not be downloaded
        _common.fail(exc.path, exc.problem)
    if not files:
        wanted = " or ".join(suffixes)
        _common.fail(" ".join(arguments), f"no {wanted} files found")
    return files


def read_stdin() -> bytes:
    """Standard input's bytes, for the argument ``-``; exit 2 when nothing was piped in."""
    if sys.stdin.isatty():
        _common.fail("-", "nothing on standard input (pipe a PDF or a text export into it)")
    try:
        return read_pipe(sys.stdin.buffer, "-")
    except CouncilDocsError as exc:
        _common.fail(exc.path, exc.problem)
    raise AssertionError("unreachable")


def is_single_file(arguments: tuple[str, ...]) -> bool:
    """One argument naming one file (not a folder or a glob): the one-file behaviour."""
    return (
        len(arguments) == 1 and not Path(arguments[0]).is_dir() and not glob.has_magic(arguments[0])
    )


def open_cache(cache_dir: Path | None, no_cache: bool) -> PackCache | None:
    if no_cache:
        return None
    cache = PackCache(cache_dir)
    cache.check_writable()  # here, once: workers given an unwritable one would each warn
    return cache


def parse_packs(
    files: list[str],
    *,
    jobs: int | None,
    cache: PackCache | None,
    progress: Progress | None,
    ocr: OcrSettings | None = None,
    indented: bool = False,
) -> Iterator[Outcome[ParsedPack]]:
    """Outcomes of parsing ``files`` (values: :class:`ParsedPack`), in input order, each
    file in a worker process under the command's --timeout and --max-memory; ``indented``
    as :func:`~councildocs.batch.parse_many` has it."""
    on_done = progress.done if progress else None
    return parse_many(
        files,
        jobs=jobs,
        cache=cache,
        on_done=on_done,
        ocr=ocr,
        limits=limits(),
        indented=indented,
    )


class Progress:
    """Per-file progress and the closing summary on stderr; use as a context manager."""

    def __init__(self, total: int, *, quiet: bool, verb: str = "parsed") -> None:
        self.total = total
        self.quiet = quiet
        self.verb = verb
        self.summary = Summary()
        self._stream = sys.stderr  # looked up now: click's test runner swaps sys.stderr
        self._bar: RichProgress | None = None
        if not quiet and self._stream.isatty():
            # rich's bar is loaded only for a terminal: CI logs and pipes never need it
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description}", style="cyan"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} pages/s"),
                TimeRemainingColumn(),
                console=Console(file=self._stream),
                # rich would otherwise swap sys.stdout for its console while the bar runs,
                # so `parse packs/ > packs.jsonl` put the data on the terminal; stderr it
                # may take, since its console writes there anyway (above the bar)
                redirect_stdout=False,
            )
            self._task = self._bar.add_task(verb, total=total, rate="-")

    def __enter__(self) -> Progress:
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar:
            self._bar.stop()
        if not self.quiet and exc_info[0] is None:
            print(self.summary.line(self.verb), file=self._stream, flush=True)

    def skip(self, where: str, note: str) -> None:
        """An input left out on purpose: a note on stderr (even with --quiet: data is missing)."""
        self.summary.skipped += 1
        line = f"councildocs: note: {for_terminal(where)}: {for_terminal(note)}"
        if self._bar:
            self._bar.console.print(line, markup=False, highlight=False)
            self._bar.update(self._task, advance=1)
        else:
            print(line, file=self._stream, flush=True)

    def done(self, outcome: Outcome[Any]) -> None:
        self.summary.add(outcome)
        shown = for_terminal(outcome.path)
        error = (
            f"councildocs: error: {shown}: {for_terminal(outcome.error or '')}"
            if not outcome.ok
            else None
        )
        if self._bar:
            if error:
                self._bar.console.print(error, markup=False, highlight=False)
            rate = self.summary.pages / self.summary.seconds if self.summary.seconds else 0
            from rich.markup import escape  # the description column reads markup

            name = escape(for_terminal(Path(outcome.path).name)[:40])
            self._bar.update(self._task, advance=1, description=name, rate=f"{rate:.0f}")
        elif error:
            print(error, file=self._stream, flush=True)
        elif not self.quiet:
            cached = ", cached" if outcome.from_cache else ""
            pages = count(outcome.pages, "page")
            line = f"ok {shown} ({pages}, {outcome.seconds:.2f} s{cached})"
            print(line, file=self._stream, flush=True)
