"""Minutes record apologies for absence, or that there were none.

Who sent apologies (or was absent) is part of the record: a member's seat is forfeited after
six months' unexplained absence (Local Government Act 1972, s.85). Passes when the parsed
attendance lists apologies or absentees, or the text mentions apologies or absence at all,
including "There were no apologies".

**Anti-pattern**

    Attendance
    Cllr Linda Leach (Chair)
    2 Declarations of Interest ...

**Best practice**

    1 Apologies
    Apologies for absence were received from the following:
    Cllr Pat Patten
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ..vocabulary.attendance import APOLOGIES_MENTION
from ._presence import first_page, is_meeting_record, says
from ._support import Hit

CODE = "MIN002"
NAME = "minutes-apologies"
SEVERITY = "warning"
READS = "minutes"

MENTION = APOLOGIES_MENTION


def check(minutes: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    if not is_meeting_record(minutes):
        return  # a continuation page or a misfiled document: nothing to judge
    if minutes.attendance.apologies or minutes.attendance.absent or says(minutes, MENTION):
        return
    yield Hit(
        "the minutes record no apologies or absences, not even that there were none",
        first_page(minutes),
        minutes.title,
    )
