"""Minutes: the meeting's facts, who attended, declarations, and each item with its
resolutions (with votes) and the actions people agreed to take.

Layouts handled:
- ModernGov minutes in a pack (Wolverhampton): "Adults and ... Panel / Minutes - 10 April
  2018", an Attendance block with "Members of the ..." / "Witnesses" / "Employees" headings
  and one person a line ("Cllr Linda Leach (Chair)", "Hannah Pawley - Trainee CWC", name and
  role in two columns), items "1 Apologies", "Resolved:" followed by a numbered list.
- Kent printed minutes: "MINUTES of a meeting of the Cabinet held in <venue> on <date>",
  "PRESENT:" / "IN ATTENDANCE:" / "IN ATTENDANCE VIRTUALLY:" comma lists wrapping over
  lines, minute numbers "84. Apologies" with "(Item 1)" under them, numbered paragraphs,
  "RESOLVED that ...", recorded votes "For (14)" / "Against (45)" / "Abstain (4)".
- Bristol printed minutes: "Minutes of the <body>" then "<date> at <time>", "Members
  Present:-" / "Councillors: Ed Plowden (Chair), ...", items "1 Welcome ...", apologies and
  substitutes in a sentence, "It was APPROVED" / "RESOLVED:" lists, votes in brackets
  "CARRIED (6 members voting in favour, none against with 3 abstentions)".
- US minutes: roll-call tables (name, title, Present/Absent/Late), "Commissioners
  Present: ..." lists, "RESULT: / MOTION BY: / AYES: / NAYS:" blocks, "APPROVED – ...".

Resolution numbers: a number printed before "RESOLVED" / "It was APPROVED" numbers the
paragraph when the minute numbers its discussion the same way above it (Kent: "1. Mr ...
said", "2. ...", "3. RESOLVED that ..."; "(26) ...", "(27) RESOLVED that:"), so the
resolution's ``number`` is null, as for every Kent resolution; it numbers the decision when
nothing above it is numbered (Bristol: "1. It was APPROVED that a Task and Finish Group
...", recommendation 1 of the report, listed again as "1." in the summary). Numbered
entries under a "RESOLVED:" line are always the resolutions' own numbers. A list that
restates decisions already recorded vote by vote (Bristol's "SUMMARY OF APPROVED
RECOMMENDATIONS") adds no resolutions: it lends its numbers to the first records.

Lines no field takes (page furniture left over, headings such as "UNRESTRICTED ITEMS") go
to ``unplaced_text``; an item's ``text`` keeps its whole discussion, resolutions included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex
from rapidfuzz import fuzz, utils

from ..extract import Line
from ..layout import Block, BlockKind, find_marker
from ..models import (
    Action,
    Attendance,
    Declaration,
    MinuteItem,
    MinutesDocument,
    Person,
    Resolution,
    ResolutionPart,
    Votes,
)
from ..patterns import compiled
from ..vocabulary import attendance as attendance_words
from ..vocabulary import decisions as decision_words
from ..vocabulary import meetings as meeting_words
from ..vocabulary._phrases import one_of
from ..vocabulary.people import (
    COUNCILLOR,
    COUNCILLORS_LIST,
    COUNCILLORS_PLURAL,
    COUNCILLORS_PLURAL_WITHOUT_COLON,
    HONORIFIC,
    MEMBER_TITLE,
)
from .common import DATE_PATTERN, LETTER, clean, find_time, line_gap, parse_date, provenance
from .common import unplaced as unplaced_text
from .minute_headings import ItemHeading, item_headings, labelled_headings
from .people import person, split_names

# --- item headings -----------------------------------------------------------------------

_HEADING = compiled(r"^(?P<number>[1-9]\d{0,2})(?P<dot>[.)]?)\s+(?P<title>[\p{Lu}\d'‘\"“].*)$")
_AGENDA_REF = compiled(r"^\(\s*Item\s+(?P<item>[\w.]+)\s*\)$", regex.I)
_TITLE_END_WORDS = compiled(r"(?i)\b(?:and|of|the|for|to|in|on|or|with|a|an|-|–|&)$")

# --- attendance labels -------------------------------------------------------------------

# (label, the attendance list it fills, whether those listed attended virtually)
_LABELS: list[tuple[regex.Pattern, str, bool]] = [
    (attendance_words.VIRTUAL_ATTENDANCE_LABEL, "in_attendance", True),
    (attendance_words.IN_ATTENDANCE_LABEL, "in_attendance", False),
    (attendance_words.APOLOGIES_LABEL, "apologies", False),
    (attendance_words.ABSENT_LABEL, "absent", False),
    (attendance_words.SUBSTITUTES_LABEL, "substitutes", False),
    (attendance_words.MEMBERS_LABEL, "members", False),
]
_LABEL_SEPARATOR = compiled(r"^\s*(?::-|:|-)\s*")
_HONORIFIC_LABEL = COUNCILLORS_LIST
_BULLET = compiled(r"^(?:[\uf0b7\uf0a7•▪◦●○■►➢❖o\-]\s+)")
_STOP = compiled(
    r"^(?:UNRESTRICTED\s+ITEMS|EXEMPT\s+ITEMS|Part\s+(?:1|2|I|II|One|Two)\b|Item\s+No\.?|"
    r"Election\s+of\s+Chair|[\uf0b7\uf0a7•])",
    regex.I,
)

# --- decisions -----------------------------------------------------------------------------

_MARKER = compiled(r"^(?P<marker>\(?(?:\d{1,2}[a-z]?|[a-zA-Z]|[ivx]{1,4})[.)])\s+(?=\S)")
_OWNER_WORD = compiled(r"^(?:\p{Lu}[\w'’&-]*|of|and|for|the|&|officers?)$")


@dataclass(slots=True)
class _Item:
    number: str | None
    title: str
    heading: Line
    agenda_item: str | None = None
    lines: list[Line] = field(default_factory=list)


def parse(lines: list[Line], blocks: Sequence[Block] = ()) -> MinutesDocument:
    items = _find_items(lines, blocks) or _outline_items(lines)
    first = lines.index(items[0].heading) if items else len(lines)
    header = lines[:first]
    document = MinutesDocument()
    used: set[int] = set()
    _meeting_facts(header, document, used)
    attendance_used = _header_attendance(header, document.attendance)
    used |= attendance_used
    body_names = _body_names(document.body)
    heading_lines = _field_headings(header, used, document, body_names)
    if attendance_used:
        items = _preamble_items(header, used, max(attendance_used), heading_lines) + items
    order = {line: index for index, line in enumerate(lines)}
    leftover = [
        (order[line], _residual(line, document, body_names))
        for i, line in enumerate(header)
        if i not in used and i not in heading_lines
    ]
    repeated = {clean(header[i].text) for i in heading_lines}
    for item in items:
        item.lines, set_aside = _set_aside(item, repeated)
        leftover.extend((order[line], line) for line in set_aside)
        _leading_attendance(item, document.attendance)
        minute = _minute_item(item)
        document.items.append(minute)
        _item_attendance(item, minute, document)
        _item_declarations(item, minute, document)
    document.unplaced_text = _unplaced_runs(leftover)
    document.public_attendance = _public_count([line.text for line in header], document.items)
    return document


def _public_count(header: list[str], items: list[MinuteItem]) -> int | None:
    """How many members of the public the minutes count, above the items or in them."""
    for text in [clean(" ".join(header)), *(item.text for item in items)]:
        found = attendance_words.find_public_count(text)
        if found:
            number = found["n"].lower()
            return int(number) if number.isdigit() else attendance_words.PUBLIC_NUMBERS[number]
    return None


def _unplaced_runs(leftover: list[tuple[int, Line]]) -> list:
    """Unplaced text a paragraph per run of neighbouring lines: lines that other lines
    separated in the minutes are not joined."""
    runs: list[list[Line]] = []
    previous = None
    for index, line in sorted(leftover, key=lambda pair: pair[0]):
        if not line.text.strip():
            continue
        if previous is None or index != previous + 1:
            runs.append([])
        runs[-1].append(line)
        previous = index
    return [entry for run in runs for entry in unplaced_text(run)]


# --- items ---------------------------------------------------------------------------------


def _find_items(lines: list[Line], blocks: Sequence[Block]) -> list[_Item]:
    """Item headings: Kent's "84. Apologies" with "(Item 1)" under it where the minutes
    print agenda references; otherwise the reading that finds more items of the two: the
    headings the layout shows carrying one running numbering (``minute_headings``), or
    numbered lines that count up one by one from 1 (a text export shows no headings)."""
    referenced = _referenced_headings(lines)
    if referenced:
        return referenced
    counted = _counted_headings(lines)
    headings = item_headings(lines, blocks)
    seen = _items_under(headings, lines)
    # as many either way: where emphasis ends a title ("1. APOLOGIES  A Horne - ..."), the
    # headings the layout shows know where it ends
    styled = any(heading.styled for heading in headings)
    numbered = (
        seen if len(seen) > len(counted) or (styled and len(seen) == len(counted)) else counted
    )
    labelled = _labelled_items(lines, blocks)
    return labelled if _labels_are_items(labelled, numbered, lines, blocks) else numbered


_FEWEST_LABELLED_ITEMS = 3


def _labelled_items(lines: list[Line], blocks: Sequence[Block]) -> list[_Item]:
    """Items under unnumbered labelled or bold headings ("Police Matters:", "Minutes::
    The Minutes ... were agreed"); the text after a label is the item's first line."""
    return _items_under(labelled_headings(lines, blocks, _is_attendance_label, _not_an_item), lines)


def _items_under(headings: list[ItemHeading], lines: list[Line]) -> list[_Item]:
    """Each heading with the lines down to the next; what the heading's line prints after
    its title opens the item's text."""
    items = []
    for position, heading in enumerate(headings):
        start = lines.index(heading.lines[-1]) + 1
        end = (
            lines.index(headings[position + 1].lines[0])
            if position + 1 < len(headings)
            else len(lines)
        )
        first = heading.lines[0]
        item = _Item(heading.number, heading.title, first)
        anchor = _AGENDA_REF.match(lines[start].text.strip()) if start < end else None
        if anchor and heading.number is None:
            # "Apologies for Absence" over "(Item 1)": the item's number is its anchor's
            item.number = item.agenda_item = anchor["item"]
        after = [replace(first, text=heading.rest, spans=())] if heading.rest else []
        item.lines = [*heading.lines, *after, *lines[start:end]]
        items.append(item)
    return items


def _is_attendance_label(text: str) -> bool:
    return _label(_BULLET.sub("", text)) is not None


def _not_an_item(text: str) -> bool:
    """A decision's lead-in ("RESOLVED:", "It was agreed:") heads no item."""
    return bool(decision_words.DECISION.search(text) or decision_words.find_prose_decision(text))


def _labels_are_items(
    labelled: list[_Item], numbered: list[_Item], lines: list[Line], blocks: Sequence[Block]
) -> bool:
    """Labelled headings are the items when the numbers found are lists under them: most
    numbered headings open list entries, not headings, and labelled headings stand
    between them ("Matters Arising:" then "1. ...", "Planning:" then "1. ..."), or above
    them and as many."""
    if len(labelled) < _FEWEST_LABELLED_ITEMS:
        return False
    if not numbered:
        return True
    entries = {b.lines[0] for b in blocks if b.kind is BlockKind.list_item}
    listed = sum(item.heading in entries for item in numbered)
    if listed * 2 < len(numbered) and len(numbered) > 1:
        return False
    first, last = lines.index(numbered[0].heading), lines.index(numbered[-1].heading)
    places = [lines.index(item.heading) for item in labelled]
    between = sum(first < place < last for place in places)
    # or the list's numbers sit under a label, and the labels are as many as the numbers
    above = any(place < first for place in places) and len(labelled) >= len(numbered)
    return between >= 2 or above


def _counted_headings(lines: list[Line]) -> list[_Item]:
    """Numbered lines from 1 that count up one by one, in the style (with or without a full
    stop) and at the indent of the first."""
    items: list[_Item] = []
    style = None
    indent = None
    for index, line in enumerate(lines):
        match = _HEADING.match(line.text.strip())
        if not match or len(line.text) > 160 or _looks_like_sentence(match["title"]):
            continue
        number = int(match["number"])
        if items:
            if number != int(items[-1].number) + 1 or match["dot"] != style:
                continue
            if indent is not None and line.x0 > indent + (12 if line.has_geometry else 2):
                continue
        elif number != 1:
            continue
        title_lines = [line]
        for follow in lines[index + 1 : index + 3]:
            if _continues_title(title_lines[-1], follow):
                title_lines.append(follow)
            else:
                break
        title = clean(" ".join([match["title"], *(ln.text for ln in title_lines[1:])]))
        if items:
            _close(items[-1], lines, index)
        style = match["dot"]
        indent = line.x0 if indent is None else indent
        item = _Item(match["number"], title, line)
        item.lines = title_lines  # body lines are filled by _close
        items.append(item)
    if items:
        _close(items[-1], lines, len(lines))
    return items


_OUTLINE_BULLET = compiled(r"^[•▪◦■➢❖\uf0b7\uf0a7]\s+(?P<title>\S.*)$")
_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "on", "&"}


