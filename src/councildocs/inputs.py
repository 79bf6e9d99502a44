"""Turning command-line arguments (files, folders, globs) into the list of files to read."""

from __future__ import annotations

import glob
from pathlib import Path

READABLE_SUFFIXES = (".pdf", ".txt", ".json")


def expand_paths(arguments: list[str], suffixes: tuple[str, ...] = READABLE_SUFFIXES) -> list[str]:
    """Files as given; folders searched recursively for ``suffixes``; globs expanded.

    A named file that does not exist is passed through, so the reader reports it as missing
    rather than it vanishing silently from a batch.
    """
    found: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in suffixes
            )
        elif glob.has_magic(argument):
            found.extend(sorted(glob.glob(argument, recursive=True)))
        else:
            found.append(argument)
    seen: set[str] = set()
    return [p for p in found if not (p in seen or seen.add(p))]
