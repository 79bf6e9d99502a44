"""layout: page lines to typed blocks, between extract and segment.

``lay_out(pages)`` reads pages of positioned, styled lines (or a text export's columns
and rows) as a reader sees them: headings, paragraphs, list items, labels with values,
captions, footnotes, table regions and page furniture, in reading order. Structure comes
from typography, indentation, gaps, rules and numbering, never from a council's wording;
this is the one place where PDF and text-export differences are handled.
"""

from .blocks import Block, BlockKind
from .build import lay_out
from .headings import body_style, rank_headings, title_block
from .markers import Marker, MarkerFamily, find_marker
from .styles import dominant_style

__all__ = [
    "Block",
    "BlockKind",
    "Marker",
    "MarkerFamily",
    "body_style",
    "dominant_style",
    "find_marker",
    "lay_out",
    "rank_headings",
    "title_block",
]