def _outline_items(lines: list[Line]) -> list[_Item]:
    """Minutes kept as a bullet outline (SSA #21): the outermost bullets that read as
    headings ("• Perfunctory Business", "• New Business") open items; the outermost bullets
    that are sentences ("• Meeting called to order at 9:08am – ...") belong to the item
    above them."""
    bullets = [
        (index, line, match["title"])
        for index, line in enumerate(lines)
        if (match := _OUTLINE_BULLET.match(line.text.strip()))
    ]
    if not bullets:
        return []
    outermost = min(line.x0 for _, line, _ in bullets)
    tolerance = 3 if lines[0].has_geometry else 1
    heads = [
        (index, line, clean(title))
        for index, line, title in bullets
        if line.x0 <= outermost + tolerance and _reads_as_heading(title)
    ]
    if len(heads) < 2:
        return []
    items = []
    for position, (index, line, title) in enumerate(heads):
        end = heads[position + 1][0] if position + 1 < len(heads) else len(lines)
        item = _Item(None, title, line)
        item.lines = lines[index:end]
        items.append(item)
    return items


def _reads_as_heading(title: str) -> bool:
    words = title.split()
    return (
        0 < len(words) <= 5
        and not _DIGIT_OR_PUNCTUATION.search(title)
        and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    )


_DIGIT_OR_PUNCTUATION = compiled(r"[\d:;.,–-]")


_SECTION_MARK = compiled(
    r"^(?:UNRESTRICTED\s+ITEMS|EXEMPT\s+ITEMS|\(Open\s+access\s+to\s+minutes\)"
    r"|Part\s+(?:1|2|I|II|One|Two)\b.*|Item\s+No\.?.*)$",
    regex.I,
)


def _preamble_items(header: list[Line], used: set[int], after: int, held: set[int]) -> list[_Item]:
    """Business before the first numbered minute (Kent's "Election of Chair" with its own
    "RESOLVED that ..."): a heading line after the attendance, with text under it."""
    free = [i for i in range(after + 1, len(header)) if i not in used and i not in held]
    heads = [
        i
        for i in free
        if not _SECTION_MARK.match(header[i].text.strip())
        and _reads_as_heading(header[i].text.strip())
    ]
    items = []
    for position, head in enumerate(heads):
        end = heads[position + 1] if position + 1 < len(heads) else len(header)
        body = [i for i in range(head + 1, end) if i in free]
        body = [i for i in body if not _SECTION_MARK.match(header[i].text.strip())]
        if not body:
            continue
        item = _Item(None, clean(header[head].text), header[head])
        item.lines = [header[head], *(header[i] for i in body)]
        used.update([head, *body])
        items.append(item)
    return items


def _set_aside(item: _Item, repeated: set[str]) -> tuple[list[Line], list[Line]]:
    """Keep section headings ("EXEMPT ITEMS") out of the minute above them: they go to
    unplaced text. A page's repeat of the minutes' own heading is dropped: the fields hold
    it."""
    kept, aside = [], []
    for line in item.lines:
        text = clean(line.text)
        if text in repeated:
            continue
        if line is not item.heading and _SECTION_MARK.match(text):
            aside.append(line)
        else:
            kept.append(line)
    return kept, aside


def _leading_attendance(item: _Item, attendance: Attendance) -> None:
    """Attendance lists that open an item ("• Perfunctory Business" then "o Commissioners
    Present: ..."): read into the attendance and taken out of the item's text."""
    body = item.lines[1:]
    if not body or _list_label(body[0]) is None:
        return  # the lists would be read from the body's first line on: it opens none
    read = Attendance()
    trial = _header_attendance(body, read)
    prefix = 0
    while prefix in trial:
        prefix += 1
    if prefix == 0 or not any(read.model_dump().values()):
        return  # a sentence that only names a label ("Members of the public were invited
        # to participate."): it names no one, so it stays the item's text
    _header_attendance(body[:prefix], attendance)
    item.lines = [item.lines[0], *body[prefix:]]


def _referenced_headings(lines: list[Line]) -> list[_Item]:
    items: list[_Item] = []
    for index, line in enumerate(lines):
        match = _AGENDA_REF.match(line.text.strip())
        if not match:
            continue
        for back in range(1, 4):
            if index - back < 0:
                break
            head = _HEADING.match(lines[index - back].text.strip())
            if head and head["dot"]:
                title_lines = lines[index - back : index]
                title = clean(" ".join([head["title"], *(ln.text for ln in title_lines[1:])]))
                if items:
                    _close(items[-1], lines, index - back)
                item = _Item(head["number"], title, lines[index - back], agenda_item=match["item"])
                item.lines = [*title_lines, line]
                items.append(item)
                break
    if items:
        _close(items[-1], lines, len(lines))
    return items


def _close(item: _Item, lines: list[Line], end: int) -> None:
    start = lines.index(item.lines[-1]) + 1
    item.lines = item.lines + lines[start:end]


_SENTENCE_STOP = compiled(r"\.\s+\p{Lu}")


def _looks_like_sentence(title: str) -> bool:
    """ "1. It was APPROVED that ..." is a paragraph, not a heading."""
    return len(title.split()) > 14 or bool(_SENTENCE_STOP.search(title))


