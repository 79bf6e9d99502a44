"""Text exports (pdftotext style) to pages of lines.

A text export has lost its geometry. Pages split on form feeds where the export kept
them; otherwise page starts are inferred from what pdftotext leaves behind, a single
leading space on a page's first line. That space also marks a bullet whose glyph was
lost, so a line counts as a page start only when it cannot be a bullet: it breaks a
running paragraph, or it opens with a section or item number.
"""

from __future__ import annotations

import codecs

from ..errors import UnreadableInput
from ..patterns import compiled
from .page import SYMBOL_BULLETS, Line, Page, Span

_COLUMN_GAP = compiled(r"\s{3,}|\t+")
_NUMBERED_START = compiled(r"^\d+(\.\d+)*\.?\s+\p{Lu}")


#: byte order marks, longest first: UTF-32's little-endian mark begins with UTF-16's
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: controls no text export holds (tab, newline, form feed, CR and vertical tab it may),
#: and the replacement character a byte no encoding here could read becomes
_BINARY_CHARACTER = compiled("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")

#: more of those than this share of the characters is binary data, not an export with a
#: stray byte: random bytes hold about one in eight; exports hold none
_MAX_BINARY_SHARE = 0.01


def decode_text(path: str, data: bytes) -> str:
    """A text export's characters. A byte order mark says the encoding (UTF-8, UTF-16 or
    UTF-32, as Windows tools write them); without one the text is UTF-8, and a line that is
    not (a paragraph pasted from a Windows-1252 document) is read as Windows-1252 on its
    own, so one such byte does not turn every accent of the file into mojibake.
    :class:`UnreadableInput` for binary data: NUL bytes, or controls no export holds."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            text = data[len(mark) :].decode(encoding, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = "".join(_decode_line(line) for line in data.splitlines(keepends=True))
    binary = len(_BINARY_CHARACTER.findall(text))
    if "\x00" in text or binary > max(2, len(text) * _MAX_BINARY_SHARE):
        raise UnreadableInput(path, "not a text file (it holds binary data)")
    return text


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def read_text(path: str, data: bytes) -> list[Page]:
    text = decode_text(path, data)
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
        for match in _WORDS_RUN.finditer(raw):
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


_WORDS_RUN = compiled(r"\S+(?:\s{1,2}\S+)*")
