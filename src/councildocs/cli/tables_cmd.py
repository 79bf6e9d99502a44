"""councildocs tables: every table of a pack, as CSV files or JSON."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from . import main
from ._common import load_pack, write_atomically


def _safe_name(text: str) -> str:
    import regex

    slug = regex.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return slug[:60] or "document"


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
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
def tables(path: str, csv_dir: Path | None, fmt: str) -> None:
    """List the tables of a pack (PDF or text export)."""
    pack = load_pack(path)
    found = [
        (number, document, index, table)
        for number, document in enumerate(pack.documents, start=1)
        for index, table in enumerate(document.tables, start=1)
    ]
    if csv_dir is None:
        out = [
            {"document": number, "document_title": document.title, "index": index}
            | table.model_dump(mode="json")
            for number, document, index, table in found
        ]
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        return
    for number, document, index, table in found:
        name = (
            f"{number:02d}-{_safe_name(document.title or document.kind)}-p{table.page}-{index}.csv"
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        if any(table.header):
            writer.writerow(table.header)
        writer.writerows(table.rows)
        write_atomically(csv_dir / name, buffer.getvalue())
        click.echo(str(csv_dir / name))