def _continues_title(previous: Line, line: Line) -> bool:
    text = line.text.strip()
    if not text or _HEADING.match(text) or _AGENDA_REF.match(text):
        return False
    if find_marker(text) is not None:
        return False  # a list under the heading ("i) Lloyds Bank ..."), not its second line
    return text[:1].islower() or bool(_TITLE_END_WORDS.search(previous.text.strip()))


def _minute_item(item: _Item) -> MinuteItem:
    # the heading's own lines lead the item: counted up to the first that is not one, so
    # that a body line is never skipped for a later line that happens to repeat the title
    heading_count = 1
    for ln in item.lines[1:4]:
        if ln is item.lines[0] or not _is_heading_part(item, ln):
            break
        heading_count += 1
    body = item.lines[heading_count:]
    text = _text(body)
    minute = MinuteItem(
        number=item.number,
        agenda_item=item.agenda_item,
        title=item.title,
        text=text,
        provenance=provenance(item.heading),
    )
    # the paragraphs of the text, read for resolutions and then for actions
    blocks = [block for block in text.split("\n") if block]
    resolutions, decided = _resolutions(body, blocks)
    minute.actions, decisions = _actions(blocks, decided)
    for resolution in [*resolutions, *decisions]:
        step = _a_step_on_the_way(resolution.text)
        (minute.procedural_votes if step else minute.resolutions).append(resolution)
    return minute


def _a_step_on_the_way(text: str) -> bool:
    """A vote on the conduct of the meeting or on an amendment: it decides nothing on the
    item itself."""
    return bool(
        decision_words.PROCEDURAL_MOTION.search(text) or decision_words.AMENDMENT_VOTE.search(text)
    )


def _is_heading_part(item: _Item, line: Line) -> bool:
    text = line.text.strip()
    return bool(_AGENDA_REF.match(text)) or clean(text) in item.title


def _scoped(pattern: regex.Pattern) -> str:
    """A pattern's source with its case flag kept, to be one branch of a larger pattern."""
    flag = "i" if pattern.flags & regex.IGNORECASE else "-i"
    return f"(?{flag}:{pattern.pattern.removeprefix('^')})"


# a line that opens a block of its own, any of these kinds: tried as one pattern, since
# this is asked of every line of the minutes
_BLOCK_START = compiled(
    "^(?:"
    + "|".join(
        _scoped(p)
        for p in (
            _MARKER,
            _BULLET,
            decision_words.COUNT_LIST,
            decision_words.OUTCOME_LINE,
            decision_words.RESULT,
            decision_words.ROLL,
            decision_words.US_MOTION,
            decision_words.RECOMMENDATION_HEAD,
        )
    )
    + ")"
)


def _text(lines: list[Line]) -> str:
    """Paragraphs joined with blank lines, numbered paragraphs and list entries each on a
    line of their own, so a reader sees the structure."""
    out: list[str] = []
    gap = line_gap(lines)
    previous = None
    for line in lines:
        text = line.text.strip()
        new_block = previous is None or (
            _BLOCK_START.match(text)
            or (
                line.page == previous.page
                and line.top - previous.top > gap * 1.45
                and not _runs_on(previous, line)
            )
        )
        if new_block:
            out.append(text)
        else:
            out[-1] = f"{out[-1]} {text}"
        previous = line
    return "\n".join(clean(block) for block in out)


def _runs_on(previous: Line, line: Line) -> bool:
    """A wrap the export broke with a blank line: no full stop before, or lower case after."""
    before = previous.text.rstrip()
    return (
        line.text[:1].islower() or before.endswith("-") or not before.endswith((".", ":", ";", ")"))
    )


# --- resolutions and votes -----------------------------------------------------------------


def _resolutions(lines: list[Line], blocks: list[str]) -> tuple[list[Resolution], set[int]]:
    """Decisions in reading order, with the vote that preceded each attached to it, and the
    indexes of the blocks (the paragraphs of the lines' text) that record them."""
    first_line = {}
    for line in lines:
        first_line.setdefault(clean(line.text.strip())[:40], line)
    resolutions: list[Resolution] = []
    pending: list[Resolution] = []  # outcomes of votes not yet followed by their decision
    decided: set[int] = set()
    motions: list[_Motion] = []  # who moved and seconded, for the decision that follows
    starts: list[tuple[int, int]] = []  # each block read, with the decisions recorded above it
    index = 0
    while index < len(blocks):
        block = blocks[index]
        body = _BULLET.sub("", _MARKER.sub("", block, count=1))
        where = provenance(first_line.get(block[:40]))
        starts.append((index, len(resolutions)))
        moved = decision_words.find_mover_seconder(body)
        if moved:
            motions.append(_Motion(len(resolutions), index, body, moved, where))
        trigger = decision_words.DECISION.search(body)
        us_result = decision_words.RESULT.match(body)
        if us_result:
            votes, consumed = _roll_call(blocks[index + 1 :])
            tally = _VOTE_TALLY.search(body.replace(" ", ""))
            if tally:  # "FAILED [4-2-1-1]": ayes, nays, abstentions, absent
                votes = Votes.model_validate(
                    dict(
                        zip(("for", "against", "abstained"), map(int, tally.groups()), strict=True)
                    )
                )
            elif decision_words.UNANIMOUS.search(body):
                # the names under it are scattered over lines: no count we trust, but the
                # minutes say every vote went one way
                votes = Votes(unanimous=True)
            text = " ".join([body, *blocks[index + 1 : index + 1 + consumed]])
            resolutions.append(Resolution(text=clean(text), votes=votes, provenance=where))
            decided.update(range(index, index + 1 + consumed))
            index += 1 + consumed
            continue
        if decision_words.COUNT_LIST.match(body):
            votes, consumed, outcome = _counted_vote(blocks[index:])
            pending.append(Resolution(text=outcome or "Vote", votes=votes, provenance=where))
            decided.update(range(index, index + consumed))
            index += consumed
            continue
        outcome = decision_words.OUTCOME.search(body)
        if outcome and not trigger:
            votes = _outcome_votes(outcome)
            # a vote on the meeting's conduct or on an amendment is kept whole, for what
            # it was on
            procedural = _a_step_on_the_way(body)
            text = clean(body) if procedural else _sentence_from(body, outcome.start())
            vote = Resolution(text=text, votes=votes, provenance=where)
            if procedural or decision_words.OUTCOME_FELL.search(outcome.group()):
                # no decision follows it: a motion that fell was never put, and a vote
                # on the conduct of the meeting or on an amendment decides nothing itself
                resolutions.append(vote)
            else:
                pending.append(vote)
            decided.add(index)
            index += 1
            continue
        if trigger and outcome and outcome.start() < trigger.start():
            if decision_words.AMENDMENT_VOTE.search(body, 0, trigger.start()):
                # "... the amendment was LOST (3 for, 5 against). RESOLVED that ...": the
                # vote was on the amendment, a step before the decision, not for it
                before = _sentence_from(body[: trigger.start()], outcome.start())
                resolutions.append(
                    Resolution(text=before, votes=_outcome_votes(outcome), provenance=where)
                )
            else:
                # "... was CARRIED unanimously. It was APPROVED that;" in one paragraph
                pending.append(Resolution(text="", votes=_outcome_votes(outcome)))
        if trigger and (
            trigger["word"] not in decision_words.SHORT_DECISION_WORDS or len(body) < 120
        ):
            entries, consumed = _decision_list(body, trigger, blocks[index + 1 :])
            votes = pending.pop().votes if pending else None
            resolutions.extend(pending)
            pending = []
            own_number = _resolution_number(block, blocks[:index], decided)
            if own_number and len(entries) == 1 and entries[0][0] is None:
                entries = [(own_number, entries[0][1], entries[0][2])]
            listed = [
                Resolution(
                    number=number,
                    text=text,
                    parts=parts or _parts(text),
                    votes=votes,
                    provenance=where,
                )
                for number, text, parts in entries
            ]
            resolutions.extend(_not_restated(listed, resolutions))
            decided.update(range(index, index + 1 + consumed))
            index += 1 + consumed
            continue
        prose = decision_words.find_prose_decision(body)
        if (
            prose
            and len(_decision_reach(body, prose)) > _LONGEST_DECISION_SENTENCE
            and not _WORD_IN_CAPITALS.search(prose.group())
        ):
            # "it was agreed that ..." opening a long account of a discussion reports a
            # view; minutes record the outcome in a paragraph of its own, or end one with it
            # (its mover and seconder may follow it), or set its word in capitals ("It was
            # AGREED that ...")
            prose = None
        that = decision_words.match_that_decision(body)
        if that and decision_words.OUTCOME_LINE.match(body):
            that = None  # "Agreed unanimously.": a vote's outcome, kept for its decision
        if that or prose:
            votes = pending.pop().votes if pending else None
            resolutions.extend(pending)
            pending = []
            text = _sentence_from(body, prose.start()) if prose else clean(body)
            resolutions.append(Resolution(text=text, votes=votes, provenance=where))
            decided.add(index)
        index += 1
    resolutions.extend(pending)
    _second(motions, resolutions, decided, starts)
    for resolution in resolutions:
        resolution.parts = resolution.parts or _parts(resolution.text)
        resolution.outcome = _outcome(resolution.text)
    return resolutions, decided


_VOTE_TALLY = compiled(r"\[(\d+)-(\d+)-(\d+)(?:-\d+)?\]")
_WORD_IN_CAPITALS = compiled(r"\b\p{Lu}{4,}\b")


