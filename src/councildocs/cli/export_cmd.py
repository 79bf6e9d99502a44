"""councildocs export: packs into a normalised SQLite database, ready for Datasette."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..models import Pack
from ..output import sqlite
from . import main
from ._batch import Progress, batch_options, input_files, open_cache, parse_packs

EXIT_BATCH_FAILED = 1


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--sqlite",
    "database",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The database to create or update; a pack already in it is replaced.",
)
@batch_options
def export(
    paths: tuple[str, ...],
    database: Path,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Parse packs (files, folders, globs) into a SQLite database, one transaction per pack."""
    files = input_files(paths)
    cache = open_cache(cache_dir, no_cache)
    connection = sqlite.connect(database)
    try:
        with Progress(len(files), quiet=quiet, verb="exported") as progress:
            for outcome in parse_packs(files, jobs=jobs, cache=cache, progress=progress):
                if outcome.value is not None:
                    pack = Pack.model_validate_json(outcome.value.json)
                    sqlite.write_pack(connection, pack, councildocs_version=__version__)
    finally:
        connection.close()
    if progress.summary.failed:
        sys.exit(EXIT_BATCH_FAILED)
