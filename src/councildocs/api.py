"""The library behind the commands: each command calls one of these, and so can a script.

``parse`` (one file, or a PDF or text export held in memory), ``tables`` (the tables of a
pack, numbered as every output numbers them) and ``export_sqlite`` (packs and their
findings into a database). ``parse_many`` (many files in worker processes, with the
cache) lives in :mod:`councildocs.batch`; ``validate`` in :mod:`councildocs.linter`.
Everything heavy is imported on use, so ``import councildocs`` stays light.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .contract import Severity
    from .models import Pack, Table
    from .ocr_settings import OcrSettings
    from .rules import Rule

#: what ``parse`` and ``tables`` accept: a path, or the file's bytes, or a binary file object
Input = str | Path | bytes | bytearray | memoryview | IO[bytes]

#: the name a pack read from memory is given when the caller names none
IN_MEMORY_NAME = "<bytes>"


def parse(source: Input, *, name: str | None = None, ocr: OcrSettings | None = None) -> Pack:
    """Parse an agenda pack (PDF or text export) into a :class:`~councildocs.models.Pack`.

    ``source`` is a path, or the file's contents as bytes or a binary file object (a
    scraper's download need not touch the disk). ``name`` becomes ``pack.source.path`` for
    contents in memory (default: the file object's ``name``, else ``"<bytes>"``); a name
    ending ``.pdf`` insists on a PDF, as a path would. ``ocr``
    (:class:`~councildocs.ocr_settings.OcrSettings`) says which PDF pages to read by OCR
    (default: those with no text layer, when Tesseract is installed). Raises
    :class:`~councildocs.errors.CouncilDocsError` for contents that cannot be read.
    """
    from .pipeline import parse as parse_path

    if isinstance(source, str | Path):
        return parse_path(source, ocr)
    data, name = _contents(source, name)
    # the readers take a path (the PDF library and the helper process open the file
    # themselves), so the contents go to a private temporary file named for their kind
    suffix = Path(name).suffix.lower()
    if suffix not in (".pdf", ".txt"):
        from .inputs import looks_like_pdf

        suffix = ".pdf" if looks_like_pdf(data) else ".txt"
    with tempfile.TemporaryDirectory(prefix="councildocs-") as folder:
        held = Path(folder) / f"input{suffix}"
        held.write_bytes(data)
        try:
            pack = parse_path(held, ocr)
        except Exception as exc:
            from .errors import CouncilDocsError

            if isinstance(exc, CouncilDocsError):
                raise type(exc)(name, exc.problem) from None
            raise
    pack.source.path = name
    return pack


def _contents(source: bytes | bytearray | memoryview | IO[bytes], name: str | None):
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), name or IN_MEMORY_NAME
    data = source.read()
    if isinstance(data, str):
        raise TypeError("parse() needs a binary file object: open the file with 'rb'")
    return data, name or str(getattr(source, "name", None) or IN_MEMORY_NAME)


@dataclass(frozen=True)
class PackTable:
    """One table of a pack, with the document it is in.

    ``document`` is the document's number (1 for the first, as validate's findings number
    them); ``index`` the table's number within that document, from 1.
    """

    path: str
    document: int
    document_title: str | None
    document_kind: str
    index: int
    table: Table

    def as_json(self) -> dict:
        """The record ``councildocs tables`` prints: where the table is, then the table."""
        return {
            "path": self.path,
            "document": self.document,
            "document_title": self.document_title,
            "index": self.index,
        } | self.table.model_dump(mode="json")


def tables(source: Input | Pack) -> list[PackTable]:
    """Every table of a pack, in document order: a Pack, a file (saved ``.json`` too), or
    contents in memory as for :func:`parse`."""
    from .models import Pack

    if isinstance(source, Pack):
        pack = source
    elif isinstance(source, str | Path):
        from .pipeline import read

        pack = read(source)
    else:
        pack = parse(source)
    return [
        PackTable(
            path=pack.source.path,
            document=number,
            document_title=document.title,
            document_kind=document.kind,
            index=index,
            table=table,
        )
        for number, document in enumerate(pack.documents, start=1)
        for index, table in enumerate(document.tables, start=1)
    ]


def export_sqlite(
    database: str | Path | Database,
    packs: Iterable[Pack | str | Path],
    *,
    findings: bool = True,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
    preview: bool = False,
    rules_for: Callable[[str], Iterable[Rule]] | None = None,
    on_rules_error: Callable[[Pack, Exception], None] | None = None,
) -> int:
    """Write packs and the rules' findings into a SQLite database; return how many.

    ``database``: a path (created, or brought up to the current schema) or an open
    ``sqlite_utils.Database``. ``packs``: Packs, or files to read (PDFs, text exports, saved
    ``.json``). Each pack is one transaction and replaces an earlier export of the same
    file. ``findings=False`` runs no rules. ``select``, ``ignore`` and ``preview`` choose the
    rules as :func:`~councildocs.linter.validate` does; ``rules_for`` instead gives the rules
    for each pack's path (the CLI passes its settings', so ``per-file-ignores`` apply to an
    export as to ``validate``). A rule that fails with an exception costs the
    pack only its findings when ``on_rules_error`` is given (it is told which pack and
    why); without it the exception propagates.
    """
    from . import __version__
    from .linter import lint, selected_rules
    from .models import Pack
    from .output import sqlite

    owned = isinstance(database, str | Path)  # a Database the caller opened, it closes
    db = sqlite.connect(database)
    written = 0
    try:
        for entry in packs:
            pack = entry if isinstance(entry, Pack) else _read(entry)
            found = []
            if findings:
                try:
                    rules = (
                        rules_for(pack.source.path)
                        if rules_for is not None
                        else selected_rules(select, ignore, preview=preview)
                    )
                    found = lint(pack, rules, severities)
                except Exception as exc:
                    if on_rules_error is None:
                        raise
                    on_rules_error(pack, exc)
            sqlite.write_pack(db, pack, found, councildocs_version=__version__)
            written += 1
    finally:
        if owned:
            db.close()
    return written


def _read(path: str | Path) -> Pack:
    from .pipeline import read

    return read(path)
