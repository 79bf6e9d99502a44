"""What every parser needs: dates as councils print them, paragraphs from lines, tidy text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from statistics import median

import regex
from dateutil import parser as dateparser

from ..extract import Line
from ..models import Provenance, UnplacedText

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
DATE_PATTERN = regex.compile(
    rf"""(?ix)
    (?P<dmy>{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}})
    | (?P<mdy>{_WEEKDAY}{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})
    | (?P<numeric>\b\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})\b)
    """
)
TIME_PATTERN = regex.compile(
    r"(?i)\b(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}[.:]\d{2}(?!\d))"
)


def parse_date(text: str) -> dt.date | None:
    """A date as UK councils print it ("Thursday, 30th January, 2025", "12.06.2018")."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    raw = regex.sub(r"(?i)(\d)(st|nd|rd|th)\b", r"\1", match.group())
    raw = regex.sub(r"(?i)\bof\b", " ", raw)
    try:
        return dateparser.parse(raw, dayfirst=True, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def find_time(text: str) -> str | None:
    match = TIME_PATTERN.search(text)
    return " ".join(match.group(1).split()) if match else None


def clean(text: str) -> str:
    """Collapse whitespace and mend words hyphenated across a line wrap."""
    text = regex.sub(r"(\p{Ll})- (\p{Ll})", r"\1\2", text)
    return " ".join(text.split())


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
