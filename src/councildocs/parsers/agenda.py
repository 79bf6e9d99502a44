"""The agenda: numbered items with page references and presenters, and the meeting's facts.

Works on the front sheets of ModernGov packs (the seed's "Item No. Title" table, Kent's
"UNRESTRICTED ITEMS" / "EXEMPT ITEMS" lists with decision numbers), covering letters of
agenda supplements ("Agenda Item No" then one item), and US-style agendas ("3.1 ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..extract import Line
from ..models import AgendaItem, Meeting, PageSpan, Presenter, UnplacedText
from ..vocabulary.labels import LETTER_SALUTATION
from .common import (
    DATE_PATTERN,
    clean,
    find_time,
    join_lines,
    line_gap,
    paragraphs,
    parse_date,
    provenance,
)

_ITEM = regex.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})?[A-Za-z]?)\.?\s+(?P<title>\S.*)$")
_PAGE_REF = regex.compile(r"\(\s*Pages?\s+(?P<start>\d+)(?:\s*[-–]\s*(?P<end>\d+))?\s*\)", regex.I)
_OPEN_PAGE_REF = regex.compile(r"\(\s*Pages?\s*[\d\s–-]*$", regex.I)
_PRESENTER = regex.compile(r"^\[(?P<body>[^\]]*)\]?$")
_DECISION = regex.compile(r"^(?P<number>\d{2}/\d{5})\s*[-–]\s*")
_PART_TWO = regex.compile(
    r"^(?:Part\s*(?:2|II|Two)\b|EXEMPT\s+ITEMS|RESTRICTED\s+ITEMS|CLOSED\s+SESSION|"
    r"Items?\s+not\s+open\s+to\s+the\s+press)",
    regex.I,
)
_PART_ONE = regex.compile(r"^(?:Part\s*(?:1|I|One)\b|UNRESTRICTED\s+ITEMS)", regex.I)
_ITEMS_HEADER = regex.compile(r"^(?:Item\s+No\.?\s+Title|Agenda\s+Item\s+No\.?)$", regex.I)
# bare numbers, "13 wards", a wrapped "Title 9 (Public Peace ...)"
_NOT_TITLE = regex.compile(r"^\d+(?:[.,]\d+)*$|^\d{1,2}\s+\p{Ll}|^\d{1,2}\s+\(")

_MEETING_LABEL = regex.compile(
    r"^(?P<label>Meeting|Date|Time|Venue|Place|Location)\s*:\s*(?P<value>.+)$", regex.I
)


@dataclass(slots=True)
class _OpenItem:
    number: str
    part: int
    lines: list[Line]
    number_x0: float
    closed: bool = False
    notes: list[str] = field(default_factory=list)
    description: list[Line] = field(default_factory=list)


def parse_agenda(lines: list[Line]) -> tuple[list[AgendaItem], Meeting, list[UnplacedText]]:
    """Read agenda items and meeting facts from the front-sheet lines of a pack."""
    meeting, used, unplaced = _meeting(lines)
    items: list[_OpenItem] = []
    part = 1
    gap = line_gap(lines)
    for index, line in enumerate(lines):
        text = line.text.strip()
        if index in used:
            continue
        if _PART_TWO.match(text):
            part = 2
            _close(items)
            continue
        if _PART_ONE.match(text) or _ITEMS_HEADER.match(text):
            part = 1 if _PART_ONE.match(text) else part
            _close(items)
            continue
        current = items[-1] if items else None
        match = _ITEM.match(text)
        if match and regex.match(r"^(?:[.:]\d{2}\s*)?[AP]\.?M\.?\b", match["title"], regex.I):
            match = None  # a time ("6 P.M. SPECIAL MEETING"), not an item number
        if match and _is_date_only(match["title"]):
            match = None  # a running head: page number and meeting date ("2 April 18, 2016")
        if match and line.has_geometry and items and "." not in match["number"]:
            if line.x0 > items[0].number_x0 + 10:
                match = None  # a numbered list inside an item (a recommendation's 1., 2.)
        if match and not _NOT_TITLE.match(text) and not _is_continuation(current, line, gap):
            _close(items)
            items.append(_OpenItem(match["number"], part, [line], line.x0))
            continue
        if current and not current.closed and _is_continuation(current, line, gap):
            current.lines.append(line)
            continue
        if current and text.startswith("[") and not current.lines[-1].text.strip().startswith("["):
            current.lines.append(line)  # a presenter printed under a closed item
            continue
        if part == 2 and _is_section_heading(text):
            part = 1  # an open section after a closed session ("Consent Calendar 7:30 PM")
            _close(items)
        if current and _describes(current, line):
            current.description.append(line)  # US agendas print what each item is for
            continue
        unplaced.append(UnplacedText(page=line.page, text=text))
    return [_finish(item) for item in items], meeting, unplaced


def _is_section_heading(text: str) -> bool:
    """A short heading line: capitalised, no sentence, no label ("CONSENT CALENDAR")."""
    words = text.split()
    return (
        1 <= len(words) <= 8
        and text[:1].isupper()
        and ":" not in text
        and not text.endswith((".", ",", ";"))
        and not text.startswith(("(", "["))
    )


def _is_date_only(title: str) -> bool:
    date = DATE_PATTERN.search(title)
    return bool(date) and not title.replace(date.group(), "").strip(" ,.-–")


def _describes(item: _OpenItem, line: Line) -> bool:
    """A line under an item, indented past its number (not a heading at the margin, nor a
    signature block far to the right): what the item is about, as US agendas print it
    ("Recommendation(s): ...", "Attachment(s): ...")."""
    if item.closed or not line.has_geometry or line.page != item.lines[0].page:
        return False  # across a page break the next item may be one we could not read
    first = item.lines[0]
    title_x0 = first.spans[1].x0 if len(first.spans) > 1 else first.x0 + 10
    return item.number_x0 + 8 <= line.x0 <= title_x0 + 200


def _close(items: list[_OpenItem]) -> None:
    if items:
        items[-1].closed = True


def _is_continuation(item: _OpenItem | None, line: Line, gap: float) -> bool:
    """A line that carries on the current item's title, page reference or presenter."""
    if item is None or item.closed:
        return False
    last = item.lines[-1]
    if line.page != last.page or line.top - last.top > gap * 1.6:
        return False
    joined = " ".join(ln.text for ln in item.lines)
    if _OPEN_PAGE_REF.search(joined) or joined.count("[") > joined.count("]"):
        return True
    if line.has_geometry and line.x0 > item.number_x0 + 8:
        return True  # indented to the title column: the title wraps (a right-hand page ref aside)
    if _PAGE_REF.search(joined) and not line.text.lstrip().startswith("["):
        return False
    if _ITEM.match(line.text.strip()) and line.x0 <= item.number_x0 + 2:
        return False
    return True


