"""Pages of lines to reading-order blocks: one pass over each page's lines.

Each line is read once for what it could start (a grid row, a label and value, a
caption, a list item, a table row, a heading), then either joins the open block or
closes it and opens its own. What a line cannot settle alone (a numbered line that turns
out to be a heading, a two-column run too short to be a table, list nesting) is settled
by a pass over the page's blocks. PDF and text exports differ only in the measures:
points and drawn gaps against character columns and blank rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..extract.page import Line, Page, TextStyle
from ..patterns import compiled
from ..vocabulary.captions import CAPTION
from .blocks import Block, BlockKind
from .grid import (
    THIN,
    GridRegion,
    cell_cuts,
    drawn_boxes,
    grid_regions,
    horizontal_edges,
    split_at,
    starts_own_box,
    vertical_rules,
)
from .headings import rank_headings
from .markers import Marker, MarkerFamily, find_marker
from .styles import body_text_style, dominant_style, emphasised, is_capitals, line_style, smaller

_LABEL_MAX_CHARS = 40
_LABEL_MAX_WORDS = 6
_HEADING_MAX_LINES = 3
_BOX_EDGE_SHARE = 0.8  # a box's rule spans most of the text's width, not one table cell
# in line heights: how far under its rule a box's heading sits, and how tall the box is at
# least (it holds text under its heading; a table's one-line row is no box)
_BOX_HEADING_GAP = 1.5
_BOX_MIN_HEIGHT = 3.0
_COLON_HEADING_WORDS = (
    3  # "Recommendation(s):" heads a section; "The panel is asked to:" leads a list
)
_SHORT_LINE = 0.85  # a line ending before this share of the text width has not wrapped
_FOOT_BAND = 0.5  # footnotes sit in the lower half of a page

# a label printed with its value inside one run of text: "Date: 4 March 2025"
_INLINE_LABEL = compiled(r"^(?P<label>[^:]{1,40}?)\s*:\s+(?P<value>\S.*)$")
# where text exports keep no sizes, only a printed mark tells a footnote from a list
_FOOTNOTE_MARK = compiled(r"^(?:[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\])")
_FOOTNOTE_NUMBER = compiled(r"^(?:[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\]|\d{1,2}(?!\d))")
_UPPERCASE_START = compiled(r"^\W*\p{Lu}")

_LOWERCASE_START = compiled(r"^\p{Ll}")
_LETTER_START = compiled(r"^\p{L}")
_ENDS_SENTENCE = (".", ";", ",")
_ENDS_RUN = (".", ":", ";", "!", "?")


@dataclass(slots=True, frozen=True)
class _Measure:
    """One page's yardsticks, in points for PDFs and in columns and rows for text."""

    geometry: bool
    left: float
    right: float
    paragraph_gap: float  # a gap above a line wider than this starts a new block
    value_gap: float  # a wrapped value may sit this far below the row above it
    tolerance: float  # an x difference that still reads as aligned
    wide_gap: float  # a gap between spans that reads as a column gap, not a word space

    def short(self, line: Line) -> bool:
        return line.x1 < self.left + _SHORT_LINE * (self.right - self.left)


class _Opens(StrEnum):
    """What a line could start, before its neighbours are known."""

    grid_pair = "grid_pair"
    grid_row = "grid_row"
    footnote = "footnote"
    pair = "pair"
    caption = "caption"
    item = "item"
    row = "row"  # three or more columns: a table row
    two_columns = "two_columns"  # a table row, if enough of them line up
    heading = "heading"


@dataclass(slots=True)
class _Start:
    opens: _Opens
    marker: Marker | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    value_x: float | None = None  # where a label's value starts; wrapped value lines align
    grid: GridRegion | None = None


@dataclass(slots=True)
class _Open:
    block: Block
    start: _Start | None
    column: float | None = None  # where continuation lines start, once a second line shows


def lay_out(pages: Iterable[Page], body: TextStyle | None = None) -> list[Block]:
    """Reading-order blocks for the pages (one document or a whole pack), furniture kept.

    Heading candidates are judged against ``body``, the body style of the file, or when
    it is not given the body style of the pages given; then ranked with ``rank_headings``.
    """
    pages = list(pages)
    if body is None:
        body = body_text_style(line for page in pages for line in page.lines)
    blocks: list[Block] = []
    for page in pages:
        head, foot = _furniture_blocks(page)
        blocks.extend(head)
        content = _page_blocks(page, body)
        if content and _runs_on(blocks, content[0]):
            _last_content(blocks).lines.extend(content.pop(0).lines)
        blocks.extend(content)
        blocks.extend(foot)
    _nest_lists(blocks)
    rank_headings(blocks)
    return blocks


