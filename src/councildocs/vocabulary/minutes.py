"""How minutes name their own numbering: the word some councils print before a minute's
number ("Min 45/19", "Minute 12/24", Welsh "Cofnod 7"); and the labels inside an item that
are not an item's title."""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

MINUTE_NUMBER_WORDS = ("Min(?:ute)?s?\\.?", "Cofnod")
MINUTE_NUMBER_PREFIX = one_of(MINUTE_NUMBER_WORDS)

# labels that minutes print inside an item, before its note, its proposer or its outcome
# ("Notes: ...", "Proposed: Cllr A", "Action: Clerk"), never an item of their own; Welsh
# "Cynigiwyd" (proposed), "Eiliwyd" (seconded), "Nodyn" (note)
NOT_ITEM_LABELS = (
    "Notes?", "Nodyn", "Proposed(?: by)?", "Seconded(?: by)?", "Moved(?: by)?", "Cynigiwyd",
    "Eiliwyd", "Actions?(?: by)?", "Decisions?", "Outcome", "Votes?", "Resolved", "Agreed",
    "Carried", "Response", "Reply", "Answer", "Questions?", "Comments?", "Update", "Result",
    "For", "Against", "Abstentions?", "Chair(?:man)?", "Clerk", "Secretary", "Treasurer",
    "Cadeirydd", "Clerc", "Date", "Time", "Venue", "Location", "Place", "Lleoliad", "Dyddiad",
)  # fmt: skip
# the whole label is one of these: "Questions for Fife Council" is an item
NOT_ITEM_LABEL = compiled(rf"^{one_of(NOT_ITEM_LABELS)}$", regex.I)