@dataclass(slots=True)
class _Motion:
    before: int  # how many decisions were recorded above it
    block: int
    text: str
    names: regex.Match
    where: object


_MOTION_REACH = 2  # blocks from a motion to the decision it is the motion of


def _second(
    motions: list[_Motion],
    resolutions: list[Resolution],
    decided: set[int],
    starts: list[tuple[int, int]],
) -> None:
    """ "Proposed by X, seconded by Y": the mover and seconder of the decision recorded in
    its block or just after it (a debate's motion, amended over many paragraphs, is not
    the amendment's); where none follows, a motion the minutes say was adopted or all
    were in favour of is the decision ("Adoption proposed by Mrs S Walker and seconded
    by Mr M Mitcham")."""
    for motion in motions:
        mover, seconder = motion.names["mover"], motion.names["seconder"]
        if motion.before < len(resolutions):
            made_at = max(block for block, count in starts if count <= motion.before)
            if made_at - motion.block <= _MOTION_REACH:
                resolution = resolutions[motion.before]
                votes = resolution.votes or Votes()
                if votes.mover is None:
                    update = {"mover": mover, "seconder": seconder}
                    resolution.votes = votes.model_copy(update=update)
            continue
        carried = decision_words.ALL_IN_FAVOUR.search(motion.text) or (
            decision_words.ADOPTION.search(motion.text[: motion.names.start()])
        )
        if motion.block in decided or not carried:
            continue
        votes = Votes(
            mover=mover,
            seconder=seconder,
            unanimous=bool(decision_words.ALL_IN_FAVOUR.search(motion.text)),
        )
        text = _sentence_from(motion.text, motion.names.start())
        resolutions.append(Resolution(text=text, votes=votes, provenance=motion.where))
        decided.add(motion.block)


def _outcome(text: str) -> str | None:
    """ "carried", "lost" or "fell", where the decision prints its vote's outcome."""
    found = decision_words.OUTCOME.search(text) or decision_words.OUTCOME_LINE.match(text)
    if not found:
        return None
    words = found.group()
    if decision_words.OUTCOME_FELL.search(words):
        return "fell"
    if decision_words.OUTCOME_LOST.search(words):
        return "lost"
    return "carried"


_LONGEST_DECISION_SENTENCE = 250  # characters, from its decision word to the paragraph's end


def _decision_reach(body: str, prose: regex.Match) -> str:
    """What a decision phrase in prose may record: "it was agreed to add ..." decides an act
    in its own sentence, whatever follows it (a colon ends it too: "... the following
    observations to the Planning Department:" then the list); "it was agreed that ..." runs to the
    paragraph's end (less a closing mover and seconder), where a long run is an account of
    views, not a decision."""
    rest = body[prose.start() :]
    if decision_words.DECIDED_ACT.match(body[prose.end() :]):
        found = _SENTENCE_BREAK.search(rest)
        sentence = rest[: found.start()] if found else rest
        return sentence.split(":", 1)[0]
    return _without_mover(rest)


def _without_mover(text: str) -> str:
    """The text without a closing sentence that names the mover and seconder."""
    moved = decision_words.find_mover_seconder(text)
    if not moved:
        return text
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text) if m.end() <= moved.start()]
    return text[: starts[-1]] if starts else text


def _sentence_from(text: str, at: int) -> str:
    """The sentence holding position ``at`` and what follows it: "The amendment was seconded
    by Councillor Alexander. On being put to the vote the amendment was CARRIED (...)" is
    recorded from "On being put"."""
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text) if m.end() <= at]
    return clean(text[starts[-1] if starts else 0 :])


def _resolution_number(block: str, before: list[str], decided: set[int]) -> str | None:
    """The number printed before "RESOLVED" / "It was APPROVED", when it numbers the
    decision rather than the paragraph: see the module docstring."""
    marker = _MARKER.match(block)
    if not marker:
        return None
    label = marker["marker"].strip("().")
    if not label.isdigit():
        return None
    style = _marker_style(marker["marker"])
    for index, earlier in enumerate(before):
        other = _MARKER.match(earlier)
        if (
            other
            and index not in decided
            and _marker_style(other["marker"]) == style
            and other["marker"].strip("().").isdigit()
            and int(other["marker"].strip("().")) < int(label)
        ):
            return None  # the discussion above is numbered the same way: a paragraph number
    return label


_RESTATED = 85  # rapidfuzz token-sort ratio at which two decisions are one restated


def _not_restated(listed: list[Resolution], earlier: list[Resolution]) -> list[Resolution]:
    """Drop the decisions of a list that restates ones recorded above it ("SUMMARY OF
    APPROVED RECOMMENDATIONS / The Policy Committee RESOLVED: 1. ... 2. Residents Parking
    a. ... b. ..." after each recommendation was taken with its vote): the first record keeps
    its vote and where it was decided, and takes the summary's number where its own is
    missing or only a letter ("c." under "2." becomes "2c")."""
    kept = []
    for resolution in listed:
        pieces = (
            [(f"{resolution.number or ''}{p.label}", p.text) for p in resolution.parts]
            if resolution.parts
            else [(resolution.number, resolution.text)]
        )
        matches = [_restated(text, earlier) for _, text in pieces]
        # only a numbered list restates: a vote's outcome ("the amendment was LOST (...)")
        # is its own record however like another it reads
        if resolution.number is None or any(m is None for m in matches):
            kept.append(resolution)
            continue
        for (number, _), match in zip(pieces, matches, strict=True):
            if number and (match.number is None or match.number.isalpha()):
                match.number = number
    return kept


def _restated(text: str, earlier: list[Resolution]) -> Resolution | None:
    if len(text) < 25 or not earlier:
        return None  # "Amendment lost." is said of many votes

    def score(resolution: Resolution) -> float:
        other = resolution.text
        # "Residents Parking - Approve ..." restated as "a. Approve ..." under its heading
        contained = (
            fuzz.partial_ratio(text, other, processor=utils.default_process)
            if min(len(text), len(other)) >= 40
            else 0
        )
        return max(
            fuzz.token_sort_ratio(text, other, processor=utils.default_process),
            contained - 10,
        )

    best = max(earlier, key=score)
    return best if score(best) >= _RESTATED else None


_PART_MARKER = compiled(
    r"(?:^|(?<=[\s:;,]))(?:\((?P<label>[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\)|(?P<label>[a-zA-Z]|\d{1,2})[.)])"
    r"\s+(?=\S)"
)
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _parts(text: str) -> list[ResolutionPart]:
    """The sub-list inside one decision ("agree to: (a) ... (b) ..."): markers that count
    up from a, 1 or i, so that "(LSRCC)" or a stray "A." is never taken for a part."""
    markers = list(_PART_MARKER.finditer(text))
    for start, successor in (("a", _next_letter), ("1", _next_number), ("i", _next_roman)):
        chain: list[regex.Match] = []
        for marker in markers:
            label = marker["label"].lower()
            if not chain:
                if label == start:
                    chain.append(marker)
            elif label == successor(chain[-1]["label"].lower()):
                chain.append(marker)
        if len(chain) >= 2:
            ends = [m.start() for m in chain[1:]] + [len(text)]
            return [
                ResolutionPart(label=m["label"], text=clean(text[m.end() : end]).rstrip(" ;"))
                for m, end in zip(chain, ends, strict=True)
            ]
    return []


def _next_letter(label: str) -> str:
    return chr(ord(label) + 1) if len(label) == 1 and label.isalpha() else ""


