"""Where a finding is, as a user looks for it: pages both ways, and a text export's line.

A finding carries the page a rule gave (the pack's printed number where the document has
one, else the physical page). Here it also gets both: ``printed_page`` (what the page
prints, for a reader with paper) and ``physical_page`` (what a PDF viewer's page box
takes). For a text export it gets the ``line`` of the file its quote starts on, so that
SARIF's ``startLine`` and GitHub's ``line=`` open the file at the quoted text, as a
linter's findings do. And each finding gets a ``fingerprint``, stable across runs, that a
baseline file lists.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from pathlib import Path, PurePath

import regex

from .models import DocumentBase, Finding, Pack
from .patterns import compiled

#: words of a quote looked for in the file: enough to be unique, few enough that a quote
#: joined from a wrapped paragraph still starts with them on one line or the next
_QUOTE_WORDS = 8
_WORD = compiled(r"[\p{L}\p{N}]+")


def pages_of(document: DocumentBase | None, page: int | None) -> tuple[int | None, int | None]:
    """(printed page, physical page) of a rule's ``page`` in ``document``.

    Rules give the printed page where the document's span in both numberings is known
    (``page_of``), else the physical page; a pack-wide finding's page is physical.
    """
    if page is None:
        return None, None
    if document is not None and document.pages and document.physical_pages:
        return page, document.physical_pages.start + (page - document.pages.start)
    return None, page


def fingerprint(finding: Finding) -> str:
    """A hash of what the finding says and where, but not of line or page numbers, so that
    it survives a file moved to another folder and a page inserted before it."""
    quote = " ".join((finding.quote or "").split())
    key = "\0".join(
        [
            PurePath(finding.path or "").name,
            finding.code,
            str(finding.document or 0),
            finding.message,
            quote,
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


class TextLines:
    """A text export's words, one run, each knowing its line: a quote is found by its words
    alone, since the reader folds whitespace, joins wrapped lines and a rule may join a
    name to its role with a comma the page does not print."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        self.line_at: list[int] = []  # line (1-based) of each character of ``words``
        self.page_starts: list[int] = [0]  # offset in ``words`` where each form-feed page starts
        for number, line in enumerate(text.split("\n"), start=1):
            self.page_starts += [len(self.line_at)] * line.count("\f")
            for word in _WORD.findall(line):
                piece = word.casefold() + " "
                pieces.append(piece)
                self.line_at += [number] * len(piece)
        self.words = "".join(pieces)

    def line_of(self, quote: str, physical_page: int | None = None) -> int | None:
        """The line a quote starts on; with form feeds, the occurrence on its page first."""
        words = [w.casefold() for w in _WORD.findall(quote)][:_QUOTE_WORDS]
        if not words:
            return None
        needle = " ".join(words) + " "
        starts = [
            m.start()
            for m in regex.finditer(regex.escape(needle), self.words)
            if m.start() == 0 or self.words[m.start() - 1] == " "
        ]
        if not starts:
            return None
        if physical_page is not None and len(self.page_starts) > 1:
            on_page = [s for s in starts if bisect_right(self.page_starts, s) == physical_page]
            starts = on_page or starts
        return self.line_at[starts[0]]


def place(findings: list[Finding], pack: Pack) -> list[Finding]:
    """The findings with both pages, the text line where there is one, and fingerprints."""
    lines = _text_lines(pack)
    placed = []
    for finding in findings:
        document = pack.documents[finding.document - 1] if finding.document else None
        printed, physical = pages_of(document, finding.page)
        line = None
        if lines is not None and finding.quote:
            line = lines.line_of(finding.quote, physical)
        update = {"printed_page": printed, "physical_page": physical, "line": line}
        moved = finding.model_copy(update=update)
        placed.append(moved.model_copy(update={"fingerprint": fingerprint(moved)}))
    return placed


def _text_lines(pack: Pack) -> TextLines | None:
    """The pack's text export, when it is the file the pack was parsed from (same hash)."""
    if pack.source.format != "text":
        return None
    path = Path(pack.source.path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != pack.source.sha256:
        return None
    return TextLines(data.decode("utf-8", errors="replace"))
