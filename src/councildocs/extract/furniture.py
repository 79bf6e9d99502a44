"""Page furniture: the pack's page stamps and running heads and feet.

Packs published from ModernGov stamp "Page 12" at the foot of each page and "Agenda Item 6"
on the first page of each item's document; councils add running lines such as "OFFICIAL"
or "Version January 2024". The stamps number the pages and mark where documents start;
none of it is content, so it moves from ``Page.lines`` to ``Page.furniture``.
"""

from __future__ import annotations

from collections import Counter

import regex

from .page import Line, Page

_STAMP = regex.compile(
    r"^(?:Page\s+(?P<page>\d{1,4}))?\s*(?:Agenda\s+Item\s+(?P<item>\d+[A-Za-z]?(?:\.\d+)?))?$",
    regex.IGNORECASE,
)
_TRAILING_PAGE = regex.compile(r"Page\s+(?P<page>\d{1,4})$")
_BLANK = regex.compile(r"^this page (is )?(intentionally|deliberately) (left )?blank\.?$", regex.I)
_DIGITS = regex.compile(r"\d+")
_EDGE_FRACTION = 0.09  # running heads and feet sit in the top and bottom 9% of a page


def strip_furniture(pages: list[Page]) -> None:
    """Find stamps and running lines on every page and move them out of the content."""
    for page in pages:
        _take_stamps(page)
    repeated = _running_lines(pages)
    for page in pages:
        kept = []
        for line in page.lines:
            if _edge_key(page, line) in repeated:
                page.furniture.append(line.text)
            else:
                kept.append(line)
        page.lines = kept
        texts = [ln.text for ln in page.lines]
        page.blank = not texts or all(_BLANK.match(t) for t in texts)
    _fill_unstamped_numbers(pages)


def _fill_unstamped_numbers(pages: list[Page]) -> None:
    """A page between two stamped pages whose numbers leave room for it takes that number.

    Blank pages and landscape pages often lose their stamp; the numbering runs on.
    """
    stamped = [i for i, page in enumerate(pages) if page.pack_page is not None]
    for left, right in zip(stamped, stamped[1:], strict=False):
        start = pages[left].pack_page
        if pages[right].pack_page - start == right - left:
            for i in range(left + 1, right):
                pages[i].pack_page = start + (i - left)
    if stamped:  # pages after the last stamp (a closing blank page) continue its run
        last = stamped[-1]
        for i in range(last + 1, len(pages)):
            pages[i].pack_page = pages[last].pack_page + (i - last)


def _take_stamps(page: Page) -> None:
    kept = []
    for line in page.lines:
        match = _STAMP.match(line.text.strip()) if _near_edge(page, line) else None
        if match and (match["page"] or match["item"]):
            if match["page"] and page.pack_page is None:
                page.pack_page = int(match["page"])
            if match["item"] and page.agenda_item_stamp is None:
                page.agenda_item_stamp = match["item"]
            page.furniture.append(line.text)
            continue
        trailing = _TRAILING_PAGE.search(line.text) if _near_edge(page, line) else None
        if trailing and page.pack_page is None:
            # a footer run into its stamp ("Consultation ReportPage 3"): the stamp still counts
            page.pack_page = int(trailing["page"])
        kept.append(line)
    page.lines = kept


def _near_edge(page: Page, line: Line) -> bool:
    if page.width == 0:  # text input: the first and last lines of a page are its edges
        return line is page.lines[0] or line is page.lines[-1]
    margin = page.height * _EDGE_FRACTION
    return line.top < margin or line.bottom > page.height - margin


def _edge_key(page: Page, line: Line) -> str | None:
    if page.width == 0 or not _near_edge(page, line):
        return None
    if len(line.spans) >= 3 and not _DIGITS.search(line.text):
        # a table's header row printed on every page is content, not a running head; running
        # heads and feet in columns carry a date or a page number
        return None
    band = "top" if line.top < page.height / 2 else "bottom"
    return f"{band}:{_DIGITS.sub('#', line.text.strip().lower())}"


def _running_lines(pages: list[Page]) -> set[str]:
    """Edge lines that repeat, digits aside, on at least half the pages (three at least)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_edge_key(page, line) for line in page.lines}
        keys.discard(None)
        counts.update(keys)
    threshold = max(3, len(pages) // 2)
    return {key for key, n in counts.items() if n >= threshold}
