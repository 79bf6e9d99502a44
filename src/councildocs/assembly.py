"""The stages after extraction: a file's pages → layout → segment → parsers → a Pack.

:func:`councildocs.pipeline.parse` loads the pages and hands them here; this module (the
parsers and models with it) is imported while a long PDF's helper process reads pages.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from .extract import Page, SourceDocument
from .layout import lay_out
from .models import (
    Agenda,
    AgendaDocument,
    Boundary,
    DocumentBase,
    Meeting,
    MinutesDocument,
    OcrPage,
    OutlineEntry,
    Pack,
    PageSpan,
    Provenance,
    ReportDocument,
    Source,
    UnplacedText,
)
from .parallel import HELPER, PARALLEL_MIN_PAGES, TwoEnds
from .parsers import PARSERS, parse_agenda
from .parsers.council import council_name
from .parsers.tables import locate_tables
from .segment import AgendaReference, Segment, agenda_extent, split


def assemble(source: SourceDocument) -> Pack:
    """The Pack of a file's pages: its agenda, its documents, each placed in the pack."""
    front = agenda_extent(source)
    items, meeting, front_unplaced = parse_agenda(front) if front else ([], Meeting(), [])
    refs = [
        AgendaReference(
            number=item.number,
            title=item.title,
            start=item.pages.start if item.pages else None,
            end=item.pages.end if item.pages else None,
        )
        for item in items
        if item.number is not None  # papers are filed by item number; an unnumbered item has none
    ]
    segments = split(source, front, refs)
    meeting.council = meeting.council or _council_printed(segments)
    parsed: dict[int, DocumentBase] = {}
    # the documents each page holds that are not parsed yet: a page shared by two (a front
    # sheet ending where the next document starts) keeps its lines until both are
    unparsed_on = Counter(page.number for segment in segments for page in segment.pages)
    for index, document in _parse_segments(source, segments):
        segment = segments[index]
        if segment.kind == "agenda":
            document.unplaced_text = _agenda_unplaced(front_unplaced, segment, segments)
        _place(document, segment, refs, source)
        if source.format == "pdf":
            # the document holds what it needs: its pages' lines can go, which keeps a
            # long pack's peak memory near that of its text alone
            for page in segment.pages:
                unparsed_on[page.number] -= 1
                if not unparsed_on[page.number]:
                    page.lines = []
            segment.lines = []
        parsed[index] = document
    documents = [parsed[index] for index in range(len(segments))]
    pack = Pack(
        source=_source(source),
        meeting=_complete_meeting(meeting, documents),
        agenda=Agenda(items=items),
        documents=documents,
    )
    ocr_pages = {page.page for page in pack.source.ocr_pages}
    if ocr_pages:
        _mark_ocr_provenance(pack, ocr_pages)
    return pack


def _mark_ocr_provenance(value: object, ocr_pages: set[int]) -> None:
    """Mark every provenance on an OCR'd page as OCR's: parsers build provenance from lines
    (and some from lines of their own making), so the page number is what tells."""
    if isinstance(value, Provenance):
        value.ocr = value.page in ocr_pages
    elif isinstance(value, list):
        for item in value:
            _mark_ocr_provenance(item, ocr_pages)
    elif hasattr(value, "__pydantic_fields__"):
        for name in type(value).model_fields:
            _mark_ocr_provenance(getattr(value, name), ocr_pages)


def _parse_segments(
    source: SourceDocument, segments: list[Segment]
) -> Iterator[tuple[int, DocumentBase]]:
    """Each segment's index with its document and tables. In a long pack the helper process
    parses documents beside this one (see ``parallel.Helper.share``), the largest first at
    both ends (see _largest_at_both_ends), so documents come in the order they are done."""
    if len(source.pages) < PARALLEL_MIN_PAGES or len(segments) < 2 or not HELPER.available():
        for index, segment in enumerate(segments):
            yield index, _document(source, segment)
        return
    order = _largest_at_both_ends(segments)
    here = functools.partial(_document_at, source, segments, order)
    there = functools.partial(_documents_from_back, source, segments, order)
    shared = HELPER.share(len(segments), here, there)
    try:
        for position, document in shared:
            yield order[position], document
    finally:
        shared.close()  # a consumer that stopped early leaves no helper behind


