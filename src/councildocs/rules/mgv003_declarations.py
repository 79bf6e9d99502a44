"""The minutes record as many declarations of interest as the council's ModernGov record.

ModernGov counts the declarations of interest made at a meeting against each agenda item.
Minutes of that meeting (minutes dated the day of the record's meeting; the minutes of an
earlier meeting in the pack are not compared) should record the same number: a declaration
the minutes leave out is a gap in the public record of who had an interest in a decision.
The rule compares the declarations the minutes record with the record's total.

**Anti-pattern**

    Record:  item 6 declarationcount 1
    Minutes: 51. Declarations of Interest
             There were no declarations of interest.

**Best practice**

    Record:  item 6 declarationcount 1
    Minutes: 51. Declarations of Interest
             Councillor Field declared a non-pecuniary interest in item 6 as a member of
             the county council.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ..moderngov.models import ModernGovMeeting
from ._presence import first_page
from ._support import Hit

CODE = "MGV003"
NAME = "moderngov-declarations"
SEVERITY = "warning"
READS = "moderngov"


def check(meeting: ModernGovMeeting, pack: Pack) -> Iterator[Hit]:
    recorded = meeting.declaration_count
    if recorded is None:
        return
    for index, document in enumerate(pack.documents):
        if not isinstance(document, MinutesDocument) or document.date != meeting.date:
            continue
        found = len(document.declarations)
        if found == recorded:
            continue
        minutes_say = "none" if found == 0 else f"{found}"
        yield Hit(
            f"the council's record counts {recorded} declaration{'s' * (recorded != 1)} of "
            f"interest at this meeting, but the minutes record {minutes_say}",
            first_page(document),
            document.title,
            index,
        )