def _next_number(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else ""


def _next_roman(label: str) -> str:
    return _ROMAN[_ROMAN.index(label) + 1] if label in _ROMAN[:-1] else ""


def _decision_list(
    body: str, trigger: regex.Match, following: list[str]
) -> tuple[list[tuple[str | None, str, list[ResolutionPart]]], int]:
    """What a "RESOLVED" / "It was APPROVED" line decided: the rest of its sentence, or the
    numbered list under it (one resolution a number, lettered parts kept with it). A short
    heading between entries ("2025-26 Council Tax", "Contractual:") stays in the list."""
    rest = trigger["rest"].strip()
    rest = decision_words.DECISION_LEAD.sub("", rest)
    lead = clean(rest)
    entries: list[list] = []  # [number, text, heading printed above it]
    heading: str | None = None
    consumed = 0
    top_style = None
    for position, block in enumerate(following):
        marker = _MARKER.match(block)
        if (
            decision_words.DECISION.search(block)
            or decision_words.OUTCOME.search(block)
            or decision_words.COUNT_LIST.match(block)
        ):
            break
        if decision_words.DECISION_LIST_END.match(block):
            break
        bullet = None if marker else _BULLET.match(block)
        if bullet and top_style in (None, "bullet") and (entries or not lead or lead.endswith(":")):
            # "RESOLVED that the Committee:" then "● approves ...", "● notes ...": bullets
            # are entries with no number of their own
            top_style = "bullet"
            entries.append([None, clean(block[bullet.end() :]), heading])
            heading = None
            consumed += 1
            continue
        if marker:
            style = _marker_style(marker["marker"])
            if top_style is None:
                top_style = style
            number = marker["marker"].strip("().")
            if style == top_style:
                entries.append([number, clean(block[marker.end() :]), heading])
                heading = None
            elif entries:
                entries[-1][1] = f"{entries[-1][1]} {block}"
            else:
                lead = f"{lead} {block}".strip()
            consumed += 1
            continue
        if (
            not entries
            and lead.endswith(":")
            and heading is None
            and _list_heading(block, following[position + 1 :], None)
        ):
            heading = clean(block)  # "... agree the following:" then "2025-35 Capital Programme"
            consumed += 1
            continue
        if not entries and (not lead and consumed == 0 or lead.endswith(":")):
            lead = f"{lead} {block}".strip()  # "It was APPROVED;" then "That the Committee ...:"
            consumed += 1
            continue
        if (
            entries
            and heading is None
            and _list_heading(block, following[position + 1 :], top_style)
        ):
            heading = clean(block)
            consumed += 1
            continue
        if (
            entries
            and heading is None
            and (block[:1].islower() or not entries[-1][1].rstrip().endswith((".", ";")))
        ):
            entries[-1][1] = f"{entries[-1][1]} {block}"
            consumed += 1
            continue
        break
    if heading is not None:
        consumed -= 1  # a heading with no entry under it belongs to what follows the list
    stem = bool(lead) and (lead.endswith(":") or bool(_SHORT_THAT_CLAUSE.match(lead)))
    if entries and lead and not stem:
        return [(None, lead, []), *_separate(entries)], consumed
    if entries:
        if _completes_lead_in(trigger, lead):
            # "RESOLVED that Cabinet agree to:" then "(a) ...", "It was APPROVED that;" then
            # "1. That the Committee approved ...": one decision with its parts, each keeping
            # its number or letter; bullets are labelled by their place in the list
            labels = [number or str(place) for place, (number, _, _) in enumerate(entries, 1)]
            pieces = [lead]
            for label, (_, text, above) in zip(labels, entries, strict=True):
                marked = {"bullet": text, "number": f"{label}. {text}"}.get(
                    top_style, f"({label}) {text}"
                )
                pieces += [above or "", marked]
            parts = [
                ResolutionPart(label=label, text=_LIST_JOINER.sub("", clean(text)).rstrip(" ;"))
                for label, (_, text, _) in zip(labels, entries, strict=True)
            ]
            return [(None, clean(" ".join(pieces)), parts)], consumed
        return _separate(entries), consumed
    return ([(None, lead, [])] if lead else []), consumed


_SHORT_THAT_CLAUSE = compiled(r"(?i)^that\b[^.;]{0,80}$")


def _completes_lead_in(trigger: regex.Match, lead: str) -> bool:
    """Whether a decision's list is the parts of one decision: the entries complete a
    lead-in ("... agree to:", "That the Committee:", "It was APPROVED that;"). A decision
    word with only a colon over numbered entries ("Resolved:" then "1. The panel approved
    ...", "2. The Director to report ...") heads a list of decisions, one a number, as the
    person-checked golden of the seed's minutes reads it."""
    return lead.endswith(":") or (
        not lead and bool(decision_words.DECISION_THAT_CLAUSE.match(trigger["rest"]))
    )


# the word ending a list's last-but-one entry: "notes the risks; and"
_LIST_JOINER = compiled(r"[;,]\s*(?:and|or)$")


def _separate(entries: list[list]) -> list[tuple[str | None, str, list[ResolutionPart]]]:
    """One resolution an entry, a heading above it read as its opening words."""
    return [
        (number, clean(f"{above} {text}") if above else text, []) for number, text, above in entries
    ]


def _list_heading(block: str, after: list[str], style: str | None) -> bool:
    """A short line without a full stop, followed by an entry of the list's own style (any
    style when the list has no entry yet)."""
    if len(block) > 80 or block.rstrip().endswith((".", ";")) or not after:
        return False
    marker = _MARKER.match(after[0])
    return bool(marker) and style in (None, _marker_style(marker["marker"]))


def _marker_style(marker: str) -> str:
    inner = marker.strip("().")
    if marker.startswith("("):
        return "bracket"
    if inner.isdigit() or _NUMBER_LETTER_MARKER.match(inner):
        return "number"
    if _ROMAN_MARKER.match(inner):
        return "roman"
    return "letter"


_ROMAN_MARKER = compiled(r"^[ivx]+$")
_NUMBER_LETTER_MARKER = compiled(r"^\d+[a-z]$")


def _counted_vote(blocks: list[str]) -> tuple[Votes, int, str | None]:
    """Kent's recorded vote: "For (14)" then names, "Against (45)", "Abstain (4)", then the
    outcome ("Amendment lost.")."""
    counts: dict[str, int] = {}
    consumed = 0
    outcome = None
    for block in blocks:
        match = decision_words.COUNT_LIST.match(block)
        if match:
            label = match["label"]
            key = decision_words.count_list_side(label)
            counts[key] = int(match["n"])
            consumed += 1
            continue
        if (
            decision_words.OUTCOME.search(block) or decision_words.OUTCOME_LINE.match(block)
        ) and len(block) < 80:
            outcome = clean(block)
            consumed += 1
            break
        if consumed and not _MARKER.match(block):
            consumed += 1  # the names of those voting
            continue
        break
    return Votes.model_validate(counts), max(consumed, 1), outcome


def _outcome_votes(outcome: regex.Match) -> Votes | None:
    """The counts printed with an outcome, or its word that the vote was unanimous."""
    votes = _votes_in_brackets(outcome["counts"] or "")
    if decision_words.UNANIMOUS_WORD.search(outcome.group()):
        return (votes or Votes()).model_copy(update={"unanimous": True})
    return votes


def _votes_in_brackets(text: str) -> Votes | None:
    """ "6 members voting in favour, none against with 3 abstentions" and the like."""

    def find(pattern: str) -> int | None:
        match = regex.search(pattern, text, regex.I)
        if not match:
            return None
        word = match.group(1).lower()
        return int(word) if word.isdigit() else decision_words.COUNT_WORDS[word]

    def first(*patterns: str) -> int | None:
        # "none against" is a count of 0, which must not fall through to the next pattern
        return next((n for n in map(find, patterns) if n is not None), None)

    votes = Votes.model_validate(
        {
            "for": first(*decision_words.VOTES_FOR),
            "against": first(*decision_words.VOTES_AGAINST),
            "abstained": first(*decision_words.VOTES_ABSTAINED),
        }
    )
    return (
        votes if any(v is not None for v in (votes.for_, votes.against, votes.abstained)) else None
    )


def _roll_call(blocks: list[str]) -> tuple[Votes | None, int]:
    """A US result block: MOTION BY / SECOND / AYES / NAYS / ABSTAIN / ABSENT lines."""
    counts: dict[str, int] = {}
    consumed = 0
    for block in blocks:
        roll = decision_words.ROLL.match(block)
        if roll:
            names = (
                []
                if roll["names"].strip().lower() in decision_words.ROLL_NONE
                else split_names(roll["names"])
            )
            label = roll["label"].upper()
            key = (
                "for"
                if label in decision_words.ROLL_FOR
                else "against"
                if label in decision_words.ROLL_AGAINST
                else "abstained"
                if label.startswith("ABST")
                else None
            )
            if key:
                counts[key] = len(names)
            consumed += 1
        elif decision_words.US_MOTION.match(block):
            consumed += 1
        else:
            break
    return (Votes.model_validate(counts) if counts else None), consumed


# --- actions -------------------------------------------------------------------------------


_SENTENCE_BREAK = compiled(r"(?<=[.;])\s+(?=\p{Lu})|(?<=\d\.)(?=\p{Lu}\p{Ll})")
_CLAUSE_BREAK = compiled(r"(?<=;)\s+")


def _actions(blocks: list[str], decided: set[int]) -> tuple[list[Action], list[Resolution]]:
    """Clauses in which a person or officer agreed, undertook or was asked to do something,
    outside the resolutions themselves; and what the committee itself agreed to do, which
    is a decision. "X told the panel that Y had agreed to come" reports an earlier promise,
    not one made at the meeting."""
    actions: list[Action] = []
    decisions: list[Resolution] = []
    for index, block in enumerate(blocks):
        # an action in one of the block's clauses is one in the block (the breaks fall at
        # white space or after a full stop): a block with none is not broken up
        if index in decided or not decision_words.ACTION.search(block):
            continue
        for sentence in _SENTENCE_BREAK.split(block):
            sentence = _BULLET.sub("", sentence)
            for clause in _CLAUSE_BREAK.split(sentence):
                match = decision_words.ACTION.search(clause)
                if not match or decision_words.REPORTED_EARLIER.search(clause[: match.start()]):
                    continue
                owner = _owner(clause, match.start())
                if owner is None or decision_words.COLLECTIVE.search(owner):
                    subject = decision_words.AGREED_BY.match(clause)
                    if subject and decision_words.COLLECTIVE.search(subject["who"]):
                        decisions.append(Resolution(text=clean(clause)))
                    continue
                actions.append(Action(owner=owner, text=clean(clause)))
    return actions, decisions


def _owner(sentence: str, verb_at: int) -> str | None:
    """The capitalised phrase just before the verb ("the Director of Adult Services agreed"),
    else the sentence's opening phrase ("The Community Safety Manager explained ... but
    agreed")."""
    before = sentence[:verb_at].rstrip(" ,").split()
    phrase: list[str] = []
    for word in reversed(before):
        if _OWNER_WORD.match(word):
            phrase.insert(0, word)
        else:
            break
    if not phrase or all(w in ("of", "and", "for", "the", "&") for w in phrase):
        phrase = []
        for word in sentence.split():
            if _OWNER_WORD.match(word.rstrip(",")):
                phrase.append(word.rstrip(","))
                if word.endswith(","):
                    break
            else:
                break
    while phrase and phrase[0].lower() in ("the", "of", "and", "for", "&"):
        phrase.pop(0)
    while phrase and phrase[-1].lower() in ("the", "of", "and", "for", "&"):
        phrase.pop()
    return " ".join(phrase) or None


# --- attendance ----------------------------------------------------------------------------


def _list_label(line: Line) -> tuple[str, bool, str] | None:
    """The label that opens an attendance list on the line (category, virtually, the rest
    of the line), if one does."""
    text = _BULLET.sub("", line.text.strip())
    label = _label(text) or _label_in_own_span(line)
    if label is None or attendance_words.PUBLIC_LINE.match(text):
        # "Members of the Public 2": a count (public_attendance), not a list of members
        return None
    return label


def _list_text(lines: list[str]) -> str:
    """A comma list's lines as one text. A line that ends on a whole name (two or more
    capitalised words after its last comma, none a title or the list's own label) with no
    comma, before a line that opens with another, ends an entry: the comma a list left out
    at a line's end ("..., Dorian Jenkins" over "Andrew Thomas a'r ..."); a name the wrap
    cut ("..., Cllr" over "A Smith", "Councillors Mary" over "Smith") runs on."""
    out = ""
    for line in lines:
        text = line.strip()
        if out and text[:1].isupper() and _ends_on_a_name(out):
            out += ","
        out = f"{out} {text}" if out else text
    return clean(out)


def _ends_on_a_name(text: str) -> bool:
    words = text.rsplit(",", 1)[-1].split()
    return (
        len(words) >= 2
        and all(_NAME_WORD.match(word) for word in words)
        and not any(HONORIFIC.match(f"{word} ") or _GROUP_WORD.match(word) for word in words)
    )


_NAME_WORD = compiled(r"^\p{Lu}[\p{Ll}'’-]+$")
_GROUP_WORD = compiled(
    rf"^{one_of(COUNCILLORS_PLURAL + COUNCILLORS_PLURAL_WITHOUT_COLON)}:?$", regex.I
)


def _header_attendance(header: list[Line], attendance: Attendance) -> set[int]:
    """Read the labelled lists before the first item; return the indexes of lines used."""
    used: set[int] = set()
    gap = line_gap(header)
    index = 0
    while index < len(header):
        line = header[index]
        label = _list_label(line)
        if label is None:
            index += 1
            continue
        category, virtually, rest = label
        used.add(index)
        honorific = None
        second_column: tuple[float, str] | None = None
        if _is_column_label(rest):
            # "Present:     Members of the Public:": two lists side by side under labels;
            # the names follow one a line, each column its label's
            column = _names_column(line, rest)
            if column is not None:
                second_column = (column, rest.rstrip(" :"))
            rest = ""
        if not rest and _list_paragraph_follows(header, index):
            # "PRESENT" on a line of its own over "Councillors A, B and C."
            index += 1
            rest = header[index].text.strip()
            used.add(index)
        cap = _HONORIFIC_LABEL.match(rest)
        if cap:
            honorific, rest = COUNCILLOR, rest[cap.end() :]
        if rest and "," not in rest and _names_in_column(header, index, rest):
            # "PRESENT   C Lyne - Acting Chairperson" with one person a line under the name
            first = _columns_as_entry(_without_label(line, rest))
            entries, index = _one_a_line(header, index + 1, gap, used)
            _add(attendance, category, _lists_split([first, *entries]), honorific, virtually)
            continue
        if rest and _one_a_line_follows(header, index, rest):
            # "Present: Clerk: Gail Williams" over "Cllr Harvey Marcovitch (Chair)", ...
            entries, index = _one_a_line(header, index + 1, gap, used)
            _add(attendance, category, _lists_split([rest, *entries]), honorific, virtually)
            continue
        if rest:
            # a comma list running on over the following lines, to a gap or an outdent
            column = _names_column(line, rest)
            parts = [rest]
            index += 1
            while (
                index < len(header)
                and not _ends_list(header[index], parts[-1])
                and not _list_left(header[index - 1], header[index], parts[-1], column, gap)
            ):
                parts.append(_columns_as_list(header[index]))
                used.add(index)
                index += 1
            _add(attendance, category, split_names(_list_text(parts)), honorific, virtually)
            continue
        # a heading over one person a line ("Witnesses" / "Hannah Pawley - Trainee CWC")
        index += 1
        entries: list[str] = []
        beside: list[str] = []  # names in the column of a second label beside this one
        while index < len(header):
            follow = header[index]
            follow_text = follow.text.strip()
            if _label(_BULLET.sub("", follow_text)) is not None and not _HONORIFIC_LABEL.match(
                follow_text
            ):
                break
            cap = _HONORIFIC_LABEL.match(follow_text)
            if cap:
                # "Members Present:-" then "Councillors: Ed Plowden (Chair), ..."
                parts = [follow_text[cap.end() :]]
                used.add(index)
                index += 1
                while index < len(header) and not _ends_list(header[index], parts[-1]):
                    parts.append(_columns_as_list(header[index]))
                    used.add(index)
                    index += 1
                _add(attendance, category, split_names(_list_text(parts)), COUNCILLOR, virtually)
                entries = []
                break
            if _STOP.match(follow_text) or _HEADING.match(follow_text):
                break
            previous = header[index - 1]
            if entries and follow.page == previous.page and follow.top - previous.top > gap * 1.45:
                break
            if len(follow_text) > 90:
                break
            if second_column is not None:
                left, right = _split_at_column(follow, second_column[0])
                if right:
                    # the other column's names: there, under their own label, not members
                    beside.append(f"{right} ({second_column[1]})")
                if left is None:
                    used.add(index)
                    index += 1
                    continue
                follow = left
            entries.append(_columns_as_entry(follow))
            used.add(index)
            index += 1
        _add(attendance, category, entries, honorific, virtually)
        _add(attendance, "in_attendance", beside, None, virtually)
    return used


def _split_at_column(line: Line, x: float) -> tuple[Line | None, str]:
    """A line of two columns as its part left of ``x`` (None if empty) and the text right."""
    left = [span for span in line.spans if span.x0 < x - 6]
    right = " ".join(span.text.strip() for span in line.spans if span.x0 >= x - 6).strip()
    if not left:
        return None, right
    text = " ".join(span.text.strip() for span in left)
    return replace(line, text=text, spans=tuple(left), x1=left[-1].x1), right


def _one_a_line_follows(header: list[Line], index: int, rest: str) -> bool:
    """The label's names run on one a line: neither its line nor the next holds a list,
    and its line does not stop mid-way."""
    if index + 1 >= len(header) or _ENDS_ON_A_JOINER.search(rest):
        return False
    follow = header[index + 1].text.strip()
    return (
        "," not in rest
        and "," not in follow
        and 0 < len(follow.split()) <= 6
        and _label(_BULLET.sub("", follow)) is None
        and not follow[:1].islower()
        and not follow.startswith("(")
        and bool(HONORIFIC.match(follow) or _OFFICE_OR_NAME.match(follow))
    )


_ENDS_ON_A_JOINER = compiled(r"(?:,|\band|&)\s*$")


# a line that is a person: a name of capitalised words, perhaps with a role in brackets
_OFFICE_OR_NAME = compiled(r"^(?:\p{Lu}[\p{Ll}'’-]*\.?\s+){1,3}\p{Lu}[\p{L}'’-]+(?:\s*\(.*\))?$")


def _is_column_label(text: str) -> bool:
    """A second label on the label's line, heading a column of its own."""
    return text.endswith(":") and len(text.split()) <= 6 and "," not in text


def _lists_split(entries: list[str]) -> list[str]:
    """Entries one a line, where a line may itself be a list ("Chair: Mrs S Walker:
    Secretary: Mr G M Beat", "Mrs R Dawson, Messrs J Kinnear, B de Smid"): a line holding
    two separators or an office label is cut into its names."""
    out: list[str] = []
    for entry in entries:
        separators = len(_LIST_SEPARATOR.findall(_BRACKETS.sub("", entry)))
        office = attendance_words.OFFICE_LABEL.match(entry)
        names = split_names(entry) if separators >= 2 or office else [entry]
        out.extend(names if len(names) > 1 or office else [entry])
    return out


_LIST_SEPARATOR = compiled(r"[,;]|:(?=\s)")


_BRACKETS = compiled(r"\([^()]*\)")


def _names_column(line: Line, rest: str) -> float | None:
    """Where the names start when the label stands in a column of its own ("Apologies:
    Mr D Myles" with "Mr D Myles" set apart), else None."""
    if len(line.spans) < 2 or not line.has_geometry:
        return None
    start = next((s for s in line.spans[1:] if rest.startswith(s.text.strip()[:8])), None)
    return start.x0 if start is not None else None


def _list_left(previous: Line, line: Line, last: str, column: float | None, gap: float) -> bool:
    """A comma list has ended when a clear gap follows it, or, where the names stand in a
    column of their own, when the next line starts left of it and the list did not stop
    mid-way ("Mr A, Mr B," or "Kimberly Bares (PLACE" runs on under the label, as does a
    line opening with a bracket or in lower case)."""
    if line.page == previous.page and line.top - previous.top > gap * 1.45:
        return True
    unfinished = _ENDS_ON_A_JOINER.search(last) or last.count("(") > last.count(")")
    follow = line.text.strip()
    runs_on = follow[:1].islower() or follow.startswith("(")
    return column is not None and line.x0 < column - 6 and not unfinished and not runs_on


def _label_in_own_span(line: Line) -> tuple[str, bool, str] | None:
    """ "PRESENT   C Lyne - Acting Chairperson": a label set apart from the names, with no
    colon after it."""
    if len(line.spans) < 2:
        return None
    label = _label(line.spans[0].text.strip())
    if label is None or label[2]:
        return None
    rest = " ".join(span.text.strip() for span in line.spans[1:])
    return label[0], label[1], rest


def _list_paragraph_follows(header: list[Line], index: int) -> bool:
    """A comma list on the line under a label that stands alone."""
    if index + 1 >= len(header):
        return False
    text = header[index + 1].text.strip()
    return "," in text and _label(text) is None and not _STOP.match(text)


def _names_in_column(header: list[Line], index: int, rest: str) -> bool:
    """The label's line holds the first name in a column of its own, and the next line
    starts in that column: one person a line, not a list wrapping under the label."""
    line = header[index]
    column = next((s for s in line.spans if rest.startswith(s.text.strip()[:8])), None)
    if column is None or column is line.spans[0] or index + 1 >= len(header):
        return False
    follow = header[index + 1]
    tolerance = 6 if line.has_geometry else 1
    return abs(follow.x0 - column.x0) <= tolerance and _label(follow.text.strip()) is None


def _without_label(line: Line, rest: str) -> Line:
    """The line from the span where the names start: its columns read as one entry."""
    spans = line.spans
    start = next(i for i, s in enumerate(spans) if rest.startswith(s.text.strip()[:8]))
    return replace(line, text=rest, spans=spans[start:])


def _one_a_line(
    header: list[Line], index: int, gap: float, used: set[int]
) -> tuple[list[str], int]:
    """Entries one a line from ``index``, to a gap, a label, an outdent or a long line."""
    entries: list[str] = []
    margin = header[index - 1].x0 if index < len(header) else 0
    while index < len(header):
        follow = header[index]
        text = follow.text.strip()
        previous = header[index - 1]
        if (
            _label(_BULLET.sub("", text)) is not None
            or _STOP.match(text)
            or _HEADING.match(text)
            or len(text) > 90
            or (follow.page == previous.page and follow.top - previous.top > gap * 1.45)
            or follow.x0 < margin - (6 if follow.has_geometry else 1)
        ):
            break
        entries.append(_columns_as_entry(follow))
        used.add(index)
        index += 1
    return entries, index


def _label(text: str) -> tuple[str, bool, str] | None:
    # "a. Present": the letter or number of the entry that records attendance
    text = _MARKER.sub("", text, count=1)
    for pattern, category, virtually in _LABELS:
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :]
        separator = _LABEL_SEPARATOR.match(rest)
        if match.group().endswith((":", "-")):
            # the label's pattern holds its colon ("Apologies:"); a second one may follow
            separator = _LABEL_SEPARATOR.match(rest) or _SPACES.match(rest)
        if separator:
            return category, virtually, rest[separator.end() :].strip()
        if not rest.strip():
            return category, virtually, ""
        if category == "members" and attendance_words.MEMBERS_OF_THE.match(match.group()):
            return category, virtually, ""
    return None


