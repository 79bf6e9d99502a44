"""Documents of no kind we parse further (appendices, letters, forms): their text, whole.

The text is the document's layout blocks in reading order, one paragraph each: headings,
paragraphs, list items and label/value pairs as a reader sees them apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..extract import Line
from ..layout import Block
from ..models import OtherDocument
from .common import join_lines


def parse(lines: list[Line], blocks: Sequence[Block]) -> OtherDocument:
    return OtherDocument(text="\n\n".join(join_lines(block.lines) for block in blocks))
