"""A folder of parsed packs, so re-running over an archive parses only new or changed files.

An entry is the Pack's JSON, filed under the file's sha256 inside a folder named for the
councildocs version and the schema version: a new release, or a change to the contract,
starts afresh instead of serving results an older parser produced. The path inside the
Pack is the one it was first parsed under; a hit puts the caller's path back, since the
same bytes may live at several paths. Writes are atomic (temporary file
and rename), so parallel workers and an interrupted run never leave half an entry.

The folder name also carries a fingerprint of councildocs' own source files: between
releases (a development checkout, an editable install) the version string stays the same
while the parsers change, and a cache must not answer with an older parser's output.

The key is the file's sha256 and the reader its bytes and name choose (``pdf`` or
``text``: a ``.txt`` quoting ``%PDF-`` is text, the same bytes named ``.pdf`` a PDF), so
the same content read another way is another entry. Each entry opens with a line holding
the sha256 of the JSON after it: a damaged entry (a disk error, a crash mid-copy, an
edit) fails the check, is a miss, and is parsed and stored afresh.

An unwritable or full cache folder costs nothing but the caching: the first write that
fails logs one warning (``councildocs.cache``), and the parse result stands.

Because the key names the code that wrote an entry, a hit needs no validation:
:meth:`PackCache.get_json` hands back the stored JSON with only ``source.path`` rewritten
in place (every other byte as the parser's JSON had it), without loading pydantic or the
models. :meth:`PackCache.get` is the same as a validated :class:`~councildocs.models.Pack`.

Folder: ``--cache-dir``, else ``$COUNCILDOCS_CACHE_DIR``, else the platform's user cache
folder (``~/.cache/councildocs`` on Linux).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_atomically
from .contract import SCHEMA_VERSION
from .errors import UnreadableInput, UnwritableOutput
from .inputs import check_regular_file, looks_like_pdf

if TYPE_CHECKING:
    from .models import Pack

CACHE_DIR_VARIABLE = "COUNCILDOCS_CACHE_DIR"


def default_cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    import platformdirs  # only when no folder is given: the platform's own cache folder

    return Path(platformdirs.user_cache_dir("councildocs"))


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
    return file_key(path)[0]


def file_key(path: str | Path) -> tuple[str, str]:
    """The file's sha256 and the reader that reads it (``pdf`` or ``text``), in one pass."""
    digest = hashlib.sha256()
    head = b""
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            head = head or block
            digest.update(block)
    return digest.hexdigest(), reader_of(head, str(path))


def reader_of(data: bytes, name: str) -> str:
    """Which reader :func:`councildocs.extract.load` gives these bytes under this name."""
    return "pdf" if looks_like_pdf(data, name) else "text"


#: an entry's first line: the checksum of the JSON that follows it
_CHECKSUM_LINE = re.compile(r"sha256=([0-9a-f]{64})\n")

_log = logging.getLogger(__name__)


