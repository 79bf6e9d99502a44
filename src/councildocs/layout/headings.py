"""Heading levels from how headings look, ranked against the body text of one document.

A reader ranks headings by how much they stand out: larger above smaller, bold above
plain, capitals above mixed case, underlined or italic below bold; where two headings look
alike, the numbering's depth (1 / 1.1 / 1.1.1) and then indentation tell them apart.
Nothing here reads the headings' words.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.page import TextStyle
from .blocks import Block, BlockKind
from .markers import find_marker
from .styles import body_text_style, is_capitals, size_step

_UNNUMBERED = 9  # an unnumbered heading ranks after numbered ones that look the same
_INDENT_STEP_POINTS = 18.0
_INDENT_STEP_COLUMNS = 4.0
_TITLE_SIZE_STEPS = 2  # this much larger than the body reads as a title
_BOXED_HEADINGS = 3  # headings opening drawn boxes: a form laid out in boxes


def body_style(blocks: Iterable[Block]) -> TextStyle | None:
    """The most common style by characters of the blocks' running text (None for text)."""
    return body_text_style(
        line
        for block in blocks
        if block.kind not in (BlockKind.heading, BlockKind.furniture)
        for line in block.lines
    )


def rank_headings(blocks: list[Block]) -> None:
    """Set ``level`` on every heading block (1 = top), ranked within these blocks.

    Call it with one document's blocks to rank that document's headings on their own;
    ``lay_out`` calls it over everything it was given.
    """
    blocks = list(blocks)
    headings = [block for block in blocks if block.kind is BlockKind.heading]
    if not headings:
        return
    body = body_style(blocks)
    left = min(block.lines[0].x0 for block in blocks if block.kind is not BlockKind.furniture)
    # a form's boxes rank the headings that open them above those inside them, once the
    # document is seen to use them (one rule above one heading is a separator, not a form)
    boxed = sum(block.opens_box for block in headings) >= _BOXED_HEADINGS
    keys = [_prominence(block, body, left, boxed) for block in headings]
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys)), start=1)}
    for block, key in zip(headings, keys, strict=True):
        block.level = ranks[key]


def _prominence(block: Block, body: TextStyle | None, left: float, boxed: bool) -> tuple:
    """A sort key: the more a heading stands out, the smaller its key."""
    style = block.style
    marker = find_marker(block.text) if block.marker is None else None
    printed = block.marker or (marker.text if marker else None)
    depth = printed.rstrip(".").count(".") + 1 if printed and printed[0].isdigit() else None
    step = _INDENT_STEP_POINTS if block.has_geometry else _INDENT_STEP_COLUMNS
    bold = style is not None and style.bold and not (body is not None and body.bold)
    return (
        -size_step(style, body),
        not bold,
        not is_capitals(block.content),
        not (style is not None and style.underline),
        style is not None and style.italic,
        not (boxed and block.opens_box),
        depth if depth is not None else _UNNUMBERED,
        int((block.lines[0].x0 - left) // step),
    )


def title_block(page_blocks: list[Block], body: TextStyle | None) -> Block | None:
    """The block that opens the page in a document-title style, if one does.

    That is the page's first content block, when it is an unnumbered heading set clearly
    larger than the body text of the file (``body``); segmentation reads it as a sign that
    a new document starts on this page. A numbered heading is an item or a section of the
    document it is in, however it looks; and ranks within one page say nothing of a
    title, so only size against the whole file's body counts.
    """
    first = next((b for b in page_blocks if b.kind is not BlockKind.furniture), None)
    if first is None or first.kind is not BlockKind.heading or first.marker is not None:
        return None
    if find_marker(first.text) is not None:
        return None
    return first if size_step(first.style, body) >= _TITLE_SIZE_STEPS else None
