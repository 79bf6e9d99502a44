"""Shared by the "does the document say X" rules: a field, or failing that, its heading."""

from __future__ import annotations

import regex

from ..dates import DATE_PATTERN
from ..models import DocumentBase
from ..vocabulary.attendance import US_RECORD_MENTION
from ._support import document_text, passages


def says(document: DocumentBase, pattern: str) -> bool:
    """Whether any text of the document (parsed or unplaced) matches ``pattern``."""
    return regex.search(pattern, document_text(document), flags=regex.I | regex.M) is not None


def first_page(document: DocumentBase) -> int | None:
    return document.pages.start if document.pages else None


_NOT_A_REPORT = r"record\s+of\s+decision|decision\s+notice"


def is_report_proper(document: DocumentBase) -> bool:
    """False for a decision record or notice that segmentation filed as a report."""
    # the heading may be a parsed field or, where no field took it, the first unplaced text
    opening = " ".join(
        [p.text for p in passages(document)[:3]] + [u.text for u in document.unplaced_text[:3]]
    )
    return regex.search(_NOT_A_REPORT, opening, flags=regex.I) is None


def is_meeting_record(document: DocumentBase) -> bool:
    """Whether minutes open as a record of a meeting (not a page split off from one)."""
    if (
        getattr(document, "date", None)
        or getattr(document, "attendance", None)
        and (document.attendance.members or document.attendance.apologies)
    ):
        return True
    opening = " ".join(p.text for p in passages(document)[:2])
    return regex.search(r"\bminutes\b", opening, flags=regex.I) is not None and bool(
        DATE_PATTERN.search(opening)
    )


_US_RECORD = US_RECORD_MENTION


def follows_uk_practice(document: DocumentBase) -> bool:
    """False for a US meeting record (roll calls, ayes and noes, a state and ZIP code):
    duties such as declaring interests under the Localism Act 2011 do not apply there."""
    return regex.search(_US_RECORD, document_text(document)) is None
