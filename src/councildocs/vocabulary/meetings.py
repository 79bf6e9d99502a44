"""How an agenda's front sheet states the meeting and lays out its business: the labels
of the meeting's facts, the sentences that say where and when it is held, the words of a
venue, the headings over the open and the closed items, and what a presenter named under
an item is to do.

The agenda parser reads these (and the minutes parser the sentence that opens Kent's
printed minutes); the numbering, page numbers and layout around them stay the parser's.
The letter-spaced "A G E N D A" banner and the word of a page reference are in
``documents``, beside segment's agenda title; the labels of the officer to contact
("Ask for:", "Telephone:") are in ``labels``.
"""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

# --- the meeting's facts -------------------------------------------------------------------

# a front sheet's labels before the meeting's facts ("Date: 12 June 2018", "Venue: Council
# Chamber"); the parser reads "Meeting", "Date" and "Time" into the body, date and time,
# the others into the venue
MEETING_LABELS = ("Meeting", "Date", "Time", "Venue", "Place", "Location")
MEETING_LABEL = compiled(rf"^(?P<label>{one_of(MEETING_LABELS)})\s*:\s*(?P<value>.+)$", regex.I)

# --- the sentences that state the meeting --------------------------------------------------

WILL_BE_HELD = r"will\s+be\s+held"
# a line saying that it dates the meeting itself, not a letter or its publication: "The
# meeting will be held on ...", "the meeting on 12 June", "the meeting held on ..."
MEETING_SENTENCES = (WILL_BE_HELD, "meeting (?:on|held)")
MEETING_SENTENCE = compiled(one_of(MEETING_SENTENCES), regex.I)
# the sentence that names the body: "A meeting of the Cabinet will be held ..."
BODY_IN_SENTENCE = compiled(rf"\bmeeting\s+of\s+the\s+(?P<body>[A-Z][\w &'-]+?)\s+{WILL_BE_HELD}")
# where the meeting is (or was) held, up to the day it is held on: "held in the Council
# Chamber, Sessions House, County Hall, Maidstone on Thursday"
HELD_AT = r"held\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?)\s+on\s+"
# the venue in a front sheet's sentence, before the weekday ("... on Tuesday, 12 June")
HELD_AT_ON_A_DAY = compiled(rf"{HELD_AT}\w+day")
# the sentence opening Kent's printed minutes: "MINUTES of a meeting of the Cabinet held in
# the Council Chamber, Sessions House, County Hall, Maidstone on Thursday, 9 January 2025"
MINUTES_OF_BODY_HELD_AT = compiled(
    rf"(?i)\bMINUTES\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>.+?)\s+{HELD_AT}"
)

# --- the venue -----------------------------------------------------------------------------

# the words a venue's lines hold (Kent prints them after the date: "Council Chamber,
# Sessions House," / "County Hall, Maidstone"); capitalised as printed
VENUE_WORDS = ("Chamber", "Room", "House", "Hall", "Centre", "Center", "Street", "Road", "Square")
VENUE_WORD = compiled(rf"\b({one_of(VENUE_WORDS)})\b")

# Kent's heading over the items open to the public (PART_ONE_HEADINGS)
_OPEN_ITEMS = "UNRESTRICTED"
# what may follow the venue's lines on a front sheet, besides the officer's contact labels
# (``labels``): the heading over the open items, or a note
AFTER_VENUE_WORDS = (_OPEN_ITEMS, "Note")

# --- the business --------------------------------------------------------------------------

# the header of the table the items are listed in: the seed's "Item No. Title", a
# supplement's covering letter's "Agenda Item No"
ITEMS_TABLE_HEADERS = ("Item No\\.? Title", "Agenda Item No\\.?")
ITEMS_TABLE_HEADER = compiled(rf"^{one_of(ITEMS_TABLE_HEADERS)}$", regex.I)
# the headings over the items taken in public, and over those taken in private: "Part 1",
# Kent's "UNRESTRICTED ITEMS" and "EXEMPT ITEMS", "CLOSED SESSION"
PART_ONE_HEADINGS = ("Part\\s*(?:1|I|One)\\b", f"{_OPEN_ITEMS} ITEMS")
PART_TWO_HEADINGS = (
    "Part\\s*(?:2|II|Two)\\b",
    "EXEMPT ITEMS",
    "RESTRICTED ITEMS",
    "CLOSED SESSION",
    "Items? not open to the press",
)
PART_ONE_HEADING = compiled(rf"^{one_of(PART_ONE_HEADINGS)}", regex.I)
PART_TWO_HEADING = compiled(rf"^{one_of(PART_TWO_HEADINGS)}", regex.I)

# what a presenter named in brackets under an item is to do: "[Karen Samuels, Head of
# Community Safety, to present report]"
PRESENTER_VERBS = ("present", "introduce", "report", "give", "update")
PRESENTER_LEAD = rf"to\s+{one_of(PRESENTER_VERBS)}\b"