_SPACES = compiled(r"\s*")


def _ends_list(line: Line, previous: str) -> bool:
    text = _BULLET.sub("", line.text.strip())
    return bool(
        _label(text) is not None
        or _label_in_own_span(line) is not None
        or _STOP.match(line.text.strip())
        or _HEADING.match(text)
        or _BULLET.match(line.text.strip())
        or previous.rstrip().endswith(".")
    )


_COLUMN_GAP = 12.0  # points between two runs of a line that stand in columns of their own


def _columns_as_list(line: Line) -> str:
    """A list's line whose names stand in columns ("P Moran    A Armstrong, EDC    Clerk J
    Connelly"): each column an entry of the list."""
    spans = [span for span in line.spans if span.text.strip()]
    if len(spans) < 2 or not line.has_geometry:
        return line.text.strip()
    pieces = [spans[0].text.strip()]
    for before, span in zip(spans, spans[1:], strict=False):
        apart = span.x0 - before.x1 > _COLUMN_GAP and not pieces[-1].endswith(",")
        pieces.append(f", {span.text.strip()}" if apart else f" {span.text.strip()}")
    return "".join(pieces)


def _columns_as_entry(line: Line) -> str:
    """ "Julia Cleary    Systems and Scrutiny Manager": a name column and a role column."""
    spans = [s.text.strip() for s in line.spans if s.text.strip()]
    if len(spans) == 2 and not _DASH_OR_BRACKET.search(spans[0]):
        return f"{spans[0]} – {spans[1]}"
    return line.text.strip()


