"""segment: a pack's pages to its documents, in order.

A pack gives several signals of where its documents start, none complete on its own:
the agenda's page references ("(Pages 11 - 16)") read against the "Page N" stamps, the
"Agenda Item N" stamps on first pages, PDF bookmarks, appendix title pages, and each
document's first-page signature (a report's metadata labels, a "Minutes" heading). The
agenda's references are the backbone: inside the pages it gives one item, only a stamp, a
bookmark or an appendix title (not one inside a report: a report's appendices are its own
sections) starts a document, never wording (minutes whose later page opens with the item
"Work Programme 2018/19" are still the minutes). A front holding two meetings' agendas
(a second summons on a later page) is two agenda documents. Each document then
takes its kind from its own first lines, falling back on its agenda item's title, and
keeps the signals that started it (``Segment.signals``).

Text exports have no stamps, so there a start may fall on any line whose signature is
strong, outside the pages of the item before it; the document then begins at the
page-start marker just above it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .contract import BoundarySignal
from .extract import Line, Page, SourceDocument, TextStyle
from .layout import MarkerFamily, dominant_style, find_marker, lay_out, title_block
from .vocabulary.attendance import PRESENCE_LABEL
from .vocabulary.documents import (
    AGENDA_ITEM_VERB,
    AGENDA_SUMMONS,
    AGENDA_TITLE,
    APPENDIX_TITLE,
    DECISION_RECORD_TITLE,
    FIRST_PERSON,
    MEETING_RECORD,
    MINUTES_ITEM,
    MINUTES_TITLE,
    PAGE_REFERENCE,
    REPORT_FIRST_LABEL,
    REPORT_LABEL,
    REPORT_TITLE_WORD,
    STATEMENT_TITLE_WORD,
    WORK_PROGRAMME_TITLE,
    WORK_PROGRAMME_TITLE_CASED,
)
from .vocabulary.labels import LETTER_SALUTATION


@dataclass(slots=True)
class AgendaReference:
    """What the agenda says of an item: its number, title and pack pages."""

    number: str
    title: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Segment:
    kind: str
    lines: list[Line]
    pages: list[Page] = field(default_factory=list)
    agenda_item: str | None = None
    item_title: str | None = None
    signals: list[BoundarySignal] = field(default_factory=list)

    @property
    def pack_pages(self) -> tuple[int, int] | None:
        numbers = [p.pack_page for p in self.pages if p.pack_page is not None]
        return (min(numbers), max(numbers)) if numbers else None

    @property
    def physical_pages(self) -> tuple[int, int] | None:
        numbers = [p.number for p in self.pages] or [line.page for line in self.lines]
        return (min(numbers), max(numbers)) if numbers else None


_SIGNATURE_LINES = 30


def first_lines_kind(lines: list[Line]) -> str | None:
    """The document kind a run of first lines announces, or None when it says nothing clear."""
    head = lines[:_SIGNATURE_LINES]
    # a heading may share its line with a second column ("CITY COUNCIL AGENDA AND NOTICE",
    # then the venue): its first span speaks for it too
    texts = [line.text.strip() for line in head]
    headings = texts[:25] + [ln.spans[0].text.strip() for ln in head[:8] if len(ln.spans) > 1]
    if any(MINUTES_TITLE.match(t) for t in texts[:12]):
        return "minutes"
    if any(DECISION_RECORD_TITLE.search(t) for t in texts[:_TITLE_LINES]):
        # a form recording a decision prints a report's labels (decision maker, key
        # decision) but is no officer report; "other" keeps its fields and headings
        return "other"
    labels = [i for i, t in enumerate(texts) if REPORT_LABEL.match(t)]
    if len(labels) >= 2 and labels[0] < 10:
        return "report"
    if any(WORK_PROGRAMME_TITLE.search(t) for t in texts[:6]):
        return "work_programme"
    if any(AGENDA_TITLE.match(t) for t in headings) or sum(
        1 for t in texts if PAGE_REFERENCE.search(t)
    ):
        return "agenda"
    if texts and APPENDIX_TITLE.match(texts[0]):
        return "other"
    return None


_EVIDENCE_LINES = 60  # about a page: what a reader takes in before deciding what a paper is
_TITLE_LINES = 3
_LETTER_HEAD_LINES = 12  # a letter's salutation comes under its letterhead and references
_PROSE_WORDS = 8  # a line of running prose holds a sentence's worth of words


def evidence_kind(lines: list[Line]) -> str | None:
    """The kind a document's first page shows by what it does, when no title names it.

    Minutes record who was present (a presence label, then names) and what was moved,
    seconded and decided; an agenda summons members to business to come and lists what
    they are "to consider"; a report is titled as one, speaks in its author's voice or
    runs as prose. Only the naming of a document reads this: a page's evidence never
    starts one, since a later page of minutes or a report reads the same way.
    """
    texts = [text for line in lines[:_EVIDENCE_LINES] if (text := line.text.strip())]
    if any(DECISION_RECORD_TITLE.search(t) for t in texts[:_TITLE_LINES]):
        return None  # a form recording a decision prints the members present, but is no minutes
    if _records_presence(texts):
        return "minutes"
    if any(AGENDA_SUMMONS.search(t) for t in texts) or (
        sum(1 for t in texts if AGENDA_ITEM_VERB.match(t)) >= 2
    ):
        return "agenda"
    if sum(1 for t in texts if MEETING_RECORD.search(t)) >= 2 and not any(
        LETTER_SALUTATION.match(t) for t in texts[:_LETTER_HEAD_LINES]
    ):
        # a covering letter ("Dear Member") telling what a meeting did is no minutes
        return "minutes"
    title = texts[:_TITLE_LINES]
    if any(REPORT_TITLE_WORD.search(t) for t in title) or any(
        FIRST_PERSON.search(t) for t in texts
    ):
        return "report"
    if any(STATEMENT_TITLE_WORD.search(t) for t in title):
        return None
    prose = sum(1 for t in texts if len(t.split()) >= _PROSE_WORDS)
    return "report" if texts and prose * 2 >= len(texts) else None


def _records_presence(texts: list[str]) -> bool:
    """A presence label near the top with names after it, on its line or the next."""
    for i, text in enumerate(texts[:20]):
        label = PRESENCE_LABEL.match(text)
        if label is None:
            continue
        names = label.group("rest") or (texts[i + 1] if i + 1 < len(texts) else "")
        if _names_people(names):
            return True
    return False


def _names_people(text: str) -> bool:
    """Two capitalised words in a row, as a name or a title and name is written."""
    words = text.split()
    return any(a[:1].isupper() and b[:1].isupper() for a, b in itertools.pairwise(words))


def document_kind(lines: list[Line]) -> str | None:
    """A document's kind: its title's or labels' word first, else its page's evidence."""
    return first_lines_kind(lines) or evidence_kind(lines)


def agenda_extent(source: SourceDocument) -> list[Line]:
    """The lines of the pack's front matter (agenda or covering letter), if it opens with one.

    The front runs from the first page to the page before the first document start that a
    stamp or a later signature shows; for text input, to the first later signature line.
    """
    pages = source.pages
    if document_kind(pages[0].lines) != "agenda":
        return []  # a short agenda's first lines are its own, not the minutes' after it
    if source.format == "text":
        lines = list(source.lines())
        for i in range(1, len(lines)):
            if _strong_start(lines, i):
                return lines[: _back_to_page_start(lines, i)]
        return lines
    front: list[Line] = []
    for index, page in enumerate(pages):
        if index > 0 and (page.agenda_item_stamp or page.pack_page == 1 or _page_kind(page)):
            break
        if not page.blank:
            front.extend(page.lines)
    return front


def split(source: SourceDocument, front: list[Line], refs: list[AgendaReference]) -> list[Segment]:
    """Divide the pack into documents, the front (agenda) first when there is one."""
    if source.format == "text":
        segments = _split_text(source, front, refs)
    else:
        segments = _split_pdf(source, front, refs)
    _assign_items(segments, refs)
    seen_items = set()
    for segment in segments:
        if segment.kind == "unknown":
            # an item's first document is its report; what follows it (appendices) is other;
            # a document of no item (a file published alone) is known by its own evidence
            first_of_item = segment.agenda_item not in seen_items
            if segment.agenda_item is None:
                kind = evidence_kind(segment.lines)
            else:
                kind = _kind_from_item(segment) if first_of_item else None
            segment.kind = kind or "other"
        seen_items.add(segment.agenda_item)
    return segments


def _inside_item_pages(page: int | None, refs: list[AgendaReference]) -> bool:
    """Whether a pack page lies in the pages the agenda gives one item, after its first."""
    return page is not None and any(
        r.start is not None and r.end is not None and r.start < page <= r.end for r in refs
    )


# --- PDF ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _PackMarks:
    """What a PDF marks of its document starts, read once for the whole file."""

    refs: list[AgendaReference]
    bookmark_pages: set[int]
    # Stamped packs say where documents start; wording is for files without stamps.
    stamped: bool
    # the file's body text style, against which a title stands out; None when the text
    # carries no styles to tell (then wording alone still counts)
    body: TextStyle | None = None


def document_start_signals(
    page: Page, previous: Page | None, document_start: Page | None, marks: _PackMarks
) -> list[BoundarySignal]:
    """The signals by which a document starts on this page; none when it continues one.

    The one place that decides a start. A stamp or a bookmark always counts, and the
    agenda's reference to the page; an appendix title does unless it is inside a report,
    whose appendices are part of it. Inside the pages the agenda gives one
    item nothing else does. Outside them (a file published alone, an unstamped pack
    without references) a document starts where a page opens with a title-style heading
    (``layout.title_block``: unnumbered, at the top level or set larger than the body)
    whose words name a document kind; a numbered item heading that happens to name a
    "Work Programme" is not a title. Where the text has no styles, the words alone count.
    """
    signals = []
    if page.agenda_item_stamp:
        signals.append(BoundarySignal.stamp)
    if page.number in marks.bookmark_pages:
        signals.append(BoundarySignal.bookmark)
    if _new_appendix(page, document_start) and not _is_report_start(document_start):
        # a report's appendices are part of it, under their own heading, unless a stamp,
        # a bookmark or the agenda's pages say they are documents of their own
        signals.append(BoundarySignal.appendix_title)
    if (
        previous is not None
        and page.pack_page in {r.start for r in marks.refs}
        and previous.pack_page not in _ref_inner_pages(marks.refs, page.pack_page)
    ):
        signals.append(BoundarySignal.agenda_reference)
    if (
        not marks.stamped
        and not _inside_item_pages(page.pack_page, marks.refs)
        and _page_kind(page) in ("minutes", "report", "work_programme")
        and (
            document_start is None
            or not (
                _repeats_heading(page, document_start) or _continues_programme(page, document_start)
            )
        )
    ):
        # wording starts a document only under a title (where styles tell), but it
        # still explains a start that another signal made
        titled = marks.body is not None and _opens_with_title(page, marks.body)
        if titled:
            signals.append(BoundarySignal.title_style)
        if titled or marks.body is None or signals:
            signals.append(BoundarySignal.signature)
    return signals


def _opens_with_title(page: Page, body: TextStyle) -> bool:
    """Whether the page opens with a heading in a document-title style (asked only of
    pages whose first lines name a document kind, so few pages are laid out here)."""
    return title_block(lay_out([page], body), body) is not None


def _page_kind(page: Page) -> str | None:
    kind = first_lines_kind(page.lines)
    return None if kind == "agenda" else kind


def _appendix_title(page: Page | None) -> str | None:
    first = page.lines[0].text.strip() if page is not None and page.lines else ""
    appendix = APPENDIX_TITLE.match(first)
    return appendix.group().upper() if appendix else None


def _is_report_start(document_start: Page | None) -> bool:
    return document_start is not None and first_lines_kind(document_start.lines) == "report"


def _new_appendix(page: Page, document_start: Page | None) -> bool:
    """An appendix title page, unless it repeats the title its document opened with."""
    title = _appendix_title(page)
    return title is not None and title != _appendix_title(document_start)


def _split_pdf(
    source: SourceDocument, front: list[Line], refs: list[AgendaReference]
) -> list[Segment]:
    pages = source.pages
    front_pages = {line.page for line in front}
    marks = _PackMarks(
        refs=refs,
        # In a pack, bookmarks mark items and appendices; in a lone report its sections.
        bookmark_pages=(
            {o.page for o in source.outline if o.page is not None and o.level <= 1}
            if front
            else set()
        ),
        stamped=any(p.agenda_item_stamp for p in pages),
    )
    if not marks.stamped:  # only an unstamped file asks whether a page opens with a title
        marks.body = dominant_style(source.lines())
    starts: list[tuple[int, list[BoundarySignal]]] = []
    for index, page in enumerate(pages):
        if page.number in front_pages or page.blank:
            continue
        previous = pages[index - 1] if index else None
        document_start = pages[starts[-1][0]] if starts else None
        signals = document_start_signals(page, previous, document_start, marks)
        if not starts:  # the file's first document starts on its first page of content
            first = BoundarySignal.front_matter if front else BoundarySignal.file_start
            signals.insert(0, first)
        if signals:
            starts.append((index, signals))
    segments = []
    if front:  # the front runs to the page before the first document, blank pages and all
        front_end = starts[0][0] if starts else len(pages)
        segments.extend(_agendas(front, pages[:front_end]))
    for n, (start, signals) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(pages)
        doc_pages = [p for p in pages[start:end] if not p.blank]
        lines = [line for p in doc_pages for line in p.lines]
        kind = first_lines_kind(doc_pages[0].lines) if doc_pages else None
        if kind == "agenda" and segments:
            kind = None  # a later page that lists page references is not a second agenda
        segments.append(
            Segment(
                kind=kind or "unknown",
                lines=lines,
                pages=pages[start:end],
                agenda_item=pages[start].agenda_item_stamp,
                signals=signals,
            )
        )
    return segments


_SUMMONS_LINES = 10  # a summons opens its page, under the meeting's notice


def _agendas(front_lines: list[Line], pages: list[Page]) -> list[Segment]:
    """The front's agendas: one, unless a later page opens a summons of its own (a file
    holding the annual meeting's agenda, then the ordinary meeting's that follows it)."""
    front_pages = {line.page for line in front_lines}
    starts = [0]
    for index, page in enumerate(pages):
        if (
            index > 0
            and page.number in front_pages
            and any(AGENDA_SUMMONS.search(line.text) for line in page.lines[:_SUMMONS_LINES])
            # the agenda before it has items of its own: a cover sheet ("Summons to and
            # Agenda for ...") above the summons is the same agenda's
            and _numbered_lines(pages[starts[-1] : index]) >= 2
        ):
            starts.append(index)
    agendas = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(pages)
        numbers = {page.number for page in pages[start:end]}
        agendas.append(
            Segment(
                kind="agenda",
                lines=[line for line in front_lines if line.page in numbers],
                pages=pages[start:end],
                signals=[BoundarySignal.file_start if n == 0 else BoundarySignal.signature],
            )
        )
    return agendas


def _numbered_lines(pages: list[Page]) -> int:
    return sum(
        1
        for page in pages
        for line in page.lines
        if (marker := find_marker(line.text)) is not None and marker.family is MarkerFamily.number
    )


def _repeats_heading(page: Page, document_start: Page) -> bool:
    """A page that opens with its document's own heading continues it (a running title)."""
    heading = [line.text for line in document_start.lines[:2]]
    return bool(heading) and [line.text for line in page.lines[:2]] == heading


