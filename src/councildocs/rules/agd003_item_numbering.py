"""Agenda items are numbered without gaps or repeats.

Items run 1, 2, 3 ...; sub-items ("5a", "5.1") share their parent's number. A missing or
repeated number usually means an item was withdrawn without renumbering, or two items
were merged, and minutes that cite "item 6" then point at the wrong business. A lower
number starts a new run (a pack holding two sessions, each numbered from 1); gaps and
repeats are judged within a run.

**Anti-pattern**

    4 Minutes of previous meetings
    6 Modern Slavery - Update Report

**Best practice**

    4 Minutes of previous meetings
    5 Adults and Safer City Scrutiny - Draft Work Programme
    6 Modern Slavery - Update Report
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import Pack
from ..patterns import compiled
from ._support import Hit

CODE = "AGD003"
NAME = "item-numbering"
SEVERITY = "warning"
READS = "pack"

_DATE_TITLE = compiled(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", regex.I
)
_LEADING_NUMBER = compiled(r"^\s*(\d+)(?P<sub>[.(]?\s*[a-z0-9]+\)?)?\s*$", regex.I)


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    previous: int | None = None
    for item in pack.agenda.items:
        match = _LEADING_NUMBER.match(item.number or "")  # an unnumbered item has no place
        if not match or _DATE_TITLE.match(item.title):
            continue  # lettered schemes (A, B, C); "2 April 18, 2016" is a date, not an item
        number, is_sub = int(match.group(1)), bool(match.group("sub"))
        if is_sub:
            continue
        page = item.provenance.page if item.provenance else None
        quote = f"{item.number} {item.title}"
        if previous is not None:
            if number == previous:
                yield Hit(f"agenda item number {number} is used twice", page, quote)
            elif number > previous + 1:
                missing = ", ".join(str(n) for n in range(previous + 1, number))
                yield Hit(
                    f"agenda item {number} follows item {previous}: no item {missing}",
                    page,
                    quote,
                )
        # a lower number starts a new run: a second meeting or session in the same pack
        # (US packs number each session from 1), so only gaps within a run are reported
        previous = number
