"""Every document the agenda refers to is in the pack.

An agenda front sheet published on its own (a file holding nothing but the agenda) is not
checked: its papers are published as separate files.
An agenda item that cites pages ("(Pages 17 - 26)") promises a document; if no document in
the pack serves that item, the papers are incomplete. Items without page references (for
example "Apologies") promise nothing and are not checked.

**Anti-pattern**

    7 Safer Wolverhampton Partnership Performance Update (Pages 17 - 26)
    ... and the pack ends at page 16.

**Best practice**

    7 Safer Wolverhampton Partnership Performance Update (Pages 17 - 26)
    ... and pages 17 to 26 hold that report.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ..output.wording import page_range
from ._support import Hit

CODE = "AGD002"
NAME = "documents-present"
SEVERITY = "error"
READS = "pack"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    if all(d.kind == "agenda" for d in pack.documents):
        return  # an agenda front sheet published alone: its papers are published separately
    served = {d.agenda_item for d in pack.documents if d.agenda_item}
    for item in pack.agenda.items:
        if item.pages is None or item.number is None or item.number in served:
            continue
        yield Hit(
            message=(
                f"agenda item {item.number} refers to {page_range(item.pages.start, item.pages.end)}, "
                "but no document in the pack serves it"
            ),
            page=item.provenance.page if item.provenance else None,
            quote=f"{item.number} {item.title} (Pages {item.pages.start} - {item.pages.end})",
        )
