"""Page furniture: the pack's page stamps and running heads and feet.

Packs published from ModernGov stamp "Page 12" at the foot of each page and "Agenda Item 6"
on the first page of each item's document; councils add running lines such as "OFFICIAL"
or "Version January 2024". The stamps number the pages and mark where documents start;
none of it is content, so it moves from ``Page.lines`` to ``Page.furniture``, where the
lines keep their geometry so that layout can still show them as furniture blocks.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..patterns import compiled
from .page import Line, Page

_STAMP = compiled(
    r"^(?:Page\s+(?P<page>\d{1,4}))?\s*(?:Agenda\s+Item\s+(?P<item>\d+[A-Za-z]?(?:\.\d+)?))?$",
    regex.IGNORECASE,
)
_TRAILING_PAGE = compiled(r"Page\s+(?P<page>\d{1,4})$")
_BLANK = compiled(r"^this page (is )?(intentionally|deliberately) (left )?blank\.?$", regex.I)
_DIGITS = compiled(r"\d+")
_EDGE_FRACTION = 0.09  # running heads and feet sit in the top and bottom 9% of a page


def strip_furniture(pages: list[Page]) -> None:
    """Find stamps and running lines on every page and move them out of the content."""
    for page in pages:
        _take_stamps(page)
    keys = [_edge_keys(page) for page in pages]
    repeated = _running_lines(keys)
    for page, page_keys in zip(pages, keys, strict=True):
        if repeated and page_keys:
            kept = []
            for line in page.lines:
                if page_keys.get(line) in repeated:
                    page.furniture.append(line)
                else:
                    kept.append(line)
            page.lines = kept
        page.blank = not page.lines or all(_BLANK.match(ln.text) for ln in page.lines)
    _fill_unstamped_numbers(pages)


def _edge_lines(page: Page) -> list[Line]:
    """The lines in the page's top and bottom bands; lines run top to bottom, so only the
    first and last few need looking at."""
    lines = page.lines
    if not lines:
        return []
    if page.width == 0:  # text input: the first and last lines of a page are its edges
        return [lines[0]] if len(lines) == 1 else [lines[0], lines[-1]]
    margin = page.height * _EDGE_FRACTION
    edge = []
    for line in lines:
        if line.top >= margin:
            break
        edge.append(line)
    for line in reversed(lines[len(edge) :]):
        if line.bottom <= page.height - margin:
            break
        edge.append(line)
    return edge


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
    stamps = set()
    for line in _edge_lines(page):
        match = _STAMP.match(line.text.strip())
        if match and (match["page"] or match["item"]):
            if match["page"] and page.pack_page is None:
                page.pack_page = int(match["page"])
            if match["item"] and page.agenda_item_stamp is None:
                page.agenda_item_stamp = match["item"]
            stamps.add(line)
            continue
        trailing = _TRAILING_PAGE.search(line.text)
        if trailing and page.pack_page is None:
            # a footer run into its stamp ("Consultation ReportPage 3"): the stamp still counts
            page.pack_page = int(trailing["page"])
    if stamps:
        page.furniture.extend(ln for ln in page.lines if ln in stamps)
        page.lines = [ln for ln in page.lines if ln not in stamps]


def _edge_keys(page: Page) -> dict[Line, str]:
    """Each edge line's key: its band and its text with digits blanked ("top:page #")."""
    if page.width == 0:
        return {}
    keys = {}
    for line in _edge_lines(page):
        if len(line.spans) >= 3 and not _DIGITS.search(line.text):
            # a table's header row printed on every page is content, not a running head;
            # running heads and feet in columns carry a date or a page number
            continue
        band = "top" if line.top < page.height / 2 else "bottom"
        keys[line] = f"{band}:{_DIGITS.sub('#', line.text.strip().lower())}"
    return keys


def _running_lines(keys: list[dict[Line, str]]) -> set[str]:
    """Edge lines that repeat, digits aside, on at least half the pages (three at least)."""
    if len(keys) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page_keys in keys:
        counts.update(set(page_keys.values()))
    threshold = max(3, len(keys) // 2)
    return {key for key, n in counts.items() if n >= threshold}
