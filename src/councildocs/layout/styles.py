"""Style signatures: how a line looks, and how it differs from the body text.

A document's body style is its most common style by characters; headings are found and
ranked by how they differ from it (larger, bolder, capitals, underlined, italic).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..extract.page import Line, TextStyle

SIZE_STEP = 0.75  # points: sizes closer than this read as the same size

_LOWERCASE = regex.compile(r"\p{Ll}")
_CAPITAL_WORD = regex.compile(r"\p{Lu}{3,}")  # a postcode ("SA19 7AW") has no such word


def line_style(line: Line) -> TextStyle | None:
    """The style of most of the line's visible characters; None for text exports."""
    spans = line.spans
    if not spans or spans[0].style is None:
        return None
    if len(spans) == 1:
        return spans[0].style
    weights: dict[TextStyle, int] = {}
    for span in spans:
        if span.style is not None and span.style.visible:
            weights[span.style] = weights.get(span.style, 0) + len(span.text)
    return max(weights, key=weights.__getitem__) if weights else None


def dominant_style(lines: Iterable[Line]) -> TextStyle | None:
    """The style of most of the lines' visible characters; None for text exports."""
    weights: dict[TextStyle, int] = {}
    # runs of one style are counted before they are looked up: extraction shares one
    # TextStyle among a page's runs that look alike, and hashing a style is the cost here
    last, run = None, 0
    for line in lines:
        for span in line.spans:
            style = span.style
            if style is last:
                run += len(span.text)
                continue
            if last is not None:
                weights[last] = weights.get(last, 0) + run
            last, run = (
                (style, len(span.text)) if style is not None and style.visible else (None, 0)
            )
    if last is not None:
        weights[last] = weights.get(last, 0) + run
    return max(weights, key=weights.__getitem__) if weights else None


def is_capitals(text: str) -> bool:
    """All capitals, with a word of three capitals at least (not a postcode or a code)."""
    return _LOWERCASE.search(text) is None and _CAPITAL_WORD.search(text) is not None


def emphasised(style: TextStyle | None, body: TextStyle | None) -> bool:
    """Whether a reader sees the style stand out from the body text."""
    if style is None or body is None:
        return False
    return (
        (style.bold and not body.bold)
        or style.size > body.size + SIZE_STEP
        or (style.underline and not body.underline)
        or (style.italic and not body.italic)
    )


def smaller(style: TextStyle | None, body: TextStyle | None) -> bool:
    return style is not None and body is not None and style.size < body.size - SIZE_STEP


def size_step(style: TextStyle | None, body: TextStyle | None) -> int:
    """How many steps larger than the body the style is (0 for body size or text exports)."""
    if style is None or body is None:
        return 0
    return max(0, round((style.size - body.size) / SIZE_STEP))
