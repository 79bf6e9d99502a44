"""What every command shares: one-line errors with exit code 2, atomic writes."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from ..errors import CouncilDocsError
from ..models import Pack
from ..pipeline import parse as parse_pack

EXIT_INPUT_ERROR = 2


def report_error(path: str, problem: str) -> None:
    """Print one line naming the file and the problem, on stderr, and carry on."""
    click.echo(f"councildocs: error: {path}: {problem}", err=True)


def fail(path: str, problem: str) -> None:
    """Print one line naming the file and the problem, and stop with exit code 2."""
    report_error(path, problem)
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
