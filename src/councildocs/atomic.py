"""Writing a file so that a reader never sees half of it: a temporary file, then a rename.

The rename replaces whatever the path names, so only a regular file (or nothing) may be
there: a symlink, a FIFO or a device (as root, ``/dev/null``) is refused, not replaced.
Every failure is an :class:`~councildocs.errors.UnwritableOutput` naming the path, and
no temporary file is left beside it.
"""

from __future__ import annotations

import errno
import os
import stat
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


#: what writing a file's bytes can fail with; other errors in the block are the caller's
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


def check_replaceable(path: str | Path) -> None:
    """:class:`UnwritableOutput` unless ``path`` is a regular file or does not exist yet."""
    from .errors import UnwritableOutput

    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnwritableOutput(str(path), f"cannot write here ({exc.strerror})") from None
    if stat.S_ISLNK(status.st_mode):
        raise UnwritableOutput(
            str(path), "is a symlink; give the path of a regular file (it would be replaced)"
        )
    if stat.S_ISDIR(status.st_mode):
        raise UnwritableOutput(str(path), "is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        from .inputs import describe_file_type

        kind = describe_file_type(status)
        raise UnwritableOutput(str(path), f"is {kind}, not a regular file; refusing to replace it")


@contextmanager
def _replacing(path: str | Path, mode: str) -> Iterator:
    from .errors import UnwritableOutput

    path = Path(path)
    check_replaceable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except (FileExistsError, NotADirectoryError):
        raise UnwritableOutput(
            str(path), "cannot write here (a folder in the path is a file)"
        ) from None
    except OSError as exc:
        raise UnwritableOutput(str(path), f"cannot write here ({exc.strerror})") from None
    try:
        # mkstemp makes the file private (0600); the result should have the usual permissions
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.errno in _WRITE_ERRNOS or exc.filename in (tmp, str(path)):
            raise UnwritableOutput(str(path), f"cannot write the file ({exc.strerror})") from None
        raise
    except BaseException:  # an interrupted run too: no half-written file stays behind
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: str | Path, text: str) -> None:
    with open_atomically(path) as handle:
        handle.write(text)