def _furniture_blocks(page: Page) -> tuple[list[Block], list[Block]]:
    head, foot = [], []
    for line in sorted(page.furniture, key=lambda line: line.top):
        block = Block(BlockKind.furniture, [line], style=line_style(line))
        (head if line.top < page.height / 2 else foot).append(block)
    return head, foot


def _last_content(blocks: list[Block]) -> Block | None:
    for block in reversed(blocks):
        if block.kind is not BlockKind.furniture:
            return block
    return None


def _runs_on(blocks: list[Block], first: Block) -> bool:
    """Whether a page's first block continues the previous page's last one mid-sentence."""
    last = _last_content(blocks)
    return (
        last is not None
        and last.kind in (BlockKind.paragraph, BlockKind.list_item)
        and first.kind is BlockKind.paragraph
        and last.lines[-1].page == first.page - 1
        and not last.lines[-1].text.endswith(_ENDS_RUN)
        and _LOWERCASE_START.match(first.lines[0].text) is not None
    )


def _measure(page: Page) -> _Measure:
    lines = page.lines
    left = min(line.x0 for line in lines)
    # the text's right edge: most lines reach it, a wide table row or a stray stamp need not
    ends = sorted(line.x1 for line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    if not lines[0].has_geometry:
        # consecutive rows touch (bottom = next top), so any blank row is a gap of 1 or more
        return _Measure(False, left, right, 0.5, 1.5, 1.5, 2.5)
    heights = sorted(line.bottom - line.top for line in lines)
    height = heights[len(heights) // 2]
    gaps = sorted(
        b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if 0 <= b.top - a.bottom
    )
    leading = gaps[len(gaps) // 4] if gaps else 0.25 * height
    paragraph_gap = max(0.5 * height, leading + 0.4 * height)
    return _Measure(True, left, right, paragraph_gap, 2.5 * height, 4.0, max(6.0, 0.6 * height))


def _page_blocks(page: Page, body: TextStyle | None) -> list[Block]:
    lines = page.lines
    if not lines:
        return []
    measure = _measure(page)
    rules = vertical_rules(drawn_boxes(page)) if measure.geometry else []
    grids = grid_regions(lines, rules)
    foot_start = _footnote_start(page, body)
    opened: list[_Open] = []
    current: _Open | None = None
    previous: Line | None = None
    for index, line in enumerate(lines):
        start = _start(line, index >= foot_start, grids, rules, body, measure)
        if current is None or not _continues(current, line, previous, start, measure):
            current = _Open(_open_block(line, start), start)
            opened.append(current)
        else:
            _extend(current, line)
        previous = line
    _settle(opened, measure, body)
    blocks = [open_block.block for open_block in opened]
    if measure.geometry:
        _mark_box_openings(blocks, page, measure)
        edges = horizontal_edges(drawn_boxes(page))
        for block in blocks:
            block.own_box = bool(edges) and starts_own_box(block.lines[0], lines, edges, rules)
    return blocks


def _mark_box_openings(blocks: list[Block], page: Page, measure: _Measure) -> None:
    """Mark the headings a drawn rule runs right above, across most of the text's width:
    the label a form's box opens with ("Decision:", "Reason(s) for decision:")."""
    width = measure.right - measure.left
    boxes = [box for box in drawn_boxes(page) if box[2] - box[0] >= _BOX_EDGE_SHARE * width]
    # the rule under a shaded band closes the band: the field below it opens no box
    band_bottoms = [bottom for _x0, top, _x1, bottom in boxes if bottom - top > THIN]
    edges = [
        (top, x0, x1)
        for x0, top, x1, _bottom in boxes
        if not any(abs(top - bottom) <= THIN for bottom in band_bottoms)
    ]
    if not edges:
        return
    # where the heading's box ends: the next rule below, or the foot of a shaded band
    ends = sorted({round(top, 1) for top, _x0, _x1 in edges} | set(band_bottoms))
    for block in blocks:
        if block.kind is not BlockKind.heading:
            continue
        line = block.lines[0]
        height = line.bottom - line.top
        for top, x0, x1 in edges:
            if not (
                0 <= line.top - top <= _BOX_HEADING_GAP * height and x0 <= line.x0 and line.x1 <= x1
            ):
                continue
            below = next((end for end in ends if end > line.bottom + 1), page.height)
            block.opens_box = below - top > _BOX_MIN_HEIGHT * height
            break


def _footnote_start(page: Page, body: TextStyle | None) -> int:
    """Index of the first line of the small print at the page's foot (len(lines) if none)."""
    lines = page.lines
    start = len(lines)
    if body is None:
        return start
    while start > 0:
        line = lines[start - 1]
        if not smaller(line_style(line), body) or line.top < page.height * _FOOT_BAND:
            break
        start -= 1
    return start if start > 0 else len(lines)


def _start(
    line: Line,
    in_foot: bool,
    grids: list[GridRegion],
    rules: list,
    body: TextStyle | None,
    measure: _Measure,
) -> _Start | None:
    """What the line could start; None for a plain line of running text."""
    for grid in grids:
        if grid.holds(line):
            cuts = cell_cuts(line, rules)
            if grid.label_cells and len(cuts) == 1:
                label, value = split_at(line, cuts[0])
                value_x = next(span.x0 for span in line.spans if span.x1 > cuts[0] + 1)
                return _Start(_Opens.grid_pair, pairs=[(_unlabel(label), value)], value_x=value_x)
            return _Start(_Opens.grid_row, grid=grid) if cuts or not grid.label_cells else None
    text = line.text
    if in_foot:
        return _Start(_Opens.footnote) if _FOOTNOTE_NUMBER.match(text) else None
    marker = find_marker(text)
    if marker is None:
        pairs, value_x = _pairs(line, measure)
        if pairs:
            return _Start(_Opens.pair, pairs=pairs, value_x=value_x)
        if CAPTION.match(text):
            return _Start(_Opens.caption)
    else:
        return _Start(_Opens.item, marker=marker)
    columns = _columns(line, measure)
    if columns >= 3:
        return _Start(_Opens.row)
    if columns == 2:
        return _Start(_Opens.two_columns)
    if is_capitals(text) or emphasised(line_style(line), body):
        return _Start(_Opens.heading)
    return None


def _unlabel(text: str) -> str:
    return text.strip().removesuffix(":").rstrip()


def _columns(line: Line, measure: _Measure) -> int:
    spans = line.spans
    columns = 1
    for left, right in zip(spans, spans[1:], strict=False):
        if right.x0 - left.x1 >= measure.wide_gap:
            columns += 1
    return columns


def _is_label(text: str) -> bool:
    """Short words naming something: not an amount, not the end of a sentence."""
    return (
        len(text) <= _LABEL_MAX_CHARS
        and len(text.split()) <= _LABEL_MAX_WORDS
        and _LETTER_START.match(text) is not None
        and not text.endswith(".")
    )


def _pairs(line: Line, measure: _Measure) -> tuple[list[tuple[str, str]], float | None]:
    """A row's labels and values: "Label:  value", a bold label, "To: X   Date: Y".

    A label ends with a colon, or is set apart from its value by style with a column gap
    (or a colon opening the value: "**Summary**: ..."). The first run must be a label, so
    a sentence with a colon in it stays a sentence. Returns the pairs and the x where the
    first value starts, where its wrapped lines align (the line's own start when the value
    runs on right after its label).
    """
    spans = line.spans
    if len(spans) < 2:
        return [], None
    pairs: list[tuple[str, list[str]]] = []
    value_x = None
    for index, span in enumerate(spans):
        text = span.text.strip()
        if pairs and not pairs[-1][1]:  # a label waiting for its value
            if value_x is None:
                run_in = span.x0 - spans[index - 1].x1 < measure.wide_gap
                value_x = line.x0 if run_in else span.x0
            value = text.removeprefix(":").strip()
            if value:
                pairs[-1][1].append(value)
            continue
        following = spans[index + 1] if index + 1 < len(spans) else None
        if _is_label(text) and (
            text.endswith(":") or (following and _styled_label(span, following, measure))
        ):
            pairs.append((_unlabel(text), []))
            continue
        inline = _INLINE_LABEL.match(text)
        if inline and _is_label(inline["label"]):
            pairs.append((inline["label"].strip(), [inline["value"]]))
            if value_x is None:
                share = inline.start("value") / max(1, len(text))
                value_x = span.x0 + share * (span.x1 - span.x0)
            continue
        if not pairs:
            return [], None
        pairs[-1][1].append(text)
    if not pairs[0][1]:
        return [], None
    return [(label, " ".join(value)) for label, value in pairs], value_x


def _styled_label(span, following, measure: _Measure) -> bool:
    style, next_style = span.style, following.style
    if style is None or next_style is None or not style.bold or next_style.bold:
        return False
    return following.x0 - span.x1 >= measure.wide_gap or following.text.startswith(":")


def _open_block(line: Line, start: _Start | None) -> Block:
    if start is None:
        return Block(BlockKind.paragraph, [line])
    opens = start.opens
    if opens in (_Opens.pair, _Opens.grid_pair):
        label, value = start.pairs[0]
        return Block(BlockKind.key_value, [line], label=label, value=value)
    if opens is _Opens.item:
        return Block(BlockKind.list_item, [line], marker=start.marker.text)
    kind = {
        _Opens.grid_row: BlockKind.table,
        _Opens.row: BlockKind.table,
        _Opens.two_columns: BlockKind.table,
        _Opens.caption: BlockKind.caption,
        _Opens.footnote: BlockKind.footnote,
        _Opens.heading: BlockKind.heading,
    }[opens]
    return Block(kind, [line])


def _extend(current: _Open, line: Line) -> None:
    block = current.block
    if len(block.lines) == 1:
        current.column = line.x0
    block.lines.append(line)
    if block.kind is BlockKind.key_value:
        block.value = f"{block.value} {line.text}"


def _continues(
    current: _Open,
    line: Line,
    previous: Line,
    start: _Start | None,
    measure: _Measure,
) -> bool:
    block = current.block
    if line.page != previous.page:
        return False
    gap = line.top - previous.bottom
    kind = block.kind
    tolerance = measure.tolerance
    if kind is BlockKind.table:
        opened = current.start
        if opened.grid is not None:
            return opened.grid.holds(line)
        return (
            start is not None
            and start.opens in (_Opens.row, _Opens.two_columns)
            and gap <= 2 * measure.paragraph_gap
        )
    if kind is BlockKind.key_value:
        value_x = current.start.value_x
        if value_x is None or abs(line.x0 - value_x) > tolerance:
            return False
        if start is not None and start.opens is not _Opens.heading:
            return False  # a label, item or row of its own (a bold value line may wrap)
        run_in = value_x <= block.lines[0].x0 + tolerance
        return gap <= (measure.paragraph_gap if run_in else measure.value_gap)
    if kind is BlockKind.footnote:
        return start is None and gap <= measure.paragraph_gap
    if start is not None:
        if start.opens is _Opens.item and not _starts_item(line, start.marker, previous, measure):
            start = None
        elif start.opens is _Opens.heading and kind is BlockKind.heading:
            # lines that look alike run on however many there are: past a heading's few
            # lines they are an emphasised paragraph (a note in italics), which ``_settle``
            # then reads as one, not as a heading and a paragraph cut at its third line
            same_look = line_style(line) == line_style(block.lines[0])
            return (
                same_look
                and gap <= measure.paragraph_gap
                and abs(line.x0 - block.lines[0].x0) <= tolerance
            )
        elif start.opens is _Opens.heading and kind in (BlockKind.paragraph, BlockKind.list_item):
            # set apart from the body, but not from the text it follows: an italic note's
            # wrapped line, not a heading (a heading stands out from the text above it too)
            if line_style(line) != line_style(block.lines[-1]):
                return False
        elif not (start.opens is _Opens.heading and kind is BlockKind.caption):
            return False
    if kind is BlockKind.heading or gap > measure.paragraph_gap:
        return False
    if measure.short(previous) and kind is not BlockKind.caption:
        # the line above stopped short of the margin, so it ended its block, unless this
        # line carries on its sentence
        mid_sentence = _LOWERCASE_START.match(line.text) and not previous.text.endswith(_ENDS_RUN)
        if not mid_sentence:
            return False
    if kind is BlockKind.caption:
        return len(block.lines) < 2
    if kind is BlockKind.list_item:
        return line.x0 >= block.lines[0].x0 - tolerance
    if current.column is None:  # a first line may be indented further than the rest
        return line.x0 <= block.lines[0].x0 + tolerance
    return abs(line.x0 - current.column) <= tolerance


def _starts_item(line: Line, marker: Marker, previous: Line, measure: _Measure) -> bool:
    """Whether a marker-like start begins an item rather than a wrapped line ("2.5 million
    homes", "– as above"): its own run of text, or after a line that ended a sentence."""
    spans = line.spans
    if len(spans) > 1 and spans[0].text.strip() == marker.text:
        return True
    if marker.family is not MarkerFamily.number:
        return True
    return previous.text.endswith(_ENDS_RUN) or measure.short(previous)


def _settle(opened: list[_Open], measure: _Measure, body: TextStyle | None) -> None:
    """Decide what single lines could not: numbered headings, short tables, loose headings,
    text-export footnotes; and give every block its style."""
    numbered_only = [False] * len(opened)  # made a heading by its numbering alone
    for index, current in enumerate(opened):
        block = current.block
        block.style = dominant_style(block.lines)
        kind = block.kind
        start = current.start
        if kind is BlockKind.list_item and _numbered_heading(block, start.marker, measure, body):
            block.kind = BlockKind.heading
            numbered_only[index] = not emphasised(block.style, body)
        elif kind is BlockKind.heading and not _reads_as_heading(block):
            block.kind = BlockKind.paragraph
        elif kind is BlockKind.table and start.grid is None and not _is_table(block, measure):
            block.kind = BlockKind.paragraph
    _list_runs_of_numbered_lines(opened, numbered_only)
    for current in reversed(opened):  # marked notes closing a text-export page
        block = current.block
        if block.has_geometry or not _FOOTNOTE_MARK.match(block.text):
            break
        block.kind = BlockKind.footnote
        block.marker = None


def _list_runs_of_numbered_lines(opened: list[_Open], numbered_only: list[bool]) -> None:
    """A heading is followed by what it heads: numbered lines that follow one another with
    nothing under them ("01 David Redgewell", "02 Ian Pond") are a list's items."""
    run_start = 0
    for index in range(len(opened) + 1):
        continues = (
            index < len(opened)
            and numbered_only[index]
            and index > run_start
            and opened[index].start.marker.depth == opened[index - 1].start.marker.depth
        )
        if continues:
            continue
        if index - run_start > 1:
            for current in opened[run_start:index]:
                current.block.kind = BlockKind.list_item
        run_start = index if index < len(opened) and numbered_only[index] else index + 1


def _numbered_heading(
    block: Block, marker: Marker, measure: _Measure, body: TextStyle | None
) -> bool:
    """A short numbered line without a full stop ("2. Financial implications", "5 Minutes
    of the last meeting") heads what follows; "1. Approve the programme." is an item."""
    if not marker.dotted:
        return False
    lines = block.lines
    text = block.text
    if text.endswith(_ENDS_SENTENCE) or not _UPPERCASE_START.match(block.content):
        return False
    if text.endswith(":") and len(block.content.split()) > _COLON_HEADING_WORDS:
        return False  # "1.2 The committee is asked to:" introduces a list
    if len(lines) == 1:
        return measure.short(lines[0]) or emphasised(block.style, body)
    return len(lines) <= 2 and emphasised(block.style, body)


def _reads_as_heading(block: Block) -> bool:
    return len(block.lines) <= _HEADING_MAX_LINES and not block.text.endswith(_ENDS_SENTENCE)


def _is_table(block: Block, measure: _Measure) -> bool:
    """Enough aligned rows: two of three columns or more, or three of two columns whose
    second columns start together."""
    lines = block.lines
    wide = sum(1 for line in lines if _columns(line, measure) >= 3)
    if wide >= 2:
        return True
    if len(lines) < 3:
        return False
    second = [line.spans[1].x0 for line in lines if len(line.spans) > 1]
    return len(second) >= 3 and max(second) - min(second) <= 2 * measure.tolerance


def _nest_lists(blocks: list[Block]) -> None:
    """List depth from indentation: an item further right than the open item nests in it;
    a heading, or text set further left, closes the deeper lists."""
    stack: list[float] = []
    for block in blocks:
        kind = block.kind
        if kind is BlockKind.heading:
            stack.clear()
            continue
        if kind in (BlockKind.furniture, BlockKind.footnote):
            continue
        x = block.lines[0].x0
        tolerance = 4.0 if block.has_geometry else 1.5
        while stack and x < stack[-1] - tolerance:
            stack.pop()
        if kind is not BlockKind.list_item:
            continue
        if not stack or x > stack[-1] + tolerance:
            stack.append(x)
        block.depth = len(stack) - 1