def _finish(item: _OpenItem) -> AgendaItem:
    first_text = _ITEM.match(item.lines[0].text.strip())["title"]
    texts = [first_text] + [ln.text.strip() for ln in item.lines[1:]]
    joined = clean(" ".join(texts))
    presenter = None
    notes = []
    for body in regex.findall(r"\[([^\]]*)\]?", joined):
        presenter = presenter or _presenter(body)
        if presenter is None:
            notes.append(clean(body))
    notes.extend(join_lines(block) for block in paragraphs(item.description))
    title = regex.sub(r"\[[^\]]*\]?", " ", joined)
    pages = None
    ref = _PAGE_REF.search(title)
    if ref:
        start = int(ref["start"])
        pages = PageSpan(start=start, end=int(ref["end"] or start))
        title = title[: ref.start()] + " " + title[ref.end() :]
    for note in regex.findall(r"\(([^()]*)\)\s*$", title):
        if len(note) > 60:  # a long parenthetical after the title is a note, not the title
            notes.append(clean(note))
            title = title[: title.rfind("(")]
    title = clean(title).rstrip(" -–:")
    decision = _DECISION.match(title)
    return AgendaItem(
        number=item.number,
        title=title,
        pages=pages,
        presenter=presenter,
        part=item.part,
        decision_number=decision["number"] if decision else None,
        notes=notes,
        provenance=provenance(item.lines[0]),
    )


def _presenter(body: str) -> Presenter | None:
    """'[Karen Samuels, Head of Community Safety, to present report]' → name and role."""
    body = clean(body)
    match = regex.match(r"^(?P<who>.+?),?\s+to\s+(?:present|introduce|report|give|update)\b", body)
    if not match:
        return None
    parts = [p.strip() for p in regex.split(r",\s*", match["who"]) if p.strip()]
    if not parts:
        return None
    return Presenter(name=parts[0], role=", ".join(parts[1:]) or None)


