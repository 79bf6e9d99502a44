"""Documents of no kind we parse further (appendices, letters, forms): their text, whole."""

from __future__ import annotations

from ..extract import Line
from ..models import OtherDocument
from .common import join_lines, paragraphs


def parse(lines: list[Line]) -> OtherDocument:
    return OtherDocument(text="\n\n".join(join_lines(block) for block in paragraphs(lines)))
