"""A report's sections from its layout blocks: the heading tree a reader sees.

The layout layer ranks every heading of the document by how it looks (size, weight,
capitals, underline, italics, then numbering depth and indent). Here those ranks become a
tree: the most prominent rank below the document's title is the top level, each top-level
heading holds the text and the lower headings after it. Two kinds of heading-looking
block are not sections: the title lines the report opens with (their rank never comes
back further down) and a closing sign-off (a name in bold with no text after it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..extract import Line, TextStyle
from ..layout import Block, BlockKind, body_style, rank_headings
from ..models import Paragraph, Section
from ..patterns import compiled
from .common import LETTER, provenance

_BULLET_MARKERS = frozenset("•●▪◦■□➢➤-–o\uf0b7\uf0a7\uf0d8\u2022\u2023\u2043")
# a heading holds a title, not a sentence: longer bold text is an emphasised paragraph
_MOST_HEADING_WORDS = 16
_BODY_KINDS = (BlockKind.paragraph, BlockKind.list_item, BlockKind.key_value, BlockKind.table)
# a span holding only a list number or letter, as some word processors print it ("3 3")
_MARKER_TOKEN = r"(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?(?:[A-Za-z]|[ivxlIVXL]{1,4})[.)])"
_MARKER_SPAN = compiled(rf"^{_MARKER_TOKEN}(?:\s+{_MARKER_TOKEN})*$")
_LEAD_END = compiled(r"[\s–—:-]+$")


def heading_tree(blocks: Sequence[Block]) -> tuple[list[Section], list[Line]]:
    """The top-level sections, each with its paragraphs and sub-sections, in reading order;
    and the lines above the first of them, which no section holds."""
    content = _with_run_in_headings([b for b in blocks if b.kind is not BlockKind.furniture])
    headings = _section_headings(content)
    if not headings:
        return [], []
    top = min(block.level or 1 for block in headings)
    levels = _levels_by_numbering(headings, top)
    roots: list[Section] = []
    before: list[Line] = []
    # the open headings, outermost first, with the level each was ranked at
    open_sections: list[tuple[int, Section]] = []
    starts = iter(zip(headings, levels, strict=True))
    next_start, next_level = next(starts)
    for block in content:
        if block is next_start:
            level = next_level
            next_start, next_level = next(starts, (None, None))
            section = Section(
                number=_number(block.marker),
                title=" ".join(block.content.split()).rstrip(":").strip(),
                provenance=provenance(block.lines[0]),
            )
            while open_sections and open_sections[-1][0] >= level:
                open_sections.pop()
            if open_sections:
                open_sections[-1][1].subsections.append(section)
            else:
                roots.append(section)
            open_sections.append((level, section))
        elif not open_sections:
            before.extend(block.lines)
        elif block.kind in (*_BODY_KINDS, BlockKind.heading):
            _add_text(open_sections[-1][1], block)
    return roots, before


def _levels_by_numbering(headings: list[Block], top: int) -> list[int]:
    """Each heading's level; a heading numbered in the top level's sequence ("2." between
    top-level "1" and "3", however it is set) is top-level too."""
    levels = [max(block.level or top, top) for block in headings]
    numbers = [_number(block.marker) for block in headings]
    changed = True
    while changed:
        changed = False
        top_numbers = {n for n, lv in zip(numbers, levels, strict=True) if lv == top and n}
        for index, number in enumerate(numbers):
            if levels[index] == top or not number or not number.isdigit():
                continue
            if str(int(number) - 1) in top_numbers or str(int(number) + 1) in top_numbers:
                levels[index] = top
                changed = True
    return levels


def _section_headings(content: list[Block]) -> list[Block]:
    headings = [
        block
        for block in content
        if block.kind is BlockKind.heading and len(block.content.split()) <= _MOST_HEADING_WORDS
    ]
    opening = _opening_headings(content)
    later_levels = {block.level for block in headings if block not in opening}
    title = [block for block in opening if block.level not in later_levels]
    headings = [block for block in headings if block not in title]
    if headings and _is_sign_off(content, headings[-1]):
        headings.pop()
    return headings


def _opening_headings(content: list[Block]) -> list[Block]:
    """The headings the document opens with, before any of its text."""
    opening = []
    for block in content:
        if block.kind is not BlockKind.heading:
            break
        opening.append(block)
    return opening


def _is_sign_off(content: list[Block], heading: Block) -> bool:
    """A last heading with no text after it closes the report: a signature, not a section."""
    position = next(index for index, block in enumerate(content) if block is heading)
    return not any(block.kind in _BODY_KINDS for block in content[position + 1 :])


def _number(marker: str | None) -> str | None:
    if not marker:
        return None
    return marker.strip().rstrip(".)").lstrip("(") or None


def _add_text(section: Section, block: Block) -> None:
    text = " ".join(block.content.split())
    if not text:
        return
    marker = block.marker.strip() if block.marker else None
    if marker in _BULLET_MARKERS and section.paragraphs:
        section.paragraphs[-1].bullets.append(text)
        return
    section.paragraphs.append(
        Paragraph(
            number=None if marker in _BULLET_MARKERS else _number(marker),
            text=text,
            provenance=provenance(block.lines[0]),
        )
    )


def _with_run_in_headings(content: list[Block]) -> list[Block]:
    """The blocks, with the bold or underlined lead of a numbered point ("3 Madras College
    – Further consultation ...") set apart as a heading over the rest of its text, and
    every heading ranked again among them. The caller's blocks are left as they were."""
    body = body_style(content)
    out: list[Block] = []
    found = False
    for block in content:
        split = _run_in_lead(block, body)
        if split is None:
            out.append(replace(block) if block.kind is BlockKind.heading else block)
        else:
            out.extend(split)
            found = True
    if found:
        rank_headings(out)
    return out


def _run_in_lead(block: Block, body: TextStyle | None) -> list[Block] | None:
    if block.kind not in (BlockKind.paragraph, BlockKind.list_item) or body is None:
        return None
    line = block.lines[0]
    spans = list(line.spans)
    printed_marker = None
    while spans and _MARKER_SPAN.match(spans[0].text.strip()):
        marker_text = spans.pop(0).text.strip()
        printed_marker = printed_marker or marker_text
    if not spans or not _stands_out(spans[0].style, body):
        return None
    style = spans[0].style
    lead = [span for span in _leading(spans, style)]
    rest = spans[len(lead) :]
    title = _LEAD_END.sub("", " ".join(span.text.strip() for span in lead))
    if not LETTER.search(title) or len(title.split()) > _MOST_HEADING_WORDS:
        return None
    if not rest and (len(block.lines) > 1 or title.endswith(".")):
        return None  # a whole emphasised sentence or paragraph, not a lead
    marker = block.marker or printed_marker
    heading_line = Line(
        f"{marker} {title}" if marker else title,
        line.x0,
        line.top,
        lead[-1].x1,
        line.bottom,
        line.page,
        tuple(lead),
    )
    heading = Block(BlockKind.heading, [heading_line], marker=marker, style=style)
    if not rest:
        return [heading]
    rest_text = _LEADING_PUNCTUATION.sub("", " ".join(span.text.strip() for span in rest))
    rest_line = Line(rest_text, rest[0].x0, line.top, line.x1, line.bottom, line.page, tuple(rest))
    return [heading, Block(BlockKind.paragraph, [rest_line, *block.lines[1:]], style=block.style)]


_LEADING_PUNCTUATION = compiled(r"^[\s–—:-]+")


def _leading(spans: list, style: TextStyle) -> list:
    lead = []
    for span in spans:
        if span.style != style:
            break
        lead.append(span)
    return lead


def _stands_out(style: TextStyle | None, body: TextStyle) -> bool:
    """Set apart from the body text the way a heading is: bolder, or underlined."""
    if style is None or not style.visible:
        return False
    return (style.bold and not body.bold) or (style.underline and not body.underline)
