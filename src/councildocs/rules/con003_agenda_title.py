"""An agenda item's title matches the title of the document it points to.

A reader looks for the report the agenda names. The rule compares each agenda item's title
with the title the report itself states, and reports the similarity (rapidfuzz token-set
ratio, 0-100, which forgives added words such as "Update Report") when it is below 60.
Only titles a document states itself are compared; a document that states none has its
agenda title and nothing to compare.

**Anti-pattern**

    Agenda:  7 Safer Wolverhampton Partnership Performance Update (Pages 17 - 26)
    Report:  Report title Community Safety and Harm Reduction Strategy 2017-2020 - Progress Update

**Best practice**

    Agenda:  6 Modern Slavery - Update Report (Pages 11 - 16)
    Report:  Report title Modern Slavery Update
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, utils

from ..models import Pack, ReportDocument
from ._support import Hit

CODE = "CON003"
NAME = "agenda-title-matches"
SEVERITY = "warning"
READS = "pack"

THRESHOLD = 60


def similarity(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b, processor=utils.default_process)


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    items = {item.number: item for item in pack.agenda.items if item.number is not None}
    for index, document in enumerate(pack.documents):
        if not isinstance(document, ReportDocument) or not document.metadata.title:
            continue
        item = items.get(document.agenda_item or "")
        if item is None:
            continue
        score = similarity(item.title, document.metadata.title)
        if score < THRESHOLD:
            yield Hit(
                f"agenda item {item.number} is titled '{item.title}', but its report is "
                f"titled '{document.metadata.title}' (similarity {score:.0f}/100)",
                document.pages.start if document.pages else None,
                document.metadata.title,
                index,
            )
