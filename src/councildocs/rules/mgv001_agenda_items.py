"""The pack's agenda lists the items the council's ModernGov record of the meeting lists.

The web service is where a council keeps its record of a meeting; the printed agenda is made
from it, and the two drift when an item is added, withdrawn or retitled after the pack is
printed. Items are paired by number. The rule reports an item the record has and the agenda
lacks, an item the agenda has and the record lacks, and a pair whose titles differ, with
their similarity (rapidfuzz token-set ratio, 0-100, which forgives a dropped "(15 minutes)")
when it is below 80. A pack whose meeting date is not the record's is reported once, as the
wrong meeting, and not compared further; a pack with no agenda (a report published alone)
is not compared at all.

**Anti-pattern**

    Record:  6  Final Proposals for Local Government Reorganisation in Gloucestershire
             7  Treasury Management Update
    Agenda:  6. Local Government Reorganisation: Interim Plan (Pages 5 - 40)

**Best practice**

    Record:  6  Final Proposals for Local Government Reorganisation in Gloucestershire
    Agenda:  6. Final Proposals for Local Government Reorganisation in Gloucestershire
             (Pages 5 - 40)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ..moderngov.models import ModernGovMeeting
from ._moderngov import item_key
from ._support import Hit
from .con003_agenda_title import similarity

CODE = "MGV001"
NAME = "moderngov-agenda-items"
SEVERITY = "warning"
READS = "moderngov"

THRESHOLD = 80


def check(meeting: ModernGovMeeting, pack: Pack) -> Iterator[Hit]:
    if not pack.agenda.items:
        return
    if pack.meeting.date and pack.meeting.date != meeting.date:
        yield Hit(
            f"the pack is for a meeting on {pack.meeting.date:%d %B %Y}, but the council's "
            f"record {meeting.id} is of the meeting on {meeting.date:%d %B %Y}"
        )
        return
    # the council's record numbers every item; an unnumbered one is matched by no number
    printed = {item_key(i.number): i for i in pack.agenda.items if i.number is not None}
    recorded = {item_key(i.number): i for i in meeting.items}
    for key, item in recorded.items():
        if key not in printed:
            yield Hit(
                f"the council's record lists item {item.number} '{item.title}', but the "
                "pack's agenda does not",
                quote=item.title,
            )
    for key, item in printed.items():
        page = item.provenance.page if item.provenance else None
        record = recorded.get(key)
        if record is None:
            yield Hit(
                f"agenda item {item.number} '{item.title}' is not in the council's record "
                f"of the meeting",
                page,
                item.title,
            )
            continue
        score = similarity(item.title, record.title)
        if score < THRESHOLD:
            yield Hit(
                f"agenda item {item.number} is titled '{item.title}', but the council's "
                f"record titles it '{record.title}' (similarity {score:.0f}/100)",
                page,
                item.title,
            )
