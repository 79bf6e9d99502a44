"""Turning command-line arguments (files, folders, globs) into the list of files to read."""

from __future__ import annotations

import atexit
import glob
import re
import shutil
import tempfile
from pathlib import Path

READABLE_SUFFIXES = (".pdf", ".txt", ".json")


def expand_paths(arguments: list[str], suffixes: tuple[str, ...] = READABLE_SUFFIXES) -> list[str]:
    """Files as given; folders searched recursively for ``suffixes``; globs expanded.

    A named file that does not exist is passed through, so the reader reports it as missing
    rather than it vanishing silently from a batch. A web address (``https://...``) is
    downloaded first (:func:`download_to_temporary`).
    """
    found: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if is_web_address(argument):
            found.append(download_to_temporary(argument))
        elif path.is_dir():
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


def is_web_address(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def download_to_temporary(url: str) -> str:
    """The document at ``url`` in a temporary folder that is removed when the process ends,
    named for the address and ending .pdf or .txt as its content is. Raises
    :class:`~councildocs.moderngov.errors.ModernGovError` (one line: the address, the
    problem) for an error page, a timeout or a broken download."""
    from .moderngov.http import PoliteClient  # httpx, only when there is an address

    folder = Path(tempfile.mkdtemp(prefix="councildocs-download-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    name = re.sub(r"[^A-Za-z0-9.=_-]+", "_", url.split("://", 1)[1].split("/", 1)[-1])[-80:]
    with PoliteClient(min_interval=0) as client:
        download = client.download(url, folder / f"{name}.download")
    with open(download.path, "rb") as handle:
        is_pdf = b"%PDF-" in handle.read(1024)
    return str(download.path.rename(download.path.with_suffix(".pdf" if is_pdf else ".txt")))
