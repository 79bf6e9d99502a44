"""Minute item headings as a reader finds them: lines that look like headings and carry
one numbering that runs on through the minutes.

A council numbers its minutes in its own way ("5", "5.", "19.09.01", "11.25.01", "67/25",
"Min 45/19", "C123", "8a"), but every way is a numbering that counts up, printed at the
left margin on a line that stands out: a heading block of the layout, a line set bold or
underlined against body text that is not, or, for compound numbers ("67/25",
"19.09.01") that no paragraph list uses, any line that opens a block. The numbering with
the longest run of such headings is the minutes' own; a numbered paragraph inside an item
has a plain number of its own, not the minutes' numbering, or it does not count up from
the last heading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..extract import Line
from ..layout import Block, BlockKind, body_style
from ..layout.styles import emphasised, line_style
from ..patterns import compiled
from ..vocabulary.minutes import MINUTE_NUMBER_PREFIX, NOT_ITEM_LABEL
from ..vocabulary.people import MEMBER_TITLE
from .common import DATE_PATTERN, LETTER, clean

_ITEM_NUMBER = compiled(
    rf"^(?P<number>(?:{MINUTE_NUMBER_PREFIX}\s*)?\p{{Lu}}?\d{{1,4}}(?:[./]\s?\d{{1,4}})*"
    r"(?P<suffix>[a-z])?)(?:\s*[.):]+\s*|\s+)(?P<title>[\p{Lu}'‘\"“(].*)$"
)
_DIGITS = compiled(r"\d+")
# a date opens with a number that numbers nothing: "12 June 2018"
_DATE = compiled(r"^\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}\b")
# what follows a dash after a heading's title is the item's content when it is a phrase of
# its own ("- accepted", "- Monday, 5th January"), not the title's second half ("- OCC)")
_CONTENT_AFTER_DASH = compiled(r"\s[-–—]\s+(?=\p{Ll}|[^,]*,)")
_INDENT_POINTS = 12.0
_INDENT_COLUMNS = 2.0
_LONGEST_TITLE_WORDS = 16


@dataclass(frozen=True, slots=True)
class ItemHeading:
    number: str | None  # as printed, without a trailing "." or ")"; None for a labelled item
    title: str
    lines: list[Line]  # the heading's lines: the first, and any its title wraps onto
    rest: str = ""  # the item's text printed on the heading's line after its label
    styled: bool = False  # the title ends where the line's emphasis does


@dataclass(frozen=True, slots=True)
class _Candidate:
    number: str
    shape: str  # the numbering's form: "9.9.9", "9/9", "A9", "9"
    order: tuple[int, int]  # the count that runs on, and the letter after it
    title: str
    lines: list[Line]
    strong: bool  # it looks like a heading, not only numbered like one
    rest: str = ""  # the item's text after the title on the heading's line
    styled: bool = False


def item_headings(lines: Sequence[Line], blocks: Sequence[Block]) -> list[ItemHeading]:
    """The minutes' item headings in reading order, or [] when no numbering runs on."""
    candidates = _candidates(lines, blocks)
    best: list[_Candidate] = []
    for shape in dict.fromkeys(c.shape for c in candidates):
        run = _running(c for c in candidates if c.shape == shape)
        if sum(c.strong for c in run) >= 2 and len(run) > len(best):
            best = run
    return [ItemHeading(c.number, c.title, c.lines, c.rest, c.styled) for c in best]


def _candidates(lines: Sequence[Line], blocks: Sequence[Block]) -> list[_Candidate]:
    body = body_style(blocks)
    starts = {}
    for block in blocks:
        if block.kind is BlockKind.furniture:
            continue
        # a table region holds one minute a row where minutes are set in a grid; a block
        # whose lines each open with a number is one short minute a line
        one_a_line = sum(bool(_ITEM_NUMBER.match(ln.text.strip())) for ln in block.lines) >= 2
        opening = block.lines if block.kind is BlockKind.table or one_a_line else block.lines[:1]
        for line in opening:
            starts[line] = (block, one_a_line)
    found = []
    for line in lines:
        if line not in starts:
            continue
        block, one_a_line = starts[line]
        text = line.text.strip()
        match = _ITEM_NUMBER.match(text)
        if match is None or _DATE.match(text):
            continue
        heading = block.kind is BlockKind.heading and block.lines[0] is line
        title_lines = block.lines if heading and not one_a_line else [line]
        heading = heading or (block.kind is BlockKind.heading and one_a_line)
        emphasised_part = _emphasised_part(line, body)
        first = emphasised_part or match["title"]
        title = clean(" ".join([first, *(ln.text for ln in title_lines[1:])]))
        title = _title(title)
        if not title or len(title.split()) > _LONGEST_TITLE_WORDS:
            continue
        number = match["number"]
        shape = _shape(number)
        strong = heading or bool(emphasised_part) or emphasised(line_style(line), body)
        if not strong and not _compound(shape):
            continue
        rest = _after_title(clean(match["title"]), title) if len(title_lines) == 1 else ""
        found.append(
            _Candidate(
                number,
                shape,
                _order(number),
                title,
                title_lines,
                strong,
                rest,
                styled=bool(emphasised_part),
            )
        )
    return found