def _continues_programme(page: Page, document_start: Page) -> bool:
    """A forward plan or work programme names itself again on its later pages (Bristol's
    cover says "Forward plan", its index page "BRISTOL CITY COUNCIL - FORWARD PLAN")."""
    return _page_kind(page) == "work_programme" and _page_kind(document_start) == "work_programme"


def _ref_inner_pages(refs: list[AgendaReference], page: int | None) -> set[int]:
    """Pages that lie inside another reference's range, before ``page``: not a boundary."""
    inner: set[int] = set()
    for r in refs:
        if r.start is not None and r.end is not None and r.start < page <= r.end:
            inner.update(range(r.start, page))
    return inner


# --- text --------------------------------------------------------------------------------


def _strong_start(lines: list[Line], i: int) -> bool:
    """A line that opens a document: a minutes heading, a work programme title, report labels."""
    text = lines[i].text.strip()
    if MINUTES_TITLE.match(text) and len(text) < 60:
        return True
    if (
        WORK_PROGRAMME_TITLE_CASED.search(text)
        and len(text) < 90
        and not text.endswith(".")
        and not text[:1].isdigit()
        and not PAGE_REFERENCE.search(text)
    ):
        return lines[i].x0 <= 1
    if REPORT_FIRST_LABEL.match(text):
        window = lines[i : i + 12]
        return sum(1 for ln in window if REPORT_LABEL.match(ln.text.strip())) >= 2
    return False


