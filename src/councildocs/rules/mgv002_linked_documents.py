"""Every document the council's ModernGov record links to an agenda item is in the pack.

The record lists, for each item, the documents published with it (the report, its
appendices), each with its address. A pack that holds the item's papers should hold each of
them. A document is found when one of the item's documents in the pack has a title like it
(rapidfuzz token-set ratio 60 or more), when the item has an untitled document left unclaimed
(the parser read no title), or when the item's papers quote its title (an appendix bound
into its report). Titles are paired closest first. Restricted documents, which the public does not see, and links to
web pages are not expected. A pack with no agenda, or one of nothing but an agenda (its
papers published as separate files), is not checked.

**Anti-pattern**

    Record:  6 Final Proposals ...  links  65412 Final proposals for Local Government ...
                                           65414 Appendix 2 Option 2 - East/West 2 Unitary
    Pack:    item 6 is served by one document, "Final proposals for Local Government ...",
             which never mentions Appendix 2

**Best practice**

    Pack:    item 6 is served by the report, and by "Appendix 2 Option 2 - East/West 2
             Unitary" on pages 41-60
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import utils

from ..models import DocumentBase, Pack
from ..moderngov.models import Attachment, ModernGovMeeting
from ._moderngov import item_key
from ._support import Hit, document_text
from .con003_agenda_title import similarity

CODE = "MGV002"
NAME = "moderngov-linked-documents"
SEVERITY = "warning"
READS = "moderngov"

TITLE_THRESHOLD = 60


def check(meeting: ModernGovMeeting, pack: Pack) -> Iterator[Hit]:
    if not pack.agenda.items or all(d.kind == "agenda" for d in pack.documents):
        return
    for item in meeting.items:
        expected = [a for a in item.documents if not a.restricted and not a.external_link]
        if not expected:
            continue
        serving = [
            d for d in pack.documents if item_key(d.agenda_item or "") == item_key(item.number)
        ]
        missing, unclaimed = _pair_by_title(expected, serving)
        for attachment in missing:
            untitled = next((d for d in unclaimed if not d.title), None)
            if untitled is not None:
                unclaimed.remove(untitled)
                continue
            if any(_quotes(document_text(d), attachment.title) for d in serving):
                continue
            yield Hit(
                f"the council's record links '{attachment.title}' ({attachment.url}) to item "
                f"{item.number}, but no document in the pack is it",
                quote=attachment.title,
            )


def _pair_by_title(
    attachments: list[Attachment], documents: list[DocumentBase]
) -> tuple[list[Attachment], list[DocumentBase]]:
    """Closest titles first, so "Appendix 3" is not taken by a missing "Appendix 2"'s search:
    the attachments left without a document, and the documents left without an attachment."""
    pairs = sorted(
        (
            (similarity(d.title or "", a.title), i, j)
            for i, a in enumerate(attachments)
            for j, d in enumerate(documents)
        ),
        reverse=True,
    )
    paired_attachments: set[int] = set()
    paired_documents: set[int] = set()
    for score, i, j in pairs:
        if score < TITLE_THRESHOLD:
            break
        if i not in paired_attachments and j not in paired_documents:
            paired_attachments.add(i)
            paired_documents.add(j)
    return (
        [a for i, a in enumerate(attachments) if i not in paired_attachments],
        [d for j, d in enumerate(documents) if j not in paired_documents],
    )


def _quotes(text: str, title: str) -> bool:
    """The title, as words, inside the text (an appendix bound into its report)."""
    return f" {utils.default_process(title)} " in f" {utils.default_process(text)} "
