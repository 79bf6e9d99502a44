"""A vote's outcome (carried or lost) agrees with its numbers.

A motion carried with fewer votes for than against, or lost with more for than against,
misreports the decision. A tie may go either way (the chair's casting vote), and a vote the
minutes say needed more than a simple majority of those voting ("failed to gather a
majority vote", "two-thirds") may be lost with more for than against: neither is reported.

**Anti-pattern**

    For (14) ... Against (45) ... Abstain (4) ...
    Amendment carried.

**Best practice**

    For (14) ... Against (45) ... Abstain (4) ...
    Amendment lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import MinutesDocument, Pack
from ._support import Hit
from ._votes import recorded_votes

CODE = "VOT004"
NAME = "vote-outcome"
SEVERITY = "error"
READS = "minutes"
PREVIEW = True


def check(document: MinutesDocument, _pack: Pack) -> Iterator[Hit]:
    for vote in recorded_votes(document):
        in_favour, against = vote.counts.get("for"), vote.counts.get("against")
        if vote.outcome is None or in_favour is None or against is None:
            continue
        wrong = (vote.outcome == "carried" and in_favour < against) or (
            vote.outcome == "lost" and in_favour > against and not vote.special_majority
        )
        if wrong:
            yield Hit(
                f"the vote is recorded as {vote.outcome} with {in_favour} for and "
                f"{against} against" + (f" (minute {vote.item})" if vote.item else ""),
                vote.page,
                vote.quote(),
            )