def _back_to_page_start(lines: list[Line], i: int) -> int:
    """Step back over a document's heading lines to the page-start marker above them."""
    for j in range(i, max(-1, i - 8), -1):
        if lines[j].x0 == 1:
            return j
    return i


def _past_heading(lines: list[Line], i: int) -> int:
    """The line after a document's heading block: its first lines name it again ("Minutes",
    then "Minutes - 10 April 2018"), but a new page may start the next document."""
    end = min(len(lines), i + 13)
    j = i + 1
    while j < end and lines[j].page == lines[i].page:
        j += 1
    return j


class _TextItemPages:
    """The pages of a text export that lie inside one agenda item's document.

    A text export has no stamps, so a document is matched to the agenda's referenced
    items in order (as ``_assign_items`` does), and the reader's inferred pages are
    counted from the document's first. Where the export has fewer pages than the agenda
    counts (blank pages dropped, page starts missed), a page is inside the item only if
    it would be with every missing page put back before it.
    """

    def __init__(self, source: SourceDocument, refs: list[AgendaReference]):
        self.referenced = [r for r in refs if r.start is not None]
        agenda_pages = max(((r.end or r.start) for r in self.referenced), default=0)
        self.missing = max(0, agenda_pages - len(source.pages))

    def inside(self, document_number: int, first_page: int, page: int) -> bool:
        if document_number >= len(self.referenced):
            return False
        ref = self.referenced[document_number]
        length = (ref.end or ref.start) - ref.start + 1
        return page - first_page + self.missing < length


