"""How every output words counts and page ranges, so that no two outputs disagree."""

from __future__ import annotations

IRREGULAR_PLURALS = {"apology": "apologies", "summary": "summaries", "body": "bodies"}


def count(number: int, noun: str) -> str:
    """``1 page``, ``2 pages``, ``1 apology``, ``3 apologies``."""
    plural = IRREGULAR_PLURALS.get(noun, noun + "s")
    return f"{number} {noun if number == 1 else plural}"


def page_range(start: int, end: int) -> str:
    """``page 3`` for one page, ``pages 3-8`` for several."""
    return f"page {start}" if start == end else f"pages {start}-{end}"
