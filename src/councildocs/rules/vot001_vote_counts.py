"""A recorded vote's printed count equals the number of names listed under it.

Minutes that list who voted which way print each side's count with it ("For (14)"). A count
that differs from the names under it means a name was left out, added, or the count was
mistyped; either way a reader cannot tell how the council voted. Post-nominals ("Mr Love,
OBE") belong to the name before them; a side with a count and no names listed at all is
not checked (many minutes print counts alone).

**Anti-pattern**

    For (14)
    Mr Baldock, Mr Brady, Ms Constantine, Ms Hawkins, Mr Holden, Mr Hood, Mr Hook,
    Mr R Lehmann, Mr Lewis, Ms Meade, Mr Passmore, Mr Sole, Mr Streatfeild

**Best practice**

    For (14)
    Mr Baldock, Mr Brady, Ms Constantine, Ms Hawkins, Mr Holden, Mr Hood, Mr Hook,
    Mr R Lehmann, Mr Lewis, Ms Meade, Mr Passmore, Mr Sole, Mr Streatfeild, Dr Sullivan
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ._support import Hit
from ._votes import recorded_votes

CODE = "VOT001"
NAME = "vote-counts"
SEVERITY = "error"
READS = "minutes"
PREVIEW = True


def check(document: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    for vote in recorded_votes(document):
        if not vote.listed:
            continue
        for side, count in vote.counts.items():
            names = vote.names.get(side, [])
            if count and not names:
                continue  # counts printed alone on this side
            if len(names) != count:
                listed = f"{len(names)} name{'s' if len(names) != 1 else ''}"
                yield Hit(
                    f"'{vote.headings[side]}' but {listed} listed under it"
                    + (f" (minute {vote.item})" if vote.item else ""),
                    vote.page,
                    vote.quote(side),
                )
