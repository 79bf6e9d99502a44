"""Minutes record who attended.

Minutes are the legal record of a meeting; they must show which members were present
(and which officers and others attended), so that quorum and the validity of decisions can
be checked. Passes when the parsed attendance lists anyone, or the minutes carry an
attendance heading ("Present", "Attendance", "In attendance", "Members present").

**Anti-pattern**

    Adults and Safer City Scrutiny Panel
    Minutes - 10 April 2018
    1 Apologies ...

**Best practice**

    Attendance
    Members of the Adults and Safer City Scrutiny Panel
    Cllr Linda Leach (Chair)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ..vocabulary.attendance import ATTENDANCE_MENTION
from ._presence import first_page, is_meeting_record, says
from ._support import Hit

CODE = "MIN001"
NAME = "minutes-attendance"
SEVERITY = "error"
READS = "minutes"

HEADING = ATTENDANCE_MENTION


def check(minutes: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    if not is_meeting_record(minutes):
        return  # a continuation page or a misfiled document: nothing to judge
    people = minutes.attendance
    if people.members or people.substitutes or people.in_attendance:
        return
    if says(minutes, HEADING):
        return
    yield Hit("the minutes do not record who was present", first_page(minutes), minutes.title)
