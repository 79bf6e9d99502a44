"""councildocs parse: a pack to JSON, or to a summary tree for reading."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from ..output.summary import pack_tree
from . import main
from ._common import load_pack, write_atomically


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write JSON to this file (atomically) instead of stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "summary"]),
    default="json",
    show_default=True,
    help="json: the full Pack; summary: a tree for reading.",
)
def parse(path: str, output: Path | None, fmt: str) -> None:
    """Parse an agenda pack (PDF or text export) into JSON."""
    pack = load_pack(path)
    if fmt == "summary":
        Console(file=sys.stdout, soft_wrap=True).print(pack_tree(pack))
        return
    text = pack.model_dump_json(indent=2, by_alias=True) + "\n"
    if output:
        write_atomically(output, text)
    else:
        sys.stdout.write(text)
