"""Minutes record declarations of interest, or that none were made.

Members must declare disclosable pecuniary and other interests (Localism Act 2011, s.31),
and the minutes are where that is recorded. Passes when declarations were parsed, the
parser saw a declarations item, or the text mentions declarations, interests declared, or
conflicts of interest. US meeting records (roll calls, ayes and noes) are not judged.

**Anti-pattern**

    1 Apologies
    Apologies for absence were received from Cllr Pat Patten
    3 Minutes of previous meetings ...

**Best practice**

    2 Declarations of Interest
    There were no declarations of interest recorded for the meeting.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ..vocabulary.attendance import DECLARATIONS_MENTION
from ._presence import first_page, follows_uk_practice, is_meeting_record, says
from ._support import Hit

CODE = "MIN003"
NAME = "minutes-declarations"
SEVERITY = "warning"
READS = "minutes"

MENTION = DECLARATIONS_MENTION


def check(minutes: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    if not is_meeting_record(minutes) or not follows_uk_practice(minutes):
        return  # a continuation page, a misfiled document, or a US record: nothing to judge
    if minutes.declarations or minutes.declarations_stated or says(minutes, MENTION):
        return
    yield Hit(
        "the minutes record no declarations of interest, not even that there were none",
        first_page(minutes),
        minutes.title,
    )
