"""Style signatures: how a line looks, and how it differs from the body text.

A document's body style is its most common style by characters; headings are found and
ranked by how they differ from it (larger, bolder, capitals, underlined, italic).
"""

from __future__ import annotations

from collections import Counter
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
    counts: Counter[TextStyle] = Counter()
    for line in lines:
        for span in line.spans:
            if span.style is not None and span.style.visible:
                counts[span.style] += len(span.text)
    return counts.most_common(1)[0][0] if counts else None


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
