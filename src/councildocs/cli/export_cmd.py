"""councildocs export: packs into a normalised SQLite database, ready for Datasette.

Inputs are PDFs and text exports (parsed in worker processes, with the cache) and saved
``parse`` output (``.json``: one Pack or an array; ``.jsonl``: one Pack per line), all in
the order named. Each pack is written in one transaction with the findings of the rules
validate would run on its file (``--select``/``--ignore``/``--preview`` over the config
file's settings, its per-file-ignores included), replacing any earlier export of the same
file. An error record ``parse`` wrote in a saved file is skipped with a note on stderr.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..batch import Outcome
from ..cache import PackCache
from ..errors import CouncilDocsError
from ..ocr_settings import OcrSettings
from . import main
from ._batch import (
    Progress,
    batch_options,
    exclude_option,
    input_files,
    open_cache,
    parse_packs,
)
from ._common import EXIT_BATCH_FAILED, EXIT_INPUT_ERROR, fail, report_error
from ._ocr_options import ocr_options, ocr_settings
from ._rule_options import preview_option, rule_options, rule_settings

if TYPE_CHECKING:
    from ..models import Pack


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--sqlite",
    "database",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The database to create or update; a pack already in it is replaced.",
)
@click.option(
    "--no-findings", is_flag=True, help="Do not run the rules; leave the findings table empty."
)
@click.option(
    "--datasette-metadata",
    "metadata_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write Datasette metadata (descriptions, labels, facets, canned queries) "
    "here: datasette DB --metadata FILE.",
)
@rule_options
@preview_option
@ocr_options
@batch_options
@exclude_option
def export(
    paths: tuple[str, ...],
    database: Path,
    no_findings: bool,
    metadata_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    preview: bool | None,
    ocr_mode: str,
    ocr_languages: str,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
    exclude: tuple[str, ...],
) -> None:
    """Write packs and their findings into a SQLite database for Datasette.

    Each pack is one transaction and replaces an earlier export of the same file. PATHS are PDFs and text exports (files, folders, globs), or saved parse output named
    as files: .json (one Pack, or an array of them) and .jsonl (one Pack per line).
    """
    # imported when the command runs, so no other command's start-up pays for them
    from ..api import export_sqlite

    settings = rule_settings(config_path, select, ignore, preview=preview)
    _check_database_path(database)
    # folders give PDFs and text exports only: a folder of packs may hold other JSON
    files = input_files(paths, exclude=exclude)
    cache = open_cache(cache_dir, no_cache)
    ocr = ocr_settings(ocr_mode, ocr_languages, single_file=False, jobs=jobs, quiet=quiet)
    rules_failed: list[str] = []

    def rules_error(pack: Pack, exc: Exception) -> None:
        # a rule bug must not cost the pack its rows: it is exported without findings
        rules_failed.append(pack.source.path)
        report_error(
            pack.source.path,
            f"internal error in the rules ({type(exc).__name__}: {exc}); "
            "exported without findings; please report it",
        )

    with Progress(_expected_packs(files), quiet=quiet, verb="exported") as progress:
        try:
            export_sqlite(
                database,
                _packs(files, jobs=jobs, cache=cache, progress=progress, ocr=ocr),
                findings=not no_findings,
                # the settings' whole selection (extend-select, extend-ignore, preview),
                # less what their per-file-ignores take away from each pack's file
                rules_for=settings.rules,
                severities=settings.severity,
                on_rules_error=rules_error,
            )
        except sqlite3.DatabaseError as exc:  # not a database, locked, read-only, full
            fail(str(database), f"cannot write the database ({exc})")
        except CouncilDocsError as exc:
            fail(exc.path, exc.problem)
    if metadata_path is not None:
        import json

        from ..atomic import write_atomically
        from ..output.sqlite import datasette_metadata

        metadata = datasette_metadata(database.stem)
        write_atomically(metadata_path, json.dumps(metadata, indent=2) + "\n")
    if progress.summary.failed:  # an input that could not be read, as validate says it
        sys.exit(EXIT_INPUT_ERROR)
    if rules_failed:
        sys.exit(EXIT_BATCH_FAILED)


def _check_database_path(database: Path) -> None:
    """Refuse, before any parsing, a database path that cannot be one."""
    folder = database.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        fail(str(database), f"cannot create the database: the folder {folder} {what}")
    if database.is_symlink() or (database.exists() and not database.is_file()):
        fail(str(database), "is not a regular file; give the path of a database file")


def _packs(
    files: list[str],
    *,
    jobs: int | None,
    cache: PackCache | None,
    progress: Progress,
    ocr: OcrSettings,
) -> Iterator[Pack]:
    """Every pack the files hold, in the order named; failures reported as they come."""
    from ..models import Pack
    from ..output.sqlite import check_storable
    from ..saved import is_saved, read_saved

    def storable(pack: Pack) -> bool:
        """Whether the pack can be written; if not it is this run's one failed line."""
        try:
            check_storable(pack)
        except CouncilDocsError as exc:
            progress.done(Outcome(exc.path, error=exc.problem))
            return False
        return True

    to_parse = [f for f in files if not is_saved(f)]
    parsed = parse_packs(to_parse, jobs=jobs, cache=cache, progress=progress, ocr=ocr)
    for path in files:
        if not is_saved(path):
            outcome = next(parsed)  # in input order, so the next one is this file's
            if outcome.value is not None:
                yield Pack.model_validate_json(outcome.value.json)
            continue
        try:
            for entry in read_saved(path):
                if isinstance(entry, Pack):
                    if not storable(entry):
                        continue
                    progress.done(
                        Outcome(entry.source.path, value=entry, pages=entry.source.page_count)
                    )
                    yield entry
                elif entry.from_parse:
                    progress.skip(
                        entry.where,
                        f"skipped {entry.path}, which parse could not read ({entry.problem})",
                    )
                else:
                    progress.done(Outcome(entry.where, error=entry.problem))
        except CouncilDocsError as exc:
            progress.done(Outcome(exc.path, error=exc.problem))


def _expected_packs(files: list[str]) -> int:
    """How many packs the files hold, for the progress bar: a line of JSON Lines is one."""
    total = 0
    for path in files:
        if not path.lower().endswith(".jsonl"):
            total += 1
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                total += sum(1 for line in handle if line.strip())
        except (OSError, UnicodeDecodeError):
            total += 1  # reported when it is read
    return total
