"""Writing a file so that a reader never sees half of it: a temporary file, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO


@contextmanager
def open_atomically(path: str | Path) -> Iterator[TextIO]:
    """A text handle whose content replaces ``path`` only when the block ends without error."""
    with _replacing(path, "w") as handle:
        yield handle


@contextmanager
def open_binary_atomically(path: str | Path) -> Iterator[BinaryIO]:
    """As :func:`open_atomically`, for bytes (a download)."""
    with _replacing(path, "wb") as handle:
        yield handle


@contextmanager
def _replacing(path: str | Path, mode: str) -> Iterator:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    # mkstemp makes the file private (0600); the result should have the usual permissions
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: str | Path, text: str) -> None:
    with open_atomically(path) as handle:
        handle.write(text)