def _largest_at_both_ends(segments: list[Segment]) -> list[int]:
    """The segments' indices in the order the two processes take them from its two ends:
    the largest (by lines, which a document's time follows) at each end, the smallest where
    the ends meet, so that whichever finishes first waits at most a small document's time
    for the other (the largest took 7 of a 250-page pack's 90 ms, at the meeting)."""
    by_size = sorted(range(len(segments)), key=lambda i: (-len(segments[i].lines), i))
    return by_size[0::2] + by_size[1::2][::-1]


def _documents_from_back(
    source: SourceDocument, segments: list[Segment], order: list[int], ends: TwoEnds
) -> Iterator[DocumentBase]:
    """The helper's share. Its documents come back pickled, which loads in half the time
    of validating them again from JSON, and keeps every field as it was set."""
    return ends.work_from_back(functools.partial(_document_at, source, segments, order))


def _document_at(
    source: SourceDocument, segments: list[Segment], order: list[int], position: int
) -> DocumentBase:
    return _document(source, segments[order[position]])


def _document(source: SourceDocument, segment: Segment) -> DocumentBase:
    # laid out document by document, so that headings rank against the document's own
    # body text, and a long pack's later documents are laid out in the helper process
    blocks = lay_out(_pages_of(source, segment))
    found = locate_tables(source, segment)
    if segment.kind == "agenda":
        document: DocumentBase = AgendaDocument()
    elif segment.kind in _PROSE_KINDS:
        # a table's cells are read into its Table; the prose parsers see the rest
        prose = [line for line in segment.lines if not found.holds(line)]
        document = PARSERS[segment.kind](prose, blocks)
    else:
        document = PARSERS[segment.kind](segment.lines, blocks)
    document.tables = found.tables
    return document


def _pages_of(source: SourceDocument, segment: Segment) -> list[Page]:
    """The document's pages holding only its own lines (a front sheet may share its last
    page with the next document; a text export's documents start mid-page)."""
    by_page: dict[int, list] = {}
    for line in segment.lines:
        by_page.setdefault(line.page, []).append(line)
    # physical page n is source.pages[n - 1]: looked up, not found by a pass over every
    # page for every document, which made a long text export's time grow with its square
    pages = {page.number: page for page in segment.pages} or {
        number: source.pages[number - 1] for number in by_page if 0 < number <= len(source.pages)
    }
    out = []
    for number, lines in by_page.items():
        page = pages.get(number)
        if page is None:
            continue
        out.append(page if len(page.lines) == len(lines) else replace(page, lines=lines))
    return out


# kinds whose parsers read paragraphs past tables (an other document's labelled fields are
# never a table's rows; its text comes from the blocks, tables and all); minutes print
# attendance as a table (a roll call) and a work programme is one, so those parsers read
# every line themselves
_PROSE_KINDS = ("report", "other")


def _agenda_unplaced(
    front_unplaced: list[UnplacedText], segment: Segment, segments: list[Segment]
) -> list[UnplacedText]:
    """The front's unplaced text that is on this agenda's pages: a file may hold two
    agendas (segment.split), each keeping its own; the first keeps any text of no page."""
    agendas = [s for s in segments if s.kind == "agenda"]
    if len(agendas) < 2:
        return front_unplaced
    if segment is agendas[0]:
        later = {page.number for agenda in agendas[1:] for page in agenda.pages}
        return [u for u in front_unplaced if u.page not in later]
    mine = {page.number for page in segment.pages}
    return [u for u in front_unplaced if u.page in mine]