_DASH_OR_BRACKET = compiled(r"\s[-–]\s|\(")


def _add(
    attendance: Attendance,
    category: str,
    entries: list[str],
    honorific: str | None,
    virtually: bool,
) -> None:
    people: list[Person] = getattr(attendance, category)
    for entry in entries:
        if not LETTER.search(entry) or attendance_words.PUBLIC_COUNT.fullmatch(entry.strip(" .")):
            continue  # "4 members of the public": counted (public_attendance), not people
        someone = person(entry, honorific, virtually)
        if category == "members" and attendance_words.CLERK.match(someone.role or ""):
            attendance.in_attendance.append(someone)  # the clerk is not a member
        else:
            people.append(someone)


def _item_attendance(item: _Item, minute: MinuteItem, document: MinutesDocument) -> None:
    """Apologies and substitutes recorded in the items' prose."""
    if minute.title and not attendance_words.ATTENDANCE_ITEM.search(minute.title):
        return
    text = minute.text
    attendance = document.attendance
    for match in attendance_words.APOLOGIES_SENTENCE.finditer(
        text.replace("\n", " ; ") if ":" not in text else text.replace("\n", ", "),
    ):
        names = split_names(match["names"])
        _add_new(attendance.apologies, [person(n) for n in names if _plausible_name(n)])
    if attendance_words.APOLOGIES_TITLE.match(minute.title or "") and not (
        attendance_words.APOLOGIES_SENTENCE.search(text)
    ):
        # "1. APOLOGIES   A Horne - Community Councillor.": the item's text is the list
        for entry in text.split("\n"):
            if attendance_words.NO_APOLOGIES.match(entry.strip(" .")):
                continue
            names = [n for n in split_names(entry) if _plausible_name(n)]
            _add_new(attendance.apologies, [person(n) for n in names])
    for match in regex.finditer(
        rf"(?P<name>{MEMBER_TITLE}\s+[\p{{Lu}}][\w'’ -]*?)\s+{attendance_words.SUBSTITUTE_PHRASE}"
        r"(?:\s+for\s+(?P<for>[\w' ]+))?",
        text,
    ):
        attendance.substitutes.append(person(match["name"]))
    for match in regex.finditer(
        rf"(?i)^(?P<names>.+?)\s+{attendance_words.ABSENT_PHRASE}", text, flags=regex.M
    ):
        attendance.absent.extend(
            person(n) for n in split_names(match["names"]) if _plausible_name(n)
        )
    _roll_call_table(item, attendance)


def _add_new(people: list[Person], found: list[Person]) -> None:
    """Add the people not listed already: "Mr Landau" in the apologies item is the "Mr
    Andrew Landau" of the attendance list above it."""
    for someone in found:
        surname = someone.name.split()[-1:] if someone.name else []
        if not any(
            other.name == someone.name
            or (len(someone.name.split()) == 1 and other.name.split()[-1:] == surname)
            for other in people
        ):
            people.append(someone)


def _plausible_name(text: str) -> bool:
    """A person's name, perhaps with a role after a dash or in brackets; not a sentence
    ("Members discussed the matter")."""
    name = _NAME_ENDS_AT.split(text, maxsplit=1)[0]
    lower = [w for w in name.split() if w[:1].islower() and w not in _NAME_PARTICLES]
    return 0 < len(text.split()) <= 6 and bool(_OPENS_CAPITALISED.match(text)) and not lower


_NAME_ENDS_AT = compiled(r"\s[-–—]\s|\(")
_OPENS_CAPITALISED = compiled(r"^[\p{Lu}]")


# the lower-case words a surname may hold ("B de Smid", "Ludwig van Beek")
_NAME_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "ap", "ab"}


