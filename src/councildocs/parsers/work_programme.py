"""Work programmes to WorkProgrammeDocument: meeting dates, each with its items and leads.

Two layouts:

PDF tables, read from the x positions of the spans: a row whose date stands alone in a
span opens a meeting; the columns are those of the header printed above the first row
("Date of Meeting | Item Description | Lead Report Author | Specific Questions",
Wolverhampton) or, where every page repeats it and extraction removed it as a running
head, of a copy of it printed further down (Bristol's forward plan: "Lead Officer | Title
and summary of Decision | Meeting date | Decision taker | Report Type"). A bullet in the
item column opens another item of the same meeting (a date cell spanning several rows).
Columns with no field of their own (decision taker, report type) go to the item's
``extra`` by their printed name; Bristol's title cell also holds the summary ("To seek
approval ...") and, after a gap, the status ("Non Key", "Open" / "Part exempt 3"): an
item not marked "Non Key" is a key decision, since the plan is a notice of key decisions.

Text exports: Wolverhampton's scrutiny work programme, a table (date of meeting | item
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

from collections.abc import Sequence

import regex

from ..extract import Line
from ..layout import Block
from ..models import ProgrammeItem, ProgrammeMeeting, WorkProgrammeDocument
from ..patterns import compiled
from ..vocabulary.people import CABINET_MEMBER_AND_NAME
from .common import EMAIL, clean, paragraphs, parse_date, unplaced

_ROW_DATE = compiled(
    r"^(?P<date>\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\s+\d{4})\s*(?P<rest>.*)$"
)
_TABLE_HEAD = compiled(r"^Date\s+of$|^Date\s+of\s+Meeting\b|^Meeting\s+date\b", regex.I)
_PUBLISHED = compiled(r"^This\s+update\s+published\s+(?P<date>.+)$", regex.I)
_HEADER_FACT = compiled(r"^(?P<label>Contact|Published|Updated)\s*:\s*(?P<value>.+)$", regex.I)
_TITLE = compiled(r"\b(?:Work\s+Programme|Forward\s+Plan|Work\s+Plan)\b", regex.I)


def parse(lines: list[Line], blocks: Sequence[Block] = ()) -> WorkProgrammeDocument:
    document = WorkProgrammeDocument()
    leftovers: list[Line] = []
    table = _table_columns(lines)
    if table is not None:
        table_start = table[0]
    else:
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
        elif match := CABINET_MEMBER_AND_NAME.match(text):
            document.cabinet_member = clean(match.group("name"))
            document.header[clean(match.group("label"))] = document.cabinet_member
        elif match := _PUBLISHED.match(text):
            document.header["Published"] = match.group("date")
        elif (match := _HEADER_FACT.match(text)) and match.group("label") not in document.header:
            document.header[match.group("label")] = clean(match.group("value"))
        elif not _PAGE_NUMBER.match(text):
            leftovers.append(line)
    if table is not None:
        _, first_row, anchors, names = table
        document.header["columns"] = " | ".join(names)
        document.meetings = _table_meetings(lines[first_row:], anchors, names, leftovers)
    else:
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
            leads.append(_WRAPPED_HYPHEN_BEFORE_CAPITAL.sub(r"\1-\2", text))
    settle_leads()
    return meetings


_WRAPPED_HYPHEN_BEFORE_CAPITAL = compiled(r"(\p{L})- (\p{Lu})")


def _opens_item(line: Line) -> bool:
    """A bullet glyph, or (text export) the single space left where the glyph was lost."""
    text = line.text.strip()
    if _BULLET_LEAD.match(text):
        return True
    return not line.has_geometry and line.x0 in (1.0, 2.0)


_BULLET_LEAD = compiled(r"^[•●▪\uf0b7-]\s")


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


# --- a positioned table (PDF): columns from x positions ----------------------------------

_PAGE_NUMBER = compiled(r"^-\s*\d{1,3}\s*-$")
_SPAN_DATE = compiled(
    r"^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?\s+\d{4})$"
)
_BULLET_SPAN = compiled(r"^[•●▪\uf0b7]\s*")
# column names by what they hold: (field, pattern on the printed header)
_COLUMN_ROLES = [
    ("date", r"\bdate\b|\bmeeting\b"),
    ("title", r"\bitem\b|\btitle\b|\bdescription\b|\bsubject\b"),
    ("lead", r"\blead\b|\bauthor\b|\bofficer\b"),
    ("questions", r"\bquestions?\b"),
]
# a forward plan's title cell: the title, then a summary opening "To ..." or "1. To ...",
# then (after a gap) the access status: "Non Key", "Open" / "Part exempt" and its paragraph
_SUMMARY_START = compiled(r"^(?:\d{1,2}\.\s+)?To\s")
_NON_KEY = compiled(r"^Non[-\s]?Key$", regex.I)
_ACCESS = compiled(r"^(?:Open|(?:Part\s+)?exempt|Exempt|Confidential)$", regex.I)


class _Cell:
    """The lines of one table cell, as (text, top, page)."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, float, int]] = []

    def add(self, text: str, top: float, page: int) -> None:
        self.parts.append((text, top, page))

    @property
    def text(self) -> str:
        return _join_wrapped([text for text, _, _ in self.parts])


