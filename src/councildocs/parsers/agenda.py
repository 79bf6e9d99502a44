"""The agenda: numbered items with page references and presenters, and the meeting's facts.

Works on the front sheets of ModernGov packs (the seed's "Item No. Title" table, Kent's
"UNRESTRICTED ITEMS" / "EXEMPT ITEMS" lists with decision numbers), covering letters of
agenda supplements ("Agenda Item No" then one item), and US-style agendas ("3.1 ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from statistics import median

import regex

from ..extract import Line
from ..extract.page import Span, TextStyle
from ..layout import find_marker
from ..models import AgendaItem, Meeting, PageSpan, Presenter, UnplacedText
from ..patterns import compiled
from ..vocabulary import meetings as meeting_words
from ..vocabulary._phrases import one_of
from ..vocabulary.documents import AGENDA_BANNER_LINE, AGENDA_HEADING, PAGE_WORD
from ..vocabulary.grammar import WEEKDAY
from ..vocabulary.labels import (
    ASK_FOR_LABELS,
    EMAIL_LABELS,
    LETTER_FIELD,
    LETTER_SALUTATION,
    TELEPHONE_LABELS,
)
from .common import (
    DATE_PATTERN,
    TIME_PATTERN,
    clean,
    find_time,
    join_lines,
    line_gap,
    paragraphs,
    parse_date,
    provenance,
)
from .council import council_name

_ITEM = compiled(r"^(?P<number>\d{1,2}(?:\.\d{1,2})?[A-Za-z]?)\.?\s+(?P<title>\S.*)$")
_PAGE_REF = compiled(rf"\(\s*{PAGE_WORD}\s+(?P<start>\d+)(?:\s*[-–]\s*(?P<end>\d+))?\s*\)", regex.I)
_OPEN_PAGE_REF = compiled(rf"\(\s*{PAGE_WORD}\s*[\d\s–-]*$", regex.I)
_PRESENTER = compiled(r"^\[(?P<body>[^\]]*)\]?$")
_DECISION = compiled(r"^(?P<number>\d{2}/\d{5})\s*[-–]\s*")
# bare numbers, "13 wards", a wrapped "Title 9 (Public Peace ...)", and a reference split
# by the typesetter's spacing ("1 9/01 385/F", a planning application's "19/01385/F": one
# digit before the slash, where a decision number after an item number has two, "9 24/00096")
_NOT_TITLE = compiled(r"^\d+(?:[.,]\d+)*$|^\d{1,2}\s+\p{Ll}|^\d{1,2}\s+\(|^\d{1,2}\s+\d/\d")


@dataclass(slots=True, frozen=True)
class _Sheet:
    """What a reader measures on the agenda's pages before reading its items: the column
    the item numbers stand in, the items' type, where their title column ends, and
    which lines are numbered items. Text exports have none of it (``item_x0`` None)."""

    item_x0: float | None = None
    item_size: float = 0.0
    items_stand_out: bool = False  # numbered items printed bold or underlined
    numbered: frozenset[int] = frozenset()  # indexes of the numbered item lines
    right_edge: float | None = None  # where the items' title column ends

    def at_item_column(self, line: Line) -> bool:
        return self.item_x0 is not None and abs(line.x0 - self.item_x0) <= _ALIGNED

    def outranks_items(self, line: Line) -> bool:
        """A heading in larger type than the items' own: the agenda's business is over
        ("Additional Information" above a list of attachments)."""
        style = _first_style(line)
        return (
            self.item_x0 is not None
            and style is not None
            and _stands_out(style)
            and style.size > self.item_size + _TITLE_SIZE_STEP
        )


@dataclass(slots=True)
class _OpenItem:
    number: str | None  # None: an unnumbered item heading
    part: int
    lines: list[Line]  # the heading's lines, with its page reference and presenter
    number_x0: float
    title: str  # the first line's words after the number, up to where the heading ends
    title_x0: float  # wrapped heading lines align here
    rest: str = ""  # what the first line prints after the heading's own words
    closed: bool = False
    notes: list[str] = field(default_factory=list)
    description: list[Line] = field(default_factory=list)  # notes and sub-points under it


_ALIGNED = 4.0  # points: lines starting this close share a column
_INDENT = 8.0  # points past the number column: a line under the item, not at its level
_TITLE_SIZE_STEP = 2.0  # points larger than the items: a title, not an item heading
_HEADING_MAX_WORDS = 8
_SEQUENCE_STEP = 5  # an item number further on than this is not the next item (a date)
_NUMBER_PIECE = compiled(r"^[\d.]+[A-Za-z]?[.)]?(?=\s|$)\s*")
_DIGITS = compiled(r"^\d[\d.]*$")
# a spaced dash leading into a description ("- to receive ...") or a date ("- 1st July")
_DASH_TO_DETAIL = compiled(r"\s[-–—]\s+(?=\p{Ll}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}|\p{L}+day\b)")
# a full stop before a new sentence; not one closing "No.", "St.", "Inc" or an initial
_SENTENCE_END = compiled(r"(?<!\b\p{Lu}\p{Ll}{0,2}|\b\p{L})[.?!](?=\s+\p{Lu})")


def parse_agenda(lines: list[Line]) -> tuple[list[AgendaItem], Meeting, list[UnplacedText]]:
    """Read agenda items and meeting facts from the agenda's lines.

    An item is a numbered line at the item column, or an unnumbered bold or underlined
    heading there that is business of its own (see ``_is_item_heading``); what is printed
    under it (indented notes, lettered or bulleted sub-points) is its notes.
    """
    meeting, used, unplaced = _meeting(lines)
    sheet = _measure(lines, used)
    items: list[_OpenItem] = []
    part = 1
    gap = line_gap(lines)
    business_over = False
    for index, line in enumerate(lines):
        text = _reading_text(line)
        if index in used:
            continue
        if not _LETTER_OR_DIGIT.search(text):
            continue  # a full stop set apart from its number by the typesetter
        if meeting_words.PART_TWO_HEADING.match(text):
            part = 2
            _close(items)
            continue
        opens_part_one = meeting_words.PART_ONE_HEADING.match(text)
        if opens_part_one or meeting_words.ITEMS_TABLE_HEADER.match(text):
            part = 1 if opens_part_one else part
            _close(items)
            continue
        current = items[-1] if items else None
        match = _ITEM.match(text)
        if match and _is_running_head(match):
            unplaced.append(UnplacedText(page=line.page, text=text))
            continue
        if match and not _numbers_an_item(match, line, items, sheet):
            match = None
        if match and not _NOT_TITLE.match(text) and not _is_continuation(current, line, gap, sheet):
            _close(items)
            items.append(_open_item(match["number"], part, line, sheet))
            continue
        if items and sheet.outranks_items(line):
            business_over = True
            _close(items)
        elif not business_over and _is_item_heading(lines, index, sheet):
            _close(items)
            items.append(_open_item(None, part, line, sheet))
            continue
        elif _groups_items(lines, index, sheet):
            # "Consent Calendar" over numbered items ends the item above; it is none itself
            _close(items)
            unplaced.append(UnplacedText(page=line.page, text=text))
            continue
        if current and not current.closed and _is_continuation(current, line, gap, sheet):
            if _heading_ended(current, line, sheet) and not _is_reference(current, text):
                current.description.append(line)
            else:
                current.lines.append(line)
            continue
        if current and text.startswith("[") and not current.lines[-1].text.strip().startswith("["):
            current.lines.append(line)  # a presenter printed under a closed item
            continue
        if part == 2 and _is_section_heading(text):
            part = 1  # an open section after a closed session ("Consent Calendar 7:30 PM")
            _close(items)
        if current and _describes(current, line, gap):
            current.description.append(line)  # US agendas print what each item is for
            continue
        unplaced.append(UnplacedText(page=line.page, text=text))
    return [_finish(item) for item in items], meeting, unplaced


_LETTER_OR_DIGIT = compiled(r"[\p{L}\p{N}]")


def _measure(lines: list[Line], used: set[int]) -> _Sheet:
    """The item column is where numbered lines line up furthest left; the items' type and
    emphasis are those of the lines numbered there, in sequence."""
    candidates = []
    for index, line in enumerate(lines):
        if index in used or not line.has_geometry:
            continue
        text = _reading_text(line)
        match = _ITEM.match(text)
        if match and not _NOT_TITLE.match(text) and not _is_running_head(match):
            candidates.append((index, line, match["number"]))
    if not candidates:
        return _Sheet()
    x0s = [line.x0 for _, line, _ in candidates]
    shared = [x for x in x0s if sum(abs(y - x) <= _ALIGNED for y in x0s) >= 2]
    item_x0 = min(shared or x0s)
    numbered, previous = [], None
    for index, line, number in candidates:
        if abs(line.x0 - item_x0) <= _ALIGNED and _in_sequence(previous, number):
            numbered.append((index, line))
            previous = number
    pieces = [piece for _, line in numbered for piece in _title_pieces(line) if piece.style]
    sizes = [piece.style.size for piece in pieces]
    standing_out = sum(
        any(_stands_out(piece.style) for piece in _title_pieces(line) if piece.style)
        for _, line in numbered
    )
    # a heading wraps at the items' title column, which a page reference may stand beside
    heading_ends = [
        piece.x1
        for _, line in numbered
        for piece in _title_pieces(line)
        if not (_PAGE_REF.search(piece.text) or _OPEN_PAGE_REF.search(piece.text))
        and not piece.text.startswith("[")
    ]
    right_edge = max(heading_ends, default=None)
    return _Sheet(
        item_x0=item_x0,
        item_size=median(sizes) if sizes else 0.0,
        items_stand_out=standing_out * 2 > len(numbered),
        numbered=frozenset(index for index, _ in numbered),
        right_edge=right_edge,
    )


def _reading_text(line: Line) -> str:
    """The line's text, with an item number the typesetter set as separate glyph runs
    ("1" "0." "Correspondence") read as one: runs that touch are one word."""
    spans = line.spans
    if not line.has_geometry or len(spans) < 2 or not _DIGITS.match(spans[0].text):
        return line.text.strip()
    number, taken = spans[0].text, 1
    while taken < len(spans) and _DIGITS.match(spans[taken].text.replace(".", "0")):
        if spans[taken].x0 - spans[taken - 1].x1 > 0.25 * _size(spans[taken - 1]):
            break
        number += spans[taken].text
        taken += 1
    if taken == 1:
        return line.text.strip()
    return clean(" ".join([number, *(span.text for span in spans[taken:])]))


def _title_pieces(line: Line) -> list[Span]:
    """The line's runs after its item number: the heading's words and what follows them."""
    pieces = list(line.spans)
    first = True
    while pieces:
        head = _NUMBER_PIECE.match(pieces[0].text)
        touching = len(pieces) < len(line.spans) and (
            pieces[0].x0 - line.spans[len(line.spans) - len(pieces) - 1].x1
            <= 0.25 * _size(pieces[0])
        )
        if not head or not (first or touching):
            break
        rest = pieces[0].text[head.end() :]
        if rest:
            pieces[0] = replace(pieces[0], text=rest)
            break
        pieces.pop(0)
        first = False
    return pieces


def _heading_end(pieces: list[Span], line: Line, sheet: _Sheet) -> int:
    """How many of the pieces are the heading's own words. The heading ends where a
    column gap opens in a line that stops short of the margin ("Highways    To receive
    update"), or where bold or larger type gives way to plain or smaller type that starts
    afresh ("Declarations of Interest - to receive ...", "Cemetery Gates update (Martin
    Croft)"); a page reference or presenter beside it is still the item's."""
    edge = sheet.right_edge
    for k in range(1, len(pieces)):
        before, after = pieces[k - 1], pieces[k]
        if before.style is None or after.style is None:
            return len(pieces)
        if _PAGE_REF.search(after.text) or _OPEN_PAGE_REF.search(after.text):
            continue
        if after.text.startswith("["):
            continue
        size = before.style.size
        # a file number ("16-0046") or a letter before the change is not the heading
        worded = _TWO_LETTERS.search(" ".join(p.text for p in pieces[:k])) is not None
        column = after.x0 - before.x1 > 1.2 * size and edge is not None and line.x1 < edge - size
        plainer = _stands_out(before.style) and (
            not _stands_out(after.style) or after.style.size < size - 1
        )
        if worded and (column or (plainer and _OPENS_A_SUBTITLE.match(after.text))):
            return k
    return len(pieces)


_TWO_LETTERS = compiled(r"\p{L}{2}")
_OPENS_A_SUBTITLE = compiled(r"[-–—(:\p{Lu}]")


def _open_item(number: str | None, part: int, line: Line, sheet: _Sheet) -> _OpenItem:
    pieces = _title_pieces(line) if number is not None else list(line.spans)
    if not line.has_geometry or not pieces:
        title = _ITEM.match(_reading_text(line))["title"] if number is not None else line.text
        return _OpenItem(number, part, [line], line.x0, title.strip(), line.x0 + 10)
    end = _heading_end(pieces, line, sheet)
    return _OpenItem(
        number,
        part,
        [line],
        line.x0,
        title=clean(" ".join(piece.text for piece in pieces[:end])),
        title_x0=pieces[0].x0,
        rest=clean(" ".join(piece.text for piece in pieces[end:])),
    )


def _numbers_an_item(match: regex.Match, line: Line, items: list[_OpenItem], sheet: _Sheet) -> bool:
    if _AM_PM_AFTER_NUMBER.match(match["title"]):
        return False  # a time ("6 P.M. SPECIAL MEETING"), not an item number
    if line.has_geometry and "." not in match["number"]:
        column = (
            sheet.item_x0 if sheet.item_x0 is not None else (items[0].number_x0 if items else None)
        )
        if column is not None and line.x0 > column + 10:
            return False  # a numbered list inside an item (a recommendation's 1., 2.)
    previous = next((item.number for item in reversed(items) if item.number), None)
    return _in_sequence(previous, match["number"])


_AM_PM_AFTER_NUMBER = compiled(r"^(?:[.:]\d{2}\s*)?[AP]\.?M\.?\b", regex.I)


def _in_sequence(previous: str | None, number: str) -> bool:
    """Whether a number can follow the previous item's: not far on from it ("29 Jan, 26
    Feb" after item 11 lists dates); numbering may start again (a second agenda, a
    section's own)."""
    if previous is None:
        return True
    before, now = _leading_number(previous), _leading_number(number)
    return now <= before + _SEQUENCE_STEP


def _leading_number(number: str) -> int:
    return int(_LEADING_DIGITS.match(number).group())


_LEADING_DIGITS = compiled(r"\d+")


def _is_running_head(match: regex.Match) -> bool:
    """A page number with the meeting's date ("2 April 18, 2016"), not an item."""
    return _is_date_only(match["title"])


def _is_item_heading(lines: list[Line], index: int, sheet: _Sheet) -> bool:
    """An unnumbered heading at the item column that is business of its own ("Call to
    Order", "Other Matters", "Adjournment"): short, bold or underlined, in the items'
    type, and neither a section header over numbered items ("Consent Calendar") nor, where
    the numbered items are themselves bold, a sub-heading inside one of them."""
    line = lines[index]
    if not _looks_like_item_heading(line, sheet):
        return False
    if not (any(i < index for i in sheet.numbered) or _after_plain_text(lines, index)):
        return False  # the agenda's title lines ("... MEETING ON 12 MAY AT" / "7PM")
    if sheet.items_stand_out and any(i > index for i in sheet.numbered):
        return False
    if _inside_item_of_its_look(lines, index, sheet):
        return False
    return not _heads_numbered_items(lines, index, sheet)


def _inside_item_of_its_look(lines: list[Line], index: int, sheet: _Sheet) -> bool:
    """Whether the heading sits between numbered items, under one whose title is set as it
    is (bold under a bold "9. Planning Applications"): a sub-heading of that item, where a
    file's two agendas print their items differently and no one style is the items'."""
    before = [i for i in sheet.numbered if i < index]
    if not before or not any(i > index for i in sheet.numbered):
        return False
    title = [piece for piece in _title_pieces(lines[max(before)]) if piece.style]
    style = _first_style(lines[index])
    if not title or style is None or not _stands_out(title[0].style):
        return False
    return (title[0].style.bold, title[0].style.underline) == (style.bold, style.underline)


def _after_plain_text(lines: list[Line], index: int) -> bool:
    """Whether plain text (a summons, a notice) comes before the line: the business starts
    under the agenda's emphasised title lines (or at its first numbered item), never
    among them."""
    return any(
        (style := _first_style(line)) is not None and not _stands_out(style)
        for line in lines[:index]
    )


def _groups_items(lines: list[Line], index: int, sheet: _Sheet) -> bool:
    """A heading set apart from plain numbered items that heads the next of them: a
    section of the agenda ("Consent Calendar", "Action Items")."""
    return (
        not sheet.items_stand_out
        and _looks_like_item_heading(lines[index], sheet)
        and _heads_numbered_items(lines, index, sheet)
    )


def _looks_like_item_heading(line: Line, sheet: _Sheet) -> bool:
    style = _first_style(line)
    if style is None or not sheet.at_item_column(line) or not _stands_out(style):
        return False
    if not sheet.item_size - 0.5 <= style.size <= sheet.item_size + _TITLE_SIZE_STEP:
        return False
    pieces = list(line.spans)
    head = clean(" ".join(p.text for p in pieces[: _heading_end(pieces, line, sheet)]))
    return (
        1 <= len(head.split()) <= _HEADING_MAX_WORDS
        and _TWO_LETTERS.search(head) is not None
        and not head.endswith((":", ";", ",", "."))
        and not head.startswith(("(", "["))
        and not _is_date_only(head)
        # a day or an item number out of sequence opens it ("29 Jan, 26 Feb, 26 March")
        and not _DAY_NUMBER.match(head)
    )


_DAY_NUMBER = compiled(r"\d{1,2}\b")


def _heads_numbered_items(lines: list[Line], index: int, sheet: _Sheet) -> bool:
    """Whether the next thing at the item column after the heading (past its notes) is a
    numbered item: the heading groups items and is not one itself."""
    for later in range(index + 1, len(lines)):
        if later in sheet.numbered:
            return True
        line = lines[later]
        if sheet.outranks_items(line) or _looks_like_item_heading(line, sheet):
            return False
    return False


def _first_style(line: Line) -> TextStyle | None:
    return line.spans[0].style if line.has_geometry and line.spans else None


def _stands_out(style: TextStyle) -> bool:
    return style.bold or style.underline


def _size(span: Span) -> float:
    return span.style.size if span.style else 10.0


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


def _describes(item: _OpenItem, line: Line, gap: float) -> bool:
    """A line under an item, indented past its number (not a heading at the margin, nor a
    signature block far to the right): what the item is about, as US agendas print it
    ("Recommendation(s): ...", "Attachment(s): ..."). An unnumbered heading's notes sit
    straight under it at its own indent."""
    if item.closed or not line.has_geometry or line.page != item.lines[0].page:
        return False  # across a page break the next item may be one we could not read
    if item.number is None:
        last = (item.description or item.lines)[-1]
        return (
            line.page == last.page
            and line.top - last.top <= gap * 1.6
            and item.number_x0 - _ALIGNED <= line.x0 <= item.title_x0 + 200
        )
    return item.number_x0 + _INDENT <= line.x0 <= item.title_x0 + 200


def _close(items: list[_OpenItem]) -> None:
    if items:
        items[-1].closed = True


def _is_continuation(item: _OpenItem | None, line: Line, gap: float, sheet: _Sheet) -> bool:
    """A line that carries on the current item's heading, page reference or presenter, or
    is printed under it."""
    if item is None or item.closed:
        return False
    last = item.lines[-1]
    if line.page != last.page:
        return _runs_over_page(item, line, sheet)
    if line.top - last.top > gap * 1.6:
        return False
    joined = " ".join(ln.text for ln in item.lines)
    if _OPEN_PAGE_REF.search(joined) or joined.count("[") > joined.count("]"):
        return True
    if line.has_geometry and line.x0 > item.number_x0 + _INDENT:
        return True  # indented to the title column: the title wraps (a right-hand page ref aside)
    if _PAGE_REF.search(joined) and not line.text.lstrip().startswith("["):
        return False
    if _ITEM.match(line.text.strip()) and line.x0 <= item.number_x0 + 2:
        return False
    return True


def _runs_over_page(item: _OpenItem, line: Line, sheet: _Sheet) -> bool:
    """A heading that wraps at the foot of one page and runs on at the title column of the
    next (a long US item title)."""
    last = item.lines[-1]
    return (
        line.has_geometry
        and line.page == last.page + 1
        and not item.rest
        and not item.description
        and abs(line.x0 - item.title_x0) <= _ALIGNED
        and find_marker(line.text.strip()) is None
        and _wraps(last, line, sheet)
    )


def _heading_ended(item: _OpenItem, line: Line, sheet: _Sheet) -> bool:
    """Whether the item's heading is complete, so that this line is printed under it: a
    sub-point with its own marker, a line after a heading that ended with a colon or
    stopped short of the margin (it did not wrap), or anything once the notes began."""
    if item.description or item.rest:
        return True
    if not line.has_geometry:
        return False
    text = line.text.strip()
    if abs(line.x0 - item.title_x0) <= _ALIGNED and _DASH_LEAD.match(text):
        return False  # "- To follow" under the title's first word carries the heading on
    if line.x0 > item.number_x0 + _INDENT and find_marker(text) is not None:
        return True
    last = item.lines[-1]
    if clean(last.text).endswith(":"):
        return True
    return not _wraps(last, line, sheet)


_DASH_LEAD = compiled(r"[-–—]\s")


def _wraps(last: Line, line: Line, sheet: _Sheet) -> bool:
    """Whether ``last`` stopped where the text column ends, so that ``line`` carries on its
    words: a left-aligned line stops short only when the next word would not fit."""
    edge = sheet.right_edge
    words = line.text.split()
    if edge is None or not line.spans or not words:
        return True
    first = line.spans[0]
    word_width = (first.x1 - first.x0) * len(words[0]) / max(len(first.text), 1)
    return last.x1 + 0.25 * _size(first) + word_width >= edge - 2


def _is_reference(item: _OpenItem, text: str) -> bool:
    """A page reference or presenter line, or one carrying on an open one: the item's own."""
    joined = " ".join(ln.text for ln in item.lines)
    return bool(
        text.startswith(("[", "("))
        and (_PAGE_REF.search(text) or _OPEN_PAGE_REF.search(text) or text.startswith("["))
        or _OPEN_PAGE_REF.search(joined)
        or joined.count("[") > joined.count("]")
    )


def _heading_words(title: str) -> tuple[str, str]:
    """The heading's own words and what the heading line goes on to say: its first
    sentence, up to a dash that leads into a description or a date ("Date of Next
    Meeting - 1st July 2024")."""
    cut = _DASH_TO_DETAIL.search(title)
    end = next(
        (e for e in _SENTENCE_END.finditer(title) if _TWO_LETTERS.search(title[: e.start()])),
        None,
    )  # "7. 7. Village Hall": a number printed twice ends no sentence
    if end and (cut is None or end.start() < cut.start()):
        return title[: end.end()], title[end.end() :].strip()
    if cut:
        return title[: cut.start()], title[cut.end() :].strip()
    return title, ""


def _finish(item: _OpenItem) -> AgendaItem:
    texts = [item.title] + [ln.text.strip() for ln in item.lines[1:]]
    joined = clean(" ".join(texts))
    presenter = None
    notes = [item.rest] if item.rest else []
    for body in _BRACKETED.findall(joined):
        presenter = presenter or _presenter(body)
        if presenter is None:
            notes.append(clean(body))
    title = _BRACKETED_SPAN.sub(" ", joined)
    pages = None
    ref = _PAGE_REF.search(title)
    if ref:
        start = int(ref["start"])
        pages = PageSpan(start=start, end=int(ref["end"] or start))
        title = title[: ref.start()] + " " + title[ref.end() :]
    for note in _TRAILING_PARENTHESES.findall(title):
        if len(note) > 60:  # a long parenthetical after the title is a note, not the title
            notes.append(clean(note))
            title = title[: title.rfind("(")]
    title, tail = _heading_words(clean(title))
    if tail:
        notes.insert(0, tail)
    notes.extend(join_lines(block) for block in paragraphs(item.description))
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


_BRACKETED = compiled(r"\[([^\]]*)\]?")
_BRACKETED_SPAN = compiled(r"\[[^\]]*\]?")
_TRAILING_PARENTHESES = compiled(r"\(([^()]*)\)\s*$")


def _presenter(body: str) -> Presenter | None:
    """'[Karen Samuels, Head of Community Safety, to present report]' → name and role."""
    body = clean(body)
    match = _PRESENTER_LEAD.match(body)
    if not match:
        return None
    parts = [p.strip() for p in _COMMA.split(match["who"]) if p.strip()]
    if not parts:
        return None
    return Presenter(name=parts[0], role=", ".join(parts[1:]) or None)


_PRESENTER_LEAD = compiled(rf"^(?P<who>.+?),?\s+{meeting_words.PRESENTER_LEAD}")
_COMMA = compiled(r",\s*")


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
    dated_sentences: list[UnplacedText] = []  # date lines that say more than was taken
    for i, (text, _) in enumerate(left):
        label = meeting_words.MEETING_LABEL.match(head[i].text.strip())
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
        if letter and LETTER_FIELD.match(text):
            continue
        if not meeting.council and (council := _council_line(text)):
            meeting.council = council
            used.add(i)
            continue
        if AGENDA_HEADING.match(text):
            used.add(i)  # the sheet's own heading: recognised, nothing to keep
            continue
        date = parse_date(text)
        if not date or _ITEM.match(text) or not _better_date(text, meeting_date_line):
            continue
        meeting_date_line = text
        meeting.date = date
        used.add(i)
        if i + 1 < len(left) and _AM_PM.match(left[i + 1][0]):
            text = f"{text} {left[i + 1][0]}"  # "at 10.00" / "am" wrapped in a narrow column
            used.add(i + 1)
        # the time may stand in the line's right-hand column ("14th September 2017" and,
        # set apart, "at 7.30pm in the Village Hall")
        meeting.time = find_time(text) or find_time(head[i].text) or meeting.time
        venue = _venue_after(left, i)
        if venue and not meeting.venue:
            meeting.venue, venue_lines = venue
            used.update(venue_lines)
        sentence = " ".join(t for t, _ in left[max(0, i - 1) : i + 2])  # a sentence may wrap
        held_in = meeting_words.HELD_AT_ON_A_DAY.search(sentence)
        if held_in:
            meeting.venue = clean(held_in["venue"])
        named = _BODY_BEFORE_DATE.match(text) or meeting_words.BODY_IN_SENTENCE.search(sentence)
        if named and not meeting.body:
            body = clean(named["body"])
            meeting.body = body.title() if body.isupper() else body
        if _holds_more_than(text, meeting):
            dated_sentences.append(UnplacedText(page=head[i].page, text=text))
    if not meeting.body and (found := _body(left)):
        meeting.body, body_lines = found
        used.update(body_lines)
    leftovers = [
        UnplacedText(page=head[i].page, text=right) for i in sorted(used) if (right := left[i][1])
    ]
    return meeting, used, dated_sentences + leftovers


_AM_PM = compiled(r"^(am|pm|a\.m\.|p\.m\.)$", regex.I)


def _holds_more_than(text: str, meeting: Meeting) -> bool:
    """Whether the line that dated the meeting names more than the meeting's fields took
    from it: a capitalised word of five letters or more (a venue, a body) left over once
    the date, the time and the fields' own words are taken out. Such a line is kept as
    unplaced text, so that what it says is not lost."""
    rest = TIME_PATTERN.sub(" ", DATE_PATTERN.sub(" ", text))
    taken = {
        word.casefold()
        for value in (meeting.council, meeting.body, meeting.venue)
        for word in _WORD.findall(value or "")
    }
    return any(word.casefold() not in taken for word in _CAPITALISED_WORD.findall(rest))


_WORD = compiled(r"\p{L}+")
_CAPITALISED_WORD = compiled(r"\b\p{Lu}\p{L}{4,}")


def _council_line(text: str) -> str | None:
    """The council's name when it is the whole of the line (a letterhead), else None."""
    name = council_name([text])
    printed = _LEADING_THE.sub("", text.strip(" .,:"))
    return name if name and name.casefold() == printed.casefold() else None


_LEADING_THE = compiled(r"^The\s+", regex.I)


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


# Kent's body before the date: "CABINET - THURSDAY, 30th January, 2025"
_BODY_BEFORE_DATE = compiled(rf"^(?P<body>[A-Z][A-Z &',-]+?)\s+[-–]\s+{WEEKDAY},", regex.I)


def _better_date(text: str, current: str | None) -> bool:
    """Prefer the line that dates the meeting over a letter's or a publication date."""

    def rank(line: str) -> int:
        if meeting_words.MEETING_SENTENCE.search(line):
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
        if _CONTACT_LINE.match(text):
            break
        if meeting_words.VENUE_WORD.search(text):
            parts.append(text.rstrip(","))
            used.append(j)
        elif parts:
            break
    return (clean(", ".join(parts)), used) if parts else None


# what ends the venue's lines: the officer's contact labels, or what follows the venue
_VENUE_ENDS = TELEPHONE_LABELS + EMAIL_LABELS + ASK_FOR_LABELS + meeting_words.AFTER_VENUE_WORDS
_CONTACT_LINE = compiled(rf"^({one_of(_VENUE_ENDS)})\b", regex.I)


def _body(left: list[tuple[str, str]]) -> tuple[str, list[int]] | None:
    """The committee's name: an upper-case line under "AGENDA", as Kent prints it."""
    for i, (text, _) in enumerate(left[:6]):
        if AGENDA_BANNER_LINE.match(text) and i + 1 < len(left):
            name = left[i + 1][0]
            if name.isupper() and len(name) < 80:
                return name.title(), [i, i + 1]
    return None
