"""Every named voter is in the meeting's attendance, as a member or a substitute.

A name under "For", "Against" or "Abstain" that the minutes do not list as present (or who
sent apologies) is a voter who was not there, or an attendance list with someone missing.
Voters are matched to the attendance by surname, the way recorded votes print them ("Mr R
Lehmann" is Rich Lehmann); checked only when the minutes list members present.

**Anti-pattern**

    Present: Mr N Baker, Mr M Baldock, Mrs C Bell
    For (3)
    Mr Baker, Mr Baldock, Mr Webb

**Best practice**

    Present: Mr N Baker, Mr M Baldock, Mrs C Bell
    For (3)
    Mr Baker, Mr Baldock, Mrs Bell
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ._support import Hit
from ._votes import SIDES, attendance_surnames, recorded_votes, surname

CODE = "VOT002"
NAME = "voters-present"
SEVERITY = "error"
READS = "minutes"
PREVIEW = True


def check(document: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    present = attendance_surnames(document)
    if not present:
        return
    away = {surname(p.name) for p in document.attendance.apologies}
    for vote in recorded_votes(document):
        for side in SIDES:
            for name in vote.names.get(side, []):
                if surname(name) in present:
                    continue
                why = "sent apologies" if surname(name) in away else "is not listed as present"
                yield Hit(
                    f"{name} is recorded voting in '{vote.headings[side]}' but {why}"
                    + (f" (minute {vote.item})" if vote.item else ""),
                    vote.page,
                    vote.quote(side),
                )
