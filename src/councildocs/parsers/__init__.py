"""parsers: one module per document kind, each turning a document into its model.

Every parser takes what segment gave its document, its lines and its layout blocks
(headings ranked within the document), and returns the kind's pydantic document; whatever
it cannot place goes to ``unplaced_text``. ``other`` reads blocks; minutes, reports and
work programmes still read lines, and move onto blocks kind by kind.
"""

from __future__ import annotations

from collections.abc import Callable

from ..extract import Line
from ..layout import Block
from ..models import DocumentBase
from . import minutes, other, report, work_programme
from .agenda import parse_agenda

PARSERS: dict[str, Callable[[list[Line], list[Block]], DocumentBase]] = {
    "minutes": minutes.parse,
    "report": report.parse,
    "work_programme": work_programme.parse,
    "other": other.parse,
}

__all__ = ["PARSERS", "parse_agenda"]
