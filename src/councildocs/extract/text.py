"""Text exports (pdftotext style) to pages of lines.

A text export has lost its geometry. Pages split on form feeds where the export kept
them; otherwise page starts are inferred from what pdftotext leaves behind, a single
leading space on a page's first line. That space also marks a bullet whose glyph was
lost, so a line counts as a page start only when it cannot be a bullet: it breaks a
running paragraph, or it opens with a section or item number.
"""

from __future__ import annotations

import regex

from ..errors import UnreadableInput
from .page import SYMBOL_BULLETS, Line, Page, Span

_COLUMN_GAP = regex.compile(r"\s{3,}|\t+")
_NUMBERED_START = regex.compile(r"^\d+(\.\d+)*\.?\s+\p{Lu}")


def read_text(path: str, data: bytes) -> list[Page]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise UnreadableInput(path, "not a text file (it holds binary data)")
    raw_pages = text.split("\f") if "\f" in text else _split_on_page_starts(text.splitlines())
    pages = []
    for number, raw in enumerate(raw_pages, start=1):
        lines = raw.splitlines() if isinstance(raw, str) else raw
        pages.append(_page(number, lines))
    while len(pages) > 1 and not pages[-1].lines:
        pages.pop()
    return pages


def _split_on_page_starts(lines: list[str]) -> list[list[str]]:
    pages: list[list[str]] = [[]]
    recent: list[str] = []  # the last few non-blank lines, to tell a list from a page break
    for i, line in enumerate(lines):
        if i > 0 and pages[-1] and _starts_page(line, lines[i - 1], recent):
            pages.append([])
        pages[-1].append(line)
        if line.strip():
            recent = [*recent[-2:], line]
    return pages


def _single_space_start(line: str) -> bool:
    return line.startswith(" ") and line[1:2].strip() != ""


def _starts_page(line: str, previous: str, recent: list[str]) -> bool:
    if not _single_space_start(line):
        return False
    if _NUMBERED_START.match(line[1:]):
        return True
    in_list = any(_single_space_start(r) or r.rstrip().endswith(":") for r in recent)
    return bool(previous.strip()) and not in_list  # a paragraph runs on across the break


def _page(number: int, raw_lines: list[str]) -> Page:
    lines = []
    for row, raw in enumerate(raw_lines):
        raw = raw.translate(SYMBOL_BULLETS).rstrip()
        stripped = raw.lstrip()
        if not stripped:
            continue
        indent = len(raw) - len(stripped)
        spans = []
        for match in regex.finditer(r"\S+(?:\s{1,2}\S+)*", raw):
            spans.append(Span(text=match.group(), x0=float(match.start()), x1=float(match.end())))
        lines.append(
            Line(
                text=" ".join(stripped.split()),
                x0=float(indent),
                top=float(row),
                x1=float(len(raw)),
                bottom=float(row) + 1.0,
                page=number,
                spans=tuple(spans),
                has_geometry=False,
            )
        )
    return Page(number=number, width=0.0, height=float(len(raw_lines)), lines=lines)
