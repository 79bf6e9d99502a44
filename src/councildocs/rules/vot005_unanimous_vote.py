"""A vote recorded as unanimous lists no one against.

"CARRIED unanimously" with votes against (a count, or names under "Against") contradicts
itself. Abstentions are allowed: councils differ on whether a vote with abstentions is
"unanimous", and the minutes say which they mean.

**Anti-pattern**

    On being put to the vote the recommendation was CARRIED unanimously (8 for, 1 against)

**Best practice**

    On being put to the vote the recommendation was CARRIED (8 for, 1 against)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ._support import Hit
from ._votes import recorded_votes

CODE = "VOT005"
NAME = "unanimous-vote"
SEVERITY = "error"
READS = "minutes"
PREVIEW = True


def check(document: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    for vote in recorded_votes(document):
        against = max(vote.counts.get("against") or 0, len(vote.names.get("against", [])))
        if vote.unanimous and against:
            yield Hit(
                f"the vote is recorded as unanimous but {against} voted against"
                + (f" (minute {vote.item})" if vote.item else ""),
                vote.page,
                vote.quote("against") if "against" in vote.headings else vote.quote(),
            )