def _split_text(
    source: SourceDocument, front: list[Line], refs: list[AgendaReference]
) -> list[Segment]:
    lines = list(source.lines())
    item_pages = _TextItemPages(source, refs)
    starts: list[tuple[int, list[BoundarySignal]]] = []
    i = len(front)
    while i < len(lines):
        inside = bool(starts) and item_pages.inside(
            len(starts) - 1, lines[starts[-1][0]].page, lines[i].page
        )
        if not inside and _strong_start(lines, i):
            start = max(_back_to_page_start(lines, i), len(front))
            if not starts or start > starts[-1][0]:
                starts.append((start, [BoundarySignal.signature]))
            i = _past_heading(lines, i)
        else:
            i += 1
    first = BoundarySignal.front_matter if front else BoundarySignal.file_start
    if starts and starts[0][0] == len(front):
        starts[0][1].insert(0, first)
    else:
        starts.insert(0, (len(front), [first]))
    segments = (
        [Segment(kind="agenda", lines=front, signals=[BoundarySignal.file_start])] if front else []
    )
    for n, (start, signals) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        chunk = lines[start:end]
        if not chunk:
            continue
        kind = first_lines_kind(chunk)
        if kind == "agenda" and front:
            kind = None
        segments.append(Segment(kind=kind or "unknown", lines=chunk, signals=signals))
    return segments


