"""Blocks: what a reader sees a page as, before anyone reads what it says.

A block is a run of lines that belong together (a paragraph, a heading, a list item, a
label and its value, a table region) with the one fact that makes it that kind: its
marker, its label, its level. Like docling-core's document items, every block keeps the
lines it came from, so its page and box are provenance, not a copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..extract.page import Line, TextStyle


class BlockKind(StrEnum):
    heading = "heading"
    paragraph = "paragraph"
    list_item = "list_item"
    key_value = "key_value"
    caption = "caption"
    footnote = "footnote"
    table = "table"
    furniture = "furniture"


@dataclass(slots=True)
class Block:
    """Lines a reader takes as one unit, in reading order.

    ``marker`` is the list marker or heading number as printed ("5.", "(a)", "•",
    "19.09.01", "Min 45/19"); ``depth`` is list nesting from indentation (0 outermost);
    ``level`` ranks headings within a document (1 = top); ``label`` and ``value`` are a
    key/value pair's label without its colon and its value with wrapped lines joined;
    ``style`` is the block's dominant style, None for text exports; ``opens_box`` says a
    drawn rule runs right above a heading across the text, as a form's box opens with it;
    ``own_box`` says the block opens a drawn box of its own (an edge between its first
    line and the text above it, sides left and right of it), so no value above runs on
    into it.
    """

    kind: BlockKind
    lines: list[Line]
    level: int | None = None
    marker: str | None = None
    depth: int = 0
    label: str | None = None
    value: str | None = None
    style: TextStyle | None = None
    opens_box: bool = False
    own_box: bool = False

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def content(self) -> str:
        """The text without its marker: a heading's title, a list item's words."""
        text = self.text
        if self.marker and text.startswith(self.marker):
            return text[len(self.marker) :].lstrip()
        return text

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def pages(self) -> tuple[int, int]:
        """First and last physical page: a paragraph may run on over a page break."""
        return (self.lines[0].page, self.lines[-1].page)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The box of the block's lines on its first page (text exports: columns, rows)."""
        first = [line for line in self.lines if line.page == self.lines[0].page]
        return (
            min(line.x0 for line in first),
            min(line.top for line in first),
            max(line.x1 for line in first),
            max(line.bottom for line in first),
        )

    @property
    def has_geometry(self) -> bool:
        return self.lines[0].has_geometry
