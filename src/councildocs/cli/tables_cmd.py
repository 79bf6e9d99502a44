"""councildocs tables: every table of the packs named, as CSV files or JSON."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..batch import failure_reason
from ..inputs import STDIN
from ..output.escaping import for_csv_cell, for_terminal
from . import main
from ._batch import exclude_option, input_files, is_single_file, read_stdin
from ._common import EXIT_BATCH_FAILED, fail, report_error, write_atomically

if TYPE_CHECKING:
    from ..api import PackTable


def _safe_name(text: str) -> str:
    import regex

    slug = regex.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return slug[:60] or "document"


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one CSV per table into this folder (header row first).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="What to print when --csv is not given.",
)
@exclude_option
def tables(
    paths: tuple[str, ...], csv_dir: Path | None, fmt: str, exclude: tuple[str, ...]
) -> None:
    """List the tables of packs (PDFs, text exports or saved .json; files, folders, globs).

    JSON: one array of every table, each with its file, document number (1 for the
    first, as validate numbers documents) and index within the document.
    """
    from ..api import tables as tables_of
    from ..errors import CouncilDocsError

    single = is_single_file(paths)
    files = list(paths) if single else input_files(paths, exclude=exclude)
    found: list[PackTable] = []
    failed = 0
    for path in files:
        try:
            found += tables_of(read_stdin() if path == STDIN else path)
        except CouncilDocsError as exc:
            if single:
                fail(exc.path, exc.problem)
            report_error(exc.path, exc.problem)
            failed += 1
        except Exception as exc:  # a parser bug must still not show a user a traceback
            if single:
                fail(path, failure_reason(exc))
            report_error(path, failure_reason(exc))
            failed += 1
    if csv_dir is None:
        out = [entry.as_json() for entry in found]
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    else:
        for entry in found:
            name = _csv_name(entry, prefix_file=len(files) > 1)
            write_atomically(csv_dir / name, _csv(entry))
            click.echo(for_terminal(str(csv_dir / name)))
    if failed:
        sys.exit(EXIT_BATCH_FAILED)


def _csv_name(entry: PackTable, *, prefix_file: bool) -> str:
    """``03-work-programme-p9-1.csv``; from several files, led by the file's name."""
    title = _safe_name(entry.document_title or entry.document_kind)
    name = f"{entry.document:02d}-{title}-p{entry.table.page}-{entry.index}.csv"
    return f"{_safe_name(Path(entry.path).stem)}-{name}" if prefix_file else name


def _csv(entry: PackTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if any(entry.table.header):
        writer.writerow(map(for_csv_cell, entry.table.header))
    writer.writerows(map(for_csv_cell, row) for row in entry.table.rows)
    return buffer.getvalue()