def _roll_call_table(item: _Item, attendance: Attendance) -> None:
    """A US roll call: "Andrei Garcia | Commissioner | Late | 7:08 p.m." one member a row."""
    for line in item.lines:
        spans = [s.text.strip() for s in line.spans if s.text.strip()]
        if len(spans) < 3:
            continue
        status_at = next(
            (i for i, s in enumerate(spans) if attendance_words.ROLL_CALL_STATUS.match(s)),
            None,
        )
        if status_at is None or status_at < 2:
            continue
        name = (
            "".join(spans[: status_at - 1])
            if len(spans[: status_at - 1]) > 1 and len(spans[0]) < 6
            else " ".join(spans[: status_at - 1])
        )
        entry = person(name)
        entry.role = spans[status_at - 1]
        status = spans[status_at].lower()
        (
            attendance.absent if status in attendance_words.ROLL_CALL_AWAY else attendance.members
        ).append(entry)


# --- declarations --------------------------------------------------------------------------


_DECLARATION_SENTENCE_BREAK = compiled(r"(?<=[.;])\s+|\n")
_DECLARED_WORD = compiled(attendance_words.DECLARED)
# "At the start of the item, Councillor X declared an interest in ..."
_DECLARATION = compiled(
    rf"^(?:\(\d+\)\s*)?(?:[^.;]*?\b(?:meeting|item|debate|discussion),?\s+)?"
    rf"(?P<member>{MEMBER_TITLE}\s+[\p{{Lu}}][\w'’ -]*?"
    rf"|Members\s+who\s+were\s+[^.]*?)\s+{attendance_words.DECLARED}\s+(?P<interest>.+)$"
)


def _item_declarations(item: _Item, minute: MinuteItem, document: MinutesDocument) -> None:
    """Declarations under their own item, or made anywhere else ("Later in the meeting Mr X
    declared an interest in ..."), where the sentence names an interest; one made at an
    item that does not name another is that item's."""
    own_item = bool(attendance_words.DECLARATIONS_ITEM.search(minute.title))
    text = minute.text
    if own_item and attendance_words.NO_DECLARATIONS.search(text):
        document.declarations_stated = True
    if not _DECLARED_WORD.search(text):
        return  # a declaration's sentence says it was declared: the text has none
    for sentence in _DECLARATION_SENTENCE_BREAK.split(text):
        match = _DECLARATION.search(sentence)
        if not match or not (own_item or attendance_words.INTEREST_WORD.search(match["interest"])):
            continue
        interest = clean(match["interest"]).rstrip(".")
        kind = None
        if attendance_words.PECUNIARY.search(interest):
            kind = "pecuniary"
        elif attendance_words.NON_REGISTRABLE.search(interest):
            kind = "non-registrable"
        elif attendance_words.OTHER_INTEREST.search(interest):
            kind = "other"
        document.declarations.append(
            Declaration(
                member=clean(match["member"]),
                item=_declared_item(interest) or (None if own_item else minute.number),
                interest=interest,
                kind=kind,
            )
        )
        document.declarations_stated = True


def _declared_item(interest: str) -> str | None:
    match = _DECLARED_ITEM.search(interest)
    return (match["n"] or match["m"]) if match else None


_DECLARED_ITEM = compiled(r"(?i)\b(?:agenda\s+)?item\s+(?P<n>\d+[a-z]?)\b|\bminute\s+(?P<m>\d+)")


# --- the meeting ---------------------------------------------------------------------------


def _meeting_facts(header: list[Line], document: MinutesDocument, used: set[int]) -> None:
    """Body, date, time and venue from the lines above the first item."""
    texts = [line.text.strip() for line in header]
    joined = _TIME_COLON.sub(r"\1:\2", clean(" ".join(texts)))
    date_match = DATE_PATTERN.search(joined)
    if date_match:
        document.date = parse_date(date_match.group())
        after = joined[date_match.end() : date_match.end() + 40]
        document.time = find_time(after) if _TIME_FOLLOWS.match(after) else None
    kent = meeting_words.MINUTES_OF_BODY_HELD_AT.search(joined)
    if kent:
        document.body = kent["body"]
        document.venue = kent["venue"]
        _mark(header, used, kent.start(), kent.end() + 40, joined)
        return
    of_the = _MINUTES_OF.search(joined)
    if of_the and date_match and 0 < date_match.start() - of_the.end() < 120:
        named = joined[of_the.end() : date_match.start()].strip(" -–,")
        # "Minutes of the meeting held on ...": the sentence names a meeting, not a body
        named = _HELD_AND_AFTER.sub("", named)
        document.body = None if _JUST_A_MEETING.fullmatch(named) else named
    else:
        for index, text in enumerate(texts):
            heading = _BEFORE_MINUTES.match(text)
            if not heading or index > 12:
                continue
            before = heading["before"].strip(" -–")
            body_lines = []
            if before:
                body_lines = [before]
            else:
                for back in range(index - 1, -1, -1):
                    candidate = texts[back]
                    if (
                        not candidate
                        or candidate.lower() == "minutes"
                        or DATE_PATTERN.search(candidate)
                    ):
                        break
                    body_lines.insert(0, candidate)
                    if len(body_lines) == 2 or header[back].x0 <= 1 and back < index - 1:
                        break
            if body_lines:
                document.body = clean(" ".join(body_lines))
                break
    if document.body and document.body.isupper():
        document.body = document.body.title()
    venue = _AT_VENUE.search(joined[date_match.end() :] if date_match else "")
    if venue and not find_time(venue["venue"]):
        document.venue = venue["venue"].strip()


#: a time printed with spaces round its colon ("7 : 30")
_TIME_COLON = compiled(r"(\d)\s*:\s*(\d)")
_MINUTES_OF = compiled(r"(?i)\bMinutes\s+of\s+(?:the\s+)?")
_AT_VENUE = compiled(r"\bat\s+(?P<venue>[\p{Lu}][^,.]{3,80})$")
_HELD_AND_AFTER = compiled(r"(?i)\s*\bheld\b.*$")
_TIME_FOLLOWS = compiled(r"^\s*(?:[,–-]|at)")
_JUST_A_MEETING = compiled(r"(?i)(?:(?:a|the)\s+)?meeting|")
_BEFORE_MINUTES = compiled(
    r"(?i)^(?P<before>.*?)\b(?:(?:regular|special|commission|board)\s+)*(?:meeting\s+)?minutes\b"
)


_MINUTES_WORDS = r"(?:(?:regular|special|commission|board)\s+)*(?:meeting\s+)?minutes"


def _field_headings(
    header: list[Line], used: set[int], document: MinutesDocument, body_names: list[regex.Pattern]
) -> set[int]:
    """Header lines whose whole text a field holds (body, date, time, venue, the word
    "Minutes"), so that unplaced text does not repeat them."""
    return {
        index
        for index, line in enumerate(header)
        if index not in used and not _residual(line, document, body_names).text.strip()
    }


def _body_names(body: str | None) -> list[regex.Pattern]:
    """The body's name and each run of its words from either end (a wrapped heading prints
    it over two lines), the longest first, as a line may print them: made once for all the
    lines of the header."""
    if not body:
        return []
    words = body.split()
    pieces = {" ".join(words[:n]) for n in range(1, len(words) + 1)}
    pieces |= {" ".join(words[n:]) for n in range(len(words))}
    return [
        compiled(
            rf"(?i)(?:^|\bminutes\s+of\s+(?:a\s+meeting\s+of\s+)?(?:the\s+)?)"
            rf"{regex.escape(piece)}(?=\s+{_MINUTES_WORDS}\b|\s*$)"
        )
        for piece in sorted(pieces, key=len, reverse=True)
    ]


_MINUTES_KIND = compiled(
    r"(?i)^\s*(?:(?:commission|board)\s+)*(?:meeting\s+)?minutes(?:\s+(?:from|of|for)\b)?"
)
_LINKING_WORDS = compiled(r"(?i)\b(?:at|on|held|in|the)\b")
_A_WORD_OR_DIGIT = compiled(r"\p{L}{2,}|\d")


def _residual(line: Line, document: MinutesDocument, body_names: list[regex.Pattern]) -> Line:
    """The line without the text the meeting's fields hold (body_names: _body_names of the
    document's body)."""
    text = _TIME_COLON.sub(r"\1:\2", clean(line.text))
    for name in body_names:
        text, count = name.subn(" ", text)
        if count:
            break
    # "Minutes" is the document's kind (and "Commission" the end of its body's name, wrapped
    # onto this line); the kind of meeting ("REGULAR MEETING MINUTES") no field holds: such
    # a line stays, as unplaced text
    text = _MINUTES_KIND.sub(" ", text)
    date = DATE_PATTERN.search(text)
    if date and document.date and parse_date(date.group()) == document.date:
        text = text[: date.start()] + " " + text[date.end() :]
    for value in (document.time, document.venue):
        if value:
            text = text.replace(value, " ")
    if not _A_WORD_OR_DIGIT.search(_LINKING_WORDS.sub("", text)):
        text = ""
    text = clean(text.strip(" -–,.;:")) if text else ""
    if text and not clean(line.text).startswith(text):
        return line  # the fields held words inside a sentence: keep the sentence whole
    return Line(
        text=clean(text),
        x0=line.x0,
        top=line.top,
        x1=line.x1,
        bottom=line.bottom,
        page=line.page,
        spans=line.spans,
        has_geometry=line.has_geometry,
    )


def _mark(header: list[Line], used: set[int], start: int, end: int, joined: str) -> None:
    """Mark the header lines that lie within a span of the joined header text as used."""
    position = 0
    for index, line in enumerate(header):
        length = len(clean(line.text)) + 1
        if position < end and position + length > start:
            used.add(index)
        position += length