# --- agenda items ------------------------------------------------------------------------


def _assign_items(segments: list[Segment], refs: list[AgendaReference]) -> None:
    """Tie each document to the agenda item whose pages (or stamp) it falls in.

    Without page numbers (text exports) documents are matched to the referenced items in
    order, since a pack prints its documents in agenda order.
    """
    by_number = {r.number: r for r in refs}
    unmatched = [r for r in refs if r.start is not None]
    for segment in segments:
        if segment.kind == "agenda":
            continue
        ref = by_number.get(segment.agenda_item) if segment.agenda_item else None
        span = segment.pack_pages
        if ref is None and span is not None:
            ref = next(
                (
                    r
                    for r in refs
                    if r.start is not None and r.start <= span[0] <= (r.end or r.start)
                ),
                None,
            )
        if ref is None and span is None and not any(p.pack_page for p in segment.pages):
            ref = unmatched[0] if unmatched else None
        if ref is not None:
            segment.agenda_item = ref.number
            segment.item_title = ref.title
            if ref in unmatched:
                unmatched.remove(ref)


def _kind_from_item(segment: Segment) -> str | None:
    title = segment.item_title or ""
    if not title:
        return None
    if MINUTES_ITEM.search(title):
        return "minutes"
    if WORK_PROGRAMME_TITLE.search(title):
        return "work_programme"
    return "report"