class PackCache:
    """Parsed packs keyed by file content, councildocs version and schema version."""

    def __init__(self, directory: str | Path | None = None, variant: str = "") -> None:
        from . import __version__  # here, not at the top: the package imports this module

        self.root = Path(directory) if directory else default_cache_dir()
        self.directory = (
            self.root / f"councildocs-{__version__}-schema-{SCHEMA_VERSION}-{code_fingerprint()}"
        )
        # settings that change the result for the same bytes (OCR's mode and languages)
        self.variant = variant
        # once a write has failed, no more are tried (and the warning is not repeated)
        self.read_only = False

    def with_variant(self, variant: str) -> PackCache:
        """The same folder, with entries for results parsed under other settings."""
        other = PackCache(self.root, variant)
        other.read_only = self.read_only
        return other

    def entry(self, sha256: str, reader: str) -> Path:
        suffix = f"-{self.variant}" if self.variant else ""
        return self.directory / sha256[:2] / f"{sha256}-{reader}{suffix}.json"

    def check_writable(self) -> bool:
        """Whether entries can be written here; if not, warn once and write none (a batch
        asks before it starts workers, so that they do not each warn)."""
        probe = self.directory / ".writable"
        try:
            write_atomically(probe, "")
            probe.unlink()
        except (UnwritableOutput, OSError) as exc:
            self._stop_writing(exc)
        return not self.read_only

    def get_json(self, path: str | Path) -> tuple[str, dict[str, Any]] | None:
        """The cached Pack JSON for this file's bytes, carrying ``path``, and its ``source``.

        None on a miss. A file that cannot be read is a miss, so the parser reports it in
        its own words; so is an entry that is not a Pack's JSON.
        """
        try:
            check_regular_file(path)  # a FIFO or device is never hashed: it would hang
            entry = self.entry(*file_key(path))
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnreadableInput, UnicodeDecodeError):
            return None
        checksum = _CHECKSUM_LINE.match(text)
        if checksum is None:
            return None
        pack_json = text[checksum.end() :]
        if hashlib.sha256(pack_json.encode()).hexdigest() != checksum.group(1):
            return None  # damaged: parsed again, and the entry replaced
        try:
            return with_source_path(pack_json, str(path))
        except (ValueError, IndexError, TypeError):
            return None

    def get(self, path: str | Path) -> Pack | None:
        """The cached Pack for this file's bytes, carrying ``path``; None on a miss."""
        from pydantic import ValidationError

        from .models import Pack

        hit = self.get_json(path)
        if hit is None:
            return None
        try:
            return Pack.model_validate_json(hit[0])
        except ValidationError:
            return None  # not a Pack this build can read

    def put(self, sha256: str, pack_json: str) -> None:
        """Store a Pack's JSON for the file of this sha256 (its reader read from the JSON's
        ``source.format``). A write that fails warns once and is not retried."""
        if self.read_only:
            return
        try:
            source, _start, _end = _member(pack_json, 0, "source")
            reader = source["format"]
        except (ValueError, IndexError, TypeError, KeyError):
            return  # not a Pack's JSON: nothing a lookup could find
        checksum = hashlib.sha256(pack_json.encode()).hexdigest()
        try:
            write_atomically(self.entry(sha256, reader), f"sha256={checksum}\n{pack_json}")
        except (UnwritableOutput, OSError) as exc:
            self._stop_writing(exc)

    def _stop_writing(self, exc: Exception) -> None:
        if not self.read_only:
            problem = exc.problem if isinstance(exc, UnwritableOutput) else exc.strerror
            _log.warning(
                "cannot write to the cache folder %s (%s); results are not cached",
                self.root,
                problem,
            )
        self.read_only = True


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def with_source_path(pack_json: str, path: str) -> tuple[str, dict[str, Any]]:
    """``pack_json`` with ``source.path`` set to ``path``, and the new ``source`` object.

    Only the characters of the old path's string change: every other byte stays as the
    parser's JSON had it (no re-encoding of numbers or text). The new path is written as
    pydantic writes a string (``json.dumps`` without ASCII escapes produces the same
    bytes). ValueError if the text is not a Pack's JSON object with a source path.
    """
    source, start, _end = _member(pack_json, 0, "source")
    _path, value_start, value_end = _member(pack_json, start, "path")
    if not isinstance(source, dict) or not isinstance(source.get("page_count"), int):
        raise ValueError("no source.page_count")
    encoded = json.dumps(path, ensure_ascii=False)
    source["path"] = path
    return pack_json[:value_start] + encoded + pack_json[value_end:], source


def _member(text: str, position: int, name: str) -> tuple[Any, int, int]:
    """(value, start, end) of member ``name`` of the JSON object at ``position``."""
    for key, value, start, end in _members(text, position):
        if key == name:
            return value, start, end
    raise ValueError(f"no member {name!r}")


def _members(text: str, position: int) -> Iterator[tuple[str, Any, int, int]]:
    """(key, value, value start, value end) of each member of the JSON object at ``position``.

    Each value is decoded on its own, so finding a member near the front of a large object
    (the Pack's ``source`` is its third) never decodes the members after it.
    """
    position = _SPACE.match(text, position).end()
    if text[position] != "{":
        raise ValueError("not a JSON object")
    position = _SPACE.match(text, position + 1).end()
    if text[position] == "}":
        return
    while True:
        key, position = _DECODER.raw_decode(text, position)
        if not isinstance(key, str):
            raise ValueError("not a JSON object")
        position = _SPACE.match(text, position).end()
        if text[position] != ":":
            raise ValueError("not a JSON object")
        start = _SPACE.match(text, position + 1).end()
        value, end = _DECODER.raw_decode(text, start)
        yield key, value, start, end
        position = _SPACE.match(text, end).end()
        if text[position] == "}":
            return
        if text[position] != ",":
            raise ValueError("not a JSON object")
        position = _SPACE.match(text, position + 1).end()
