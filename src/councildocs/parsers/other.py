"""Documents of no kind we parse further (forms, notices, policies, appendices, letters).

Their text is kept whole: the document's layout blocks in reading order, one paragraph
each, as a reader sees them apart. What any document shows without knowing its kind is
read too: the label/value pairs a form prints at its head (a record of decision's number
and decision maker) and the heading tree, each top-level heading with its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..extract import Line
from ..layout import Block
from ..models import OtherDocument
from .common import join_lines
from .report import header_block
from .report_sections import heading_tree


def parse(lines: list[Line], blocks: Sequence[Block]) -> OtherDocument:
    metadata, body = header_block(lines, blocks)
    sections, _ = heading_tree(body)
    return OtherDocument(
        text="\n\n".join(join_lines(block.lines) for block in blocks),
        metadata=metadata,
        sections=sections,
    )
