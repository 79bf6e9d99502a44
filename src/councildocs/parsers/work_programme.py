"""The work_programme parser. Its fields are filled by the parser of this kind; until a line is
placed in a field it is kept in ``unplaced_text``."""

from __future__ import annotations

from ..extract import Line
from ..models import WorkProgrammeDocument
from .common import unplaced


def parse(lines: list[Line]) -> WorkProgrammeDocument:
    return WorkProgrammeDocument(unplaced_text=unplaced(lines))
