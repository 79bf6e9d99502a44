"""What every command shares: one-line errors with exit code 2, atomic writes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..atomic import write_atomically
from ..batch import failure_reason
from ..errors import CouncilDocsError
from ..output.escaping import for_terminal

if TYPE_CHECKING:
    from ..models import Pack

__all__ = [
    "EXIT_BATCH_FAILED",
    "EXIT_FINDINGS",
    "EXIT_INPUT_ERROR",
    "fail",
    "load_pack",
    "write_atomically",
]

# Exit codes, as ruff's: 1 findings (validate) or a file that failed in a batch (parse,
# export); 2 bad usage or an input that could not be read.
EXIT_FINDINGS = 1
EXIT_BATCH_FAILED = 1
EXIT_INPUT_ERROR = 2


def report_error(path: str, problem: str) -> None:
    """Print one line naming the file and the problem, on stderr, and carry on."""
    click.echo(f"councildocs: error: {for_terminal(path)}: {for_terminal(problem)}", err=True)


def fail(path: str, problem: str) -> None:
    """Print one line naming the file and the problem, and stop with exit code 2."""
    report_error(path, problem)
    sys.exit(EXIT_INPUT_ERROR)


def load_pack(path: str) -> Pack:
    """Parse a file, turning every failure into one line on stderr and exit 2."""
    from ..pipeline import parse as parse_pack  # the parsers load only for a command that parses

    try:
        return parse_pack(path)
    except CouncilDocsError as exc:
        fail(exc.path, exc.problem)
    except Exception as exc:  # a parser bug must still not show a user a traceback
        fail(path, failure_reason(exc))
    raise AssertionError("unreachable")
