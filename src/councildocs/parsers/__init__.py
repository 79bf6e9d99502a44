"""parsers: one module per document kind, each turning a document's lines into its model.

Every parser takes the lines that segment gave its document and returns the kind's
pydantic document; whatever it cannot place goes to ``unplaced_text``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..extract import Line
from ..models import DocumentBase
from . import minutes, other, report, work_programme
from .agenda import parse_agenda

PARSERS: dict[str, Callable[[list[Line]], DocumentBase]] = {
    "minutes": minutes.parse,
    "report": report.parse,
    "work_programme": work_programme.parse,
    "other": other.parse,
}

__all__ = ["PARSERS", "parse_agenda"]