def _join_wrapped(texts: list[str]) -> str:
    """Join a cell's lines; an e-mail address broken at the cell edge is joined unspaced."""
    joined = ""
    for text in texts:
        text = text.strip()
        last = joined.split(" ")[-1] if joined else ""
        if (
            last
            and ("@" in last or "@" in text)
            and " " not in text
            and ("@" in last or last.endswith("-"))
        ):
            joined += text
        elif last.endswith("-") and "@" in text.split(" ")[0]:
            joined += text  # "rebecca.baldwin-" / "cantello@bristol.gov.uk"
        else:
            joined = f"{joined} {text}" if joined else text
    return clean(joined) if "@" not in joined else " ".join(joined.split())


def _table_columns(lines: list[Line]) -> tuple[int, int, list[float], list[str]] | None:
    """Where the table (its header) starts, its first row, its column x positions, and each
    column's printed name.

    A row that starts a meeting has its date alone in one span; the header, when printed,
    is the run of lines above the first such row whose spans name the columns.
    """
    first_row = next((i for i, ln in enumerate(lines) if _date_span(ln) is not None), None)
    if first_row is None or not lines[first_row].has_geometry:
        return None
    anchors = [s.x0 for s in lines[first_row].spans]
    header_start = next(
        (
            i
            for i in range(max(0, first_row - 4), first_row)
            if len(lines[i].spans) >= 3 and lines[i].page == lines[first_row].page
        ),
        None,
    )
    if header_start is not None:
        # headers are often centred over their columns: place each by its middle, against
        # the columns the first row's cells start at
        names: dict[int, list[str]] = {}
        # a column empty in the first row shows only in the header, past the last cell
        anchors = anchors + [s.x0 for s in lines[header_start].spans if s.x0 > max(anchors) + 20]
        for line in lines[header_start:first_row]:
            for span in line.spans:
                column = _column_of(anchors, (span.x0 + span.x1) / 2)
                names.setdefault(column, []).append(span.text)
        names_ = [
            clean(" ".join(names.get(n, []))) or f"Column {n + 1}" for n in range(len(anchors))
        ]
        return header_start, first_row, anchors, names_
    # A header repeated on every page is removed as a running head; a copy printed away
    # from the page edge (Bristol's forward plan ends on an empty table) still names them.
    repeated = next((ln for ln in lines[first_row:] if _is_header(ln, len(anchors))), None)
    if repeated is not None:
        return first_row, first_row, anchors, [clean(span.text) for span in repeated.spans]
    return first_row, first_row, anchors, [f"Column {n + 1}" for n in range(len(anchors))]


def _is_header(line: Line, columns: int) -> bool:
    names = [span.text for span in line.spans]
    return len(names) == columns and len(_roles(names)) >= 2 and _date_span(line) is None


def _date_span(line: Line) -> int | None:
    for n, span in enumerate(line.spans):
        if _SPAN_DATE.match(span.text.strip()) and parse_date(span.text):
            return n
    return None


def _column_of(anchors: list[float], x0: float) -> int:
    """The column a span falls in: the last anchor at or left of it (a little slack)."""
    column = 0
    for n, anchor in enumerate(anchors):
        if x0 >= anchor - 6:
            column = n
    return column


