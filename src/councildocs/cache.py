"""A folder of parsed packs, so re-running over an archive parses only new or changed files.

An entry is the Pack's JSON, filed under the file's sha256 inside a folder named for the
councildocs version and the schema version: a new release, or a change to the contract,
starts afresh instead of serving results an older parser produced. The path inside the
Pack is the one it was first parsed under; :meth:`PackCache.get` puts the caller's path
back, since the same bytes may live at several paths. Writes are atomic (temporary file
and rename), so parallel workers and an interrupted run never leave half an entry.

The folder name also carries a fingerprint of councildocs' own source files: between
releases (a development checkout, an editable install) the version string stays the same
while the parsers change, and a cache must not answer with an older parser's output.

Folder: ``--cache-dir``, else ``$COUNCILDOCS_CACHE_DIR``, else the platform's user cache
folder (``~/.cache/councildocs`` on Linux).
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import platformdirs
from pydantic import ValidationError

from .atomic import write_atomically
from .models import SCHEMA_VERSION, Pack

CACHE_DIR_VARIABLE = "COUNCILDOCS_CACHE_DIR"


def default_cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("councildocs"))


@functools.cache
def code_fingerprint() -> str:
    """Short hash of the package's Python sources, read once per process."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class PackCache:
    """Parsed packs keyed by file content, councildocs version and schema version."""

    def __init__(self, directory: str | Path | None = None) -> None:
        from . import __version__  # here, not at the top: the package imports this module

        self.root = Path(directory) if directory else default_cache_dir()
        self.directory = (
            self.root / f"councildocs-{__version__}-schema-{SCHEMA_VERSION}-{code_fingerprint()}"
        )

    def entry(self, sha256: str) -> Path:
        return self.directory / sha256[:2] / f"{sha256}.json"

    def get(self, path: str | Path) -> Pack | None:
        """The cached Pack for this file's bytes, carrying ``path``; None on a miss.

        A file that cannot be read is a miss, so the parser reports it in its own words.
        """
        try:
            entry = self.entry(file_sha256(path))
            text = entry.read_text(encoding="utf-8")
        except OSError:
            return None
        try:
            pack = Pack.model_validate_json(text)
        except ValidationError:
            return None  # written by a build with the same version strings but another model
        pack.source.path = str(path)
        return pack

    def put(self, sha256: str, pack_json: str) -> None:
        write_atomically(self.entry(sha256), pack_json)
