"""segment: a pack's pages to its documents, in order.

A pack gives several signals of where its documents start, none complete on its own:
the agenda's page references ("(Pages 11 - 16)") read against the "Page N" stamps, the
"Agenda Item N" stamps on first pages, PDF bookmarks, and each document's first-page
signature (a report's metadata labels, a "Minutes" heading). We take the union of the
starts they give, then name each document's kind from its own first lines, falling back
on the title of the agenda item it belongs to.

Text exports have no reliable pages, so there a start may fall on any line whose
signature is strong; the document then begins at the page-start marker just above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .extract import Line, Page, SourceDocument


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

    @property
    def pack_pages(self) -> tuple[int, int] | None:
        numbers = [p.pack_page for p in self.pages if p.pack_page is not None]
        return (min(numbers), max(numbers)) if numbers else None

    @property
    def physical_pages(self) -> tuple[int, int] | None:
        numbers = [p.number for p in self.pages] or [line.page for line in self.lines]
        return (min(numbers), max(numbers)) if numbers else None


_SIGNATURE_LINES = 30

_AGENDA = regex.compile(
    r"^(?:A\s?G\s?E\s?N\s?D\s?A|Agenda(?:\s+(?:and\s+Notice|Item\s+No\.?))?|Summons to and"
    r"|Notice\s+and\s+Agenda|(?:[\w ]+\s)?Agenda(?:\s+and\s+Notice)?\s*$)\b",
    regex.I,
)
_PAGE_REF = regex.compile(r"\(Pages?\s+\d+(?:\s*[-–]\s*\d+)?\)?", regex.I)
_MINUTES = regex.compile(
    r"^(?:(?:Printed\s+)?Minutes(?:\s*[-–:]|\s+of\b|$)|MINUTES\s+of\s+a\s+meeting"
    r"|(?:[\w ]+\s)?Meeting\s+Minutes\s*$|Minutes\s+from\b)",
    regex.I,
)
_WORK_PROGRAMME = regex.compile(r"\b(?:Work\s+Programme|Forward\s+Plan|Work\s+Plan)\b", regex.I)
_REPORT_LABELS = regex.compile(
    r"^(?:Report\s+title|Cabinet\s+member\s+with\s+lead|Wards?\s+affected|Accountable\s+director"
    r"|From:|To:|Subject:|Decision\s+No\.?:?|Classification:|Electoral\s+Division|COMMITTEE:"
    r"|TITLE:|Ward\(s\):|REPORT\s+TO:|REPORT\s+TITLE:|RESPONSIBLE\s+OFFICER:|Key\s+Decision"
    r"|Committee\s+Report|Report\s+of\b|Report\s+author|PURPOSE:"
    # Kent's finance monitoring cover ("To Cabinet – 30 January 2025", "By Deputy Leader and
    # ...") and a group's budget amendment report ("Proposed by", "Seconded by") print
    # their labels without colons
    r"|To\s+\p{Lu}[\p{L} ]{2,60}\s[–—-]\s+\d{1,2}\s+\p{L}+\s+\d{4}$"
    r"|By\s+(?:the\s+)?(?:Deputy\s+Leader|Leader|Cabinet\s+Member|(?:Interim\s+)?Corporate\s+Director)"
    r"|Proposed\s+by\s|Seconded\s+by\s)",
    regex.I,
)
_APPENDIX = regex.compile(r"^(?:Appendix|Annex|Schedule)\s+[A-Z0-9]+\b", regex.I)


def first_lines_kind(lines: list[Line]) -> str | None:
    """The document kind a run of first lines announces, or None when it says nothing clear."""
    head = lines[:_SIGNATURE_LINES]
    # a heading may share its line with a second column ("CITY COUNCIL AGENDA AND NOTICE",
    # then the venue): its first span speaks for it too
    texts = [line.text.strip() for line in head]
    headings = texts[:25] + [ln.spans[0].text.strip() for ln in head[:8] if len(ln.spans) > 1]
    if any(_MINUTES.match(t) for t in texts[:12]):
        return "minutes"
    labels = [i for i, t in enumerate(texts) if _REPORT_LABELS.match(t)]
    if len(labels) >= 2 and labels[0] < 10:
        return "report"
    if any(_WORK_PROGRAMME.search(t) for t in texts[:6]):
        return "work_programme"
    if any(_AGENDA.match(t) for t in headings) or sum(1 for t in texts if _PAGE_REF.search(t)):
        return "agenda"
    if texts and _APPENDIX.match(texts[0]):
        return "other"
    return None


def agenda_extent(source: SourceDocument) -> list[Line]:
    """The lines of the pack's front matter (agenda or covering letter), if it opens with one.

    The front runs from the first page to the page before the first document start that a
    stamp or a later signature shows; for text input, to the first later signature line.
    """
    pages = source.pages
    if source.format == "text":
        lines = list(source.lines())
        if first_lines_kind(lines) != "agenda":
            return []
        for i in range(1, len(lines)):
            if _strong_start(lines, i):
                return lines[: _back_to_page_start(lines, i)]
        return lines
    if first_lines_kind(pages[0].lines) != "agenda":
        return []
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
        segments = _split_text(source, front)
    else:
        segments = _split_pdf(source, front, refs)
    _assign_items(segments, refs)
    seen_items = set()
    for segment in segments:
        if segment.kind == "unknown":
            # an item's first document is its report; what follows it (appendices) is other
            first_of_item = segment.agenda_item not in seen_items
            segment.kind = (_kind_from_item(segment) if first_of_item else None) or "other"
        seen_items.add(segment.agenda_item)
    return segments


# --- PDF ---------------------------------------------------------------------------------


def _page_kind(page: Page) -> str | None:
    kind = first_lines_kind(page.lines)
    return None if kind == "agenda" else kind


def _split_pdf(
    source: SourceDocument, front: list[Line], refs: list[AgendaReference]
) -> list[Segment]:
    pages = source.pages
    front_pages = {line.page for line in front}
    ref_starts = {r.start for r in refs if r.start is not None}
    # In a pack, bookmarks mark items and appendices; in a lone report they are its sections.
    bookmark_starts = (
        {o.page for o in source.outline if o.page is not None and o.level <= 1} if front else set()
    )
    # Stamped packs say where documents start; signatures are for files without stamps.
    use_signatures = not any(p.agenda_item_stamp for p in pages)
    starts: list[int] = []
    last_appendix = None
    for index, page in enumerate(pages):
        if page.number in front_pages or page.blank:
            continue
        previous = pages[index - 1] if index else None
        first = page.lines[0].text.strip() if page.lines else ""
        appendix = _APPENDIX.match(first)
        appendix_id = appendix.group().upper() if appendix else None
        if (
            not starts
            or page.agenda_item_stamp
            or (
                page.pack_page in ref_starts
                and previous is not None
                and previous.pack_page not in _ref_inner_pages(refs, page.pack_page)
            )
            or page.number in bookmark_starts
            or (
                use_signatures
                and _page_kind(page) in ("minutes", "report", "work_programme")
                and not _repeats_heading(page, pages[starts[-1]])
                and not _continues_programme(page, pages[starts[-1]])
            )
            or (appendix_id and appendix_id != last_appendix)
        ):
            starts.append(index)
        if appendix_id:
            last_appendix = appendix_id
    segments = []
    if front:  # the front runs to the page before the first document, blank pages and all
        front_end = starts[0] if starts else len(pages)
        segments.append(Segment(kind="agenda", lines=front, pages=pages[:front_end]))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(pages)
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
            )
        )
    return segments


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
    if _MINUTES.match(text) and len(text) < 60:
        return True
    if (
        regex.search(r"\b(?:Work Programme|Forward Plan|Work Plan)\b", text)
        and len(text) < 90
        and not text.endswith(".")
        and not text[:1].isdigit()
        and not _PAGE_REF.search(text)
    ):
        return lines[i].x0 <= 1
    if regex.match(r"^(Report\s+title|From:|REPORT\s+TO:|COMMITTEE:)", text, regex.I):
        window = lines[i : i + 12]
        return sum(1 for ln in window if _REPORT_LABELS.match(ln.text.strip())) >= 2
    return False


def _back_to_page_start(lines: list[Line], i: int) -> int:
    """Step back over a document's heading lines to the page-start marker above them."""
    for j in range(i, max(-1, i - 8), -1):
        if lines[j].x0 == 1:
            return j
    return i


def _split_text(source: SourceDocument, front: list[Line]) -> list[Segment]:
    lines = list(source.lines())
    starts = []
    i = len(front)
    while i < len(lines):
        if _strong_start(lines, i):
            start = max(_back_to_page_start(lines, i), len(front))
            if not starts or start > starts[-1]:
                starts.append(start)
            i += 12 if starts else 1
        i += 1
    if not starts or starts[0] != len(front):
        starts.insert(0, len(front))
    segments = [Segment(kind="agenda", lines=front)] if front else []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        chunk = lines[start:end]
        if not chunk:
            continue
        kind = first_lines_kind(chunk)
        if kind == "agenda" and front:
            kind = None
        segments.append(Segment(kind=kind or "unknown", lines=chunk))
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
    title = (segment.item_title or "").lower()
    if not title:
        return None
    if "minutes" in title:
        return "minutes"
    if regex.search(r"work\s+programme|forward\s+plan|work\s+plan", title):
        return "work_programme"
    return "report"