def _place(
    document: DocumentBase, segment: Segment, refs: list[AgendaReference], source: SourceDocument
) -> None:
    """Record where the document sits in the pack, which agenda item it serves, and the
    signals that started it there."""
    document.agenda_item = segment.agenda_item
    document.boundary = Boundary(signals=segment.signals)
    span = segment.pack_pages
    ref = next((r for r in refs if r.number == segment.agenda_item), None)
    if span is None and source.format == "text":
        # a text export has lost its page stamps: the agenda's references are all we have
        if ref is not None and ref.start is not None:
            span = (ref.start, ref.end or ref.start)
        elif segment.kind == "agenda" and (starts := [r.start for r in refs if r.start]):
            span = (1, min(starts) - 1) if min(starts) > 1 else None
    if span is None and source.format == "pdf" and not any(p.pack_page for p in source.pages):
        span = segment.physical_pages  # an unstamped file: its own page numbers are the pack's
    document.pages = PageSpan(start=span[0], end=span[1]) if span else None
    if segment.physical_pages:
        # a text export's pages are those its reader inferred (form feeds, or the page
        # starts pdftotext leaves): with the pack span they place a finding on its page
        start, end = segment.physical_pages
        document.physical_pages = PageSpan(start=start, end=end)
    if document.title is None:
        if segment.kind == "agenda":
            document.title = "Agenda"
        elif isinstance(document, ReportDocument) and document.metadata.title:
            document.title = document.metadata.title
        elif segment.item_title:
            document.title = segment.item_title
        elif isinstance(document, MinutesDocument) and document.body:
            # printed minutes published alone: name them as a reader would
            when = f", {document.date.day} {document.date:%B %Y}" if document.date else ""
            document.title = f"Minutes of the {document.body}{when}"
        elif segment.lines:
            document.title = segment.lines[0].text.strip()[:200]


# a letterhead or title stands in a page's first lines; a name further down is in prose
_HEAD_LINES = 8


def _council_printed(segments: list[Segment]) -> str | None:
    """The council's name where its papers print it: a running head, or a letterhead or
    title at the top of a document's first page."""
    for segment in segments:
        if not segment.lines:
            continue
        first_page = segment.lines[0].page
        running_heads = [p.furniture for p in segment.pages if p.number == first_page]
        head = [line for line in segment.lines[:_HEAD_LINES] if line.page == first_page]
        found = council_name(
            [line.text for lines in running_heads for line in lines]
        ) or council_name([line.text for line in head])
        if found:
            return found
    return None


def _complete_meeting(meeting: Meeting, documents: list[DocumentBase]) -> Meeting:
    """Fill what the front sheet left out from what the pack's reports say of their meeting.

    A report names the meeting it is for; the minutes in a pack are of an earlier meeting,
    so they inform the meeting only when the file is minutes alone.
    """
    reports = [d.metadata.meeting for d in documents if isinstance(d, ReportDocument)]
    if meeting.body is None:
        bodies = Counter(m.body for m in reports if m.body)
        meeting.body = bodies.most_common(1)[0][0] if bodies else None
    if meeting.date is None:
        dates = Counter(m.date for m in reports if m.date)
        meeting.date = dates.most_common(1)[0][0] if dates else None
    kinds = {d.kind for d in documents}
    if kinds == {"minutes"}:
        minutes = next(d for d in documents if isinstance(d, MinutesDocument))
        meeting.body = meeting.body or minutes.body
        meeting.date = meeting.date or minutes.date
        meeting.time = meeting.time or minutes.time
        meeting.venue = meeting.venue or minutes.venue
    return meeting


def _source(source: SourceDocument) -> Source:
    return Source(
        path=source.path,
        sha256=source.sha256,
        page_count=len(source.pages),
        format=source.format,
        title=source.title,
        language=source.language,
        tagged=source.tagged,
        pages_without_text=[p.number for p in source.pages if not p.has_text_layer],
        ocr_pages=[
            OcrPage(page=p.number, confidence=p.ocr_confidence)
            for p in source.pages
            if p.ocr_confidence is not None
        ],
        outline=[OutlineEntry(title=o.title, page=o.page, level=o.level) for o in source.outline],
        unreadable_pages=[p.number for p in source.pages if not p.loaded],
        pages_with_drawings_cut=[p.number for p in source.pages if p.drawings_cut],
    )
