"""Nobody is listed on both sides of one vote, or twice on one side.

Each voter votes once: the same name (as printed: "Mr R Lehmann") under "For" and
"Against", or twice under "For", is a copying slip that changes the count. Two people
who share a surname are printed apart ("Mr Cole, Mrs Cole") and are not confused.

**Anti-pattern**

    For (3)
    Mr Baldock, Mr Brady, Mr Hook
    Against (2)
    Mr Baker, Mr Brady

**Best practice**

    For (3)
    Mr Baldock, Mr Brady, Mr Hook
    Against (2)
    Mr Baker, Mrs Bell
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ._support import Hit
from ._votes import SIDES, printed_voter, recorded_votes

CODE = "VOT003"
NAME = "voter-listed-once"
SEVERITY = "error"
READS = "minutes"
PREVIEW = True


def check(document: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    for vote in recorded_votes(document):
        first_side: dict[str, str] = {}
        where = f" (minute {vote.item})" if vote.item else ""
        for side in SIDES:
            for name in vote.names.get(side, []):
                key = printed_voter(name)
                if key not in first_side:
                    first_side[key] = side
                    continue
                earlier = first_side[key]
                if earlier == side:
                    message = f"{name} is listed twice under '{vote.headings[side]}'{where}"
                else:
                    message = (
                        f"{name} is listed under both '{vote.headings[earlier]}' and "
                        f"'{vote.headings[side]}'{where}"
                    )
                yield Hit(message, vote.page, vote.quote(side))
