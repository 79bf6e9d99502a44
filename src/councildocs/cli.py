"""The councildocs command line: a thin click layer over the library.

Exit codes: 0 success, 1 findings (validate), 2 bad input or usage.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .errors import CouncilDocsError
from .models import Pack
from .output.summary import pack_tree
from .pipeline import parse as parse_pack

EXIT_INPUT_ERROR = 2


def fail(path: str, problem: str) -> None:
    """Print one line naming the file and the problem, and stop with exit code 2."""
    click.echo(f"councildocs: error: {path}: {problem}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


def load_pack(path: str) -> Pack:
    """Parse a file, turning every failure into one line on stderr and exit 2."""
    try:
        return parse_pack(path)
    except CouncilDocsError as exc:
        fail(exc.path, exc.problem)
    except Exception as exc:  # a parser bug must still not show a user a traceback
        fail(path, f"internal error while parsing ({type(exc).__name__}: {exc}); please report it")
    raise AssertionError("unreachable")


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="councildocs")
def main() -> None:
    """Turn UK council agenda packs into data, and check published packs."""


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
