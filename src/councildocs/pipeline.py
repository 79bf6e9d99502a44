"""The one way through: extract → layout → segment → parsers → a Pack.

``parse`` loads a file's pages (:mod:`.extract`) and hands them to :mod:`.assembly` for the
rest. That module, and the parsers and models it imports (a third of a second, the first
time in a process), is imported, and the models' validators built, while a long PDF's
helper process reads its share of the pages, so a command's first parse does not wait for
both one after the other.
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import COLLECTOR
from .errors import UnreadableInput
from .extract import OcrSettings, load
from .inputs import is_pipe_name, read_pipe

if TYPE_CHECKING:
    from .models import Pack


def parse(path: str | Path, ocr: OcrSettings | None = None) -> Pack:
    """Parse an agenda pack (or a single council document), PDF or text export, into a Pack.

    ``ocr`` says which PDF pages to read by OCR (default: those with no text layer, when
    Tesseract is installed). Raises :class:`councildocs.errors.CouncilDocsError` for a file
    that cannot be read. ``/dev/stdin`` or ``/dev/fd/N`` naming a pipe is read once, into
    memory. While it runs, the garbage collector runs at a slower pace (see
    :mod:`councildocs.collector`).
    """
    if is_pipe_name(path) and not os.path.isfile(path):
        from .api import parse as parse_contents

        try:
            with open(path, "rb") as pipe:
                data = read_pipe(pipe, str(path))
        except OSError as exc:
            raise UnreadableInput(str(path), f"cannot read it ({exc.strerror})") from None
        return parse_contents(data, name=str(path), ocr=ocr)
    with COLLECTOR.slowed():
        source = load(path, ocr, meanwhile=_prepare_assembly)
        from .assembly import assemble

        pack = assemble(source)
        # the pages go before the caller's pace comes back: its first young collection,
        # due at once after a parse, then traverses the Pack alone, not what it was read from
        del source
    return pack


def _prepare_assembly() -> None:
    """Load the parsers and build the models' validators (see models.build_validators):
    what this process does while a long PDF's helper reads pages, so that the helper
    forked next for the documents inherits them built."""
    import_module(".assembly", __package__)
    from .models import build_validators

    build_validators()


def read(path: str | Path) -> Pack:
    """A Pack from a PDF or text export (parsed), or from saved ``parse`` JSON (loaded).

    JSON Lines hold many packs, so they are read with :func:`councildocs.saved.read_saved`.
    """
    name = str(path).lower()
    if name.endswith(".jsonl"):
        raise UnreadableInput(str(path), "JSON Lines hold many packs; read them one by one")
    if not name.endswith(".json"):
        return parse(path)
    from .saved import read_pack_json

    return read_pack_json(path)
