"""Work programmes to WorkProgrammeDocument: meeting dates, each with its items and leads.

Layout handled: Wolverhampton's scrutiny work programme, a table (date of meeting | item
description | lead report author | specific questions) that a text export flattens into
runs of short lines. A row starts with its date ("12.06.2018  Safer Wolverhampton");
further items of the same date open with the single space left where the bullet was
lost; a block that opens with neither is the lead of an item: a run of k leads after a
run of items belongs to the last k items, in order (the table prints a lead level with
its item, and an item without a lead leaves the cell empty). "TBC" stands as printed.
Header facts above the table ("Cabinet Member for Adults – Cllr Sandra Samuels") go to
``header``. Anything else is kept in ``unplaced_text``.
"""

from __future__ import annotations

import regex

from ..extract import Line
from ..models import ProgrammeItem, ProgrammeMeeting, WorkProgrammeDocument
from .common import clean, paragraphs, parse_date, unplaced

_ROW_DATE = regex.compile(
    r"^(?P<date>\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\s+\d{4})\s*(?P<rest>.*)$"
)
_CABINET_MEMBER = regex.compile(
    r"^(?P<label>Cabinet\s+Member[^–—:-]*?)\s*[–—:-]\s*(?P<name>(?:Cllr|Councillor)\b.+)$", regex.I
)
_TABLE_HEAD = regex.compile(r"^Date\s+of$|^Date\s+of\s+Meeting\b|^Meeting\s+date\b", regex.I)
_TITLE = regex.compile(r"\b(?:Work\s+Programme|Forward\s+Plan|Work\s+Plan)\b", regex.I)


def parse(lines: list[Line]) -> WorkProgrammeDocument:
    document = WorkProgrammeDocument()
    leftovers: list[Line] = []
    table_start = next(
        (i for i, ln in enumerate(lines) if _ROW_DATE.match(ln.text.strip())), len(lines)
    )
    head = lines[:table_start]
    head_end = next(
        (i for i, ln in enumerate(head) if _TABLE_HEAD.match(ln.text.strip())), len(head)
    )
    for line in head[:head_end]:
        text = line.text.strip()
        if document.title is None and _TITLE.search(text):
            document.title = text
        elif match := _CABINET_MEMBER.match(text):
            document.cabinet_member = clean(match.group("name"))
            document.header[clean(match.group("label"))] = document.cabinet_member
        else:
            leftovers.append(line)
    if head[head_end:]:
        document.header["columns"] = clean(" ".join(ln.text for ln in head[head_end:]))
    document.meetings = _meetings(lines[table_start:], leftovers)
    document.unplaced_text = unplaced(leftovers)
    return document


def _meetings(lines: list[Line], leftovers: list[Line]) -> list[ProgrammeMeeting]:
    meetings: list[ProgrammeMeeting] = []
    leads: list[str] = []
    pending_from = 0  # index of the first item of the current run without leads

    def settle_leads() -> None:
        nonlocal leads, pending_from
        if not leads or not meetings:
            leads = []
            return
        run = meetings[-1].items[pending_from:]
        for item, lead in zip(run[max(0, len(run) - len(leads)) :], leads, strict=False):
            item.lead = lead
        pending_from = len(meetings[-1].items)
        leads = []

    for block in _blocks(lines):
        first = block[0].text.strip()
        text = clean(" ".join(ln.text for ln in block))
        if match := _ROW_DATE.match(first):
            settle_leads()
            date_text = match.group("date")
            meetings.append(ProgrammeMeeting(date=parse_date(date_text), date_text=date_text))
            pending_from = 0
            rest = clean(" ".join([match.group("rest"), *(ln.text for ln in block[1:])]))
            if rest:
                meetings[-1].items.append(ProgrammeItem(title=rest))
        elif not meetings:
            leftovers.extend(block)
        elif _opens_item(block[0]):
            if leads:
                settle_leads()
            meetings[-1].items.append(ProgrammeItem(title=text))
        else:
            # a name broken at its hyphen: "Piggott-" / "Smith"
            leads.append(regex.sub(r"(\p{L})- (\p{Lu})", r"\1-\2", text))
    settle_leads()
    return meetings


def _opens_item(line: Line) -> bool:
    """A bullet glyph, or (text export) the single space left where the glyph was lost."""
    text = line.text.strip()
    if regex.match(r"^[•●▪\uf0b7-]\s", text):
        return True
    return not line.has_geometry and line.x0 in (1.0, 2.0)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Blocks split on blank lines; a date row or a lost bullet always opens a new block."""
    blocks: list[list[Line]] = []
    for block in paragraphs(lines):
        current: list[Line] = []
        for line in block:
            if current and (_ROW_DATE.match(line.text.strip()) or _opens_item(line)):
                blocks.append(current)
                current = []
            current.append(line)
        if current:
            blocks.append(current)
    return blocks