def _roles(names: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for role, pattern in _COLUMN_ROLES:
        for n, name in enumerate(names):
            if n not in roles.values() and regex.search(pattern, name, regex.I):
                roles.setdefault(role, n)
                break
    return roles


def _table_meetings(
    lines: list[Line], anchors: list[float], names: list[str], leftovers: list[Line]
) -> list[ProgrammeMeeting]:
    """Rows from positioned spans: a date opens a meeting row, a bullet in the item column
    opens another item of the same meeting (the date cell spans its rows)."""
    roles = _roles(names)
    date_col, title_col = roles.get("date"), roles.get("title")
    rows: list[tuple[str | None, list[_Cell]]] = []
    for line in lines:
        text = line.text.strip()
        if _PAGE_NUMBER.match(text) or _is_header(line, len(anchors)):
            continue  # the page's number ("- 5 -") and a repeated header row are not content
        cells_here: dict[int, str] = {}
        for span in line.spans:
            column = _column_of(anchors, span.x0)
            cells_here[column] = f"{cells_here.get(column, '')} {span.text}".strip()
        date_text = cells_here.get(date_col) if date_col is not None else None
        opens_meeting = bool(date_text and _SPAN_DATE.match(date_text))
        opens_item = title_col is not None and bool(
            _BULLET_SPAN.match(cells_here.get(title_col, ""))
        )
        if opens_meeting or (opens_item and rows):
            row_date = date_text if opens_meeting else rows[-1][0]
            rows.append((row_date, [_Cell() for _ in anchors]))
            if opens_meeting:
                del cells_here[date_col]
        if not rows:
            leftovers.append(line)
            continue
        for column, cell_text in cells_here.items():
            rows[-1][1][column].add(_BULLET_SPAN.sub("", cell_text), line.top, line.page)
    meetings: list[ProgrammeMeeting] = []
    for date_text, cells in rows:
        if not meetings or meetings[-1].date_text != date_text:
            meetings.append(ProgrammeMeeting(date=parse_date(date_text), date_text=date_text))
        meetings[-1].items.append(_item(cells, names, roles))
    return meetings


def _item(cells: list[_Cell], names: list[str], roles: dict[str, int]) -> ProgrammeItem:
    extra: dict[str, str] = {}
    title = ""
    title_col = roles.get("title")
    if title_col is not None:
        title, summary, status = _title_cell(cells[title_col])
        if summary:
            extra["Summary"] = summary
        extra.update(status)
    lead = cells[roles["lead"]].text if "lead" in roles else ""
    if email := EMAIL.search(lead):
        extra["Lead e-mail"] = email.group()
        lead = clean(lead.replace(email.group(), ""))
    questions = cells[roles["questions"]].text if "questions" in roles else ""
    for n, cell in enumerate(cells):
        if n not in roles.values() and cell.text:
            extra[names[n]] = cell.text
    return ProgrammeItem(title=title, lead=lead or None, questions=questions or None, extra=extra)


def _title_cell(cell: _Cell) -> tuple[str, str, dict[str, str]]:
    """A title, then its summary ("To seek approval ..."), then the status lines after a gap."""
    parts = cell.parts
    status: dict[str, str] = {}
    # the status block sits under a blank line: read it from the bottom up
    end = len(parts)
    while end > 1 and (
        _NON_KEY.match(parts[end - 1][0])
        or _ACCESS.match(parts[end - 1][0])
        or (parts[end - 1][0].isdigit() and _ACCESS.match(parts[end - 2][0]))
    ):
        end -= 1
    status_lines = [p[0] for p in parts[end:]]
    if status_lines or _SUMMARY_START.match(" ".join(p[0] for p in parts[1:2])):
        # a forward plan: printed key-decision and access status
        status["Key decision"] = "no" if any(_NON_KEY.match(t) for t in status_lines) else "yes"
        access = [t for t in status_lines if not _NON_KEY.match(t)]
        if access:
            status["Access"] = " ".join(access)
    body = [p[0] for p in parts[:end]]
    split = next((n for n in range(1, len(body)) if _SUMMARY_START.match(body[n])), len(body))
    return _join_wrapped(body[:split]), _join_wrapped(body[split:]), status
