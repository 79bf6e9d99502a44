"""What every parser needs: paragraphs from lines, tidy text; dates live in ``dates``."""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median

from ..dates import DATE_PATTERN, TIME_PATTERN, find_time, parse_date
from ..extract import Line
from ..models import Provenance, UnplacedText
from ..patterns import compiled
from ..vocabulary.grammar import EMAIL

__all__ = [
    "DATE_PATTERN",
    "EMAIL",
    "LETTER",
    "TIME_PATTERN",
    "clean",
    "find_time",
    "join_lines",
    "line_gap",
    "paragraphs",
    "parse_date",
    "provenance",
    "unplaced",
]


def clean(text: str) -> str:
    """Collapse whitespace and mend words hyphenated across a line wrap.

    The hyphen stays: council papers are rarely hyphenated by the typesetter, so a hyphen
    at a wrap is the word's own ("re-offending", "Piggott-Smith", "12-month").
    """
    if "- " in text:  # the pattern needs this pair: most lines skip it
        text = _WRAPPED_HYPHEN.sub(r"\1-\2", text)
    return " ".join(text.split())


_WRAPPED_HYPHEN = compiled(r"(\p{L}|\d)- (\p{L})")

#: any letter, of any script: text that holds one is words, not only figures or marks
LETTER = compiled(r"\p{L}")


def join_lines(lines: Iterable[Line]) -> str:
    return clean(" ".join(line.text for line in lines))


def line_gap(lines: list[Line]) -> float:
    """The usual distance from one line's top to the next's, for telling paragraphs apart."""
    steps = [
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and b.top > a.top
    ]
    return median(steps) if steps else 1.0


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Split lines into blocks wherever the vertical gap is clearly wider than a line's."""
    if not lines:
        return []
    gap = line_gap(lines)
    blocks: list[list[Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        if line.page != previous.page or line.top - previous.top > gap * 1.45:
            if line.page != previous.page and _runs_on(previous, line):
                blocks[-1].append(line)
                continue
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _runs_on(previous: Line, line: Line) -> bool:
    """A paragraph carried over a page break: no full stop before it, lower case after."""
    return not previous.text.rstrip().endswith((".", ":", ";")) and line.text[:1].islower()


def provenance(line: Line | None) -> Provenance | None:
    if line is None:
        return None
    if line.has_geometry:
        return Provenance(page=line.page, bbox=tuple(round(v, 1) for v in line.bbox))
    return Provenance(page=line.page)


def unplaced(lines: list[Line]) -> list[UnplacedText]:
    """Keep lines no field took, a paragraph per entry, with the page each starts on."""
    return [UnplacedText(page=block[0].page, text=join_lines(block)) for block in paragraphs(lines)]
