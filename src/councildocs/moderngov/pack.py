"""A meeting from the web service as a Pack: the council's record, with its papers attached.

The skeleton's ``meeting`` and ``agenda.items`` come from the record (a restricted item is part
2; "Presented By" is the presenter). Its documents are those of the papers fetched and parsed:
each parsed file's documents, served to the item the record links the file to, and titled as
the record titles the file where the parser found no title. ``source`` is the record itself:
its address and the sha256 of its XML, format ``text`` (XML is text; no PDF checks apply to
it), and ``page_count`` the pages of the papers attached. A document's pages are those of its
own file.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..models import Agenda, AgendaItem, Meeting, Pack, Presenter, Source
from .models import Manifest, ModernGovMeeting


def meeting_pack(meeting: ModernGovMeeting, papers: Mapping[int, Pack] | None = None) -> Pack:
    """The record as a Pack; ``papers``: the parsed document of each attachment id."""
    papers = papers or {}
    documents = []
    for item in meeting.items:
        for attachment in item.documents:
            paper = papers.get(attachment.id)
            if paper is None:
                continue
            for document in paper.documents:
                documents.append(
                    document.model_copy(
                        update={
                            "agenda_item": item.number,
                            "title": document.title or attachment.title,
                        }
                    )
                )
    return Pack(
        source=Source(
            path=meeting.source,
            sha256=meeting.sha256,
            page_count=sum(p.source.page_count for p in papers.values()),
            format="text",
        ),
        meeting=Meeting(
            body=meeting.committee_title,
            date=meeting.date,
            time=meeting.time,
            venue=meeting.location,
        ),
        agenda=Agenda(
            items=[
                AgendaItem(
                    number=item.number,
                    title=item.title,
                    part=2 if item.restricted else 1,
                    presenter=Presenter(name=item.presented_by) if item.presented_by else None,
                )
                for item in meeting.items
            ]
        ),
        documents=documents,
    )


def papers_by_attachment(manifest: Manifest, packs: list[Pack]) -> dict[int, Pack]:
    """Which parsed pack is which linked document: the manifest's sha256 says, wherever the
    file has been moved to."""
    by_sha = {f.sha256: f.attachment_id for f in manifest.files if f.attachment_id is not None}
    return {by_sha[p.source.sha256]: p for p in packs if p.source.sha256 in by_sha}


def record_pack(meeting: ModernGovMeeting, manifest: Manifest, packs: list[Pack]) -> Pack:
    """The record with those of ``packs`` that are its fetched papers attached: what
    ``validate --moderngov`` checks the MGV rules on, beside each file on its own."""
    return meeting_pack(meeting, papers_by_attachment(manifest, packs))
