"""councildocs parse: packs to JSON (one file), JSON Lines (many), or summary trees.

One file named alone behaves as it always has: its JSON on stdout, or one error line on
stderr and exit 2. Several files (or a folder, or a glob) run as a batch: one JSON line
per pack in input order, an ``{"path": ..., "error": ...}`` line for a file that failed
(and its one-line error on stderr), progress and a summary on stderr, exit 1 if any failed.
"""

from __future__ import annotations

import functools
import io
import json
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from ..atomic import check_replaceable, open_atomically
from ..batch import Outcome, ParsedPack, run_batch
from ..errors import CouncilDocsError
from ..inputs import STDIN, is_saved
from ..ocr_settings import OcrSettings
from ..output.indent import indent_json
from . import main
from ._batch import (
    Progress,
    batch_options,
    exclude_option,
    input_files,
    is_single_file,
    limits,
    open_cache,
    parse_packs,
    read_stdin,
)
from ._common import EXIT_BATCH_FAILED, fail
from ._ocr_options import ocr_options, ocr_settings


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "summary"]),
    default=None,
    help="json: the full Pack (an array for several files); jsonl: one Pack per line "
    "(default for several files); summary: a tree for reading.",
)
@ocr_options
@batch_options
@exclude_option
def parse(
    paths: tuple[str, ...],
    output: Path | None,
    fmt: str | None,
    ocr_mode: str,
    ocr_languages: str,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
    exclude: tuple[str, ...],
) -> None:
    """Parse agenda packs (PDF or text exports; files, folders, globs) into JSON."""
    if output is not None:
        try:
            check_replaceable(output)  # before parsing: a long batch must not fail at the end
        except CouncilDocsError as exc:
            fail(exc.path, exc.problem)
    cache = open_cache(cache_dir, no_cache)
    single_file = paths != (STDIN,) and is_single_file(paths)
    ocr = ocr_settings(ocr_mode, ocr_languages, single_file=single_file, jobs=jobs, quiet=quiet)
    if paths == (STDIN,):
        _parse_stdin(output, fmt or "json", ocr)
        return
    if single_file:
        _refuse_saved_output(paths)
        # the file is the run's only work: its worker is lent the cores --jobs gives (its
        # scanned pages' OCR, and a long pack's helper process; see ..parallel)
        fmt = fmt or "json"
        [outcome] = parse_packs(
            list(paths), jobs=jobs, cache=cache, progress=None, ocr=ocr, indented=fmt == "json"
        )
        if not outcome.ok:
            fail(outcome.path, outcome.error or "")
        with _destination(output) as out:
            out.write(_render(fmt, outcome) + "\n")
        return

    files = input_files(paths, exclude=exclude)
    _refuse_saved_output(files)
    fmt = fmt or "jsonl"
    with Progress(len(files), quiet=quiet) as progress, _destination(output) as out:
        separator = ",\n" if fmt == "json" else "\n"
        out.write("[\n" if fmt == "json" else "")
        first = True
        parsed = parse_packs(
            files, jobs=jobs, cache=cache, progress=progress, ocr=ocr, indented=fmt == "json"
        )
        for outcome in parsed:
            text = _render(fmt, outcome)
            if not text:
                continue
            out.write(("" if first else separator) + text)
            out.flush()
            first = False
        out.write("\n]\n" if fmt == "json" else "" if first else "\n")
    if progress.summary.failed:
        sys.exit(EXIT_BATCH_FAILED)


def _refuse_saved_output(files) -> None:
    """Saved JSON is parse's own output: reading it again as a text export is never meant."""
    for path in files:
        if is_saved(path):
            fail(
                path,
                "this is saved parse output, not a pack; read it with `councildocs validate` "
                "or `councildocs export`",
            )


def _parse_stdin(output: Path | None, fmt: str, ocr: OcrSettings) -> None:
    """``parse -``: the pack on standard input (a PDF or a text export), never cached; read
    here, once, and parsed in a worker under --timeout and --max-memory as a file is."""
    data = read_stdin()
    work = functools.partial(_parse_contents, data, ocr=ocr)
    [outcome] = run_batch([STDIN_NAME], work, jobs=1, pages=_page_count, limits=limits())
    if not outcome.ok:
        fail(STDIN_NAME, outcome.error or "")
    with _destination(output) as out:
        out.write(_render(fmt, outcome) + "\n")


STDIN_NAME = "<stdin>"


def _parse_contents(data: bytes, _name: str, ocr: OcrSettings) -> ParsedPack:
    """The batch work for contents held in memory (the worker has them from the fork)."""
    from ..api import parse as parse_contents

    pack = parse_contents(data, name=STDIN_NAME, ocr=ocr)
    return ParsedPack(pack.model_dump_json(by_alias=True), pack.source.page_count)


def _page_count(parsed: ParsedPack) -> int:
    return parsed.pages


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with open_atomically(output) as handle:
        yield handle


def _render(fmt: str, outcome: Outcome[ParsedPack]) -> str:
    """One file's output, without the separators that join several."""
    parsed = outcome.value
    if parsed is None:
        # a failure is also on stderr; in the data it is a line of its own kind
        return "" if fmt == "summary" else _error_json(outcome, indent=2 if fmt == "json" else None)
    if fmt == "jsonl":
        return parsed.json
    if fmt == "json":
        return parsed.indented or indent_json(parsed.json)  # a cached pack has only its JSON
    from rich.console import Console

    from ..models import Pack
    from ..output.summary import pack_tree

    pack = Pack.model_validate_json(parsed.json)

    # long titles wrap under their branch rather than being cut at the edge
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    console = Console(file=io.StringIO(), width=width)
    console.print(pack_tree(pack))
    return console.file.getvalue().rstrip("\n")


def _error_json(outcome: Outcome[Any], indent: int | None = None) -> str:
    return json.dumps({"path": outcome.path, "error": outcome.error}, indent=indent)