def _after_title(text: str, title: str) -> str:
    """What the heading's line prints after its title ("- accepted", ": Cllr Walshe",
    "- the following applications were discussed:"), its own closing colon kept."""
    if not text.startswith(title):
        return ""
    rest = text[len(title) :].lstrip(" :-–—").rstrip()
    return rest if LETTER.search(rest) else ""


def _emphasised_part(line: Line, body) -> str | None:
    """ "2.  MINUTES  The minutes of ...": where the heading's words stand out and the
    line runs on in body text, the title is the words that stand out (number left off)."""
    spans = [span for span in line.spans if span.text.strip()]
    marked = [emphasised(span.style, body) for span in spans]
    if not marked or not marked[0] or all(marked):
        return None
    lead = spans[: marked.index(False)]
    text = " ".join(span.text.strip() for span in lead)
    match = _ITEM_NUMBER.match(text)
    return match["title"] if match else None


_CONTENT_AFTER_COLON = compiled(r":(?:\s|$)")
_BEFORE_DIGITS = compiled(r"^\D*")


def _title(text: str) -> str:
    """The heading's title: up to a colon or a dash that the item's content follows."""
    text = _CONTENT_AFTER_COLON.split(text, maxsplit=1)[0]
    text = _CONTENT_AFTER_DASH.split(text, maxsplit=1)[0]
    return text.strip(" -–—")


def _shape(number: str) -> str:
    prefix = _BEFORE_DIGITS.match(number).group()
    rest = number[len(prefix) :].rstrip("abcdefghijklmnopqrstuvwxyz")
    return ("A" if prefix.strip() else "") + _DIGITS.sub("9", rest.replace(" ", ""))


def _compound(shape: str) -> bool:
    return shape != "9"


def _order(number: str) -> tuple[int, int]:
    """The count that runs on: the last part of a dotted number ("11.25.07"), the first of a
    running number over a year ("67/25", "Min 45/19"), with the letter after it ("8b")."""
    parts = [int(d) for d in _DIGITS.findall(number)]
    running = parts[0] if "/" in number else parts[-1]
    letter = number[-1]
    return running, (ord(letter) - ord("a") + 1) if letter.islower() else 0


def _running(candidates) -> list[_Candidate]:
    """The candidates that count up, at the indent of the first heading: a numbered entry
    further in, or one that does not count on from the heading above, is part of an item."""
    run: list[_Candidate] = []
    margin = None
    before: list[_Candidate] = []  # compound numbers above the first heading that stands out
    for candidate in candidates:
        line = candidate.lines[0]
        if margin is None:
            if not candidate.strong:
                before.append(candidate)
                continue
            margin = line.x0
            run = _leading(before, candidate)
        tolerance = _INDENT_POINTS if line.has_geometry else _INDENT_COLUMNS
        if line.x0 > margin + tolerance:
            continue
        if run and candidate.order <= run[-1].order:
            continue
        run.append(candidate)
    return run


def _leading(before: list[_Candidate], first: _Candidate) -> list[_Candidate]:
    """The minutes' first items, numbered like the heading after them but set in body text
    ("67/25 Apologies: Cllr Walshe" above a bold "69/25 ..."): compound numbers at its
    margin that count up to it one by one."""
    tolerance = _INDENT_POINTS if first.lines[0].has_geometry else _INDENT_COLUMNS
    leading: list[_Candidate] = []
    expected = first.order[0]
    for candidate in reversed(before):
        if (
            _compound(candidate.shape)
            and abs(candidate.lines[0].x0 - first.lines[0].x0) <= tolerance
            and candidate.order == (expected - 1, 0)
        ):
            leading.insert(0, candidate)
            expected -= 1
    return leading


