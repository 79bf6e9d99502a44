"""An agenda item's page reference points where its document really starts and ends.

The agenda prints "(Pages 11 - 16)" beside an item; a reader turns to page 11 expecting the
report to open there. This rule compares each reference with the pack pages on which the
document serving that item starts and ends (``documents[].pages``, from the page stamps).
A text export has lost its stamps, so its document pages come from the agenda itself and
this rule cannot disagree with them.

**Anti-pattern**

    6 Modern Slavery - Update Report (Pages 11 - 16)
    ... but the report's first page is stamped "Page 13".

**Best practice**

    6 Modern Slavery - Update Report (Pages 11 - 16)
    ... and the report's pages are stamped "Page 11" to "Page 16".
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ..output.wording import page_range
from ._support import Hit

CODE = "AGD001"
NAME = "page-references"
SEVERITY = "error"
READS = "pack"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for item in pack.agenda.items:
        if item.number is None:
            continue  # papers are filed by item number: an unnumbered item is served by none
        serving = [
            (i, d) for i, d in enumerate(pack.documents) if d.agenda_item == item.number and d.pages
        ]
        if item.pages is None or not serving:
            continue
        # a report and its appendices may be separate documents serving one item
        start = min(d.pages.start for _, d in serving)
        end = max(d.pages.end for _, d in serving)
        cited = item.pages
        if (cited.start, cited.end) == (start, end):
            continue
        yield Hit(
            message=(
                f"agenda item {item.number} cites {page_range(cited.start, cited.end)}, "
                f"but its papers run from page {start} to {end}"
            ),
            page=item.provenance.page if item.provenance else None,
            quote=f"{item.number} {item.title} (Pages {cited.start} - {cited.end})",
            document=serving[0][0],
        )
