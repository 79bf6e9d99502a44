"""Style signatures: how a line looks, and how it differs from the body text.

A document's body style is its most common style by characters; headings are found and
ranked by how they differ from it (larger, bolder, capitals, underlined, italic).
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from ..extract.page import Line, TextStyle
from ..patterns import compiled

SIZE_STEP = 0.75  # points: sizes closer than this read as the same size

_LOWERCASE = compiled(r"\p{Ll}")
_CAPITAL_WORD = compiled(r"\p{Lu}{3,}")  # a postcode ("SA19 7AW") has no such word


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
    return _commonest(weights) if weights else None


def dominant_style(lines: Iterable[Line]) -> TextStyle | None:
    """The style of most of the lines' visible characters; None for text exports."""
    weights = _style_weights(lines)
    return _commonest(weights) if weights else None


def _commonest(weights: dict[TextStyle, int]) -> TextStyle:
    """The style with the most characters, the first of equal ones; read from the pairs,
    since looking a style up again hashes it, the cost here."""
    return max(weights.items(), key=itemgetter(1))[0]


# upright text this large a share of the commonest emphasised style's is the body all the same
_UPRIGHT_BODY_SHARE = 0.5


def body_text_style(lines: Iterable[Line]) -> TextStyle | None:
    """The running text's style: the commonest, unless that is italic or bold and upright
    text comes near it. A form's fine print in italic (a page of notes on its criteria) or a
    document of bold labels can outweigh its running text without being it; a reader still
    takes the upright text as the body and the italic or bold as set apart from it."""
    weights = _style_weights(lines)
    if not weights:
        return None
    commonest = _commonest(weights)
    if not (commonest.italic or commonest.bold):
        return commonest
    upright = [style for style in weights if not (style.italic or style.bold)]
    if not upright:
        return commonest
    best = max(upright, key=weights.__getitem__)
    return best if weights[best] >= _UPRIGHT_BODY_SHARE * weights[commonest] else commonest


def _style_weights(lines: Iterable[Line]) -> dict[TextStyle, int]:
    """Characters of each visible style."""
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
    return weights


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