# "Police Matters:", "Minutes::", "Treasurer's Report.:", "Report from the Chair: Written
# report ...": a title, the colon that labels it, and the item's text running on
_LABELLED = compiled(r"^(?P<title>[\p{Lu}'‘\"“][^:]{1,80}?)[\s.]*:+(?:\s+(?P<rest>.*))?$")
_LONGEST_LABEL_WORDS = 8
_MARGIN_POINTS = 6.0


def labelled_headings(
    lines: Sequence[Line],
    blocks: Sequence[Block],
    is_attendance: Callable[[str], bool],
    not_an_item: Callable[[str], bool],
) -> list[ItemHeading]:
    """Unnumbered item headings at the left margin: a heading block or a line set bold, or a
    short title labelled with a colon, with the item's text under it or after the colon.
    ``is_attendance`` tells an attendance list's label, ``not_an_item`` any other line that
    is no item's heading (a decision's lead-in). A numbered
    entry is not one: it is a list inside an item, or a numbered heading. Headings before
    the first attendance label are the minutes' title, and a title holding a date is a
    meeting's heading; with no attendance label, labels are a form's, not minutes' items."""
    body = body_style(blocks)
    # each block that may open an item, with the block after it (none after the last; a
    # text export may have no blocks at all)
    opening = {
        block.lines[0]: (block, following)
        for block, following in zip(blocks, [*blocks[1:], None], strict=False)
        if block.kind not in (BlockKind.furniture, BlockKind.list_item) and not block.marker
    }
    starts = [line for line in lines if line in opening]
    if not starts:
        return []
    margin = min(line.x0 for line in starts)
    tolerance = _MARGIN_POINTS if starts[0].has_geometry else _INDENT_COLUMNS
    labelled_from = next(
        (i for i, line in enumerate(lines) if is_attendance(line.text.strip())), None
    )
    if labelled_from is None:
        return []  # no attendance: a form of labels ("Proposer:", "Purpose:"), not minutes
    found: list[ItemHeading] = []
    for index, line in enumerate(lines):
        if line not in opening or line.x0 > margin + tolerance:
            continue
        block, following = opening[line]
        if index <= labelled_from:
            continue
        text = line.text.strip()
        if (
            is_attendance(text)
            or not_an_item(text)
            or _ITEM_NUMBER.match(text)
            or DATE_PATTERN.search(text)
        ):
            continue
        label = _LABELLED.match(text)
        strong = (block.kind is BlockKind.heading and block.lines[0] is line) or emphasised(
            line_style(line), body
        )
        if label:
            title, rest = clean(label["title"]), clean(label["rest"] or "")
            if not strong and not _reads_as_title(title):
                continue
        elif strong and len(block.lines) == 1 and not _in_columns(line):
            title, rest = clean(text).rstrip(" .:"), ""
        elif _leads_a_list(line, block, following) and _reads_as_title(text):
            # "Matters Arising from previous minutes ." over "1. ...", "2. ..."
            title, rest = clean(text).rstrip(" .:"), ""
        else:
            continue
        if (
            len(LETTER.findall(title)) < 3
            or len(title.split()) > _LONGEST_LABEL_WORDS
            or NOT_ITEM_LABEL.match(title)
        ):
            continue
        found.append(ItemHeading(None, title, [line], rest))
    return found


def _reads_as_title(title: str) -> bool:
    """A label that names an item: no sentence inside it, no person speaking ("Cllr Smith:")."""
    return not _SENTENCE_INSIDE.search(title) and not _SPEAKER.match(title)


_SENTENCE_INSIDE = compiled(r"[.;!?]\s+\S|,")


_SPEAKER = compiled(rf"^{MEMBER_TITLE}\.?\s+\p{{Lu}}")


_COLUMN_GAP_POINTS = 40.0


def _in_columns(line: Line) -> bool:
    """A row of a grid ("Agenda Items/Discussion     Action"): words set far apart."""
    spans = [span for span in line.spans if span.text.strip()]
    return any(b.x0 - a.x1 > _COLUMN_GAP_POINTS for a, b in zip(spans, spans[1:], strict=False))


def _leads_a_list(line: Line, block: Block, following: Block | None) -> bool:
    """A one-line paragraph of a few words with a numbered list right under it."""
    if len(block.lines) != 1 or len(line.text.split()) > _LONGEST_LABEL_WORDS:
        return False
    return (
        following is not None and following.kind is BlockKind.list_item and bool(following.marker)
    )