def _meeting(lines: list[Line]) -> tuple[Meeting, set[int], list[UnplacedText]]:
    """Body, date, time and venue as the front sheet states them.

    Returns the meeting, the indexes of the lines it used, and the right-hand column of
    those lines (Kent prints "Ask for:", "Telephone:" beside the date and venue), kept.
    """
    meeting = Meeting()
    used: set[int] = set()
    head = lines[:40]
    left = [_left_column(line) for line in head]
    letter = any(LETTER_SALUTATION.match(text) for text, _ in left)
    meeting_date_line: str | None = None
    for i, (text, _) in enumerate(left):
        label = _MEETING_LABEL.match(head[i].text.strip())
        if label and letter and label["label"].lower() == "date":
            continue  # a covering letter's "Date:" is when it was sent, not the meeting
        if label:
            key, value = label["label"].lower(), clean(label["value"])
            if key == "meeting":
                meeting.body = value
            elif key == "date":
                meeting.date = meeting.date or parse_date(value)
            elif key == "time":
                meeting.time = find_time(value) or value
            else:
                meeting.venue = value
            used.add(i)
            left[i] = (text, "")  # the label's value is its right-hand column: used, not left over
            continue
        if letter and _LETTER_FIELD.match(text):
            continue
        if _COUNCIL.match(text) and not meeting.council:
            meeting.council = text.title() if text.isupper() else text
            used.add(i)
            continue
        if _AGENDA_HEADING.match(text):
            used.add(i)  # the sheet's own heading: recognised, nothing to keep
            continue
        date = parse_date(text)
        if not date or _ITEM.match(text) or not _better_date(text, meeting_date_line):
            continue
        meeting_date_line = text
        meeting.date = date
        used.add(i)
        if i + 1 < len(left) and regex.match(r"^(am|pm|a\.m\.|p\.m\.)$", left[i + 1][0], regex.I):
            text = f"{text} {left[i + 1][0]}"  # "at 10.00" / "am" wrapped in a narrow column
            used.add(i + 1)
        meeting.time = find_time(text) or meeting.time
        venue = _venue_after(left, i)
        if venue and not meeting.venue:
            meeting.venue, venue_lines = venue
            used.update(venue_lines)
        sentence = " ".join(t for t, _ in left[max(0, i - 1) : i + 2])  # a sentence may wrap
        held_in = regex.search(r"held\s+(?:in|at)\s+(?:the\s+)?(.+?)\s+on\s+\w+day", sentence)
        if held_in:
            meeting.venue = clean(held_in.group(1))
        named = _BODY_BEFORE_DATE.match(text) or _BODY_IN_SENTENCE.search(sentence)
        if named and not meeting.body:
            body = clean(named["body"])
            meeting.body = body.title() if body.isupper() else body
    if not meeting.body and (found := _body(left)):
        meeting.body, body_lines = found
        used.update(body_lines)
    leftovers = [
        UnplacedText(page=head[i].page, text=right) for i in sorted(used) if (right := left[i][1])
    ]
    return meeting, used, leftovers


def _left_column(line: Line) -> tuple[str, str]:
    """Split a line at its first wide gap: the left column's text and the rest."""
    for a, b in zip(line.spans, line.spans[1:], strict=False):
        if b.x0 - a.x1 > (4 if line.has_geometry else 3):
            index = line.spans.index(b)
            return (
                clean(" ".join(s.text for s in line.spans[:index])),
                clean(" ".join(s.text for s in line.spans[index:])),
            )
    return line.text.strip(), ""


_COUNCIL = regex.compile(
    r"^(?!(?:County|City|Borough|District|Town|Parish)\s+Council$)(?:The\s+)?(?:City\s+of\s+\p{Lu}[\p{L} ]+|\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,3})\s+"
    r"(?:County\s+|City\s+|Borough\s+|District\s+|Town\s+|Parish\s+)?Council$",
    regex.I,
)
_AGENDA_HEADING = regex.compile(r"^(?:A\s?G\s?E\s?N\s?D\s?A|Agenda)$", regex.I)
_LETTER_FIELD = regex.compile(r"^(Date|Direct Dial|e-mail|Ask for)\b", regex.I)
_BODY_BEFORE_DATE = regex.compile(
    r"^(?P<body>[A-Z][A-Z &',-]+?)\s+[-–]\s+(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,", regex.I
)
_BODY_IN_SENTENCE = regex.compile(
    r"\bmeeting\s+of\s+the\s+(?P<body>[A-Z][\w &'-]+?)\s+will\s+be\s+held"
)


def _better_date(text: str, current: str | None) -> bool:
    """Prefer the line that dates the meeting over a letter's or a publication date."""

    def rank(line: str) -> int:
        if regex.search(r"will\s+be\s+held|meeting\s+(?:on|held)", line, regex.I):
            return 3
        if _BODY_BEFORE_DATE.match(line) or find_time(line):
            return 2
        return 1

    return current is None or rank(text) > rank(current)


def _venue_after(left: list[tuple[str, str]], i: int) -> tuple[str, list[int]] | None:
    """Kent prints the venue on the lines after the date, up to "Telephone"."""
    parts, used = [], []
    for j in range(i + 1, min(i + 5, len(left))):
        text = left[j][0]
        if regex.match(r"^(Telephone|Tel|Email|e-mail|Ask for|UNRESTRICTED|Note)\b", text, regex.I):
            break
        if regex.search(r"\b(Chamber|Room|House|Hall|Centre|Center|Street|Road|Square)\b", text):
            parts.append(text.rstrip(","))
            used.append(j)
        elif parts:
            break
    return (clean(", ".join(parts)), used) if parts else None


def _body(left: list[tuple[str, str]]) -> tuple[str, list[int]] | None:
    """The committee's name: an upper-case line under "AGENDA", as Kent prints it."""
    for i, (text, _) in enumerate(left[:6]):
        if regex.match(r"^A\s?G\s?E\s?N\s?D\s?A$", text, regex.I) and i + 1 < len(left):
            name = left[i + 1][0]
            if name.isupper() and len(name) < 80:
                return name.title(), [i, i + 1]
    return None
